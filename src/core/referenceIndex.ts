/**
 * The reference index of a parsed document: which blocks a cross-reference points to (the nearest
 * sensible one where numbers repeat per sub-item), and which cross-references point to a block.
 * Plain data.
 */
import type { CrossRef, ParsedDocument, QaBlock, QuestionNumber, Span } from './model';
import { canonicalBase, canonicalNumber } from './numbers';
import { countBefore, lastStartingAtOrBefore } from './util/search';

/** How a cross-reference resolved. */
export type ResolutionStatus =
  /** Every number was found in this document. */
  | 'resolved'
  /** Some numbers were found, some not. */
  | 'partial'
  /** The phrase itself points to another document ("uw antwoord op vraag 2 van de schriftelijke vragen ..."). */
  | 'external'
  /** The document has no numbered questions or answers: the reference is about another document. */
  | 'noStructure'
  /** None of the numbers exists here. */
  | 'missing';

export interface ResolvedNumber {
  readonly number: QuestionNumber;
  /** Index into `ParsedDocument.blocks`. */
  readonly question?: number;
  readonly answer?: number;
}

export interface Resolution {
  readonly ref: CrossRef;
  readonly status: ResolutionStatus;
  /** Per number of the phrase, in order; empty for external references. */
  readonly numbers: readonly ResolvedNumber[];
  /** Numbers of the phrase with neither a question nor an answer here. */
  readonly missing: readonly QuestionNumber[];
  /** The blocks to show, in order and without repeats: per number the question, then the answer. */
  readonly blocks: readonly number[];
  /** Where Go to Definition goes: the answers (or the questions, when the phrase names the question). */
  readonly definitions: readonly number[];
}

export interface ReferenceIndex {
  readonly doc: ParsedDocument;
  /** Per block: the run of questions it belongs to (a new run starts where the numbering restarts). */
  readonly segments: readonly number[];
  /** Per cross-reference (same order as `doc.crossRefs`). */
  readonly resolutions: readonly Resolution[];
  /** Per block: indexes of the cross-references whose targets include it. */
  readonly referrers: ReadonlyMap<number, readonly number[]>;
}

type Kind = QaBlock['kind'];

class NumberTable {
  private readonly exact = new Map<string, number[]>();
  private readonly base = new Map<string, number[]>();

  add(n: QuestionNumber, block: number): void {
    push(this.exact, canonicalNumber(n), block);
    push(this.base, canonicalBase(n), block);
  }

  /** Blocks numbered exactly `n`, or else by its base number ("2" finds "2l" and "2m"; "2l" finds "2"). */
  lookup(n: QuestionNumber): readonly number[] | undefined {
    return this.exact.get(canonicalNumber(n)) ?? this.exact.get(canonicalBase(n)) ?? this.base.get(canonicalBase(n));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/**
 * Runs of questions: a question whose first number is not above the first number of the current
 * run starts a new one ("Vraag 1 … Antwoord 1l … Vraag 1 … Antwoord 1m"; or the questions listed
 * first and then repeated with their answers).
 */
function computeSegments(blocks: readonly QaBlock[]): number[] {
  const out: number[] = [];
  let segment = 0;
  let first: number | undefined;
  for (const b of blocks) {
    if (b.kind === 'question' && b.numbers.length > 0) {
      const n = +canonicalBase(b.numbers[0]);
      if (Number.isFinite(n)) {
        if (first !== undefined && n <= first) {
          segment++;
          first = n;
        } else if (first === undefined) first = n;
      }
    }
    out.push(segment);
  }
  return out;
}

/**
 * The candidate nearest to `offset`: within the same run of questions if there is one there, else
 * the closest in the text. `candidates` in document order.
 */
function nearest(doc: ParsedDocument, segments: readonly number[], candidates: readonly number[], offset: number, segment: number): number {
  if (candidates.length === 1) return candidates[0];
  const blocks = doc.blocks;
  const p = countBefore(candidates.length, (i) => blocks[candidates[i]].span.start <= offset) - 1;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = p; i >= 0 && segments[candidates[i]] === segment; i--) {
    const d = distanceTo(blocks[candidates[i]].span, offset);
    if (d < bestDistance) { best = candidates[i]; bestDistance = d; }
  }
  for (let i = p + 1; i < candidates.length && segments[candidates[i]] === segment; i++) {
    const d = distanceTo(blocks[candidates[i]].span, offset);
    if (d < bestDistance) { best = candidates[i]; bestDistance = d; }
  }
  if (best >= 0) return best;
  for (const i of [p, p + 1]) {
    if (i < 0 || i >= candidates.length) continue;
    const d = distanceTo(blocks[candidates[i]].span, offset);
    if (d < bestDistance) { best = candidates[i]; bestDistance = d; }
  }
  return best;
}

function distanceTo(s: Span, offset: number): number {
  return offset < s.start ? s.start - offset : offset > s.end ? offset - s.end : 0;
}

function addOnce(list: number[], b: number | undefined): void {
  if (b !== undefined && !list.includes(b)) list.push(b);
}

/** Builds the reference index. Linear in the number of blocks and references (log per lookup). */
export function buildReferenceIndex(doc: ParsedDocument): ReferenceIndex {
  const segments = computeSegments(doc.blocks);
  const tables: Record<Kind, NumberTable> = { question: new NumberTable(), answer: new NumberTable() };
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i];
    for (const n of b.numbers) tables[b.kind].add(n, i);
  }
  const hasNumbers = doc.blocks.some((b) => b.numbers.length > 0);
  const referrers = new Map<number, number[]>();
  const resolutions: Resolution[] = [];
  for (let r = 0; r < doc.crossRefs.length; r++) {
    const res = resolve(doc, segments, tables, hasNumbers, doc.crossRefs[r]);
    for (const b of res.blocks) push(referrers, b, r);
    resolutions.push(res);
  }
  return { doc, segments, resolutions, referrers };
}

