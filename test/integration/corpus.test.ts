// The corpus index in a real VS Code: a small corpus in nested folders written into the workspace,
// indexed through workspace.fs; the file watcher (a text and a sidecar created, changed, deleted:
// exactly that document updates); the cache (a start again reads nothing unchanged); files it cannot
// index (binary, too large, broken sidecars: each reported once, the rest indexed); the Annotations
// view filled from it, deeper than the old walk went.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { TextPositions } from '../../src/core/annotations/model';
import { serializeSidecar } from '../../src/core/annotations/sidecar';
import { SEED_000, SEED_001, corpusQuiet as quiet, createWatchedFolder, folder, readText, waitFor, writeText } from './helpers';

interface State {
  state: string;
  documents: number;
  annotations: number;
  io: { readDirectory: number; stat: number; readFile: number; writeFile: number };
  foldersRead: string[];
  lastPass?: { readFromDisk: number; reusedFromCache: number; documents: number };
  problems: string[];
  notifications: string[];
  changes: { changed: string[]; removed: string[] }[];
  cache: { folder?: string; loaded: number };
}

const state = async (): Promise<State> => vscode.commands.executeCommand<State>('kamerstukken.corpusState');
const control = async (action: string): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', action);

const ROOT = 'corpus-test';
const at = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ROOT, ...parts);
const sidecarOf = (uri: vscode.Uri): vscode.Uri => uri.with({ path: `${uri.path}.annotations.yaml` });

/** A sidecar for `text` with one annotation per quote, tagged `tag`. */
function sidecarFor(name: string, text: string, quotes: string[], tag: string): string {
  const positions = new TextPositions(text);
  const entries: Annotation[] = quotes.map((q, i) => {
    const start = text.indexOf(q);
    assert.ok(start >= 0, q);
    return { id: `c0${i}${tag.length}ffff`.slice(0, 8), tags: [tag], ...positions.selector(start, start + q.length), created: '2026-12-01T12:00:00Z' };
  });
  return serializeSidecar(name, entries);
}

async function annotationsOf(_uri: vscode.Uri): Promise<{ rows: { label: string; children: { label: string; children: { label: string }[] }[] }[] }> {
  return vscode.commands.executeCommand('kamerstukken.annotationsViewState');
}

/** File watcher events reach the extension host late on a loaded machine: waits on them are long. */
const WATCHER_WAIT = 30_000;

