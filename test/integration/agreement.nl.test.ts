// The agreement report in Dutch (run.mjs runs this suite in a VS Code started with --locale nl): what
// the webview shows, read through Playwright, not translations looked up by the test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';
import type { AgreementResult } from '../../src/features/agreement';
import { folder, waitFor, writeText } from './helpers';
import { query } from './agreementView';
import { uiBridge } from './ui';

const TEXT = `Vragen van het lid Jansen (VVD) aan de minister van Financiën over de begroting (ingezonden 3 januari 2024).

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja, ik zal de Kamer informeren.
`;

describe('Dutch agreement report (--locale nl)', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'nl-agreement'), { recursive: true }).then(undefined, () => undefined);
  });

  it('the report speaks Dutch, with Dutch numbers', async function () {
    if (!uiBridge()) this.skip();
    this.timeout(60_000);
    const uri = await writeText('nl-agreement/doc.txt', TEXT);
    const at = (quote: string): [number, number] => [TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length];
    const entries = [
      { ...createAnnotation(TEXT, ...at('ik zal de Kamer informeren'), { id: 'aaaa0001', tags: ['nl/toezegging'], created: '2026-01-01T00:00:00Z' }), coder: 'nl-anna' },
      { ...createAnnotation(TEXT, ...at('Bent u bekend'), { id: 'aaaa0002', tags: ['nl/toezegging'], created: '2026-01-01T00:00:00Z' }), coder: 'nl-bert' },
    ];
    await writeText(uri.with({ path: `${uri.path}.annotations.yaml` }), serializeSidecar('doc.txt', entries));
    await waitFor('the coders in the index', async () => {
      const r = await vscode.commands.executeCommand<AgreementResult | undefined>('kamerstukken.agreement', { coders: ['nl-anna', 'nl-bert'] });
      return r?.documents === 1 ? r : undefined;
    }, 30_000);
    await vscode.commands.executeCommand('kamerstukken.agreement');
    const [html] = await query('html', ['lang']);
    assert.equal(html.attributes.lang, 'nl');
    const [title] = await query('h1');
    assert.equal(title.text, 'Intercodeursbetrouwbaarheid');
    const headers = await query('#figures thead th');
    assert.deepEqual(headers.map((h) => h.text).slice(0, 5), ['Tag', 'Eenheden', 'Percentage overeenstemming', 'Cohens κ', 'Krippendorffs α']);
    // Vraag 1 and Antwoord 1: they disagree on both blocks: 0,0% agreement, with a decimal comma.
    const rows = await query('#figures tbody tr');
    const row = rows.find((r) => r.text.startsWith('nl/toezegging'));
    assert.ok(row, rows.map((r) => r.text).join(' | '));
    assert.match(row.text, /0,0\s?%/u);
    const buttons = await query('button.disagreement');
    assert.ok(buttons.some((b) => /Antwoord 1 nl\/toezegging getagd door nl-anna; niet door nl-bert/u.test(b.text)), buttons.map((b) => b.text).join(' | '));
  });
});
