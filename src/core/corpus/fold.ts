/** Folding of names and titles for comparison and search. Pure. */

const MARKS = /[\u0300-\u036f]/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** NOT_WORD in lower-case ASCII. */
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/**
 * Lower case, without diacritics, every run of characters that are not letters or digits one
 * space, trimmed: "Oekraïne ‘wolf’" → "oekraine wolf". For equality of titles and for search.
 */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Most text is ASCII: NFD only when there is something to decompose, and the letters and digits
  // of lower-case ASCII are [a-z0-9] (a class without `u` and `\p{…}`, which the engine scans many times faster).
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/u.test(lower)) return lower.replace(NOT_ASCII_WORD, ' ').trim();
  return lower.normalize('NFD').replace(MARKS, '').replace(NOT_WORD, ' ').trim();
}