describe('corpus index', function () {
  this.timeout(180_000);
  let seed = '';
  let beslisnota = '';
  const deep = at('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'diep.txt');

  before(async () => {
    seed = (await readText(vscode.Uri.joinPath(folder(), SEED_000))) ?? '';
    beslisnota = (await readText(vscode.Uri.joinPath(folder(), SEED_001))) ?? '';
    assert.ok(seed.length > 1000 && beslisnota.length > 1000);
    await control('ready');
    // Folders the watcher steps write into are made so that VS Code's own watcher sees them.
    for (let i = 0; i < 6; i++) await createWatchedFolder(at(`jaar-${i % 2}`, `map-${i % 3}`));
    for (let i = 0; i < 6; i++) {
      const uri = at(`jaar-${i % 2}`, `map-${i % 3}`, `stuk-${i}.txt`);
      await writeText(uri, seed);
      await writeText(sidecarOf(uri), sidecarFor(`stuk-${i}.txt`, seed, ['Minister', 'Vraag 1'], `tag${i}`));
    }
    await writeText(at('nota.kamerstuk'), beslisnota);
    await writeText(at('boodschappen.txt'), 'melk\nbrood\nkaas\n');
    // Deeper than the old walk's limit of 6 folders.
    await writeText(deep, seed);
    await writeText(sidecarOf(deep), sidecarFor('diep.txt', seed, ['Minister'], 'heel diep'));
    await control('refresh');
  });

  after(async () => {
    await vscode.workspace.fs.delete(at(), { recursive: true });
    await control('refresh');
  });

  it('indexes the parliamentary texts with their records, and every annotation, through workspace.fs', async () => {
    const s = await state();
    assert.equal(s.state, 'ready');
    const docs = await vscode.commands.executeCommand<{ uri: string; kind?: string; annotations: number; parliamentary: boolean }[]>('kamerstukken.corpusDocuments');
    const mine = docs.filter((d) => d.uri.includes(`/${ROOT}/`));
    const names = mine.map((d) => d.uri.slice(d.uri.indexOf(ROOT) + ROOT.length + 1)).sort();
    assert.deepEqual(names, [
      'a/b/c/d/e/f/g/h/diep.txt', 'jaar-0/map-0/stuk-0.txt', 'jaar-0/map-1/stuk-4.txt', 'jaar-0/map-2/stuk-2.txt',
      'jaar-1/map-0/stuk-3.txt', 'jaar-1/map-1/stuk-1.txt', 'jaar-1/map-2/stuk-5.txt', 'nota.kamerstuk',
    ], `the shopping list is not a parliamentary text; all: ${JSON.stringify(docs.map((d) => d.uri.split('/').pop()))}`);
    const nota = mine.find((d) => d.uri.endsWith('nota.kamerstuk'));
    assert.equal(nota?.kind, 'beslisnota');
    assert.equal(mine.find((d) => d.uri.endsWith('stuk-3.txt'))?.kind, 'questions');
    assert.equal(mine.reduce((n, d) => n + d.annotations, 0), 6 * 2 + 1);
  });

  it('fills the Annotations view from the index, also from folders deeper than the old walk went', async () => {
    const view = await annotationsOf(deep);
    const tagRow = view.rows.find((r) => r.label === 'heel diep');
    assert.ok(tagRow, JSON.stringify(view.rows.map((r) => r.label)));
    assert.deepEqual(tagRow.children.map((c) => c.label), ['diep.txt']);
    assert.ok(view.rows.find((r) => r.label === 'tag3'));
  });

  it('the watcher: a changed sidecar, a new text and sidecar, a deleted text update exactly that document', async () => {
    const one = at('jaar-1', 'map-0', 'stuk-3.txt');
    await quiet();
    await writeText(sidecarOf(one), sidecarFor('stuk-3.txt', seed, ['Minister', 'Vraag 1', 'Antwoord 1'], 'tag3'));
    let s = await waitFor('the change of stuk-3', async () => { const x = await state(); return x.changes.length > 0 ? x : undefined; }, WATCHER_WAIT);
    assert.deepEqual(s.changes, [{ changed: [one.toString()], removed: [] }]);
    assert.ok(s.io.readFile <= 2, `read ${s.io.readFile} files (the sidecar and its text)`);
    assert.equal(s.io.readDirectory, 0, `no walk; read ${JSON.stringify(s.foldersRead)}`);

    await control('resetCounts');
    const added = at('jaar-0', 'nieuw.txt');
    await writeText(added, seed);
    await writeText(sidecarOf(added), sidecarFor('nieuw.txt', seed, ['Vraag 1'], 'nieuw'));
    let last: unknown;
    s = await waitFor('the new document', async () => {
      const x = await state();
      const rows = (await annotationsOf(added)).rows.map((r) => r.label);
      last = { changes: x.changes, io: x.io, rows };
      return x.changes.some((c) => c.changed.includes(added.toString())) && rows.includes('nieuw') ? x : undefined;
    }, WATCHER_WAIT).catch((error: unknown) => { throw new Error(`${String(error)}: ${JSON.stringify(last)}`); });
    for (const c of s.changes) assert.deepEqual([...c.changed, ...c.removed], [added.toString()]);

    await control('resetCounts');
    await vscode.workspace.fs.delete(sidecarOf(added));
    await vscode.workspace.fs.delete(added);
    s = await waitFor('the removal', async () => { const x = await state(); return x.changes.some((c) => c.removed.includes(added.toString())) ? x : undefined; }, WATCHER_WAIT);
    for (const c of s.changes) assert.deepEqual([...c.changed, ...c.removed], [added.toString()]);
    assert.equal((await annotationsOf(added)).rows.some((r) => r.label === 'nieuw'), false);
  });

  it('a folder copied in or deleted: its documents come and go without a refresh', async () => {
    await quiet();
    const names = async (): Promise<string[]> => (await vscode.commands.executeCommand<{ uri: string }[]>('kamerstukken.corpusDocuments'))
      .map((d) => d.uri).filter((u) => u.includes(`/${ROOT}/kopie/`)).sort();
    await vscode.workspace.fs.copy(at('jaar-1'), at('kopie'));
    const copied = [at('kopie', 'map-0', 'stuk-3.txt'), at('kopie', 'map-1', 'stuk-1.txt'), at('kopie', 'map-2', 'stuk-5.txt')].map(String).sort();
    await waitFor('the copied folder', async () => ((await names()).length === 3 ? true : undefined), WATCHER_WAIT);
    assert.deepEqual(await names(), copied);
    assert.ok((await annotationsOf(at('kopie'))).rows.find((r) => r.label === 'tag3')?.children.some((c) => c.label === 'stuk-3.txt'));

    await quiet(); // the copy's later folder events
    await vscode.workspace.fs.delete(at('kopie'), { recursive: true });
    const s = await waitFor('the deleted folder', async () => ((await names()).length === 0 ? state() : undefined), WATCHER_WAIT);
    assert.deepEqual(s.changes.flatMap((c) => c.changed), [], 'nothing else changed');
    assert.deepEqual(s.changes.flatMap((c) => c.removed).sort(), copied);
    assert.equal(s.io.readDirectory, 0, 'no walk for a deletion');
  });

  it('the cache: a start again reads nothing that did not change, and only what did', async () => {
    await quiet();
    await control('saveCache');
    await control('resetCounts');
    await control('restart');
    let s = await state();
    assert.ok(s.cache.loaded >= 8, `${s.cache.loaded} documents from the cache`);
    assert.equal(s.lastPass?.readFromDisk, 0, `no document read again: ${JSON.stringify(s.changes)} ${JSON.stringify(s.lastPass)} ${JSON.stringify(s.io)}`);
    // The manifest and the shards: nothing of the workspace.
    assert.ok(s.io.readFile <= 1 + 64, `${s.io.readFile} files read`);
    assert.ok(s.cache.folder && !s.cache.folder.startsWith(folder().toString()), 'the cache is not in the workspace');
    const before = s.io.readFile;

    // A text changed while the window was closed: the watcher does not see it, the next start does.
    const changed = at('jaar-0', 'map-0', 'stuk-0.txt');
    await control('saveCache');
    await control('pauseWatcher');
    try {
      await writeText(changed, `${seed}\nNaschrift.\n`);
      await control('resetCounts');
      await control('restart');
    } finally {
      await control('resumeWatcher');
    }
    s = await state();
    assert.equal(s.lastPass?.readFromDisk, 1, 'the changed text only');
    assert.equal(s.io.readFile, before + 2, 'its text and its sidecar (to place the annotations in the new text)');
  });

  it('a start from the cache exports the annotations as the files gave them: when made, and an orphan\'s saved context', async () => {
    // An orphan: its passage is not in the text, so the export takes its quote and context as saved.
    const orphan = at('wees.txt');
    const sidecar = sidecarFor('wees.txt', seed, ['Minister'], 'wees');
    await writeText(orphan, 'melk\nbrood\nkaas\n');
    await writeText(sidecarOf(orphan), sidecar);
    const saved = /prefix: (.+)\n/u.exec(sidecar)?.[1]?.replace(/^"|"$/gu, '').trim();
    assert.ok(saved, sidecar);
    await control('refresh');
    const target = at('export.jsonld');
    const exported = async (): Promise<string> => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', { format: 'jsonld', scope: 'workspace', target: target.toString(), overwrite: true });
      assert.ok(uri);
      // Without the moment of the export itself.
      return ((await readText(uri)) ?? '').replace(/"generated": "[^"]*"/u, '');
    };
    const fromFiles = await exported();
    assert.match(fromFiles, /2026-12-01T12:00:00Z/u);
    assert.ok(fromFiles.includes(saved), `the orphan's saved prefix ${JSON.stringify(saved)}`);
    await control('saveCache');
    await control('resetCounts');
    await control('restart');
    const s = await state();
    assert.ok(s.cache.loaded >= 9, `${s.cache.loaded} documents from the cache`);
    assert.equal(s.lastPass?.readFromDisk, 0);
    assert.equal(await exported(), fromFiles);
    await vscode.workspace.fs.delete(target);
    await vscode.workspace.fs.delete(sidecarOf(orphan));
    await vscode.workspace.fs.delete(orphan);
    await control('refresh');
  });

  it('a start from the cache: the records\' blocks are read when needed (symbols, JSON Lines), from the files when their shard is damaged', async () => {
    const symbols = async (query: string): Promise<string[]> =>
      ((await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [])
        .filter((x) => x.location.uri.path.includes(`/${ROOT}/`)).map((x) => `${x.location.uri.path.split('/').pop()} ${x.name}`).sort();
    const expected = [...Array.from({ length: 6 }, (_, i) => `stuk-${i}.txt`), 'diep.txt'].sort()
      .map((f) => `${f} Vraag 1 en 2: Zijn er op uw ministerie bijeenkomsten georganiseerd op departementaal niveau, dan wel op directoraat-generaal (DG) of…`);
    const jsonl = async (): Promise<string> => {
      const target = at('out', 'corpus.jsonl');
      await vscode.commands.executeCommand('kamerstukken.exportCorpus', { format: 'jsonl', target: target.toString(), overwrite: true });
      const line = ((await readText(target)) ?? '').split('\n').find((l) => l.includes('stuk-3.txt')) ?? '{}';
      await vscode.workspace.fs.delete(at('out'), { recursive: true });
      return (JSON.parse(line) as { pairs?: { question: string }[] }).pairs?.[0]?.question ?? '';
    };
    await quiet();
    await control('saveCache');
    await control('restart');
    const built = { symbols: await symbols('vraag departementaal'), question: await jsonl() };
    assert.deepEqual(built.symbols, expected);
    assert.match(built.question, /^Zijn er op uw ministerie bijeenkomsten georganiseerd op departementaal niveau/u);

    // The blocks shards gone (or damaged): those records are read from their files again, nothing else changes.
    await control('saveCache');
    const dir = vscode.Uri.parse((await state()).cache.folder ?? '');
    const names = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
    assert.ok(names.some((n) => n.startsWith('blocks-')), names.join(' '));
    for (const name of names) {
      if (name.startsWith('blocks-')) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode('{"cacheVersion":'));
    }
    await control('restart');
    await control('resetCounts');
    assert.deepEqual(await symbols('vraag departementaal'), expected);
    const s = await state();
    assert.ok(s.io.readFile >= 7, `the texts read again: ${JSON.stringify(s.io)}`);
    assert.equal(await jsonl(), built.question);
  });

  it('a damaged cache is ignored and rebuilt from the files', async () => {
    await control('saveCache');
    const dir = vscode.Uri.parse((await state()).cache.folder ?? '');
    for (const [name] of await vscode.workspace.fs.readDirectory(dir)) {
      if (name.startsWith('shard-')) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode('{"cacheVersion":1,"documents":[{"uri":'));
    }
    await control('restart');
    const s = await state();
    assert.equal(s.cache.loaded, 0);
    assert.ok((s.lastPass?.readFromDisk ?? 0) >= 8, 'read from the files');
    const view = await annotationsOf(deep);
    assert.ok(view.rows.find((r) => r.label === 'heel diep'));
  });

  it('binary files, files over the size limit and broken sidecars: each reported once, nothing lost, the rest indexed', async () => {
    const config = vscode.workspace.getConfiguration('kamerstukken.corpus');
    await config.update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Global);
    try {
      await writeText(at('kapot', 'binair.txt'), 'Vraag 1\u0000\u0001\u0002\u0003'.repeat(200));
      await writeText(at('kapot', 'groot.txt'), seed.repeat(Math.ceil(1.5 * 1024 * 1024 / seed.length)));
      const broken = at('kapot', 'fout.txt');
      await writeText(broken, seed);
      const valid = sidecarFor('fout.txt', seed, ['Minister'], 'geldig');
      const brokenText = `${valid}  - id: ffff0002\n    tags: [x]\n    quote: x\n    start: -1\n    end: 1\n`;
      await writeText(sidecarOf(broken), brokenText);
      await writeText(at('kapot', 'onleesbaar.txt.annotations.yaml'), 'version: 2\nannotations: [\n');
      await control('refresh');
      let s = await state();
      const mine = s.problems.filter((p) => p.includes('/kapot/'));
      assert.deepEqual(mine.map((p) => `${p.split('|')[0]} ${p.split('|')[1].split('/').pop()}`).sort(), [
        'binary binair.txt', 'brokenSidecar fout.txt.annotations.yaml', 'brokenSidecar onleesbaar.txt.annotations.yaml', 'tooLarge groot.txt',
      ]);
      const notes = s.notifications.length;
      // Nothing lost: the valid annotation of the broken file is listed, and the file is left as it was.
      const view = await annotationsOf(broken);
      const row = view.rows.find((r) => r.label === 'geldig');
      assert.ok(row);
      assert.equal(await readText(sidecarOf(broken)), brokenText);
      assert.ok(view.rows.find((r) => r.label === 'tag2'), 'the rest indexed');
      // Reported once: a second pass finds them again and says nothing new.
      await control('refresh');
      s = await state();
      assert.equal(s.problems.filter((p) => p.includes('/kapot/')).length, 4);
      assert.equal(s.notifications.length, notes);
    } finally {
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(at('kapot'), { recursive: true });
    }
  });

  it('a workspace over the file limit is indexed up to it, and a message names the limit and the setting', async () => {
    const config = vscode.workspace.getConfiguration('kamerstukken.corpus');
    await config.update('maxFiles', 5, vscode.ConfigurationTarget.Global);
    try {
      await control('refresh');
      const s = await state();
      const message = s.notifications.find((n) => n.includes('kamerstukken.corpus.maxFiles'));
      assert.ok(message, JSON.stringify(s.notifications));
      assert.match(message, /only 5 are indexed/);
    } finally {
      await config.update('maxFiles', undefined, vscode.ConfigurationTarget.Global);
      await control('refresh');
    }
  });
});
