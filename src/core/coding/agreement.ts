/**
 * Intercoder agreement: how far coders who tagged the same documents agree, per tag and overall.
 * Pure; plain data in and out.
 *
 * Units (what each coder says something about):
 * - `block`: every question and answer block of each document (`parseDocument(text).blocks`). A
 *   tag applies to a block for a coder when one of the coder's passages with that tag overlaps it
 *   (shares at least one character; touching is not overlapping).
 * - `character`: every Unicode code point of each document's text. A tag applies to a code point
 *   for a coder when one of the coder's passages with that tag covers it. Computed by sweeping
 *   the passages' boundaries: runs of code points where every coder says the same count at once.
 *
 * Values:
 * - Per tag, a unit's value for a coder is binary: the coder applied the tag to it, or not.
 * - Overall, a unit's value is the set of analysed tags the coder applied to it ("none" is a value
 *   too): nominal data with as many categories as there are combinations in use. With one tag per
 *   unit (mutually exclusive codes) this is the usual nominal variable; with overlapping tags, a
 *   unit one coder tagged {A} and another {A, B} is a disagreement (the per-tag figures show which).
 * - Missing: a coder who did not code a document (`AgreementDocument.codedBy`) has no value for
 *   its units. By default every coder of the analysis coded every document: a coder without a
 *   passage in a document said "not applied" to each of its units. So a coder with no annotations
 *   at all agrees wherever the others applied nothing, and disagrees everywhere else.
 *
 * Coefficients (each a `Coefficient`: a number, or null with the reason it is undefined):
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
 * Never NaN.
 */
import { CodePointIndex } from '../annotations/model';
import type { Span } from '../model';
import { parseDocument } from '../parser';
import { compareCoders } from './coders';
import { compareTags, normalizeTag, tagAndAncestors, tagAtLevel } from './tags';
import { countBefore } from '../util/search';

export type AgreementUnit = 'block' | 'character';

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

const none = (reason: UndefinedReason): Coefficient => ({ value: null, reason });

// ---------------------------------------------------------------------------------------------
// The coefficients on plain data
// ---------------------------------------------------------------------------------------------

/**
 * Accumulates units of nominal ratings (category ids ≥ 0, −1 missing), each with a weight (the
 * number of identical units it stands for): the coincidence matrix, agreeing and all pairs, and a
 * contingency table per pair of coders.
 */
