/**
 * Question and answer labels ("Vraag 1 en 2", "Antwoord op vragen 7, 8, en 9") found in one scan of
 * the text, which also collects the candidates for cross-references.
 */
import type { QuestionNumber, Span } from '../model';
import { NUM_SOURCE, parseNumberList } from '../numbers';
import { isDigitCode, isRegexSpace, isSpace, lineStartOf, trimEnd, trimStart } from '../text';
import { collapse, isLetterCode, isLineMarkup, isMarkupNeighbour, isSentenceEnd, isUpper } from './chars';

/** A label as found in the text, before blocks are built. */
export interface FoundLabel {
  kind: 'question' | 'answer';
  name: string;
  /** The label text itself. */
  span: Span;
  /** Where its block starts: the label, or markup before it on the line. */
  blockStart: number;
  /** Where the block's body starts. */
  bodyStart: number;
  numbers: QuestionNumber[];
  implicit: boolean;
  /**
   * Read when the label is found, while that text is in the processor's cache (reading it again
   * when blocks are built costs a cache miss per block): `trimEnd` from `blockStart` back without
   * limit, the character before that, and `trimStart` from `bodyStart` on without limit.
   */
  before: number;
  beforeIsSentenceEnd: boolean;
  bodyTrimmed: number;
}

/** The one place that creates found labels: one object shape. */
export function foundLabel(
  text: string, kind: 'question' | 'answer', name: string, span: Span, blockStart: number, bodyStart: number,
  numbers: QuestionNumber[], implicit: boolean,
): FoundLabel {
  const before = trimEnd(text, 0, blockStart);
  const c = before > 0 ? text.charCodeAt(before - 1) : 0;
  return {
    kind, name, span, blockStart, bodyStart, numbers, implicit,
    before, beforeIsSentenceEnd: c === 46 || c === 63 || c === 33, bodyTrimmed: trimStart(text, bodyStart, text.length),
  };
}

const H = '[ \\t\\u00A0]'; // horizontal whitespace, as a regex class
const SEP_H = `(?:${H}*,${H}*(?:en${H}+)?|${H}+en${H}+|${H}*(?:t\\/m|tot${H}+en${H}+met|-|–|&)${H}*)`;
const NUMLIST_H = `${NUM_SOURCE}(?:${SEP_H}${NUM_SOURCE})*`;

/**
 * The words that may start a label (capitalised, as labels are) and "vraag"/"vragen" in running
 * text, where cross-references may be. One scan for both: each full-text scan costs about as much
 * as reading the text once.
 */
const KEYWORD = /[Vv]ra(?:ag|gen)|VRA(?:AG|GEN)|Antwoord(?:en)?|ANTWOORD(?:EN)?/g;
/**
 * KEYWORD without the lowercase words, when no cross-references are looked for: they are never
 * labels, and every lowercase "vraag" in running text (many an answer has tens) is a hit less.
 */
const LABEL_KEYWORD = /Vra(?:ag|gen)|VRA(?:AG|GEN)|Antwoord(?:en)?|ANTWOORD(?:EN)?/g;
/** After "Antwoord": optional "op (de) vraag/vragen", then numbers. Sticky. */
const ANSWER_TAIL = new RegExp(`(?:(?:${H}+op)?${H}+(?:de${H}+)?vra(?:ag|gen))?${H}*(${NUMLIST_H})`, 'uy');
/** After "Vraag"/"Vragen": numbers. Sticky. */
const QUESTION_TAIL = new RegExp(`${H}*(${NUMLIST_H})`, 'uy');
/**
 * "Vraag van de heer X (VVD):" alone on its line; in older Aanhangsels without the colon: "Vraag van
 * de g.a. de heer X (VVD)" (only "Vraag": "Vragen van het lid X (VVD) ... (ingezonden ...)" is a
 * header). Sticky, after the keyword.
 */
const QUESTION_BY = new RegExp(`${H}+van${H}+[^\\n:]{2,120}(?::|(\\))\\.?)[ \\t\\u00A0*_]*(?=\\r?\\n|$)`, 'uy');
/** "Antwoord", "Antwoord:", "Vraag:" without number. Sticky, after the keyword. */
const BARE_LABEL = /[ \t\u00A0*_]*(?::|(?=\r?\n|$))/uy;

/**
 * How a label candidate at `i` is preceded: at a line start (after markup), after a sentence end
 * (mid-line, in one-line documents), glued to a page footer or sentence end, or in running text.
 * Runs for every capitalised keyword, so it reads character codes rather than one-character strings.
 */
