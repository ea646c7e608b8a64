// Annotations in a real VS Code: the command with arguments, the sidecar on disk, offsets after
// edits and saves, re-anchoring after the file is rewritten on disk, a broken sidecar left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, SEED_000, SEED_003, decode, folder, readText as read, sleep, waitFor as until, writeText as write,
} from './helpers';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/sidecar';



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
    assert.match(yaml, /^version: 1\ndocument: annot-a\.txt\nannotations:\n/);
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

  it('finds the passage again after the file is rewritten on disk, re-wrapped', async () => {
    const editor = await openCopy(SEED_000, 'annot-c.txt');
    const long = editor.document.getText().slice(editor.document.getText().indexOf('Zijn er op uw ministerie'), editor.document.getText().indexOf('Zijn er op uw ministerie') + 150);
    assert.ok(long.includes('\n'));
    select(editor, long);
    await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['nieuwe informatie'] });
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
    const after = await until('the re-anchored sidecar', async () => {
      const y = await read(sidecar);
      return y && y !== before ? y : undefined;
    });
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
});
