/** Structural problems of the question/answer sequence, as plain data; the adapter words them. */
import type { Span } from './model';
import { canonicalBase } from './numbers';
import type { ReferenceIndex } from './referenceIndex';

/** One problem, at the label or numbers it is about. */
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
  for (const b of doc.blocks) for (const n of b.numbers) (b.kind === 'question' ? qBases : aBases).add(canonicalBase(n));
  const answeredByPosition = new Set<number>();
  doc.blocks.forEach((b) => {
    if (b.kind === 'answer' && b.parent !== undefined) answeredByPosition.add(b.parent);
  });

  if (aBases.size > 0 || answeredByPosition.size > 0) {
    doc.blocks.forEach((b, i) => {
      if (b.kind !== 'question' || b.numbers.length === 0 || answeredByPosition.has(i)) return;
      if (b.numbers.some((n) => !aBases.has(canonicalBase(n)))) {
        problems.push({ code: 'questionWithoutAnswer', span: b.label.span, label: b.label.name });
      }
    });
  }
  if (qBases.size > 0) {
    doc.blocks.forEach((b) => {
      if (b.kind !== 'answer' || b.numbers.length === 0) return;
      if (b.numbers.some((n) => !qBases.has(canonicalBase(n)))) {
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
      set.add(+canonicalBase(n));
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
    const bases = [...new Set(b.numbers.map((n) => +canonicalBase(n)))].filter(Number.isFinite);
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
