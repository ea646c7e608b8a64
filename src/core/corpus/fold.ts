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
  // of lower-case ASCII are [a-z0-9] (a class without `u` and `\p{…}`, which the engine scans many
  // times faster). Most names and titles are words between single spaces already: as they are.
  const kind = asciiKind(lower);
  if (kind === FOLDED) return lower;
  if (kind === ASCII) return lower.replace(NOT_ASCII_WORD, ' ').trim();
  return lower.normalize('NFD').replace(MARKS, '').replace(NOT_WORD, ' ').trim();
}

const FOLDED = 0;
const ASCII = 1;
const OTHER = 2;

/**
 * FOLDED: [a-z0-9] words between single spaces, which `fold` leaves as they are; ASCII: other
 * ASCII; OTHER: anything beyond ASCII.
 */
function asciiKind(s: string): number {
  let kind = FOLDED;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return OTHER;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    // A space between two words (the one before is not a space: it was checked as this one is).
    if (c === 32 && i > 0 && i < s.length - 1 && s.charCodeAt(i - 1) !== 32) continue;
    kind = ASCII;
  }
  return kind;
}
