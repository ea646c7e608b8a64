/**
 * Where an offset is in a parsed document: the question or answer, beslisnota heading, header or
 * footnote around it, and for questions and answers their counterparts (the answers to a question,
 * the questions an answer answers). Plain data, for the status bar.
 */
import type { ParsedDocument, QaBlock, Span } from './model';
import { canonicalBase } from './numbers';
import type { ReferenceIndex } from './referenceIndex';
import { isSpace, shorten } from './text';
import { lastStartingAtOrBefore } from './util/search';

export type Place =
  /** Before the first structure (metadata of a copied page), or after the end of it. */
  | { readonly kind: 'none' }
  /** In "Vragen van het lid ..." or "Antwoord van ..."; index into `doc.headers`. */
  | { readonly kind: 'header'; readonly header: number }
  /**
   * In a question or answer (`block`, index into `doc.blocks`). `questions` and `answers` are the
   * pair it belongs to, the block itself included: per number of the block, in its order, the
   * counterpart the parser paired with it or else the nearest one with that number.
   */
  | { readonly kind: 'qa'; readonly block: number; readonly questions: readonly number[]; readonly answers: readonly number[] }
  /** In a beslisnota heading's section; index into `doc.sections`. */
  | { readonly kind: 'section'; readonly section: number }
  /** In a footnote; index into `doc.footnotes`. */
  | { readonly kind: 'footnote'; readonly footnote: number };

type Candidate = { readonly kind: 'qa' | 'section' | 'header' | 'footnote'; readonly index: number; readonly span: Span };

/**
 * What the offset (a cursor: end inclusive) is in. Between two structures (blank lines, a page
 * footer) it belongs to the one before; after the last one, only the rest of its last line and
 * blank lines do. A footnote inside an answer (a page break) counts as the footnote.
 */
export function placeAt(index: ReferenceIndex, text: string, offset: number): Place {
  const doc = index.doc;
  // In order of precedence: a footnote inside an answer wins, a block beats a header it overlaps.
  const before: Candidate[] = [];
  let nextStart = Infinity;
  const look = <T>(kind: Candidate['kind'], items: readonly T[], span: (t: T) => Span): Place | undefined => {
    const i = lastStartingAtOrBefore(items, offset, span);
    if (i + 1 < items.length) nextStart = Math.min(nextStart, span(items[i + 1]).start);
    if (i < 0) return undefined;
    if (offset <= span(items[i]).end) return make(index, kind, i);
    before.push({ kind, index: i, span: span(items[i]) });
    return undefined;
  };
  const found = look('footnote', doc.footnotes, (f) => f.span)
    ?? look('qa', doc.blocks, (b) => b.span)
    ?? look('section', doc.sections, (s) => s.span)
    ?? look('header', doc.headers, (h) => h.span);
  if (found) return found;
  if (before.length === 0) return { kind: 'none' };
  // In a gap: the structure that ended last (on a tie the answer, not the footnote that closes it).
  let best = before[0];
  for (const c of before) if (c.span.end > best.span.end || (c.span.end === best.span.end && rank(c) < rank(best))) best = c;
  if (nextStart === Infinity) {
    // After everything: the rest of its last line ("↩︎" after a footnote) and blank lines still belong to it.
    let sameLine = true;
    for (let k = best.span.end; k < offset && k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code === 10) sameLine = false;
      else if (!sameLine && !isSpace(code)) return { kind: 'none' };
    }
  }
  return make(index, best.kind, best.index);
}

const RANK = { qa: 0, footnote: 1, section: 2, header: 3 } as const;
function rank(c: Candidate): number {
  return RANK[c.kind];
}

function make(index: ReferenceIndex, kind: Candidate['kind'], i: number): Place {
  switch (kind) {
    case 'footnote': return { kind, footnote: i };
    case 'section': return { kind, section: i };
    case 'header': return { kind, header: i };
    case 'qa': {
      const { questions, answers } = counterparts(index, i);
      return { kind, block: i, questions, answers };
    }
  }
}

function covers(block: QaBlock, base: string): boolean {
  return block.numbers.some((n) => canonicalBase(n) === base);
}

/**
 * The question(s) and answer(s) a block belongs with, itself included, as indexes into
 * `doc.blocks`. Per number of the block (in its order): the block the parser paired it with when
 * that one has the number, else the nearest block of the other kind with that number in the same
 * run of questions, else the nearest anywhere. Paired blocks without a shared number come last.
 */
