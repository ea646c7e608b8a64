/**
 * The annotation sidecar `doc.txt.annotations.yaml`: schema, safe parsing with line-numbered
 * problems, and minimal rewriting through the `yaml` Document API (comments, unknown fields and
 * untouched entries survive a save byte for byte where the library allows).
 *
 * Offsets here are what the file holds. Version 2 (written now): Unicode code points of the text
 * with every line break counted as one LF, and quote, prefix and suffix with LF line breaks, so
 * that the CRLF and the LF checkout of one commit give byte-identical files. Version 1 (read, and
 * migrated by `migrateEntries`): code points of the text as it was, a CRLF counting two.
 */
import { Document, isMap, isNode, isScalar, isSeq, type Node, YAMLMap, YAMLSeq } from 'yaml';
import { english, listAnd, type Translate } from '../util/words';
import { describeYamlIssue, type LineEnding, loadYaml, type NodeLine, plainValue, readVersion, type VersionIssue, type YamlIssue, yamlText } from '../util/yamlFile';
import { type Annotation, CodePointIndex, type TextPositions, toLf } from './model';

export const SIDECAR_SUFFIX = '.annotations.yaml';
/** The format version this code writes. */
export const SIDECAR_VERSION = 2;
/** The format versions this code reads. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

export type { LineEnding };

/** The sidecar's file name for a document's file name. */
export function sidecarName(documentName: string): string {
  return documentName + SIDECAR_SUFFIX;
}

/**
 * What is wrong, as data: `describeIssue` words it, in the user's language when the adapter passes
 * its translation (`message` is the English wording, for logs and tests). `yaml` carries the YAML
 * library's own (English) message.
 */
export type SidecarIssue =
  | YamlIssue
  | VersionIssue
  | { readonly kind: 'empty'; readonly version: number }
  | { readonly kind: 'notMapping' }
  | { readonly kind: 'documentNotName' }
  | { readonly kind: 'memoNotText' }
  | { readonly kind: 'annotationsNotList' }
  | { readonly kind: 'duplicateId'; readonly id: string; readonly firstLine?: number }
  | { readonly kind: 'entryNotMapping' }
  | { readonly kind: 'missingId' }
  | { readonly kind: 'fieldType'; readonly id: string; readonly field: string; readonly expected: 'names' | 'text' | 'start' | 'end' };

/** Something wrong with a sidecar. A sidecar with problems is never overwritten. */
export interface SidecarProblem {
  readonly issue: SidecarIssue;
  /** The issue in English. */
  readonly message: string;
  /** 1-based line, when known. */
  readonly line?: number;
}

/**
 * The wording of an issue: in English, or in the user's language with the editor's `t`. The one
 * place sidecar problems are worded (the Dutch bundle is keyed by these English messages).
 */
export function describeIssue(issue: SidecarIssue, t: Translate = english): string {
  switch (issue.kind) {
    case 'tooLarge': case 'yaml': case 'mergeConflict': case 'tooManyAliases': case 'unsupportedTag': return describeYamlIssue(issue, t);
    case 'empty': return t('the file is empty: expected "version: {0}" and a list of annotations', issue.version);
    case 'notMapping': return t('expected a mapping with "version", "document" and "annotations"');
    case 'missingVersion': return t('missing "version: {0}"', issue.version);
    case 'unknownVersion': return t('unknown version {0}: this extension reads versions {1}', issue.found, listAnd(issue.readable, t));
    case 'documentNotName': return t('"document" must be a file name');
    case 'memoNotText': return t('"memo" must be text');
    case 'annotationsNotList': return t('"annotations" must be a list');
    case 'duplicateId':
      return issue.firstLine !== undefined
        ? t('duplicate id "{0}" (first at line {1})', issue.id, issue.firstLine)
        : t('duplicate id "{0}"', issue.id);
    case 'entryNotMapping': return t('an annotation must be a mapping with id, tags, quote, start and end');
    case 'missingId': return t('an annotation needs an "id"');
    case 'fieldType':
      switch (issue.expected) {
        case 'names': return t('annotation {0}: "{1}" must be a list of names', issue.id, issue.field);
        case 'text': return t('annotation {0}: "{1}" must be text', issue.id, issue.field);
        case 'start': return t('annotation {0}: "{1}" must be a whole number ≥ 0', issue.id, issue.field);
        case 'end': return t('annotation {0}: "{1}" must be a whole number ≥ start', issue.id, issue.field);
      }
  }
}

