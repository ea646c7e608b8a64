// Export Annotations in a real VS Code: annotations made with the commands, exported with
// kamerstukken.exportAnnotations {format, scope, target} for each format and both scopes, and the
// files read back: CSV rows, Markdown headings and quotes, W3C selectors matching the document text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, decode, folder, readText, waitFor, writeText } from './helpers';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/sidecar';
import { CSV_COLUMNS } from '../../src/core/annotations/export/csv';
import { readCsv, unformula } from '../unit/annotations/csvReader';
import { ui, uiBridge } from './ui';

const col = (name: typeof CSV_COLUMNS[number]): number => CSV_COLUMNS.indexOf(name);

async function openAs(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = await writeText(name, text);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const doc = await waitFor(`${name} as kamerstuk`, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'kamerstuk'));
  return vscode.window.showTextDocument(doc);
}

async function tag(editor: vscode.TextEditor, quote: string, tags: string[], note?: string): Promise<string> {
  const text = editor.document.getText();
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
  const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags, ...(note ? { note } : {}) });
  assert.ok(id);
  return id;
}

function sidecarOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: `${uri.path}.annotations.yaml` });
}

/** Runs the export; returns the file and its text, byte order mark included. */
async function exportTo(args: Record<string, unknown>): Promise<{ uri: vscode.Uri; text: string }> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', args);
  assert.ok(uri, `exported ${JSON.stringify(args)}`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  return { uri, text };
}

function csvRows(text: string): string[][] {
  assert.equal(text.charCodeAt(0), 0xfeff, 'a UTF-8 BOM');
  const rows = readCsv(text.slice(1), ';');
  assert.equal(rows[0].length, CSV_COLUMNS.length);
  return rows.slice(1).map((r) => r.map(unformula));
}

interface Selector { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }
interface WebAnno { id: string; type: string; body?: { purpose: string; value: string }[]; target: { source: string; selector: Selector[] } }

function items(text: string): WebAnno[] {
  const c = JSON.parse(text) as { '@context': string; type: string; total: number; first: { items: WebAnno[] } };
  assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(c.type, 'AnnotationCollection');
  assert.equal(c.total, c.first.items.length);
  return c.first.items;
}

/** The selectors of an annotation point at the exact quote in the document's text (code points). */
function assertSelectors(a: WebAnno, text: string): void {
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
  assert.ok(quote && pos, a.id);
  const cps = [...text];
  assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact, a.id);
  assert.ok(cps.slice(0, pos.start).join('').endsWith(quote.prefix ?? ''), `${a.id} prefix`);
  assert.ok(cps.slice(pos.end).join('').startsWith(quote.suffix ?? ''), `${a.id} suffix`);
}

