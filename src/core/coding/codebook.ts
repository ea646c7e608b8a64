/**
 * The shared codebook `.kamerstukken/codebook.yaml`: the project's tags (codes) with a description,
 * a colour and a memo, kept in git with the documents so that every coder works from the same
 * definitions. Schema, safe parsing with line-numbered problems (never throws), minimal rewriting
 * through the `yaml` Document API (comments, unknown fields and untouched lines survive), merging
 * with the `kamerstukken.tags` setting, and the tags in use that the codebook lacks.
 *
 * ```yaml
 * version: 1
 * codes:
 *   - name: antwoord/ontwijkend        # a tag path: "/" separates levels
 *     description: De vraag wordt niet of maar half beantwoord
 *     color: "#ef6c00"                 # quoted: an unquoted # starts a comment
 *     memo: Alleen als de vraag een ja of nee vraagt.
 * ```
 */
import { Document, isMap, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { describeIssue } from '../annotations/sidecar';
import { english, listAnd, type Translate } from '../util/words';
import { type LineEnding, loadYaml, plainValue, readVersion, type VersionIssue, type YamlIssue, yamlText } from '../util/yamlFile';
import { compareTags, isValidTagPath, normalizeTag } from './tags';

/** The codebook's place, relative to the workspace folder. */
export const CODEBOOK_PATH = '.kamerstukken/codebook.yaml';
/** The format version this code writes. */
const CODEBOOK_VERSION = 1;
/** The format versions this code reads. */
const READABLE_CODEBOOK_VERSIONS: readonly number[] = [1];
/** Codebooks larger than this (characters) are refused rather than parsed. */
const MAX_CODEBOOK_LENGTH = 8 * 1024 * 1024;

/** One code of the codebook. */
export interface Code {
  /** The tag path, in normal form (`normalizeTag`). */
  readonly name: string;
  readonly description?: string;
  /** `#rrggbb`, lower case. */
  readonly color?: string;
  readonly memo?: string;
}

/** A code as read from the file. */
export interface CodebookCode extends Code {
  /** The 1-based line of its entry. */
  readonly line?: number;
}

/** What is wrong, as data: the adapter words it in the user's language (`message` is English). */
export type CodebookIssue =
  | YamlIssue
  | VersionIssue
  | { readonly kind: 'notMapping' }
  | { readonly kind: 'codesNotList' }
  | { readonly kind: 'codeNotMapping' }
  | { readonly kind: 'missingName' }
  | { readonly kind: 'invalidName'; readonly name: string }
  | { readonly kind: 'duplicateName'; readonly name: string; readonly firstLine?: number }
  | { readonly kind: 'fieldNotText'; readonly name: string; readonly field: 'description' | 'color' | 'memo' }
  | { readonly kind: 'invalidColor'; readonly name: string; readonly value: string }
  | { readonly kind: 'colorNotQuoted'; readonly name: string; readonly value: string };

export interface CodebookProblem {
  readonly issue: CodebookIssue;
  /** The issue in English. */
  readonly message: string;
  /** 1-based line, when known. */
  readonly line?: number;
}

/**
 * The wording of a codebook issue: in English, or in the user's language with the editor's `t`
 * (the Dutch bundle is keyed by these English messages).
 */
export function describeCodebookIssue(issue: CodebookIssue, t: Translate = english): string {
  switch (issue.kind) {
    case 'notMapping': return t('expected a mapping with "version" and "codes"');
    case 'missingVersion': return t('missing "version: {0}"', issue.version);
    case 'unknownVersion': return t('unknown version {0}: this extension reads codebook version {1}', issue.found, listAnd(issue.readable, t));
    case 'codesNotList': return t('"codes" must be a list');
    case 'codeNotMapping': return t('a code must be a mapping with a "name"');
    case 'missingName': return t('a code needs a "name"');
    case 'invalidName': return t('code "{0}": a name between two "/" is empty', issue.name);
    case 'duplicateName': return t('duplicate code "{0}" (first at line {1})', issue.name, issue.firstLine ?? '?');
    case 'fieldNotText': return t('code "{0}": "{1}" must be text', issue.name, issue.field);
    case 'invalidColor': return t('code "{0}": colour {1} must be written as #rrggbb', issue.name, issue.value);
    case 'colorNotQuoted': return t('code "{0}": put the colour in quotes, color: "{1}" (without them # starts a comment)', issue.name, issue.value);
    default: return describeIssue(issue, t);
  }
}

export interface ParsedCodebook {
  /** The valid codes, in file order (a code with a bad field is kept without that field). */
  readonly codes: CodebookCode[];
  readonly problems: CodebookProblem[];
  /** The format version the file declares; `CODEBOOK_VERSION` when missing or unknown. */
  readonly version: number;
  readonly lineEnding: LineEnding;
  readonly bom: boolean;
  /** The parsed YAML, the base for a minimal rewrite; absent when the text is not YAML at all. */
  readonly yaml?: Document;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/iu;

/** A colour as `#rrggbb` in lower case (`#abc` is expanded), or undefined when it is not one. */
export function normalizeColor(color: string): string | undefined {
  const c = color.trim();
  if (!HEX.test(c)) return undefined;
  return (c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c).toLowerCase();
}

function problem(issue: CodebookIssue, line?: number): CodebookProblem {
  return { issue, message: describeCodebookIssue(issue), ...(line !== undefined ? { line } : {}) };
}

/**
 * Parses a codebook safely (as `parseSidecar` does a sidecar). Never throws. An empty file is an
 * empty codebook without problems. Problems name their line; valid codes are returned regardless.
 * A codebook with problems must not be rewritten.
 */
export function parseCodebook(withBom: string): ParsedCodebook {
  const loaded = loadYaml(withBom, MAX_CODEBOOK_LENGTH);
  const { nodeLine, lineEnding, bom, doc } = loaded;
  const problems = loaded.problems.map((p) => problem(p.issue, p.line));
  const base = { version: CODEBOOK_VERSION, lineEnding, bom, ...(doc ? { yaml: doc } : {}) };
  if (loaded.fatal || !doc) return { ...base, codes: [], problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { ...base, codes: [], problems };
  if (!isMap(root)) return { ...base, codes: [], problems: [...problems, problem({ kind: 'notMapping' }, nodeLine(root))] };

  const { version: known, problem: versionProblem } = readVersion(root.get('version', true), CODEBOOK_VERSION, READABLE_CODEBOOK_VERSIONS, nodeLine);
  if (versionProblem) problems.push(problem(versionProblem.issue, versionProblem.line));
  const list = root.get('codes', true);
  const codes: CodebookCode[] = [];
  if (list === undefined || (isScalar(list) && list.value === null)) return { ...base, version: known, codes, problems };
  if (!isSeq(list)) return { ...base, version: known, codes, problems: [...problems, problem({ kind: 'codesNotList' }, nodeLine(list))] };

  const seen = new Map<string, number | undefined>();
  for (const item of list.items) {
    const code = readCode(item, { doc, nodeLine, lineText: loaded.lineText, problems, seen });
    if (code) codes.push(code);
  }
  return { ...base, version: known, codes, problems };
}

/** What reading one code needs: the document, its lines, the problems so far and the names seen before. */
interface CodeReading {
  readonly doc: Document;
  readonly nodeLine: (node: unknown) => number | undefined;
  readonly lineText: (line: number) => string;
  readonly problems: CodebookProblem[];
  readonly seen: Map<string, number | undefined>;
}

/** One entry of `codes:`; undefined (with a problem) when it is not a valid, new code. */
function readCode(item: unknown, { doc, nodeLine, lineText, problems, seen }: CodeReading): CodebookCode | undefined {
  const line = nodeLine(item);
  if (!isMap(item)) {
    problems.push(problem({ kind: 'codeNotMapping' }, line));
    return undefined;
  }
  const plain = plainValue(item, doc);
  if ('error' in plain) {
    problems.push(problem({ kind: 'yaml', detail: plain.error }, line));
    return undefined;
  }
  const value = plain.value;
  if (typeof value !== 'object' || value === null) {
    problems.push(problem({ kind: 'codeNotMapping' }, line));
    return undefined;
  }
  const o = value as Record<string, unknown>;
  const rawName = typeof o.name === 'string' ? o.name : typeof o.name === 'number' ? String(o.name) : undefined;
  if (rawName === undefined || rawName.trim() === '') {
    problems.push(problem({ kind: 'missingName' }, line));
    return undefined;
  }
  if (!isValidTagPath(rawName)) {
    problems.push(problem({ kind: 'invalidName', name: rawName }, line));
    return undefined;
  }
  const name = normalizeTag(rawName);
  if (seen.has(name)) {
    const first = seen.get(name);
    problems.push(problem({ kind: 'duplicateName', name, ...(first !== undefined ? { firstLine: first } : {}) }, line));
    return undefined;
  }
  seen.set(name, line);
  const fieldLine = (key: string): number | undefined => {
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === key);
    return nodeLine(pair?.key) ?? line;
  };
  const text = (field: 'description' | 'memo' | 'color'): string | undefined => {
    const v = o[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    problems.push(problem({ kind: 'fieldNotText', name, field }, fieldLine(field)));
    return undefined;
  };
  const description = text('description');
  const memo = text('memo');
  let color: string | undefined;
  const rawColor = text('color');
  if (rawColor !== undefined) {
    color = normalizeColor(rawColor);
    if (color === undefined) problems.push(problem({ kind: 'invalidColor', name, value: rawColor }, fieldLine('color')));
  } else if (item.has('color') && o.color === null) {
    // `color: #ef6c00` is a key without value and a comment: say what to do about it.
    const at = fieldLine('color');
    const m = at !== undefined ? /\bcolou?r\s*:\s*(#[0-9a-f]{3,6})\b/iu.exec(lineText(at)) : null;
    if (m) problems.push(problem({ kind: 'colorNotQuoted', name, value: m[1] }, at));
  }
  return {
    name,
    ...(description ? { description } : {}),
    ...(color ? { color } : {}),
    ...(memo ? { memo } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

const CODE_FIELDS = ['name', 'description', 'color', 'memo'] as const;

/**
 * The codebook text for `codes` (in this order), written over `previous` (the parsed current file,
 * if any, without problems): codes that did not change keep their nodes, comments and unknown
 * fields; a changed field is set in place; a field a code no longer has is removed. Codes are
 * matched by name: rename with `planCodebookRename`, which keeps the entry. The text has
 * `lineEnding` (default LF) and a byte order mark when `bom`.
 */
export function serializeCodebook(codes: readonly Code[], previous?: Document, options: { lineEnding?: LineEnding; bom?: boolean } = {}): string {
  const doc = previous ?? new Document({ version: CODEBOOK_VERSION, codes: [] });
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({ version: CODEBOOK_VERSION, codes: [] });
  if (!isMap(doc.contents)) throw new Error('the codebook is not a mapping');
  const root = doc.contents;
  const versionNode = root.get('version', true);
  if (isScalar(versionNode)) {
    if (versionNode.value !== CODEBOOK_VERSION) versionNode.value = CODEBOOK_VERSION;
  } else {
    root.items.unshift(doc.createPair('version', CODEBOOK_VERSION));
  }
  const list: unknown = root.get('codes', true);
  let seq: YAMLSeq;
  if (isSeq(list)) {
    seq = list;
  } else {
    seq = new YAMLSeq();
    root.set('codes', seq);
  }
  const byName = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const name = item.get('name');
    if (typeof name === 'string' && !byName.has(normalizeTag(name))) byName.set(normalizeTag(name), item);
  }
  seq.items = codes.map((c) => {
    const node = byName.get(normalizeTag(c.name));
    byName.delete(normalizeTag(c.name));
    return node ? updateCode(doc, node, c) : newCode(doc, c);
  });
  return yamlText(doc, options);
}

function codeValue(c: Code, key: (typeof CODE_FIELDS)[number]): string | undefined {
  const v = key === 'name' ? normalizeTag(c.name) : c[key];
  return v === '' ? undefined : v;
}

function newCode(doc: Document, c: Code): YAMLMap {
  const map = new YAMLMap();
  for (const key of CODE_FIELDS) {
    const v = codeValue(c, key);
    if (v !== undefined) map.add(doc.createPair(key, v));
  }
  return map;
}

function updateCode(doc: Document, node: YAMLMap, c: Code): YAMLMap {
  for (const key of CODE_FIELDS) {
    const v = codeValue(c, key);
    const current = node.get(key, true);
    if (v === undefined) {
      if (current !== undefined) node.delete(key);
      continue;
    }
    if (isScalar(current)) {
      // Keep the node (and its comment); a name kept in another spelling ("a / b") stays as written.
      const same = key === 'name' ? typeof current.value === 'string' && normalizeTag(current.value) === v
        : key === 'color' ? typeof current.value === 'string' && normalizeColor(current.value) === v
          : current.value === v;
      if (!same) current.value = v;
      continue;
    }
    if (current !== undefined) {
      node.set(key, v);
      continue;
    }
    addCodeField(doc, node, key, v);
  }
  return node;
}

/** Adds a field a code's entry does not have, where this code would write it: before the next known field. */
export function addCodeField(doc: Document, node: YAMLMap, key: (typeof CODE_FIELDS)[number], value: unknown): void {
  const later = CODE_FIELDS.slice(CODE_FIELDS.indexOf(key) + 1) as readonly string[];
  const at = node.items.findIndex((p) => isScalar(p.key) && later.includes(String(p.key.value)));
  const pair = doc.createPair(key, value);
  if (at < 0) node.items.push(pair); else node.items.splice(at, 0, pair);
}

/** A tag of the `kamerstukken.tags` setting. */
export interface TagSetting {
  readonly name: string;
  readonly color?: string;
  readonly description?: string;
}

/** A tag definition from the codebook or the setting. */
export interface TagDefinition extends Code {
  readonly source: 'codebook' | 'settings';
}

/**
 * The codebook's codes (in its order) followed by the setting's tags that the codebook does not
 * define (in the setting's order). A code takes a description or colour it lacks from the setting
 * of the same name; otherwise the codebook wins. Names compare in normal form; invalid setting
 * entries (no name, a bad path) are skipped, a bad colour dropped.
 */
export function mergeTagDefinitions(codebook: readonly Code[], settings: readonly TagSetting[]): TagDefinition[] {
  const fromSettings = new Map<string, TagSetting>();
  for (const s of settings) {
    if (typeof s.name !== 'string' || !isValidTagPath(s.name)) continue;
    const name = normalizeTag(s.name);
    if (!fromSettings.has(name)) fromSettings.set(name, s);
  }
  const out: TagDefinition[] = [];
  const seen = new Set<string>();
  for (const c of codebook) {
    const name = normalizeTag(c.name);
    if (seen.has(name)) continue;
    seen.add(name);
    const s = fromSettings.get(name);
    const color = c.color ?? (s?.color !== undefined ? normalizeColor(s.color) : undefined);
    const description = c.description ?? s?.description;
    out.push({
      name, ...(description ? { description } : {}), ...(color ? { color } : {}), ...(c.memo ? { memo: c.memo } : {}), source: 'codebook',
    });
  }
  for (const [name, s] of fromSettings) {
    if (seen.has(name)) continue;
    seen.add(name);
    const color = s.color !== undefined ? normalizeColor(s.color) : undefined;
    out.push({ name, ...(s.description ? { description: s.description } : {}), ...(color ? { color } : {}), source: 'settings' });
  }
  return out;
}

/**
 * The tags in `used` (e.g. every tag of the workspace's sidecars) that `defined` does not define
 * exactly, in normal form, distinct, in `compareTags` order. A parent that only exists because
 * its children are defined counts as missing when it is used itself.
 */
export function tagsMissingFromCodebook(used: Iterable<string>, defined: readonly { readonly name: string }[]): string[] {
  const known = new Set(defined.map((d) => normalizeTag(d.name)));
  const missing = new Set<string>();
  for (const tag of used) {
    const t = normalizeTag(tag);
    if (t && !known.has(t)) missing.add(t);
  }
  return [...missing].sort(compareTags);
}
