/**
 * Coders: who tagged a passage (`Annotation.coder`, optional). Helpers to list and filter by coder.
 * An annotation without a coder belongs to no coder (`undefined`); comparing coders leaves it out.
 */
import { compareNames } from './tags';

/** Something with an optional coder: a sidecar entry, a placed annotation. */
export interface Coded {
  readonly coder?: string;
}

/** Orders coder names as people read them; names equal but for case or accents by code point. */
export const compareCoders = compareNames;

/** The distinct coders of some annotations (trimmed; none for annotations without one), sorted. */
export function codersOf(annotations: Iterable<Coded>): string[] {
  const out = new Set<string>();
  for (const a of annotations) {
    const c = a.coder?.trim();
    if (c) out.add(c);
  }
  return [...out].sort(compareCoders);
}

/** The annotations of one coder; `undefined` gives those without a coder. Order kept. */
export function byCoder<T extends Coded>(annotations: readonly T[], coder: string | undefined): T[] {
  const want = coder?.trim() || undefined;
  return annotations.filter((a) => (a.coder?.trim() || undefined) === want);
}

/** The annotations grouped by coder (key `undefined`: without a coder), coders sorted, order kept within. */
export function groupByCoder<T extends Coded>(annotations: readonly T[]): Map<string | undefined, T[]> {
  const groups = new Map<string | undefined, T[]>();
  for (const a of annotations) {
    const key = a.coder?.trim() || undefined;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(a);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : compareCoders(a, b)));
  return new Map(keys.map((k) => [k, groups.get(k) ?? []]));
}

/**
 * Which annotations someone sees. `blind` (blind coding): only those of `me` (with no coder set,
 * only those without a coder), so two coders code the same documents without seeing each other's
 * work. `coders` (a filter of the view or an export): only those of the coders listed, `''` standing
 * for annotations without a coder. Both apply when both are given.
 */
export interface CoderView {
  readonly blind?: boolean;
  readonly me?: string;
  readonly coders?: readonly string[];
}

/** Whether `a` is shown under `view`. */
export function isVisible(a: Coded, view: CoderView): boolean {
  const coder = a.coder?.trim() ?? '';
  if (view.blind && coder !== (view.me?.trim() ?? '')) return false;
  if (view.coders && !view.coders.some((c) => c.trim() === coder)) return false;
  return true;
}

/** Whether `view` hides anything at all. */
export function filtersCoders(view: CoderView): boolean {
  return view.blind === true || view.coders !== undefined;
}
