/**
 * Hierarchical tags: a tag is a path of names separated by `/` ("antwoord/ontwijkend" is the child
 * "ontwijkend" of "antwoord"). Parsing paths, the tree of tags with counts that roll up, and
 * grouping by level. Pure.
 *
 * A path is compared in its normal form: every name trimmed, one `/` between names
 * ("antwoord / ontwijkend" is "antwoord/ontwijkend"). A path with an empty name ("a//b", "/a",
 * "a/") is not valid; `tagSegments` drops the empty names of such a path.
 */
import { compareStrings } from '../util/compare';

export const TAG_SEPARATOR = '/';

/** The names of a tag path, trimmed, empty ones dropped: "antwoord / ontwijkend" → ["antwoord", "ontwijkend"]. */
export function tagSegments(tag: string): string[] {
  const out: string[] = [];
  for (const part of tag.split(TAG_SEPARATOR)) {
    const name = part.trim();
    if (name) out.push(name);
  }
  return out;
}

/** The normal form of a tag path: names trimmed, joined by one `/`. */
export function normalizeTag(tag: string): string {
  return tag.includes(TAG_SEPARATOR) ? tagSegments(tag).join(TAG_SEPARATOR) : tag.trim();
}

/** Whether a tag path is usable: at least one name, and no empty name between separators. */
export function isValidTagPath(tag: string): boolean {
  const parts = tag.split(TAG_SEPARATOR);
  return parts.every((p) => p.trim().length > 0);
}

/** How deep a tag is: 1 for "antwoord", 2 for "antwoord/ontwijkend" (0 for an empty tag). */
export function tagDepth(tag: string): number {
  return tagSegments(tag).length;
}

/** The last name of a path: "ontwijkend" for "antwoord/ontwijkend". */
export function tagName(tag: string): string {
  const s = tagSegments(tag);
  return s[s.length - 1] ?? '';
}

/** The parent path, or undefined for a top-level tag. */
export function parentTag(tag: string): string | undefined {
  const s = tagSegments(tag);
  return s.length > 1 ? s.slice(0, -1).join(TAG_SEPARATOR) : undefined;
}

/** The tag and its ancestors, top first: "a/b/c" → ["a", "a/b", "a/b/c"] (normal form). */
export function tagAndAncestors(tag: string): string[] {
  const s = tagSegments(tag);
  return s.map((_, i) => s.slice(0, i + 1).join(TAG_SEPARATOR));
}

/** Whether `tag` is `ancestor` or lies below it (both compared in normal form). */
export function isSameOrBelow(tag: string, ancestor: string): boolean {
  const t = normalizeTag(tag);
  const a = normalizeTag(ancestor);
  return a.length > 0 && (t === a || t.startsWith(a + TAG_SEPARATOR));
}

/**
 * The tag cut to `level` names (1 = top level): "antwoord/ontwijkend/deels" at level 1 is
 * "antwoord". A tag with fewer names is itself. Level < 1 is taken as 1.
 */
export function tagAtLevel(tag: string, level: number): string {
  return tagSegments(tag).slice(0, Math.max(1, Math.floor(level))).join(TAG_SEPARATOR);
}

/** Tags grouped under their ancestor at `level` (normal form), groups and members sorted by `compareTags`. */
export function groupTagsByLevel(tags: Iterable<string>, level: number): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const tag of tags) {
    const t = normalizeTag(tag);
    if (!t) continue;
    const key = tagAtLevel(t, level);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Set()));
    g.add(t);
  }
  const out = new Map<string, string[]>();
  for (const key of [...groups.keys()].sort(compareTags)) out.set(key, [...(groups.get(key) ?? [])].sort(compareTags));
  return out;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Orders names as people read them (Dutch collation, numbers by value); names equal but for case or accents by code point. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || compareStrings(a, b);
}

