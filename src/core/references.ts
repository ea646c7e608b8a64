/**
 * The reference index of a parsed document: which blocks a cross-reference points to (the nearest
 * sensible one where numbers repeat per sub-item), which cross-references point to a block, what
 * lies under an offset, and the structural problems of the question/answer sequence. Plain data.
 */
import type { CrossRef, DocRef, Footnote, FootnoteRef, ParsedDocument, QaBlock, QuestionNumber, Span } from './model';

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

/** "2l" → "2"; "12" → "12"; "08" → "8". A character scan: this runs for every number and reference. */
export function baseNumber(n: QuestionNumber): string {
  let digits = 0;
  while (digits < n.length && n.charCodeAt(digits) >= 48 && n.charCodeAt(digits) <= 57) digits++;
  if (digits === 0) return n.toLowerCase();
  let zeros = 0;
  while (zeros < digits - 1 && n.charCodeAt(zeros) === 48) zeros++;
  return zeros === 0 && digits === n.length ? n : n.slice(zeros, digits);
}

/** "2L" → "2l"; "08" → "8". */
function normNumber(n: QuestionNumber): string {
  const base = baseNumber(n);
  if (base === n) return n;
  let digits = 0;
  while (digits < n.length && n.charCodeAt(digits) >= 48 && n.charCodeAt(digits) <= 57) digits++;
  return digits === 0 ? n.toLowerCase() : base + n.slice(digits).toLowerCase();
}

type Kind = QaBlock['kind'];

class NumberTable {
  private readonly exact = new Map<string, number[]>();
  private readonly base = new Map<string, number[]>();

  add(n: QuestionNumber, block: number): void {
    push(this.exact, normNumber(n), block);
    push(this.base, baseNumber(n), block);
  }

  /** Blocks numbered exactly `n`, or else by its base number ("2" finds "2l" and "2m"; "2l" finds "2"). */
  lookup(n: QuestionNumber): readonly number[] | undefined {
    return this.exact.get(normNumber(n)) ?? this.exact.get(baseNumber(n)) ?? this.base.get(baseNumber(n));
  }

  hasBase(n: QuestionNumber): boolean {
    return this.base.has(baseNumber(n));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** Index of the last item whose start is ≤ offset, or -1. `items` sorted by start. */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, start: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]) <= offset) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** The item whose span contains the offset (end inclusive), for sorted, non-overlapping spans. */
export function spanAt<T>(items: readonly T[], offset: number, span: (t: T) => Span): number {
  const i = lastStartingAtOrBefore(items, offset, (t) => span(t).start);
  return i >= 0 && offset <= span(items[i]).end ? i : -1;
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
      const n = +baseNumber(b.numbers[0]);
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
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[candidates[mid]].span.start <= offset) lo = mid + 1; else hi = mid;
  }
  const p = lo - 1;
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
  const i = lastStartingAtOrBefore(doc.blocks, offset, (b) => b.span.start);
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
      if (parent !== undefined && parent !== question && doc.blocks[parent].numbers.some((m) => baseNumber(m) === baseNumber(n))) question = parent;
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

/** What lies under an offset. */
export type Target =
  | { readonly kind: 'crossRef'; readonly index: number; readonly span: Span; readonly resolution: Resolution }
  | { readonly kind: 'footnoteRef'; readonly index: number; readonly span: Span; readonly ref: FootnoteRef; readonly footnote: Footnote }
  | { readonly kind: 'footnote'; readonly index: number; readonly span: Span; readonly footnote: Footnote }
  | { readonly kind: 'docRef'; readonly index: number; readonly span: Span; readonly ref: DocRef }
  | { readonly kind: 'label'; readonly index: number; readonly span: Span; readonly block: QaBlock };

