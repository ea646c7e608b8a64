import * as vscode from 'vscode';
import { placeEntries } from '../../core/annotations/export';
import { SIDECAR_SUFFIX, type SidecarProblem } from '../../core/annotations/sidecar';
import { isParliamentaryText, looksBinary } from '../../core/classify';
import {
  type CachedDocument, type CorpusAnnotation, type FileProblemKind, type FileStamp, sameStamp, sharedCoder, sharedTags, type SidecarState,
  type TextState,
} from '../../core/corpus/cache';
import { readSidecarEntries } from '../../core/corpus/quickSidecar';
import { buildRecord, type CorpusRecord } from '../../core/corpus/record';
import { DEFAULT_MAX_FILE_SIZE_MB, DEFAULT_MAX_FILES, fileRole, limitOf } from '../../core/corpus/workspaceFiles';
import { TimeSlicer } from '../../core/util/pool';
import type { AnnotatedDocument, AnnotationStore } from '../annotations/store';
import { CorpusFs, type FoundDocument, walkWorkspace } from './files';

/** CPU work runs in slices of this many ms, then the extension host gets to answer others. */
export const SLICE_MS = 30;

/** Lets the event loop run other work: setImmediate where there is one (Node), else a 0 ms timer (a web worker). */
function yieldToOthers(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => { if (immediate) immediate(resolve); else setTimeout(resolve, 0); });
}

/** One document of the corpus, as features read it. */
export interface CorpusDocument {
  readonly uri: vscode.Uri;
  /** The record of a parliamentary text (`.kamerstuk`, or a `.txt` that reads as one) as on disk; undefined otherwise. */
  readonly record: CorpusRecord | undefined;
  /** Whether its text file exists and is a parliamentary text (a `.kamerstuk` always is). */
  readonly parliamentary: boolean;
  /** Its sidecar on disk, if it has one. */
  readonly sidecar: vscode.Uri | undefined;
  /**
   * Its annotations, ordered as the sidecar has them: of an open document as the editor has them
   * now (unsaved changes included), else as placed in the text on disk when it was indexed.
   */
  readonly annotations: readonly CorpusAnnotation[];
  /** Problems of its sidecar; when there are any, only its valid entries are listed. */
  readonly problems: readonly SidecarProblem[];
  /** The sidecar cannot be read or has errors. */
  readonly broken: boolean;
  /** The annotations come from an open editor (the store), not from the index. */
  readonly live: boolean;
  /** Why its text could not be indexed, if it could not. */
  readonly problem?: { readonly kind: FileProblemKind; readonly detail: string };
}

/** What changed: documents whose text, record or annotations changed, and documents gone. */
export interface CorpusChange {
  readonly changed: readonly vscode.Uri[];
  readonly removed: readonly vscode.Uri[];
}

export type CorpusState = 'starting' | 'indexing' | 'ready' | 'cancelled';

/** A file the index could not (fully) read: reported once. */
export interface IndexProblem {
  readonly uri: vscode.Uri;
  readonly kind: FileProblemKind | 'unreadableFolder';
  readonly detail: string;
}

/** Figures of the last full pass, for the progress, the tests and the benchmark. */
export interface PassFigures {
  readonly files: number;
  readonly documents: number;
  readonly readFromDisk: number;
  readonly reusedFromCache: number;
  readonly walkMs: number;
  readonly totalMs: number;
  readonly limit?: { readonly kind: 'maxFiles'; readonly limit: number; readonly found: number };
  readonly cancelled: boolean;
}

/** Hooks the service reports to: progress, problems, the cache (see index.ts). */
export interface CorpusHooks {
  progress?(done: number, total: number): void;
  problems?(problems: readonly IndexProblem[], pass: PassFigures): void;
  persist?(changed: readonly string[]): void;
}

/** What the index keeps per document. */
interface Entry {
  readonly uri: vscode.Uri;
  role?: 'text' | 'kamerstuk';
  sidecarUri?: vscode.Uri;
  text?: TextState;
  /** Stamp of a file without a role (the document of a sidecar that is not .txt/.kamerstuk). */
  otherStamp?: FileStamp;
  sidecar?: SidecarState;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function snapshotFromStore(state: AnnotatedDocument): CorpusAnnotation[] {
  return state.annotations.map((a) => ({
    id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), created: a.created,
    start: a.orphaned ? 0 : a.start, end: a.orphaned ? 0 : a.end, orphaned: a.orphaned,
    quote: state.quoteOf(a), prefix: a.stored?.prefix ?? '', suffix: a.stored?.suffix ?? '',
    ...(a.coder ? { coder: a.coder } : {}),
  }));
}

