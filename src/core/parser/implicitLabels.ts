/**
 * Labels the text does not write: numbered questions ("1. Kunt u ...?") in documents without
 * question labels, and a question whose label was lost before its answer.
 */
import type { QuestionNumber } from '../model';
import { baseNumber } from '../numbers';
import { lineEndOf, matchLines, trimEnd, trimStart } from '../text';
import { foundLabel, type FoundLabel } from './labels';

/**
 * "1. Kunt u ...?" or "1" alone on its line with the question below it. Made once: `matchLines`
 * finds the regexes it derives by the regex object, and a literal in the function was a new object
 * at every call, looked up by its source instead.
 */
const NUMBERED_LINE = /^[ \t\u00A0]*(\d{1,3})(?:[.)][ \t\u00A0]+(?=\S)|[.)]?[ \t\u00A0]*\r?\n(?=[ \t\u00A0]*\p{L}))/gmu;

/** Numbered questions ("1. Kunt u ...?") in documents without numbered question labels. */
export function findNumberedQuestions(text: string, footnoteStarts: Set<number>): FoundLabel[] {
  const items: Array<{ n: number; start: number; numEnd: number; lineStart: number }> = [];
  let expect = 1;
  for (const m of matchLines(text, NUMBERED_LINE)) {
    const n = +m[1];
    if (n !== expect) continue;
    if (footnoteStarts.has(m.index)) continue;
    const numStart = m.index + m[0].indexOf(m[1]);
    if (text.startsWith('http', m.index + m[0].length)) continue;
    const after = text[numStart + m[1].length];
    items.push({ n, start: numStart, numEnd: numStart + m[1].length + (after === '.' || after === ')' ? 1 : 0), lineStart: m.index });
    expect++;
  }
  if (items.length < 2) return [];
  const out: FoundLabel[] = [];
  let withQuestionMark = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const next = k + 1 < items.length ? items[k + 1].lineStart : text.length;
    const q = text.indexOf('?', it.numEnd);
    const number = String(it.n);
    out.push(foundLabel(text, 'question', `Vraag ${number}`, { start: it.start, end: it.numEnd }, it.start, it.numEnd, [number], true));
    if (q === -1 || q >= next) continue;
    withQuestionMark++;
    // The question ends at the first line that ends with "?"; what follows, up to the next item, answers it.
    const qLineEnd = lineEndOf(text, q);
    const answerStart = trimStart(text, qLineEnd, next);
    if (answerStart < next && !/^[\s#*_]*(?:Antwoord|ANTWOORD)/u.test(text.slice(answerStart, answerStart + 12))) {
      out.push(foundLabel(text, 'answer', `Antwoord ${number}`, { start: answerStart, end: answerStart }, answerStart, answerStart, [number], true));
    }
  }
  return withQuestionMark * 2 >= items.length ? out : [];
}

/**
 * An answer whose question label was lost (at a page break, say) still has its question as the
 * last paragraph before it, ending in "?". Splits that paragraph off the previous block.
 */
export function recoverLostQuestions(text: string, labels: FoundLabel[]): FoundLabel[] {
  // The numbers that some question label covers, without sub-item letters: looked up for every
  // answer that follows an answer (searching the labels each time would be quadratic). Made when
  // first needed: most documents have no answer after an answer.
  let asked: Set<string> | undefined;
  const out: FoundLabel[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const prev = out[out.length - 1];
    if (l.kind === 'answer' && !l.implicit && l.numbers.length > 0 && prev && prev.kind === 'answer'
      && !coversAny(asked ??= askedBases(labels), l.numbers)) {
      const paraEnd = trimEnd(text, prev.bodyStart, l.blockStart);
      const para = paragraphStart(text, prev.bodyStart, paraEnd);
      if (para > prev.bodyStart && text[paraEnd - 1] === '?') {
        out.push(foundLabel(text, 'question', `Vraag ${l.numbers.join(' en ')}`, { start: para, end: para }, para, para, [...l.numbers], true));
      }
    }
    out.push(l);
  }
  return out;
}

/** The numbers the question labels cover, without sub-item letters. */
function askedBases(labels: readonly FoundLabel[]): Set<string> {
  const asked = new Set<string>();
  for (let k = 0; k < labels.length; k++) {
    if (labels[k].kind === 'question') for (const n of labels[k].numbers) asked.add(baseNumber(n));
  }
  return asked;
}

/** Whether one of `numbers`, without its sub-item letter, is in `bases`. */
function coversAny(bases: ReadonlySet<string>, numbers: readonly QuestionNumber[]): boolean {
  for (const n of numbers) if (bases.has(baseNumber(n))) return true;
  return false;
}

/** Start of the paragraph (text after the last blank line) that ends at `end`, not before `min`. */
function paragraphStart(text: string, min: number, end: number): number {
  let i = end;
  while (i > min) {
    const nl = text.lastIndexOf('\n', i - 1);
    if (nl < min) return min;
    // Is the line before `nl` blank?
    const prevNl = text.lastIndexOf('\n', nl - 1);
    const line = text.slice(prevNl + 1, nl);
    if (line.trim() === '') return trimStart(text, nl + 1, end);
    i = nl;
  }
  return min;
}
