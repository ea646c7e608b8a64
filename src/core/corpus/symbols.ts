/**
 * Workspace symbols over a corpus: every question and answer block, found by its label ("Vraag 3",
 * "Antwoord 3"), the words of its question, its document's title, askers and parties, and its
 * document's dates ("ingezonden januari 2024", "ontvangen 2024-02-16"). A small ranked matcher:
 * every word of the query must match the start of a word of the block.
 */
import { baseNumber, shareBaseNumber } from '../numbers';
import { MONTHS, shorten } from '../text';
import { compareStrings } from '../util/compare';
import { fold } from './fold';
import type { CorpusRecord } from './record';

export interface SymbolEntry {
  readonly path: string;
  readonly kind: 'question' | 'answer';
  readonly label: string;
  readonly numbers: readonly string[];
  /** Where the label is: 0-based line and character, and the block's offsets. */
  readonly line: number;
  readonly character: number;
  readonly start: number;
  readonly end: number;
  /** The document's title, for the symbol's container name. */
  readonly container?: string;
  /** The question's text (for an answer, of the question it answers), shortened: the symbol's detail. */
  readonly detail: string;
  /** Folded words, each field as " w1 w2 … ": the label; title, askers, parties, file name; the question. */
  readonly labelWords: string;
  readonly headWords: string;
  readonly bodyWords: string;
  /** The document's submission and receipt dates as words (" 2024 02 16 16 februari 2024 "), or "". */
  readonly submittedWords: string;
  readonly receivedWords: string;
  /** The document's ISO submission and receipt dates, for the symbol's name. */
  readonly submitted?: string;
  readonly received?: string;
}

/** How much of a question's text is searched and shown. */
const BODY_CHARS = 400;
const DETAIL_CHARS = 120;

/** The symbol entries of one document, in text order. Build once per record; match many times. */
export function symbolEntries(path: string, record: CorpusRecord): SymbolEntry[] {
  const head = [record.title ?? '', ...record.askedBy, ...record.parties].join(' ');
  const submittedWords = record.submitted ? words(dateWords(record.submitted)) : '';
  const receivedWords = record.received ? words(dateWords(record.received)) : '';
  const fileName = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  // One string per document, shared by its entries.
  const headWords = words(`${head} ${fileName}`);
  const out: SymbolEntry[] = [];
  const blocks = record.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const question = b.kind === 'question' ? b.text : questionOf(record, i);
    const body = question.length > BODY_CHARS ? question.slice(0, BODY_CHARS) : question;
    out.push({
      path,
      kind: b.kind,
      label: b.label,
      numbers: b.numbers,
      line: b.line,
      character: b.character,
      start: b.start,
      end: b.end,
      ...(record.title ? { container: record.title } : {}),
      detail: shorten(question, DETAIL_CHARS),
      labelWords: words(`${b.label} ${b.kind === 'question' ? 'vraag' : 'antwoord'}`),
      headWords,
      bodyWords: words(body),
      submittedWords,
      receivedWords,
      ...(record.submitted ? { submitted: record.submitted } : {}),
      ...(record.received ? { received: record.received } : {}),
    });
  }
  return out;
}

/** The text of the question an answer block answers: its parent, else the first question sharing a number. */
function questionOf(record: CorpusRecord, answer: number): string {
  const b = record.blocks[answer];
  if (b.parent !== undefined) return record.blocks[b.parent].text;
  for (const q of record.blocks) {
    if (q.kind === 'question' && shareBaseNumber(q.numbers, b.numbers)) return q.text;
  }
  return '';
}

