// REFI-QDA exchange in a real VS Code: Export Annotations with format "qdpx" and "qdc" (the files
// validated against the vendored REFI-QDA schemas; a second export of the same data identical),
// and kamerstukken.importQdpx: a round trip export → import into the same texts without
// annotations gives the same sidecar entries; nothing is overwritten; what cannot be placed is reported.
import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { type Annotation, createAnnotation } from '../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/sidecar';
import { parseCodebook } from '../../src/core/coding/codebook';
import type { ImportSummary } from '../../src/features/refiQda';
import { validateAgainst } from '../unit/refiQda/schema';
import { EXTENSION_ID, corpusQuiet, fixture, folder, readText, waitFor, writeText } from './helpers';

const DIR = 'refi-test';
// Not the text of another suite's document: the import would rightly take a source of the same text for it.
const EEN = `Vragen van het lid Pietersen (VVD) aan de minister van Financiën over de begroting (ingezonden 3 januari 2024).

Vraag 1
Bent u bekend met het bericht over de begroting?

Antwoord 1
Ja, ik zal de Kamer voor de zomer informeren.

Vraag 2
Waarom is de begroting te laat?

Antwoord 2
Dat hangt af van vele factoren die ik nu niet kan overzien.
`;
// CRLF line breaks and a character outside the BMP: positions are code points with a line break counting one.
const TWEE = EEN.replace('Pietersen (VVD)', 'De Vries (D66)').replace('factoren', 'factoren 📈').replace(/\n/gu, '\r\n');
const CODEBOOK = `version: 1
codes:
  - name: refi/toezegging
    description: De minister belooft iets
    color: "#1f77b4"
  - name: refi/ontwijkend
    description: Geen antwoord op de vraag
    color: "#d62728"
`;

// Ids as the extension makes them (a letter a–f and seven hex digits): a selection's GUID carries such an id back.
type Entry = Annotation & { coder?: string };

function entry(text: string, quote: string, fields: { id: string; tags: string[]; coder: string; note?: string }): Entry {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  const a = createAnnotation(text, start, start + quote.length, { id: fields.id, tags: fields.tags, ...(fields.note ? { note: fields.note } : {}), created: '2026-02-03T04:05:06Z' });
  return { ...a, coder: fields.coder };
}

const tmp = (name: string): vscode.Uri => vscode.Uri.file(path.join(tmpdir(), `kamerstukken-refi-${process.pid}-${name}`));
const sidecar = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), DIR, `${name}.annotations.yaml`);
const codebookUri = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.kamerstukken', 'codebook.yaml');

async function exportAs(args: Record<string, unknown>): Promise<Uint8Array> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', { overwrite: true, ...args });
  assert.ok(uri, `exported ${JSON.stringify(args)}`);
  return vscode.workspace.fs.readFile(uri);
}

async function schema(file: string): Promise<{ fileName: string; contents: string }> {
  return { fileName: file, contents: await fixture(`refi-qda/${file}`) };
}

function entriesOf(text: string | undefined): Entry[] {
  assert.ok(text !== undefined, 'a sidecar');
  const parsed = parseSidecar(text);
  assert.deepEqual(parsed.problems, []);
  return parsed.annotations as Entry[];
}

/** Waits until the corpus index lists `count` annotations for the document. */
async function indexed(name: string, count: number): Promise<void> {
  const uri = vscode.Uri.joinPath(folder(), DIR, name).toString();
  await waitFor(`${name} indexed with ${count} annotations`, async () => {
    const docs = await vscode.commands.executeCommand<{ uri: string; annotations: number }[]>('kamerstukken.corpusDocuments');
    return docs.find((d) => d.uri === uri)?.annotations === count;
  }, 30_000);
}

