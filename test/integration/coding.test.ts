// Coding as a team in a real VS Code: the codebook's colours and descriptions reach the highlights
// and the tag picker as soon as the file changes; the Annotations view by tag level, with a tag
// missing from the codebook marked and added with one command; Rename Tag merging across two files
// (exact file contents after, and Undo); memos; the coder recorded; blind coding and the coder filter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED_000, decode, folder, readText as read, waitFor as until, writeText as write } from './helpers';
import { createAnnotation } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';

interface RowState { label: string; description: string; contextValue?: string; children: RowState[] }
type DecorationsState = Record<string, Record<string, [number, number][]>>;

const CODEBOOK = '.kamerstukken/codebook.yaml';
const Q1 = 'Is het waar dat tijdens deze bijeenkomsten';
const Q2 = 'Zijn er op uw ministerie bijeenkomsten georganiseerd';

let seed = '';
/** Files written outside the editor reach the extension through the file watcher, late on a loaded machine. */
const WATCHER_WAIT = 30_000;

const viewRows = async (): Promise<RowState[]> => (await vscode.commands.executeCommand<{ rows: RowState[] }>('kamerstukken.annotationsViewState')).rows;
const decorations = (): Thenable<DecorationsState> => vscode.commands.executeCommand<DecorationsState>('kamerstukken.decorationsState');
const choices = (): Thenable<{ name: string; description?: string }[]> => vscode.commands.executeCommand('kamerstukken.tagChoicesState');
const uri = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), name);
const sidecarOf = (u: vscode.Uri): vscode.Uri => u.with({ path: `${u.path}.annotations.yaml` });

function findRow(rows: readonly RowState[], ...path: string[]): RowState | undefined {
  let row: RowState | undefined;
  let list = rows;
  for (const label of path) {
    row = list.find((r) => r.label === label);
    if (!row) return undefined;
    list = row.children;
  }
  return row;
}

/** Writes a copy of the seed and opens it in an editor as Kamerstuk. */
async function openCopy(name: string): Promise<vscode.TextEditor> {
  const u = await write(name, seed);
  const doc = await vscode.workspace.openTextDocument(u);
  await until('language kamerstuk', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString() && d.languageId === 'kamerstuk'));
  return vscode.window.showTextDocument(vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString()) ?? doc);
}

function select(editor: vscode.TextEditor, quote: string): [number, number] {
  const start = editor.document.getText().indexOf(quote);
  assert.ok(start >= 0, quote);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
  return [start, start + quote.length];
}

async function annotate(editor: vscode.TextEditor, quote: string, tags: string[]): Promise<[number, number]> {
  const span = select(editor, quote);
  const ids = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags });
  assert.equal(ids.length, 1);
  return span;
}

