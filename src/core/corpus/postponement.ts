/**
 * What a postponement notice (Mededeling, uitstelbericht) says about the questions it postpones,
 * and when it was sent. The parser models the notice as a document without questions; this reads
 * the sentence that names the questions:
 *
 *   Mededeling van Minister Hoekstra (Buitenlandse Zaken) (ontvangen 14 februari 2022)
 *   De vragen van het lid Sjoerdsma (D66) over de situatie in Oekraïne (2022Z02184) kunnen niet
 *   binnen de gebruikelijke termijn van drie weken worden beantwoord, ...
 *
 *   Hierbij deel ik u mede dat de schriftelijke vragen van de leden Kostić en Teunissen (beiden
 *   PvdD) aan de minister van LVVN over de wolf, ingezonden op 5 september 2024 met kenmerk
 *   2024Z13188, niet binnen de gebruikelijke termijn kunnen worden beantwoord.
 */
import { cleanText, DUTCH_DATE_SOURCE, isRegexSpace, toIsoDate } from '../text';

export interface PostponedQuestions {
  /** "Vragen van het lid Sjoerdsma (D66) over de situatie in Oekraïne": the questions' title as the notice words it. */
  readonly title?: string;
  /** "de situatie in Oekraïne". */
  readonly subject?: string;
  readonly askedBy: readonly string[];
  readonly parties: readonly string[];
  /** ISO date the questions were submitted, when the notice says ("ingezonden 5 september 2024"). */
  readonly submitted?: string;
  /** Zaak numbers named with the questions ("(2022Z02184)", "met kenmerk 2024Z13188"). */
  readonly zaakNumbers: readonly string[];
  /** Document numbers named with the questions. */
  readonly documentNumbers: readonly string[];
  /** ISO date of the notice: "(ontvangen …)", the letter's "Datum", or a copied page's "datum:". */
  readonly noticeDate?: string;
  /** Who sends it: "Minister Hoekstra (Buitenlandse Zaken)". */
  readonly from?: string;
}

/** Words that make a text a postponement notice (with classify.ts's own test). */
const POSTPONEMENT_PHRASE = /niet\s+binnen\s+de\s+(?:gebruikelijke|gestelde|voorgeschreven|reguliere)\s+termijn|uitstelbericht|Mededeling\s+van\s+(?:de\s+)?(?:Minister|Staatssecretaris|minister|staatssecretaris)|uitstel\s+van\s+(?:de\s+)?beantwoording/iu;

/** How far into the text the notice's sentences are looked for. */
const HEAD = 8000;

