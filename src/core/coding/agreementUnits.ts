/**
 * The units of an agreement analysis, tallied one document at a time:
 * - `block`: every question and answer block of each document (`parseDocument(text).blocks`). A
 *   tag applies to a block for a coder when one of the coder's passages with that tag overlaps it
 *   (shares at least one character; touching is not overlapping).
 * - `character`: every Unicode code point of each document's text. A tag applies to a code point
 *   for a coder when one of the coder's passages with that tag covers it. Computed by sweeping
 *   the passages' boundaries: runs of code points where every coder says the same count at once.
 * Each unit adds the coders' values to the tag's tally (applied or not; −1 for a coder who did not
 * code the document) and to the overall tally (the set of tags applied), and a disagreement where
 * the coders differ about a tag.
 */
import { CodePointIndex } from '../annotations/model';
import { parseDocument } from '../parser';
import { countBefore } from '../util/search';
import type { AgreementBlock, AgreementDocument, Disagreement } from './agreementData';
import type { NominalTally } from './agreementStatistics';

/** One coder's passage with one tag, clipped to the text. */
export interface Interval {
  readonly coder: number;
  readonly start: number;
  readonly end: number;
  /** The passage's index in the document's passages. */
  readonly passage: number;
}

/** One document and the tallies its units add to. */
export interface DocumentContext {
  readonly doc: AgreementDocument;
  /** The number of analysed coders. */
  readonly n: number;
  /** Per coder, 1 when the coder coded this document. */
  readonly present: Int8Array;
  readonly coders: readonly string[];
  readonly tags: readonly string[];
  /** Per tag, the passages' intervals. */
  readonly intervals: readonly Interval[][];
  readonly perTag: readonly NominalTally[];
  /** Per tag, per coder, the units the coder applied the tag to. */
  readonly applied: readonly number[][];
  readonly overall: NominalTally;
  /** The category id of a set of tags (its sorted tag indexes joined by commas). */
  readonly combination: (key: string) => number;
  readonly disagreements: Disagreement[];
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
export function blockUnits(ctx: DocumentContext): void {
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
    for (let c = 0; c < n; c++) values[c] = present[c] ? ctx.combination(tagSetKey(sets[k][c])) : -1;
    ctx.overall.add(values, 1);
  }
}

/** The key of a coder's set of tags for `combination`: the sorted tag indexes joined by commas ("" for none). */
function tagSetKey(tags: ReadonlySet<number>): string {
  return tags.size === 0 ? '' : [...tags].sort((x, y) => x - y).join(',');
}

/** The first block whose span ends after `offset` (blocks are in document order and do not overlap). */
function firstBlockEndingAfter(blocks: readonly AgreementBlock[], offset: number): number {
  return countBefore(blocks.length, (i) => blocks[i].span.end <= offset);
}

/** The number of code points in [a, b) of a text, from UTF-16 offsets. */
type Weight = (a: number, b: number) => number;

/** Character units: the code points of the text, swept run by run. */
export function characterUnits(ctx: DocumentContext): void {
  const text = ctx.doc.text;
  if (text.length === 0) return;
  // Code points: UTF-16 units, less one per surrogate pair (most texts have none).
  const points = /[\uD800-\uDFFF]/.test(text) ? new CodePointIndex(text) : undefined;
  const weight: Weight = points ? (a, b) => points.toCodePoint(b) - points.toCodePoint(a) : (a, b) => b - a;
  characterUnitsPerTag(ctx, weight);
  characterUnitsOverall(ctx, weight);
}

/** Per tag: each run of characters on which every coder's value is the same is one weighted unit. */
function characterUnitsPerTag(ctx: DocumentContext, weight: Weight): void {
  const { doc, n, present, tags, intervals } = ctx;
  const length = doc.text.length;
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
}

/** Overall: every tag's intervals at once; a coder's value is the set of tags that cover the run. */
function characterUnitsOverall(ctx: DocumentContext, weight: Weight): void {
  const { doc, n, present, tags, intervals } = ctx;
  const length = doc.text.length;
  const values = new Int32Array(n);
  const all: Interval[] = [];
  const tagOf: number[] = [];
  intervals.forEach((list, t) => { for (const iv of list) { all.push(iv); tagOf.push(t); } });
  const counts = new Int32Array(n * tags.length);
  const sets = Array.from({ length: n }, () => new Set<number>());
  for (let c = 0; c < n; c++) values[c] = present[c] ? ctx.combination(tagSetKey(sets[c])) : -1;
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
      values[c] = ctx.combination(tagSetKey(sets[c]));
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