/** The annotations of a sidecar's text placed in a document's text (empty when there is none). */
function placeSidecar(sidecarText: string, documentText: string): { annotations: CorpusAnnotation[]; problems: SidecarProblem[] } {
  const parsed = readSidecarEntries(sidecarText);
  const placed = placeEntries(documentText, parsed.annotations, parsed.version);
  const annotations = placed.map((p, i): CorpusAnnotation => {
    const coder = parsed.annotations[i].coder;
    return {
      id: p.id, tags: sharedTags(p.tags), ...(p.note ? { note: p.note } : {}), ...(coder ? { coder: sharedCoder(coder) } : {}), created: p.created,
      start: p.start, end: p.end, orphaned: p.orphaned,
      quote: p.stored?.quote ?? '', prefix: p.stored?.prefix ?? '', suffix: p.stored?.suffix ?? '',
    };
  });
  return { annotations, problems: parsed.problems };
}

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
  private cache = new Map<string, CachedDocument>();
  private readonly locks = new Map<string, Promise<void>>();
  /** Figures of the last full pass. */
  lastPass?: PassFigures;
  /** When (performance.now()) the service was made and its first pass was done: for the benchmark. */
  readonly timeline: { readonly createdAt: number; shownAt?: number; readyAt?: number } = { createdAt: performance.now() };
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.stateEmitter];
  private disposed = false;

  constructor(private readonly store: AnnotationStore | undefined, private readonly hooks: CorpusHooks = {}) {
    this.readyPromise = new Promise((resolve) => { this.resolveReady = resolve; });
    this.availablePromise = new Promise((resolve) => { this.resolveAvailable = resolve; });
    this.slicer = new TimeSlicer(SLICE_MS, {
      now: () => performance.now(),
      yield: yieldToOthers,
    });
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
      if (listed(e)) out.push(this.view(e));
    }
    for (const s of this.store?.allStates() ?? []) {
      const key = s.uri.toString();
      if (seen.has(key) || s.annotations.length === 0) continue;
      // A workspace file the index does not list was deleted (VS Code keeps a closed document a
      // while): only documents outside the index's reach (untitled, outside the folders) count.
      if (s.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(s.uri)) continue;
      out.push(this.liveOnly(s));
    }
    return out;
  }

  /** One document, or undefined when the index does not know it. */
  document(uri: vscode.Uri): CorpusDocument | undefined {
    const e = this.entries.get(uri.toString());
    if (e && listed(e)) return this.view(e);
    const s = this.store?.stateOf(uri);
    return s ? this.liveOnly(s) : undefined;
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

  private view(e: Entry): CorpusDocument {
    const live = this.store?.stateOf(e.uri);
    const sidecar = e.sidecar;
    const problems = live ? live.problems : sidecar?.problems ?? [];
    return {
      uri: e.uri,
      record: e.text?.record,
      parliamentary: e.text?.parliamentary ?? false,
      sidecar: e.sidecarUri,
      annotations: live ? snapshotFromStore(live) : sidecar?.annotations ?? [],
      problems,
      broken: live ? live.broken : sidecar !== undefined && (sidecar.unreadable !== undefined || problems.length > 0),
      live: live !== undefined,
      ...(e.text?.problem ? { problem: e.text.problem } : {}),
    };
  }

  private liveOnly(s: AnnotatedDocument): CorpusDocument {
    return {
      uri: s.uri, record: undefined, parliamentary: false, sidecar: s.sidecar, annotations: snapshotFromStore(s),
      problems: s.problems, broken: s.broken, live: true,
    };
  }

  // --- The cache ----------------------------------------------------------------------------------

  /** Documents read back from the cache: used by the next pass for files whose stamps match. */
  seed(documents: Iterable<CachedDocument>): void {
    for (const d of documents) this.cache.set(d.uri, d);
  }

  /**
   * Shows the documents of the cache (see `seed`) before the first pass has checked them, when
   * the index is still empty: a start over an unchanged corpus then reads nothing before the
   * views fill. The pass that follows stats every file and fires what changed, as after any pass.
   */
  showCached(): void {
    if (this.entries.size > 0 || this.cache.size === 0) return;
    for (const [key, d] of this.cache) {
      const uri = vscode.Uri.parse(key);
      const role = fileRole(uri.path.slice(uri.path.lastIndexOf('/') + 1));
      const entry: Entry = { uri };
      if (d.text && (role === 'text' || role === 'kamerstuk')) {
        entry.role = role;
        entry.text = d.text;
      }
      if (d.sidecar) {
        entry.sidecarUri = uri.with({ path: uri.path + SIDECAR_SUFFIX });
        entry.sidecar = d.sidecar;
      }
      if (entry.role || entry.sidecarUri) this.entries.set(key, entry);
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
      if (w.text && c.text && e.text === w.text) e.text = c.text;
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
    const maxBytes = limitOf(config.get('maxFileSizeMB'), DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024;
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
    await Promise.all([...walk.documents.values()].map(async (found) => {
      if (token.isCancellationRequested || this.disposed) return;
      const outcome = await this.syncDocument(found, maxBytes);
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

  /**
   * Brings one document up to date with its files: stats them, reads what changed, places the
   * sidecar's annotations and builds the record in slices. Returns whether anything changed.
   */
  private syncDocument(found: FoundDocument, maxBytes: number): Promise<{ changed: boolean; read: boolean; problems: IndexProblem[] }> {
    // One at a time per document: a pass and the watcher, or two events of the watcher, must not
    // interleave (the older one would overwrite what the newer one found).
    const key = found.uri.toString();
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.syncNow(found, maxBytes));
    const settled = next.then(() => undefined, () => undefined);
    this.locks.set(key, settled);
    void settled.then(() => { if (this.locks.get(key) === settled) this.locks.delete(key); });
    return next;
  }

  /** A document's text as read (`eager`: a read already under way), or why there is none to index. */
  private async readText(uri: vscode.Uri, stamp: FileStamp, maxBytes: number, eager: Promise<unknown> | undefined): Promise<{ text?: string; problem?: TextState['problem'] }> {
    if (stamp.size > maxBytes) return { problem: { kind: 'tooLarge', detail: `${Math.round(stamp.size / (1024 * 1024))} MB` } };
    const bytes = await (eager ?? this.fs.readFile(uri).then((b) => b, (e: unknown) => e));
    if (!(bytes instanceof Uint8Array)) return { problem: { kind: 'unreadable', detail: errorText(bytes) } };
    const text = decode(bytes);
    return looksBinary(text) ? { problem: { kind: 'binary', detail: '' } } : { text };
  }

  private async syncNow(found: FoundDocument, maxBytes: number): Promise<{ changed: boolean; read: boolean; problems: IndexProblem[] }> {
    const key = found.uri.toString();
    const entry: Entry = this.entries.get(key) ?? { uri: found.uri };
    const known = this.entries.has(key) ? { text: entry.text, sidecar: entry.sidecar } : this.cache.get(key);
    const problems: IndexProblem[] = [];
    const hasText = found.role !== undefined;
    // A file never seen: stat and read at once (one wait, not two); the stat is asked first, so a
    // change while reading gives a stamp older than the text, and the next pass reads it again.
    const fresh = (stamp: FileStamp | undefined): boolean => stamp === undefined;
    const textUri = found.uri;
    const textStatP = this.fs.stat(textUri);
    const sidecarStatP = found.sidecar ? this.fs.stat(found.sidecar) : Promise.resolve(undefined);
    const eagerText = hasText && fresh(known?.text?.stamp) ? this.fs.readFile(textUri).then((b) => b, (e: unknown) => e) : undefined;
    const eagerSidecar = found.sidecar && fresh(known?.sidecar?.stamp) ? this.fs.readFile(found.sidecar).then((b) => b, (e: unknown) => e) : undefined;
    const [textStamp, sidecarStamp] = await Promise.all([textStatP, sidecarStatP]);

    const textChanged = hasText && !sameStamp(known?.text?.stamp, textStamp);
    const sidecarChanged = found.sidecar !== undefined && (!sameStamp(known?.sidecar?.stamp, sidecarStamp)
      || !sameStampOrBothMissing(known?.sidecar?.textStamp, textStamp));
    const changedRole = this.entries.has(key) && (entry.role !== found.role || entry.sidecarUri?.toString() !== found.sidecar?.toString());
    entry.role = found.role;
    entry.sidecarUri = found.sidecar;
    if (!hasText) {
      entry.text = undefined;
      entry.otherStamp = textStamp;
    }
    if (!found.sidecar) entry.sidecar = undefined;
    this.entries.set(key, entry);

    if (!textChanged && !sidecarChanged) {
      if (known?.text && hasText) entry.text = known.text;
      if (known?.sidecar && found.sidecar) entry.sidecar = known.sidecar;
      // Problems seen before are reported again by a new pass only if they are new (the reporter remembers).
      if (entry.text?.problem) problems.push({ uri: textUri, kind: entry.text.problem.kind, detail: entry.text.problem.detail });
      if (entry.sidecar && found.sidecar) problems.push(...sidecarProblems(found.sidecar, entry.sidecar));
      return { changed: changedRole, read: false, problems };
    }

    // The text: needed for a new record, and to place a changed sidecar's annotations in.
    const { text, problem: textProblem } = textStamp && (textChanged || sidecarChanged)
      ? await this.readText(textUri, textStamp, maxBytes, eagerText)
      : {};
    if (hasText && textChanged && textStamp) {
      const role = found.role;
      const t = text;
      entry.text = await this.slicer.run((): TextState => {
        if (t === undefined) return { stamp: textStamp, parliamentary: false, ...(textProblem ? { problem: textProblem } : {}) };
        const parliamentary = role === 'kamerstuk' || isParliamentaryText(t);
        return parliamentary ? { stamp: textStamp, parliamentary, record: buildRecord(t) } : { stamp: textStamp, parliamentary };
      });
    } else if (hasText && !textStamp) {
      entry.text = undefined;
    } else if (hasText && known?.text) {
      entry.text = known.text;
    }
    if (entry.text?.problem) problems.push({ uri: textUri, kind: entry.text.problem.kind, detail: entry.text.problem.detail });

    if (found.sidecar && sidecarChanged) {
      const sidecarUri = found.sidecar;
      const bytes = sidecarStamp ? await (eagerSidecar ?? this.fs.readFile(sidecarUri).then((b) => b, (e: unknown) => e)) : new Error('not found');
      const docText = text ?? '';
      entry.sidecar = await this.slicer.run((): SidecarState => {
        if (!(bytes instanceof Uint8Array)) {
          return { stamp: sidecarStamp ?? { mtime: 0, size: 0 }, ...(textStamp ? { textStamp } : {}), annotations: [], problems: [], unreadable: errorText(bytes) };
        }
        const placed = placeSidecar(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), docText);
        return { stamp: sidecarStamp ?? { mtime: 0, size: 0 }, ...(textStamp ? { textStamp } : {}), ...placed };
      });
      problems.push(...sidecarProblems(sidecarUri, entry.sidecar));
    } else if (found.sidecar && known?.sidecar) {
      entry.sidecar = known.sidecar;
    }
    return { changed: true, read: true, problems };
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
    const maxBytes = limitOf(vscode.workspace.getConfiguration('kamerstukken.corpus').get('maxFileSizeMB'), DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024;
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
      const outcome = await this.syncDocument(found, maxBytes);
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

/** Listed: a parliamentary text, or a document with a sidecar (other texts are kept only to skip them next time). */
function listed(e: Entry): boolean {
  return e.sidecarUri !== undefined || e.text?.parliamentary === true;
}

function sameStampOrBothMissing(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return (a === undefined && b === undefined) || sameStamp(a, b);
}

function sidecarProblems(uri: vscode.Uri, s: SidecarState): IndexProblem[] {
  if (s.unreadable !== undefined) return [{ uri, kind: 'unreadable', detail: s.unreadable }];
  const p = s.problems[0];
  return p ? [{ uri, kind: 'brokenSidecar', detail: `${p.line !== undefined ? `line ${p.line}: ` : ''}${p.message}` }] : [];
}
