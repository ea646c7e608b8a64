// Intercoder agreement in a real VS Code: a generated Kamervragen document with a sidecar of two
// coders' annotations; kamerstukken.agreement with arguments returns figures that are computed by
// hand below (block units: the four question and answer blocks), and without arguments shows the
// report, whose DOM is read through Playwright (figures, CSP, a disagreement opened by keyboard).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnnotation } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';
import type { AgreementResult } from '../../src/features/agreement';
import { EXTENSION_ID, folder, waitFor, writeText } from './helpers';
import { query, REPORT } from './agreementView';
import { ui, uiBridge } from './ui';

const TEXT = `Vragen van het lid Jansen (VVD) aan de minister van Financiën over de begroting (ingezonden 3 januari 2024).

Vraag 1
Bent u bekend met het bericht over de begroting?

Antwoord 1
Ja, ik zal de Kamer voor de zomer informeren.

Vraag 2
Waarom is de begroting te laat?

Antwoord 2
Dat hangt af van vele factoren die ik nu niet kan overzien.
`;
const DIR = 'agreement-test';
const NAME = `${DIR}/coders.txt`;
const ANNA = 'anna-agr';
const BERT = 'bert-agr';
const T = 'agr/toezegging';
const O = 'agr/ontwijkend';

function entry(quote: string, id: string, tag: string, coder: string): ReturnType<typeof createAnnotation> & { coder: string } {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { ...createAnnotation(TEXT, start, start + quote.length, { id, tags: [tag], created: '2026-01-02T03:04:05Z' }), coder };
}

async function agreement(args: Record<string, unknown>): Promise<AgreementResult> {
  const r = await vscode.commands.executeCommand<AgreementResult | undefined>('kamerstukken.agreement', args);
  assert.ok(r, `agreement for ${JSON.stringify(args)}`);
  return r;
}

function value(c: { value: number | null }): number {
  assert.ok(c.value !== null, JSON.stringify(c));
  return c.value;
}

function near(actual: { value: number | null }, expected: number, what: string): void {
  assert.ok(Math.abs(value(actual) - expected) < 1e-9, `${what}: ${value(actual)} is not ${expected}`);
}

