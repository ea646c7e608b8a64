import type { Footnote, FootnoteRef } from './model';
import { MONTHS, isDigitCode, lineEndOf, lineStartOf, matchLines, trimEnd } from './text';
import { countBefore } from './util/search';

export interface FootnoteScan {
  readonly footnotes: Footnote[];
  readonly refs: FootnoteRef[];
  /** Start of the run of footnotes that ends the document, if it ends with footnotes. */
  readonly trailingStart?: number;
}

/**
 * A footnote line: "1 https://...", "1. text ↩︎", "[1] text", "1) text". Without the `u` flag,
 * which makes the scan about twice as costly and changes nothing here (the match runs to the line end).
 * Lines whose marker is glued to a document number or URL ("32024D27196") come from the document
 * references (an alternative for them here made this scan 40% slower).
 */
const DEF_LINE = /^[ \t\u00A0]*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)[ \t\u00A0]+(\S[^\n]*)$/gm;
/**
 * Markers: glued after a word or punctuation ("toelichten?1", "komen.1", "regeling1)"), or in
 * brackets ("[1]", "[4 5 ]"). Neither kind can start inside the other, so each is looked for by
 * itself: a glued marker is a whole run of digits (`0?n`, for n a footnote's number up to 99),
 * after one of `[a-z\u00DF-\u00FF?!.,;:)»”’"']` and not before `[0-9A-Za-z\u00C0-\u024F]`;
 * found by the run's last digit, which `indexOf` finds many times faster than a regex scan does.
 */
const BRACKETED = /\[(\d{1,2}(?:[ \t]+\d{1,2})*)[ \t]*\]/y;

function isGluedBefore(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff) || c === 63 || c === 33 || c === 46 || c === 44
    || c === 59 || c === 58 || c === 41 || c === 0xbb || c === 0x201d || c === 0x2019 || c === 34 || c === 39;
}

/** `[0-9A-Za-z\u00C0-\u024F]` */
function isGluedAfterStop(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Calls `consider` for every glued marker whose number is one of `markers` (and below 99), up
 * to `limit` (where no marker can count any more), in no particular order.
 */
function scanGluedMarkers(
  text: string, markers: Iterable<string>, limit: number, consider: (marker: string, start: number, end: number) => void,
): void {
  // Which runs of digits count: one digit n, or "0n", for n ≤ 9; two digits for 10–99.
  const one: boolean[] = new Array<boolean>(10).fill(false);
  const two: boolean[] = new Array<boolean>(100).fill(false);
  const lastDigits = new Set<number>();
  for (const m of markers) {
    const v = +m;
    if (v <= 9) {
      one[v] = true;
      two[v] = true; // "0n"
      lastDigits.add(v);
    } else if (v <= 99) {
      two[v] = true;
      lastDigits.add(v % 10);
    }
  }
  const end = Math.min(text.length, limit + 3);
  for (const d of lastDigits) {
    const ch = String.fromCharCode(48 + d);
    for (let k = text.indexOf(ch); k !== -1 && k < end; k = text.indexOf(ch, k + 1)) {
      const e = k + 1;
      if (e < text.length && isGluedAfterStop(text.charCodeAt(e))) continue; // not the run's end
      let s = k;
      while (s > 0 && isDigitCode(text.charCodeAt(s - 1))) s--;
      if (s === 0 || e - s > 2 || !isGluedBefore(text.charCodeAt(s - 1))) continue;
      const value = e - s === 1 ? (one[d] ? d : -1) : (two[(text.charCodeAt(s) - 48) * 10 + d] ? (text.charCodeAt(s) - 48) * 10 + d : -1);
      if (value < 0) continue;
      // "10.30", "1,5": a number, not a marker.
      const p = text.charCodeAt(s - 1);
      if ((p === 46 || p === 44 || p === 58) && s >= 2 && isDigitCode(text.charCodeAt(s - 2))) continue;
      consider(String(value), s, e);
    }
  }
}
const STARTS_WITH_MONTH = new RegExp(`^(?:${MONTHS.join('|')})\\b`, 'iu');

interface Candidate { marker: string; start: number; end: number; bodyStart: number; bodyEnd: number; definite: boolean }

/** A marker, paired with the first footnote line of its number after it. */
interface MarkerHit { marker: string; start: number; end: number; def: Candidate }

/**
 * Finds footnotes and their markers. A footnote line counts when it carries a back-link arrow or
 * brackets, or when a marker with its number comes before it; a marker counts only when its
 * footnote exists. Dates ("6 november 2023).") and ordinals ("11e") are neither. `glued`: where a
 * footnote's text starts right after its marker at a line start, as PDF extraction leaves a
 * superscript ("32024D27196": footnote 3, "2024D27196"); the document references find these.
 */
export function findFootnotes(text: string, glued: readonly number[] = []): FootnoteScan {
  const candidates = footnoteLines(text);
  if (glued.length > 0) {
    addGluedLines(text, glued, candidates);
    candidates.sort((a, b) => a.start - b.start);
  }
  // Every return has the same three fields: one object shape keeps the caller's code optimised.
  if (candidates.length === 0) return { footnotes: [], refs: [], trailingStart: undefined };
  const markerHits = findMarkers(text, candidates);
  const used = new Set<Candidate>(markerHits.map((h) => h.def));
  const accepted = candidates.filter((c) => c.definite || used.has(c));
  const { footnotes, refs } = numberFootnotes(accepted, markerHits);
  return { footnotes, refs, trailingStart: trailingRunStart(text, accepted) };
}

/** The lines that may be footnotes (DEF_LINE), less dates, lower-case prose and numbered questions unless definite. */
function footnoteLines(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const m of matchLines(text, DEF_LINE)) {
    const marker = m[1] ?? m[2];
    const body = m[3];
    const bodyStart = m.index + m[0].length - body.length;
    const lineEnd = lineEndOf(text, bodyStart);
    const hasArrow = body.includes('↩');
    const definite = hasArrow || m[1] !== undefined;
    if (!definite) {
      if (STARTS_WITH_MONTH.test(body)) continue; // "6 november 2023)."
      if (/^\p{Ll}/u.test(body) && !/^(?:zie|vgl|https?:|www\.)/iu.test(body)) continue;
      if (body.includes('?')) continue; // a numbered question
      if (+marker === 0) continue;
    }
    let bodyEnd = trimEnd(text, bodyStart, lineEnd);
    // Only where the line has one: without, `lastIndexOf` would search the text before it (quadratic).
    const arrow = hasArrow ? text.lastIndexOf('↩', bodyEnd) : -1;
    if (arrow >= bodyStart) bodyEnd = trimEnd(text, bodyStart, arrow);
    candidates.push({ marker: String(+marker), start: m.index + m[0].indexOf(marker), end: lineEnd, bodyStart, bodyEnd, definite });
  }
  return candidates;
}

