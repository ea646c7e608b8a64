/**
 * Renaming and merging tags, as pure planners over file texts: given a sidecar's (or the
 * codebook's) text and `{ from, to }`, the new text with the smallest diff and how many entries
 * changed. Renaming to a tag that exists merges the two; renaming a parent renames its children
 * (`from/x` → `to/x`). Only the affected entries' `tags` lines (the codebook: `name` lines, and the
 * entries merged away) change; the version, comments, unknown fields and every other line stay as
 * they are. A file with problems is never rewritten: its problems are returned instead.
 */
import { type Document, isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { parseSidecar, type SidecarProblem } from '../annotations/sidecar';
import { yamlText } from '../util/yamlFile';
import { addCodeField, type CodebookProblem, parseCodebook } from './codebook';
import { isValidTagPath, normalizeTag, TAG_SEPARATOR, tagSegments } from './tags';

export interface TagRename {
  /** The tag to rename; its children are renamed with it. */
  readonly from: string;
  /** The new name; a tag that exists already: the two are merged. */
  readonly to: string;
}

export type RenamePlan<P> =
  /** `text` is the new file text (the same string when nothing changed). */
  | { readonly ok: true; readonly text: string; readonly changed: number }
  | { readonly ok: false; readonly problems: readonly P[] };

/** Throws a RangeError for a rename that is not one (check user input with `isValidTagPath` first). */
function checkRename(rename: TagRename): void {
  if (!isValidTagPath(rename.from) || !isValidTagPath(rename.to)) {
    throw new RangeError(`not a tag path: ${JSON.stringify(isValidTagPath(rename.from) ? rename.to : rename.from)}`);
  }
}

/**
 * The new name of `tag` under `rename` (normal form), or undefined when the rename does not
 * touch it: "antwoord/ontwijkend" under { from: "antwoord", to: "reactie" } is "reactie/ontwijkend".
 */
export function renamedTag(tag: string, rename: TagRename): string | undefined {
  const from = tagSegments(rename.from);
  const segments = tagSegments(tag);
  if (from.length === 0 || segments.length < from.length) return undefined;
  for (let i = 0; i < from.length; i++) if (segments[i] !== from[i]) return undefined;
  return [...tagSegments(rename.to), ...segments.slice(from.length)].join(TAG_SEPARATOR);
}

/**
 * Renames (or merges) a tag in one sidecar. Each entry whose tags the rename touches gets its new
 * tags in place (a block list stays a block list, comments stay), a tag that becomes a duplicate
 * in the entry kept once, at its first place. `changed` counts those entries. Version 1 files stay
 * version 1: positions are not touched.
 */
export function planSidecarRename(text: string, rename: TagRename): RenamePlan<SidecarProblem> {
  checkRename(rename);
  const parsed = parseSidecar(text);
  if (parsed.problems.length > 0 || !parsed.yaml) return { ok: false, problems: parsed.problems };
  const doc = parsed.yaml;
  const list = isMap(doc.contents) ? doc.contents.get('annotations', true) : undefined;
  if (!isSeq(list)) return { ok: true, text, changed: 0 };
  let changed = 0;
  for (const item of list.items) {
    if (isMap(item) && renameInEntry(item, rename)) changed++;
  }
  return changed === 0 ? { ok: true, text, changed } : { ok: true, text: yamlText(doc, parsed), changed };
}

/** Renames the tags of one entry in place; whether anything changed. */
function renameInEntry(entry: YAMLMap, rename: TagRename): boolean {
  const tags: unknown = entry.get('tags', true);
  if (isScalar(tags)) {
    if (typeof tags.value !== 'string') return false;
    const next = renamedTag(tags.value, rename);
    if (next === undefined || next === normalizeTag(tags.value)) return false;
    tags.value = next;
    return true;
  }
  if (!isSeq(tags)) return false;
  let touched = false;
  for (const t of tags.items) {
    if (!isScalar(t) || typeof t.value !== 'string') continue;
    const next = renamedTag(t.value, rename);
    if (next !== undefined && next !== normalizeTag(t.value)) {
      t.value = next;
      touched = true;
    }
  }
  if (!touched) return false;
  const seen = new Set<string>();
  tags.items = tags.items.filter((t) => {
    if (!isScalar(t) || typeof t.value !== 'string') return true;
    const key = normalizeTag(t.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return true;
}

/**
 * Renames (or merges) a code in the codebook. Renamed codes keep their entry (comments and other
 * fields), with the new name in place. A code renamed onto an existing one is merged into it: the
 * existing entry stays, takes a description, colour or memo it lacks from the merged one, and the
 * merged entry is removed. `changed` counts renamed and merged codes.
 */
export function planCodebookRename(text: string, rename: TagRename): RenamePlan<CodebookProblem> {
  checkRename(rename);
  const parsed = parseCodebook(text);
  if (parsed.problems.length > 0 || !parsed.yaml) return { ok: false, problems: parsed.problems };
  const doc = parsed.yaml;
  const list = isMap(doc.contents) ? doc.contents.get('codes', true) : undefined;
  if (!isSeq(list)) return { ok: true, text, changed: 0 };
  // The entries by their final name: an entry that keeps its name is the one others merge into.
  const entries: { node: YAMLMap; name: Scalar; next?: string }[] = [];
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const name = item.get('name', true);
    if (!isScalar(name) || typeof name.value !== 'string') continue;
    const next = renamedTag(name.value, rename);
    entries.push({ node: item, name, ...(next !== undefined && next !== normalizeTag(name.value) ? { next } : {}) });
  }
  const target = new Map<string, YAMLMap>();
  for (const e of entries) if (e.next === undefined) target.set(normalizeTag(String(e.name.value)), e.node);
  const removed = new Set<YAMLMap>();
  let changed = 0;
  for (const e of entries) {
    if (e.next === undefined) continue;
    changed++;
    const into = target.get(e.next);
    if (into) {
      fillGaps(doc, into, e.node);
      removed.add(e.node);
      continue;
    }
    e.name.value = e.next;
    target.set(e.next, e.node);
  }
  if (changed === 0) return { ok: true, text, changed };
  if (removed.size > 0) list.items = list.items.filter((i) => !(isMap(i) && removed.has(i)));
  return { ok: true, text: yamlText(doc, parsed), changed };
}

/** Gives `into` the description, colour and memo it lacks from `from` (nodes, comments and all), in field order. */
function fillGaps(doc: Document, into: YAMLMap, from: YAMLMap): void {
  for (const field of ['description', 'color', 'memo'] as const) {
    const value: unknown = from.get(field, true);
    const plain = isScalar(value) ? value.value : value;
    if (plain === undefined || plain === null || plain === '') continue;
    const current = into.get(field);
    if (current !== undefined && current !== null && current !== '') continue;
    if (into.has(field)) into.delete(field);
    addCodeField(doc, into, field, value);
  }
}
