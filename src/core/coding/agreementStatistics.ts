/**
 * The agreement coefficients on plain nominal data: percent agreement, Cohen's κ and
 * Krippendorff's α. Pure; each result a `Coefficient`: a number, or null with the reason it is
 * undefined. Never NaN.
 * - percent agreement: agreeing pairs of values in a unit over all pairs of values in a unit (for
 *   two coders, the share of units on which they agree); null ('noUnits') without a unit coded by
 *   two coders.
 * - Cohen's κ (two coders only, else 'notTwoCoders'): (p_o − p_e) / (1 − p_e) over the units both
 *   coded. Undefined ('noVariation') when chance agreement is 1: both coders used one and the same
 *   value throughout (say, neither applied the tag anywhere).
 * - Krippendorff's α (nominal; any number of coders; missing values allowed): 1 − D_o / D_e from
 *   the coincidence matrix of the units with at least two values (Krippendorff, "Computing
 *   Krippendorff's Alpha-Reliability", 2011). Undefined ('noVariation') when every value is the
 *   same (D_e = 0): the data show no variation to be reliable about.
 */

/** Why a coefficient has no value. */
export type UndefinedReason =
  /** No unit has values of two coders. */
  | 'noUnits'
  /** Every value is the same (κ: chance agreement is 1); nothing to be reliable about. */
  | 'noVariation'
  /** Cohen's κ compares exactly two coders. */
  | 'notTwoCoders';

export type Coefficient =
  | { readonly value: number }
  | { readonly value: null; readonly reason: UndefinedReason };

/** One coder's rating of one unit; null or undefined is missing. */
export type Rating = string | number | null | undefined;

/** A coefficient without a value, and why. */
export const undefinedCoefficient = (reason: UndefinedReason): Coefficient => ({ value: null, reason });

/** Numbers values 0, 1, 2… in the order they are first seen: nominal categories as ids. */
export class CategoryIds<K> {
  private readonly ids = new Map<K, number>();

  get size(): number {
    return this.ids.size;
  }

  id(key: K): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/**
 * Accumulates units of nominal ratings (category ids ≥ 0, −1 missing), each with a weight (the
 * number of identical units it stands for): the coincidence matrix, agreeing and all pairs, and a
 * contingency table per pair of coders.
 */
export class NominalTally {
  /** Coincidences: o[c][k]. */
  private readonly o: number[][] = [];
  private agreeing = 0;
  private pairs = 0;
  /** Units with at least two values (weighted). */
  units = 0;
  /** Per pair of coders (i < j), the weighted contingency counts keyed i-value × 2^20 + j-value. */
  private readonly tables: Map<number, number>[] = [];
  private readonly cats: number[] = [];
  private readonly counts: number[] = [];

  constructor(readonly coders: number) {
    for (let p = 0; p < (coders * (coders - 1)) / 2; p++) this.tables.push(new Map());
  }

  add(values: ArrayLike<number>, weight: number): void {
    if (weight <= 0) return;
    const cats = this.cats;
    const counts = this.counts;
    cats.length = 0;
    counts.length = 0;
    let m = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < 0) continue;
      m++;
      const at = cats.indexOf(v);
      if (at < 0) { cats.push(v); counts.push(1); } else counts[at]++;
    }
    if (m < 2) return;
    this.units += weight;
    const w = weight / (m - 1);
    for (let a = 0; a < cats.length; a++) {
      const row = (this.o[cats[a]] ??= []);
      for (let b = 0; b < cats.length; b++) {
        const n = a === b ? counts[a] * (counts[a] - 1) : counts[a] * counts[b];
        if (n > 0) row[cats[b]] = (row[cats[b]] ?? 0) + n * w;
      }
      this.agreeing += (weight * counts[a] * (counts[a] - 1)) / 2;
    }
    this.pairs += (weight * m * (m - 1)) / 2;
    let p = 0;
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++, p++) {
        if (values[i] < 0 || values[j] < 0) continue;
        const key = values[i] * 1048576 + values[j];
        const t = this.tables[p];
        t.set(key, (t.get(key) ?? 0) + weight);
      }
    }
  }

  percentAgreement(): Coefficient {
    return this.pairs > 0 ? { value: this.agreeing / this.pairs } : undefinedCoefficient('noUnits');
  }

  alpha(): Coefficient {
    return alphaFromCoincidences(this.o);
  }

  /** The contingency table of coders i < j as a square matrix over the categories they used. */
  table(i: number, j: number): number[][] {
    const p = i * this.coders - (i * (i + 1)) / 2 + (j - i - 1);
    const t = this.tables[p];
    const ids = new CategoryIds<number>();
    const cells: [number, number, number][] = [];
    for (const [key, n] of t) cells.push([ids.id(Math.floor(key / 1048576)), ids.id(key % 1048576), n]);
    const out = Array.from({ length: ids.size }, () => new Array<number>(ids.size).fill(0));
    for (const [r, c, n] of cells) out[r][c] += n;
    return out;
  }
}