function problem(issue: SidecarIssue, line?: number): SidecarProblem {
  return { issue, message: describeIssue(issue), ...(line !== undefined ? { line } : {}) };
}

export interface ParsedSidecar {
  /** The `document` field, if any. */
  readonly document?: string;
  /** The document memo (top-level `memo`), if any. */
  readonly memo?: string;
  /** The valid entries, in file order, as the file has them (see `migrateEntries`). */
  readonly annotations: Annotation[];
  readonly problems: SidecarProblem[];
  /** The format version the file declares; `SIDECAR_VERSION` when it is missing or unknown. */
  readonly version: number;
  /** The file's line ending (its first line break), kept when it is rewritten. */
  readonly lineEnding: LineEnding;
  /** The file starts with a byte order mark (an editor on Windows may add one): kept when it is rewritten. */
  readonly bom: boolean;
  /** The parsed YAML, the base for a minimal rewrite. Absent only when the text is not YAML at all. */
  readonly yaml?: Document;
}

/** Sidecars larger than this (characters) are refused rather than parsed. */
const MAX_SIDECAR_LENGTH = 64 * 1024 * 1024;

/** Field order of entries this code writes. */
const FIELDS = ['id', 'tags', 'note', 'quote', 'prefix', 'suffix', 'start', 'end', 'created', 'coder'] as const;

/**
 * Parses a sidecar safely: YAML 1.2 core schema, no custom tags, bounded aliases, no prototype
 * pollution. Never throws. Problems name their line; valid entries are returned regardless.
 */
export function parseSidecar(withBom: string): ParsedSidecar {
  // An unsupported tag is a problem, not the end of reading; a file with YAML errors gets those alone.
  const loaded = loadYaml(withBom, MAX_SIDECAR_LENGTH, { tagIsFatal: false, checkBrokenYaml: false });
  const { doc, bom, nodeLine } = loaded;
  const problems = loaded.problems.map((p) => problem(p.issue, p.line));
  // A file too large to read has no line ending of its own: LF.
  const tooLarge = !doc && loaded.problems[0]?.issue.kind === 'tooLarge';
  const lineEnding = tooLarge ? '\n' : loaded.lineEnding;
  const base = { version: SIDECAR_VERSION, lineEnding, bom, ...(doc ? { yaml: doc } : {}) };
  if (loaded.fatal || !doc) return { ...base, annotations: [], problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    problems.push(problem({ kind: 'empty', version: SIDECAR_VERSION }, 1));
    return { ...base, annotations: [], problems };
  }
  if (!isMap(root)) {
    problems.push(problem({ kind: 'notMapping' }, nodeLine(root)));
    return { ...base, annotations: [], problems };
  }
  const version = readVersion(root.get('version', true), SIDECAR_VERSION, READABLE_VERSIONS, nodeLine);
  if (version.problem) problems.push(problem(version.problem.issue, version.problem.line));
  const documentNode = root.get('document', true);
  let document: string | undefined;
  if (documentNode !== undefined) {
    if (isScalar(documentNode) && typeof documentNode.value === 'string') document = documentNode.value;
    else problems.push(problem({ kind: 'documentNotName' }, nodeLine(documentNode)));
  }
  const memo = readMemo(root.get('memo', true), problems, nodeLine);
  const list = root.get('annotations', true);
  const annotations = readAnnotations(list, doc, problems, nodeLine);
  return { document, ...(memo !== undefined ? { memo } : {}), annotations, problems, yaml: doc, version: version.version, lineEnding, bom };
}

/** The valid entries of the `annotations:` list; a later entry with an id seen before is a problem and left out. */
function readAnnotations(list: unknown, doc: Document, problems: SidecarProblem[], nodeLine: NodeLine): Annotation[] {
  const annotations: Annotation[] = [];
  if (list === undefined || (isScalar(list) && list.value === null)) return annotations; // no annotations yet
  if (!isSeq(list)) {
    problems.push(problem({ kind: 'annotationsNotList' }, nodeLine(list)));
    return annotations;
  }
  const seen = new Map<string, number | undefined>();
  for (const item of list.items) {
    const line = nodeLine(item);
    const entry = readEntry(item, line, problems, doc);
    if (!entry) continue;
    const previous = seen.get(entry.id);
    if (seen.has(entry.id)) {
      problems.push(problem({ kind: 'duplicateId', id: entry.id, ...(previous !== undefined ? { firstLine: previous } : {}) }, line));
      continue;
    }
    seen.set(entry.id, line);
    annotations.push(entry);
  }
  return annotations;
}

