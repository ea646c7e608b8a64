/**
 * Binary search, written once. Every search here is the same question: how many leading items of
 * a sorted sequence come before a point. The variants differ only in how an item is compared.
 */
import type { Span } from '../model';

/**
 * The number of leading indexes in [0, length) for which `before` holds, when it holds for a
 * prefix of them and for none after (the partition point). O(log length).
 */
export function countBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** How many of the ascending `values` are below `x`: the index of the first one ≥ x (lower bound). */
export function countBelow(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** How many of the ascending `values` are at most `x`: the index of the first one above x (upper bound). */
export function countAtMost(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the last item whose span starts at or before `offset`, or -1. `items` sorted by start. */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, span: (t: T) => Span): number {
  return countBefore(items.length, (i) => span(items[i]).start <= offset) - 1;
}

/** The item whose span contains `offset` (end inclusive), for sorted, non-overlapping spans; or -1. */
export function spanAt<T>(items: readonly T[], offset: number, span: (t: T) => Span): number {
  const i = lastStartingAtOrBefore(items, offset, span);
  return i >= 0 && offset <= span(items[i]).end ? i : -1;
}
