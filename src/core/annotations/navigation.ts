/**
 * Which annotations a command is about, and where Next / Previous Annotation go: plain offsets in,
 * annotations out.
 */

/** An annotation's passage (UTF-16 offsets in the current text; meaningless when orphaned). */
export interface Placed {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly orphaned: boolean;
}

/**
 * The placed annotations that touch any of the ranges (selections, or cursors as empty ranges; an
 * edge counts), each once, in the order of the ranges and then of the annotations.
 */
export function touching<T extends Placed>(annotations: readonly T[], ranges: readonly { start: number; end: number }[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const { start: from, end: to } of ranges) {
    for (const a of annotations) {
      if (!a.orphaned && a.start <= to && from <= a.end && !seen.has(a.id)) {
        seen.add(a.id);
        out.push(a);
      }
    }
  }
  return out;
}

/**
 * The placed annotation after (`direction` 1) or before (-1) the offset, by start, wrapping around
 * at the end of the text; undefined when there is none. `annotations` are ordered by start.
 */
export function stepFrom<T extends Placed>(annotations: readonly T[], offset: number, direction: 1 | -1): T | undefined {
  const placed = annotations.filter((a) => !a.orphaned);
  if (placed.length === 0) return undefined;
  return direction > 0
    ? placed.find((a) => a.start > offset) ?? placed[0]
    : [...placed].reverse().find((a) => a.start < offset) ?? placed[placed.length - 1];
}