function before(text: string, i: number): 'line' | 'sentence' | 'glued' | 'text' {
  let j = i - 1;
  let spaced = false;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (c === 10) return 'line';
    if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 13) { spaced = true; j--; continue; }
    if (isLineMarkup(c) && (j === 0 || text.charCodeAt(j - 1) === 10 || isMarkupNeighbour(text.charCodeAt(j - 1)))) { j--; continue; }
    break;
  }
  if (j < 0) return 'line';
  const c = text.charCodeAt(j);
  if (isSentenceEnd(c)) return spaced ? 'sentence' : 'glued';
  if (isDigitCode(c)) {
    if (!spaced) return 'glued'; // "Aanhangsel 1Antwoord 3"
    // "toelichten?1 Antwoord 1": a footnote marker after a sentence end.
    let k = j;
    while (k >= 0 && isDigitCode(text.charCodeAt(k))) k--;
    if (k >= 0 && isSentenceEnd(text.charCodeAt(k)) && j - k <= 2) return 'sentence';
    // "…, nr. 1047 Vraag 1", "…, Aanhangsel 3 Antwoord 3": a number (the document's, a page footer's)
    // ends what came before, where the lines of a document were joined into one.
    return j - k <= 4 && (k < 0 || isRegexSpace(text.charCodeAt(k))) ? 'sentence' : 'text';
  }
  return 'text';
}

/** Lines at least this long are a document (or most of one) joined into one line. */
export const LONG_LINE = 1000;

/** Words after which a capitalised "Vraag 2" is a reference in running text, not a label ("zie Vraag 2"). */
const REF_WORD_BEFORE = /(?:^|[^\p{L}])(?:op|de|bij|in|onder|zie|en|van|het|naar|uit|met|aan|over|voor|dan|t\/m)\s+$/iu;

/** Whether what follows a numbered label at `j` lets it be a label: line end, ":" or ".", or a new sentence. */
function acceptsAfter(text: string, j: number, mode: 'line' | 'sentence' | 'glued'): boolean {
  let k = j;
  while (k < text.length && (text[k] === '*' || text[k] === '_')) k++;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00A0')) k++;
  if (k >= text.length) return true;
  const c = text[k];
  if (c === '\n' || c === '\r') return true;
  if (c === ':' ) return true;
  if (c === '.' || c === ')') return mode === 'line' || k + 1 >= text.length || isSpace(text.charCodeAt(k + 1)) || text[k + 1] === '*' || text[k + 1] === '_';
  if (k === j) return false; // glued to a following word: "Vraag 1e"
  return isUpper(c) || c === '«' || c === '“' || c === '"' || c === '‘' || c === '(' || c === '[' || c === '•';
}

/**
 * Finds question and answer labels ("Vraag 1 en 2", "Antwoord op vragen 7, 8, en 9", ...). Every
 * other "vraag"/"vragen" that passes {@link mayBeCrossRef} is pushed to `others` (when given), in text order: the
 * candidates for cross-references.
 */
export function findLabels(text: string, others?: number[]): FoundLabel[] {
  const labels: FoundLabel[] = [];
  // Capitalised keywords inside a label just found are not looked at (the label is skipped);
  // lowercase "vraag"/"vragen" there still are cross-reference candidates.
  let labelEnd = 0;
  // The line of the last keyword that needed it: [lineStart, lineEnd). Keywords come in text order,
  // so a later line is searched for only between the previous line's end and the keyword, and
  // from the keyword to its line's end: each part of the text once.
  let lineStart = 0;
  let lineEnd = -1;
  const onLongLine = (i: number): boolean => {
    if (i > lineEnd) {
      lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const nl = text.indexOf('\n', i);
      lineEnd = nl === -1 ? text.length : nl;
    }
    return lineEnd - lineStart > LONG_LINE;
  };
  const keyword = others === undefined ? LABEL_KEYWORD : KEYWORD;
  keyword.lastIndex = 0;
  // `test`, not `exec`: no match object per keyword (there are tens of thousands in a long text).
  while (keyword.test(text)) {
    const end = keyword.lastIndex;
    const i = end - keywordLength(text, end);
    const first = text.charCodeAt(i);
    if (first === 118 /* v */) {
      if (others !== undefined && mayBeCrossRef(text, i, end)) others.push(i);
      continue;
    }
    if (i < labelEnd) continue;
    const isAnswer = first === 65 /* A */;
    // A capitalised "Vraag 2" that is not a label may still be a cross-reference.
    const pushed = others !== undefined && !isAnswer && mayBeCrossRef(text, i, end);
    if (pushed) others.push(i);
    // Whole words only; a digit before is a glued page footer, a letter is a longer word.
    if (i > 0 && isLetterCode(text.charCodeAt(i - 1))) continue;
    if (end < text.length && isLetterCode(text.charCodeAt(end))) continue;
    let mode = before(text, i);
    // A document on one line: a label after a title or heading without punctuation.
    const afterWord = mode === 'text';
    if (mode === 'text') {
      if (!onLongLine(i)) continue;
      mode = 'sentence';
    }
    const label = readLabel(text, i, end, isAnswer, mode, labels.length > 0 ? labels[labels.length - 1].kind : undefined);
    if (label && !(afterWord && REF_WORD_BEFORE.test(text.slice(Math.max(0, i - 12), i)))) {
      labels.push(label.label);
      if (pushed) others.pop();
      labelEnd = label.end;
    }
  }
  return labels;
}

