// Annotations in a real VS Code: the command with arguments, the sidecar on disk, offsets after
// edits and saves, re-anchoring after the file is rewritten on disk, a broken sidecar left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, SEED_000, SEED_003, decode, folder, readText as read, sleep, waitFor as until, writeText as write,
} from './helpers';
import { CodePointIndex, contextOf, createAnnotation } from '../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/sidecar';
import { diffLines } from '../unit/annotations/lineDiff';

/** Copies a seed under a new name, opens it and waits for the Kamerstuk language. */
async function openCopy(seed: string, name: string): Promise<vscode.TextEditor> {
  const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), seed)));
  const uri = vscode.Uri.joinPath(folder(), name);
  await write(uri, text);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await until('language kamerstuk', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'kamerstuk'));
  const editor = await vscode.window.showTextDocument(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) as vscode.TextDocument);
  return editor;
}

function sidecarOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: `${uri.path}.annotations.yaml` });
}

function select(editor: vscode.TextEditor, quote: string): { start: number; end: number } {
  const text = editor.document.getText();
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
  return { start, end: start + quote.length };
}

/** Offsets of the first entry in a sidecar (the test writes single-entry files). */
function offsets(yaml: string): { start: number; end: number } {
  return { start: Number(/\n\s+start: (\d+)/.exec(yaml)?.[1]), end: Number(/\n\s+end: (\d+)/.exec(yaml)?.[1]) };
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('annotations', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  const quote = 'Is het waar dat tijdens deze bijeenkomsten';

  it('tags a passage through the command with arguments and writes the sidecar', async () => {
    const editor = await openCopy(SEED_000, 'annot-a.txt');
    const span = select(editor, quote);
    const ids = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'een notitie' });
    assert.equal(ids.length, 1);
    const yaml = await until('the sidecar', () => read(sidecarOf(editor.document.uri)));
    assert.match(yaml, /^version: 2\ndocument: annot-a\.txt\nannotations:\n/);
    assert.ok(yaml.includes(`id: ${ids[0]}`), yaml);
    assert.ok(yaml.includes('tags: [toezegging]'), yaml);
    assert.ok(yaml.includes(`quote: ${quote}`), yaml);
    assert.ok(yaml.includes('note: een notitie'), yaml);
    // Offsets are code points; this seed has no astral characters before the passage.
    assert.deepEqual(offsets(yaml), span);
    assert.match(await hoverText(editor.document, span.start + 3), /toezegging/);
  });

  it('moves with inserted text, and writes the new offsets when the document is saved', async () => {
    const editor = await openCopy(SEED_000, 'annot-b.txt');
    const span = select(editor, quote);
    await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['verwijzing'] });
    const sidecar = sidecarOf(editor.document.uri);
    const before = await until('the sidecar', () => read(sidecar));
    const inserted = 'Ingevoegd 😀 ';
    await editor.edit((b) => b.insert(editor.document.positionAt(0), inserted));
    await sleep(300);
    assert.equal(await read(sidecar), before, 'not written while the text has unsaved edits');
    await editor.document.save();
    const after = await until('new offsets', async () => {
      const y = await read(sidecar);
      return y && y !== before ? y : undefined;
    });
    const shift = [...inserted].length; // code points: the emoji counts once
    assert.deepEqual(offsets(after), { start: span.start + shift, end: span.end + shift });
    assert.ok(after.includes(`quote: ${quote}`));
  });

  it('finds the passage again after the file is rewritten on disk, re-wrapped; writes the new offsets with the next change', async () => {
    const editor = await openCopy(SEED_000, 'annot-c.txt');
    const long = editor.document.getText().slice(editor.document.getText().indexOf('Zijn er op uw ministerie'), editor.document.getText().indexOf('Zijn er op uw ministerie') + 150);
    assert.ok(long.includes('\n'));
    select(editor, long);
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['nieuwe informatie'] });
    const sidecar = sidecarOf(editor.document.uri);
    const before = await until('the sidecar', () => read(sidecar));
    // Re-wrap every line: join lines within paragraphs, undo hyphenation, wrap at 50 columns.
    const rewrapped = 'Voorwoord dat alles verschuift.\n\n' + editor.document.getText().split(/\n\s*\n/).map((p) => {
      const words = p.replace(/-\s*\n(?=[a-z])/g, '').split(/\s+/).filter(Boolean);
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + w.length + 1 > 50) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    }).join('\n\n');
    await write(editor.document.uri, rewrapped);
    const doc = editor.document;
    await until('the editor to reload the file', () => doc.getText() === rewrapped, 15_000);
    const at = rewrapped.indexOf('Zijn er op uw ministerie');
    await until('the hover to show the tag', async () => /nieuwe informatie/.test(await hoverText(doc, at + 5)) || undefined);
    // Re-anchored in memory only: a checkout or pull of the text does not rewrite the sidecar.
    await sleep(500);
    assert.equal(await read(sidecar), before, 'the sidecar is not rewritten by an outside change of the text');
    // The next change of the user's writes it, with the offsets of the re-wrapped text.
    await vscode.commands.executeCommand('kamerstukken.editAnnotation', { id, note: 'na het herschikken' });
    const after = (await read(sidecar)) ?? '';
    assert.ok(after.includes('note: na het herschikken'), after);
    assert.equal(offsets(after).start, at);
  });

  it('leaves a broken sidecar untouched and refuses to annotate', async () => {
    const broken = 'version: 1\ndocument: annot-d.txt\nannotations:\n  - id: aaaaaaaa\n    tags: [toezegging\n    quote: x\n';
    await write(sidecarOf(vscode.Uri.joinPath(folder(), 'annot-d.txt')), broken);
    const editor = await openCopy(SEED_003, 'annot-d.txt');
    const text = editor.document.getText();
    editor.selection = new vscode.Selection(editor.document.positionAt(100), editor.document.positionAt(140));
    assert.ok(text.length > 140);
    const ids = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'] });
    assert.deepEqual(ids, []);
    await editor.edit((b) => b.insert(editor.document.positionAt(0), 'x'));
    await editor.document.save();
    await sleep(500);
    assert.equal(await read(sidecarOf(editor.document.uri)), broken);
  });

  it('reloads a sidecar changed on disk and merges it with new annotations by id', async () => {
    const editor = await openCopy(SEED_000, 'annot-f.txt');
    select(editor, quote);
    const [mine] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'] });
    const sidecar = sidecarOf(editor.document.uri);
    const first = await until('the sidecar', () => read(sidecar));
    // Someone else's annotation arrives with a git pull.
    const text = editor.document.getText();
    const other = 'Zijn er op uw ministerie';
    const at = text.indexOf(other);
    const parsed = parseSidecar(first);
    await write(sidecar, serializeSidecar('annot-f.txt', [...parsed.annotations, {
      id: 'feedf00d', tags: ['feitelijke onjuistheid'], quote: other, prefix: '', suffix: '', start: at, end: at + other.length, created: '2026-11-23T12:00:00Z',
    }], parsed.yaml));
    await until('the pulled annotation to show', async () => /feitelijke onjuistheid/.test(await hoverText(editor.document, at + 3)) || undefined);
    // A new local annotation keeps both.
    select(editor, 'Zijn er op uw ministerie bijeenkomsten georganiseerd');
    const [third] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['verwijzing'] });
    const merged = parseSidecar((await read(sidecar)) ?? '');
    assert.deepEqual(merged.problems, []);
    assert.deepEqual(new Set(merged.annotations.map((a) => a.id)), new Set([mine, 'feedf00d', third]));
  });

  it('removes the sidecar with the last annotation', async () => {
    const editor = await openCopy(SEED_000, 'annot-e.txt');
    select(editor, quote);
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'] });
    const sidecar = sidecarOf(editor.document.uri);
    await until('the sidecar', () => read(sidecar));
    await vscode.commands.executeCommand('kamerstukken.editAnnotation', { id, tags: ['ontwijkend antwoord'], note: 'bewerkt' });
    assert.match((await read(sidecar)) ?? '', /tags: \[ontwijkend antwoord\]\n\s+note: bewerkt/);
    await vscode.commands.executeCommand('kamerstukken.removeAnnotation', { id });
    await until('the sidecar to go', async () => ((await read(sidecar)) === undefined ? true : undefined));
  });

  it('an untitled document saved as a file takes its annotations along: the file gets a sidecar', async () => {
    const text = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000)));
    const target = vscode.Uri.joinPath(folder(), 'annot-untitled.txt');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    // An untitled document with a path saves there without a dialog: the flow of Save As.
    const doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
    const active = vscode.window.activeTextEditor as vscode.TextEditor;
    assert.equal(active.document.uri.scheme, 'untitled');
    const span = select(active, quote);
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'uit een naamloos document' });
    assert.equal(await read(sidecarOf(target)), undefined, 'nothing on disk while the document is untitled');
    assert.ok(await active.document.save(), 'saved');
    const yaml = await until('the sidecar of the saved file', () => read(sidecarOf(target)));
    const parsed = parseSidecar(yaml);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.annotations.length, 1, yaml);
    const entry = parsed.annotations[0];
    assert.equal(entry.id, id);
    assert.deepEqual(entry.tags, ['toezegging']);
    assert.equal(entry.note, 'uit een naamloos document');
    assert.equal(entry.quote, quote);
    assert.deepEqual({ start: entry.start, end: entry.end }, span);
    // The file's editor shows it: the hover on the passage names the tag.
    // Saved through the API, VS Code closes the untitled editor and shows the file in none (by design).
    const file = await vscode.workspace.openTextDocument(target);
    assert.match(await hoverText(file, span.start + 3), /toezegging/);
  });
});