/** Orders tag paths name by name (`compareNames`); a parent before its children. */
export function compareTags(a: string, b: string): number {
  const sa = tagSegments(a);
  const sb = tagSegments(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = compareNames(sa[i], sb[i]);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

/** What the tree counts: a tagged passage of a document. */
export interface TaggedPassage {
  /** The document (a workspace-relative path or URI: anything that names it). */
  readonly document: string;
  readonly tags: readonly string[];
}

export interface TagNode {
  /** The full path, in normal form. */
  readonly path: string;
  /** The last name of the path. */
  readonly name: string;
  /** 1 for a top-level tag. */
  readonly depth: number;
  readonly children: TagNode[];
  /** Passages tagged with exactly this tag. */
  own: number;
  /**
   * Passages tagged with this tag or any tag below it, each counted once: a passage with both a
   * parent and a child tag, or with two children, counts one for the parent.
   */
  total: number;
  /** Documents with at least one of the `total` passages. */
  documents: number;
}

/**
 * The tree of tags used by `passages`, with counts that roll up; `extra` adds tags with no
 * passages (the codebook's). Parents that nobody uses exactly appear as nodes with `own` 0. Roots
 * and children are sorted by `compareTags`. O(passages × tags per passage × depth).
 */
export function buildTagTree(passages: Iterable<TaggedPassage>, extra: Iterable<string> = []): TagNode[] {
  const byDocument = new Map<string, (readonly string[])[]>();
  for (const p of passages) {
    const lists = byDocument.get(p.document);
    if (lists) lists.push(p.tags); else byDocument.set(p.document, [p.tags]);
  }
  return buildTagTreeOfDocuments(byDocument.values(), extra);
}

/**
 * `buildTagTree` of passages given per document, each passage by its tag list (no passage object
 * each). Passages share their tag lists (see the corpus cache's sharedTags): each list is read once.
 */
export function buildTagTreeOfDocuments(documents: Iterable<Iterable<readonly string[]>>, extra: Iterable<string> = []): TagNode[] {
  const nodes = new Map<string, TagNode>();
  const roots: TagNode[] = [];
  const node = (path: string): TagNode => {
    let n = nodes.get(path);
    if (n) return n;
    const segments = tagSegments(path);
    n = { path, name: segments[segments.length - 1], depth: segments.length, children: [], own: 0, total: 0, documents: 0 };
    nodes.set(path, n);
    const parent = parentTag(path);
    if (parent === undefined) roots.push(n); else node(parent).children.push(n);
    return n;
  };
  for (const tag of extra) {
    const t = normalizeTag(tag);
    if (t) node(t);
  }
  const expanded = new Map<readonly string[], { readonly own: TagNode[]; readonly rolled: TagNode[] }>();
  const expand = (tags: readonly string[]): { readonly own: TagNode[]; readonly rolled: TagNode[] } => {
    let e = expanded.get(tags);
    if (e) return e;
    const own = new Set<string>();
    const rolled = new Set<string>();
    for (const tag of tags) {
      const t = normalizeTag(tag);
      if (!t) continue;
      own.add(t);
      for (const a of tagAndAncestors(t)) rolled.add(a);
    }
    e = { own: [...own].map(node), rolled: [...rolled].map(node) };
    expanded.set(tags, e);
    return e;
  };
  // The nodes a document's passages count for: each counts the document once.
  const touched = new Set<TagNode>();
  for (const passages of documents) {
    touched.clear();
    for (const tags of passages) {
      const { own, rolled } = expand(tags);
      for (const n of own) n.own++;
      for (const n of rolled) {
        n.total++;
        touched.add(n);
      }
    }
    for (const n of touched) n.documents++;
  }
  const sort = (list: TagNode[]): void => {
    list.sort((a, b) => compareTags(a.path, b.path));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The nodes of a tree, parents before their children (the order of an indented list). */
export function flattenTagTree(roots: readonly TagNode[]): TagNode[] {
  const out: TagNode[] = [];
  const walk = (list: readonly TagNode[]): void => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}
