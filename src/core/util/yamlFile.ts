/**
 * Hand-edited YAML files (the annotation sidecar, the codebook), read safely: YAML 1.2 core
 * schema, no custom tags, bounded aliases, unique keys, a git merge conflict reported as such at
 * its `<<<<<<<` line, problems with 1-based line numbers, a `version:` checked against the
 * versions the code reads. Never throws.
 */
import { type Document, isNode, isScalar, LineCounter, parseDocument, type ToStringOptions, visit } from 'yaml';
import { english, type Translate } from './words';

export type LineEnding = '\n' | '\r\n';

/** What is wrong with the YAML itself, as data (`describeYamlIssue` words it). */
export type YamlIssue =
  | { readonly kind: 'tooLarge'; readonly megabytes: number }
  /** The YAML library's own (English) message. */
  | { readonly kind: 'yaml'; readonly detail: string }
  | { readonly kind: 'mergeConflict' }
  | { readonly kind: 'tooManyAliases' }
  | { readonly kind: 'unsupportedTag'; readonly tag: string };

/** A missing or unreadable `version:`, as data (each file words it: it names the versions it reads). */
export type VersionIssue =
  | { readonly kind: 'missingVersion'; readonly version: number }
  | { readonly kind: 'unknownVersion'; readonly found: string; readonly readable: readonly number[] };

/** The wording of a YAML issue: in English, or in the user's language with the editor's `t` (the Dutch bundle is keyed by these English messages). */
export function describeYamlIssue(issue: YamlIssue, t: Translate = english): string {
  switch (issue.kind) {
    case 'tooLarge': return t('the file is larger than {0} MB', issue.megabytes);
    case 'yaml': return issue.detail; // the YAML library's own (English) message
    case 'mergeConflict': return t('it has an unresolved git merge conflict: keep the lines you want between <<<<<<<, ======= and >>>>>>>, remove those three marker lines and save');
    case 'tooManyAliases': return t('too many aliases');
    case 'unsupportedTag': return t('unsupported tag {0}', issue.tag);
  }
}

/** The 1-based line of a node, when known. */
export type NodeLine = (node: unknown) => number | undefined;

export interface LoadedYaml {
  /** The parsed document: absent when the file is too large or YAML could not be read at all. */
  readonly doc?: Document;
  /** In file order: YAML errors, YAML warnings, then too many aliases and unsupported tags where the visit meets them. */
  readonly problems: { readonly issue: YamlIssue; readonly line?: number }[];
  /** The problems make the content unusable (nothing should be read from `doc`). */
  readonly fatal: boolean;
  readonly bom: boolean;
  readonly lineEnding: LineEnding;
  /** The text of a 1-based line (without its line break); empty past the end. */
  readonly lineText: (line: number) => string;
  readonly nodeLine: NodeLine;
}

/** How strict `loadYaml` is beyond what is always refused; the defaults are the strictest. */
export interface LoadYamlOptions {
  /** An unsupported tag makes the content unusable (default true); false: it is a problem, the rest is read. */
  readonly tagIsFatal?: boolean;
  /** Aliases and tags are checked when the YAML has errors too (default true); false: the errors alone are reported. */
  readonly checkBrokenYaml?: boolean;
}

/** Aliases allowed when converting values: a hand-written file needs none; a bomb needs thousands. */
const MAX_ALIAS_COUNT = 100;
const ALLOWED_TAGS = new Set([
  'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq',
]);