/** "2024-02-16" → "2024-02-16 16 februari 2024", to be found by either. */
function dateWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${iso} ${+m[3]} ${MONTHS[+m[2] - 1] ?? ''} ${m[1]}` : iso;
}

function words(s: string): string {
  return ` ${fold(s)} `;
}

const QUESTION_WORDS = new Set(['vraag', 'vragen', 'question', 'questions']);
const ANSWER_WORDS = new Set(['antwoord', 'antwoorden', 'answer', 'answers']);
const NUMBER = /^\d{1,3}[a-z]?$/u;
const SUBMITTED_WORDS = new Set(['ingezonden', 'gesteld', 'submitted']);
const RECEIVED_WORDS = new Set(['ontvangen', 'beantwoord', 'received', 'answered']);
const MONTH_WORDS = new Set(['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec', ...MONTHS]);

/** A word of a date: a day, a year, a month or its start ("feb"). */
function isDatePart(t: string): boolean {
  if (/^\d{1,4}$/u.test(t)) return true;
  if (t.length < 3) return false;
  for (const m of MONTH_WORDS) if (m.startsWith(t)) return true;
  return false;
}

export interface SymbolQuery {
  /** Only questions or only answers, when the query names one ("vraag", "antwoord"). */
  readonly kind?: 'question' | 'answer';
  /** A question number that followed "vraag"/"antwoord": "Vraag 3" → "3". */
  readonly number?: string;
  /** "ingezonden 2024": the parts of the date the questions were submitted; [] for "has one". */
  readonly submitted?: readonly string[];
  /** "ontvangen februari 2024": the parts of the date the answer (or notice) was received. */
  readonly received?: readonly string[];
  /** The other words, folded. */
  readonly terms: readonly string[];
}

/** Reads a query: "Vraag 3 wolf" → questions numbered 3 with a word starting with "wolf". */
export function parseSymbolQuery(query: string): SymbolQuery {
  const tokens = fold(query).split(' ').filter((t) => t.length > 0);
  let kind: 'question' | 'answer' | undefined;
  let number: string | undefined;
  let submitted: string[] | undefined;
  let received: string[] | undefined;
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const date = SUBMITTED_WORDS.has(t) ? (submitted ??= []) : RECEIVED_WORDS.has(t) ? (received ??= []) : undefined;
    if (date) {
      while (i + 1 < tokens.length && isDatePart(tokens[i + 1])) date.push(tokens[++i]);
      continue;
    }
    const k = QUESTION_WORDS.has(t) ? 'question' : ANSWER_WORDS.has(t) ? 'answer' : undefined;
    if (k && kind === undefined) {
      kind = k;
      if (number === undefined && i + 1 < tokens.length && NUMBER.test(tokens[i + 1])) number = tokens[++i];
      continue;
    }
    terms.push(t);
  }
  return { ...(kind ? { kind } : {}), ...(number ? { number } : {}), ...(submitted ? { submitted } : {}), ...(received ? { received } : {}), terms };
}

export interface SymbolMatch {
  readonly entry: SymbolEntry;
  readonly score: number;
}

/**
 * The entries that match `query`, best first, at most `limit`. Every word must match the start of
 * a word of the label (weighs most), of the title, askers, parties and dates, or of the question;
 * a whole word weighs more than its start. A number after "vraag"/"antwoord" must be one of the
 * block's numbers (exactly, or as the number of its sub-items: "Vraag 2" finds "Antwoord 2a").
 * "ingezonden …" and "ontvangen …" followed by parts of a date ("ontvangen februari 2024",
 * "ingezonden 2024-01-29") match the document's submission or receipt date; alone they match
 * documents that have one. Ties: by path, then by place in the document. An empty query matches
 * nothing.
 */
export function matchSymbols(query: string | SymbolQuery, entries: readonly SymbolEntry[], limit = 100): SymbolMatch[] {
  const q = typeof query === 'string' ? parseSymbolQuery(query) : query;
  if (q.kind === undefined && q.number === undefined && q.terms.length === 0 && !q.submitted && !q.received) return [];
  const prefixes = q.terms.map((t) => ` ${t}`);
  const wholes = q.terms.map((t) => ` ${t} `);
  const out: SymbolMatch[] = [];
  for (const e of entries) {
    if (q.kind !== undefined && e.kind !== q.kind) continue;
    let score = 0;
    if (q.number !== undefined) {
      if (e.numbers.includes(q.number)) score += 10;
      else if (e.numbers.some((n) => baseNumber(n) === q.number)) score += 6;
      else continue;
    } else if (q.kind !== undefined) {
      score += 1;
    }
    if (q.submitted) {
      const s = dateScore(e.submittedWords, q.submitted);
      if (s === 0) continue;
      score += s;
    }
    if (q.received) {
      const s = dateScore(e.receivedWords, q.received);
      if (s === 0) continue;
      score += s;
    }
    let all = true;
    for (let t = 0; t < prefixes.length; t++) {
      const s = termScore(e, prefixes[t], wholes[t], q.terms[t]);
      if (s === 0) { all = false; break; }
      score += s;
    }
    if (all) out.push({ entry: e, score });
  }
  out.sort((a, b) => b.score - a.score || compareStrings(a.entry.path, b.entry.path) || a.entry.start - b.entry.start);
  return out.length > limit ? out.slice(0, limit) : out;
}

function dateScore(date: string, parts: readonly string[]): number {
  if (date.length === 0) return 0;
  for (const p of parts) if (!date.includes(` ${p}`)) return 0;
  return 4 + parts.length;
}

function termScore(e: SymbolEntry, prefix: string, whole: string, term: string): number {
  if (NUMBER.test(term) && e.numbers.includes(term)) return 9;
  if (e.labelWords.includes(prefix)) return e.labelWords.includes(whole) ? 9 : 8;
  if (e.headWords.includes(prefix)) return e.headWords.includes(whole) ? 5 : 4;
  if (e.bodyWords.includes(prefix)) return e.bodyWords.includes(whole) ? 3 : 2;
  return 0;
}

/** "2024-02-16" → "16 februari 2024". */
function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${+m[3]} ${MONTHS[+m[2] - 1] ?? ''} ${m[1]}` : iso;
}

/**
 * The name an entry is listed under for a query: its label and the start of its question
 * ("Vraag 3: Hoeveel wolven leven er nu in Nederland?"), and when the query asks for a date, that
 * date with the word the query used for it ("Antwoord 1 (ontvangen 16 februari 2024): Bent u …").
 * VS Code filters workspace symbols again by their name (and the rest of the query by the
 * container), so what the query matched must be in the name.
 */
export function symbolName(entry: SymbolEntry, query: string): string {
  let label = entry.label;
  const tokens = fold(query).split(' ');
  const submitted = tokens.find((t) => SUBMITTED_WORDS.has(t));
  const received = tokens.find((t) => RECEIVED_WORDS.has(t));
  const dates: string[] = [];
  if (submitted && entry.submitted) dates.push(`${submitted} ${dutchDate(entry.submitted)}`);
  if (received && entry.received) dates.push(`${received} ${dutchDate(entry.received)}`);
  if (dates.length > 0) label += ` (${dates.join(', ')})`;
  return entry.detail.length > 0 ? `${label}: ${entry.detail}` : label;
}
