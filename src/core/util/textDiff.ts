/**
 * The one edit that turns a text into another, in whole lines: the lines both share at the start
 * and at the end are left alone, the lines between replaced. For a `WorkspaceEdit` that touches
 * only what changed (its undo restores exactly that), and never splits a CRLF or a surrogate pair.
 */

/** Replace [start, end) of the old text (UTF-16 offsets, at line starts or its end) with `text`; undefined when the texts are equal. */
export interface LineEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function lineEdit(before: string, after: string): LineEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Back to the start of the line the first difference is on.
  p = before.lastIndexOf('\n', p - 1) + 1;
  let s = 0;
  const room = Math.min(before.length, after.length) - p;
  while (s < room && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Forward to the start of a line (the shared end is whole lines), or the shared end is empty.
  while (s > 0 && before.charCodeAt(before.length - s - 1) !== 10) s--;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}
