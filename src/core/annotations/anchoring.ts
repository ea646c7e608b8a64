/**
 * Re-anchoring: finding an annotated passage again after the text changed (re-extracted,
 * re-wrapped, corrected). In order, cheapest first:
 *
 * 1. position + quote: the quote is still where it was;
 * 2. the exact quote elsewhere: prefix, suffix and distance decide between occurrences;
 * 3. the quote in a normalised text (whitespace runs collapsed, line-end hyphenation and soft
 *    hyphens removed) with an offset map back to the real text: survives re-wrapping;
 * 4. an approximate match: exact n-gram seeds of the normalised quote vote for candidate
 *    positions (near the expected position first), and each candidate is verified by a
 *    bounded edit-distance alignment; scored on quote, prefix, suffix and position, as
 *    Hypothesis does. Below the confidence thresholds the annotation is orphaned.
 *
 * All offsets are UTF-16. Pure: no editor APIs. `anchorEntries` places sidecar entries (stored
 * positions) by anchoring in the text with LF line breaks.
 */
import { countBelow } from '../util/search';
import { type TextPositions, toLf } from './model';

export interface Selector {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Where the passage was (a hint). */
  readonly start: number;
  readonly end: number;
}

export type AnchorMethod = 'exact' | 'quote' | 'normalised' | 'fuzzy';

export interface Anchor {
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

/** Quotes shorter than this (normalised) are never placed approximately. */
const MIN_FUZZY_LENGTH = 8;
/** At most this many exact occurrences are compared. */
const MAX_OCCURRENCES = 500;
/** Quote similarity at or above which a fuzzy match is accepted whatever its context. */
const SURE_SIMILARITY = 0.9;
/** Quote similarity below which a fuzzy match is never accepted. */
const MIN_SIMILARITY = 0.75;
/** Context similarity a fuzzy match between the two needs. */
const MIN_CONTEXT = 0.5;
/** Longer quotes are verified on their head and tail and by the seeds in between. */
const MAX_ALIGN = 256;

export interface Normalised {
  readonly text: string;
  /** For each normalised character, the offset of the original character it stands for. */
  readonly map: Int32Array;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 12 || c === 11
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x2007 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000;
}

/**
 * Collapses every whitespace run to one space and removes line-end hyphenation ("aanlei- \nding"
 * → "aanleiding") and soft hyphens, remembering where each character came from.
 */
export function normalise(text: string): Normalised {
  const n = text.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isWhite(c)) {
      if (k > 0 && out[k - 1] !== 32) { out[k] = 32; map[k++] = i; }
      continue;
    }
    if (c === 0xad) continue; // soft hyphen
    if ((c === 45 || c === 0x2010) && k > 0 && isLetterCode(out[k - 1])) {
      // A hyphen at a line end between letters: hyphenation.
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j < n && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) {
        while (j < n && isWhite(text.charCodeAt(j))) j++;
        const next = text.charCodeAt(j);
        if (j < n && isLetterCode(next)) {
          // "verkie-\nzing" → "verkiezing"; "Noord-\nHolland" keeps its hyphen: "Noord-Holland".
          if (next >= 65 && next <= 90) { out[k] = c; map[k++] = i; }
          i = j - 1;
          continue;
        }
      }
    }
    out[k] = c;
    map[k++] = i;
  }
  let s = '';
  for (let p = 0; p < k; p += 8192) s += String.fromCharCode.apply(null, out.subarray(p, Math.min(k, p + 8192)) as unknown as number[]);
  return { text: s, map: map.subarray(0, k) };
}

/** The normalised form of a short string, trimmed. */
function normaliseString(s: string): string {
  return normalise(s).text.trim();
}

/** Levenshtein distance of two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** How well `actual` matches the expected context (normalised), 1 when there is none to match. */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/**
 * Semi-global alignment (Sellers): the substring of `text` [from, to) closest to `pattern` in
 * edit distance. O(|pattern| · (to − from)).
 */
