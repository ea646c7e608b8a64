/** Small text utilities shared by the parser. Pure, allocation-light. */

import { MONTHS } from './vocabulary';

export { MONTHS };

const MONTH_ALT = MONTHS.join('|');

/** "22 november 2023", also with a non-breaking space or a line break between the parts. */
export const DUTCH_DATE_SOURCE = `(\\d{1,2})\\s+(${MONTH_ALT})\\s+(\\d{4})`;

const DUTCH_DATE_EXACT = new RegExp(`^${DUTCH_DATE_SOURCE}$`);
// The regexes of the functions below, made once: a regex literal in a function body is a new
// object at every call. Global ones only with `replace` (which starts at 0) or with `lastIndex` set.
const ISO_DATE_LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const WHITESPACE_RUNS = /\s+/g;
const BOM = /\uFEFF/g;
const HYPHENATED = /(\p{Ll})-[ \t\u00A0]*\r?\n\s*(\p{Ll})/gu;
/** Runs of whitespace that are not one space already (`/\s+/g` less the matches that change nothing). */
const ODD_WHITESPACE = /\s{2,}|[^\S ]/g;
const BLANK_LINE = /\n[ \t\u00A0\r]*(?=\n|$)/g;

/** Reads a Dutch date ("22 november 2023", "2023-02-01", "18-11-2023") as yyyy-mm-dd. */
export function toIsoDate(text: string): string | undefined {
  const day = plainDutchDate(text);
  return day === -1 ? readIsoDate(text) : isoOfDay(day);
}

/**
 * A date written as nearly every document writes it ("8 oktober 2024": one or two digits, a space,
 * a month in ASCII letters, a space, four digits) as yyyy·10000 + mm·100 + dd, when a valid one;
 * else -1, and `readIsoDate` reads it. By character codes: this runs for every date of every
 * document, and the regexes, the lower-case copy and the match made several strings and arrays.
 */
function plainDutchDate(s: string): number {
  const n = s.length;
  let k = 0;
  let day = 0;
  for (; k < 2 && k < n && isDigitCode(s.charCodeAt(k)); k++) day = day * 10 + s.charCodeAt(k) - 48;
  if (k === 0 || s.charCodeAt(k) !== 32 /* space */) return -1;
  const monthStart = ++k;
  while (k < n && isAsciiLetter(s.charCodeAt(k))) k++;
  const month = monthIndex(s, monthStart, k) + 1;
  if (month === 0 || k + 5 !== n || s.charCodeAt(k) !== 32 || day < 1 || day > 31) return -1;
  let year = 0;
  for (k++; k < n; k++) {
    const c = s.charCodeAt(k);
    if (!isDigitCode(c)) return -1;
    year = year * 10 + c - 48;
  }
  return year * 10000 + month * 100 + day;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The index in MONTHS of the ASCII letters `s[start, end)` in any case, or -1. */
function monthIndex(s: string, start: number, end: number): number {
  for (let i = 0; i < MONTHS.length; i++) {
    const m = MONTHS[i];
    if (m.length !== end - start) continue;
    let k = 0;
    while (k < m.length && (s.charCodeAt(start + k) | 0x20) === m.charCodeAt(k)) k++;
    if (k === m.length) return i;
  }
  return -1;
}

/**
 * The ISO text of a day (see `plainDutchDate`), made once per day: a corpus names the same few
 * hundred days again and again (a question set's in each of its documents), and the records that
 * keep them then share one string. Emptied when full.
 */
const ISO_OF_DAY = new Map<number, string>();
const ISO_OF_DAY_MAX = 4096;

function isoOfDay(day: number): string | undefined {
  let text = ISO_OF_DAY.get(day);
  if (text === undefined) {
    text = iso(Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100);
    if (text === undefined) return undefined;
    if (ISO_OF_DAY.size >= ISO_OF_DAY_MAX) ISO_OF_DAY.clear();
    ISO_OF_DAY.set(day, text);
  }
  return text;
}

function readIsoDate(text: string): string | undefined {
  // Whitespace collapsed only where there is more than single spaces (most dates have none).
  const t = (hasOddWhitespace(text) ? text.replace(WHITESPACE_RUNS, ' ') : text).trim().toLowerCase();
  let m = DUTCH_DATE_EXACT.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
    return iso(+m[3], month, +m[1]);
  }
  m = ISO_DATE_LOOSE.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return iso(+m[3], +m[2], +m[1]);
  return undefined;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Text for display: joins words hyphenated at a line end ("aanlei-\nding" → "aanleiding"),
 * turns non-breaking spaces and line breaks into spaces, collapses whitespace.
 */
export function cleanText(s: string): string {
  if (!hasOddWhitespace(s) && s.trim() === s) return s; // nothing to clean
  return s
    .replace(BOM, '')
    .replace(HYPHENATED, '$1$2')
    // Every run of whitespace one space: only the runs that are not one already (a match per word
    // boundary built a new string of as many parts).
    .replace(ODD_WHITESPACE, ' ')
    .trim();
}

/** Whitespace that is not a space, or a space before whitespace. */
const ODD_WHITESPACE_AT = /[^\S ]| \s/;

/**
 * Whether `s` has whitespace other than single spaces (BOM included, as in `\s`). It runs for every
 * label, header, date and reference: a short one (a label) by a loop over the character codes,
 * which is inlined where it is called; a longer one (a header) by the regex engine, in half the
 * time of the loop (most are cut from the text, and each `charCodeAt` of such a string finds the
 * text first).
 */
export function hasOddWhitespace(s: string): boolean {
  if (s.length > 40) return ODD_WHITESPACE_AT.test(s);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 32 ? k + 1 < s.length && isRegexSpace(s.charCodeAt(k + 1)) : isRegexSpace(c)) return true;
  }
  return false;
}

