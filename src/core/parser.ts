import { SECTION_HEADING, classify, looksBinary } from './classify';
import { findDocRefs } from './docRefs';
import { findFootnotes } from './footnotes';
import { extractMetadata, findHeaders } from './metadata';
import type {
  CrossRef, DocRef, DocumentKind, Footnote, Header, Label, ParsedDocument, QaBlock, QuestionNumber, Section, Span,
} from './model';
import { NUM_SOURCE, baseNumber, parseNumberList } from './numbers';
import { hasOddWhitespace, isRegexSpace, isSpace, lineEndOf, lineStartOf, matchLines, trimEnd, trimStart } from './text';
import { countAtMost } from './util/search';

/** A label as found in the text, before blocks are built. */
interface FoundLabel {
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
function foundLabel(
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
const SEP_ANY = '(?:\\s*,\\s*(?:en\\s+)?|\\s+en\\s+|\\s*(?:t\\/m|tot\\s+en\\s+met|&)\\s*)';
const NUMLIST_ANY = `${NUM_SOURCE}(?:${SEP_ANY}${NUM_SOURCE})*`;

/**
 * The words that may start a label (capitalised, as labels are) and "vraag"/"vragen" in running
 * text, where cross-references may be. One scan for both: each full-text scan costs about as much
 * as reading the text once.
 */
const KEYWORD = /[Vv]ra(?:ag|gen)|VRA(?:AG|GEN)|Antwoord(?:en)?|ANTWOORD(?:EN)?/g;
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
/** After "vraag"/"vragen" in running text: the numbers, possibly over a line break. Sticky. */
const REF_TAIL = new RegExp(`\\s+(${NUMLIST_ANY})`, 'uy');
/** What precedes "vraag 8" in a cross-reference, read backwards from the keyword. */
const REF_PREFIX = /(?:(?<answer>(?:antwoord(?:en)?|beantwoording)(?:\s+op)?(?:\s+(?:de|uw))?)|(?<bij>bij(?:\s+de)?|onder(?:\s+de)?|in(?:\s+de)?))\s+$/iu;
const REF_EXTERNAL_AFTER = /^[\s,]*(?:(?:van|uit|in|bij)\s+(?:de|het|uw|mijn)\s+(?:eerdere\s+|vorige\s+|schriftelijke\s+|Kamer)*(?:vragen|lid|leden|Kamerlid|brief|beantwoording|set|reeks)|\(?\s*(?:Aanhangsel|Kamerstuk|kenmerk|(?:19|20)\d{2}Z)|van\s+(?:19|20)\d{2}|van\s+\d{1,2}\s+\p{L}+\s+(?:19|20)\d{2})/iu;
const REF_EXTERNAL_BEFORE = /\b(?:uw|eerdere?|vorige)\s+(?:antwoord(?:en)?|beantwoording)(?:\s+op)?(?:\s+de)?\s+$/iu;

/**
 * Lines that belong to the page, not the text: page headers and footers ("Tweede Kamer, vergaderjaar
 * 2023–2024, 36 410 XVI, nr. 10 2" too), page numbers, page breaks.
 */
const FURNITURE = /^[ \t\u00A0]*(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?[ \t\u00A0,]*\d*[ \t\u00A0\r]*$|^[ \t\u00A0]*(?:Tweede|Eerste) Kamer,? vergaderjaar [\d–—\-/ ]{7,12},[^\n]{0,80}$|^[ \t\u00A0]*[-_=–—]{3,}[ \t\u00A0\r]*$|^[ \t\u00A0]*\d{1,4}[ \t\u00A0\r]*$|^[^.?!\n]{0,100}\b(?:Aanhangsel|vergaderjaar)\b[^.?!\n]{0,60}$/iu;

/** Moves `end` back over trailing whitespace and page furniture, not before `start`. */
function trimBlockEnd(text: string, start: number, end: number): number {
  end = trimEnd(text, start, end);
  for (;;) {
    // Page furniture is a short line without sentence punctuation at its end.
    const last = text[end - 1];
    if (end <= start || last === '.' || last === '?' || last === '!') return end;
    const ls = lineStartOf(text, end, Math.max(start, end - 161));
    if (ls <= start || end - ls > 160 || (ls > 0 && text[ls - 1] !== '\n') || !FURNITURE.test(text.slice(ls, end))) return end;
    end = trimEnd(text, start, ls);
  }
}

/** . ? ! : ; ) » ” " ’ ' */
function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 58 || c === 59 || c === 41 || c === 0xbb || c === 0x201d
    || c === 34 || c === 0x2019 || c === 39;
}

/** # * _ > • · - */
function isLineMarkup(c: number): boolean {
  return c === 35 || c === 42 || c === 95 || c === 62 || c === 0x2022 || c === 0xb7 || c === 45;
}

/** `\p{L}`, by hand for ASCII. */
function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(String.fromCharCode(c));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `[\p{L}\d]`, by hand for ASCII. */
function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
  return /[\p{L}\d]/u.test(String.fromCharCode(c));
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(ch);
}

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
  if (isDigit(c)) {
    if (!spaced) return 'glued'; // "Aanhangsel 1Antwoord 3"
    // "toelichten?1 Antwoord 1": a footnote marker after a sentence end.
    let k = j;
    while (k >= 0 && isDigit(text.charCodeAt(k))) k--;
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

/** `[\s#*_>]` */
function isMarkupNeighbour(c: number): boolean {
  return isRegexSpace(c) || c === 35 || c === 42 || c === 95 || c === 62;
}

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

/** Whitespace collapsed to single spaces, trimmed. Labels rarely need it: checked by hand first. */
function collapse(s: string): string {
  return hasOddWhitespace(s) ? s.replace(/\s+/gu, ' ').trim() : s.trim();
}

/**
 * Finds question and answer labels ("Vraag 1 en 2", "Antwoord op vragen 7, 8, en 9", ...). Every
 * other "vraag"/"vragen" that passes {@link mayBeCrossRef} is pushed to `others`, in text order: the
 * candidates for cross-references.
 */
function findLabels(text: string, others: number[] = []): FoundLabel[] {
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
  KEYWORD.lastIndex = 0;
  // `test`, not `exec`: no match object per keyword (there are tens of thousands in a long text).
  while (KEYWORD.test(text)) {
    const end = KEYWORD.lastIndex;
    const i = end - keywordLength(text, end);
    const first = text.charCodeAt(i);
    if (first === 118 /* v */) {
      if (mayBeCrossRef(text, i, end)) others.push(i);
      continue;
    }
    if (i < labelEnd) continue;
    const isAnswer = first === 65 /* A */;
    // A capitalised "Vraag 2" that is not a label may still be a cross-reference.
    const pushed = !isAnswer && mayBeCrossRef(text, i, end);
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
  return d !== end && d < text.length && isDigit(text.charCodeAt(d));
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
  if (mode === 'line' && !isAnswer) {
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

/** Numbered questions ("1. Kunt u ...?") in documents without numbered question labels. */
function findNumberedQuestions(text: string, footnoteStarts: Set<number>): FoundLabel[] {
  const items: Array<{ n: number; start: number; numEnd: number; lineStart: number }> = [];
  // "1. Kunt u ...?" or "1" alone on its line with the question below it.
  const re = /^[ \t\u00A0]*(\d{1,3})(?:[.)][ \t\u00A0]+(?=\S)|[.)]?[ \t\u00A0]*\r?\n(?=[ \t\u00A0]*\p{L}))/gmu;
  let expect = 1;
  for (const m of matchLines(text, re)) {
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

function findSections(text: string, from = 0, to = text.length): Array<{ label: Label; start: number; bodyStart: number }> {
  const out: Array<{ label: Label; start: number; bodyStart: number }> = [];
  for (const m of matchLines(text, SECTION_HEADING, from, to)) {
    const nameStart = m.index + m[0].indexOf(m[1]);
    const nameEnd = nameStart + m[1].length;
    out.push({
      label: { name: collapse(m[1]), span: { start: nameStart, end: nameEnd } },
      start: trimStart(text, m.index, nameStart),
      bodyStart: m.index + m[0].length,
    });
  }
  return out;
}

function intersects(a: readonly QuestionNumber[], b: readonly QuestionNumber[]): boolean {
  for (const x of a) {
    for (const y of b) if (x === y || baseNumber(x) === baseNumber(y)) return true;
  }
  return false;
}

/**
 * An answer whose question label was lost (at a page break, say) still has its question as the
 * last paragraph before it, ending in "?". Splits that paragraph off the previous block.
 */
function recoverLostQuestions(text: string, labels: FoundLabel[]): FoundLabel[] {
  // The numbers that some question label covers, without sub-item letters: looked up for every
  // answer that follows an answer (searching the labels each time would be quadratic).
  const asked = new Set<string>();
  for (let k = 0; k < labels.length; k++) {
    if (labels[k].kind === 'question') for (const n of labels[k].numbers) asked.add(baseNumber(n));
  }
  const out: FoundLabel[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const prev = out[out.length - 1];
    if (l.kind === 'answer' && !l.implicit && l.numbers.length > 0 && prev && prev.kind === 'answer'
      && !coversAny(asked, l.numbers)) {
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

/** The last words of REF_PREFIX's alternatives, reversed and lowercase. */
const PREFIX_WORDS_REVERSED = ['droowtna', 'nedroowtna', 'gnidroowtnaeb', 'po', 'ed', 'wu', 'jib', 'redno', 'ni'];

/**
 * Whether the text before `i` is whitespace after letters that end (in any case) with a word
 * REF_PREFIX can end with. That regex has no word boundary at its start ("mijn vraag" ends in
 * "in"), hence a suffix test. Its case-insensitive letters are all ASCII and none of them is
 * "k" or "s", the only ASCII letters that non-ASCII letters fold to.
 */
function endsWithPrefixWord(text: string, i: number): boolean {
  let j = i - 1;
  if (j < 0 || !isRegexSpace(text.charCodeAt(j))) return false;
  while (j >= 0 && isRegexSpace(text.charCodeAt(j))) j--;
  for (const w of PREFIX_WORDS_REVERSED) {
    let k = 0;
    while (k < w.length && j - k >= 0 && (text.charCodeAt(j - k) | 0x20) === w.charCodeAt(k)) k++;
    if (k === w.length) return true;
  }
  return false;
}

/**
 * Whether REF_EXTERNAL_BEFORE's first word can be in `back`: a cheap test first, as that regex
 * (a case-insensitive Unicode `\b`, tried at every position) is costly. Its letters fold only
 * from ASCII letters, so lowercasing finds every match.
 */
function mentionsEarlier(back: string): boolean {
  const lower = back.toLowerCase();
  return lower.includes('uw') || lower.includes('eerder') || lower.includes('vorige');
}

/**
 * In a question, "het antwoord op vraag 3" is about this document only as a condition: "Indien het
 * antwoord op de vragen 3 en 4 ja is", "Als het antwoord op vraag 2 ontkennend luidt".
 */
const CONDITION_AFTER = /^[\s,]*(?:\p{L}+\s+){0,2}?(?:ja|nee|bevestigend|ontkennend|positief|negatief|afwijzend|instemmend)(?![\p{L}\d])/iu;
const CONDITION_BEFORE = /(?:^|[^\p{L}])(?:indien|als|wanneer|mocht|ingeval|zo)\s+(?:\p{L}+\s+){0,2}$/iu;

/** Finds cross-references ("het antwoord op vraag 8", "de vragen 2 en 5", "bij vraag 4"). */
function findCrossRefs(
  text: string, candidates: readonly number[], labels: readonly FoundLabel[], blocks: readonly QaBlock[], skip: readonly Span[],
  footnotes: readonly Footnote[], citing: readonly boolean[],
): CrossRef[] {
  const out: CrossRef[] = [];
  let li = 0;
  let si = 0;
  let bi = 0;
  let fi = 0;
  let consumed = 0;
  for (const i of candidates) {
    if (i < consumed) continue;
    // The candidates passed `mayBeCrossRef` (whole words, a digit after whitespace) in the scan.
    while (li < labels.length && labels[li].span.end <= i) li++;
    if (li < labels.length && labels[li].span.start <= i) continue;
    while (si < skip.length && skip[si].end <= i) si++;
    if (si < skip.length && skip[si].start <= i) continue;
    // A footnote that cites another document ("Aanhangsel Handelingen II 2022/23, nr. 1429,
    // antwoord op vraag 2") is about that document's questions.
    while (fi < footnotes.length && footnotes[fi].span.end <= i) fi++;
    const inFootnote = fi < footnotes.length && footnotes[fi].span.start <= i;
    const end = i + (text.charCodeAt(i + 3) === 97 /* a: vraag */ || text.charCodeAt(i + 3) === 65 ? 5 : 6);
    REF_TAIL.lastIndex = end;
    const t = REF_TAIL.exec(text);
    if (!t) continue;
    const numsStart = end + t[0].length - t[1].length;
    const numsEnd = end + t[0].length;
    // Not "vraag 11e" or "vraag 2023D..." (the numbers must end the word).
    if (numsEnd < text.length && isLetterOrDigit(text.charCodeAt(numsEnd))) continue;
    const backStart = Math.max(0, i - 40);
    // "opvraag 3": read as "op vraag 3".
    const glued = i > 0 && isLetterCode(text.charCodeAt(i - 1));
    const back = glued ? `${text.slice(backStart, i)} ` : text.slice(backStart, i);
    // REF_PREFIX can only match when the word before ends like one of its words.
    const p = glued || endsWithPrefixWord(text, i) ? REF_PREFIX.exec(back) : null;
    const target: 'answer' | 'question' = p?.groups?.answer || p?.groups?.bij ? 'answer' : 'question';
    const start = p?.groups?.answer ? backStart + p.index : i;
    while (bi < blocks.length && blocks[bi].span.end <= i) bi++;
    // A footnote printed inside a question's block (at a page break) is no part of the question.
    const inQuestion = !inFootnote && bi < blocks.length && blocks[bi].span.start <= i && blocks[bi].kind === 'question';
    const external = (inFootnote && citing[fi])
      || REF_EXTERNAL_AFTER.test(text.slice(numsEnd, numsEnd + 80))
      // REF_EXTERNAL_BEFORE ends like the answer part of REF_PREFIX: without that, it cannot match.
      || (p?.groups?.answer !== undefined && mentionsEarlier(back) && REF_EXTERNAL_BEFORE.test(back))
      // The asker cannot refer to answers of the document being asked for, except as a condition.
      || (inQuestion && target === 'answer' && !isCondition(text, backStart + (p?.index ?? back.length), numsEnd));
    out.push({
      span: { start, end: numsEnd },
      numbersSpan: { start: numsStart, end: numsEnd },
      numbers: parseNumberList(t[1]),
      target,
      external,
    });
    consumed = numsEnd;
  }
  return out;
}

/** Whether the reference from `start` to `end` in a question is a condition ("Indien het antwoord op vraag 3 ja is"). */
function isCondition(text: string, start: number, end: number): boolean {
  return CONDITION_AFTER.test(text.slice(end, end + 40)) || CONDITION_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** What a caller needs of the model, when not all of it. */
export interface ParseOptions {
  /**
   * Whether to find cross-references ("het antwoord op vraag 8"); default true. Without them
   * `crossRefs` is empty (the corpus record does not read them).
   */
  readonly crossRefs?: boolean;
}

/** Parses a parliamentary text into its document model. Never throws; linear in the text's length. */
export function parseDocument(text: string, options?: ParseOptions): ParsedDocument {
  try {
    return parse(text, options?.crossRefs !== false);
  } catch (error) {
    // A parser bug must not break the editor: the empty model shows nothing, and says why.
    return { ...emptyDocument(classifySafe(text)), error: error instanceof Error ? error.message : String(error) };
  }
}

function classifySafe(text: string): DocumentKind {
  try {
    return classify(text);
  } catch {
    return 'unknown';
  }
}

function emptyDocument(kind: DocumentKind): ParsedDocument {
  return {
    kind, metadata: { askedBy: [], parties: [] }, headers: [], blocks: [], sections: [], footnotes: [],
    footnoteRefs: [], crossRefs: [], docRefs: [],
  };
}

/** The parser without the safety net, for tests that must see every exception. */
export function parseStrict(text: string): ParsedDocument {
  return parse(text, true);
}

function parse(text: string, withCrossRefs: boolean): ParsedDocument {
  const kind = classify(text);
  if (looksBinary(text)) return emptyDocument(kind);

  const docRefs = findDocRefs(text);
  const fn = findFootnotes(text, gluedToMarker(text, docRefs));
  const refCandidates: number[] = [];
  let labels = findLabels(text, refCandidates);
  const headers: Header[] = findHeaders(text, labels.length > 0 ? labels[0].blockStart : text.length);

  // Labels inside the header ("Vragen van het lid ...") are not labels.
  if (headers.length > 0) labels = outsideHeaders(labels, headers);

  if (!hasNumberedQuestion(labels)) {
    const numbered = findNumberedQuestions(text, new Set(fn.footnotes.map((f) => lineStartOf(text, f.span.start))));
    if (numbered.length > 0) {
      labels = [...labels.filter((l) => !numbered.some((n) => n.implicit && l.blockStart === n.blockStart)), ...numbered]
        .sort((a, b) => a.blockStart - b.blockStart || (a.kind === 'question' ? -1 : 1));
    }
  }
  labels = recoverLostQuestions(text, labels);

  // Unnumbered answers ("Antwoord:") answer the question before them.
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    if (l.kind === 'answer' && l.numbers.length === 0 && k > 0 && labels[k - 1].kind === 'question') {
      l.numbers = [...labels[k - 1].numbers];
    }
  }

  // Beslisnota headings anywhere in a beslisnota; elsewhere only outside the questions and answers
  // (a letterhead before them, a "Toelichting" after the last answer).
  const firstLabel = labels.length > 0 ? labels[0].blockStart : text.length;
  const lastLabel = labels.length > 0 ? labels[labels.length - 1].bodyStart : -1;
  const foundSections = kind === 'beslisnota' || labels.length === 0
    ? findSections(text)
    : [...findSections(text, 0, firstLabel), ...findSections(text, lastLabel)].filter((s) => s.start < firstLabel || s.start > lastLabel);

  // Where blocks end: the next label, section, or the footnotes after the last block.
  const boundaries = blockBoundaries(labels, foundSections);
  if (fn.footnotes.length > 0) {
    const lastFootnoteAreaStart = fn.trailingStart;
    if (lastFootnoteAreaStart !== undefined && lastFootnoteAreaStart > lastLabel) boundaries.push(lastFootnoteAreaStart);
  }
  boundaries.sort(ascending);

  const blocks = buildBlocks(text, labels, boundaries);
  assignParents(blocks);
  const sections = buildSections(text, foundSections, boundaries);

  // Built by push, as the next loop pushes: an array from `map` has another elements kind in
  // optimised code, and `parse` deoptimised here on every call.
  const skip: Span[] = [];
  for (const h of headers) skip.push(h.span);
  skip.sort(byStart);
  const crossRefs = withCrossRefs
    ? findCrossRefs(text, refCandidates, labels, blocks, skip, fn.footnotes, citingFootnotes(fn.footnotes, docRefs))
    : [];
  const metadata = extractMetadata(text, headers, docRefs);

  return {
    kind,
    metadata,
    headers,
    blocks,
    sections,
    footnotes: fn.footnotes,
    footnotesSpan: fn.footnotes.length > 0 ? { start: fn.footnotes[0].span.start, end: fn.footnotes[fn.footnotes.length - 1].span.end } : undefined,
    footnoteRefs: fn.refs,
    crossRefs,
    docRefs,
  };
}

/**
 * Where a document number or URL follows a digit: only where it is a footnote's text glued to its
 * marker at a line start ("32024D27196"), as `findDocRefs` accepts no other.
 */
function gluedToMarker(text: string, docRefs: readonly DocRef[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < docRefs.length; k++) {
    const r = docRefs[k];
    if ((r.kind === 'documentNumber' || r.kind === 'url') && r.span.start > 0 && isDigit(text.charCodeAt(r.span.start - 1))) out.push(r.span.start);
  }
  return out;
}

/** Per footnote: whether a reference to another document is in it. Both lists in text order. */
function citingFootnotes(footnotes: readonly Footnote[], docRefs: readonly DocRef[]): boolean[] {
  const out: boolean[] = [];
  let d = 0;
  for (let k = 0; k < footnotes.length; k++) {
    const f = footnotes[k].span;
    while (d < docRefs.length && docRefs[d].span.end <= f.start) d++;
    out.push(d < docRefs.length && docRefs[d].span.start < f.end);
  }
  return out;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

function hasNumberedQuestion(labels: readonly FoundLabel[]): boolean {
  for (let k = 0; k < labels.length; k++) if (labels[k].kind === 'question' && labels[k].numbers.length > 0) return true;
  return false;
}

// The loops over labels are functions of their own (as below): `parse` runs once per call, is
// often unoptimised or deoptimised, and then runs its own loops slowly.
function outsideHeaders(labels: readonly FoundLabel[], headers: readonly Header[]): FoundLabel[] {
  const out: FoundLabel[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    let inHeader = false;
    for (let j = 0; j < headers.length; j++) {
      if (l.span.start >= headers[j].span.start && l.span.start < headers[j].span.end) inHeader = true;
    }
    if (!inHeader) out.push(l);
  }
  return out;
}

/** The starts of labels' blocks and of sections, unsorted. */
function blockBoundaries(labels: readonly FoundLabel[], sections: ReadonlyArray<{ start: number }>): number[] {
  const boundaries: number[] = [];
  for (let k = 0; k < labels.length; k++) boundaries.push(labels[k].blockStart);
  for (let k = 0; k < sections.length; k++) boundaries.push(sections[k].start);
  return boundaries;
}

/** The first boundary after `after`, or the text's end. */
function nextBoundary(boundaries: readonly number[], after: number, textEnd: number): number {
  const i = countAtMost(boundaries, after);
  return i < boundaries.length ? boundaries[i] : textEnd;
}

// The loops over blocks and sections are functions of their own: V8 then optimises them apart from
// `parse`, which runs once per call and is often still unoptimised.
function buildBlocks(text: string, labels: readonly FoundLabel[], boundaries: readonly number[]): QaBlock[] {
  const blocks: QaBlock[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const limit = nextBoundary(boundaries, l.blockStart, text.length);
    // Mostly the block ends at the next label, after a sentence: read from that label, which has
    // it (what `trimBlockEnd` would find without reading the text again).
    const next = k + 1 < labels.length ? labels[k + 1] : undefined;
    const trimmed = next !== undefined && next.blockStart === limit && next.before > l.bodyStart && next.beforeIsSentenceEnd
      ? next.before
      : trimBlockEnd(text, l.bodyStart, limit);
    const end = Math.max(l.span.end, trimmed);
    // `trimStart` up to `end`: where it stops without limit, if not past `end`.
    const bodyStart = Math.min(l.bodyTrimmed, end);
    blocks.push({
      kind: l.kind,
      label: { name: l.name, span: l.span },
      numbers: l.numbers,
      span: { start: l.blockStart, end },
      body: { start: bodyStart, end: Math.max(bodyStart, end) },
      implicit: l.implicit,
    });
  }
  return blocks;
}

function buildSections(
  text: string, found: ReadonlyArray<{ label: Label; start: number; bodyStart: number }>, boundaries: readonly number[],
): Section[] {
  return found.map((s) => {
    const end = trimBlockEnd(text, s.bodyStart, nextBoundary(boundaries, s.start, text.length));
    const bodyStart = Math.min(trimStart(text, s.bodyStart, end), end);
    return { label: s.label, span: { start: s.start, end: Math.max(end, s.label.span.end) }, body: { start: bodyStart, end: Math.max(end, bodyStart) } };
  });
}

/** Each answer goes under the question just before it, when that question covers it. */
function assignParents(blocks: QaBlock[]): void {
  // `question` is the question that the answers since it all belong to, or -1.
  let question = -1;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'question') {
      question = k;
    } else if (question >= 0) {
      const q = blocks[question];
      if (b.numbers.length === 0 || q.numbers.length === 0 || intersects(q.numbers, b.numbers)) {
        (b as { parent?: number }).parent = question;
      } else {
        question = -1;
      }
    }
  }
}