/** The lines whose text starts at one of `glued`, right after a marker of one or two digits (not "0"). */
function addGluedLines(text: string, glued: readonly number[], candidates: Candidate[]): void {
  for (const bodyStart of glued) {
    let start = bodyStart;
    while (start > 0 && bodyStart - start < 2 && isDigitCode(text.charCodeAt(start - 1))) start--;
    if (start === bodyStart) continue;
    const lineEnd = lineEndOf(text, bodyStart);
    const marker = String(+text.slice(start, bodyStart));
    if (marker === '0') continue;
    candidates.push({ marker, start, end: lineEnd, bodyStart, bodyEnd: trimEnd(text, bodyStart, lineEnd), definite: false });
  }
}

/** Markers (glued and bracketed), each paired with the first footnote line of its number after it. */
function findMarkers(text: string, candidates: readonly Candidate[]): MarkerHit[] {
  const byMarker = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byMarker.get(c.marker);
    if (list) list.push(c); else byMarker.set(c.marker, [c]);
  }
  const markerHits: MarkerHit[] = [];
  const defStarts = new Set(candidates.map((c) => c.start));
  const consider = (marker: string, start: number, end: number): void => {
    const list = byMarker.get(marker);
    if (!list || defStarts.has(start)) return;
    // The first footnote with this number after the marker (the list is in text order).
    const i = countBefore(list.length, (k) => list[k].start <= start);
    if (i < list.length) markerHits.push({ marker, start, end, def: list[i] });
  };
  // No marker after the last footnote can count: it needs a footnote of its number after it.
  let limit = 0;
  for (const c of candidates) limit = Math.max(limit, c.start);
  scanGluedMarkers(text, byMarker.keys(), limit, consider);
  scanBracketedMarkers(text, limit, consider);
  return markerHits;
}

/** Calls `consider` for every number in brackets ("[1]", "[4 5 ]") before `limit`, in text order. */
function scanBracketedMarkers(text: string, limit: number, consider: (marker: string, start: number, end: number) => void): void {
  for (let k = text.indexOf('['); k !== -1 && k < limit; k = text.indexOf('[', k + 1)) {
    if (!isDigitCode(text.charCodeAt(k + 1))) continue; // most brackets hold words
    BRACKETED.lastIndex = k;
    const m = BRACKETED.exec(text);
    if (!m) continue;
    let offset = k + 1;
    for (const part of m[1].split(/([ \t]+)/u)) {
      if (/^\d+$/u.test(part)) consider(String(+part), offset, offset + part.length);
      offset += part.length;
    }
  }
}

/** The accepted footnotes in text order, and the markers of those footnotes in text order. */
function numberFootnotes(accepted: readonly Candidate[], markerHits: readonly MarkerHit[]): { footnotes: Footnote[]; refs: FootnoteRef[] } {
  const index = new Map<Candidate, number>();
  // Arrays built by push, not `map`: optimised code that inlines this function made `map`'s
  // arrays with another elements kind than the caller had seen, and the caller deoptimised on
  // every call.
  const footnotes: Footnote[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const c = accepted[i];
    index.set(c, i);
    footnotes.push({ marker: c.marker, span: { start: c.start, end: Math.max(c.bodyEnd, c.start + c.marker.length) }, body: { start: c.bodyStart, end: c.bodyEnd } });
  }
  const hits = markerHits.filter((h) => index.has(h.def)).sort((a, b) => a.start - b.start);
  const refs: FootnoteRef[] = [];
  for (const h of hits) refs.push({ marker: h.marker, span: { start: h.start, end: h.end }, footnote: index.get(h.def) as number });
  return { footnotes, refs };
}

/** The trailing run: footnotes after which only whitespace or further footnotes follow; its start. */
function trailingRunStart(text: string, accepted: readonly Candidate[]): number | undefined {
  let trailingStart: number | undefined;
  let runEnd = text.length;
  for (let k = accepted.length - 1; k >= 0; k--) {
    const c = accepted[k];
    if (text.slice(c.end, runEnd).trim() !== '') break;
    runEnd = lineStartOf(text, c.start);
    trailingStart = runEnd;
  }
  return trailingStart;
}