/** Shortens display text to at most `max` characters at a word boundary, adding "…". */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}

/**
 * `s` on one line, at most `max` characters: whitespace collapsed to single spaces and trimmed
 * (`s.replace(/\s+/gu, ' ').trim()`), and when that is longer than `max`, its first `max - 1`
 * characters and "…". A long passage is decided by its first `2 × max + 2` characters where they
 * collapse to more than `max + 1` (a row label of a long passage need not collapse all of it).
 */
export function oneLineExcerpt(s: string, max: number): string {
  const headLength = 2 * max + 2;
  if (s.length > headLength) {
    // A prefix of s collapsed (and trimmed at the start only) is a prefix of s collapsed.
    const head = s.slice(0, headLength).replace(WHITESPACE_RUNS, ' ').trimStart();
    if (head.length > max + 1) return `${head.slice(0, max - 1)}…`;
  }
  const one = s.replace(WHITESPACE_RUNS, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Offset where the line containing `offset` starts, or `min` if the line starts before it. */
export function lineStartOf(text: string, offset: number, min = 0): number {
  for (let i = offset - 1; i >= min; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return min;
}

/** Offset where the line containing `offset` ends (before "\r\n" or "\n"). */
export function lineEndOf(text: string, offset: number): number {
  let e = text.indexOf('\n', offset);
  if (e === -1) e = text.length;
  if (e > 0 && text.charCodeAt(e - 1) === 13 /* \r */) e--;
  return Math.max(e, offset);
}

/** Whitespace as it occurs in extracted text, including NBSP and BOM. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff
    || code === 0x2007 || code === 0x202f || code === 12 || code === 11;
}

/** Whether a character is matched by `\s` in a JavaScript regex. */
export function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028
    || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `\d`: the ASCII digits. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether the four characters before `at` are a year `(19|20)\d\d`: the "2023" of a document number
 * "2023D27196" or a zaak number "2023Z19006", for the letter at `at`.
 */
export function yearBefore(text: string, at: number): boolean {
  const a = text.charCodeAt(at - 4);
  const b = text.charCodeAt(at - 3);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigitCode(text.charCodeAt(at - 2)) && isDigitCode(text.charCodeAt(at - 1));
}

/** `[\p{L}\d]`, by hand for ASCII. */
export function isLetterOrDigitCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\d]/u.test(String.fromCharCode(code));
}

/** Moves `end` back over trailing whitespace, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Moves `start` forward over leading whitespace, not past `end`. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start;
}

/** Offset of the next blank line (a line with only whitespace) at or after `from`, or -1. */
export function nextBlankLine(text: string, from: number, limit = text.length): number {
  BLANK_LINE.lastIndex = from;
  const m = BLANK_LINE.exec(text);
  return m && m.index < limit ? m.index : -1;
}

/** The regexes `matchLines` derives from a line-anchored one, made once per regex (by source and flags) and found by the regex object. */
const LINE_REGEXES = new Map<string, { first: RegExp; rest: RegExp }>();
const LINE_REGEXES_BY_OBJECT = new WeakMap<RegExp, { first: RegExp; rest: RegExp }>();

function lineRegexes(re: RegExp): { first: RegExp; rest: RegExp } {
  const known = LINE_REGEXES_BY_OBJECT.get(re);
  if (known !== undefined) return known;
  const key = `${re.flags}/${re.source}`;
  let r = LINE_REGEXES.get(key);
  if (r === undefined) {
    const body = re.source.replace(/^\^/u, '');
    const flags = re.flags.includes('m') ? re.flags : re.flags + 'm';
    r = {
      first: new RegExp(body, flags.replace('g', '') + 'y'),
      rest: new RegExp(`\\n(?:${body})`, flags.includes('g') ? flags : flags + 'g'),
    };
    LINE_REGEXES.set(key, r);
  }
  LINE_REGEXES_BY_OBJECT.set(re, r);
  return r;
}

/**
 * Matches a line-anchored regex (`^...$`, flag m) at line starts only, in text order. Searching
 * for "\n" first is much faster on long texts than letting the engine try `^` at every position.
 * The derived regexes are made once per regex, not on every call.
 */
export function matchLines(text: string, re: RegExp, from = 0, to = text.length): RegExpExecArray[] {
  // A prefix keeps offsets and stops the engine at `to` (it would search on to the end otherwise).
  if (to < text.length) text = text.slice(0, to);
  const { first, rest } = lineRegexes(re);
  const out: RegExpExecArray[] = [];
  if (from === 0) {
    first.lastIndex = 0;
    const m0 = first.exec(text);
    if (m0) out.push(m0);
  }
  rest.lastIndex = Math.max(0, from - 1);
  for (let m = rest.exec(text); m; m = rest.exec(text)) {
    // Without the "\n" it starts with: the match as `re` would give it at that line start.
    m[0] = m[0].slice(1);
    m.index += 1;
    out.push(m);
  }
  return out;
}