/**
 * The document memo: text; a number or true/false (YAML reads `memo: 2024` so) as written; null or
 * absent is no memo. Anything else is a problem.
 */
function readMemo(node: unknown, problems: SidecarProblem[], nodeLine: NodeLine): string | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  problems.push(problem({ kind: 'memoNotText' }, nodeLine(node)));
  return undefined;
}

/**
 * Entries of a sidecar of format `version` as format `SIDECAR_VERSION` has them, for the text
 * `positions` describes. Version 1 counted a CRLF as two code points: its offsets become the
 * positions of the same UTF-16 offsets of this text (exact when this is the text they were written
 * for; a hint for re-anchoring otherwise), and CRLF in its quotes and context becomes LF.
 */
export function migrateEntries(entries: readonly Annotation[], version: number, positions: TextPositions): Annotation[] {
  if (version >= 2) return [...entries];
  const legacy = new CodePointIndex(positions.text);
  return entries.map((e) => ({
    ...e, quote: toLf(e.quote), prefix: toLf(e.prefix), suffix: toLf(e.suffix),
    start: positions.toStored(legacy.toUtf16(e.start)), end: positions.toStored(legacy.toUtf16(e.end)),
  }));
}

function readEntry(item: unknown, line: number | undefined, problems: SidecarProblem[], doc: Document): Annotation | undefined {
  const fail = (issue: SidecarIssue): undefined => {
    problems.push(problem(issue, line));
    return undefined;
  };
  if (!isMap(item)) return fail({ kind: 'entryNotMapping' });
  const plain = plainValue(item, doc);
  if ('error' in plain) return fail({ kind: 'yaml', detail: plain.error });
  const value = plain.value;
  if (typeof value !== 'object' || value === null) return fail({ kind: 'entryNotMapping' });
  const o = value as Record<string, unknown>;
  const idValue = o.id;
  const id = typeof idValue === 'string' ? idValue : typeof idValue === 'number' && Number.isInteger(idValue) ? String(idValue) : undefined;
  if (!id) return fail({ kind: 'missingId' });
  let tags: string[];
  if (typeof o.tags === 'string') tags = [o.tags];
  else if (o.tags === undefined || o.tags === null) tags = [];
  else if (Array.isArray(o.tags) && o.tags.every((t) => typeof t === 'string')) tags = o.tags as string[];
  else return fail({ kind: 'fieldType', id, field: 'tags', expected: 'names' });
  if (o.note !== undefined && o.note !== null && typeof o.note !== 'string') return fail({ kind: 'fieldType', id, field: 'note', expected: 'text' });
  if (typeof o.quote !== 'string') return fail({ kind: 'fieldType', id, field: 'quote', expected: 'text' });
  for (const k of ['prefix', 'suffix', 'created'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return fail({ kind: 'fieldType', id, field: k, expected: 'text' });
  }
  const coder = typeof o.coder === 'string' ? o.coder.trim() : typeof o.coder === 'number' && Number.isInteger(o.coder) ? String(o.coder) : undefined;
  if (coder === undefined && o.coder !== undefined && o.coder !== null) return fail({ kind: 'fieldType', id, field: 'coder', expected: 'text' });
  const start = o.start;
  const end = o.end;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) return fail({ kind: 'fieldType', id, field: 'start', expected: 'start' });
  if (typeof end !== 'number' || !Number.isInteger(end) || end < start) return fail({ kind: 'fieldType', id, field: 'end', expected: 'end' });
  return {
    id,
    tags: tags.map((t) => t.trim()).filter((t) => t.length > 0),
    ...(typeof o.note === 'string' && o.note.length > 0 ? { note: o.note } : {}),
    quote: o.quote,
    prefix: typeof o.prefix === 'string' ? o.prefix : '',
    suffix: typeof o.suffix === 'string' ? o.suffix : '',
    start,
    end,
    created: typeof o.created === 'string' ? o.created : '',
    ...(coder ? { coder } : {}),
  };
}

