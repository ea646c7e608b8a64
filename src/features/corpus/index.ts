import vscode = require('vscode');
import { documentPathOfSidecar, fileRole, walksFolder } from '../../core/corpus/workspaceFiles';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import { Debounced } from '../../debounce';
import type { AnnotationStore } from '../annotations/store';
import { CorpusCacheFiles, type StorageReader } from './cacheFiles';
import { CorpusProblemReporter } from './report';
import { CorpusService } from './service';
import type { CorpusChange } from './types';

export { CorpusService } from './service';
export type { CorpusChange, CorpusDocument, CorpusState, PassFigures } from './types';
export type { CorpusAnnotation } from '../../core/corpus/cache';
export type { StorageReader } from './cacheFiles';

/** Test-only commands (registered in test mode only, not in the manifest). */
const CORPUS_STATE_COMMAND = 'kamerstukken.corpusState';
const CORPUS_CONTROL_COMMAND = 'kamerstukken.corpusControl';
const CORPUS_DOCUMENTS_COMMAND = 'kamerstukken.corpusDocuments';
/** Stops the indexing: the progress item's click. */
const STOP_INDEXING_COMMAND = 'kamerstukken.stopIndexing';
const INDEXING_CONTEXT = 'kamerstukken.indexing';

/** What the tests read of the index. */
export interface CorpusStateForTests {
  readonly state: string;
  readonly documents: number;
  readonly annotations: number;
  readonly io: { readDirectory: number; stat: number; readFile: number; writeFile: number };
  readonly foldersRead: readonly string[];
  readonly lastPass?: object;
  readonly slices: number;
  readonly longestSliceMs: number;
  readonly problems: readonly string[];
  readonly notifications: readonly string[];
  /** Change events since the last reset: the URIs changed and removed, each event one entry. */
  readonly changes: readonly { changed: string[]; removed: string[] }[];
  /** performance.now() of the service's creation, of the first index shown (the cache's, else the first pass's) and of the end of its first pass. */
  readonly timeline: { readonly createdAt: number; readonly cacheBytesAt?: number; readonly cacheReadAt?: number; readonly shownAt?: number; readonly readyAt?: number };
  /** Where the cache is, and how many documents the last start read from it. */
  readonly cache: { readonly folder?: string; readonly loaded: number };
}

/** Where the cache lives: the workspace's storage, else a folder of the global storage named after the workspace. */
function cacheFolder(context: vscode.ExtensionContext): vscode.Uri | undefined {
  if (context.storageUri) return vscode.Uri.joinPath(context.storageUri, 'corpus');
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) return undefined;
  let h = 2166136261;
  for (const c of folders.map((f) => f.uri.toString()).join('\n')) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return vscode.Uri.joinPath(context.globalStorageUri, 'corpus', (h >>> 0).toString(16));
}

/** The document a watched file belongs to, with its text's role and its sidecar. */
function documentOfFile(uri: vscode.Uri): { uri: vscode.Uri; role?: 'text' | 'kamerstuk'; sidecar: vscode.Uri } | undefined {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const role = fileRole(name);
  if (!role) return undefined;
  if (role === 'sidecar') {
    const doc = uri.with({ path: documentPathOfSidecar(uri.path) });
    const docRole = fileRole(doc.path.slice(doc.path.lastIndexOf('/') + 1));
    return { uri: doc, ...(docRole === 'text' || docRole === 'kamerstuk' ? { role: docRole } : {}), sidecar: uri };
  }
  return { uri, role, sidecar: uri.with({ path: uri.path + SIDECAR_SUFFIX }) };
}

/** The status bar item that shows the indexing's progress; a click stops it. */
function progressItem(): vscode.StatusBarItem {
  const progress = vscode.window.createStatusBarItem('kamerstukken.corpusProgress', vscode.StatusBarAlignment.Left, -100);
  progress.name = vscode.l10n.t('Kamerstukken: Indexing');
  progress.command = STOP_INDEXING_COMMAND;
  progress.tooltip = vscode.l10n.t('Indexing the parliamentary texts and annotations of the workspace. Click to stop.');
  return progress;
}

/** The progress item shown while the index is being built (and the `when` context set), hidden after. */
function showIndexing(progress: vscode.StatusBarItem, indexing: boolean): void {
  void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT, indexing);
  if (indexing) {
    progress.text = `$(sync~spin) ${vscode.l10n.t('Indexing')}`;
    progress.show();
  } else {
    progress.hide();
  }
}

/**
 * The corpus index of the workspace, started in the background (activation does not wait for it),
 * with its cache, its file watcher, its progress in the status bar (a click stops it) and its
 * problem reports. With `testCommands`, also the commands the tests and the benchmark use.
 */
