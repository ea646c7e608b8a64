/**
 * Annotations: tagged passages with an optional note. Plain data; no editor APIs.
 *
 * In memory every offset is a UTF-16 offset into the document text (as `TextDocument.offsetAt`);
 * the sidecar stores Unicode code points (W3C TextPositionSelector). `CodePointIndex` converts.
 */

/** What a sidecar entry says, offsets in UTF-16 code units of the text it was written for. */
export interface Annotation {
  /** Stable, unique within its document. */
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  /** The annotated text, as it was when the annotation was last anchored. */
  readonly quote: string;
  /** Up to `CONTEXT_LENGTH` characters before the quote. */
  readonly prefix: string;
  /** Up to `CONTEXT_LENGTH` characters after it. */
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  /** ISO timestamp. */
  readonly created: string;
}

/** Characters of context kept before and after a quote. */
export const CONTEXT_LENGTH = 32;

/** A random 8-hex-digit id not in `taken`. */
export function newId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 8; i++) id += Math.floor(random() * 16).toString(16);
    if (!taken.has(id)) return id;
  }
}

/** Slices `CONTEXT_LENGTH` code points of context around [start, end) without splitting a surrogate pair. */
export function contextOf(text: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps--;
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se))) se++;
  return { quote: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se) };
}

/** A new annotation of [start, end) in `text`. */
export function createAnnotation(text: string, start: number, end: number, fields: {
  id: string; tags: readonly string[]; note?: string; created: string;
}): Annotation {
  return { ...fields, ...contextOf(text, start, end), start, end, ...(fields.note ? { note: fields.note } : {}) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Converts between UTF-16 offsets and code-point offsets of one text in O(log k), k the number
 * of astral characters (emoji, rare CJK): most texts have none and convert in O(1).
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
  }

  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair rounds down to the pair). */
  toCodePoint(utf16: number): number {
    // Every astral character that starts before utf16 took two units.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < utf16) lo = mid + 1; else hi = mid;
    }
    return utf16 - lo;
  }

  /** The UTF-16 offset of a code-point offset (clamped to the text). */
  toUtf16(codePoint: number): number {
    // The k-th astral character (0-based) starts at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < codePoint) lo = mid + 1; else hi = mid;
    }
    return Math.min(this.text.length, Math.max(0, codePoint + lo));
  }
}

/** One text change: [start, end) replaced by `length` characters (UTF-16). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/**
 * Moves a passage [start, end) through a change. Insertions at either edge stay outside the
 * passage; an edit inside adjusts its end; a passage that is deleted entirely becomes empty.
 */
export function shiftSpan(start: number, end: number, change: TextChange): { start: number; end: number } {
  const { start: a, end: b, length } = change;
  const delta = length - (b - a);
  const s = start < a ? start : start >= b ? start + delta : a;
  const e = end <= a ? end : end >= b ? end + delta : a + length;
  return { start: s, end: Math.max(s, e) };
}

/** Something with a passage that edits move. */
export interface Shiftable {
  start: number;
  end: number;
  orphaned: boolean;
}

/**
 * Moves passages through the changes of one edit, applied in order (as an editor reports them).
 * A passage deleted entirely becomes orphaned. O(passages × changes); nothing is re-read.
 */
export function shiftAll(passages: Shiftable[], changes: readonly TextChange[]): void {
  for (const change of changes) {
    for (const a of passages) {
      if (a.orphaned || a.end < change.start) continue;
      const s = shiftSpan(a.start, a.end, change);
      a.start = s.start;
      a.end = s.end;
      if (s.start === s.end) a.orphaned = true;
    }
  }
}
