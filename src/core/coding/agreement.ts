/**
 * Intercoder agreement: how far coders who tagged the same documents agree, per tag and overall.
 * Pure; plain data in and out. This module is the entry point (`computeAgreement`, and the types
 * and coefficients callers use); the concepts live beside it:
 * - `agreementData.ts`: the documents and options in, the report out;
 * - `agreementUnits.ts`: the units (`block`: question and answer blocks; `character`: code points),
 *   tallied one document at a time;
 * - `agreementStatistics.ts`: percent agreement, Cohen's κ and Krippendorff's α on nominal data.
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
 */
import { compareCoders } from './coders';
import { compareTags, normalizeTag, tagAndAncestors, tagAtLevel } from './tags';
import type {
  AgreementDocument, AgreementOptions, AgreementReport, AgreementStats, Disagreement, PairAgreement,
} from './agreementData';
import { CategoryIds, cohensKappa, NominalTally, undefinedCoefficient } from './agreementStatistics';
import { blockUnits, characterUnits, type DocumentContext, type Interval } from './agreementUnits';

export type {
  AgreementBlock, AgreementDocument, AgreementOptions, AgreementReport, AgreementStats, AgreementUnit,
  CodedPassage, Disagreement, PairAgreement, TagAgreement,
} from './agreementData';
export {
  type Coefficient, cohensKappa, cohensKappaOf, krippendorffAlpha, percentAgreement, type Rating, type UndefinedReason,
} from './agreementStatistics';

/** Tallies shared by every document of one analysis. */
type Tallies = Pick<DocumentContext, 'perTag' | 'applied' | 'overall' | 'combination' | 'disagreements'>;

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
  const tallies = newTallies(n, tags.length);

  for (const doc of documents) {
    const present = presentCoders(doc, coders, coderIndex);
    const intervals = tagIntervals(doc, present, tags.length, coderIndex, tagIndex, expand);
    const ctx: DocumentContext = { doc, n, present, coders, tags, intervals, ...tallies };
    if (options.unit === 'block') blockUnits(ctx);
    else characterUnits(ctx);
  }

  sortDisagreements(tallies.disagreements, documents);
  return {
    unit: options.unit,
    coders,
    tags: tags.map((tag, t) => ({
      tag,
      ...agreementStats(tallies.perTag[t], coders),
      applied: Object.fromEntries(coders.map((c, i) => [c, tallies.applied[t][i]])),
    })),
    overall: agreementStats(tallies.overall, coders),
    disagreements: tallies.disagreements,
  };
}

function newTallies(coders: number, tags: number): Tallies {
  const combinations = new CategoryIds<string>();
  return {
    perTag: Array.from({ length: tags }, () => new NominalTally(coders)),
    applied: Array.from({ length: tags }, () => new Array<number>(coders).fill(0)),
    overall: new NominalTally(coders),
    combination: (key) => combinations.id(key),
    disagreements: [],
  };
}

/** Per analysed coder, 1 when the coder coded `doc`. */
function presentCoders(doc: AgreementDocument, coders: readonly string[], coderIndex: ReadonlyMap<string, number>): Int8Array {
  const present = new Int8Array(coders.length);
  for (const c of doc.codedBy ?? coders) {
    const i = coderIndex.get(c);
    if (i !== undefined) present[i] = 1;
  }
  return present;
}

/** Per tag, the passages' intervals (clipped to the text) of the present coders. */
function tagIntervals(doc: AgreementDocument, present: Int8Array, tags: number, coderIndex: ReadonlyMap<string, number>,
  tagIndex: ReadonlyMap<string, number>, expand: (tag: string) => readonly string[]): Interval[][] {
  const intervals: Interval[][] = Array.from({ length: tags }, () => []);
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
  return intervals;
}

/** The coefficients of one tally: over all coders, and per pair of coders (i < j). */
function agreementStats(tally: NominalTally, coders: readonly string[]): AgreementStats {
  const n = coders.length;
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const table = tally.table(i, j);
      const units = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
      const diagonal = table.reduce((s, row, k) => s + row[k], 0);
      pairs.push({
        a: coders[i], b: coders[j], units,
        percentAgreement: units > 0 ? { value: diagonal / units } : undefinedCoefficient('noUnits'),
        kappa: cohensKappa(table),
      });
    }
  }
  return {
    units: tally.units,
    percentAgreement: tally.percentAgreement(),
    kappa: n === 2 ? pairs[0].kappa : undefinedCoefficient('notTwoCoders'),
    alpha: tally.alpha(),
    pairs,
  };
}

/** In document order (a name shared by two documents sorts as the last of them), then by place and tag. */
function sortDisagreements(disagreements: Disagreement[], documents: readonly AgreementDocument[]): void {
  const docIndex = new Map(documents.map((d, i) => [d.name, i]));
  disagreements.sort((a, b) => (docIndex.get(a.document) ?? 0) - (docIndex.get(b.document) ?? 0) || a.start - b.start || compareTags(a.tag, b.tag));
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