export function registerCorpus(
  context: vscode.ExtensionContext, store: AnnotationStore | undefined, { testCommands = false, storage }: { testCommands?: boolean; storage?: StorageReader } = {},
): vscode.Disposable & { readonly corpus: CorpusService } {
  const reporter = new CorpusProblemReporter();
  const dir = cacheFolder(context);
  const unsaved = new Set<string>();
  let saving: Promise<void> = Promise.resolve();
  const saveNow = (): Promise<void> => {
    if (!cacheFiles || unsaved.size === 0) return saving;
    const keys = [...unsaved];
    unsaved.clear();
    const files = cacheFiles;
    saving = saving.then(() => files.save(keys)).catch((error: unknown) => console.error('[kamerstukken] corpus cache not written', error));
    return saving;
  };
  const saveLater = new Debounced(() => void saveNow(), 2000);

  const progress = progressItem();

  const corpus = new CorpusService(store, {
    progress: (done, total) => {
      progress.text = `$(sync~spin) ${vscode.l10n.t('Indexing {0}/{1}', done, total)}`;
    },
    problems: (problems, pass) => reporter.report(problems, pass),
    persist: (keys) => {
      for (const k of keys) unsaved.add(k);
      saveLater.schedule();
    },
  });
  const cacheFiles = dir ? new CorpusCacheFiles(dir, corpus, context.workspaceState, storage) : undefined;
  const changes: { changed: string[]; removed: string[] }[] = [];

  const watch = watchWorkspace(corpus);

  let loaded = 0;
  /** The cache read and shown (the views fill from it); then the files checked by a pass, which returns. */
  const start = async (): Promise<{ checked: Promise<unknown> }> => {
    if (cacheFiles) {
      const cached = await cacheFiles.load();
      loaded = cached.length;
      // Their records come without blocks: read from the cache when something needs them.
      corpus.seed(cached, cacheFiles);
      corpus.showCached();
    }
    return { checked: corpus.refresh() };
  };

  const disposables: vscode.Disposable[] = [
    // Changes not yet in the cache are written as the window closes (as far as it lets us).
    { dispose: () => { if (saveLater.pending) { saveLater.cancel(); void saveNow(); } } },
    reporter, progress, saveLater, watch,
    corpus.onDidChangeState((state) => showIndexing(progress, state === 'indexing')),
    corpus.onDidChange((c: CorpusChange) => {
      if (testCommands) changes.push({ changed: c.changed.map(String), removed: c.removed.map(String) });
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void corpus.refresh()),
    vscode.commands.registerCommand(STOP_INDEXING_COMMAND, () => corpus.cancel()),
  ];
  /** Pending cache writes dropped (the index is about to be forgotten: it must not overwrite the cache). */
  const forget = (): void => {
    saveLater.cancel();
    unsaved.clear();
  };
  if (testCommands) {
    disposables.push(...registerTestCommands({
      corpus, reporter, dir, changes, watch, start, forget,
      loaded: () => loaded, saving: () => saving,
      saveCache: async () => { saveLater.cancel(); await saveNow(); },
    }));
  }
  // Not awaited: activation stays fast; the index fills in the background.
  start().then((s) => s.checked).catch((error: unknown) => console.error('[kamerstukken] corpus index failed', error));
  return Object.assign(vscode.Disposable.from(...disposables, corpus), { corpus });
}

/**
 * The file watcher: changed, created and deleted texts and sidecars queue their document, one
 * update per burst; folders copied in are walked, deleted folders take their documents with them.
 * `pause` only in tests: files changed while the window was closed, as the next start finds them.
 */
function watchWorkspace(corpus: CorpusService): vscode.Disposable & { pause(): void; resume(): void } {
  // The watcher: changed files queue their document; one update per burst.
  const pending = new Map<string, { uri: vscode.Uri; role?: 'text' | 'kamerstuk'; sidecar: vscode.Uri }>();
  const flush = new Debounced(() => {
    const batch = [...pending.values()];
    pending.clear();
    corpus.update(batch).catch((error: unknown) => console.error('[kamerstukken] corpus update failed', error));
  }, 100);
  let watching = true;
  const queue = (uri: vscode.Uri): void => {
    if (!watching) return;
    const d = documentOfFile(uri);
    if (!d) return;
    pending.set(d.uri.toString(), d);
    flush.schedule();
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{txt,kamerstuk,yaml}`);
  // A folder deleted, moved or copied in is one event for the folder, none for the files in it.
  const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  const createdFolders = new Set<string>();
  const walkCreated = new Debounced(() => {
    // A folder inside another that appeared in the same burst is walked with it.
    const all = [...createdFolders];
    createdFolders.clear();
    const outer = all.filter((f) => !all.some((g) => g !== f && f.startsWith(`${g}/`))).map((f) => vscode.Uri.parse(f));
    corpus.addFolders(outer).catch((error: unknown) => console.error('[kamerstukken] corpus update failed', error));
  }, 300);
  const folderCreated = (uri: vscode.Uri): void => {
    // Not in what the walk skips (node_modules, .git, out, ...), at any depth.
    if (!watching || documentOfFile(uri) || !vscode.workspace.asRelativePath(uri, false).split('/').every(walksFolder)) return;
    vscode.workspace.fs.stat(uri).then((stat) => {
      if (!(stat.type & vscode.FileType.Directory)) return;
      createdFolders.add(uri.toString());
      walkCreated.schedule();
    }, () => undefined);
  };
  const folderDeleted = (uri: vscode.Uri): void => {
    for (const d of corpus.documentsUnder(uri)) queue(d);
  };

  const subscriptions = vscode.Disposable.from(
    flush, watcher, folders, walkCreated,
    watcher.onDidCreate(queue), watcher.onDidChange(queue), watcher.onDidDelete(queue),
    folders.onDidCreate(folderCreated), folders.onDidDelete(folderDeleted),
  );
  return Object.assign(subscriptions, {
    pause: (): void => { watching = false; flush.cancel(); pending.clear(); },
    resume: (): void => { watching = true; },
  });
}

/** What the commands the tests and the benchmark use reach inside registerCorpus. */
interface TestHarness {
  readonly corpus: CorpusService;
  readonly reporter: CorpusProblemReporter;
  readonly dir: vscode.Uri | undefined;
  readonly changes: { changed: string[]; removed: string[] }[];
  readonly watch: { pause(): void; resume(): void };
  loaded(): number;
  saving(): Promise<void>;
  saveCache(): Promise<void>;
  forget(): void;
  start(): Promise<{ checked: Promise<unknown> }>;
}

/** The test-only commands: the index's state, its documents, and control actions (restart, rebuild, ...). */
function registerTestCommands(h: TestHarness): vscode.Disposable[] {
  const { corpus, reporter, dir, changes, forget, start } = h;
  return [
    vscode.commands.registerCommand(CORPUS_STATE_COMMAND, (): CorpusStateForTests => {
      let annotations = 0;
      for (const d of corpus.documents()) annotations += d.annotations.length;
      return {
        state: corpus.state, documents: corpus.size, annotations, io: { ...corpus.fs.counts }, foldersRead: [...corpus.fs.foldersRead],
        ...(corpus.lastPass ? { lastPass: corpus.lastPass } : {}),
        slices: corpus.slicer.slices, longestSliceMs: corpus.slicer.longest,
        problems: [...reporter.log], notifications: [...reporter.notifications], changes: [...changes],
        timeline: { ...corpus.timeline }, cache: { ...(dir ? { folder: dir.toString() } : {}), loaded: h.loaded() },
      };
    }),
    vscode.commands.registerCommand(CORPUS_DOCUMENTS_COMMAND, () => corpus.documents().map((d) => ({
      uri: d.uri.toString(), ...(d.record ? { kind: d.record.kind } : {}), parliamentary: d.parliamentary,
      annotations: d.annotations.length, broken: d.broken, live: d.live,
    }))),
    vscode.commands.registerCommand(CORPUS_CONTROL_COMMAND, async (action: unknown) => {
      switch (action) {
        case 'resetCounts':
          corpus.fs.counts.readDirectory = corpus.fs.counts.stat = corpus.fs.counts.readFile = corpus.fs.counts.writeFile = 0;
          corpus.fs.foldersRead.length = 0;
          corpus.slicer.slices = corpus.slicer.longest = 0;
          changes.length = 0;
          return true;
        case 'ready': await corpus.ready; return corpus.state;
        case 'pauseWatcher': h.watch.pause(); return true;
        case 'resumeWatcher': h.watch.resume(); return true;
        case 'refresh': return corpus.refresh();
        case 'idle': await corpus.running?.catch(() => undefined); return corpus.lastPass;
        case 'saveCache': await h.saveCache(); return true;
        // A start over again in this extension host: the index forgotten, the cache read as at a start
        // and the files checked ('restartShown': returns once the cache is shown, the check goes on).
        case 'restart': forget(); await h.saving(); corpus.clear(); await (await start()).checked; return corpus.lastPass;
        case 'restartShown': forget(); await h.saving(); corpus.clear(); await start(); return true;
        // A build from the files alone (no cache), after the pass that runs now, if any.
        case 'rebuild': forget(); await corpus.running?.catch(() => undefined); corpus.clear(); return corpus.refresh();
        // The index forgotten, and the views told (they then let go of what they showed).
        case 'drop': forget(); corpus.clear({ notify: true }); return true;
        default: throw new Error(`unknown action ${String(action)}`);
      }
    }),
  ];
}
