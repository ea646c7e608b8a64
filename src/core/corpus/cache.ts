/**
 * The corpus cache: what the editor's corpus index knows of each document, kept across restarts
 * and trusted only while the files are unchanged (same modification time and size) and the cache
 * was written by this version of the code (`CORPUS_CACHE_VERSION`, `CORPUS_RECORD_VERSION`,
 * `SIDECAR_VERSION`). Split over shards (by a hash of the document's URI) so that no single
 * JSON.parse or JSON.stringify holds up the editor for long, and a change rewrites one shard.
 * Pure: plain data in and out, every value read back is checked; the editor side does the I/O.
 */
import { SIDECAR_VERSION, type SidecarProblem } from '../annotations/sidecar';
import { type BlockRecord, CORPUS_RECORD_VERSION, type CorpusRecord, isCorpusRecord } from './record';

/**
 * Bump on any change of what the cache holds or how it is read. 2: records' blocks in shards of
 * their own; 3: annotations' creation times and contexts packed per sidecar (`PackedContexts`).
 */
export const CORPUS_CACHE_VERSION = 3;

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
 * count, a tag list and agreement need. Offsets are UTF-16 offsets in that text (0 when orphaned).
 * When it was made and the context of its passage are kept apart (`SidecarState.contexts`).
 */
export interface CorpusAnnotation {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly coder?: string;
  readonly start: number;
  readonly end: number;
  /** Could not be found in the text: listed with its saved quote. */
  readonly orphaned: boolean;
  /** The passage as saved in the sidecar. */
  readonly quote: string;
}

/** What only an export needs of an annotation: when it was made, and the context of its passage as saved. */
export interface AnnotationContext {
  /** ISO timestamp, or empty when unknown. */
  readonly created: string;
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * The contexts of a sidecar's annotations, in their order, packed into one string: each of
 * `created`, `prefix` and `suffix` as its length, ":" and itself. A start reads the cache's
 * sidecars for the views, which need none of these: one string per document instead of three per
 * annotation took the cache's parse at a start over 1,000 documents from ~120 to ~70 ms (and the
 * garbage collections after it, which copy what the parse made). Exports unpack them (`contextsOf`).
 */
export type PackedContexts = string;

export function packContexts(contexts: readonly AnnotationContext[]): PackedContexts {
  let out = '';
  for (const c of contexts) out += `${c.created.length}:${c.created}${c.prefix.length}:${c.prefix}${c.suffix.length}:${c.suffix}`;
  return out;
}

/** The contexts of `packed` (see `PackedContexts`); undefined when it does not hold exactly `count` of them. */
export function unpackContexts(packed: PackedContexts, count: number): AnnotationContext[] | undefined {
  const out: AnnotationContext[] = [];
  const fields: string[] = [];
  for (let at = 0; at < packed.length;) {
    const end = fieldEnd(packed, at);
    if (end === -1) return undefined;
    fields.push(packed.slice(packed.indexOf(':', at) + 1, end));
    at = end;
    if (fields.length === 3) {
      out.push({ created: fields[0], prefix: fields[1], suffix: fields[2] });
      fields.length = 0;
    }
  }
  return fields.length === 0 && out.length === count ? out : undefined;
}

/**
 * Where the field of `packed` that starts at `at` (its length in at most 9 digits, ":", itself)
 * ends; -1 when there is no such field there.
 */
function fieldEnd(packed: string, at: number): number {
  let length = 0;
  let k = at;
  for (; k < packed.length && k - at < 9; k++) {
    const d = packed.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    length = length * 10 + d;
  }
  if (k === at || packed.charCodeAt(k) !== 58 /* : */) return -1;
  const end = k + 1 + length;
  return end > packed.length ? -1 : end;
}

/**
 * The contexts of a sidecar's (or a corpus document's) annotations, in their order: one per
 * annotation (empty ones should the packed string not match them; the cache checks it when read).
 */
