/**
 * A document of a REFI-QDA export, prepared: its annotations placed in the text written for it
 * (found again by quote and context when the text changed), or left out with the reason.
 */
import { anchorEntries } from '../annotations/anchoring';
import { CodePointIndex, TextPositions, toLf } from '../annotations/model';
import { compareStrings } from '../util/compare';
import { isXsdDateTime, normalCodePath } from './common';
import { refiGuid, selectionGuid } from './guid';

/** A document attribute's value; null or undefined: the document has none. */
export type RefiValue = string | number | boolean | null | undefined;

/** An annotation as the sidecar has it (plus its coder). */
export interface RefiAnnotationInput {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly quote: string;
  readonly prefix?: string;
  readonly suffix?: string;
  /**
   * Stored positions, as in the sidecar: code points of the text with every line break counted as
   * one LF. When the quote is not there (the text changed since), the annotation is found again
   * by quote and context, as the editor does.
   */
  readonly start: number;
  readonly end: number;
  /** ISO timestamp; left out of the export when it is not an xsd:dateTime. */
  readonly created: string;
  readonly coder?: string;
}

export interface RefiDocumentInput {
  /** Workspace-relative path: the source's name, and what import matches documents by. */
  readonly name: string;
  /** The document's text as it is (any line breaks). */
  readonly text: string;
  readonly annotations: readonly RefiAnnotationInput[];
  /** Attributes of the document: party, ministry, dates (`YYYY-MM-DD`), days to answer, ... */
  readonly attributes?: Readonly<Record<string, RefiValue>>;
}

export type SkipReason = 'notFound' | 'empty';

/** An annotation left out of the export. */
export interface SkippedAnnotation {
  readonly document: string;
  readonly id: string;
  /** `notFound`: its quote is no longer in the text; `empty`: it covers no text. */
  readonly reason: SkipReason;
}

/** A placed annotation: positions in the written source. */
export interface Selection {
  readonly guid: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly created?: string;
  readonly coder?: string;
}

export interface PreparedDocument {
  readonly name: string;
  /** The name made unique (documents with the same name get numbered): what GUIDs derive from. */
  readonly key: string;
  readonly guid: string;
  readonly caseGuid: string;
  readonly source: string;
  readonly selections: Selection[];
  readonly attributes: Readonly<Record<string, RefiValue>>;
}

/** Makes `key` unique among `seen` by numbering repeats (for GUIDs of things with the same name). */
export function uniqueKey(seen: Map<string, number>, key: string): string {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0 ? key : `${key}\u0000${n}`;
}

/** Places a document's annotations in the text written for it. */
export function prepareDocument(d: RefiDocumentInput, guidKey: string, skipped: SkippedAnnotation[]): PreparedDocument {
  const positions = new TextPositions(d.text);
  const lf = positions.lf;
  const bom = lf.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? lf.slice(1) : lf;
  const lfPoints = new CodePointIndex(lf);
  const annotations = [...d.annotations].sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
  // Stored positions of each annotation in `lf`, where its quote is; others are anchored below.
  const stored: ({ start: number; end: number } | undefined)[] = annotations.map((a) => {
    if (!(a.end > a.start) || a.quote.length === 0) return undefined;
    const s = lfPoints.toUtf16(a.start);
    const e = lfPoints.toUtf16(a.end);
    return lf.slice(s, e) === toLf(a.quote) && lfPoints.toCodePoint(s) === a.start && lfPoints.toCodePoint(e) === a.end
      ? { start: a.start, end: a.end } : undefined;
  });
  const lost = annotations.map((a, i) => (stored[i] === undefined && a.quote.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (lost.length > 0) {
    const found = anchorEntries(positions, lost.map((i) => {
      const a = annotations[i];
      return { quote: a.quote, prefix: a.prefix ?? '', suffix: a.suffix ?? '', start: a.start, end: a.end };
    }));
    lost.forEach((i, k) => {
      const f = found[k];
      if (f) stored[i] = { start: positions.toStored(f.start), end: positions.toStored(f.end) };
    });
  }
  const ids = new Map<string, number>();
  const selections: Selection[] = [];
  annotations.forEach((a, i) => {
    const at = stored[i];
    if (!at) {
      skipped.push({ document: d.name, id: a.id, reason: a.quote.length === 0 || !(a.end > a.start) ? 'empty' : 'notFound' });
      return;
    }
    const start = Math.max(0, at.start - bom);
    const end = Math.max(0, at.end - bom);
    if (end <= start) {
      skipped.push({ document: d.name, id: a.id, reason: 'empty' });
      return;
    }
    const key = uniqueKey(ids, a.id);
    const tags = [...new Set(a.tags.map(normalCodePath).filter((t) => t.length > 0))];
    const coder = a.coder?.trim();
    selections.push({
      guid: key === a.id ? selectionGuid(guidKey, a.id) : refiGuid('selection', guidKey, key),
      id: key,
      start, end,
      quote: lf.slice(lfPoints.toUtf16(at.start), lfPoints.toUtf16(at.end)),
      tags,
      ...(a.note && a.note.trim() ? { note: a.note } : {}),
      ...(isXsdDateTime(a.created) ? { created: a.created } : {}),
      ...(coder ? { coder } : {}),
    });
  });
  selections.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
  return {
    name: d.name, key: guidKey, guid: refiGuid('source', guidKey), caseGuid: refiGuid('case', guidKey), source, selections,
    attributes: d.attributes ?? {},
  };
}
