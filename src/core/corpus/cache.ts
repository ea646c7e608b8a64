/**
 * The corpus cache: what the editor's corpus index knows of each document, kept across restarts
 * and trusted only while the files are unchanged (same modification time and size) and the cache
 * was written by this version of the code (`CORPUS_CACHE_VERSION`, `CORPUS_RECORD_VERSION`,
 * `SIDECAR_VERSION`). Split over shards (by a hash of the document's URI) so that no single
 * JSON.parse or JSON.stringify holds up the editor for long, and a change rewrites one shard.
 * Pure: plain data in and out, every value read back is checked; the editor side does the I/O.
 */
import { SIDECAR_VERSION, type SidecarProblem } from '../annotations/sidecar';
import { CORPUS_RECORD_VERSION, type CorpusRecord, isCorpusRecord } from './record';

/** Bump on any change of what the cache holds or how it is read. */
export const CORPUS_CACHE_VERSION = 1;

/** A file as `stat` describes it: the cache key. */
export interface FileStamp {
  readonly mtime: number;
  readonly size: number;
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtime === b.mtime && a.size === b.size;
}

/**
 * An annotation of a sidecar as placed in its document's text when it was indexed: what a list, a
 * count, a tag list and an export need. Offsets are UTF-16 offsets in that text (0 when orphaned).
 */
