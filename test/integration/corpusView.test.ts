// The Corpus view and Export Corpus in a real VS Code: a small corpus written into the workspace (a
// question set in three files, a late answer, open questions, a beslisnota, a document citing
// another, a sidecar); the export as CSV and JSON Lines (and its refusals); the view's webview DOM
// through the UI bridge (Playwright): sorting by a header, a filter, Enter on a row opens the
// document, and a new file appears in the open view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { TextPositions } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';
import { answerText, noticeText, questionsText } from '../unit/corpus/texts';
import { SEED_001, SEED_003, folder, readText, waitFor, writeText } from './helpers';
import { APP, type Table, tableUntil } from './corpusViewTable';
import { ui, uiBridge } from './ui';

const ROOT = 'corpus-view-test';
const at = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ROOT, ...parts);
const rel = (name: string): string => `${ROOT}/${name}`;
const control = async (action: string): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', action);

interface ExportResult { target: vscode.Uri; documents: number }
interface ViewRow { id: string; file: string; kind: string; status?: string; citedBy: number; tags: Record<string, number>; related: { file: string; kind: string }[] }
interface ViewState { rows: ViewRow[]; rendered: { version: number; shown: number; total: number } }


const click = async (selector: string): Promise<unknown> => ui('webviewClick', { marker: APP, selector });
const press = async (selector: string, ...keys: string[]): Promise<unknown> => ui('webviewPress', { marker: APP, selector, keys });


function sidecarFor(name: string, text: string, quotes: [string, string[]][]): string {
  const positions = new TextPositions(text);
  const entries: Annotation[] = quotes.map(([q, tags], i) => {
    const start = text.indexOf(q);
    assert.ok(start >= 0, q);
    return { id: `cv${i}aaaaaa`.slice(0, 8), tags, ...positions.selector(start, start + q.length), created: '2026-12-01T12:00:00Z' };
  });
  return serializeSidecar(name, entries);
}