export function alignApprox(pattern: string, text: string, from: number, to: number): { start: number; end: number; distance: number } {
  const m = pattern.length;
  const w = Math.max(0, to - from);
  // Forward pass: best end.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m];
  let bestEnd = from;
  for (let j = 1; j <= w; j++) {
    const c = text.charCodeAt(from + j - 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = cur[i - 1] + 1;
      const ins = prev[i] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    if (cur[m] <= best) { best = cur[m]; bestEnd = from + j; }
    [prev, cur] = [cur, prev];
  }
  // Backward pass from the best end: best start.
  for (let i = 0; i <= m; i++) prev[i] = i;
  let bestB = prev[m];
  let bestStart = bestEnd;
  for (let j = 1; j <= bestEnd - from; j++) {
    const c = text.charCodeAt(bestEnd - j);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      const del = cur[i - 1] + 1;
      const ins = prev[i] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    if (cur[m] <= bestB) { bestB = cur[m]; bestStart = bestEnd - j; }
    [prev, cur] = [cur, prev];
  }
  return { start: bestStart, end: bestEnd, distance: best };
}

/** Every occurrence of `needle` in `hay`, at most `limit`. */
function occurrences(hay: string, needle: string, limit: number, from = 0, to = hay.length): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = hay.indexOf(needle, from); i >= 0 && i + needle.length <= to && out.length < limit; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Re-anchors selectors in one text; the normalised text is built once, on first need. */
export class Anchorer {
  private norm?: Normalised;

  constructor(readonly text: string) {}

  private normalised(): Normalised {
    this.norm ??= normalise(this.text);
    return this.norm;
  }

  /** The normalised offset of an original offset. */
  private toNormalised(offset: number): number {
    return countBelow(this.normalised().map, offset);
  }

  /** The passage's place in this text, or undefined when it cannot be placed with confidence. */
  anchor(sel: Selector, hint = sel.start): Anchor | undefined {
    const { text } = this;
    const { quote } = sel;
    if (quote.length === 0) return undefined;
    // 1. Where it was, or where the text around it moved.
    for (const at of hint === sel.start ? [at0(sel.start)] : [at0(sel.start), at0(hint)]) {
      if (at + quote.length <= text.length && text.startsWith(quote, at)) {
        return { start: at, end: at + quote.length, method: 'exact', score: 1 };
      }
    }
    const nPrefix = normaliseString(sel.prefix);
    const nSuffix = normaliseString(sel.suffix);
    // 2 and 3. The quote elsewhere, in the normalised text (which finds every exact occurrence
    // too, and those broken differently over lines): prefix, suffix and nearness decide.
    const nQuote = normaliseString(quote);
    if (nQuote.length === 0) return undefined;
    const N = this.normalised().text;
    const expected = this.toNormalised(hint);
    const found = occurrences(N, nQuote, MAX_OCCURRENCES);
    if (found.length > 0) {
      let best = found[0];
      let bestContext = -1;
      let bestScore = -Infinity;
      for (const at of found) {
        const context = this.contextAt(at, at + nQuote.length, nPrefix, nSuffix);
        const score = context * 10 + 2 * nearness(at, expected);
        if (score > bestScore) { bestScore = score; best = at; bestContext = context; }
      }
      if (found.length === 1 || bestContext >= MIN_CONTEXT || nQuote.length >= 32) {
        const span = this.fromNormalised(best, best + nQuote.length);
        const method: AnchorMethod = text.startsWith(quote, span.start) ? 'quote' : 'normalised';
        return { ...span, method, score: 0.5 + 0.5 * bestContext };
      }
    }
    // 4. Approximate.
    return nQuote.length >= MIN_FUZZY_LENGTH ? this.fuzzy(nQuote, nPrefix, nSuffix, expected) : undefined;
  }

  private fromNormalised(ns: number, ne: number): { start: number; end: number } {
    const map = this.normalised().map;
    return { start: map[ns], end: map[ne - 1] + 1 };
  }

  /** Context similarity of a normalised span: the expected prefix and suffix against the text around it. */
  private contextAt(ns: number, ne: number, nPrefix: string, nSuffix: string): number {
    if (nPrefix.length === 0 && nSuffix.length === 0) return 1;
    const N = this.normalised().text;
    const beforeEnd = ns > 0 && N.charCodeAt(ns - 1) === 32 && !nPrefix.endsWith(' ') ? ns - 1 : ns;
    const afterStart = ne < N.length && N.charCodeAt(ne) === 32 && !nSuffix.startsWith(' ') ? ne + 1 : ne;
    const p = contextSimilarity(nPrefix, N.slice(Math.max(0, beforeEnd - nPrefix.length), beforeEnd));
    const s = contextSimilarity(nSuffix, N.slice(afterStart, afterStart + nSuffix.length));
    return (p * nPrefix.length + s * nSuffix.length) / (nPrefix.length + nSuffix.length);
  }

  private fuzzy(nQuote: string, nPrefix: string, nSuffix: string, expected: number): Anchor | undefined {
    const N = this.normalised().text;
    const m = nQuote.length;
    // Seeds: k chunks spread over the quote; with up to k−1 edits one still matches exactly.
    const k = Math.min(16, Math.max(2, Math.floor(m / 8)));
    const len = Math.max(4, Math.min(24, Math.floor(m / k)));
    const step = k > 1 ? (m - len) / (k - 1) : 0;
    const seeds: number[] = [];
    for (let c = 0; c < k; c++) seeds.push(Math.round(c * step));
    const vote = (from: number, to: number): number[] => {
      const starts: number[] = [];
      for (const o of seeds) {
        for (const at of occurrences(N, nQuote.slice(o, o + len), 64, from, to)) starts.push(at - o);
      }
      return starts;
    };
    const near = Math.max(4096, 4 * m);
    let starts = vote(Math.max(0, expected - near), Math.min(N.length, expected + m + near));
    if (starts.length === 0) starts = vote(0, N.length);
    if (starts.length === 0) return undefined;
    // Cluster candidate starts: seeds of one match agree up to the edits between them.
    starts.sort((a, b) => a - b);
    const tolerance = Math.max(8, Math.ceil(m / 8));
    const clusters: { at: number; votes: number }[] = [];
    let i = 0;
    while (i < starts.length) {
      let j = i;
      while (j + 1 < starts.length && starts[j + 1] - starts[i] <= tolerance) j++;
      clusters.push({ at: starts[(i + j) >> 1], votes: j - i + 1 });
      i = j + 1;
    }
    clusters.sort((a, b) => b.votes - a.votes || Math.abs(a.at - expected) - Math.abs(b.at - expected));
    let best: Anchor | undefined;
    let bestScore = -Infinity;
    for (const c of clusters.slice(0, 3)) {
      const slack = Math.max(8, Math.ceil(m / 4));
      let ns: number;
      let ne: number;
      let similarity: number;
      if (m <= MAX_ALIGN) {
        const a = alignApprox(nQuote, N, Math.max(0, c.at - slack), Math.min(N.length, c.at + m + slack));
        ns = a.start; ne = a.end; similarity = 1 - a.distance / m;
      } else {
        const h = MAX_ALIGN / 2;
        const head = alignApprox(nQuote.slice(0, h), N, Math.max(0, c.at - slack), Math.min(N.length, c.at + h + slack));
        const tailAt = c.at + m - h;
        const tail = alignApprox(nQuote.slice(m - h), N, Math.max(0, tailAt - slack), Math.min(N.length, tailAt + h + slack));
        ns = head.start; ne = tail.end;
        const lengthPenalty = Math.abs((ne - ns) - m) / m;
        similarity = Math.min(1 - head.distance / h, 1 - tail.distance / h, Math.min(1, c.votes / k + 0.25)) - lengthPenalty;
      }
      if (ne <= ns || similarity < MIN_SIMILARITY) continue;
      const span = this.fromNormalised(ns, ne);
      const context = this.contextAt(ns, ne, nPrefix, nSuffix);
      if (similarity < SURE_SIMILARITY && context < MIN_CONTEXT) continue;
      const position = nearness(ns, expected);
      const score = (50 * similarity + 20 * context + 20 * context + 2 * position) / 92;
      if (score > bestScore) { bestScore = score; best = { ...span, method: 'fuzzy', score }; }
    }
    return best;
  }
}

/** 1 at the expected position, ½ at 500 characters from it, towards 0 far away. */
function nearness(at: number, expected: number): number {
  return 1 / (1 + Math.abs(at - expected) / 500);
}

function at0(n: number): number {
  return Math.max(0, n);
}

/**
 * Re-anchors many selectors in one text. They are placed in order of their old position, and
 * each placement tells how far the text has moved there: the next one is looked for at its old
 * position plus that drift, so repeated phrases resolve to the copy in the right place even
 * after thousands of characters were added or removed before them.
 */
export function anchorAll(text: string, selectors: readonly Selector[]): (Anchor | undefined)[] {
  const anchorer = new Anchorer(text);
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a].start - selectors[b].start);
  const out: (Anchor | undefined)[] = new Array(selectors.length);
  let drift = 0;
  for (const i of order) {
    const sel = selectors[i];
    const found = anchorer.anchor(sel, sel.start + drift);
    out[i] = found;
    if (found) drift = found.start - sel.start;
  }
  return out;
}

/**
 * Places sidecar entries (format 2: stored positions, quotes with LF line breaks; see
 * `migrateEntries` for older ones) in the text `positions` describes. Anchoring runs on the text
 * with LF line breaks, where stored quotes and positions are exact whatever line breaks the text
 * has; the spans returned are UTF-16 offsets of the text as it is.
 */
export function anchorEntries(positions: TextPositions, entries: readonly Selector[]): (Anchor | undefined)[] {
  const found = anchorAll(positions.lf, entries.map((e) => ({
    quote: toLf(e.quote), prefix: toLf(e.prefix), suffix: toLf(e.suffix),
    start: positions.lfOffsetOf(e.start), end: positions.lfOffsetOf(e.end),
  })));
  return found.map((f) => (f ? { ...f, start: positions.fromLfOffset(f.start), end: positions.fromLfOffset(f.end) } : undefined));
}
