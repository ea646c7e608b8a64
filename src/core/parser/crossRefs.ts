/** Cross-references within a document ("het antwoord op vraag 8", "de vragen 2 en 5", "bij vraag 4"). */
import type { CrossRef, DocRef, Footnote, QaBlock, Span } from '../model';
import { NUM_SOURCE, parseNumberList } from '../numbers';
import { isRegexSpace } from '../text';
import { isLetterOrDigitCode } from '../text';
import { isLetterCode } from './chars';
import type { FoundLabel } from './labels';

const SEP_ANY = '(?:\\s*,\\s*(?:en\\s+)?|\\s+en\\s+|\\s*(?:t\\/m|tot\\s+en\\s+met|&)\\s*)';
const NUMLIST_ANY = `${NUM_SOURCE}(?:${SEP_ANY}${NUM_SOURCE})*`;

/** After "vraag"/"vragen" in running text: the numbers, possibly over a line break. Sticky. */
const REF_TAIL = new RegExp(`\\s+(${NUMLIST_ANY})`, 'uy');
/** What precedes "vraag 8" in a cross-reference, read backwards from the keyword. */
const REF_PREFIX = /(?:(?<answer>(?:antwoord(?:en)?|beantwoording)(?:\s+op)?(?:\s+(?:de|uw))?)|(?<bij>bij(?:\s+de)?|onder(?:\s+de)?|in(?:\s+de)?))\s+$/iu;
const REF_EXTERNAL_AFTER = /^[\s,]*(?:(?:van|uit|in|bij)\s+(?:de|het|uw|mijn)\s+(?:eerdere\s+|vorige\s+|schriftelijke\s+|Kamer)*(?:vragen|lid|leden|Kamerlid|brief|beantwoording|set|reeks)|\(?\s*(?:Aanhangsel|Kamerstuk|kenmerk|(?:19|20)\d{2}Z)|van\s+(?:19|20)\d{2}|van\s+\d{1,2}\s+\p{L}+\s+(?:19|20)\d{2})/iu;
const REF_EXTERNAL_BEFORE = /\b(?:uw|eerdere?|vorige)\s+(?:antwoord(?:en)?|beantwoording)(?:\s+op)?(?:\s+de)?\s+$/iu;

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
export function findCrossRefs(
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
    if (numsEnd < text.length && isLetterOrDigitCode(text.charCodeAt(numsEnd))) continue;
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

/** Per footnote: whether a reference to another document is in it. Both lists in text order. */
export function citingFootnotes(footnotes: readonly Footnote[], docRefs: readonly DocRef[]): boolean[] {
  const out: boolean[] = [];
  let d = 0;
  for (let k = 0; k < footnotes.length; k++) {
    const f = footnotes[k].span;
    while (d < docRefs.length && docRefs[d].span.end <= f.start) d++;
    out.push(d < docRefs.length && docRefs[d].span.start < f.end);
  }
  return out;
}