describe('corpus view and export', function () {
  this.timeout(90_000);
  const answer = answerText({ received: '1 maart 2024' });

  before(async () => {
    await control('ready');
    await writeText(at('wolf', 'vragen.txt'), questionsText());
    await writeText(at('wolf', 'uitstel.txt'), noticeText({ sent: '15 februari 2024' }));
    await writeText(at('wolf', 'antwoord.txt'), answer);
    await writeText(at('wolf', 'antwoord.txt.annotations.yaml'), sidecarFor('antwoord.txt', answer, [
      ['subsidie voor wolfwerende rasters', ['toezegging']], ['ongeveer honderd', ['toezegging', 'verwijzing']],
    ]));
    await writeText(at('das.txt'), answerText({ who: 'het lid Öztürk (DENK)', subject: 'de das', submitted: '2 oktober 2023', received: '20 november 2023' }));
    await writeText(at('vos.txt'), questionsText({ subject: 'de vos', submitted: '1 mei 2024' }, '\nZie ah-tk-20222023-1429.\n'));
    const seed1 = await readText(vscode.Uri.joinPath(folder(), SEED_001));
    assert.ok(seed1);
    await writeText(at('nota.txt'), seed1);
    await control('refresh');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(at(), { recursive: true });
    await control('refresh');
  });

  it('exports the corpus as CSV: BOM, ";", ISO dates, the term and status, cited by and annotations per tag', async () => {
    const target = at('out', 'corpus.csv');
    const result = await vscode.commands.executeCommand<ExportResult | undefined>('kamerstukken.exportCorpus', { format: 'csv', target: target.toString() });
    assert.ok(result, 'the export wrote a file');
    assert.equal(result.target.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    assert.ok(csv.endsWith('\r\n'), 'CRLF line breaks');
    const lines = csv.split('\r\n').filter(Boolean);
    const header = lines[0].split(';');
    assert.deepEqual(header.slice(0, 4), ['file', 'kind', 'role', 'title']);
    // After the standard columns: cited by, annotations, then one column per tag of the workspace.
    const extra = header.slice(header.indexOf('related files') + 1);
    assert.deepEqual(extra.slice(0, 2), ['cited by', 'annotations']);
    assert.ok(extra.includes('annotations: toezegging') && extra.includes('annotations: verwijzing'), extra.join(' | '));
    // Every parliamentary text of the workspace: the seeds at its root and ours.
    assert.equal(lines.length - 1, result.documents);
    const row = (file: string): Record<string, string> => {
      const line = lines.find((l) => l.startsWith(`${file};`));
      assert.ok(line, `${file} in ${lines.map((l) => l.split(';')[0]).join(', ')}`);
      const cells = line.split(';');
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    const a = row(rel('wolf/antwoord.txt'));
    assert.equal(a.submitted, '2024-01-29');
    assert.equal(a.received, '2024-03-01');
    assert.equal(a.due, '2024-03-11');
    assert.equal(a['days to answer'], '32');
    assert.equal(a.status, 'answered in time');
    assert.equal(a['annotations'], '2');
    assert.equal(a['annotations: toezegging'], '2');
    assert.equal(a['annotations: verwijzing'], '1');
    assert.equal(a['related files'], `${rel('wolf/uitstel.txt')} | ${rel('wolf/vragen.txt')}`);
    assert.equal(row(rel('das.txt')).status, 'answered late without postponement');
    assert.equal(row(rel('vos.txt'))['annotations'], '0');
    // Seed 003 is Aanhangsel 2022–2023 nr. 1429, which vos.txt cites (other suites' files may cite it too).
    assert.ok(Number(row(SEED_003)['cited by']) >= 1);
  });

  it('exports JSON Lines: one object per document with metadata and question/answer pairs', async () => {
    const target = at('out', 'corpus.jsonl');
    const result = await vscode.commands.executeCommand<ExportResult | undefined>('kamerstukken.exportCorpus', { format: 'jsonl', target: target.toString() });
    assert.ok(result);
    const text = await readText(target);
    assert.ok(text);
    const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, result.documents);
    const a = lines.find((l) => l.file === rel('wolf/antwoord.txt')) as {
      askedBy: string[]; parties: string[]; questionSet: { status: string; files: string[] }; citedBy: number;
      annotations: Record<string, number>; pairs: { numbers: string[]; question: string; answer: string }[];
    } | undefined;
    assert.ok(a);
    assert.deepEqual(a.askedBy, ['Van der Lee']);
    assert.deepEqual(a.parties, ['GroenLinks-PvdA']);
    assert.equal(a.questionSet.status, 'answeredInTime');
    assert.equal(a.questionSet.files.length, 3);
    assert.deepEqual(a.annotations, { toezegging: 2, verwijzing: 1 });
    assert.deepEqual(a.pairs.map((p) => p.numbers), [['1'], ['2'], ['3']]);
    assert.equal(a.pairs[1].question, 'Welke maatregelen neemt u om schapenhouders te beschermen?');
    assert.equal(a.pairs[1].answer, 'Schapenhouders krijgen subsidie voor wolfwerende rasters.');
    // Cited by: as many documents as have a reference to one of its identities.
    const seed3 = lines.find((l) => l.file === SEED_003) as { identities: string[]; citedBy: number };
    const citing = lines.filter((l) => l.file !== SEED_003 && (l.references as string[]).some((k) => seed3.identities.includes(k)));
    assert.ok(citing.some((l) => l.file === rel('vos.txt')));
    assert.equal(seed3.citedBy, citing.length);
  });

  it('refuses to replace an existing file unless asked, and a format it does not know', async () => {
    const target = at('out', 'corpus.csv');
    const before = await readText(target);
    await writeText(target, 'keep me');
    const refused = await vscode.commands.executeCommand('kamerstukken.exportCorpus', { format: 'jsonl', target: target.toString() });
    assert.equal(refused, undefined);
    assert.equal(await readText(target), 'keep me', 'an existing file is not overwritten without overwrite: true');
    const replaced = await vscode.commands.executeCommand<ExportResult | undefined>('kamerstukken.exportCorpus', { format: 'csv', target: target.toString(), overwrite: true });
    assert.ok(replaced);
    assert.equal(await readText(target), before);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.exportCorpus', { format: 'xlsx', target: at('out', 'x.xlsx').toString() }), undefined);
    assert.equal(await readText(at('out', 'x.xlsx')), undefined);
  });

  it('the view: one row per document with the set, its status, cited by and annotations per tag', async () => {
    const state = await vscode.commands.executeCommand<ViewState>('kamerstukken.corpusViewState');
    const mine = state.rows.filter((r) => r.file.startsWith(`${ROOT}/`) && !r.file.includes('/out/'));
    assert.deepEqual(mine.map((r) => r.file), ['das.txt', 'nota.txt', 'vos.txt', 'wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt'].map(rel));
    const a = mine.find((r) => r.file === rel('wolf/antwoord.txt'));
    assert.equal(a?.status, 'answeredInTime');
    assert.deepEqual(a?.tags, { toezegging: 2, verwijzing: 1 });
    assert.deepEqual(a?.related.map((r) => [r.file, r.kind]), [[rel('wolf/uitstel.txt'), 'postponement'], [rel('wolf/vragen.txt'), 'questions']]);
    assert.ok((state.rows.find((r) => r.file === SEED_003)?.citedBy ?? 0) >= 1);
    assert.equal(state.rendered.total, state.rows.length);
  });

  it('the view in the browser: sorts by a column header, filters by party and words, Enter opens the document', async function () {
    if (!uiBridge()) this.skip();
    await vscode.commands.executeCommand('kamerstukken.showCorpus');
    const state = await vscode.commands.executeCommand<ViewState>('kamerstukken.corpusViewState');
    let t = await tableUntil('all rows shown', (x) => x.rows.length === state.rendered.shown && x.rows.length > 0);
    assert.deepEqual(t.headers.map((h) => h.column), ['kind', 'title', 'askedBy', 'addressedTo', 'submitted', 'received', 'daysToAnswer', 'status', 'questions', 'annotations', 'citedBy', 'related']);
    assert.equal(t.headers.find((h) => h.column === 'title')?.text, 'Title');

    // Sort: a click on "Days to answer" sorts ascending, a second click descending; empty cells last.
    await click('th.col-daysToAnswer button');
    t = await tableUntil('sorted by days ascending', (x) => x.headers.find((h) => h.column === 'daysToAnswer')?.sort === 'ascending');
    const days = (x: Table): number[] => x.rows.map((r) => r.cells.daysToAnswer).filter(Boolean).map(Number);
    assert.ok(days(t).length >= 3, JSON.stringify(t.rows.map((r) => r.cells.daysToAnswer)));
    assert.deepEqual(days(t), [...days(t)].sort((p, q) => p - q));
    assert.equal(t.rows[t.rows.length - 1].cells.daysToAnswer, '', 'empty values last');
    await click('th.col-daysToAnswer button');
    t = await tableUntil('sorted by days descending', (x) => x.headers.find((h) => h.column === 'daysToAnswer')?.sort === 'descending');
    assert.deepEqual(days(t), [...days(t)].sort((p, q) => q - p));
    assert.equal(t.rows[0].cells.daysToAnswer, '49', 'das.txt took 49 days');

    // Filter by party: only the DENK question set.
    assert.ok(t.options.party.includes('DENK'), JSON.stringify(t.options.party));
    await ui('webviewSelect', { marker: APP, selector: 'select[data-filter="party"]', value: 'DENK' });
    t = await tableUntil('only DENK', (x) => x.rows.length === 1);
    assert.equal(t.rows[0].id, at('das.txt').toString());
    assert.match(t.rows[0].cells.askedBy, /Öztürk \(DENK\)/u);
    assert.match(t.rows[0].cells.status, /Answered late without postponement/u);
    await click('button:has-text("Clear filters")');
    // Words: case and diacritics do not count.
    await ui('webviewFill', { marker: APP, selector: 'input.search', text: 'WOLF veluwe' });
    t = await tableUntil('the wolf set', (x) => x.rows.length === 3);
    assert.deepEqual(t.rows.map((r) => r.id).sort(), ['wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt'].map((f) => at(...f.split('/')).toString()).sort());
    assert.match(t.count, /^3 of \d+ documents$/u);

    // Keyboard: from the filter, Down moves into the table, Down again to the next row, Enter opens it.
    await press('input.search', 'ArrowDown');
    t = await tableUntil('a row focused', (x) => x.focused !== null);
    const first = t.focused;
    assert.equal(first, t.rows[0].id);
    await press('tbody tr[tabindex="0"]', 'ArrowDown');
    t = await tableUntil('the next row focused', (x) => x.focused !== null && x.focused !== first);
    const wanted = t.focused;
    assert.equal(wanted, t.rows[1].id);
    await press('tbody tr[tabindex="0"]', 'Enter');
    await waitFor(`${wanted} opened`, () => vscode.window.activeTextEditor?.document.uri.toString() === wanted);
  });

  it('the open view takes in a new document without reloading (only the changed rows are sent)', async function () {
    if (!uiBridge()) this.skip();
    await vscode.commands.executeCommand('kamerstukken.showCorpus');
    const before = await vscode.commands.executeCommand<ViewState>('kamerstukken.corpusViewState');
    await ui('webviewFill', { marker: APP, selector: 'input.search', text: '' });
    await writeText(at('bever.txt'), questionsText({ who: 'het lid Kostić (PvdD)', subject: 'de bever', submitted: '3 maart 2024' }));
    const id = at('bever.txt').toString();
    const t = await tableUntil('the new row', (x) => x.rows.some((r) => r.id === id), 30_000);
    const row = t.rows.find((r) => r.id === id);
    assert.match(row?.cells.askedBy ?? '', /Kostić \(PvdD\)/u);
    const after = await vscode.commands.executeCommand<ViewState>('kamerstukken.corpusViewState');
    assert.equal(after.rows.length, before.rows.length + 1);
    assert.ok(after.rendered.version > before.rendered.version);
  });
});