/** The length of the KEYWORD match that ends at `end`, read from its last letters. */
function keywordLength(text: string, end: number): number {
  const last = text.charCodeAt(end - 1) | 0x20;
  if (last === 103 /* g: vraag */) return 5;
  if (last === 100 /* d: antwoord */) return 8;
  return (text.charCodeAt(end - 3) | 0x20) === 103 /* g: vragen */ ? 6 : 10; // antwoorden
}

/**
 * Whether "vraag"/"vragen" at `i`–`end` can start a cross-reference as far as the text right
 * around it tells: a whole word, followed by whitespace and a digit. Most are not. Tested while
 * the keyword scan has this part of the text at hand (in the processor's cache): looking again
 * later, for every keyword, costs a cache miss each.
 */
function mayBeCrossRef(text: string, i: number, end: number): boolean {
  if ((i > 0 && isLetterCode(text.charCodeAt(i - 1)) && !gluedToOp(text, i)) || (end < text.length && isLetterCode(text.charCodeAt(end)))) return false;
  let d = end;
  while (d < text.length && isRegexSpace(text.charCodeAt(d))) d++;
  return d !== end && d < text.length && isDigitCode(text.charCodeAt(d));
}

/** "opvraag 3": the space between "op" and "vraag" lost in extraction. */
function gluedToOp(text: string, i: number): boolean {
  return i >= 2 && (text.charCodeAt(i - 1) | 0x20) === 112 /* p */ && (text.charCodeAt(i - 2) | 0x20) === 111 /* o */
    && (i === 2 || !isLetterCode(text.charCodeAt(i - 3)));
}

/** The label starting with the keyword at `i`–`end`, and where the scan goes on, if it is one. */
function readLabel(
  text: string, i: number, end: number, isAnswer: boolean, mode: 'line' | 'sentence' | 'glued', previous: 'question' | 'answer' | undefined,
): { label: FoundLabel; end: number } | undefined {
  const kind = isAnswer ? 'answer' : 'question';
  const tail = isAnswer ? ANSWER_TAIL : QUESTION_TAIL;
  tail.lastIndex = end;
  const t = tail.exec(text);
  if (t) {
    const labelEnd = end + t[0].length;
    if (!acceptsAfter(text, labelEnd, mode)) return undefined;
    return { label: makeLabel(text, kind, i, labelEnd, parseNumberList(t[1]), mode), end: labelEnd };
  }
  // "Vragen van …" is a label only with its colon: a line without one is a header, not looked at.
  if (mode === 'line' && !isAnswer && (end - i === 5 || colonOnLine(text, end))) {
    QUESTION_BY.lastIndex = end;
    const by = QUESTION_BY.exec(text);
    // Without a colon only "Vraag van ... (VVD)", not "Vragen van ...": that is a header.
    if (by && (by[1] === undefined || end - i === 5)) {
      const byEnd = end + by[0].length;
      const nameEnd = by[1] === undefined ? text.lastIndexOf(':', byEnd) : text.lastIndexOf(')', byEnd) + 1;
      return { label: makeLabel(text, 'question', i, nameEnd, [], mode), end: byEnd };
    }
  }
  if (mode === 'line') {
    BARE_LABEL.lastIndex = end;
    if (BARE_LABEL.test(text)) return { label: makeLabel(text, kind, i, end, [], mode), end };
  }
  // "Antwoord" without a number, the answer on the same line or mid-line, right after a question:
  // "Vraag 16 … ervan? Antwoord Zorgelijk." ("Antwoorden Kamervragen …" is a title).
  if (isAnswer && previous === 'question' && mode !== 'glued' && end - i === 8 && acceptsAfter(text, end, 'sentence')) {
    return { label: makeLabel(text, kind, i, end, [], mode), end };
  }
  return undefined;
}

/**
 * Whether a ":" comes after `from` on its line. The header of most questions ("Vragen van het lid …
 * (ingezonden …).") starts a line with "Vragen van": QUESTION_BY tried a hundred lengths of the
 * name on it for a colon there is not.
 */
function colonOnLine(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 58 /* : */) return true;
    if (c === 10) return false;
  }
  return false;
}

function makeLabel(
  text: string, kind: 'question' | 'answer', start: number, end: number, numbers: QuestionNumber[],
  mode: 'line' | 'sentence' | 'glued',
): FoundLabel {
  const blockStart = mode === 'line' ? Math.max(lineStartOf(text, start), trimStart(text, lineStartOf(text, start), start)) : start;
  // The body starts after the label, its closing markup and a colon.
  let b = end;
  while (b < text.length && (text[b] === '*' || text[b] === '_' || text[b] === ' ' || text[b] === '\t' || text[b] === '\u00A0')) b++;
  if (text[b] === ':' || (text[b] === '.' && mode === 'line')) b++;
  while (b < text.length && (text[b] === '*' || text[b] === '_')) b++;
  return foundLabel(text, kind, collapse(text.slice(start, end)), { start, end }, Math.min(blockStart, start), b, numbers, false);
}