/** The file's bytes and modification time, to tell that nothing touched it. */
async function snapshotOf(uri: vscode.Uri): Promise<{ bytes: string; mtime: number }> {
  return { bytes: decode(await vscode.workspace.fs.readFile(uri)), mtime: (await vscode.workspace.fs.stat(uri)).mtime };
}

interface WebAnno { id: string; target: { selector: { type: string; exact?: string; start?: number; end?: number }[] } }

/** The current document's annotations as the W3C export gives them: id → [start, end, exact] in code points of the text as it is. */
async function exported(name: string): Promise<Map<string, [number, number, string]>> {
  const target = vscode.Uri.joinPath(folder(), `${name}.jsonld`);
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', { format: 'jsonld', scope: 'document', target, overwrite: true });
  assert.ok(uri);
  const list = (JSON.parse(decode(await vscode.workspace.fs.readFile(uri))) as { first: { items: WebAnno[] } }).first.items;
  const out = new Map<string, [number, number, string]>();
  for (const a of list) {
    const pos = a.target.selector.find((x) => x.type === 'TextPositionSelector');
    const quote = a.target.selector.find((x) => x.type === 'TextQuoteSelector');
    out.set(a.id.slice(a.id.indexOf('#') + 1), [pos?.start ?? -1, pos?.end ?? -1, quote?.exact ?? '']);
  }
  return out;
}

