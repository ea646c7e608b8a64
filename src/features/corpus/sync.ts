import vscode = require('vscode');
import { placeEntries } from '../../core/annotations/export';
import { SIDECAR_SUFFIX, type SidecarProblem } from '../../core/annotations/sidecar';
import { isParliamentaryText, looksBinary } from '../../core/classify';
import {
  type CachedDocument, type CorpusAnnotation, type FileStamp, packContexts, type PackedContexts, sameStamp, sharedCoder, sharedTags, type SidecarState, type TextState,
} from '../../core/corpus/cache';
import { readSidecarEntries } from '../../core/corpus/quickSidecar';
import { buildRecord } from '../../core/corpus/record';
import { fileRole } from '../../core/corpus/workspaceFiles';
import type { TimeSlicer } from '../../core/util/pool';
import type { AnnotatedDocument, AnnotationStore } from '../annotations/store';
import type { CorpusFs, FoundDocument } from './files';
import type { CorpusDocument, IndexProblem } from './types';

/** What the index keeps per document. */
export interface Entry {
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

/** An open document's annotations as the editor has them now, and their contexts. */
export function snapshotFromStore(state: AnnotatedDocument): { annotations: CorpusAnnotation[]; contexts: PackedContexts } {
  return {
    annotations: state.annotations.map((a) => ({
      id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}),
      start: a.orphaned ? 0 : a.start, end: a.orphaned ? 0 : a.end, orphaned: a.orphaned, quote: state.quoteOf(a),
      ...(a.coder ? { coder: a.coder } : {}),
    })),
    contexts: packContexts(state.annotations.map((a) => ({ created: a.created, prefix: a.stored?.prefix ?? '', suffix: a.stored?.suffix ?? '' }))),
  };
}

/** The annotations of a sidecar's text placed in a document's text (empty when there is none). */
function placeSidecar(sidecarText: string, documentText: string): { annotations: CorpusAnnotation[]; contexts: PackedContexts; problems: SidecarProblem[] } {
  const parsed = readSidecarEntries(sidecarText);
  const placed = placeEntries(documentText, parsed.annotations, parsed.version);
  const annotations = placed.map((p, i): CorpusAnnotation => {
    const coder = parsed.annotations[i].coder;
    return {
      id: p.id, tags: sharedTags(p.tags), ...(p.note ? { note: p.note } : {}), ...(coder ? { coder: sharedCoder(coder) } : {}),
      start: p.start, end: p.end, orphaned: p.orphaned, quote: p.stored?.quote ?? '',
    };
  });
  const contexts = packContexts(placed.map((p) => ({ created: p.created, prefix: p.stored?.prefix ?? '', suffix: p.stored?.suffix ?? '' })));
  return { annotations, contexts, problems: parsed.problems };
}

/** What syncing one document found: whether it changed, whether a file was read, and its problems. */
export interface SyncOutcome {
  readonly changed: boolean;
  readonly read: boolean;
  readonly problems: IndexProblem[];
}

export interface SyncOptions {
  /** Reads the text and builds its record even when its stamp is unchanged (the cache lacked the record's block texts). */
  readonly rereadText?: boolean;
}

/**
 * Brings the index's entries up to date with the files, one document at a time: stats its text
 * and sidecar, reads what changed (or takes it from the cache seed when its stamps match), places
 * the sidecar's annotations and builds the record in time slices.
 */
export class DocumentSync {
  private readonly locks = new Map<string, Promise<void>>();

  constructor(
    private readonly fs: CorpusFs,
    private readonly slicer: TimeSlicer,
    private readonly entries: Map<string, Entry>,
    private readonly cache: ReadonlyMap<string, CachedDocument>,
  ) {}