export function counterparts(index: ReferenceIndex, i: number): { questions: number[]; answers: number[] } {
  const doc = index.doc;
  const block = doc.blocks[i];
  const other = block.kind === 'question' ? 'answer' : 'question';
  // What the parser paired: an answer's question, a question's answers (they follow it directly).
  const paired: number[] = [];
  if (block.kind === 'answer') {
    if (block.parent !== undefined) paired.push(block.parent);
  } else {
    for (let j = i + 1; j < doc.blocks.length && doc.blocks[j].kind === 'answer' && doc.blocks[j].parent === i; j++) paired.push(j);
  }
  const found: number[] = [];
  const add = (b: number): void => {
    if (!found.includes(b)) found.push(b);
  };
  for (const n of block.numbers) {
    const base = canonicalBase(n);
    const mine = paired.find((p) => covers(doc.blocks[p], base));
    const b = mine ?? nearestWith(index, other, base, i);
    if (b !== undefined) add(b);
  }
  for (const p of paired) add(p);
  return block.kind === 'question' ? { questions: [i], answers: found } : { questions: found, answers: [i] };
}

/** The block of `kind` numbered `base` nearest to block `from`: in its run of questions if any there. */
function nearestWith(index: ReferenceIndex, kind: QaBlock['kind'], base: string, from: number): number | undefined {
  const blocks = index.doc.blocks;
  const at = blocks[from].span;
  let best: number | undefined;
  let bestScore = Infinity;
  for (let j = 0; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.kind !== kind || !covers(b, base)) continue;
    const distance = b.span.start > at.end ? b.span.start - at.end : at.start > b.span.end ? at.start - b.span.end : 0;
    // Another run of questions only when this one has none with the number.
    const score = (index.segments[j] === index.segments[from] ? 0 : 1e12) + distance;
    if (score < bestScore) { best = j; bestScore = score; }
  }
  return best;
}

/** The words a description adds itself; the editor passes them translated. */
export interface PlaceWords {
  readonly footnote: (marker: string) => string;
}

export interface PlaceDescription {
  /** Short text for the status bar: "Vraag 3 · Antwoord 3"; empty when there is nothing to say. */
  readonly text: string;
  /** The label of what the offset is in, as written (whitespace collapsed, trailing colon dropped). */
  readonly current: string;
  /** Labels of the questions and answers of the pair (the current one included), in full. */
  readonly questions: readonly string[];
  readonly answers: readonly string[];
}

/** Longest label shown in the status bar; the tooltip has them in full. */
export const LABEL_LENGTH = 40;
/** Longest list of counterparts ("Vraag 3 + Vraag 8") before it becomes "Vraag 3 + …". */
const COUNTERPARTS_LENGTH = 48;

function side(labels: readonly string[], current: boolean): string {
  const short = labels.map((l) => shorten(l, LABEL_LENGTH));
  if (current || short.length <= 1) return short.join(' + ');
  const all = short.join(' + ');
  return all.length <= COUNTERPARTS_LENGTH ? all : `${short[0]} + …`;
}

/**
 * The labels of a place as the text has them: "Vraag 3 · Antwoord 3" (question first), "Vraag 3"
 * for a question without an answer, a beslisnota heading, "Voetnoot 2"; nothing in headers and
 * metadata (the title is in the outline and breadcrumbs, a sentence is too long for a status bar).
 */
export function describePlace(doc: ParsedDocument, place: Place, words: PlaceWords): PlaceDescription {
  switch (place.kind) {
    case 'qa': {
      const questions = place.questions.map((q) => doc.blocks[q].label.name);
      const answers = place.answers.map((a) => doc.blocks[a].label.name);
      const inQuestion = doc.blocks[place.block].kind === 'question';
      const text = [side(questions, inQuestion), side(answers, !inQuestion)].filter(Boolean).join(' · ');
      return { text, current: doc.blocks[place.block].label.name, questions, answers };
    }
    case 'section': {
      const name = doc.sections[place.section].label.name;
      return { text: shorten(name, LABEL_LENGTH), current: name, questions: [], answers: [] };
    }
    case 'footnote': {
      const name = words.footnote(doc.footnotes[place.footnote].marker);
      return { text: name, current: name, questions: [], answers: [] };
    }
    default:
      return { text: '', current: '', questions: [], answers: [] };
  }
}
