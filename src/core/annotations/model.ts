/**
 * Annotations: tagged passages with an optional note. Plain data; no editor APIs.
 *
 * In memory every offset is a UTF-16 offset into the document text as the editor has it
 * (`TextDocument.offsetAt`). The sidecar stores positions that do not depend on the platform the
 * text was checked out on: Unicode code points of the text with every line break (CRLF, CR, LF)
 * counted as one LF, and quote and context with LF line breaks. `TextPositions` converts.
 */
import { countBefore, countBelow } from '../util/search';

/**
 * A sidecar entry. Offsets are stored positions (code points of the text with LF line breaks);
 * quote, prefix and suffix have LF line breaks. So a CRLF and an LF copy of one text give the
 * same entry.
 */
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
  /**
   * Who coded the passage (a name or initials), for comparing coders. Optional: entries without it
   * stay as they are. Writing an entry whose `coder` is undefined leaves the field in the file as it
   * is (code that does not know the field keeps it); an empty string removes it.
   */
  readonly coder?: string;
}

/** Characters of context kept before and after a quote. */
const CONTEXT_LENGTH = 32;

/**
 * A random 8-hex-digit id not in `taken`. It starts with a letter (a–f), so that YAML reads it as
 * text: an id of digits only ("97396583") or like a float ("12e45678") would have to be quoted.
 */
export function newId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    let id = (10 + Math.floor(random() * 6)).toString(16);
    for (let i = 1; i < 8; i++) id += Math.floor(random() * 16).toString(16);
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

/** A new sidecar entry for [start, end) (UTF-16 offsets) in `text`. */
export function createAnnotation(text: string | TextPositions, start: number, end: number, fields: {
  id: string; tags: readonly string[]; note?: string; created: string; coder?: string;
}): Annotation {
  const positions = typeof text === 'string' ? new TextPositions(text) : text;
  return { ...fields, ...positions.selector(start, end), ...(fields.note ? { note: fields.note } : {}) };
}

/** A string with every line break (CRLF, CR) as LF. */
export function toLf(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/gu, '\n') : s;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** How many of the ascending `marks` (each one unit that a shorter view drops) lie before view offset `n`. */
function countBeforeInView(marks: readonly number[], n: number): number {
  // The k-th dropped unit (0-based) sits at view offset marks[k] - k.
  return countBefore(marks.length, (k) => marks[k] - k < n);
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
    return utf16 - countBelow(this.astral, utf16);
  }

  /** The UTF-16 offset of a code-point offset (clamped to the text). */
  toUtf16(codePoint: number): number {
    return Math.min(this.text.length, Math.max(0, codePoint + countBeforeInView(this.astral, codePoint)));
  }
}

/**
 * Stored positions of one text: code points of the text with every line break as one LF, the
 * same for a CRLF and an LF copy. Converts them to and from UTF-16 offsets of the text as it is
 * in O(log k), k the number of CRLF pairs and astral characters; a text without CR or astral
 * characters converts in O(1) and is not copied.
 */
export class TextPositions {
  /** The text with every line break (CRLF, CR) as LF: what stored positions and quotes count on. */
  readonly lf: string;
  /** UTF-16 offsets in `text` of the CR of each CRLF pair, ascending. */
  private readonly crlf: number[] = [];
  private readonly points: CodePointIndex;

  constructor(readonly text: string) {
    if (text.includes('\r')) {
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
        if (text.charCodeAt(i + 1) === 10) this.crlf.push(i);
      }
      this.lf = toLf(text);
    } else {
      this.lf = text;
    }
    this.points = new CodePointIndex(this.lf);
  }

  /** The offset in `lf` of an offset in `text` (one between CR and LF rounds down to the CR). */
  toLfOffset(utf16: number): number {
    return utf16 - countBelow(this.crlf, utf16);
  }

  /** The offset in `text` of an offset in `lf` (clamped to the text). */
  fromLfOffset(lfOffset: number): number {
    return Math.min(this.text.length, Math.max(0, lfOffset + countBeforeInView(this.crlf, lfOffset)));
  }

  /** The offset in `lf` of a stored position (clamped to the text). */
  lfOffsetOf(stored: number): number {
    return this.points.toUtf16(stored);
  }

  /** The stored position of a UTF-16 offset in `text`. */
  toStored(utf16: number): number {
    return this.points.toCodePoint(this.toLfOffset(utf16));
  }

  /** The UTF-16 offset in `text` of a stored position (clamped to the text). */
  toUtf16(stored: number): number {
    return this.fromLfOffset(this.points.toUtf16(stored));
  }

  /** What the sidecar stores for the passage [start, end) of `text` (UTF-16 offsets). */
  selector(start: number, end: number): { quote: string; prefix: string; suffix: string; start: number; end: number } {
    const s = this.toLfOffset(start);
    const e = this.toLfOffset(end);
    return { ...contextOf(this.lf, s, e), start: this.points.toCodePoint(s), end: this.points.toCodePoint(e) };
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

/**
 * Whether `saved` is `text` as VS Code writes it when an untitled document is saved as a file:
 * the same apart from what save participants change (line endings, trailing whitespace, final
 * newlines). Used to carry an untitled document's annotations over to the file it was saved as.
 */
export function sameTextAfterSave(text: string, saved: string): boolean {
  const normal = (t: string): string => t.split(/\r\n|\r|\n/u).map((line) => line.trimEnd()).join('\n').trimEnd();
  return normal(text) === normal(saved);
}