class NominalTally {
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
    return this.pairs > 0 ? { value: this.agreeing / this.pairs } : none('noUnits');
  }

  alpha(): Coefficient {
    return alphaFromCoincidences(this.o);
  }

  /** The contingency table of coders i < j as a square matrix over the categories they used. */
  table(i: number, j: number): number[][] {
    const p = i * this.coders - (i * (i + 1)) / 2 + (j - i - 1);
    const t = this.tables[p];
    const ids = new Map<number, number>();
    const id = (c: number): number => {
      let k = ids.get(c);
      if (k === undefined) ids.set(c, (k = ids.size));
      return k;
    };
    const cells: [number, number, number][] = [];
    for (const [key, n] of t) cells.push([id(Math.floor(key / 1048576)), id(key % 1048576), n]);
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
  if (n === 0) return none('noUnits');
  let sum = 0;
  let sumSquares = 0;
  for (const m of marginals) {
    if (!m) continue;
    sum += m;
    sumSquares += m * m;
  }
  const expected = (sum * sum - sumSquares) / (n - 1);
  if (expected <= 0) return none('noVariation');
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
  if (total === 0) return none('noUnits');
  let chance = 0;
  for (let i = 0; i < rows.length; i++) chance += (rows[i] / total) * (cols[i] / total);
  if (1 - chance < 1e-12) return none('noVariation');
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
  const ids = new Map<string, number>();
  const values = new Int32Array(Math.max(coders, 2));
  for (const u of units) {
    values.fill(-1);
    u.forEach((r, c) => {
      if (r === null || r === undefined) return;
      const key = `${typeof r}:${r}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      values[c] = id;
    });
    tally.add(values, 1);
  }
  return { tally };
}

// ---------------------------------------------------------------------------------------------
// Agreement of coders on tagged documents
// ---------------------------------------------------------------------------------------------

/** One coder's tagged passage. */
export interface CodedPassage {
  readonly coder: string;
  readonly tags: readonly string[];
  /** UTF-16 offsets into the document text (as placed in the current text). */
  readonly start: number;
  readonly end: number;
  /** The annotation id, for the disagreement list. */
  readonly id?: string;
}

/** A question or answer block: what `parseDocument` gives (only the span and label are used). */
export interface AgreementBlock {
  readonly span: Span;
  readonly label: { readonly name: string };
}

export interface AgreementDocument {
  /** The document's name (workspace-relative path or URI), for the report and its links. */
  readonly name: string;
  readonly text: string;
  /** Every analysed coder's passages in this document. */
  readonly passages: readonly CodedPassage[];
  /** The question and answer blocks; parsed from `text` when absent and the unit is `block`. */
  readonly blocks?: readonly AgreementBlock[];
  /** The coders who coded this document; the others' values are missing here. Default: every analysed coder. */
  readonly codedBy?: readonly string[];
}

export interface AgreementOptions {
  readonly unit: AgreementUnit;
  /** The coders to compare, in this order; default every coder with a passage, sorted. */
  readonly coders?: readonly string[];
  /** The tags to analyse; default every tag of the analysed coders' passages (after `level` and `rollUp`). */
  readonly tags?: readonly string[];
  /** Compare tags cut to this level of the hierarchy (1 = top): "antwoord/ontwijkend" counts as "antwoord". */
  readonly level?: number;
  /** A passage counts for every ancestor of its tags too ("antwoord/ontwijkend" also for "antwoord"). */
  readonly rollUp?: boolean;
}

export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  /** Units both coded. */
  readonly units: number;
  readonly percentAgreement: Coefficient;
  readonly kappa: Coefficient;
}

export interface AgreementStats {
  /** Units with values of at least two coders: blocks, or code points. */
  readonly units: number;
  readonly percentAgreement: Coefficient;
  /** Cohen's κ; only for exactly two coders. */
  readonly kappa: Coefficient;
  /** Krippendorff's α, nominal. */
  readonly alpha: Coefficient;
  /** Every pair of coders (i < j in `coders` order): their percent agreement and Cohen's κ. */
  readonly pairs: readonly PairAgreement[];
}

export interface TagAgreement extends AgreementStats {
  readonly tag: string;
  /** Per coder, the units (blocks or code points) the coder applied the tag to. */
  readonly applied: Readonly<Record<string, number>>;
}

/** A unit (a block, or a run of characters) on which the coders who coded it differ about a tag. */
export interface Disagreement {
  readonly document: string;
  readonly tag: string;
  /** The unit's place: UTF-16 offsets into the document text (a block's span, or the run of characters). */
  readonly start: number;
  readonly end: number;
  /** For block units: the block's index in the document's blocks, and its label ("Antwoord 3"). */
  readonly block?: { readonly index: number; readonly label: string };
  /** The coders who applied the tag there, and those who coded the document but did not. */
  readonly applied: readonly string[];
  readonly notApplied: readonly string[];
  /** The passages behind it: each coder's passages with the tag that overlap the unit. */
  readonly passages: readonly { readonly coder: string; readonly id?: string; readonly start: number; readonly end: number }[];
}

export interface AgreementReport {
  readonly unit: AgreementUnit;
  readonly coders: readonly string[];
  /** Per analysed tag, in `compareTags` order. */
  readonly tags: readonly TagAgreement[];
  /** Over all analysed tags at once: a unit's value is the set of tags a coder applied to it. */
  readonly overall: AgreementStats;
  /** In document order, then by place and tag. */
  readonly disagreements: readonly Disagreement[];
}

interface Interval {
  readonly coder: number;
  readonly start: number;
  readonly end: number;
  readonly passage: number;
}

/** Computes agreement of `documents` (see the module comment for units, values and coefficients). */
export function computeAgreement(documents: readonly AgreementDocument[], options: AgreementOptions): AgreementReport {
  const coders = options.coders ? [...options.coders] : distinctCoders(documents);
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const expand = tagExpander(options);
  const tags = options.tags
    ? [...new Set(options.tags.map(normalizeTag).filter((t) => t))].sort(compareTags)
    : usedTags(documents, coderIndex, expand);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const n = coders.length;
  const perTag = tags.map(() => new NominalTally(n));
  const applied = tags.map(() => new Array<number>(n).fill(0));
  const overall = new NominalTally(n);
  const combinations = new Map<string, number>();
  const combination = (key: string): number => {
    let id = combinations.get(key);
    if (id === undefined) combinations.set(key, (id = combinations.size));
    return id;
  };
  const disagreements: Disagreement[] = [];

  for (const doc of documents) {
    const present = new Int8Array(n);
    for (const c of doc.codedBy ?? coders) {
      const i = coderIndex.get(c);
      if (i !== undefined) present[i] = 1;
    }
    // Per tag, the passages' intervals (clipped to the text).
    const intervals: Interval[][] = tags.map(() => []);
    doc.passages.forEach((p, passage) => {
      const coder = coderIndex.get(p.coder);
      if (coder === undefined || !present[coder]) return;
      const start = Math.max(0, Math.min(p.start, doc.text.length));
      const end = Math.max(0, Math.min(p.end, doc.text.length));
      if (end <= start) return;
      for (const t of expandAll(p.tags, expand)) {
        const ti = tagIndex.get(t);
        if (ti !== undefined) intervals[ti].push({ coder, start, end, passage });
      }
    });
    const ctx: DocumentContext = { doc, n, present, coders, tags, intervals, perTag, applied, overall, combination, disagreements };
    if (options.unit === 'block') blockUnits(ctx);
    else characterUnits(ctx);
  }

  const stats = (tally: NominalTally): AgreementStats => {
    const pairs: PairAgreement[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const table = tally.table(i, j);
        const units = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
        const diagonal = table.reduce((s, row, k) => s + row[k], 0);
        pairs.push({ a: coders[i], b: coders[j], units, percentAgreement: units > 0 ? { value: diagonal / units } : none('noUnits'), kappa: cohensKappa(table) });
      }
    }
    return {
      units: tally.units,
      percentAgreement: tally.percentAgreement(),
      kappa: n === 2 ? pairs[0].kappa : none('notTwoCoders'),
      alpha: tally.alpha(),
      pairs,
    };
  };
  const order = new Map(documents.map((d, i) => [d, i]));
  const docIndex = new Map(documents.map((d) => [d.name, order.get(d) ?? 0]));
  disagreements.sort((a, b) => (docIndex.get(a.document) ?? 0) - (docIndex.get(b.document) ?? 0) || a.start - b.start || compareTags(a.tag, b.tag));
  return {
    unit: options.unit,
    coders,
    tags: tags.map((tag, t) => ({ tag, ...stats(perTag[t]), applied: Object.fromEntries(coders.map((c, i) => [c, applied[t][i]])) })),
    overall: stats(overall),
    disagreements,
  };
}

interface DocumentContext {
  readonly doc: AgreementDocument;
  readonly n: number;
  readonly present: Int8Array;
  readonly coders: readonly string[];
  readonly tags: readonly string[];
  readonly intervals: readonly Interval[][];
  readonly perTag: readonly NominalTally[];
  readonly applied: readonly number[][];
  readonly overall: NominalTally;
  readonly combination: (key: string) => number;
  readonly disagreements: Disagreement[];
}

function distinctCoders(documents: readonly AgreementDocument[]): string[] {
  const out = new Set<string>();
  for (const d of documents) for (const p of d.passages) if (p.coder) out.add(p.coder);
  return [...out].sort(compareCoders);
}

function tagExpander(options: AgreementOptions): (tag: string) => readonly string[] {
  const level = options.level;
  const cache = new Map<string, readonly string[]>();
  return (tag) => {
    let out = cache.get(tag);
    if (out) return out;
    const t = level !== undefined ? tagAtLevel(tag, level) : normalizeTag(tag);
    out = !t ? [] : options.rollUp ? tagAndAncestors(t) : [t];
    cache.set(tag, out);
    return out;
  };
}

function expandAll(tags: readonly string[], expand: (tag: string) => readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tags) for (const x of expand(t)) out.add(x);
  return out;
}

function usedTags(documents: readonly AgreementDocument[], coders: ReadonlyMap<string, number>, expand: (tag: string) => readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of documents) {
    for (const p of d.passages) {
      if (coders.has(p.coder) && p.end > p.start) for (const t of expandAll(p.tags, expand)) out.add(t);
    }
  }
  return [...out].sort(compareTags);
}

/** Values of the present coders: 1 where `on`, 0 elsewhere; −1 for the absent. */
function fillValues(values: Int32Array, present: Int8Array, on: (coder: number) => boolean): void {
  for (let c = 0; c < values.length; c++) values[c] = present[c] ? (on(c) ? 1 : 0) : -1;
}

function isDisagreement(values: Int32Array): boolean {
  let first = -1;
  for (let c = 0; c < values.length; c++) {
    if (values[c] < 0) continue;
    if (first < 0) first = values[c];
    else if (values[c] !== first) return true;
  }
  return false;
}

function disagreement(ctx: DocumentContext, tag: string, start: number, end: number, values: Int32Array,
  passages: Iterable<number>, block?: { index: number; label: string }): Disagreement {
  const appliedBy: string[] = [];
  const notApplied: string[] = [];
  for (let c = 0; c < values.length; c++) {
    if (values[c] === 1) appliedBy.push(ctx.coders[c]);
    else if (values[c] === 0) notApplied.push(ctx.coders[c]);
  }
  const list = [...passages].sort((a, b) => a - b).map((i) => {
    const p = ctx.doc.passages[i];
    return { coder: p.coder, ...(p.id !== undefined ? { id: p.id } : {}), start: p.start, end: p.end };
  });
  return { document: ctx.doc.name, tag, start, end, ...(block ? { block } : {}), applied: appliedBy, notApplied, passages: list };
}

/** Block units: each question and answer block of the document. */
function blockUnits(ctx: DocumentContext): void {
  const { doc, n, present, tags, intervals } = ctx;
  const blocks = doc.blocks ?? parseDocument(doc.text).blocks;
  const b = blocks.length;
  if (b === 0) return;
  const values = new Int32Array(n);
  // Per block, per coder, the tags applied (for the overall value).
  const sets: Set<number>[][] = Array.from({ length: b }, () => Array.from({ length: n }, () => new Set<number>()));
  for (let t = 0; t < tags.length; t++) {
    const tally = ctx.perTag[t];
    if (intervals[t].length === 0) {
      fillValues(values, present, () => false);
      tally.add(values, b);
      continue;
    }
    const on = new Uint8Array(b * n);
    const behind: number[][] = Array.from({ length: b }, () => []);
    for (const iv of intervals[t]) {
      for (let k = firstBlockEndingAfter(blocks, iv.start); k < b && blocks[k].span.start < iv.end; k++) {
        if (blocks[k].span.end <= iv.start) continue;
        on[k * n + iv.coder] = 1;
        behind[k].push(iv.passage);
        sets[k][iv.coder].add(t);
      }
    }
    for (let k = 0; k < b; k++) {
      fillValues(values, present, (c) => on[k * n + c] === 1);
      tally.add(values, 1);
      for (let c = 0; c < n; c++) if (values[c] === 1) ctx.applied[t][c]++;
      if (isDisagreement(values)) {
        ctx.disagreements.push(disagreement(ctx, tags[t], blocks[k].span.start, blocks[k].span.end, values, new Set(behind[k]), { index: k, label: blocks[k].label.name }));
      }
    }
  }
  for (let k = 0; k < b; k++) {
    for (let c = 0; c < n; c++) values[c] = present[c] ? ctx.combination([...sets[k][c]].sort((x, y) => x - y).join(',')) : -1;
    ctx.overall.add(values, 1);
  }
}

/** The first block whose span ends after `offset` (blocks are in document order and do not overlap). */
function firstBlockEndingAfter(blocks: readonly AgreementBlock[], offset: number): number {
  return countBefore(blocks.length, (i) => blocks[i].span.end <= offset);
}

/** Character units: the code points of the text, swept run by run. */
function characterUnits(ctx: DocumentContext): void {
  const { doc, n, present, tags, intervals } = ctx;
  const length = doc.text.length;
  if (length === 0) return;
  // Code points: UTF-16 units, less one per surrogate pair (most texts have none).
  const points = /[\uD800-\uDFFF]/.test(doc.text) ? new CodePointIndex(doc.text) : undefined;
  const weight = points ? (a: number, b: number): number => points.toCodePoint(b) - points.toCodePoint(a) : (a: number, b: number): number => b - a;
  const total = weight(0, length);
  const values = new Int32Array(n);
  for (let t = 0; t < tags.length; t++) {
    const tally = ctx.perTag[t];
    const list = intervals[t];
    if (list.length === 0) {
      fillValues(values, present, () => false);
      tally.add(values, total);
      continue;
    }
    sweep(list, n, length, (start, end, state) => {
      fillValues(values, present, (c) => state[c] > 0);
      const w = weight(start, end);
      tally.add(values, w);
      for (let c = 0; c < n; c++) if (values[c] === 1) ctx.applied[t][c] += w;
      if (isDisagreement(values)) {
        const behind = new Set<number>();
        for (const iv of list) if (iv.start < end && iv.end > start) behind.add(iv.passage);
        ctx.disagreements.push(disagreement(ctx, tags[t], start, end, values, behind));
      }
    });
  }
  // Overall: every tag's intervals at once; a coder's value is the set of tags that cover the run.
  const all: Interval[] = [];
  const tagOf: number[] = [];
  intervals.forEach((list, t) => { for (const iv of list) { all.push(iv); tagOf.push(t); } });
  const counts = new Int32Array(n * tags.length);
  const sets = Array.from({ length: n }, () => new Set<number>());
  const key = (c: number): string => (sets[c].size === 0 ? '' : [...sets[c]].sort((x, y) => x - y).join(','));
  for (let c = 0; c < n; c++) values[c] = present[c] ? ctx.combination(key(c)) : -1;
  const keys = sortedBoundaries(all);
  const span = 2 * all.length;
  let prev = 0;
  for (let i = 0; i < keys.length;) {
    const at = Math.floor(keys[i] / span);
    if (at > prev) {
      ctx.overall.add(values, weight(prev, at));
      prev = at;
    }
    for (; i < keys.length && Math.floor(keys[i] / span) === at; i++) {
      const code = keys[i] - at * span;
      const index = code >> 1;
      const c = all[index].coder;
      const slot = c * tags.length + tagOf[index];
      counts[slot] += code & 1 ? 1 : -1;
      if (counts[slot] > 0) sets[c].add(tagOf[index]); else sets[c].delete(tagOf[index]);
      values[c] = ctx.combination(key(c));
    }
  }
  if (length > prev) ctx.overall.add(values, weight(prev, length));
}

/**
 * The starts and ends of intervals as sorted numbers: offset × 2m + (2 × index + 1 for a start,
 * 2 × index for an end), m the number of intervals (exact below 2^53).
 */
function sortedBoundaries(list: readonly { readonly start: number; readonly end: number }[]): Float64Array {
  const span = 2 * list.length;
  const keys = new Float64Array(span);
  for (let i = 0; i < list.length; i++) {
    keys[2 * i] = list[i].start * span + 2 * i + 1;
    keys[2 * i + 1] = list[i].end * span + 2 * i;
  }
  return keys.sort();
}

/**
 * Sweeps one tag's intervals over [0, length): calls `run` for each maximal run of offsets on
 * which every coder's state (applied or not) is the same, with each coder's state (> 0: applied).
 * The state array is reused: read it during the call only.
 */
function sweep(list: readonly Interval[], n: number, length: number, run: (start: number, end: number, state: Int32Array) => void): void {
  const active = new Int32Array(n);
  const runState = new Int32Array(n);
  let runStart = 0;
  const keys = sortedBoundaries(list);
  const span = 2 * list.length;
  for (let i = 0; i < keys.length;) {
    const at = Math.floor(keys[i] / span);
    for (; i < keys.length && Math.floor(keys[i] / span) === at; i++) {
      const code = keys[i] - at * span;
      active[list[code >> 1].coder] += code & 1 ? 1 : -1;
    }
    let same = true;
    for (let c = 0; c < n && same; c++) same = (active[c] > 0 ? 1 : 0) === runState[c];
    if (same) continue;
    if (at > runStart) run(runStart, at, runState);
    runStart = at;
    for (let c = 0; c < n; c++) runState[c] = active[c] > 0 ? 1 : 0;
  }
  if (length > runStart) run(runStart, length, runState);
}
