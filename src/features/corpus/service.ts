import vscode = require('vscode');
import type { CachedDocument, CorpusAnnotation } from '../../core/corpus/cache';
import type { CorpusRecord } from '../../core/corpus/record';
import { DEFAULT_MAX_FILES, limitOf } from '../../core/corpus/workspaceFiles';
import { Pool, TimeSlicer } from '../../core/util/pool';
import type { AnnotationStore } from '../annotations/store';
import { type BlocksSource, copiedRecord, PendingBlocks } from './pendingBlocks';
import { CorpusFs, type FoundDocument, maxBytesSetting, walkWorkspace, yieldToOthers } from './files';
import { DocumentSync, documentOf, type Entry, entryFromCache, listed, liveDocument } from './sync';
import type { CorpusChange, CorpusDocument, CorpusHooks, CorpusState, IndexProblem, PassFigures } from './types';

/** CPU work runs in slices of this many ms, then the extension host gets to answer others. */
export const SLICE_MS = 30;
/**
 * Documents a pass syncs at once: enough to keep the file system's requests in flight (two stats,
 * then two reads per document, see CorpusFs), few enough that reads and parsing start early.
 */
const DOCUMENTS_IN_FLIGHT = 1024;

/**
 * The corpus index: every parliamentary text of the workspace (`.kamerstuk` files, and `.txt`
 * files that read as parliamentary) with its record, and every document with a sidecar with its
 * annotations placed in its text. Built in the background, from the cache where files are
 * unchanged; kept up to date by a file watcher, one document at a time.
 */