/** Orders entries as the file does: by start, then end, then id. */
function compareEntries(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The sidecar text (format `SIDECAR_VERSION`) for `annotations`, written over `previous` (the
 * parsed current file, if any): entries that did not change keep their nodes, comments and unknown
 * fields; changed fields are set in place; entries are ordered by start. The text has the line
 * ending `lineEnding` (default LF; pass the current file's so a CRLF checkout stays CRLF) and
 * starts with a byte order mark when `bom` (pass the current file's).
 */
export function serializeSidecar(
  documentName: string, annotations: readonly Annotation[], previous?: Document,
  options: { lineEnding?: LineEnding; bom?: boolean; memo?: string } = {},
): string {
  const doc = previous ?? new Document({ version: SIDECAR_VERSION, document: documentName, annotations: [] });
  if (!isMap(doc.contents)) throw new Error('the sidecar is not a mapping');
  const root = doc.contents;
  const versionNode = root.get('version', true);
  if (isScalar(versionNode)) {
    // In place: a comment on the line survives the upgrade.
    if (versionNode.value !== SIDECAR_VERSION) versionNode.value = SIDECAR_VERSION;
  } else {
    root.set('version', SIDECAR_VERSION);
  }
  if (root.get('document') !== documentName) root.set('document', documentName);
  if (options.memo !== undefined) setMemo(doc, root, options.memo);
  const list: unknown = root.get('annotations', true);
  let seq: YAMLSeq;
  if (isSeq(list)) {
    seq = list;
  } else {
    seq = new YAMLSeq();
    root.set('annotations', seq);
  }
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    if (typeof id === 'string' || typeof id === 'number') byId.set(String(id), item);
  }
  const items: YAMLMap[] = [];
  for (const a of [...annotations].sort(compareEntries)) {
    const node = byId.get(a.id);
    items.push(node ? updateEntry(doc, node, a) : newEntry(doc, a));
  }
  seq.items = items;
  return yamlText(doc, options);
}

/** Sets the top-level memo in place (a new one goes before `annotations`); an empty memo removes it. */
function setMemo(doc: Document, root: YAMLMap, memo: string): void {
  const current = root.get('memo', true);
  if (memo === '') {
    if (current !== undefined) root.delete('memo');
    return;
  }
  if (isScalar(current)) {
    if (current.value !== memo) current.value = memo;
    return;
  }
  if (current !== undefined) {
    root.set('memo', memo);
    return;
  }
  const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'annotations');
  const pair = doc.createPair('memo', memo);
  if (at < 0) root.items.push(pair); else root.items.splice(at, 0, pair);
}

function entryValue(a: Annotation, key: (typeof FIELDS)[number]): unknown {
  switch (key) {
    case 'tags': return [...a.tags];
    case 'note': return a.note;
    default: return a[key];
  }
}

function newEntry(doc: Document, a: Annotation): YAMLMap {
  const map = new YAMLMap();
  for (const key of FIELDS) {
    const v = entryValue(a, key);
    if (v === undefined || ((key === 'note' || key === 'coder') && v === '')) continue;
    map.add(doc.createPair(key, makeNode(doc, key, v)));
  }
  return map;
}

function makeNode(doc: Document, key: string, v: unknown): Node {
  const node = doc.createNode(v) as Node;
  if (key === 'tags' && isSeq(node)) node.flow = true;
  return node;
}

function sameValue(current: unknown, v: unknown): boolean {
  if (Array.isArray(v)) {
    return Array.isArray(current) && current.length === v.length && current.every((x, i) => x === v[i]);
  }
  if (typeof current === 'number' && typeof v === 'string') return String(current) === v;
  return current === v;
}

function updateEntry(doc: Document, node: YAMLMap, a: Annotation): YAMLMap {
  for (const key of FIELDS) {
    const v = entryValue(a, key);
    const present = node.has(key);
    if (v === undefined || ((key === 'note' || key === 'coder') && v === '')) {
      // An undefined coder is left as the file has it (code that does not carry it loses nothing).
      if (present && (key === 'note' || v === '')) node.delete(key);
      continue;
    }
    const currentNode = node.get(key, true);
    const current = isNode(currentNode) ? currentNode.toJSON() : currentNode;
    if (present && sameValue(current, v)) continue;
    if (present && isScalar(currentNode) && !Array.isArray(v)) {
      // Keep the scalar node (and its comment); change its value only.
      currentNode.value = v;
      continue;
    }
    if (present) {
      node.set(key, makeNode(doc, key, v));
      continue;
    }
    // A new field goes where this code would write it, before the next known field.
    const later = FIELDS.slice(FIELDS.indexOf(key) + 1) as readonly string[];
    const at = node.items.findIndex((p) => isScalar(p.key) && later.includes(String(p.key.value)));
    const pair = doc.createPair(key, makeNode(doc, key, v));
    if (at < 0) node.items.push(pair); else node.items.splice(at, 0, pair);
  }
  return node;
}