describe('export annotations', () => {
  let a: vscode.TextEditor;
  let c: vscode.TextEditor;
  let seedText: string;
  let crlfText: string;
  const NOTE = 'Zie "antwoord 3"; p. 2,\nnog na te gaan';
  const A3 = 'Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken';
  const A12 = 'Er zijn geen formele bijeenkomsten georganiseerd';
  const C3 = 'De verkiezingsuitslag vormt de \r\ngrondslag';
  const D3 = 'Dit is onderdeel van de open en veilige';

  before(async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    seedText = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000)));
    // A: the seed as it is. C: the seed with CRLF line ends and an emoji before everything.
    a = await openAs('export-a.txt', seedText);
    await tag(a, A3, ['toezegging'], NOTE);
    await tag(a, A12, ['ontwijkend antwoord', 'verwijzing']);
    await waitFor('sidecar of A', () => readText(sidecarOf(a.document.uri)));
    crlfText = `😀 ${seedText.replace(/\r?\n/g, '\r\n')}`;
    c = await openAs('export-c.txt', crlfText);
    await tag(c, C3, ['nieuwe informatie']);
    await waitFor('sidecar of C', () => readText(sidecarOf(c.document.uri)));
    // D: never opened; only its sidecar on disk.
    const d = vscode.Uri.joinPath(folder(), 'export-d.txt');
    await writeText(d, seedText);
    const at = seedText.indexOf(D3);
    await writeText(sidecarOf(d), serializeSidecar('export-d.txt', [{
      id: 'dddd0001', tags: ['feitelijke onjuistheid'], note: 'buiten de editor', quote: D3, prefix: '', suffix: '', start: at, end: at + D3.length, created: '2026-11-23T12:00:00Z',
    }]));
  });

  describe('one document', () => {
    before(async () => { await vscode.window.showTextDocument(a.document); });

    it('CSV: one row per annotation with its question, tags, note and quote', async () => {
      const { uri, text } = await exportTo({ format: 'csv', scope: 'document', target: vscode.Uri.joinPath(folder(), 'out-doc.csv') });
      assert.equal(uri.path, vscode.Uri.joinPath(folder(), 'out-doc.csv').path);
      const rows = csvRows(text);
      assert.equal(rows.length, 2);
      const [first, second] = rows;
      assert.equal(first[col('place')], 'Antwoord 1 en 2');
      assert.equal(first[col('question')], 'Vraag 1 en 2');
      assert.equal(first[col('tags')], 'ontwijkend antwoord, verwijzing');
      assert.equal(first[col('quote')], A12);
      assert.equal(second[col('place')], 'Antwoord 3');
      assert.equal(second[col('question')], 'Vraag 3');
      assert.match(second[col('questionText')], /^Is het waar dat tijdens deze bijeenkomsten/);
      assert.equal(second[col('note')], NOTE);
      assert.equal(second[col('quote')], A3);
      assert.equal(second[col('document')], 'export-a.txt');
      assert.equal([...seedText].slice(Number(second[col('start')]), Number(second[col('end')])).join(''), A3);
    });

    it('Markdown: a section per tag, the passage quoted under its question', async () => {
      const { text } = await exportTo({ format: 'markdown', scope: 'document', target: vscode.Uri.joinPath(folder(), 'out-doc.md') });
      assert.match(text, /^# .+: export-a\.txt\n/);
      assert.match(text, /\n## toezegging \(1\)\n/);
      assert.match(text, /\n## ontwijkend antwoord \(1\)\n/);
      assert.match(text, /\n## verwijzing \(1\)\n/);
      assert.match(text, /\n### export-a\.txt · Antwoord 3 · \S+ \d+\n\n\*\*Vraag 3:\*\* Is het waar dat tijdens deze bijeenkomsten[^\n]*\n\n> Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken\n/);
      assert.ok(text.includes(`:** ${NOTE.replace(/\s+/g, ' ')}\n`), 'the note');
    });

    it('JSON-LD: W3C annotations whose selectors point at the exact quote', async () => {
      const { uri, text } = await exportTo({ format: 'jsonld', scope: 'document', target: vscode.Uri.joinPath(folder(), 'out-doc.jsonld').toString() });
      const list = items(text);
      assert.equal(list.length, 2);
      for (const x of list) {
        assert.equal(x.type, 'Annotation');
        assert.equal(x.target.source, a.document.uri.toString());
        assert.ok(x.id.startsWith(sidecarOf(a.document.uri).toString()));
        assertSelectors(x, seedText);
      }
      assert.deepEqual(list[1].body, [{ type: 'TextualBody', purpose: 'tagging', value: 'toezegging' }, { type: 'TextualBody', purpose: 'commenting', value: NOTE, format: 'text/plain' }]);
      assert.equal((JSON.parse(text) as { id: string }).id, uri.toString());
    });

    it('never overwrites an existing file unless told to', async () => {
      const target = vscode.Uri.joinPath(folder(), 'out-existing.csv');
      await writeText(target, 'van iemand anders');
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', { format: 'csv', scope: 'document', target });
      assert.equal(result, undefined);
      assert.equal(await readText(target), 'van iemand anders');
      const replaced = await exportTo({ format: 'csv', scope: 'document', target, overwrite: true });
      assert.equal(csvRows(replaced.text).length, 2);
    });

    it('writes nothing for a document without annotations, or for an unknown format', async () => {
      await openAs('export-empty.txt', seedText);
      const target = vscode.Uri.joinPath(folder(), 'out-empty.csv');
      assert.equal(await vscode.commands.executeCommand('kamerstukken.exportAnnotations', { format: 'csv', scope: 'document', target }), undefined);
      assert.equal(await readText(target), undefined);
      await vscode.window.showTextDocument(a.document);
      assert.equal(await vscode.commands.executeCommand('kamerstukken.exportAnnotations', { format: 'xlsx', scope: 'document', target }), undefined);
      assert.equal(await readText(target), undefined);
    });
  });

  describe('the workspace', () => {
    /** Every annotation in the workspace's sidecars (this folder has no subfolders). */
    async function sidecarEntries(): Promise<number> {
      let n = 0;
      for (const [name] of await vscode.workspace.fs.readDirectory(folder())) {
        if (name.endsWith('.annotations.yaml')) n += parseSidecar((await readText(vscode.Uri.joinPath(folder(), name))) ?? '').annotations.length;
      }
      return n;
    }

    it('CSV: rows of every document, open or not, with CRLF and an emoji counted right', async () => {
      const { text } = await exportTo({ format: 'csv', scope: 'workspace', target: vscode.Uri.joinPath(folder(), 'out-all.csv') });
      const rows = csvRows(text);
      assert.equal(rows.length, await sidecarEntries());
      const docs = rows.map((r) => r[col('document')]);
      assert.deepEqual([...docs].sort(), docs, 'ordered by document');
      const cRow = rows.find((r) => r[col('document')] === 'export-c.txt');
      assert.ok(cRow);
      assert.equal(cRow[col('quote')], C3);
      assert.equal(cRow[col('question')], 'Vraag 3');
      assert.equal([...crlfText].slice(Number(cRow[col('start')]), Number(cRow[col('end')])).join(''), C3);
      assert.equal(Number(cRow[col('start')]), crlfText.indexOf(C3) - 1, 'the emoji is one code point');
      const dRow = rows.find((r) => r[col('document')] === 'export-d.txt');
      assert.ok(dRow, 'the document that was never opened');
      assert.equal(dRow[col('place')], 'Antwoord 3');
      assert.equal(dRow[col('note')], 'buiten de editor');
      assert.equal(rows.filter((r) => r[col('document')] === 'export-a.txt').length, 2);
    });

    it('Markdown: every tag of the workspace, passages of several documents', async () => {
      const { text } = await exportTo({ format: 'markdown', scope: 'workspace', target: vscode.Uri.joinPath(folder(), 'out-all.md') });
      assert.match(text, /\n## feitelijke onjuistheid \(\d+\)\n/);
      assert.match(text, /\n### export-d\.txt · Antwoord 3 · \S+ \d+\n\n\*\*Vraag 3:\*\*/);
      assert.match(text, /\n### export-c\.txt · Antwoord 3 · \S+ \d+–\d+\n\n\*\*Vraag 3:\*\*[^\n]*\n\n> De verkiezingsuitslag vormt de\n> grondslag\n/);
      assert.equal((text.match(/^> /gm) ?? []).length >= 4, true);
    });

    it('JSON-LD: every annotation, each selector matching its document', async () => {
      const { text } = await exportTo({ format: 'jsonld', scope: 'workspace', target: vscode.Uri.joinPath(folder(), 'out-all.jsonld') });
      const list = items(text);
      assert.equal(list.length, await sidecarEntries());
      const texts = new Map<string, string>();
      let checked = 0;
      for (const x of list) {
        if (!x.target.selector.some((s) => s.type === 'TextPositionSelector')) continue; // an orphan of another suite
        const source = vscode.Uri.parse(x.target.source);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
        const docText = texts.get(x.target.source) ?? open?.getText() ?? (await readText(source)) ?? '';
        texts.set(x.target.source, docText);
        assertSelectors(x, docText);
        checked++;
      }
      assert.ok(checked >= 4, `${checked} annotations checked`);
      const c3 = list.find((x) => x.target.source === c.document.uri.toString());
      assert.equal(c3?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, C3);
    });

    it('exports the valid annotations of an annotation file with errors, and says the export may be incomplete', async function () {
      this.timeout(30_000);
      // E: never opened; its sidecar has one valid entry and one with a negative start.
      const e = vscode.Uri.joinPath(folder(), 'export-e.txt');
      await writeText(e, seedText);
      const at = seedText.indexOf(D3);
      const valid = serializeSidecar('export-e.txt', [{
        id: 'eeee0001', tags: ['verwijzing'], quote: D3, prefix: '', suffix: '', start: at, end: at + D3.length, created: '2026-11-23T12:00:00Z',
      }]);
      const sidecar = await writeText(sidecarOf(e), `${valid}  - id: eeee0002\n    tags: [verwijzing]\n    quote: x\n    start: -1\n    end: 1\n`);
      try {
        assert.equal(parseSidecar((await readText(sidecar)) ?? '').problems.length, 1, 'the file has one error');
        await vscode.commands.executeCommand('notifications.clearAll'); // earlier tests' toasts
        const { text } = await exportTo({ format: 'csv', scope: 'workspace', target: vscode.Uri.joinPath(folder(), 'out-errors.csv') });
        const ids = csvRows(text).map((r) => r[col('id')]);
        assert.ok(ids.includes('eeee0001') && !ids.includes('eeee0002'), ids.join(', '));
        if (uiBridge()) {
          await vscode.commands.executeCommand('notifications.showList');
          let shown: string[] = [];
          const warning = await waitFor('the warning', async () => {
            shown = await ui<string[]>('notifications');
            return shown.find((m) => m.includes('export-e.txt.annotations.yaml'));
          }, 15_000).catch((error: unknown) => { throw new Error(`${String(error)}; toasts: ${JSON.stringify(shown)}`); });
          assert.match(warning, /Exported 1 annotation|Exported \d+ annotations/);
          assert.match(warning, /may be incomplete/);
          await vscode.commands.executeCommand('notifications.hideList');
        }
      } finally {
        await vscode.workspace.fs.delete(sidecar);
        await vscode.workspace.fs.delete(e);
      }
    });
  });
});
