// The Corpus view and Export Corpus in Dutch (run.mjs runs this suite in a VS Code started with
// `--locale nl`): what the webview shows and the CSV's headers and values, not translations looked
// up by the test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, folder } from './helpers';
import { tableUntil } from './corpusViewTable';
import { uiBridge } from './ui';

describe('Dutch UI (--locale nl): the Corpus view and its export', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('kamerstukken.corpusControl', 'ready');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the CSV has Dutch headers and values', async () => {
    const target = vscode.Uri.joinPath(folder(), 'nl-corpus.csv');
    const result = await vscode.commands.executeCommand<{ documents: number } | undefined>('kamerstukken.exportCorpus', { format: 'csv', target: target.toString(), overwrite: true });
    assert.ok(result && result.documents > 0);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const [header, ...rows] = csv.split('\r\n');
    assert.deepEqual(header.split(';').slice(0, 4), ['bestand', 'soort', 'rol', 'titel']);
    const seed = rows.find((r) => r.startsWith(`${SEED_000};`));
    assert.ok(seed);
    assert.match(seed, /;Kamervragen;antwoord;/u);
    assert.match(seed, /;op tijd beantwoord;/u);
    await vscode.workspace.fs.delete(target);
  });

  it('the view speaks Dutch', async function () {
    if (!uiBridge()) this.skip();
    await vscode.commands.executeCommand('kamerstukken.corpusViewState');
    const id = vscode.Uri.joinPath(folder(), SEED_000).toString();
    const t = await tableUntil('the table', (x) => x.rows.some((r) => r.id === id), 20_000);
    assert.deepEqual(t.headers.slice(0, 3).map((h) => h.text), ['Soort', 'Titel', 'Gesteld door']);
    assert.match(t.count, /^\d+ van \d+ documenten$/u);
    const row = t.rows.find((r) => r.id === id);
    assert.equal(row?.cells.kind, 'Antwoord');
    assert.equal(row?.cells.status, 'Op tijd beantwoord');
  });
});