/** A sidecar for the seed with one entry per [id, quote, tags, coder]. */
function sidecarText(name: string, entries: [string, string, string[], string?][]): string {
  return serializeSidecar(name, entries.map(([id, quote, tags, coder]) => {
    const start = seed.indexOf(quote);
    return createAnnotation(seed, start, start + quote.length, { id, tags, created: '2026-01-01T00:00:00Z', ...(coder ? { coder } : {}) });
  }));
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('kamerstukken').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('coding', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    seed = decode(await vscode.workspace.fs.readFile(uri(SEED_000)));
  });

  after(async () => {
    // The other suites run in the same workspace: no codebook, no coder, no blind coding.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri('.kamerstukken'), { recursive: true }).then(undefined, () => undefined);
    await setting('coder', undefined);
    await setting('blindCoding', undefined);
    await vscode.commands.executeCommand('kamerstukken.clearCoderFilter');
  });

  it('colours and picker follow the codebook as soon as it changes; a child takes its parent\'s colour', async () => {
    await write(CODEBOOK, 'version: 1\ncodes:\n  - name: kleur\n    color: "#123456"\n  - name: kleur/eigen\n    color: "#abcdef"\n    description: Met eigen kleur\n');
    const editor = await openCopy('coding-colours.txt');
    const key = editor.document.uri.toString();
    const own = await annotate(editor, Q1, ['kleur/eigen']);
    const inherited = await annotate(editor, Q2, ['kleur/geerfd']);
    await until('the codebook colours', async () => {
      const d = (await decorations())[key];
      return d && JSON.stringify(d['#abcdef']) === JSON.stringify([own]) && JSON.stringify(d['#123456']) === JSON.stringify([inherited]);
    }, WATCHER_WAIT);
    const offered = await choices();
    assert.deepEqual(offered.slice(0, 2), [{ name: 'kleur' }, { name: 'kleur/eigen', description: 'Met eigen kleur' }], JSON.stringify(offered));
    // Edited on disk (a git pull, another editor): colours and descriptions change at once.
    await write(CODEBOOK, 'version: 1\ncodes:\n  - name: kleur\n    color: "#654321"\n  - name: kleur/eigen\n    color: "#fedcba"\n    description: Andere omschrijving\n');
    await until('the new colours', async () => {
      const d = (await decorations())[key];
      return d && JSON.stringify(d['#fedcba']) === JSON.stringify([own]) && JSON.stringify(d['#654321']) === JSON.stringify([inherited]);
    }, WATCHER_WAIT);
    await until('the new description in the picker', async () => (await choices()).some((c) => c.name === 'kleur/eigen' && c.description === 'Andere omschrijving'), WATCHER_WAIT);
  });

  it('a malformed codebook: its valid codes still count, and it is never written', async () => {
    const broken = 'version: 1\ncodes:\n  - name: kleur\n    color: "#654321"\n  - name: kleur\n  - name: kleur/eigen\n    color: "#fedcba"\n';
    await write(CODEBOOK, broken);
    await until('the picker to read it', async () => (await choices()).some((c) => c.name === 'kleur/eigen' && c.description === undefined), WATCHER_WAIT);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.addTagToCodebook', { tags: ['nieuw'] }), false);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.editTagMemo', { tag: 'kleur', memo: 'x' }), false);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.renameTag', { from: 'kleur', to: 'verf' }), undefined);
    assert.equal(await read(uri(CODEBOOK)), broken);
  });

  it('the view groups by level, a parent counts its children; a tag missing from the codebook is marked and added with one command', async () => {
    const book = '# Ons codeboek\nversion: 1\ncodes:\n  - name: niveau/bekend # al gedefinieerd\n    description: Bekend\n';
    await write(CODEBOOK, book);
    const editor = await openCopy('coding-view.txt');
    await annotate(editor, Q1, ['niveau/bekend']);
    await annotate(editor, Q2, ['niveau/onbekend', 'niveau/bekend']);
    const parent = await until('the hierarchy', async () => {
      const row = findRow(await viewRows(), 'niveau');
      return row && row.children.length === 2 ? row : undefined;
    });
    assert.equal(parent.description, '2', 'two passages below "niveau", each counted once');
    assert.deepEqual(parent.children.map((c) => [c.label, c.contextValue]), [['bekend', 'tag'], ['onbekend', 'tag.missing']]);
    assert.equal(findRow(parent.children, 'bekend')?.description, '2');
    assert.match(findRow(parent.children, 'onbekend')?.description ?? '', /^1 · /);
    assert.deepEqual(findRow(parent.children, 'onbekend')?.children.map((c) => c.label), ['coding-view.txt']);
    // The inline action passes the row.
    assert.equal(await vscode.commands.executeCommand('kamerstukken.addTagToCodebook', { kind: 'tag', path: 'niveau/onbekend' }), true);
    assert.equal(await read(uri(CODEBOOK)), `${book}  - name: niveau/onbekend\n`);
    await until('the tag to count as defined', async () => findRow(await viewRows(), 'niveau', 'onbekend')?.contextValue === 'tag');
  });

  it('memos: per tag in the codebook, per document in its annotations file; shown in the hover', async () => {
    // Its own codebook and document: the test does not depend on the one before it.
    const before = '# Ons codeboek\nversion: 1\ncodes:\n  - name: niveau/bekend # al gedefinieerd\n    description: Bekend\n';
    await write(CODEBOOK, before);
    const editor = await openCopy('coding-memo.txt');
    await annotate(editor, Q1, ['niveau/bekend']);
    const doc = editor.document;
    const sidecar = sidecarOf(doc.uri);
    const text = await until('the sidecar', () => read(sidecar));
    await until('the codebook read', async () => (await choices()).some((c) => c.name === 'niveau/bekend' && c.description === 'Bekend'), WATCHER_WAIT);
    assert.equal(await vscode.commands.executeCommand('kamerstukken.editTagMemo', { tag: 'niveau/bekend', memo: 'Alleen bij expliciete erkenning.' }), true);
    const after = (await read(uri(CODEBOOK))) ?? '';
    assert.equal(after, before.replace('    description: Bekend\n', '    description: Bekend\n    memo: Alleen bij expliciete erkenning.\n'));
    // The hover escapes Markdown punctuation (the full stop too).
    await until('the memo in the hover', async () => (await hoverText(doc, doc.getText().indexOf(Q1) + 3)).includes('Alleen bij expliciete erkenning'));
    assert.equal(await vscode.commands.executeCommand('kamerstukken.editDocumentMemo', { uri: doc.uri.toString(), memo: 'Laat beantwoord.' }), true);
    assert.equal(await read(sidecar), text.replace('document: coding-memo.txt\n', 'document: coding-memo.txt\nmemo: Laat beantwoord.\n'));
  });

  it('renames and merges a tag across two files and the codebook as one edit, with the smallest change, and Undo restores them', async () => {
    const a = sidecarOf(uri('coding-merge-a.txt'));
    const b = sidecarOf(uri('coding-merge-b.txt'));
    const aText = sidecarText('coding-merge-a.txt', [['aaaaaaa1', Q2, ['samen/oud']], ['aaaaaaa2', Q1, ['samen/nieuw', 'samen/oud']]]).replace('annotations:\n', '# handgeschreven\nannotations:\n');
    const bText = sidecarText('coding-merge-b.txt', [['bbbbbbb1', Q1, ['samen/oud', 'ander'], 'Bram']]).replace(/\n/g, '\r\n');
    const book = 'version: 1\ncodes:\n  - name: samen/oud # weg ermee\n    description: Oud\n    memo: Niet meer gebruiken.\n  - name: samen/nieuw\n    color: "#00ff00"\n';
    await write(CODEBOOK, book);
    await write('coding-merge-a.txt', seed);
    await write('coding-merge-b.txt', seed);
    await write(a, aText);
    await write(b, bText);
    await until('both files in the index', async () => findRow(await viewRows(), 'samen', 'oud')?.description.startsWith('3'), WATCHER_WAIT);
    const result = await vscode.commands.executeCommand('kamerstukken.renameTag', { from: 'samen/oud', to: 'samen/nieuw' });
    assert.deepEqual(result, { from: 'samen/oud', to: 'samen/nieuw', merged: true, annotations: 3, files: 2, codes: 1 });
    assert.equal(await read(a), aText.replace('tags: [samen/oud]', 'tags: [samen/nieuw]').replace('tags: [samen/nieuw, samen/oud]', 'tags: [samen/nieuw]'));
    assert.equal(await read(b), bText.replace('tags: [samen/oud, ander]', 'tags: [samen/nieuw, ander]'));
    assert.equal(await read(uri(CODEBOOK)), 'version: 1\ncodes:\n  - name: samen/nieuw\n    description: Oud\n    color: "#00ff00"\n    memo: Niet meer gebruiken.\n');
    await until('the view to show the merge', async () => {
      const rows = await viewRows();
      return !findRow(rows, 'samen', 'oud') && findRow(rows, 'samen', 'nieuw')?.description === '3';
    });
    // One Undo restores every file (then saved, as the user would).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a));
    await vscode.commands.executeCommand('undo');
    const docs = [[a, aText], [b, bText], [uri(CODEBOOK), book]] as const;
    const docOf = (u: vscode.Uri): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
    await until('the undo in every file', () => docs.every(([u, text]) => docOf(u)?.getText() === text));
    for (const [u] of docs) await docOf(u)?.save();
    for (const [u, text] of docs) await until(`${u.path} restored on disk`, async () => (await read(u)) === text, 30_000);
  });

  it('records the coder of every new annotation', async () => {
    await setting('coder', 'Anna');
    const editor = await openCopy('coding-coder.txt');
    await annotate(editor, Q1, ['toezegging']);
    const yaml = await until('the sidecar', () => read(sidecarOf(editor.document.uri)));
    assert.match(yaml, /\n {4}created: [^\n]+\n {4}coder: Anna\n/);
  });

  it('blind coding shows only one\'s own annotations: highlights, hover, view, count; the view and the export filter by coder', async () => {
    await setting('coder', 'Anna');
    const name = 'coding-blind.txt';
    await write(sidecarOf(uri(name)), sidecarText(name, [['aaaaaaa1', Q1, ['blind/anna'], 'Anna'], ['bbbbbbb1', Q2, ['blind/bram'], 'Bram']]));
    const editor = await openCopy(name);
    const key = editor.document.uri.toString();
    const count = async (): Promise<string> => (await vscode.commands.executeCommand<{ annotationCount: { text: string } }>('kamerstukken.statusBarState')).annotationCount.text;
    const drawn = async (): Promise<number> => Object.values((await decorations())[key] ?? {}).reduce((n, r) => n + r.length, 0);
    await until('both highlighted', async () => (await drawn()) === 2);
    const bram = seed.indexOf(Q2) + 3;
    assert.match(await hoverText(editor.document, bram), /blind\/bram/);

    await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: true });
    await until('only Anna\'s highlighted', async () => (await drawn()) === 1);
    assert.deepEqual(Object.values((await decorations())[key]).flat(), [[seed.indexOf(Q1), seed.indexOf(Q1) + Q1.length]]);
    assert.doesNotMatch(await hoverText(editor.document, bram), /blind\/bram/);
    await until('the count to be 1', async () => (await count()).endsWith(' 1'));
    await until('the view without Bram', async () => {
      const row = findRow(await viewRows(), 'blind');
      return row && row.children.map((c) => c.label).join() === 'anna';
    });

    await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: false });
    await until('both again', async () => (await drawn()) === 2 && (await count()).endsWith(' 2'));
    await vscode.commands.executeCommand('kamerstukken.filterAnnotationsByCoder', { coders: ['Bram'] });
    await until('the view with Bram only', async () => findRow(await viewRows(), 'blind')?.children.map((c) => c.label).join() === 'bram');
    assert.equal(await drawn(), 2, 'the view\'s filter leaves the editor alone');
    await vscode.commands.executeCommand('kamerstukken.clearCoderFilter');

    const target = uri('coding-bram.csv');
    await vscode.commands.executeCommand('kamerstukken.exportAnnotations', { format: 'csv', scope: 'document', target: target.toString(), coders: ['Bram'] });
    const csv = (await read(target)) ?? '';
    assert.ok(csv.includes('blind/bram'), csv);
    assert.ok(!csv.includes('blind/anna'), csv);
  });

  it('blind coding: next / previous annotation and edit / remove under the cursor leave other coders\' annotations alone', async () => {
    await setting('coder', 'Anna');
    const name = 'coding-blind-nav.txt';
    const sidecar = sidecarOf(uri(name));
    await write(sidecar, sidecarText(name, [['aaaaaaa2', Q1, ['nav/anna'], 'Anna'], ['bbbbbbb2', Q2, ['nav/bram'], 'Bram']]));
    const editor = await openCopy(name);
    const anna = [seed.indexOf(Q1), seed.indexOf(Q1) + Q1.length];
    const bram = seed.indexOf(Q2);
    await until('both placed', async () => Object.values((await decorations())[editor.document.uri.toString()] ?? {}).flat().length === 2);
    await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: true });
    try {
      const selected = (): number[] => [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
      const at = (offset: number): void => {
        const p = editor.document.positionAt(offset);
        editor.selection = new vscode.Selection(p, p);
      };
      // From the start, just before and just after Bram's passage, both ways: always Anna's, never Bram's.
      for (const from of [0, bram - 1, bram + 1]) {
        for (const command of ['kamerstukken.nextAnnotation', 'kamerstukken.previousAnnotation']) {
          at(from);
          await vscode.commands.executeCommand(command);
          assert.deepEqual(selected(), anna, `${command} from ${from}`);
        }
      }
      // The cursor in Bram's passage: there is nothing (of Anna's) to edit or remove there.
      at(bram + 3);
      assert.equal(await vscode.commands.executeCommand<boolean>('kamerstukken.editAnnotation', { tags: ['nav/changed'] }), false);
      assert.equal(await vscode.commands.executeCommand<number>('kamerstukken.removeAnnotation'), 0);
      const yaml = (await read(sidecar)) ?? '';
      assert.match(yaml, /bbbbbbb2/);
      assert.match(yaml, /nav\/bram/);
      assert.doesNotMatch(yaml, /nav\/changed/);
      // In Anna's own passage they work.
      at(anna[0] + 3);
      assert.equal(await vscode.commands.executeCommand<number>('kamerstukken.removeAnnotation'), 1);
      await until('Anna\'s entry removed', async () => !((await read(sidecar)) ?? '').includes('aaaaaaa2'));
      assert.match((await read(sidecar)) ?? '', /bbbbbbb2/);
    } finally {
      await vscode.commands.executeCommand('kamerstukken.toggleBlindCoding', { on: false });
    }
  });
});