/** The reference, footnote or label at an offset (end inclusive), if any. */
export function targetAt(index: ReferenceIndex, offset: number): Target | undefined {
  const doc = index.doc;
  let i = spanAt(doc.crossRefs, offset, (r) => r.span);
  if (i >= 0) return { kind: 'crossRef', index: i, span: doc.crossRefs[i].span, resolution: index.resolutions[i] };
  i = spanAt(doc.footnoteRefs, offset, (r) => r.span);
  if (i >= 0) {
    const ref = doc.footnoteRefs[i];
    return { kind: 'footnoteRef', index: i, span: ref.span, ref, footnote: doc.footnotes[ref.footnote] };
  }
  i = spanAt(doc.docRefs, offset, (r) => r.span);
  if (i >= 0) return { kind: 'docRef', index: i, span: doc.docRefs[i].span, ref: doc.docRefs[i] };
  i = spanAt(doc.blocks, offset, (b) => b.span);
  if (i >= 0) {
    const block = doc.blocks[i];
    const l = block.label.span;
    if (!block.implicit && l.start <= offset && offset <= l.end) return { kind: 'label', index: i, span: l, block };
  }
  i = spanAt(doc.footnotes, offset, (f) => f.span);
  if (i >= 0) {
    const f = doc.footnotes[i];
    // The marker at the start of the footnote line.
    if (offset <= f.span.start + f.marker.length) return { kind: 'footnote', index: i, span: { start: f.span.start, end: f.span.start + f.marker.length }, footnote: f };
  }
  return undefined;
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

export interface Excerpt {
  readonly text: string;
  /** True when the text was cut short (the hover then shows "…"). */
  readonly truncated: boolean;
}

/** The first `maxLines` lines (at most `maxChars` characters) of a span, lines trimmed at their end. */
export function excerpt(text: string, span: Span, maxLines: number, maxChars: number): Excerpt {
  const lines: string[] = [];
  let pos = span.start;
  let chars = 0;
  while (pos < span.end && lines.length < maxLines) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > span.end) nl = span.end;
    let line = text.slice(pos, Math.min(nl, pos + (maxChars - chars))).replace(/\s+$/u, '');
    const cut = nl - pos > maxChars - chars;
    chars += line.length;
    pos = nl + 1;
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue; // no runs of blank lines
    if (cut) {
      line = line.replace(/\s+\S*$/u, '');
      lines.push(line);
      return { text: lines.join('\n'), truncated: true };
    }
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { text: lines.join('\n'), truncated: pos < span.end && text.slice(pos, span.end).trim() !== '' };
}

export interface HoverSection {
  /** "Vraag 8" as written, or a footnote marker. */
  readonly label: string;
  readonly kind: 'question' | 'answer' | 'footnote';
  /** Where the block starts, for a link to it. */
  readonly span: Span;
  readonly excerpt: Excerpt;
}

export interface CrossRefHover {
  readonly kind: 'crossRef';
  readonly span: Span;
  readonly status: ResolutionStatus;
  readonly missing: readonly QuestionNumber[];
  readonly sections: readonly HoverSection[];
}

/** Line and character limits of the hover excerpts. */
export const QUESTION_LINES = 4;
export const QUESTION_CHARS = 400;
export const ANSWER_LINES = 15;
export const ANSWER_CHARS = 2500;

/** The content of a hover over a cross-reference, as plain data. */
export function crossRefHover(text: string, index: ReferenceIndex, resolution: Resolution): CrossRefHover {
  const sections = resolution.blocks.map((i): HoverSection => {
    const b = index.doc.blocks[i];
    const isQ = b.kind === 'question';
    return {
      label: b.label.name,
      kind: b.kind,
      span: b.span,
      excerpt: excerpt(text, b.body, isQ ? QUESTION_LINES : ANSWER_LINES, isQ ? QUESTION_CHARS : ANSWER_CHARS),
    };
  });
  return { kind: 'crossRef', span: resolution.ref.span, status: resolution.status, missing: resolution.missing, sections };
}

