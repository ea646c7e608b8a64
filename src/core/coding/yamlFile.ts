/**
 * Safe loading of a hand-edited YAML file, as the sidecar parser does it: YAML 1.2 core schema,
 * no custom tags, bounded aliases, unique keys, a git merge conflict reported as such at its
 * `<<<<<<<` line, problems with 1-based line numbers. Never throws. Used for the codebook.
 */
import { type Document, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { lineEndingOf, type LineEnding, mergeConflictOffset, type SidecarIssue } from '../annotations/sidecar';

/** The problems of the YAML itself, worded as for a sidecar (`describeIssue`). */
export type YamlIssue = Extract<SidecarIssue, { kind: 'tooLarge' | 'yaml' | 'mergeConflict' | 'tooManyAliases' | 'unsupportedTag' }>;

export interface LoadedYaml {
  /** The parsed document: absent when the file is too large or YAML could not be read at all. */
  readonly doc?: Document;
  readonly problems: { readonly issue: YamlIssue; readonly line?: number }[];
  /** The problems make the content unusable (nothing should be read from `doc`). */
  readonly fatal: boolean;
  readonly bom: boolean;
  readonly lineEnding: LineEnding;
  /** The text of a 1-based line (without its line break); empty past the end. */
  readonly lineText: (line: number) => string;
  /** The 1-based line of a node, when known. */
  readonly nodeLine: (node: unknown) => number | undefined;
}

const MAX_ALIAS_COUNT = 100;
const ALLOWED_TAGS = new Set([
  'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq',
]);

/** Loads `withBom` (a byte order mark is noted and skipped); a text over `maxLength` characters is refused. */
export function loadYaml(withBom: string, maxLength: number): LoadedYaml {
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
    const conflict = mergeConflictOffset(text);
    if (conflict !== undefined) return { ...base, doc, fatal: true, problems: [{ issue: { kind: 'mergeConflict' }, line: lineOf(conflict) }] };
  }
  const first = (s: string): string => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/u, '');
  for (const e of [...doc.errors, ...doc.warnings]) problems.push({ issue: { kind: 'yaml', detail: first(e.message) }, line: lineOf(e.pos[0]) });
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
  return { ...base, doc, problems, fatal: doc.errors.length > 0 || aliases > MAX_ALIAS_COUNT || badTag };
}

/** A node as plain data with bounded aliases, or the error that stopped the conversion (an alias bomb). */
export function plainValue(node: unknown, doc: Document): { value: unknown } | { error: string } {
  if (!isNode(node)) return { value: node };
  try {
    return { value: node.toJSON(doc, { maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: false } as never) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
