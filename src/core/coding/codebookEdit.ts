/**
 * Small edits of the codebook, as pure planners over its text (as `rename.ts` does renames): add
 * codes that are used but missing, set a code's memo. Only the entries concerned change (a new
 * entry is appended to `codes`); comments, unknown fields and every other line stay as they are.
 * A codebook with problems is never rewritten: its problems are returned instead. No file (text
 * undefined or empty) gives a new codebook.
 */
import { type Document, isMap, isScalar, isSeq, type YAMLMap, YAMLSeq } from 'yaml';
import { yamlText } from '../util/yamlFile';
import { addCodeField, type CodebookProblem, parseCodebook, serializeCodebook } from './codebook';
import type { RenamePlan } from './rename';
import { isValidTagPath, normalizeTag } from './tags';

export type CodebookPlan = RenamePlan<CodebookProblem>;

type Parsed = ReturnType<typeof parseCodebook>;

/** The codebook's parsed document and its `codes` list (made when missing), or its problems. */
function open(text: string): { parsed: Parsed; doc: Document; codes: YAMLSeq } | { problems: readonly CodebookProblem[] } {
  const parsed = parseCodebook(text);
  if (parsed.problems.length > 0 || !parsed.yaml) return { problems: parsed.problems };
  const doc = parsed.yaml;
  if (!isMap(doc.contents)) return { problems: [] };
  const list: unknown = doc.contents.get('codes', true);
  if (isSeq(list)) {
    // An empty flow list `codes: []` becomes a block list once it has entries.
    if (list.items.length === 0) list.flow = false;
    return { parsed, doc, codes: list };
  }
  const codes = new YAMLSeq();
  doc.contents.set('codes', codes);
  return { parsed, doc, codes };
}

function entryOf(codes: YAMLSeq, name: string): YAMLMap | undefined {
  for (const item of codes.items) {
    if (!isMap(item)) continue;
    const n = item.get('name');
    if (typeof n === 'string' && normalizeTag(n) === name) return item;
  }
  return undefined;
}

function isEmpty(text: string | undefined): boolean {
  return text === undefined || text.replace(/^\uFEFF/u, '').trim() === '';
}

/**
 * Adds the codes `names` (tag paths; normal form) that the codebook does not define, in the order
 * given, at the end of `codes`. `changed` counts the codes added. Throws a RangeError for a name
 * that is not a tag path.
 */
export function planAddCodes(text: string | undefined, names: readonly string[]): CodebookPlan {
  for (const n of names) if (!isValidTagPath(n)) throw new RangeError(`not a tag path: ${JSON.stringify(n)}`);
  const wanted = [...new Set(names.map(normalizeTag))];
  if (isEmpty(text)) return { ok: true, text: serializeCodebook(wanted.map((name) => ({ name }))), changed: wanted.length };
  const opened = open(text ?? '');
  if ('problems' in opened) return { ok: false, problems: opened.problems };
  const { parsed, doc, codes } = opened;
  let changed = 0;
  for (const name of wanted) {
    if (entryOf(codes, name)) continue;
    codes.items.push(doc.createNode({ name }));
    changed++;
  }
  return changed === 0 ? { ok: true, text: text ?? '', changed } : { ok: true, text: yamlText(doc, parsed), changed };
}

/**
 * Sets the memo of the code `name` (an empty memo removes it), adding the code when the codebook
 * lacks it. `changed` is 1 when the text changed, else 0.
 */
export function planCodeMemo(text: string | undefined, name: string, memo: string): CodebookPlan {
  if (!isValidTagPath(name)) throw new RangeError(`not a tag path: ${JSON.stringify(name)}`);
  const tag = normalizeTag(name);
  const value = memo.trim();
  if (isEmpty(text)) {
    return value ? { ok: true, text: serializeCodebook([{ name: tag, memo: value }]), changed: 1 } : { ok: true, text: text ?? '', changed: 0 };
  }
  const opened = open(text ?? '');
  if ('problems' in opened) return { ok: false, problems: opened.problems };
  const { parsed, doc, codes } = opened;
  const entry = entryOf(codes, tag);
  if (!entry) {
    if (!value) return { ok: true, text: text ?? '', changed: 0 };
    codes.items.push(doc.createNode({ name: tag, memo: value }));
    return { ok: true, text: yamlText(doc, parsed), changed: 1 };
  }
  const current: unknown = entry.get('memo', true);
  if (!value) {
    if (current === undefined) return { ok: true, text: text ?? '', changed: 0 };
    entry.delete('memo');
  } else if (isScalar(current)) {
    if (current.value === value) return { ok: true, text: text ?? '', changed: 0 };
    current.value = value;
  } else if (current !== undefined) {
    entry.set('memo', value);
  } else {
    addCodeField(doc, entry, 'memo', value);
  }
  return { ok: true, text: yamlText(doc, parsed), changed: 1 };
}