/** Structural problems, as plain data; the adapter words them. */
export type Problem =
  | { readonly code: 'questionWithoutAnswer'; readonly span: Span; readonly label: string }
  | { readonly code: 'answerWithoutQuestion'; readonly span: Span; readonly label: string }
  | { readonly code: 'missingNumber'; readonly span: Span; readonly numbers: readonly string[] }
  | { readonly code: 'duplicateNumber'; readonly span: Span; readonly number: string }
  | { readonly code: 'unknownReference'; readonly span: Span; readonly numbers: readonly string[] };

/**
 * Questions without an answer, answers without a question (anywhere in the document), numbers
 * missing or repeated in a run of questions, and references to numbers that do not exist here.
 */
export function findProblems(index: ReferenceIndex): Problem[] {
  const doc = index.doc;
  const problems: Problem[] = [];
  const qBases = new Set<string>();
  const aBases = new Set<string>();
  for (const b of doc.blocks) for (const n of b.numbers) (b.kind === 'question' ? qBases : aBases).add(baseNumber(n));
  const answeredByPosition = new Set<number>();
  doc.blocks.forEach((b) => {
    if (b.kind === 'answer' && b.parent !== undefined) answeredByPosition.add(b.parent);
  });

  if (aBases.size > 0 || answeredByPosition.size > 0) {
    doc.blocks.forEach((b, i) => {
      if (b.kind !== 'question' || b.numbers.length === 0 || answeredByPosition.has(i)) return;
      if (b.numbers.some((n) => !aBases.has(baseNumber(n)))) {
        problems.push({ code: 'questionWithoutAnswer', span: b.label.span, label: b.label.name });
      }
    });
  }
  if (qBases.size > 0) {
    doc.blocks.forEach((b) => {
      if (b.kind !== 'answer' || b.numbers.length === 0) return;
      if (b.numbers.some((n) => !qBases.has(baseNumber(n)))) {
        problems.push({ code: 'answerWithoutQuestion', span: b.label.span, label: b.label.name });
      }
    });
  }

  // Questions repeated per sub-topic and answered per sub-item ("Vraag 2" … "Antwoord 2l", "Vraag 2"
  // … "Antwoord 2m") are not repeats: per question, the numbers its answers give a sub-item letter.
  const lettered = new Map<number, Set<number>>();
  doc.blocks.forEach((b) => {
    if (b.kind !== 'answer' || b.parent === undefined) return;
    for (const n of b.numbers) {
      if (!/[a-z]$/iu.test(n)) continue;
      const set = lettered.get(b.parent) ?? new Set<number>();
      set.add(+baseNumber(n));
      lettered.set(b.parent, set);
    }
  });

  // Gaps and repeats in each run of questions.
  let seen = new Set<number>();
  let max = 0;
  let segment = -1;
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'question' || b.numbers.length === 0) return;
    if (index.segments[i] !== segment) {
      segment = index.segments[i];
      seen = new Set<number>();
      max = 0;
    }
    const bases = [...new Set(b.numbers.map((n) => +baseNumber(n)))].filter(Number.isFinite);
    for (const n of bases) {
      if (seen.has(n) && !lettered.get(i)?.has(n)) problems.push({ code: 'duplicateNumber', span: b.label.span, number: String(n) });
    }
    const lowest = Math.min(...bases);
    if (seen.size > 0 && lowest > max + 1) {
      const gap: string[] = [];
      for (let k = max + 1; k < lowest && gap.length < 50; k++) if (!seen.has(k)) gap.push(String(k));
      if (gap.length > 0) problems.push({ code: 'missingNumber', span: b.label.span, numbers: gap });
    }
    for (const n of bases) {
      seen.add(n);
      max = Math.max(max, n);
    }
  });

  for (const r of index.resolutions) {
    if (r.status === 'missing' || r.status === 'partial') problems.push({ code: 'unknownReference', span: r.ref.numbersSpan, numbers: r.missing });
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}
