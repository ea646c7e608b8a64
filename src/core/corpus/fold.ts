/** Folding of names and titles for comparison and search. Pure. */

const MARKS = /[\u0300-\u036f]/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, without diacritics, every run of characters that are not letters or digits one
 * space, trimmed: "Oekraïne ‘wolf’" → "oekraine wolf". For equality of titles and for search.
 */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Most text is ASCII: NFD only when there is something to decompose.
  // eslint-disable-next-line no-control-regex
  const plain = /[^\u0000-\u007f]/u.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
  return plain.replace(NOT_WORD, ' ').trim();
}