/** The line ending of a text: that of its first line break; LF when it has none. */
export function lineEndingOf(text: string): LineEnding {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Where the first git conflict marker ("<<<<<<< ours") starts, when the text also has the closing
 * one (">>>>>>> theirs") after it, both at the start of a line; undefined otherwise.
 */
export function mergeConflictOffset(text: string): number | undefined {
  const open = /^<{7}(?=[ \t\r\n]|$)/mu.exec(text);
  return open && /^>{7}(?=[ \t\r\n]|$)/mu.test(text.slice(open.index)) ? open.index : undefined;
}

/** Loads `withBom` (a byte order mark is noted and skipped); a text over `maxLength` characters is refused. */
export function loadYaml(withBom: string, maxLength: number, options: LoadYamlOptions = {}): LoadedYaml {
  const bom = withBom.charCodeAt(0) === 0xfeff;
  const text = bom ? withBom.slice(1) : withBom;
  const lineEnding = lineEndingOf(text);
  const lines = new LineCounter();
  const lineOf = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lines.linePos(offset).line);
  const nodeLine = (node: unknown): number | undefined => (isNode(node) && node.range ? lineOf(node.range[0]) : undefined);
  let split: string[] | undefined;
  // Lines as the YAML line counter counts them: at LF.
  const lineText = (line: number): string => ((split ??= text.split('\n'))[line - 1] ?? '').replace(/\r$/u, '');
  const base = { bom, lineEnding, nodeLine, lineText };
  if (text.length > maxLength) {
    return { ...base, fatal: true, problems: [{ issue: { kind: 'tooLarge', megabytes: Math.round(maxLength / (1024 * 1024)) } }] };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, schema: 'core', customTags: [], uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    return { ...base, fatal: true, problems: [{ issue: { kind: 'yaml', detail: error instanceof Error ? error.message : String(error) } }] };
  }
  const problems: { issue: YamlIssue; line?: number }[] = [];
  if (doc.errors.length > 0) {
    // A git merge left its markers in the file: say so, rather than what YAML makes of them.
    const conflict = mergeConflictOffset(text);
    if (conflict !== undefined) return { ...base, doc, fatal: true, problems: [{ issue: { kind: 'mergeConflict' }, line: lineOf(conflict) }] };
  }
  const first = (s: string): string => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '');
  for (const e of [...doc.errors, ...doc.warnings]) problems.push({ issue: { kind: 'yaml', detail: first(e.message) }, line: lineOf(e.pos[0]) });
  if (doc.errors.length > 0 && options.checkBrokenYaml === false) return { ...base, doc, problems, fatal: true };
  const limits = checkLimits(doc, nodeLine);
  problems.push(...limits.problems);
  const fatal = doc.errors.length > 0 || limits.tooManyAliases || (limits.badTag && options.tagIsFatal !== false);
  return { ...base, doc, problems, fatal };
}

/** No custom tags, and no aliases beyond a small number (resource exhaustion): the problems in the order the visit meets them. */
function checkLimits(doc: Document, nodeLine: NodeLine): { problems: { issue: YamlIssue; line?: number }[]; tooManyAliases: boolean; badTag: boolean } {
  const problems: { issue: YamlIssue; line?: number }[] = [];
  let aliases = 0;
  let badTag = false;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      if (aliases === MAX_ALIAS_COUNT + 1) problems.push({ issue: { kind: 'tooManyAliases' }, line: nodeLine(node) });
    },
    Node(_key, node) {
      if (node.tag && !ALLOWED_TAGS.has(node.tag)) {
        badTag = true;
        problems.push({ issue: { kind: 'unsupportedTag', tag: node.tag }, line: nodeLine(node) });
      }
    },
  });
  return { problems, tooManyAliases: aliases > MAX_ALIAS_COUNT, badTag };
}

/** A node as plain data with bounded aliases, or the error that stopped the conversion (an alias bomb). */
export function plainValue(node: unknown, doc: Document): { value: unknown } | { error: string } {
  if (!isNode(node)) return { value: node };
  try {
    return { value: node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: false }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The `version:` of a file's top-level mapping, from its node (undefined: the key is absent): the
 * version it declares when it is one of `readable`, else `current`; and what is wrong, if anything
 * (a missing version at line 1, an unknown one at its own line).
 */
export function readVersion(
  node: unknown, current: number, readable: readonly number[], nodeLine: NodeLine,
): { readonly version: number; readonly problem?: { readonly issue: VersionIssue; readonly line?: number } } {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' && readable.includes(value)) return { version: value };
  if (node === undefined) return { version: current, problem: { issue: { kind: 'missingVersion', version: current }, line: 1 } };
  return { version: current, problem: { issue: { kind: 'unknownVersion', found: JSON.stringify(value ?? null), readable }, line: nodeLine(node) } };
}

// One line per field: no folding, and multi-line text double-quoted with escapes (block scalars
// would keep significant trailing spaces that editors strip).
const STRING_OPTIONS: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false, blockQuote: false };

/**
 * A YAML document as the file's text, in the style every file this extension writes has, with the
 * file's line ending and byte order mark. YAML reads a CRLF anywhere, inside quoted scalars too, as
 * one line break (YAML 1.2, 5.4), so converting every LF keeps every value, as git's own conversion does.
 */
export function yamlText(doc: Document, { lineEnding = '\n', bom = false }: { readonly lineEnding?: LineEnding; readonly bom?: boolean } = {}): string {
  const out = doc.toString(STRING_OPTIONS);
  const text = lineEnding === '\r\n' ? out.replace(/\n/gu, '\r\n') : out;
  return bom ? `\uFEFF${text}` : text;
}