describe('REFI-QDA exchange', () => {
  const een: Entry[] = [
    entry(EEN, 'ik zal de Kamer voor de zomer informeren', { id: 'ae100001', tags: ['refi/toezegging'], coder: 'anna', note: 'Belofte:\nvoor de zomer' }),
    entry(EEN, 'Ja, ik zal de Kamer', { id: 'ae200002', tags: ['refi/toezegging'], coder: 'bert' }),
    entry(EEN, 'Dat hangt af van vele factoren', { id: 'ae300003', tags: ['refi/ontwijkend', 'refi/extra'], coder: 'anna' }),
  ];
  const twee: Entry[] = [
    entry(TWEE, 'factoren 📈 die ik nu niet', { id: 'bf100001', tags: ['refi/ontwijkend'], coder: 'bert' }),
    entry(TWEE, 'Vraag 2\r\nWaarom', { id: 'bf200002', tags: ['refi/extra'], coder: 'anna' }),
  ];

  before(async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await writeText(`${DIR}/een.txt`, EEN);
    await writeText(`${DIR}/twee.txt`, TWEE);
    await writeText(sidecar('een.txt'), serializeSidecar('een.txt', een));
    await writeText(sidecar('twee.txt'), serializeSidecar('twee.txt', twee));
    await writeText(codebookUri(), CODEBOOK);
    await indexed('een.txt', 3);
    await indexed('twee.txt', 2);
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), DIR), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.kamerstukken'), { recursive: true }).then(undefined, () => undefined);
    for (const n of ['a.qdpx', 'b.qdpx', 'c.qdc', 'round.qdpx']) await vscode.workspace.fs.delete(tmp(n)).then(undefined, () => undefined);
  });

  it('qdpx: a project valid against Project.xsd, with sources, codes from the codebook, codings, notes, coders and attributes', async function () {
    this.timeout(60_000);
    const bytes = await exportAs({ format: 'qdpx', scope: 'workspace', target: tmp('a.qdpx').toString() });
    const zip = unzipSync(bytes);
    const qde = strFromU8(zip['project.qde']);
    const errors = await validateAgainst({ project: qde }, await schema('Project-mrt2019.xsd'));
    assert.deepEqual(errors.project, []);
    // Codes: "refi" with its children, described and coloured as the codebook says.
    assert.match(qde, /<Code [^>]*name="refi"[^>]*>/u);
    assert.match(qde, /<Code [^>]*name="toezegging"[^>]*color="#1f77b4"[^>]*>\s*<Description>De minister belooft iets<\/Description>/u);
    assert.match(qde, /<Code [^>]*name="extra"/u, 'a tag in use but not in the codebook is a code too');
    // Coders are users; the note a Note.
    assert.match(qde, /<User [^>]*name="anna"/u);
    assert.match(qde, /<User [^>]*name="bert"/u);
    assert.match(qde, /Belofte:\nvoor de zomer/u);
    // The sources: texts with LF line breaks; each selection's positions are code points of that text.
    const sources = [...qde.matchAll(/<TextSource [^>]*name="([^"]+)"[^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/gu)];
    const mine = sources.filter((s) => s[1].startsWith(`${DIR}/`));
    assert.deepEqual(mine.map((s) => s[1]).sort(), [`${DIR}/een.txt`, `${DIR}/twee.txt`]);
    for (const [, name, file, body] of mine) {
      const text = strFromU8(zip[`sources/${file}`]);
      assert.equal(text, name.endsWith('een.txt') ? EEN : TWEE.replace(/\r\n/gu, '\n'));
      const cps = [...text];
      const quotes = [...body.matchAll(/<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"/gu)].map((m) => cps.slice(Number(m[1]), Number(m[2])).join(''));
      const expected = (name.endsWith('een.txt') ? een : twee).map((a) => a.quote).sort();
      assert.deepEqual(quotes.sort(), expected);
    }
    // Corpus attributes as variables: the party of the asker on een.txt.
    const eenSource = mine.find((s) => s[1].endsWith('een.txt'));
    assert.ok(eenSource);
    assert.match(eenSource[3], /<VariableValue>[\s\S]*?<TextValue>VVD<\/TextValue>/u);
    assert.match(eenSource[3], /<VariableValue>[\s\S]*?<DateValue>2024-01-03<\/DateValue>/u);
  });

  it('qdpx of the active document holds that document only, as the editor has it', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.joinPath(folder(), DIR, 'een.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const bytes = await exportAs({ format: 'qdpx', scope: 'document', target: tmp('a.qdpx').toString() });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const zip = unzipSync(bytes);
    const qde = strFromU8(zip['project.qde']);
    assert.deepEqual([...qde.matchAll(/<TextSource [^>]*name="([^"]+)"/gu)].map((m) => m[1]), [`${DIR}/een.txt`]);
    assert.equal([...qde.matchAll(/<PlainTextSelection /gu)].length, een.length);
    assert.deepEqual(Object.keys(zip).filter((k) => k.startsWith('sources/')).length, 1);
  });

  it('a second export of unchanged data is byte for byte the same', async function () {
    this.timeout(180_000);
    // Unchanged: the index quiet (an earlier suite's files may reach the watcher late) and no change
    // between the two exports; on a change, again.
    for (let attempt = 1; ; attempt++) {
      await corpusQuiet();
      const first = await exportAs({ format: 'qdpx', scope: 'workspace', target: tmp('a.qdpx').toString() });
      const second = await exportAs({ format: 'qdpx', scope: 'workspace', target: tmp('b.qdpx').toString() });
      const changed = (await vscode.commands.executeCommand<{ changes: unknown[] }>('kamerstukken.corpusState')).changes;
      if (changed.length > 0 && attempt < 3) continue;
      assert.deepEqual(changed, [], 'the workspace did not stay unchanged');
      assert.ok(first.length > 0);
      assert.deepEqual(Buffer.from(second), Buffer.from(first));
      break;
    }
  });

  it('qdc: the codebook alone, valid against Codebook.xsd', async function () {
    this.timeout(60_000);
    const xml = strFromU8(await exportAs({ format: 'qdc', target: tmp('c.qdc').toString() }));
    const errors = await validateAgainst({ codebook: xml }, await schema('Codebook.xsd'));
    assert.deepEqual(errors.codebook, []);
    assert.match(xml, /<CodeBook /u);
    assert.match(xml, /name="ontwijkend"[^>]*color="#d62728"[^>]*>\s*<Description>Geen antwoord op de vraag<\/Description>/u);
    assert.doesNotMatch(xml, /PlainTextSelection|TextSource/u);
  });

  it('every code has the colour the Annotations view gives it: a setting tag without one its parent\'s, a tag used but not defined one of its own', async function () {
    this.timeout(60_000);
    const settings = vscode.workspace.getConfiguration('kamerstukken');
    await settings.update('tags', [{ name: 'refi/toezegging/later' }], vscode.ConfigurationTarget.Global);
    try {
      const xml = strFromU8(await exportAs({ format: 'qdc', target: tmp('colours.qdc').toString() }));
      assert.match(xml, /name="later"[^>]*color="#1f77b4"/u);
      // refi/extra is in the sidecars only; refi, the parent, is in no definition either.
      assert.match(xml, /name="extra"[^>]*color="#[0-9a-f]{6}"/u);
      assert.match(xml, /name="refi"[^>]*color="#[0-9a-f]{6}"/u);
    } finally {
      await settings.update('tags', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('round trip: the project imported into the same texts without annotations gives the same entries; a second import adds nothing', async function () {
    this.timeout(120_000);
    const file = tmp('round.qdpx');
    await exportAs({ format: 'qdpx', scope: 'workspace', target: file.toString() });
    const before = { een: await readText(sidecar('een.txt')), twee: await readText(sidecar('twee.txt')) };
    // The empty copy: the same texts, no annotations files, no codebook.
    await vscode.workspace.fs.delete(sidecar('een.txt'));
    await vscode.workspace.fs.delete(sidecar('twee.txt'));
    await vscode.workspace.fs.delete(codebookUri());
    await indexed('een.txt', 0);
    await indexed('twee.txt', 0);
    const summary = await vscode.commands.executeCommand<ImportSummary>('kamerstukken.importQdpx', { source: file.toString() });
    assert.ok(summary);
    assert.equal(summary.annotationsAdded[`${DIR}/een.txt`], 3);
    assert.equal(summary.annotationsAdded[`${DIR}/twee.txt`], 2);
    const fields = (a: Entry): object => ({ id: a.id, tags: a.tags, note: a.note, coder: a.coder, start: a.start, end: a.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix, created: a.created });
    assert.deepEqual(entriesOf(await readText(sidecar('een.txt'))).map(fields), entriesOf(before.een).map(fields));
    assert.deepEqual(entriesOf(await readText(sidecar('twee.txt'))).map(fields), entriesOf(before.twee).map(fields));
    // The codebook is back, with descriptions and colours.
    const codebook = parseCodebook((await readText(codebookUri())) ?? '');
    assert.deepEqual(codebook.problems, []);
    const toezegging = codebook.codes.find((c) => c.name === 'refi/toezegging');
    assert.equal(toezegging?.color, '#1f77b4');
    assert.equal(toezegging?.description, 'De minister belooft iets');
    assert.ok(summary.codesAdded.includes('refi/extra'));
    // Again: everything is already there; no file changes.
    await indexed('een.txt', 3);
    await indexed('twee.txt', 2);
    const files = { een: await readText(sidecar('een.txt')), codebook: await readText(codebookUri()) };
    const again = await vscode.commands.executeCommand<ImportSummary>('kamerstukken.importQdpx', { source: file.toString() });
    assert.ok(again);
    assert.deepEqual(again.annotationsAdded, {});
    assert.deepEqual(again.codesAdded, []);
    assert.ok(again.alreadyPresent >= 5, `already present: ${again.alreadyPresent}`);
    assert.equal(await readText(sidecar('een.txt')), files.een);
    assert.equal(await readText(codebookUri()), files.codebook);
  });

  it('a source whose text differs from the document is reported, not placed', async function () {
    this.timeout(120_000);
    const file = tmp('round.qdpx');
    await exportAs({ format: 'qdpx', scope: 'workspace', target: file.toString() });
    await vscode.workspace.fs.delete(sidecar('twee.txt'));
    await writeText(`${DIR}/twee.txt`, TWEE.replace('Waarom is de begroting te laat?', 'Wanneer komt de begroting?'));
    await indexed('twee.txt', 0);
    const summary = await vscode.commands.executeCommand<ImportSummary>('kamerstukken.importQdpx', { source: file.toString() });
    assert.ok(summary);
    assert.equal(summary.annotationsAdded[`${DIR}/twee.txt`], undefined);
    assert.ok(summary.problems.some((p) => p.includes('twee.txt')), summary.problems.join('\n'));
    assert.equal(await readText(sidecar('twee.txt')), undefined, 'no annotations file written');
  });

  it('a file that is not REFI-QDA is reported', async () => {
    const bad = tmp('bad.qdpx');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('hallo'));
    const summary = await vscode.commands.executeCommand<ImportSummary>('kamerstukken.importQdpx', { source: bad.toString() });
    assert.ok(summary);
    assert.equal(summary.problems.length, 1);
    assert.match(summary.problems[0], /not a REFI-QDA file/u);
    await vscode.workspace.fs.delete(bad);
  });
});
