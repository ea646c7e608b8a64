/**
 * Placing imported selections in the workspace's documents: which document a source is (same
 * name, or same base name, or the same text under another name; line breaks and a byte order
 * mark do not count), where each selection lies in it (by position, checked by quote through the
 * editor's re-anchoring), and the annotations they become (ids that never clash, nothing added
 * twice).
 */
import { anchorEntries, type Selector } from '../annotations/anchoring';
import { type Annotation, CodePointIndex, createAnnotation, newId, sameTextAfterSave, TextPositions, toLf } from '../annotations/model';
import { idFromSelectionGuid, sha1, utf8 } from './guid';
import { refiProblem, type RefiImportProblem } from './importIssues';
import type { ReadSelection, SourceSelection } from './importProject';

/** A document of the workspace, and the annotations it has (to keep their ids and not add them twice). */
export interface RefiWorkspaceDocument {
  /** Workspace-relative path. */
  readonly name: string;
  readonly text: string;
  /** Its current sidecar entries (stored positions). */
  readonly annotations?: readonly Pick<Annotation, 'id' | 'start' | 'end' | 'tags'>[];
}

/** An annotation to add: a sidecar entry (stored positions), with its coder. */
export type ImportedAnnotation = Annotation & { readonly coder?: string };

export interface ImportedDocument {
  /** The workspace document's name. */
  readonly name: string;
  /** The source it comes from (its name in the file). */
  readonly source: string;
  /** Annotations to add, ordered by position. */
  readonly annotations: ImportedAnnotation[];
}

/** A deterministic random source for `newId`, from a seed (so that an import gives the same ids twice). */
function seeded(seed: string): () => number {
  const h = sha1(utf8(seed));
  let s = ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spanKey(start: number, end: number, tags: readonly string[]): string {
  return JSON.stringify([start, end, [...tags].sort()]);
}

/** A selection placed in a document. */
interface PlacedSelection {
  readonly guid: string;
  readonly groups: SourceSelection['groups'];
  readonly note?: string;
  readonly positions: TextPositions;
  /** UTF-16 offsets in the document text. */
  readonly start: number;
  readonly end: number;
  /** Stored positions in the document. */
  readonly stored: { readonly start: number; readonly end: number };
}

/** Places selections (code points of `raw`, the source text) in the matched document, by position and quote. */
export function placeSelections(
  raw: string, sourceName: string, selections: readonly ReadSelection[],
  document: RefiWorkspaceDocument, problems: RefiImportProblem[],
): PlacedSelection[] {
  const rawPoints = new CodePointIndex(raw);
  const rawLength = rawPoints.toCodePoint(raw.length);
  const rawPositions = new TextPositions(raw);
  const positions = new TextPositions(document.text);
  // A byte order mark at the start of the document text is one code point the source lacks.
  const bom = positions.lf.charCodeAt(0) === 0xfeff ? 1 : 0;
  const inRange: (SourceSelection & Selector)[] = [];
  for (const s of selections) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > rawLength) {
      problems.push(refiProblem({ kind: 'selectionOutOfRange', source: sourceName, start: s.startText, end: s.endText }));
      continue;
    }
    const selector = rawPositions.selector(rawPoints.toUtf16(s.start), rawPoints.toUtf16(s.end));
    inRange.push({ ...s, ...selector, start: selector.start + bom, end: selector.end + bom });
  }
  const found = anchorEntries(positions, inRange);
  const out: PlacedSelection[] = [];
  inRange.forEach((s, i) => {
    const f = found[i];
    if (!f) {
      problems.push(refiProblem({ kind: 'selectionNotPlaced', source: sourceName, quote: s.quote.length > 80 ? `${s.quote.slice(0, 79)}…` : s.quote }));
      return;
    }
    out.push({
      guid: s.guid, groups: s.groups, ...(s.note ? { note: s.note } : {}), positions, start: f.start, end: f.end,
      stored: { start: positions.toStored(f.start), end: positions.toStored(f.end) },
    });
  });
  return out;
}