const MEDEDELING = /Mededeling\s+van\s+([^\n]{3,200}?)\s*\(\s*ontvangen\s+([^)]{1,40}?)\s*\)/;
const ONTVANGEN = /\(\s*ontvangen\s+([^)]{1,40}?)\s*\)/;
const LETTER_DATE = new RegExp(`(?:^|\\n)[ \\t\\u00A0]*Datum[ \\t\\u00A0]*:?\\s{0,40}?(${DUTCH_DATE_SOURCE})`, 'iu');
const PAGE_DATE = /Nummer:\s*\S+,\s*datum:\s*(\d{4}-\d{2}-\d{2})/;
/** "vragen van het lid", "Kamervragen van de leden", "schriftelijke vragen van mevrouw". */
const QUESTIONS_OF = /(?:Kamer|kamer)?[Vv]ragen\s+van\s+(?:het\s+(?:Kamer)?lid|de\s+leden|de\s+Kamerleden|de\s+heer|mevrouw)\s+/g;
/** Where the sentence about the questions stops naming them. */
const SENTENCE_END = /,?\s+(?:kunnen|kan|zullen|zal)\s+(?:helaas\s+)?(?:nog\s+)?niet\b|,?\s+niet\s+binnen\b|\.\s+(?=\p{Lu})|\n[ \t\u00A0]*\r?\n/u;
/** Where a subject stops: the parentheses, "ingezonden", "kenmerk". */
const SUBJECT_END = /\s*\(|,?\s+(?:die\s+zijn\s+)?ingezonden\b|,?\s+(?:met\s+)?(?:kenmerk|nummer|zaaknummer)\b|,\s+(?:met|onder)\b/u;
const INGEZONDEN = new RegExp(`ingezonden\\s+(?:op\\s+)?(${DUTCH_DATE_SOURCE}|\\d{1,2}-\\d{1,2}-\\d{4})`, 'iu');
const TK_NUMBERS = /(?:19|20)\d{2}([DZ])\d{5}(?![0-9A-Za-z])/g;

// Flags `i` and `u` only where needed: a case-insensitive Unicode regex scans many times slower.

/** Whether a text reads as a postponement notice: the phrase in its first part. */
export function isPostponementText(text: string): boolean {
  return POSTPONEMENT_PHRASE.test(text.length > HEAD ? text.slice(0, HEAD) : text);
}

/** Reads what a postponement notice says about the questions it postpones. Never throws. */
export function extractPostponement(text: string): PostponedQuestions {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  let from: string | undefined;
  let noticeDate: string | undefined;
  const med = MEDEDELING.exec(head);
  if (med) {
    from = cleanText(med[1]);
    noticeDate = toIsoDate(med[2]);
  }
  noticeDate ??= isoOf(ONTVANGEN.exec(head)?.[1]);
  noticeDate ??= isoOf(LETTER_DATE.exec(head)?.[1]);
  noticeDate ??= PAGE_DATE.exec(head)?.[1];

  const questions = questionsSentence(head);
  const zaakNumbers: string[] = [];
  const documentNumbers: string[] = [];
  let askedBy: string[] = [];
  let parties: string[] = [];
  let subject: string | undefined;
  let submitted: string | undefined;
  let title: string | undefined;
  if (questions) {
    const { lead, rest } = questions;
    const names = splitTopLevel(rest);
    const who = splitAskers(names.askers);
    askedBy = who.askedBy;
    parties = who.parties;
    if (names.subject !== undefined) {
      const end = SUBJECT_END.exec(names.subject);
      const s = cleanText((end ? names.subject.slice(0, end.index) : names.subject).replace(/[\s,.;:]+$/u, ''));
      if (s.length > 0) subject = s;
    }
    const ing = INGEZONDEN.exec(rest);
    if (ing) submitted = toIsoDate(ing[1]);
    for (const m of rest.matchAll(TK_NUMBERS)) {
      const list = m[1] === 'Z' ? zaakNumbers : documentNumbers;
      if (!list.includes(m[0])) list.push(m[0]);
    }
    const askerText = cleanText(names.askers);
    if (askerText.length > 0) title = `Vragen van ${cleanText(lead)} ${askerText}${subject ? ` over ${subject}` : ''}`;
  }
  // By assignment, in this order, optional fields only when present: the spreads cost more than the rest.
  const out: { -readonly [K in keyof PostponedQuestions]: PostponedQuestions[K] } = {} as PostponedQuestions;
  if (title) out.title = title;
  if (subject) out.subject = subject;
  out.askedBy = askedBy;
  out.parties = parties;
  if (submitted) out.submitted = submitted;
  out.zaakNumbers = zaakNumbers;
  out.documentNumbers = documentNumbers;
  if (noticeDate) out.noticeDate = noticeDate;
  if (from) out.from = from;
  return out;
}

function isoOf(date: string | undefined): string | undefined {
  return date === undefined ? undefined : toIsoDate(date);
}

/**
 * The first "vragen van het lid …" whose sentence goes on to the postponement, else the first at
 * all: `lead` is "het lid ", `rest` what follows up to the end of what names the questions.
 */
function questionsSentence(head: string): { lead: string; rest: string } | undefined {
  QUESTIONS_OF.lastIndex = 0;
  let first: { lead: string; rest: string } | undefined;
  for (let m = QUESTIONS_OF.exec(head); m; m = QUESTIONS_OF.exec(head)) {
    const from = m.index + m[0].length;
    const window = head.slice(from, from + 700);
    const end = SENTENCE_END.exec(window);
    const lead = m[0].replace(/^(?:Kamer|kamer)?[Vv]ragen\s+van\s+/, '');
    const found = { lead, rest: end ? window.slice(0, end.index) : window.slice(0, 400) };
    if (end && /niet/u.test(end[0])) return found;
    first ??= found;
  }
  return first;
}

/**
 * Splits "Sjoerdsma (D66) aan de Minister van X over de situatie (2022Z02184)" into the askers
 * part and the subject (after " over "), looking only outside parentheses.
 */
function splitTopLevel(rest: string): { askers: string; subject?: string } {
  let depth = 0;
  let askersEnd = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isRegexSpace(rest.charCodeAt(i))) {
      // `/^\s(?:aan|aan\s+de|aan\s+het)\s/` and `/^\sover\s/` at `i`, without a slice and a regex per blank.
      if (askersEnd === -1 && wordAt(rest, i + 1, 'aan')) askersEnd = i;
      if (wordAt(rest, i + 1, 'over')) {
        return { askers: rest.slice(0, askersEnd === -1 ? i : askersEnd), subject: rest.slice(i + 6) };
      }
    }
  }
  const plain = rest.slice(0, askersEnd === -1 ? rest.length : askersEnd);
  // Without a subject the askers end at the first parenthesis that is not a party: "(2022Z…)", "(ingezonden …)".
  const stop = /\s*\((?:\s*(?:19|20)\d{2}[DZ]|\s*ingezonden)|,\s*ingezonden|\s+met\s+kenmerk/u.exec(plain);
  return { askers: stop ? plain.slice(0, stop.index) : plain };
}

