/**
 * Orders written once. `compareStrings` is the order of `Array.prototype.sort` without a
 * comparator (UTF-16 code units): the same in every locale, for paths, dates and ids, and to break
 * ties of a collation.
 */

/** −1, 0 or 1 as `a` sorts before, with or after `b` by UTF-16 code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