function segmentAt(doc: ParsedDocument, segments: readonly number[], offset: number): number {
  const i = lastStartingAtOrBefore(doc.blocks, offset, (b) => b.span);
  return i < 0 ? 0 : segments[i];
}

function resolve(doc: ParsedDocument, segments: readonly number[], tables: Record<Kind, NumberTable>, hasNumbers: boolean, ref: CrossRef): Resolution {
  if (ref.external) return { ref, status: 'external', numbers: [], missing: [], blocks: [], definitions: [] };
  if (!hasNumbers) return { ref, status: 'noStructure', numbers: [], missing: [...ref.numbers], blocks: [], definitions: [] };
  const offset = ref.span.start;
  const segment = segmentAt(doc, segments, offset);
  const numbers: ResolvedNumber[] = [];
  const missing: QuestionNumber[] = [];
  const blocks: number[] = [];
  const definitions: number[] = [];
  for (const n of ref.numbers) {
    const qs = tables.question.lookup(n);
    const as = tables.answer.lookup(n);
    let answer = as ? nearest(doc, segments, as, offset, segment) : undefined;
    let question = qs ? nearest(doc, segments, qs, offset, segment) : undefined;
    // Keep a question and its answer together where the parser paired them.
    if (answer !== undefined && question !== undefined) {
      const parent = doc.blocks[answer].parent;
      if (parent !== undefined && parent !== question && doc.blocks[parent].numbers.some((m) => canonicalBase(m) === canonicalBase(n))) question = parent;
    } else if (answer === undefined && question !== undefined) {
      // An unnumbered answer right after its question.
      const next = doc.blocks[question + 1];
      if (next?.parent === question && next.numbers.length === 0) answer = question + 1;
    }
    if (question === undefined && answer === undefined) {
      missing.push(n);
      continue;
    }
    numbers.push({ number: n, question, answer });
    addOnce(blocks, question);
    addOnce(blocks, answer);
    addOnce(definitions, ref.target === 'question' ? question ?? answer : answer ?? question);
  }
  const status: ResolutionStatus = missing.length === 0 ? 'resolved' : numbers.length === 0 ? 'missing' : 'partial';
  return { ref, status, numbers, missing, blocks, definitions };
}

/** The cross-references (indexes into `doc.crossRefs`) that point to a block: its question or its answer. */
export function referencesTo(index: ReferenceIndex, block: number): readonly number[] {
  return index.referrers.get(block) ?? [];
}

/** The markers (indexes into `doc.footnoteRefs`) of a footnote. */
export function markersOf(doc: ParsedDocument, footnote: number): number[] {
  const out: number[] = [];
  doc.footnoteRefs.forEach((r, i) => {
    if (r.footnote === footnote) out.push(i);
  });
  return out;
}