  /**
   * Brings one document up to date with its files: stats them, reads what changed, places the
   * sidecar's annotations and builds the record in slices. Returns whether anything changed.
   */
  syncDocument(found: FoundDocument, maxBytes: number, options: SyncOptions = {}): Promise<SyncOutcome> {
    // One at a time per document: a pass and the watcher, or two events of the watcher, must not
    // interleave (the older one would overwrite what the newer one found).
    const key = found.uri.toString();
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.syncNow(found, maxBytes, options));
    const settled = next.then(() => undefined, () => undefined);
    this.locks.set(key, settled);
    void settled.then(() => { if (this.locks.get(key) === settled) this.locks.delete(key); });
    return next;
  }

  /** A document's text as read, or why there is none to index (a file over the limit is not read). */
  private async readText(uri: vscode.Uri, stamp: FileStamp, maxBytes: number): Promise<{ text?: string; problem?: TextState['problem'] }> {
    if (stamp.size > maxBytes) return { problem: { kind: 'tooLarge', detail: `${Math.round(stamp.size / (1024 * 1024))} MB` } };
    const bytes = await this.fs.readFile(uri, stamp.size).then((b) => b, (e: unknown) => e);
    if (!(bytes instanceof Uint8Array)) return { problem: { kind: 'unreadable', detail: errorText(bytes) } };
    const text = decode(bytes);
    return looksBinary(text) ? { problem: { kind: 'binary', detail: '' } } : { text };
  }

  private async syncNow(found: FoundDocument, maxBytes: number, { rereadText = false }: SyncOptions): Promise<SyncOutcome> {
    const key = found.uri.toString();
    const entry: Entry = this.entries.get(key) ?? { uri: found.uri };
    const known = this.entries.has(key) ? { text: entry.text, sidecar: entry.sidecar } : this.cache.get(key);
    const problems: IndexProblem[] = [];
    const hasText = found.role !== undefined;
    // Stat first, then read what changed: a change while reading gives a stamp older than the text,
    // and the next pass reads it again. Many documents are in flight at once (see CorpusFs), so the
    // two waits per file overlap with other documents' and the stat's size bounds the memory read.
    const textUri = found.uri;
    const [textStamp, sidecarStamp] = await Promise.all([
      this.fs.stat(textUri), found.sidecar ? this.fs.stat(found.sidecar) : Promise.resolve(undefined),
    ]);

    const textChanged = hasText && (rereadText || !sameStamp(known?.text?.stamp, textStamp));
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

    // The sidecar's read goes out with the text's (both wait for a round trip, not for each other).
    const sidecarBytes = found.sidecar && sidecarChanged && sidecarStamp
      ? this.fs.readFile(found.sidecar, sidecarStamp.size).then((b) => b, (e: unknown) => e)
      : undefined;
    // The text: needed for a new record, and to place a changed sidecar's annotations in.
    const { text, problem: textProblem } = textStamp && (textChanged || sidecarChanged)
      ? await this.readText(textUri, textStamp, maxBytes)
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
      const bytes = sidecarBytes ? await sidecarBytes : new Error('not found');
      const docText = text ?? '';
      entry.sidecar = await this.slicer.run((): SidecarState => {
        if (!(bytes instanceof Uint8Array)) {
          return { stamp: sidecarStamp ?? { mtime: 0, size: 0 }, ...(textStamp ? { textStamp } : {}), annotations: [], contexts: '', problems: [], unreadable: errorText(bytes) };
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
}

/** The entry of a document read from the cache, or undefined when it has neither a text nor a sidecar. */
export function entryFromCache(d: CachedDocument): Entry | undefined {
  const uri = vscode.Uri.parse(d.uri);
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
  return entry.role || entry.sidecarUri ? entry : undefined;
}

/** The document of an entry (by its URI as a string) as features read it: with the open editor's annotations, if it is open. */
export function documentOf(e: Entry, key: string, store: AnnotationStore | undefined): CorpusDocument {
  const live = store?.stateOfKey(key);
  const sidecar = e.sidecar;
  const problems = live ? live.problems : sidecar?.problems ?? [];
  // Fields written out, not a spread (this runs for every document each time features list them).
  const snapshot = live ? snapshotFromStore(live) : undefined;
  return {
    uri: e.uri,
    record: e.text?.record,
    parliamentary: e.text?.parliamentary ?? false,
    sidecar: e.sidecarUri,
    annotations: snapshot ? snapshot.annotations : sidecar?.annotations ?? [],
    contexts: snapshot ? snapshot.contexts : sidecar?.contexts ?? '',
    problems,
    broken: live ? live.broken : sidecar !== undefined && (sidecar.unreadable !== undefined || problems.length > 0),
    live: live !== undefined,
    ...(e.text?.problem ? { problem: e.text.problem } : {}),
  };
}

/** An open document with annotations that the index does not know (untitled, outside the workspace folders). */
export function liveDocument(s: AnnotatedDocument): CorpusDocument {
  return {
    uri: s.uri, record: undefined, parliamentary: false, sidecar: s.sidecar, ...snapshotFromStore(s),
    problems: s.problems, broken: s.broken, live: true,
  };
}

/** Listed: a parliamentary text, or a document with a sidecar (other texts are kept only to skip them next time). */
export function listed(e: Entry): boolean {
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
