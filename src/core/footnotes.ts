import type { Footnote, FootnoteRef } from './model';
import { MONTHS, lineEndOf, lineStartOf, matchLines, trimEnd } from './text';

export interface FootnoteScan {
  readonly footnotes: Footnote[];
  readonly refs: FootnoteRef[];
  /** Start of the run of footnotes that ends the document, if it ends with footnotes. */
  readonly trailingStart?: number;
}

/**
 * A footnote line: "1 https://...", "1. text ↩︎", "[1] text", "1) text". Without the `u` flag,
 * which makes the scan about twice as costly and changes nothing here (the match runs to the line end).
 */
const DEF_LINE = /^[ \t\u00A0]*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)[ \t\u00A0]+(\S[^\n]*)$/gm;
/**
 * Markers, in one scan: glued after a word or punctuation ("toelichten?1", "komen.1",
 * "regeling1)"; the character before is part of the match, a lookbehind is many times slower
 * here), or in brackets ("[1]", "[4 5 ]"). Neither kind can start inside the other.
 */
const GLUED_BEFORE = '[a-z\\u00DF-\\u00FF?!.,;:)»”’"\']';
const GLUED_AFTER = '(?![0-9A-Za-z\\u00C0-\\u024F])';
const BRACKETED = '\\[(\\d{1,2}(?:[ \\t]+\\d{1,2})*)[ \\t]*\\]';

/**
 * MARKER for a text whose footnotes have these markers: a glued number can only count when it
 * is one of them, and the scan is cheaper when only their digits can follow the character before
 * (a glued "01" is marker 1, as before).
 */
function markerPattern(markers: Iterable<string>): RegExp {
  const numbers: string[] = [];
  for (const m of markers) {
    if (+m <= 9) numbers.push(`0?${m}`);
    else if (+m <= 99) numbers.push(m);
  }
  if (numbers.length === 0) return new RegExp(`()${BRACKETED}`, 'g'); // no glued marker can count
  return new RegExp(`${GLUED_BEFORE}(${numbers.join('|')})${GLUED_AFTER}|${BRACKETED}`, 'g');
}
const STARTS_WITH_MONTH = new RegExp(`^(?:${MONTHS.join('|')})\\b`, 'iu');

interface Candidate { marker: string; start: number; end: number; bodyStart: number; bodyEnd: number; definite: boolean }

/**
 * Finds footnotes and their markers. A footnote line counts when it carries a back-link arrow or
 * brackets, or when a marker with its number comes before it; a marker counts only when its
 * footnote exists. Dates ("6 november 2023).") and ordinals ("11e") are neither.
 */
export function findFootnotes(text: string): FootnoteScan {
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
    const arrow = text.lastIndexOf('↩', bodyEnd);
    if (hasArrow && arrow >= bodyStart) bodyEnd = trimEnd(text, bodyStart, arrow);
    candidates.push({ marker: String(+marker), start: m.index + m[0].indexOf(marker), end: lineEnd, bodyStart, bodyEnd, definite });
  }
  // Every return has the same three fields: one object shape keeps the caller's code optimised.
  if (candidates.length === 0) return { footnotes: [], refs: [], trailingStart: undefined };

  const byMarker = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byMarker.get(c.marker);
    if (list) list.push(c); else byMarker.set(c.marker, [c]);
  }

  // Markers, each paired with the first footnote of its number after it.
  const markerHits: Array<{ marker: string; start: number; end: number; def: Candidate }> = [];
  const defStarts = new Set(candidates.map((c) => c.start));
  const consider = (marker: string, start: number, end: number): void => {
    const list = byMarker.get(marker);
    if (!list || defStarts.has(start)) return;
    // The first footnote with this number after the marker (the list is in text order).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start > start) hi = mid; else lo = mid + 1;
    }
    if (lo < list.length) markerHits.push({ marker, start, end, def: list[lo] });
  };
  const marker = markerPattern(byMarker.keys());
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m[1] !== undefined && m[1] !== '') {
      const p = text[m.index];
      // "10.30", "1,5": a number, not a marker.
      if ((p === '.' || p === ',' || p === ':') && /\d/u.test(text[m.index - 1] ?? '')) continue;
      consider(String(+m[1]), m.index + 1, m.index + 1 + m[1].length);
      continue;
    }
    let offset = m.index + 1;
    for (const part of m[2].split(/([ \t]+)/u)) {
      if (/^\d+$/u.test(part)) consider(String(+part), offset, offset + part.length);
      offset += part.length;
    }
  }

  const used = new Set<Candidate>(markerHits.map((h) => h.def));
  const accepted = candidates.filter((c) => c.definite || used.has(c));
  const index = new Map<Candidate, number>();
  const footnotes: Footnote[] = accepted.map((c, i) => {
    index.set(c, i);
    return { marker: c.marker, span: { start: c.start, end: Math.max(c.bodyEnd, c.start + c.marker.length) }, body: { start: c.bodyStart, end: c.bodyEnd } };
  });
  const refs: FootnoteRef[] = markerHits
    .filter((h) => index.has(h.def))
    .sort((a, b) => a.start - b.start)
    .map((h) => ({ marker: h.marker, span: { start: h.start, end: h.end }, footnote: index.get(h.def) as number }));

  // The trailing run: footnotes after which only whitespace or further footnotes follow.
  let trailingStart: number | undefined;
  let runEnd = text.length;
  for (let k = accepted.length - 1; k >= 0; k--) {
    const c = accepted[k];
    if (text.slice(c.end, runEnd).trim() !== '') break;
    runEnd = lineStartOf(text, c.start);
    trailingStart = runEnd;
  }
  return { footnotes, refs, trailingStart };
}