/** Whether `word` is at `i` in `s`, with whitespace (`\s`) after it. */
function wordAt(s: string, i: number, word: string): boolean {
  const after = i + word.length;
  return after < s.length && s.startsWith(word, i) && isRegexSpace(s.charCodeAt(after));
}

/**
 * Askers and their parties from "Van der Plas (BBB) en Omtzigt (NSC)", "Kostić en Teunissen
 * (beiden PvdD)", "Eerdmans (JA21)" or names without parties.
 */
export function splitAskers(written: string): { askedBy: string[]; parties: string[] } {
  const askedBy: string[] = [];
  const parties: string[] = [];
  const addParty = (p: string): void => {
    if (!parties.includes(p)) parties.push(p);
  };
  const text = cleanText(written);
  let matched = false;
  for (const m of text.matchAll(/([^()]+?)\s*\(([^)]+)\)/gu)) {
    matched = true;
    const names = m[1].replace(/^\s*(?:,|en)\s+/u, '').trim();
    const party = m[2].trim();
    const shared = /^(?:beiden|allen|beide|both|all)\s+(.+)$/iu.exec(party);
    if (shared) {
      for (const n of splitNames(names)) askedBy.push(n);
      addParty(shared[1]);
    } else {
      if (names) askedBy.push(names);
      addParty(party);
    }
  }
  if (!matched) for (const n of splitNames(text)) askedBy.push(n);
  return { askedBy, parties };
}

function splitNames(s: string): string[] {
  return s.split(/\s*,\s*(?:en\s+)?|\s+en\s+/u).map((n) => n.trim()).filter((n) => n.length > 0);
}

/**
 * Askers as the parser gives them, with names that share a party split: the parser reads
 * "de leden Kostić en Teunissen (beiden PvdD)" as one asker "Kostić en Teunissen" of party
 * "beiden PvdD".
 */
export function normaliseAskers(askedBy: readonly string[], parties: readonly string[]): { askedBy: string[]; parties: string[] } {
  if (!parties.some((p) => /^(?:beiden|allen|beide)\s/iu.test(p)) && !askedBy.some((a) => /\s(?:en)\s|,/u.test(a))) {
    return { askedBy: [...askedBy], parties: [...parties] };
  }
  const outNames: string[] = [];
  const outParties: string[] = [];
  for (const a of askedBy) for (const n of splitNames(a)) if (!outNames.includes(n)) outNames.push(n);
  for (const p of parties) {
    const q = p.replace(/^(?:beiden|allen|beide)\s+/iu, '');
    if (!outParties.includes(q)) outParties.push(q);
  }
  return { askedBy: outNames, parties: outParties };
}
