// The Code Matrix in a real VS Code: two generated Kamervragen (asked by VVD, and by SP with
// GroenLinks-PvdA) with tagged passages; the grid the webview shows (DOM, through Playwright)
// against the annotations; party columns; collapsing a parent; the co-occurrence tab; Enter on a
// cell lists its passages, a click opens the document with the passage selected; the CSV export;
// the grid follows a changed sidecar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { TextPositions } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';
import { EXTENSION_ID, folder, waitFor, writeText } from './helpers';
import { ui, uiBridge } from './ui';

const ROOT = 'matrix-test';
const at = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ROOT, ...parts);
const sidecarOf = (uri: vscode.Uri): vscode.Uri => uri.with({ path: `${uri.path}.annotations.yaml` });
const control = async (action: string): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', action);
const MARKER = '#code-matrix';

const VVD = `Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de belastingdienst (ingezonden 10 januari 2024).

Antwoord van Minister De Vries (Financiën) (ontvangen 12 februari 2024).

Vraag 1
Klopt het dat de belastingdienst achterloopt?

Antwoord 1
Nee, dat klopt niet. Wij zeggen toe u te informeren.
`;
const SP = `Vragen van de leden Pieters (SP) en Bakker (GroenLinks-PvdA) aan de Minister van Volksgezondheid, Welzijn en Sport over de zorg (ingezonden 3 maart 2023).

Antwoord van Minister Kuipers (Volksgezondheid, Welzijn en Sport) (ontvangen 20 maart 2023).

Vraag 1
Wat is de stand van zaken?

Antwoord 1
Daar ga ik niet over. Ik kom erop terug.
`;

type Passage = [quote: string, tags: string[], id: string, coder?: string];
const VVD_PASSAGES: Passage[] = [
  ['Nee, dat klopt niet.', ['mx/ontwijkend'], 'aaaa0001', 'Anna'],
  ['Wij zeggen toe u te informeren.', ['mx-toezegging'], 'aaaa0002', 'Bram'],
];
const SP_PASSAGES: Passage[] = [
  ['Daar ga ik niet over.', ['mx/ontwijkend'], 'bbbb0001', 'Anna'],
  ['Daar ga ik niet over. Ik kom erop terug.', ['mx/volledig', 'mx-toezegging'], 'bbbb0002', 'Bram'],
];

function sidecar(name: string, text: string, passages: Passage[]): string {
  const positions = new TextPositions(text);
  const entries: Annotation[] = passages.map(([quote, tags, id, coder]) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    return { id, tags, ...positions.selector(start, start + quote.length), created: '2026-12-01T12:00:00Z', ...(coder ? { coder } : {}) };
  });
  return serializeSidecar(name, entries);
}

interface Grid {
  columns: string[];
  rows: { tag: string; hidden: boolean; cells: number[] }[];
}

/** The grid as the webview shows it: header labels (without the tag and total columns) and each row's counts. */
async function grid(): Promise<Grid> {
  return ui<Grid>('webviewEvaluate', {
    marker: `${MARKER} #grid`,
    script: `(() => {
      const g = document.getElementById('grid');
      const heads = [...g.querySelectorAll('thead th[data-c]')].map((th) => th.textContent);
      const rows = [...g.querySelectorAll('tbody tr[data-tag]')].map((tr) => ({
        tag: tr.dataset.tag, hidden: tr.hidden, cells: [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
      }));
      return { columns: heads, rows };
    })()`,
  });
}

/** Waits until the grid shows what `ok` accepts (the panel renders after the corpus and each option change). */
async function gridWhere(what: string, ok: (g: Grid) => boolean): Promise<Grid> {
  let last: Grid | undefined;
  return waitFor(`${what} (last: ${JSON.stringify(last)})`, async () => {
    last = await grid().catch(() => undefined);
    return last && ok(last) ? last : undefined;
  }, 20_000);
}

/** The counts of a row by column label; columns with nothing are left out. */
function counts(g: Grid, tag: string): Record<string, number> {
  const row = g.rows.find((r) => r.tag === tag);
  assert.ok(row, `row ${tag} in ${JSON.stringify(g.rows.map((r) => r.tag))}`);
  const out: Record<string, number> = {};
  [...g.columns, 'total'].forEach((c, i) => { if (row.cells[i]) out[c] = row.cells[i]; });
  return out;
}