describe('agreement', () => {
  let uri: vscode.Uri;

  before(async function () {
    this.timeout(60_000);
    uri = await writeText(NAME, TEXT);
    // Blocks: Vraag 1, Antwoord 1, Vraag 2, Antwoord 2. Anna tags both answers "toezegging"; Bert
    // tags Antwoord 1 "toezegging" and Antwoord 2 "ontwijkend".
    const entries = [
      entry('ik zal de Kamer voor de zomer informeren', 'a1', T, ANNA),
      entry('Dat hangt af van vele factoren', 'a2', T, ANNA),
      entry('Ja, ik zal de Kamer', 'b1', T, BERT),
      entry('die ik nu niet kan overzien', 'b2', O, BERT),
    ];
    await writeText(uri.with({ path: `${uri.path}.annotations.yaml` }), serializeSidecar('coders.txt', entries));
    // The corpus index picks the files up through its watcher.
    await waitFor('the corpus to list the coders', async () => {
      const r = await vscode.commands.executeCommand<AgreementResult | undefined>('kamerstukken.agreement', { coders: [ANNA, BERT] });
      return r && r.documents === 1 && r.tags.length === 2 ? r : undefined;
    }, 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), DIR), { recursive: true }).then(undefined, () => undefined);
  });

  it('block units: percent agreement, κ and α per tag and overall, as computed by hand', async () => {
    const r = await agreement({ coders: [ANNA, BERT], unit: 'block' });
    assert.deepEqual(r.coders, [ANNA, BERT]);
    assert.equal(r.unit, 'block');
    assert.equal(r.scope, 'workspace');
    const t = r.tags.find((x) => x.tag === T);
    const o = r.tags.find((x) => x.tag === O);
    assert.ok(t && o);
    // toezegging: V1 (0,0), A1 (1,1), V2 (0,0), A2 (1,0). p_o = 3/4; p_e = 2/4·1/4 + 2/4·3/4 = 1/2;
    // κ = (3/4 − 1/2)/(1/2) = 1/2. α: o01 = o10 = 1, n0 = 5, n1 = 3, n = 8: 1 − 7·2/30 = 8/15.
    assert.equal(t.units, 4);
    near(t.percentAgreement, 0.75, 'toezegging %');
    near(t.kappa, 0.5, 'toezegging κ');
    near(t.alpha, 8 / 15, 'toezegging α');
    assert.deepEqual(t.applied, { [ANNA]: 2, [BERT]: 1 });
    // ontwijkend: only Bert, on A2. p_o = 3/4 = p_e, so κ = 0; α = 1 − 7·2/(2·7·1) = 0.
    near(o.percentAgreement, 0.75, 'ontwijkend %');
    near(o.kappa, 0, 'ontwijkend κ');
    near(o.alpha, 0, 'ontwijkend α');
    // Overall, the set of tags per block: {}, {T}, {}, {T} against {}, {T}, {}, {O}.
    // p_o = 3/4; p_e = 2/4·2/4 + 2/4·1/4 = 3/8; κ = (3/4 − 3/8)/(5/8) = 3/5. α = 1 − 7·2/(64 − 26) = 24/38.
    near(r.overall.percentAgreement, 0.75, 'overall %');
    near(r.overall.kappa, 0.6, 'overall κ');
    near(r.overall.alpha, 24 / 38, 'overall α');
    // The two disagreements are both on Antwoord 2, each with the document's URI.
    assert.deepEqual(r.disagreements.map((d) => [d.tag, d.block?.label, d.applied, d.notApplied]), [
      [O, 'Antwoord 2', [BERT], [ANNA]],
      [T, 'Antwoord 2', [ANNA], [BERT]],
    ]);
    assert.equal(r.disagreements[0].uri, uri.toString());
    assert.equal(TEXT.slice(r.disagreements[0].start, r.disagreements[0].end).split('\n')[0], 'Antwoord 2');
  });

  it('character units: every code point of the text counts', async () => {
    const r = await agreement({ coders: [ANNA, BERT], unit: 'character', tags: [T] });
    const t = r.tags[0];
    assert.equal(r.tags.length, 1);
    assert.equal(t.units, [...TEXT].length);
    // Anna's two passages and Bert's one: they overlap on "ik zal de Kamer" only.
    const a1 = 'ik zal de Kamer voor de zomer informeren'.length;
    const a2 = 'Dat hangt af van vele factoren'.length;
    const b1 = 'Ja, ik zal de Kamer'.length;
    const both = 'ik zal de Kamer'.length;
    const differ = (a1 + a2 - both) + (b1 - both);
    near(t.percentAgreement, 1 - differ / [...TEXT].length, 'character %');
    assert.deepEqual(t.applied, { [ANNA]: a1 + a2, [BERT]: b1 });
  });

  it('edge cases give a reason instead of NaN: one coder, a coder without annotations, a tag nobody used', async () => {
    const one = await agreement({ coders: [ANNA] });
    assert.deepEqual(one.overall.kappa, { value: null, reason: 'notTwoCoders' });
    assert.deepEqual(one.overall.alpha, { value: null, reason: 'noUnits' });
    assert.deepEqual(one.overall.percentAgreement, { value: null, reason: 'noUnits' });
    // A coder with no annotations said "not applied" to every block of the documents compared.
    const carl = await agreement({ coders: [ANNA, 'carl-agr'], tags: [T] });
    near(carl.tags[0].percentAgreement, 0.5, 'anna–carl %');
    near(carl.tags[0].kappa, 0, 'anna–carl κ');
    // α: o01 = o10 = 2 (two disagreeing blocks), n0 = 6, n1 = 2: 1 − 7·4/(2·6·2) = −1/6.
    near(carl.tags[0].alpha, -1 / 6, 'anna–carl α');
    const unused = await agreement({ coders: [ANNA, BERT], tags: ['agr/nergens'] });
    assert.deepEqual(unused.tags[0].alpha, { value: null, reason: 'noVariation' });
    assert.deepEqual(unused.tags[0].kappa, { value: null, reason: 'noVariation' });
    near(unused.tags[0].percentAgreement, 1, 'unused %');
  });

  it('scope "document" compares the active editor\'s document only, as the editor has it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The editor loads the sidecar after opening.
    const r = await waitFor('the open document\'s annotations', async () => {
      const x = await vscode.commands.executeCommand<AgreementResult | undefined>('kamerstukken.agreement', { coders: [ANNA, BERT], scope: 'document' });
      return x && x.documents === 1 ? x : undefined;
    });
    assert.equal(r.documents, 1);
    assert.equal(r.scope, 'document');
    near(r.overall.kappa, 0.6, 'overall κ of the document');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const none = await vscode.commands.executeCommand('kamerstukken.agreement', { scope: 'document' });
    assert.equal(none, undefined, 'no document, no figures');
  });

  it('wrong arguments are refused', async () => {
    assert.equal(await vscode.commands.executeCommand('kamerstukken.agreement', { unit: 'word' }), undefined);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.agreement', { coders: 3 }), undefined);
  });

  it('the report: figures, a strict CSP, and a disagreement opened from the keyboard', async function () {
    if (!uiBridge()) this.skip();
    this.timeout(60_000);
    const r = await vscode.commands.executeCommand<AgreementResult>('kamerstukken.agreement');
    assert.ok(r);
    const csp = await query('meta[http-equiv="Content-Security-Policy"]', ['content']);
    const policy = csp[0].attributes.content ?? '';
    assert.match(policy, /default-src 'none'/u);
    assert.match(policy, /script-src 'nonce-[0-9a-f]{32}'/u);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/u);
    const html = await query('html', ['lang']);
    assert.equal(html[0].attributes.lang, vscode.env.language);
    // The row of "toezegging" shows what the data says, formatted.
    const rows = await query('#figures tbody tr');
    const row = rows.find((x) => x.text.startsWith(T));
    assert.ok(row, rows.map((x) => x.text).join(' | '));
    const t = r.tags.find((x) => x.tag === T);
    assert.ok(t);
    const fmt = new Intl.NumberFormat(vscode.env.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    assert.ok(row.text.includes(fmt.format(value(t.alpha))), `${row.text} shows α ${value(t.alpha)}`);
    assert.ok(rows.some((x) => /^All tags/u.test(x.text)), 'an overall row');
    // Every disagreement is a button (keyboard-usable); Enter on the one of Antwoord 2 opens it there.
    const buttons = await query('button.disagreement', ['data-open']);
    const listed = Math.min(r.disagreements.length, 500);
    assert.equal(buttons.length, listed);
    const index = r.disagreements.findIndex((d) => d.uri === uri.toString() && d.tag === T);
    assert.ok(index >= 0);
    assert.ok(buttons[index].text.includes('Antwoord 2') && buttons[index].text.includes(T), buttons[index].text);
    await ui('webviewPress', { marker: REPORT, selector: `button.disagreement[data-open="${index}"]`, keys: ['Enter'] });
    const editor = await waitFor('the document opened at the disagreement', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === uri.toString() ? e : undefined;
    });
    const d = r.disagreements[index];
    assert.equal(editor.document.offsetAt(editor.selection.start), d.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), d.end);
    assert.ok(editor.document.getText(editor.selection).startsWith('Antwoord 2'));
  });

  it('the report is restored after a window reload: computed again with what its page saved', async function () {
    if (!uiBridge()) this.skip();
    this.timeout(60_000);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents?: string[] };
    assert.ok(manifest.activationEvents?.includes('onWebviewPanel:kamerstukken.agreement'), 'VS Code activates the extension to restore the report');
    // VS Code keeps one serializer per view type: a second one is refused because the extension registered it.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('kamerstukken.agreement', { deserializeWebviewPanel: async () => undefined }), /already registered/u);
    await vscode.commands.executeCommand('kamerstukken.agreement');
    const saved = (await query('body', ['data-state']))[0]?.attributes['data-state'];
    assert.ok(saved, 'the page says what it saves');
    const state = JSON.parse(saved) as { args: { unit: string; scope: string } };
    assert.deepEqual(state.args, { unit: 'block', scope: 'workspace' });
    const reports = (): number => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kamerstukken.agreement')).length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no report open', () => reports() === 0);
    // Restored with character units (as the page of a report in characters saves it).
    await vscode.commands.executeCommand('kamerstukken.restoreAgreementForTests', { args: { ...state.args, unit: 'character' } });
    await waitFor('the restored report in character units', async () => {
      const places = await query('button.disagreement .place');
      const unit = await query('#unit option[selected]', ['value']);
      return unit[0]?.attributes.value === 'character' && places.length > 0 && places.every((p) => /^characters \d+–\d+$/u.test(p.text)) ? true : undefined;
    }, 20_000);
    const rows = await query('#figures tbody tr');
    assert.ok(rows.some((x) => x.text.startsWith(T)), rows.map((x) => x.text).join(' | '));
    // The restored panel is the one the command uses: no second report.
    await vscode.commands.executeCommand('kamerstukken.agreement');
    await waitFor('the report in blocks again', async () => (await query('#unit option[selected]', ['value']))[0]?.attributes.value === 'block' ? true : undefined, 20_000);
    assert.equal(reports(), 1);
    // The next test starts from a new report, as it would without this one (its page is not replaced while it is read).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the report recomputes for another unit chosen in it', async function () {
    if (!uiBridge()) this.skip();
    this.timeout(60_000);
    await vscode.commands.executeCommand<AgreementResult>('kamerstukken.agreement');
    await ui('webviewEvaluate', { marker: REPORT, script: "(() => { document.getElementById('unit').value = 'character'; return true; })()" });
    await ui('webviewClick', { marker: REPORT, selector: 'button.run' });
    await waitFor('the report in character units', async () => {
      const places = await query('button.disagreement .place');
      const unit = await query('#unit option[selected]', ['value']);
      return unit[0]?.attributes.value === 'character' && places.length > 0 && places.every((p) => /^characters \d+–\d+$/u.test(p.text)) ? true : undefined;
    }, 20_000);
  });
});