/** Krippendorff's α for nominal data from a coincidence matrix o[c][k] (sparse rows allowed). */
function alphaFromCoincidences(o: readonly (readonly (number | undefined)[] | undefined)[]): Coefficient {
  const marginals: number[] = [];
  let n = 0;
  let observed = 0;
  o.forEach((row, c) => {
    row?.forEach((v, k) => {
      if (!v) return;
      marginals[c] = (marginals[c] ?? 0) + v;
      n += v;
      if (c !== k) observed += v;
    });
  });
  if (n === 0) return undefinedCoefficient('noUnits');
  let sum = 0;
  let sumSquares = 0;
  for (const m of marginals) {
    if (!m) continue;
    sum += m;
    sumSquares += m * m;
  }
  const expected = (sum * sum - sumSquares) / (n - 1);
  if (expected <= 0) return undefinedCoefficient('noVariation');
  return { value: 1 - observed / expected };
}

/**
 * Krippendorff's α for nominal data: `units[u][c]` is coder c's value for unit u (null or
 * undefined when missing). Any number of coders; units with fewer than two values do not count.
 */
export function krippendorffAlpha(units: readonly (readonly Rating[])[]): Coefficient {
  const { tally } = tallyRatings(units);
  return tally.alpha();
}

/** Percent agreement: agreeing pairs of values within units over all such pairs. */
export function percentAgreement(units: readonly (readonly Rating[])[]): Coefficient {
  return tallyRatings(units).tally.percentAgreement();
}

/** Cohen's κ from a square contingency table (`table[i][j]`: units coder A put in category i and coder B in j). */
export function cohensKappa(table: readonly (readonly number[])[]): Coefficient {
  let total = 0;
  let diagonal = 0;
  const rows = new Array<number>(table.length).fill(0);
  const cols = new Array<number>(table.length).fill(0);
  table.forEach((row, i) => row.forEach((n, j) => {
    total += n;
    rows[i] += n;
    cols[j] += n;
    if (i === j) diagonal += n;
  }));
  if (total === 0) return undefinedCoefficient('noUnits');
  let chance = 0;
  for (let i = 0; i < rows.length; i++) chance += (rows[i] / total) * (cols[i] / total);
  if (1 - chance < 1e-12) return undefinedCoefficient('noVariation');
  return { value: (diagonal / total - chance) / (1 - chance) };
}

/** Cohen's κ of two coders' ratings of the same units (units where either is missing are left out). */
export function cohensKappaOf(a: readonly Rating[], b: readonly Rating[]): Coefficient {
  const units = a.map((x, i) => [x, b[i]]);
  const { tally } = tallyRatings(units);
  return cohensKappa(tally.table(0, 1));
}

function tallyRatings(units: readonly (readonly Rating[])[]): { tally: NominalTally } {
  const coders = units.reduce((m, u) => Math.max(m, u.length), 0);
  const tally = new NominalTally(Math.max(coders, 2));
  const ids = new CategoryIds<string>();
  const values = new Int32Array(Math.max(coders, 2));
  for (const u of units) {
    values.fill(-1);
    u.forEach((r, c) => {
      if (r === null || r === undefined) return;
      values[c] = ids.id(`${typeof r}:${r}`);
    });
    tally.add(values, 1);
  }
  return { tally };
}