const mine = (g: Grid): Grid['rows'] => g.rows.filter((r) => r.tag.startsWith('mx'));

describe('code matrix', function () {
  this.timeout(120_000);
  const vvd = at('vvd.txt');
  const sp = at('sp.txt');
  const vvdName = `${ROOT}/vvd.txt`;
  const spName = `${ROOT}/sp.txt`;

  before(async function () {
    if (!uiBridge()) this.skip();
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await control('ready');
    await writeText(vvd, VVD);
    await writeText(sidecarOf(vvd), sidecar('vvd.txt', VVD, VVD_PASSAGES));
    await writeText(sp, SP);
    await writeText(sidecarOf(sp), sidecar('sp.txt', SP, SP_PASSAGES));
    await control('refresh');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(at(), { recursive: true }).then(undefined, () => undefined);
    await control('refresh');
  });

  it('shows tags against documents as the annotations say; a parent counts its children and collapses', async () => {
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { tab: 'matrix', columns: 'document', count: 'passages' });
    const g = await gridWhere('the matrix with our documents', (x) => x.columns.includes(vvdName) && x.columns.includes(spName));
    assert.deepEqual(mine(g).map((r) => r.tag), ['mx', 'mx/ontwijkend', 'mx/volledig', 'mx-toezegging']);
    // bbbb0002 has mx/volledig and mx-toezegging; bbbb0001 and bbbb0002 both count once for mx in sp.txt.
    assert.deepEqual(counts(g, 'mx'), { [vvdName]: 1, [spName]: 2, total: 3 });
    assert.deepEqual(counts(g, 'mx/ontwijkend'), { [vvdName]: 1, [spName]: 1, total: 2 });
    assert.deepEqual(counts(g, 'mx/volledig'), { [spName]: 1, total: 1 });
    assert.deepEqual(counts(g, 'mx-toezegging'), { [vvdName]: 1, [spName]: 1, total: 2 });

    await ui('webviewClick', { marker: MARKER, selector: 'tr[data-tag="mx"] th.parent' });
    const collapsed = await gridWhere('mx collapsed', (x) => x.rows.some((r) => r.tag === 'mx/ontwijkend' && r.hidden));
    assert.deepEqual(mine(collapsed).map((r) => [r.tag, r.hidden]), [['mx', false], ['mx/ontwijkend', true], ['mx/volledig', true], ['mx-toezegging', false]]);
    await ui('webviewPress', { marker: MARKER, selector: 'tr[data-tag="mx"] th.parent', keys: ['Enter'] });
    await gridWhere('mx expanded by Enter', (x) => x.rows.every((r) => !r.hidden));
  });

  it('switches to the party of the asker (a question of two parties counts for both) and to counting documents', async () => {
    await ui('webviewSelect', { marker: MARKER, selector: '#columns', value: 'party' });
    const g = await gridWhere('party columns', (x) => x.columns.includes('VVD') && x.columns.includes('GroenLinks-PvdA'));
    assert.deepEqual(counts(g, 'mx'), { 'GroenLinks-PvdA': 2, SP: 2, VVD: 1, total: 3 });
    assert.deepEqual(counts(g, 'mx-toezegging'), { 'GroenLinks-PvdA': 1, SP: 1, VVD: 1, total: 2 });
    await ui('webviewClick', { marker: MARKER, selector: '[data-count="documents"]' });
    const docs = await gridWhere('counting documents', (x) => x.rows.find((r) => r.tag === 'mx')?.cells.at(-1) === 2);
    assert.deepEqual(counts(docs, 'mx'), { 'GroenLinks-PvdA': 1, SP: 1, VVD: 1, total: 2 });
    assert.equal(await ui('webviewEvaluate', { marker: MARKER, script: "document.querySelector('[data-count=\"documents\"]').getAttribute('aria-pressed')" }), 'true');
  });

  it('shows tag × tag co-occurrence: overlapping passages, or the same answer', async () => {
    await ui('webviewClick', { marker: MARKER, selector: '[data-tab="cooccurrence"]' });
    const g = await gridWhere('the co-occurrence tab', (x) => x.columns.includes('mx/ontwijkend') && !x.columns.includes('VVD'));
    const col = (tag: string): number => g.columns.indexOf(tag);
    const row = (tag: string): number[] => g.rows.find((r) => r.tag === tag)?.cells ?? [];
    // Overlap: bbbb0002 has both of its tags and overlaps bbbb0001 (mx/ontwijkend).
    assert.equal(row('mx/ontwijkend')[col('mx/volledig')], 1);
    assert.equal(row('mx/ontwijkend')[col('mx-toezegging')], 1);
    assert.equal(row('mx/volledig')[col('mx-toezegging')], 1);
    assert.equal(row('mx-toezegging')[col('mx-toezegging')], 2, 'the diagonal: passages with the tag');
    await ui('webviewClick', { marker: MARKER, selector: '[data-by="block"]' });
    const blocks = await gridWhere('by block', (x) => (x.rows.find((r) => r.tag === 'mx/ontwijkend')?.cells[x.columns.indexOf('mx-toezegging')] ?? 0) === 2);
    // Antwoord 1 of each document holds mx/ontwijkend and mx-toezegging.
    assert.equal(blocks.rows.find((r) => r.tag === 'mx/volledig')?.cells[blocks.columns.indexOf('mx/ontwijkend')], 1);
  });

  it('Enter on a cell lists its passages (arrow keys move); clicking one opens its place in the editor', async () => {
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { tab: 'matrix', columns: 'document', count: 'passages' });
    const g = await gridWhere('the document matrix again', (x) => x.columns.includes(spName) && x.rows.some((r) => r.tag === 'mx/ontwijkend'));
    const r = g.rows.findIndex((x) => x.tag === 'mx');
    const c = g.columns.indexOf(spName);
    // From the cell (mx, vvd.txt) one step left and one down: (mx/ontwijkend, sp.txt).
    assert.equal(g.columns[c + 1], vvdName, JSON.stringify(g.columns));
    await ui('webviewPress', { marker: MARKER, selector: `td[data-r="${r}"][data-c="${c + 1}"]`, keys: ['ArrowLeft', 'ArrowDown', 'Enter'] });
    const listed = await waitFor('the passages of (mx/ontwijkend, sp.txt)', async () => {
      const l = await ui<{ heading: string; quotes: string[]; focused: string }>('webviewEvaluate', {
        marker: MARKER,
        script: "({ heading: document.querySelector('#passages h2')?.textContent ?? '', quotes: [...document.querySelectorAll('#passages button.passage q')].map((q) => q.textContent), focused: document.activeElement?.className ?? '' })",
      });
      return l.heading ? l : undefined;
    }, 20_000);
    assert.equal(listed.heading, `1 passage: mx/ontwijkend × ${spName}`);
    assert.deepEqual(listed.quotes, ['Daar ga ik niet over.']);
    assert.equal(listed.focused, 'passage', 'focus moves to the first passage');

    await ui('webviewClick', { marker: MARKER, selector: `td[data-r="${r}"][data-c="${c}"]` });
    await waitFor('the passages of (mx, sp.txt)', async () => (await ui<number>('webviewEvaluate', { marker: MARKER, script: "document.querySelectorAll('#passages button.passage').length" })) === 2, 20_000);
    await ui('webviewClick', { marker: MARKER, selector: 'button.passage[data-i="1"]' });
    const editor = await waitFor('sp.txt in the editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === sp.toString() && !e.selection.isEmpty ? e : undefined;
    }, 20_000);
    assert.equal(editor.document.getText(editor.selection), 'Daar ga ik niet over. Ik kom erop terug.');
  });

  it('exports the matrix as CSV (semicolons, BOM, CRLF) and returns the file and its text', async () => {
    const target = vscode.Uri.joinPath(folder(), ROOT, 'matrix.csv');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; csv: string }>('kamerstukken.exportCodeMatrix', {
      rows: ['mx', 'mx/ontwijkend', 'mx/volledig', 'mx-toezegging'], columns: 'party', count: 'passages', target: target.toString(),
    });
    assert.equal(result.uri.toString(), target.toString());
    const written = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    assert.equal(written, result.csv, 'the file holds the text returned, byte order mark included');
    // The workspace's other documents (the seeds, other suites' files) are columns of zeros here.
    const header = result.csv.slice(1).split('\r\n')[0].split(';');
    const parties = header.slice(1, -1);
    const ours: Record<string, Record<string, number>> = {
      mx: { 'GroenLinks-PvdA': 2, SP: 2, VVD: 1 }, 'mx/ontwijkend': { 'GroenLinks-PvdA': 1, SP: 1, VVD: 1 },
      'mx/volledig': { 'GroenLinks-PvdA': 1, SP: 1 }, 'mx-toezegging': { 'GroenLinks-PvdA': 1, SP: 1, VVD: 1 },
    };
    // Passages with any of the rows' tags: aaaa0001 and aaaa0002 (VVD), bbbb0001 and bbbb0002 (SP and GroenLinks-PvdA).
    const columnTotals: Record<string, number> = { 'GroenLinks-PvdA': 2, SP: 2, VVD: 2 };
    const totals: Record<string, number> = { mx: 3, 'mx/ontwijkend': 2, 'mx/volledig': 1, 'mx-toezegging': 2 };
    assert.ok(['GroenLinks-PvdA', 'SP', 'VVD', '(unknown)'].every((p) => parties.includes(p)), header.join(';'));
    const line = (tag: string): string => [tag, ...parties.map((p) => ours[tag][p] ?? 0), totals[tag]].join(';');
    const expected = ['tag;' + parties.join(';') + ';total', ...Object.keys(ours).map(line),
      ['total', ...parties.map((p) => columnTotals[p] ?? 0), 4].join(';')];
    assert.equal(result.csv, `\uFEFF${expected.join('\r\n')}\r\n`);

    const again = await vscode.commands.executeCommand<{ uri: vscode.Uri; csv: string } | undefined>('kamerstukken.exportCodeMatrix', { columns: 'party', target: target.toString() });
    assert.equal(again, undefined, 'an existing file is not overwritten without overwrite: true');
    const cooc = await vscode.commands.executeCommand<{ csv: string }>('kamerstukken.exportCodeMatrix', {
      rows: ['mx/ontwijkend', 'mx-toezegging'], cooccurrence: 'block', target: target.toString(), overwrite: true,
    });
    assert.equal(cooc.csv, '\uFEFFtag;mx/ontwijkend;mx-toezegging\r\nmx/ontwijkend;2;2\r\nmx-toezegging;2;2\r\n');
  });

  it('counts by question and answer block after a start from the cache too (whose records come without their blocks)', async () => {
    const target = vscode.Uri.joinPath(folder(), ROOT, 'matrix-blocks.csv');
    const byBlock = async (): Promise<string> => (await vscode.commands.executeCommand<{ csv: string }>('kamerstukken.exportCodeMatrix', {
      rows: ['mx/ontwijkend', 'mx-toezegging'], cooccurrence: 'block', target: target.toString(), overwrite: true,
    })).csv;
    const built = await byBlock();
    assert.equal(built, '\uFEFFtag;mx/ontwijkend;mx-toezegging\r\nmx/ontwijkend;2;2\r\nmx-toezegging;2;2\r\n');
    await control('saveCache');
    await control('restartShown');
    assert.equal(await byBlock(), built);
    await control('idle');
  });

  it('filters by coder: the grid, the passages behind a cell and the CSV export (the panel\'s filter, or the coders given)', async () => {
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { tab: 'matrix', columns: 'document', count: 'passages' });
    await gridWhere('every coder', (x) => x.rows.find((r) => r.tag === 'mx')?.cells.at(-1) === 3);
    const offered = await ui<string[]>('webviewEvaluate', { marker: MARKER, script: "[...document.querySelectorAll('#coders option')].map((o) => o.textContent)" });
    assert.equal(offered[0], 'All coders');
    assert.ok(offered.includes('Anna') && offered.includes('Bram'), JSON.stringify(offered));

    await ui('webviewSelect', { marker: MARKER, selector: '#coders', value: 'Anna' });
    const g = await gridWhere('Anna\'s passages only', (x) => mine(x).map((r) => r.tag).join() === 'mx,mx/ontwijkend');
    assert.deepEqual(counts(g, 'mx'), { [vvdName]: 1, [spName]: 1, total: 2 });
    const explain = await ui<string>('webviewEvaluate', { marker: MARKER, script: "document.getElementById('explain').textContent" });
    assert.match(explain, /Only the passages of Anna\.$/u);
    const r = g.rows.findIndex((x) => x.tag === 'mx');
    await ui('webviewClick', { marker: MARKER, selector: `td[data-r="${r}"][data-c="${g.columns.indexOf(spName)}"]` });
    const quotes = await waitFor('the passages of (mx, sp.txt) by Anna', async () => {
      const q = await ui<string[]>('webviewEvaluate', { marker: MARKER, script: "[...document.querySelectorAll('#passages button.passage q')].map((q) => q.textContent)" });
      return q.length > 0 ? q : undefined;
    }, 20_000);
    assert.deepEqual(quotes, ['Daar ga ik niet over.']);

    // The export without coders exports what the panel shows; with coders, theirs.
    const target = vscode.Uri.joinPath(folder(), ROOT, 'coders.csv');
    const rows = ['mx', 'mx/ontwijkend', 'mx/volledig', 'mx-toezegging'];
    const table = (csv: string): Record<string, number[]> => {
      const lines = csv.slice(1).split('\r\n').filter(Boolean).map((l) => l.split(';'));
      const [vvdAt, spAt] = [lines[0].indexOf(vvdName), lines[0].indexOf(spName)];
      return Object.fromEntries(lines.slice(1).map((l) => [l[0], [vvdAt < 0 ? 0 : Number(l[vvdAt]), spAt < 0 ? 0 : Number(l[spAt]), Number(l.at(-1))]]));
    };
    const shown = await vscode.commands.executeCommand<{ csv: string }>('kamerstukken.exportCodeMatrix', { rows, target: target.toString(), overwrite: true });
    assert.deepEqual(table(shown.csv), { mx: [1, 1, 2], 'mx/ontwijkend': [1, 1, 2], 'mx/volledig': [0, 0, 0], 'mx-toezegging': [0, 0, 0], total: [1, 1, 2] }, shown.csv);
    const bram = await vscode.commands.executeCommand<{ csv: string }>('kamerstukken.exportCodeMatrix', { rows, coders: ['Bram'], target: target.toString(), overwrite: true });
    assert.deepEqual(table(bram.csv), { mx: [0, 1, 1], 'mx/ontwijkend': [0, 0, 0], 'mx/volledig': [0, 1, 1], 'mx-toezegging': [1, 1, 2], total: [1, 1, 2] }, bram.csv);

    await ui('webviewSelect', { marker: MARKER, selector: '#coders', value: 'All coders' });
    await gridWhere('every coder again', (x) => x.rows.find((row) => row.tag === 'mx')?.cells.at(-1) === 3);
  });

  it('blind coding: only one\'s own passages are counted, offered and exported', async () => {
    const settings = vscode.workspace.getConfiguration('kamerstukken');
    await settings.update('coder', 'Anna', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { tab: 'matrix', columns: 'document', count: 'passages', coders: [] });
      await gridWhere('every coder', (x) => x.rows.find((r) => r.tag === 'mx')?.cells.at(-1) === 3);
      await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: true });
      const g = await gridWhere('Anna\'s passages only', (x) => mine(x).map((r) => r.tag).join() === 'mx,mx/ontwijkend');
      assert.deepEqual(counts(g, 'mx'), { [vvdName]: 1, [spName]: 1, total: 2 });
      const seen = await ui<{ coders: string[]; explain: string }>('webviewEvaluate', {
        marker: MARKER, script: "({ coders: [...document.querySelectorAll('#coders option')].map((o) => o.textContent), explain: document.getElementById('explain').textContent })",
      });
      assert.ok(!seen.coders.includes('Bram'), `Bram is not offered: ${JSON.stringify(seen.coders)}`);
      assert.match(seen.explain, /Blind coding is on/u);
      const target = vscode.Uri.joinPath(folder(), ROOT, 'blind.csv');
      const csv = (await vscode.commands.executeCommand<{ csv: string }>('kamerstukken.exportCodeMatrix', { rows: ['mx', 'mx-toezegging'], coders: ['Bram'], target: target.toString(), overwrite: true })).csv;
      const totals = Object.fromEntries(csv.slice(1).split('\r\n').filter(Boolean).slice(1).map((l) => [l.split(';')[0], Number(l.split(';').at(-1))]));
      assert.deepEqual(totals, { mx: 0, 'mx-toezegging': 0, total: 0 }, 'asking for Bram\'s passages gives none while blind');
    } finally {
      await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: false });
      await settings.update('coder', undefined, vscode.ConfigurationTarget.Global);
    }
    await gridWhere('every coder again', (x) => x.rows.find((r) => r.tag === 'mx')?.cells.at(-1) === 3);
  });

  it('is restored after a window reload: a serializer for its view type, and a restored panel shows the view its page saved', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents?: string[] };
    assert.ok(manifest.activationEvents?.includes('onWebviewPanel:kamerstukken.codeMatrix'), 'VS Code activates the extension to restore the panel');
    // VS Code keeps one serializer per view type: a second one is refused because the extension registered it.
    assert.throws(() => vscode.window.registerWebviewPanelSerializer('kamerstukken.codeMatrix', { deserializeWebviewPanel: async () => undefined }), /already registered/u);
    const panels = (): number => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kamerstukken.codeMatrix')).length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no Code Matrix open', () => panels() === 0);
    // What the page saves (vscode.setState) and VS Code hands to the serializer after a reload.
    await vscode.commands.executeCommand('kamerstukken.restoreCodeMatrixForTests', {
      collapsed: {}, view: { tab: 'matrix', columns: 'party', count: 'documents', by: 'overlap', coders: ['Bram'] },
    });
    const g = await gridWhere('the restored view: party columns, documents, Bram\'s', (x) => x.columns.includes('VVD') && mine(x).some((r) => r.tag === 'mx-toezegging'));
    assert.deepEqual(mine(g).map((r) => r.tag), ['mx', 'mx/volledig', 'mx-toezegging']);
    assert.deepEqual(counts(g, 'mx-toezegging'), { 'GroenLinks-PvdA': 1, SP: 1, VVD: 1, total: 2 });
    const controls = await ui<{ coders: string; documents: string | null }>('webviewEvaluate', {
      marker: MARKER, script: "({ coders: document.querySelector('#coders option:checked').textContent, documents: document.querySelector('[data-count=\"documents\"]').getAttribute('aria-pressed') })",
    });
    assert.deepEqual(controls, { coders: 'Bram', documents: 'true' });
    // The restored panel is the one Show Code Matrix uses: no second panel.
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { coders: [] });
    await gridWhere('every coder in the restored panel', (x) => x.rows.find((r) => r.tag === 'mx')?.cells.at(-1) === 2 && mine(x).length === 4);
    assert.equal(panels(), 1);
    // A saved state that makes no sense is ignored: the panel opens all the same, still one.
    await vscode.commands.executeCommand('kamerstukken.restoreCodeMatrixForTests', { view: { tab: 'pie', columns: 7, coders: 'x' } });
    await waitFor('one panel', () => panels() === 1);
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { tab: 'matrix', columns: 'document', count: 'passages', coders: [] });
  });

  it('follows the annotations: a changed sidecar updates the grid', async () => {
    await writeText(sidecarOf(vvd), sidecar('vvd.txt', VVD, [...VVD_PASSAGES, ['Klopt het dat de belastingdienst achterloopt?', ['mx/volledig'], 'aaaa0003']]));
    const g = await gridWhere('mx/volledig in vvd.txt', (x) => {
      const row = x.rows.find((r) => r.tag === 'mx/volledig');
      return row !== undefined && row.cells[x.columns.indexOf(vvdName)] === 1;
    });
    assert.deepEqual(counts(g, 'mx'), { [vvdName]: 2, [spName]: 2, total: 4 });
  });
});