export interface CorpusAnnotation {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly coder?: string;
  /** ISO timestamp, or empty when unknown. */
  readonly created: string;
  readonly start: number;
  readonly end: number;
  /** Could not be found in the text: listed with its saved quote. */
  readonly orphaned: boolean;
  /** The passage and its context as saved in the sidecar. */
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Why a file is not (fully) in the corpus. */
export type FileProblemKind = 'unreadable' | 'binary' | 'tooLarge' | 'brokenSidecar';

/**
 * What the index knows of a text file. `record` is set for a parliamentary text; `parliamentary:
 * false` is a `.txt` that is not one (kept so a restart need not read it again); `problem` a file
 * that could not be indexed.
 */
export interface TextState {
  readonly stamp: FileStamp;
  readonly parliamentary: boolean;
  readonly record?: CorpusRecord;
  readonly problem?: { readonly kind: FileProblemKind; readonly detail: string };
}

/** What the index knows of a sidecar: its annotations placed in the text with stamp `textStamp`. */
export interface SidecarState {
  readonly stamp: FileStamp;
  /** The stamp of the text the annotations were placed in (undefined: the text was missing). */
  readonly textStamp?: FileStamp;
  readonly annotations: readonly CorpusAnnotation[];
  /** Problems of the file (valid entries are still listed). */
  readonly problems: readonly SidecarProblem[];
  /** Set when the file could not be read at all. */
  readonly unreadable?: string;
}

/** One document in the cache, by its URI (a string). */
export interface CachedDocument {
  readonly uri: string;
  readonly text?: TextState;
  readonly sidecar?: SidecarState;
}

export interface CacheManifest {
  readonly cacheVersion: typeof CORPUS_CACHE_VERSION;
  readonly recordVersion: typeof CORPUS_RECORD_VERSION;
  readonly sidecarVersion: number;
  readonly shards: number;
}

/** Documents per shard the cache aims at: a shard of ~128 documents parses in a few ms. */
const DOCUMENTS_PER_SHARD = 128;

/** How many shards a cache of `documents` documents gets (a power of two, at least 4). */
export function shardCountFor(documents: number): number {
  let n = 4;
  while (n * DOCUMENTS_PER_SHARD < documents && n < 1 << 16) n *= 2;
  return n;
}

/** The shard of a document: FNV-1a of its URI. */
export function shardOf(uri: string, shards: number): number {
  let h = 2166136261;
  for (let i = 0; i < uri.length; i++) h = Math.imul(h ^ uri.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
}

export function manifestFor(shards: number): CacheManifest {
  return { cacheVersion: CORPUS_CACHE_VERSION, recordVersion: CORPUS_RECORD_VERSION, sidecarVersion: SIDECAR_VERSION, shards };
}

/** The manifest read back, or undefined when it is not one this code wrote (another version, damaged). */
export function readManifest(value: unknown): CacheManifest | undefined {
  if (!isObject(value)) return undefined;
  const m = value;
  if (m.cacheVersion !== CORPUS_CACHE_VERSION || m.recordVersion !== CORPUS_RECORD_VERSION || m.sidecarVersion !== SIDECAR_VERSION) return undefined;
  const shards = m.shards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1 || shards > 1 << 16) return undefined;
  return manifestFor(shards);
}

export interface Shard {
  readonly cacheVersion: typeof CORPUS_CACHE_VERSION;
  readonly documents: readonly CachedDocument[];
}

export function shardFor(documents: readonly CachedDocument[]): Shard {
  return { cacheVersion: CORPUS_CACHE_VERSION, documents };
}

/**
 * The documents of a shard read back: those that are well-formed and belong in shard `index` of
 * `shards`; anything else is dropped (and so read from its file again). Undefined when the value
 * is not a shard of this version at all.
 */
export function readShard(value: unknown, index: number, shards: number): CachedDocument[] | undefined {
  if (!isObject(value) || value.cacheVersion !== CORPUS_CACHE_VERSION || !Array.isArray(value.documents)) return undefined;
  const out: CachedDocument[] = [];
  for (const d of value.documents as unknown[]) {
    if (!isObject(d) || typeof d.uri !== 'string' || shardOf(d.uri, shards) !== index) continue;
    const text = d.text === undefined ? undefined : readTextState(d.text);
    const sidecar = d.sidecar === undefined ? undefined : readSidecarState(d.sidecar);
    // A part that does not check out invalidates the document: both are read again.
    if ((d.text !== undefined && !text) || (d.sidecar !== undefined && !sidecar) || (!text && !sidecar)) continue;
    out.push({ uri: d.uri, ...(text ? { text } : {}), ...(sidecar ? { sidecar } : {}) });
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readStamp(v: unknown): FileStamp | undefined {
  if (!isObject(v)) return undefined;
  const { mtime, size } = v;
  return typeof mtime === 'number' && Number.isFinite(mtime) && typeof size === 'number' && Number.isInteger(size) && size >= 0
    ? { mtime, size } : undefined;
}

const PROBLEM_KINDS: ReadonlySet<string> = new Set<FileProblemKind>(['unreadable', 'binary', 'tooLarge', 'brokenSidecar']);

function readTextState(v: unknown): TextState | undefined {
  if (!isObject(v)) return undefined;
  const stamp = readStamp(v.stamp);
  if (!stamp || typeof v.parliamentary !== 'boolean') return undefined;
  if (v.record !== undefined && !isCorpusRecord(v.record)) return undefined;
  if (v.parliamentary !== (v.record !== undefined)) return undefined;
  let problem: TextState['problem'];
  if (v.problem !== undefined) {
    if (!isObject(v.problem) || typeof v.problem.kind !== 'string' || !PROBLEM_KINDS.has(v.problem.kind) || typeof v.problem.detail !== 'string') return undefined;
    problem = { kind: v.problem.kind as FileProblemKind, detail: v.problem.detail };
  }
  return { stamp, parliamentary: v.parliamentary, ...(v.record !== undefined ? { record: v.record as CorpusRecord } : {}), ...(problem ? { problem } : {}) };
}

/** Tag lists as shared, read-only values: one per distinct list (and a coder's name once), see `sharedTags`. */
const TAG_LISTS = new Map<string, readonly string[]>();
const CODERS = new Map<string, string>();
/** No more distinct lists than this are kept (a workspace has a few dozen): beyond it lists are not shared. */
const MAX_SHARED = 10_000;

/**
 * The one shared copy of a tag list equal to `tags` (do not change it). An index holds ten
 * annotations per document and a handful of distinct lists: an array and strings of its own per
 * annotation were a tenth of the index's memory.
 */
export function sharedTags(tags: readonly string[]): readonly string[] {
  const key = tags.length === 1 ? tags[0] : tags.join('\n');
  const known = TAG_LISTS.get(key);
  if (known !== undefined) return known.length === tags.length && known.every((t, i) => t === tags[i]) ? known : tags;
  if (TAG_LISTS.size >= MAX_SHARED) return tags;
  const shared = Object.freeze([...tags]);
  TAG_LISTS.set(key, shared);
  return shared;
}

/** The one shared copy of a coder's name. */
export function sharedCoder(coder: string): string {
  const known = CODERS.get(coder);
  if (known !== undefined) return known;
  if (CODERS.size < MAX_SHARED) CODERS.set(coder, coder);
  return coder;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function readAnnotation(v: unknown): CorpusAnnotation | undefined {
  if (!isObject(v)) return undefined;
  const { id, tags, note, coder, created, start, end, orphaned, quote, prefix, suffix } = v;
  if (!isString(id) || !Array.isArray(tags) || !tags.every(isString) || !isString(created) || typeof orphaned !== 'boolean'
    || !isString(quote) || !isString(prefix) || !isString(suffix)
    || typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start
    || (note !== undefined && !isString(note)) || (coder !== undefined && !isString(coder))) return undefined;
  return {
    id, tags: sharedTags(tags as string[]), ...(note !== undefined ? { note } : {}), ...(coder !== undefined ? { coder: sharedCoder(coder) } : {}),
    created, start, end, orphaned, quote, prefix, suffix,
  };
}

function readProblem(v: unknown): SidecarProblem | undefined {
  if (!isObject(v) || !isObject(v.issue) || typeof v.issue.kind !== 'string' || !isString(v.message)) return undefined;
  if (v.line !== undefined && (typeof v.line !== 'number' || !Number.isInteger(v.line))) return undefined;
  return v as unknown as SidecarProblem;
}

function readSidecarState(v: unknown): SidecarState | undefined {
  if (!isObject(v)) return undefined;
  const stamp = readStamp(v.stamp);
  const textStamp = v.textStamp === undefined ? undefined : readStamp(v.textStamp);
  if (!stamp || (v.textStamp !== undefined && !textStamp) || !Array.isArray(v.annotations) || !Array.isArray(v.problems)) return undefined;
  if (v.unreadable !== undefined && !isString(v.unreadable)) return undefined;
  const annotations: CorpusAnnotation[] = [];
  for (const a of v.annotations as unknown[]) {
    const read = readAnnotation(a);
    if (!read) return undefined;
    annotations.push(read);
  }
  const problems: SidecarProblem[] = [];
  for (const p of v.problems as unknown[]) {
    const read = readProblem(p);
    if (!read) return undefined;
    problems.push(read);
  }
  return { stamp, ...(textStamp ? { textStamp } : {}), annotations, problems, ...(v.unreadable !== undefined ? { unreadable: v.unreadable } : {}) };
}