describe('annotations: the sidecar in git (opening never writes; CRLF and LF checkouts agree)', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  // Three passages of seed 000; two run over a line break.
  const QUOTES: [string, string, string][] = [
    ['0000aaa1', 'Zijn er op uw ministerie bijeenkomsten georganiseerd op departementaal \nniveau', 'verwijzing'],
    ['0000aaa2', 'Er zijn geen formele bijeenkomsten georganiseerd door het ministerie of op \nDG-niveau.', 'ontwijkend antwoord'],
    ['0000aaa3', 'Is het waar dat tijdens deze bijeenkomsten', 'toezegging'],
  ];
  const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n');
  let seedText: string;

  before(async () => {
    seedText = decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), SEED_000)));
    assert.ok(!seedText.includes('\r'));
  });

  /** The sidecar this version writes for the passages in `text` (as a colleague would have committed it). */
  function sidecarFor(name: string, text: string): string {
    return serializeSidecar(name, QUOTES.map(([id, q, tag]) => {
      const quote = text.includes('\r\n') ? crlf(q) : q;
      const start = text.indexOf(quote);
      assert.ok(start >= 0, q);
      return createAnnotation(text, start, start + quote.length, { id, tags: [tag], created: '2026-11-23T12:00:00Z' });
    }));
  }

  /** Each passage is shown (hover) and exported (W3C position and quote) on its text in the open document. */
  async function assertLanded(editor: vscode.TextEditor, name: string): Promise<void> {
    const doc = editor.document;
    const text = doc.getText();
    for (const [id, q, tag] of QUOTES) {
      const quote = text.includes('\r\n') ? crlf(q) : q;
      const at = text.indexOf(quote);
      assert.ok(at >= 0);
      await until(`the hover of ${id} to show "${tag}"`, async () => new RegExp(tag).test(await hoverText(doc, at + 3)) || undefined);
    }
    await vscode.window.showTextDocument(doc);
    const positions = await exported(name);
    const cps = [...text];
    for (const [id, q] of QUOTES) {
      const quote = text.includes('\r\n') ? crlf(q) : q;
      const p = positions.get(id);
      assert.ok(p, id);
      assert.equal(p[2], quote, `${id}: the passage in the document as it is`);
      assert.equal(cps.slice(p[0], p[1]).join(''), quote, `${id}: positions in code points of the document as it is`);
      assert.equal(p[0], [...text.slice(0, text.indexOf(quote))].length);
    }
  }

  async function open(name: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.joinPath(folder(), name);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const doc = await until(`${name} as kamerstuk`, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'kamerstuk'));
    return vscode.window.showTextDocument(doc);
  }

  it('(a) opening a document whose text changed since the sidecar was written re-anchors in memory and leaves the sidecar as it is', async () => {
    const name = 'git-a.txt';
    // The sidecar was written for the seed; since then a paragraph was added at the top.
    const sidecar = await write(sidecarOf(vscode.Uri.joinPath(folder(), name)), sidecarFor(name, seedText));
    await write(vscode.Uri.joinPath(folder(), name), `Voorwoord dat er later bij kwam en alles verschuift.\n\n${seedText}`);
    const before = await snapshotOf(sidecar);
    await sleep(50);
    const editor = await open(name);
    await assertLanded(editor, name);
    await sleep(500);
    assert.deepEqual(await snapshotOf(sidecar), before, 'opening and re-anchoring did not touch the sidecar');
    // Saving the text without edits writes nothing either.
    await editor.document.save();
    await sleep(300);
    assert.deepEqual(await snapshotOf(sidecar), before, 'a save without edits did not touch the sidecar');
    // (c) Adding an annotation writes: the new entry, and the moved offsets of the others, nothing else.
    const q = 'Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken';
    select(editor, q);
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'] });
    const after = (await read(sidecar)) ?? '';
    assert.ok(after.includes(`  - id: ${id}\n    tags: [toezegging]\n    quote: ${q}\n`), after);
    // Without the new entry's lines, the only changes are the start and end lines of the others.
    const lines = after.split('\n');
    const first = lines.indexOf(`  - id: ${id}`);
    let last = first + 1;
    while (last < lines.length && lines[last].startsWith('    ')) last++;
    const d = diffLines(before.bytes, [...lines.slice(0, first), ...lines.slice(last)].join('\n'));
    const shift = [...'Voorwoord dat er later bij kwam en alles verschuift.\n\n'].length;
    const old = parseSidecar(before.bytes).annotations;
    assert.equal(old.length, 3);
    assert.deepEqual(d.removed.sort(), old.flatMap((x) => [`    start: ${x.start}`, `    end: ${x.end}`]).sort());
    assert.deepEqual(d.added.sort(), old.flatMap((x) => [`    start: ${x.start + shift}`, `    end: ${x.end + shift}`]).sort());
  });

  it('(b) a CRLF checkout with the sidecar written on an LF checkout: opening writes nothing, every passage lands on its text', async () => {
    for (const [name, sidecarText] of [
      ['git-b1.txt', (n: string) => sidecarFor(n, seedText)], // the sidecar as committed (LF)
      ['git-b2.txt', (n: string) => crlf(sidecarFor(n, seedText))], // checked out with core.autocrlf: CRLF too
    ] as const) {
      const sidecar = await write(sidecarOf(vscode.Uri.joinPath(folder(), name)), sidecarText(name));
      await write(vscode.Uri.joinPath(folder(), name), crlf(seedText));
      const before = await snapshotOf(sidecar);
      await sleep(50);
      const editor = await open(name);
      assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
      await assertLanded(editor, name);
      await sleep(500);
      assert.deepEqual(await snapshotOf(sidecar), before, `${name}: opening did not touch the sidecar`);
    }
  });

  it('(c) adding an annotation in a CRLF checkout writes only its lines, keeps the file CRLF, and writes what the LF checkout writes', async () => {
    const name = 'git-c.txt';
    const sidecar = await write(sidecarOf(vscode.Uri.joinPath(folder(), name)), crlf(sidecarFor(name, seedText)));
    await write(vscode.Uri.joinPath(folder(), name), crlf(seedText));
    const before = (await read(sidecar)) ?? '';
    const editor = await open(name);
    await assertLanded(editor, name);
    const q = 'Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken';
    select(editor, q);
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'in CRLF' });
    const after = (await read(sidecar)) ?? '';
    assert.doesNotMatch(after, /[^\r]\n/, 'every line ends in CRLF');
    // Without the new entry's lines the file is what it was, byte for byte.
    const lines = after.split('\r\n');
    const first = lines.indexOf(`  - id: ${id}`);
    assert.ok(first > 0, after);
    let last = first + 1;
    while (last < lines.length && lines[last].startsWith('    ')) last++;
    assert.deepEqual(lines.slice(first, last).map((l) => l.split(':')[0].trim()), ['- id', 'tags', 'note', 'quote', 'prefix', 'suffix', 'start', 'end', 'created']);
    assert.equal([...lines.slice(0, first), ...lines.slice(last)].join('\r\n'), before);
    const entry = parseSidecar(after).annotations.find((a) => a.id === id);
    assert.ok(entry);
    // The same entry as on the LF text: positions count the line break as one.
    const lfStart = seedText.indexOf(q);
    const expected = createAnnotation(seedText, lfStart, lfStart + q.length, { id, tags: ['toezegging'], note: 'in CRLF', created: entry.created });
    assert.deepEqual(entry, expected);
    assert.ok(entry.start < crlf(seedText).indexOf(q), 'not the CRLF offset');
  });

  it('(e) a sidecar that starts with a byte order mark keeps it when an annotation is added', async () => {
    const name = 'git-e.txt';
    const sidecar = await write(sidecarOf(vscode.Uri.joinPath(folder(), name)), `\uFEFF${sidecarFor(name, seedText)}`);
    await write(vscode.Uri.joinPath(folder(), name), seedText);
    const editor = await open(name);
    await assertLanded(editor, name);
    select(editor, 'Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken');
    const [id] = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'met BOM' });
    const bytes = await vscode.workspace.fs.readFile(sidecar);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is still there');
    assert.notDeepEqual([...bytes.subarray(3, 6)], [0xef, 0xbb, 0xbf], 'and only once');
    const after = new TextDecoder().decode(bytes);
    const parsed = parseSidecar(after);
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.annotations.some((a) => a.id === id && a.note === 'met BOM'), after);
  });

  it('(d) a version 1 sidecar (CRLF counted as two) of a CRLF checkout: opening writes nothing; the first change migrates it to version 2', async () => {
    const name = 'git-d.txt';
    const text = crlf(seedText);
    // As version 1 wrote it: code points of the CRLF text, CRLF in quotes and context.
    const index = new CodePointIndex(text);
    const v1 = serializeSidecar(name, QUOTES.map(([id, q, tag]) => {
      const quote = crlf(q);
      const start = text.indexOf(quote);
      return { id, tags: [tag], created: '2026-11-23T12:00:00Z', ...contextOf(text, start, start + quote.length), start: index.toCodePoint(start), end: index.toCodePoint(start + quote.length) };
    })).replace(/^version: 2\n/, 'version: 1\n');
    assert.ok(v1.startsWith('version: 1\n') && v1.includes('\\r\\n'));
    const sidecar = await write(sidecarOf(vscode.Uri.joinPath(folder(), name)), v1);
    await write(vscode.Uri.joinPath(folder(), name), text);
    const before = await snapshotOf(sidecar);
    await sleep(50);
    const editor = await open(name);
    await assertLanded(editor, name);
    await sleep(500);
    assert.deepEqual(await snapshotOf(sidecar), before, 'opening did not touch the version 1 sidecar');
    // Editing a note writes version 2: what this version writes for the same passages on the LF text.
    await vscode.commands.executeCommand('kamerstukken.editAnnotation', { id: '0000aaa1', note: 'gemigreerd' });
    const after = (await read(sidecar)) ?? '';
    const fresh = parseSidecar(sidecarFor(name, seedText)).annotations.map((a) => (a.id === '0000aaa1' ? { ...a, note: 'gemigreerd' } : a));
    assert.equal(after, serializeSidecar(name, fresh));
    assert.ok(after.startsWith('version: 2\n') && !after.includes('\\r'));
  });
});