export function contextsOf(of: { readonly annotations: readonly unknown[]; readonly contexts: PackedContexts }): AnnotationContext[] {
  return unpackContexts(of.contexts, of.annotations.length) ?? of.annotations.map(() => ({ created: '', prefix: '', suffix: '' }));
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
  /** The annotations' creation times and saved contexts, in their order (see `PackedContexts`). */
  readonly contexts: PackedContexts;
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

/**
 * A shard of `documents`. With `blocks: false` the records are written without their blocks (each
 * `blocks` empty): those go to a blocks shard (`blocksShardFor`), read only when something needs
 * them (Go to Symbol in Workspace, the JSON Lines export, intercoder agreement), so that a start
 * reads half as much before its views fill. The records' counts say which had blocks (`hasBlocks`).
 */
export function shardFor(documents: readonly CachedDocument[], { blocks = true }: { readonly blocks?: boolean } = {}): Shard {
  return { cacheVersion: CORPUS_CACHE_VERSION, documents: blocks ? documents : documents.map(withoutBlocks) };
}

function withoutBlocks(d: CachedDocument): CachedDocument {
  const record = d.text?.record;
  if (!d.text || !record || record.blocks.length === 0) return d;
  return { ...d, text: { ...d.text, record: { ...record, blocks: [] } } };
}

/**
 * Whether a record lists blocks, or did before a shard without blocks left them out: every block
 * is a question (counted in `questionCount`: its numbers, or itself when it has none) or an answer.
 */
export function hasBlocks(record: CorpusRecord): boolean {
  return record.blocks.length > 0 || record.questionCount > 0 || record.answerCount > 0;
}

/**
 * A value as the cache writes it: JSON in ASCII only (other characters as `\uXXXX` escapes), so
 * that it reads back byte for byte as Latin-1 (`readCacheText`), several times faster than UTF-8.
 */
export function cacheJson(value: unknown): string {
  // Without the u flag: a character outside the BMP is two UTF-16 units, each escaped.
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The text of a cache file: `latin1` is what a runtime offers for reading bytes as Latin-1 fast
 * (Node's Buffer); a file that is not ASCII (not written by `cacheJson`) is read as UTF-8.
 */
export function readCacheText(bytes: Uint8Array, latin1?: (bytes: Uint8Array) => string): string {
  if (latin1) {
    const text = latin1(bytes);
    if (!/[\u0080-\u00ff]/u.test(text)) return text;
  }
  return new TextDecoder().decode(bytes);
}

/** The blocks of one document's record, with the stamp of the text they were read from. */
export interface RecordBlocks {
  readonly stamp: FileStamp;
  readonly blocks: readonly BlockRecord[];
}

export interface BlocksShard {
  readonly cacheVersion: typeof CORPUS_CACHE_VERSION;
  readonly documents: readonly ({ readonly uri: string } & RecordBlocks)[];
}

/**
 * The blocks of the records of `documents` (those with blocks), for the blocks shard of the shard
 * that holds them. `written(d, record)` says whether a record has its blocks: one read from the
 * cache whose blocks were never loaded is left out (read from its file again when they are needed).
 */
export function blocksShardFor(documents: readonly CachedDocument[], written: (d: CachedDocument, record: CorpusRecord) => boolean = () => true): BlocksShard {
  const out: ({ uri: string } & RecordBlocks)[] = [];
  for (const d of documents) {
    const record = d.text?.record;
    if (!d.text || !record || record.blocks.length === 0 || !written(d, record)) continue;
    out.push({ uri: d.uri, stamp: d.text.stamp, blocks: record.blocks });
  }
  return { cacheVersion: CORPUS_CACHE_VERSION, documents: out };
}

/**
 * The blocks of a blocks shard read back, by URI: entries that are well-formed and belong in shard
 * `index` of `shards`. Undefined when the value is not a blocks shard of this version.
 */
export function readBlocksShard(value: unknown, index: number, shards: number): Map<string, RecordBlocks> | undefined {
  if (!isObject(value) || value.cacheVersion !== CORPUS_CACHE_VERSION || !Array.isArray(value.documents)) return undefined;
  const out = new Map<string, RecordBlocks>();
  for (const d of value.documents as unknown[]) {
    if (!isObject(d) || typeof d.uri !== 'string' || shardOf(d.uri, shards) !== index) continue;
    const stamp = readStamp(d.stamp);
    const blocks = d.blocks;
    if (!stamp || !Array.isArray(blocks) || !blocks.every((b, i) => isBlockRecord(b, i, blocks.length))) continue;
    out.set(d.uri, { stamp, blocks: blocks as BlockRecord[] });
  }
  return out;
}

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Whether `v` is block `i` of `count` as a record lists it. */
function isBlockRecord(v: unknown, i: number, count: number): v is BlockRecord {
  if (!isObject(v)) return false;
  const { kind, label, numbers, start, end, line, character, text, parent } = v;
  return (kind === 'question' || kind === 'answer') && isString(label) && Array.isArray(numbers) && numbers.every(isString)
    && isOffset(start) && isOffset(end) && end >= start && isOffset(line) && isOffset(character) && isString(text)
    && (parent === undefined || (isOffset(parent) && parent < count && parent !== i));
}

/**
 * Gives `record` (read from a shard without its blocks) its blocks, in place: the record stays the
 * same object for those who hold it. False (and the record left as it is) when the blocks are not
 * of this record: another stamp, or not as many answers as it counts.
 */
export function fillBlocks(record: CorpusRecord, stamp: FileStamp, blocks: RecordBlocks): boolean {
  if (!sameStamp(stamp, blocks.stamp) || blocks.blocks.length === 0) return false;
  let answers = 0;
  for (const b of blocks.blocks) if (b.kind === 'answer') answers++;
  if (answers !== record.answerCount) return false;
  (record as { blocks: readonly BlockRecord[] }).blocks = blocks.blocks;
  return true;
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
  const { id, tags, note, coder, start, end, orphaned, quote } = v;
  if (!isString(id) || !Array.isArray(tags) || !tags.every(isString) || typeof orphaned !== 'boolean' || !isString(quote)
    || typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start
    || (note !== undefined && !isString(note)) || (coder !== undefined && !isString(coder))) return undefined;
  // The object JSON.parse made is kept (a copy per annotation was a tenth of a start's reading), its
  // tag list and coder shared; a field this code does not know stays unread.
  const read = v as { tags: readonly string[]; coder?: string };
  read.tags = sharedTags(tags as string[]);
  if (coder !== undefined) read.coder = sharedCoder(coder);
  return v as unknown as CorpusAnnotation;
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
  if (!stamp || (v.textStamp !== undefined && !textStamp) || !Array.isArray(v.annotations) || !Array.isArray(v.problems) || !isString(v.contexts)) return undefined;
  if (v.unreadable !== undefined && !isString(v.unreadable)) return undefined;
  // The arrays JSON.parse made are kept (each element is read in place, or the whole state refused).
  const annotations = v.annotations as CorpusAnnotation[];
  for (const a of annotations as unknown[]) if (!readAnnotation(a)) return undefined;
  if (!packedCount(v.contexts, annotations.length)) return undefined;
  const problems = v.problems as SidecarProblem[];
  for (const p of problems as unknown[]) if (!readProblem(p)) return undefined;
  return {
    stamp, ...(textStamp ? { textStamp } : {}), annotations, contexts: v.contexts, problems, ...(v.unreadable !== undefined ? { unreadable: v.unreadable } : {}),
  };
}

/**
 * Whether `packed` holds exactly `count` contexts, checked by their lengths without making their
 * strings (see `unpackContexts`, which makes them when an export needs them).
 */
function packedCount(packed: string, count: number): boolean {
  let fields = 0;
  for (let at = 0; at < packed.length; fields++) {
    at = fieldEnd(packed, at);
    if (at === -1) return false;
  }
  return fields === 3 * count;
}