/**
 * Adds placed selections to `target` as annotations (one per coder of a selection): ids never
 * clash with the document's; a span with the same tags as one the document has is not added
 * again. Returns how many were not added so.
 */
export function addPlaced(placed: readonly PlacedSelection[], target: ImportedDocument, index: WorkspaceIndex, document: RefiWorkspaceDocument): number {
  let alreadyPresent = 0;
  const taken = index.takenIds(document);
  const existing = index.spans(document);
  for (const p of placed) {
    p.groups.forEach((g, k) => {
      const key = spanKey(p.stored.start, p.stored.end, g.tags);
      if (existing.has(key)) { alreadyPresent++; return; }
      existing.add(key);
      const wanted = k === 0 ? idFromSelectionGuid(p.guid) : undefined;
      const id = wanted && !taken.has(wanted) ? wanted : newId(taken, seeded(`${p.guid}/${k}`));
      taken.add(id);
      const note = k === 0 ? p.note : undefined;
      const annotation = createAnnotation(p.positions, p.start, p.end, { id, tags: g.tags, ...(note ? { note } : {}), created: g.created });
      target.annotations.push(g.coder ? { ...annotation, coder: g.coder } : annotation);
    });
  }
  return alreadyPresent;
}

/** How a source's text compares with the workspace's documents. */
type SourceMatch =
  | { readonly kind: 'same'; readonly document: RefiWorkspaceDocument }
  | { readonly kind: 'differs'; readonly document: RefiWorkspaceDocument }
  | { readonly kind: 'none' };

/** A text for comparing: LF line breaks, no byte order mark. */
function comparable(text: string): string {
  return toLf(text).replace(/^\uFEFF/u, '');
}

function baseName(name: string): string {
  const file = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = file.lastIndexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).trim().toLowerCase();
}

export class WorkspaceIndex {
  private readonly byText = new Map<string, RefiWorkspaceDocument>();
  private readonly ids = new Map<RefiWorkspaceDocument, Set<string>>();
  private readonly spanKeys = new Map<RefiWorkspaceDocument, Set<string>>();
  private readonly texts = new Map<RefiWorkspaceDocument, string>();

  constructor(private readonly documents: readonly RefiWorkspaceDocument[]) {
    for (const d of documents) {
      const t = comparable(d.text);
      this.texts.set(d, t);
      if (!this.byText.has(t)) this.byText.set(t, d);
    }
  }

  /** The document a source is: by name (exact, then base name) with the same text, else any with the same text. */
  match(sourceName: string, raw: string): SourceMatch {
    const text = comparable(raw);
    const named = [
      ...this.documents.filter((d) => d.name === sourceName),
      ...this.documents.filter((d) => d.name !== sourceName && baseName(d.name) === baseName(sourceName)),
    ];
    for (const d of named) if (this.texts.get(d) === text) return { kind: 'same', document: d };
    const sameText = this.byText.get(text);
    if (sameText) return { kind: 'same', document: sameText };
    // Only trailing whitespace and final line breaks differ: positions may shift, quotes place them.
    for (const d of named) if (sameTextAfterSave(this.texts.get(d) ?? '', text)) return { kind: 'same', document: d };
    return named.length > 0 ? { kind: 'differs', document: named[0] } : { kind: 'none' };
  }

  /** The spans and tags of a document's annotations (existing and added), as `spanKey`s. */
  spans(d: RefiWorkspaceDocument): Set<string> {
    let spans = this.spanKeys.get(d);
    if (!spans) {
      spans = new Set((d.annotations ?? []).map((a) => spanKey(a.start, a.end, a.tags)));
      this.spanKeys.set(d, spans);
    }
    return spans;
  }

  /** The ids in use in a document (its existing annotations and those this import adds). */
  takenIds(d: RefiWorkspaceDocument): Set<string> {
    let ids = this.ids.get(d);
    if (!ids) {
      ids = new Set((d.annotations ?? []).map((a) => a.id));
      this.ids.set(d, ids);
    }
    return ids;
  }
}