export class CorpusService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changeEmitter = new vscode.EventEmitter<CorpusChange>();
  /** Fires once per batch of changes with the documents that changed (after the first pass: all of them). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<CorpusState>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly fs = new CorpusFs();
  readonly slicer: TimeSlicer;
  private currentState: CorpusState = 'starting';
  private readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private availablePromise: Promise<void>;
  private resolveAvailable!: () => void;
  private pass?: { promise: Promise<PassFigures>; source: vscode.CancellationTokenSource };
  private readonly cache = new Map<string, CachedDocument>();
  private readonly sync: DocumentSync;
  private readonly pendingBlocks = new PendingBlocks(
    (key) => (this.entries.has(key) ? this.entries.get(key)?.text : this.cache.get(key)?.text),
    (keys) => this.rereadTexts(keys),
  );
  /** Figures of the last full pass. */
  lastPass?: PassFigures;
  /** When (performance.now()) the service was made and its first pass was done: for the benchmark. */
  readonly timeline: { readonly createdAt: number; cacheBytesAt?: number; cacheReadAt?: number; shownAt?: number; readyAt?: number } = { createdAt: performance.now() };
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.stateEmitter];
  private disposed = false;

  constructor(private readonly store: AnnotationStore | undefined, private readonly hooks: CorpusHooks = {}) {
    this.readyPromise = new Promise((resolve) => { this.resolveReady = resolve; });
    this.availablePromise = new Promise((resolve) => { this.resolveAvailable = resolve; });
    this.slicer = new TimeSlicer(SLICE_MS, { now: () => performance.now(), yield: yieldToOthers });
    this.sync = new DocumentSync(this.fs, this.slicer, this.entries, this.cache);
    if (store) {
      this.disposables.push(store.onDidChange((uri) => {
        // The annotations of an open document changed in the editor (the sidecar follows through the watcher).
        if (uri) this.changeEmitter.fire({ changed: [uri], removed: [] });
      }));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pass?.source.cancel();
    for (const d of this.disposables) d.dispose();
  }

  // --- Reading ------------------------------------------------------------------------------------

  get state(): CorpusState {
    return this.currentState;
  }

  /** Resolves when the first pass is done (or was cancelled): from then on `documents()` is complete. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /**
   * Resolves when there is something to show: the index as the cache left it (shown at once, then
   * checked against the files by the first pass, which fires the differences), or the first pass.
   */
  get available(): Promise<void> {
    return this.availablePromise;
  }

  /** Every document the index knows, and open documents with annotations it cannot know (untitled, outside the workspace folders). */
  documents(): CorpusDocument[] {
    const out: CorpusDocument[] = [];
    const seen = new Set<string>();
    for (const [key, e] of this.entries) {
      seen.add(key);
      if (listed(e)) out.push(documentOf(e, key, this.store));
    }
    for (const s of this.store?.allStates() ?? []) {
      const key = s.uri.toString();
      if (seen.has(key) || s.annotations.length === 0) continue;
      // A workspace file the index does not list was deleted (VS Code keeps a closed document a
      // while): only documents outside the index's reach (untitled, outside the folders) count.
      if (s.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(s.uri)) continue;
      out.push(liveDocument(s));
    }
    return out;
  }

  /** One document, or undefined when the index does not know it. */
  document(uri: vscode.Uri): CorpusDocument | undefined {
    const key = uri.toString(), e = this.entries.get(key);
    if (e && listed(e)) return documentOf(e, key, this.store);
    const s = this.store?.stateOfKey(key);
    return s ? liveDocument(s) : undefined;
  }

  /**
   * The documents the index keeps below `folder` (listed or not): a deleted folder's watcher event
   * names the folder only, not the files that went with it.
   */
  documentsUnder(folder: vscode.Uri): vscode.Uri[] {
    const prefix = `${folder.toString().replace(/\/+$/u, '')}/`;
    const out: vscode.Uri[] = [];
    for (const e of this.entries.values()) if (e.uri.toString().startsWith(prefix)) out.push(e.uri);
    return out;
  }

  /** The annotations of a document: the open editor's if it is open, else the index's. */
  annotationsOf(uri: vscode.Uri): readonly CorpusAnnotation[] {
    return this.document(uri)?.annotations ?? [];
  }

  /** Every tag used in the workspace, with how many annotations use it. */
  tags(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.documents()) for (const a of d.annotations) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  }

  /** The number of documents the index lists (parliamentary texts and documents with sidecars). */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) if (listed(e)) n++;
    return n;
  }

  // --- The cache ----------------------------------------------------------------------------------

  /**
   * Documents read back from the cache: used by the next pass for files whose stamps match. With
   * `blocks`, their records came without their blocks, which `blocks` has (see `blocks()`).
   */
  seed(documents: readonly CachedDocument[], blocks?: BlocksSource): void {
    this.timeline.cacheReadAt ??= performance.now();
    for (const d of documents) this.cache.set(d.uri, d);
    if (blocks) this.pendingBlocks.expect(documents, blocks);
  }

  /**
   * Resolves when the records of `keys` (URI strings; default: all) have their blocks (questions and
   * answers): records from the cache come without, read when needed (Go to Symbol in Workspace, the
   * JSON Lines export, intercoder agreement). Their counts are there from the start.
   */
  blocks(keys?: Iterable<string>): Promise<void> {
    return this.pendingBlocks.complete ? Promise.resolve() : this.pendingBlocks.load(keys);
  }

  /** Whether the record of document `key` has its blocks (see `blocks`). */
  hasBlocks(key: string, record: CorpusRecord): boolean {
    return this.pendingBlocks.has(key, record);
  }

  /** Documents whose blocks the cache did not have: their texts read again (their records rebuilt). */
  private async rereadTexts(keys: readonly string[]): Promise<void> {
    const maxBytes = maxBytesSetting();
    const changed: vscode.Uri[] = [];
    await Promise.all(keys.map(async (key) => {
      const e = this.entries.get(key);
      if (!e) {
        // Not shown yet: the pass reads the text, as the seed no longer has it.
        const seeded = this.cache.get(key);
        if (seeded?.sidecar) this.cache.set(key, { uri: key, sidecar: seeded.sidecar }); else this.cache.delete(key);
        return;
      }
      if (!e.role) return;
      const outcome = await this.sync.syncDocument({ uri: e.uri, role: e.role, ...(e.sidecarUri ? { sidecar: e.sidecarUri } : {}) }, maxBytes, { rereadText: true });
      if (outcome.changed) changed.push(e.uri);
    }));
    if (changed.length > 0) {
      this.changeEmitter.fire({ changed, removed: [] });
      this.hooks.persist?.(changed.map((u) => u.toString()));
    }
  }

  /**
   * Shows the documents of the cache (see `seed`) before the first pass has checked them, when
   * the index is still empty: a start over an unchanged corpus then reads nothing before the
   * views fill. The pass that follows stats every file and fires what changed, as after any pass.
   */
  showCached(): void {
    if (this.entries.size > 0 || this.cache.size === 0) return;
    for (const [key, d] of this.cache) {
      const entry = entryFromCache(d);
      if (entry) this.entries.set(key, entry);
    }
    this.markAvailable();
    this.changeEmitter.fire({ changed: [...this.entries.values()].map((e) => e.uri), removed: [] });
  }

  private markAvailable(): void {
    this.timeline.shownAt ??= performance.now();
    this.resolveAvailable();
  }

  /** What the cache should hold for a document (by URI string). */
  cached(key: string): CachedDocument | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    return { uri: key, ...(e.text ? { text: e.text } : {}), ...(e.sidecar ? { sidecar: e.sidecar } : {}) };
  }

  /**
   * Takes the documents as the cache read them back (`copies`, equal in value to `written`, what
   * `cached` gave for them), where a document is still as written: the same values, held compactly.
   */
  adopt(written: readonly CachedDocument[], copies: readonly CachedDocument[]): void {
    const byUri = new Map(copies.map((c) => [c.uri, c]));
    for (const w of written) {
      const e = this.entries.get(w.uri);
      const c = byUri.get(w.uri);
      if (!e || !c) continue;
      // The copy's record comes without its blocks (the cache keeps them apart): it gets the written record's.
      if (w.text && c.text && e.text === w.text && copiedRecord(w, c, this.pendingBlocks)) e.text = c.text;
      if (w.sidecar && c.sidecar && e.sidecar === w.sidecar) e.sidecar = c.sidecar;
    }
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  // --- Passes -------------------------------------------------------------------------------------

  /**
   * A full pass: walks the workspace, reads what changed since the index (or the cache) last saw it,
   * drops what is gone. One at a time: while one runs, this returns it.
   */
  refresh(): Promise<PassFigures> {
    if (this.pass) return this.pass.promise;
    const source = new vscode.CancellationTokenSource();
    const promise = this.runPass(source.token).finally(() => {
      source.dispose();
      this.pass = undefined;
    });
    this.pass = { promise, source };
    return promise;
  }

  /** Stops the pass running now, if any: what it read so far is kept. */
  cancel(): void {
    this.pass?.source.cancel();
  }

  /** The pass running now, if any. */
  get running(): Promise<PassFigures> | undefined {
    return this.pass?.promise;
  }

  /** Forgets everything (the cache seed too), for a rebuild from the files; with `notify`, says so to the views. */
  clear({ notify = false } = {}): void {
    this.cancel();
    const removed = notify ? [...this.entries.values()].map((e) => e.uri) : [];
    this.entries.clear();
    this.cache.clear();
    this.pendingBlocks.clear();
    if (removed.length > 0) this.changeEmitter.fire({ changed: [], removed });
  }

  private setState(state: CorpusState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  private async runPass(token: vscode.CancellationToken): Promise<PassFigures> {
    const t0 = performance.now();
    this.setState('indexing');
    const config = vscode.workspace.getConfiguration('kamerstukken.corpus');
    const maxFiles = limitOf(config.get('maxFiles'), DEFAULT_MAX_FILES);
    const maxBytes = maxBytesSetting();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    const walk = await walkWorkspace(this.fs, folders, maxFiles, token);
    const walkMs = performance.now() - t0;
    const problems: IndexProblem[] = walk.unreadableFolders.map((f) => ({ uri: f.uri, kind: 'unreadableFolder', detail: f.detail }));
    const changed: vscode.Uri[] = [];
    const removed: vscode.Uri[] = [];
    const persist: string[] = [];
    let readFromDisk = 0;
    let reused = 0;
    let done = 0;
    const total = walk.documents.size;
    this.hooks.progress?.(0, total);
    // A bounded number at a time: all at once queued every stat before the first read.
    const inFlight = new Pool(DOCUMENTS_IN_FLIGHT);
    await Promise.all([...walk.documents.values()].map(async (found) => {
      const outcome = await inFlight.run(() => (token.isCancellationRequested || this.disposed ? undefined : this.sync.syncDocument(found, maxBytes)));
      if (!outcome) return;
      done++;
      if (done % 64 === 0 || done === total) this.hooks.progress?.(done, total);
      if (outcome.problems.length > 0) problems.push(...outcome.problems);
      if (outcome.changed) {
        changed.push(found.uri);
        persist.push(found.uri.toString());
      }
      if (outcome.read) readFromDisk++;
      else reused++;
    }));
    const cancelled = token.isCancellationRequested;
    if (!cancelled && !walk.cancelled) {
      // Gone from the workspace (or beyond the limit): dropped.
      for (const [key, e] of this.entries) {
        if (walk.documents.has(key)) continue;
        this.entries.delete(key);
        removed.push(e.uri);
        persist.push(key);
      }
      // The cache seed has served: what it held and is not in the workspace any more is not kept.
      this.cache.clear();
    }
    const figures: PassFigures = {
      files: walk.budget.indexed, documents: this.size, readFromDisk, reusedFromCache: reused,
      walkMs, totalMs: performance.now() - t0, cancelled,
      ...(walk.budget.exceeded ? { limit: { kind: 'maxFiles' as const, limit: walk.budget.limit, found: walk.budget.seen } } : {}),
    };
    this.lastPass = figures;
    this.setState(cancelled ? 'cancelled' : 'ready');
    this.timeline.readyAt ??= performance.now();
    this.markAvailable();
    this.resolveReady();
    if (changed.length > 0 || removed.length > 0) this.changeEmitter.fire({ changed, removed });
    if (persist.length > 0) this.hooks.persist?.(persist);
    this.hooks.problems?.(problems, figures);
    return figures;
  }

  // --- Single documents (the watcher) -------------------------------------------------------------

  /**
   * Indexes the documents in folders that appeared (copied or moved in: the watcher names the
   * folder only): walks those folders, not the workspace.
   */
  async addFolders(folders: readonly vscode.Uri[]): Promise<CorpusChange> {
    await this.ready;
    const maxFiles = limitOf(vscode.workspace.getConfiguration('kamerstukken.corpus').get('maxFiles'), DEFAULT_MAX_FILES);
    const token = new vscode.CancellationTokenSource();
    try {
      const walk = await walkWorkspace(this.fs, folders, Math.max(0, maxFiles - this.entries.size), token.token);
      return await this.update([...walk.documents.values()]);
    } finally {
      token.dispose();
    }
  }

  /**
   * Brings the given documents up to date (their text or sidecar was created, changed or deleted):
   * only those are read. Fires one change event for all of them.
   */
  async update(documents: readonly { uri: vscode.Uri; role?: 'text' | 'kamerstuk'; sidecar?: vscode.Uri }[]): Promise<CorpusChange> {
    await this.ready;
    const maxBytes = maxBytesSetting();
    const changed: vscode.Uri[] = [];
    const removed: vscode.Uri[] = [];
    const problems: IndexProblem[] = [];
    await Promise.all(documents.map(async (d) => {
      const key = d.uri.toString();
      const [textStamp, sidecarStamp] = await Promise.all([
        this.fs.stat(d.uri), d.sidecar ? this.fs.stat(d.sidecar) : Promise.resolve(undefined),
      ]);
      const found: FoundDocument = {
        uri: d.uri, ...(textStamp && d.role ? { role: d.role } : {}), ...(sidecarStamp && d.sidecar ? { sidecar: d.sidecar } : {}),
      };
      if (!found.role && !found.sidecar) {
        if (this.entries.delete(key)) removed.push(d.uri);
        return;
      }
      const outcome = await this.sync.syncDocument(found, maxBytes);
      problems.push(...outcome.problems);
      if (outcome.changed) changed.push(d.uri);
    }));
    const change = { changed, removed };
    if (changed.length > 0 || removed.length > 0) {
      this.changeEmitter.fire(change);
      this.hooks.persist?.([...changed, ...removed].map((u) => u.toString()));
    }
    if (problems.length > 0 && this.lastPass) this.hooks.problems?.(problems, this.lastPass);
    return change;
  }
}
