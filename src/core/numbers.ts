import type { QuestionNumber } from './model';

/** One question number: digits with an optional sub-item letter ("2l"). */
export const NUM_SOURCE = '\\d{1,3}(?:[a-z](?![\\p{L}\\d]))?';

/**
 * Where lists are collected: one array for every call (callers get copies), written from its start
 * with a count. Emptied by `length = 0` it lost its room each time, and every list's first number
 * made a new one.
 */
const SCRATCH: QuestionNumber[] = [];

/**
 * Reads a written number list: "1, 2, 3 en 5" → 1, 2, 3, 5; "1 t/m 3" → 1, 2, 3; "2l" → 2l.
 * Ranges are expanded only between plain numbers, and only when short (≤ 200). A hand-written
 * scanner: this runs for every label and cross-reference, so it must not allocate much.
 */
export function parseNumberList(written: string): QuestionNumber[] {
  const out = SCRATCH;
  let count = 0;
  let pendingRange = false;
  let prevPlain = -1; // the previous number, when it had no letter
  const n = written.length;
  for (let i = 0; i < n;) {
    const c = written.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i;
      let value = 0;
      while (j < n && j - i < 3 && written.charCodeAt(j) >= 48 && written.charCodeAt(j) <= 57) value = value * 10 + written.charCodeAt(j++) - 48;
      // A sub-item letter: "2l", not "2 en" nor "2e" followed by more letters.
      const l = j < n ? written.charCodeAt(j) : 0;
      const after = j + 1 < n ? written.charCodeAt(j + 1) : 0;
      const letter = l >= 97 && l <= 122 && !isWordChar(after);
      if (!letter && pendingRange && prevPlain >= 0 && value > prevPlain && value - prevPlain <= 200) {
        for (let k = prevPlain + 1; k <= value; k++) count = pushUnique(out, count, String(k));
      } else {
        count = pushUnique(out, count, letter ? written.slice(i, j + 1) : String(value));
      }
      prevPlain = letter ? -1 : value;
      pendingRange = false;
      i = letter ? j + 1 : j;
      continue;
    }
    if (c === 45 /* - */ || c === 0x2013 /* – */) {
      pendingRange = count > 0;
    } else if (c === 116 /* t */ && (written.startsWith('t/m', i) || /^tot\s+en\s+met/u.test(written.slice(i, i + 20)))) {
      pendingRange = count > 0;
      i += written.startsWith('t/m', i) ? 3 : (/^tot\s+en\s+met/u.exec(written.slice(i, i + 20)) as RegExpExecArray)[0].length;
      continue;
    }
    i++;
  }
  // A copy of exactly its length: the lists live as long as the document model, and an array
  // grown by `push` keeps room for 17 (184 bytes for one number, against 32).
  return out.slice(0, count);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** `n` written after the `count` numbers in `out` unless it is one of them; the new count. */
function pushUnique(out: QuestionNumber[], count: number, n: QuestionNumber): number {
  for (let k = 0; k < count; k++) if (out[k] === n) return count;
  out[count] = n;
  return count + 1;
}

/**
 * The number without its sub-item letter, digits as written: "2l" → "2", "08a" → "08". For
 * numbers as the parser reads them (digits, then at most one lowercase letter).
 */
export function baseNumber(n: QuestionNumber): string {
  const last = n.charCodeAt(n.length - 1);
  return last >= 97 && last <= 122 ? n.slice(0, -1) : n;
}

/** Whether two number lists share a question: the same base number ("2" and "2l", "2a" and "2b"). */
export function shareBaseNumber(a: readonly QuestionNumber[], b: readonly QuestionNumber[]): boolean {
  for (const x of a) for (const y of b) if (x === y || baseNumber(x) === baseNumber(y)) return true;
  return false;
}

/** How many digits `n` starts with. */
function leadingDigits(n: string): number {
  let digits = 0;
  while (digits < n.length && n.charCodeAt(digits) >= 48 && n.charCodeAt(digits) <= 57) digits++;
  return digits;
}

/**
 * The base number in one form for numbers written differently: sub-item letter and leading zeros
 * dropped, "2l" → "2", "08" → "8", "08a" → "8"; "12" → "12". What the reference index, the status
 * bar and the export compare. A character scan: this runs for every number and reference.
 */
export function canonicalBase(n: QuestionNumber): string {
  const digits = leadingDigits(n);
  if (digits === 0) return n.toLowerCase();
  let zeros = 0;
  while (zeros < digits - 1 && n.charCodeAt(zeros) === 48) zeros++;
  return zeros === 0 && digits === n.length ? n : n.slice(zeros, digits);
}

/** The number in one form, sub-item letter kept: "2L" → "2l", "08" → "8". */
export function canonicalNumber(n: QuestionNumber): string {
  const base = canonicalBase(n);
  if (base === n) return n;
  const digits = leadingDigits(n);
  return digits === 0 ? n.toLowerCase() : base + n.slice(digits).toLowerCase();
}
