/**
 * The corpus as a table: CSV with one row per document (written as the annotation export writes
 * CSV: `;` separator, UTF-8 byte order mark, CRLF, RFC 4180 quoting and the formula guard of
 * `csvField`, ISO dates), and JSON Lines with one object per document, its metadata and its
 * questions with their answers. Documents in path order.
 */
import { csvField, hasQuoteOrLineBreak, startsLikeFormula } from '../annotations/export/csv';
import type { DocumentKind } from '../model';
import { LOOP_CHUNK } from '../util/chunks';
import { compareStrings } from '../util/compare';
import { linkQuestionSets, setTerm, type CorpusDocument, type QuestionSet, type QuestionSets } from './questionSets';
import { qaPairs, type SetRole } from './record';
import type { AnswerStatus, AnswerTerm } from './term';

const CORPUS_CSV_COLUMNS = [
  'file', 'kind', 'role', 'title', 'askedBy', 'parties', 'addressedTo', 'answeredBy', 'submitted', 'received', 'due',
  'daysToAnswer', 'status', 'postponements', 'questions', 'footnotes', 'relatedFiles',
] as const;
export type CorpusCsvColumn = typeof CORPUS_CSV_COLUMNS[number];

/** The words of the CSV: column headers and the values of the kind, role and status columns. */
export interface CorpusCsvWords {
  readonly headers: Readonly<Record<CorpusCsvColumn, string>>;
  readonly kinds: Readonly<Record<DocumentKind, string>>;
  readonly roles: Readonly<Record<SetRole, string>>;
  readonly statuses: Readonly<Record<AnswerStatus, string>>;
}

export const CORPUS_CSV_WORDS: CorpusCsvWords = {
  headers: {
    file: 'file', kind: 'kind', role: 'role', title: 'title', askedBy: 'asked by', parties: 'party', addressedTo: 'addressed to',
    answeredBy: 'answered by', submitted: 'submitted', received: 'received', due: 'due', daysToAnswer: 'days to answer',
    status: 'status', postponements: 'postponements', questions: 'questions', footnotes: 'footnotes', relatedFiles: 'related files',
  },
  kinds: {
    questions: 'questions', beslisnota: 'beslisnota', webpage: 'web page', postponement: 'postponement',
    questionList: 'list of questions', unknown: 'unknown',
  },
  roles: { questions: 'questions', answer: 'answer', postponement: 'postponement' },
  statuses: {
    answeredInTime: 'answered in time', answeredLate: 'answered late',
    answeredLateWithoutPostponement: 'answered late without postponement', openOverdue: 'open and overdue', open: 'open',
    undetermined: 'undetermined',
  },
};

export interface CorpusTableOptions {
  /** ISO date of today: the status of open questions depends on it. */
  readonly today: string;
  /** The question sets, when the caller has them; linked from `docs` otherwise. */
  readonly sets?: QuestionSets;
}

export interface CorpusCsvOptions extends CorpusTableOptions {
  /** Field separator: ";" (default), "," or a tab. */
  readonly separator?: string;
  /** Start with a UTF-8 byte order mark (default true). */
  readonly bom?: boolean;
  readonly words?: CorpusCsvWords;
  /** Columns after the standard ones (the editor adds "cited by" and annotations per tag). */
  readonly extra?: CorpusCsvExtra;
}

/** Extra CSV columns: their headers, and each document's values (by its path) in that order. */
export interface CorpusCsvExtra {
  readonly headers: readonly string[];
  values(path: string): readonly string[];
  /** Whether the columns hold numbers (they are then not guarded as formulas). */
  readonly numeric?: boolean;
}

/** Files of a set other than `path`, in a CSV cell: " | " cannot be in a Windows file name. */
const FILE_SEPARATOR = ' | ';

/** The CSV text of a corpus: a header row, then one row per document in path order. */
export function corpusCsv(docs: readonly CorpusDocument[], options: CorpusCsvOptions): string {
  const sep = options.separator ?? ';';
  if (sep.length !== 1 || /["\r\n]/u.test(sep)) throw new Error(`unusable CSV separator ${JSON.stringify(sep)}`);
  const words = options.words ?? CORPUS_CSV_WORDS;
  const extra = options.extra;
  const header = CORPUS_CSV_COLUMNS.map((c) => csvField(words.headers[c], sep)).join(sep) + (extra ? extra.headers.map((h) => sep + csvField(h, sep)).join('') : '');
  let out = `${options.bom === false ? '' : '\uFEFF'}${header}\r\n`;
  const t = inPathOrder(docs, options);
  for (let k = 0; k < t.docs.length; k += ROW_CHUNK) out += csvRows(t, k, Math.min(k + ROW_CHUNK, t.docs.length), words, sep, options.today, extra);
  return out;
}

/** How many rows `csvRows` makes per call (see LOOP_CHUNK). */
const ROW_CHUNK = LOOP_CHUNK;

/**
 * Rows `from` to `to` (in path order) of the table, each ending in CRLF: one call per chunk, not
 * one loop in `corpusCsv`. The table is the rows concatenated, not an array of them joined: `+=`
 * makes a string of parts that is copied once, where it is written, and `join` copied all rows
 * into one string first (a third of the CSV's time at 10,000 rows), which was copied again where
 * written (the byte order mark makes a two-byte string of it).
 */
function csvRows(
  t: InPathOrder, from: number, to: number, words: CorpusCsvWords, sep: string, today: string, extra: CorpusCsvExtra | undefined,
): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const doc = t.docs[k];
    const i = t.setOf[k];
    const row = i === -1 ? csvRow(doc, undefined, undefined, words, sep) : csvRow(doc, t.sets[i], termOf(t, i, today), words, sep);
    out += extra ? `${row}${extraFields(extra, doc.path, sep)}\r\n` : `${row}\r\n`;
  }
  return out;
}

/** The extra columns of a document, each after a separator. */
function extraFields(extra: CorpusCsvExtra, path: string, sep: string): string {
  return extra.values(path).map((v) => sep + csvField(v, sep, extra.numeric === true)).join('');
}

/**
 * One document's row, the columns of CORPUS_CSV_COLUMNS in order (the numeric ones, days to answer,
 * postponements, questions and footnotes, not guarded as formulas). The values are joined at once,
 * and the row is looked at as a whole: when it holds one separator per column boundary and no
 * quote or line break, and no value starts like a formula, no field needs `csvField` (nearly
 * every row); else each field gets it.
 */
function csvRow(doc: CorpusDocument, set: QuestionSet | undefined, term: AnswerTerm | undefined, words: CorpusCsvWords, sep: string): string {
  const r = doc.record;
  const values = [
    doc.path,
    words.kinds[r.kind],
    r.role ? words.roles[r.role] : '',
    r.title ?? '',
    names(r.askedBy),
    names(r.parties),
    r.addressedTo ?? '',
    r.answeredBy ?? '',
    set?.submitted ?? r.submitted ?? '',
    // Its own date (an answer's, a notice's); for the questions, the day the set was answered.
    r.received ?? set?.received ?? '',
    term?.due ?? '',
    term?.daysToAnswer !== undefined ? String(term.daysToAnswer) : '',
    term ? words.statuses[term.status] : '',
    set ? String(set.postponements.length) : '',
    String(r.questionCount),
    String(r.footnoteCount),
    set ? relatedFiles(set.files, doc.path) : '',
  ];
  const row = values.join(sep);
  if (plainRow(row, sep, values.length - 1) && !anyGuarded(values)) return row;
  return values.map((v, i) => csvField(v, sep, NUMERIC_AT[i])).join(sep);
}

/** Which of the row's values are numbers (see `csvRow`). */
const NUMERIC_AT: readonly boolean[] = CORPUS_CSV_COLUMNS.map((c) => c === 'daysToAnswer' || c === 'postponements' || c === 'questions' || c === 'footnotes');

/**
 * Whether `row` has exactly `separators` separators and no double quote, CR or LF. By the regex
 * engine and `indexOf`: a loop over the character codes took nearly twice as long on the rows of
 * the 10,000-document corpus by themselves (in the whole table, within the noise).
 */
function plainRow(row: string, sep: string, separators: number): boolean {
  if (hasQuoteOrLineBreak(row)) return false;
  let seen = 0;
  for (let k = row.indexOf(sep); k !== -1; k = row.indexOf(sep, k + 1)) if (++seen > separators) return false;
  return seen === separators;
}

/** Whether `csvField` guards a value of the row: one that starts like a formula, in a column that is not numbers. */
function anyGuarded(values: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) if (!NUMERIC_AT[i] && startsLikeFormula(values[i])) return true;
  return false;
}

/** A list of names in a cell. One name (most lists) as it is: `join` costs a call and a string for it. */
function names(list: readonly string[]): string {
  return list.length === 1 ? list[0] : list.join(', ');
}

/** The files of a set other than `path`. */
function relatedFiles(files: readonly string[], path: string): string {
  let out = '';
  for (const f of files) {
    if (f === path) continue;
    out = out === '' ? f : out + FILE_SEPARATOR + f;
  }
  return out;
}

/** One line of the JSON Lines table. Absent values are null, so every object has every key. */
export interface CorpusJsonLine {
  readonly file: string;
  readonly kind: DocumentKind;
  readonly role: SetRole | null;
  readonly title: string | null;
  readonly subject: string | null;
  readonly askedBy: readonly string[];
  readonly parties: readonly string[];
  readonly addressedTo: string | null;
  readonly answeredBy: string | null;
  readonly submitted: string | null;
  readonly received: string | null;
  readonly questionCount: number;
  readonly answerCount: number;
  readonly footnoteCount: number;
  /** Identity keys of the document (see identity.ts). */
  readonly identities: readonly string[];
  /** Distinct identity keys it cites, in order of first mention. */
  readonly references: readonly string[];
  /** For a notice: what it says of the questions it postpones. */
  readonly postpones: {
    readonly title: string | null; readonly askedBy: readonly string[]; readonly parties: readonly string[];
    readonly submitted: string | null; readonly zaakNumbers: readonly string[]; readonly documentNumbers: readonly string[];
  } | null;
  readonly questionSet: {
    readonly id: string; readonly files: readonly string[]; readonly submitted: string | null; readonly received: string | null;
    readonly due: string | null; readonly status: AnswerStatus; readonly daysToAnswer: number | null;
    readonly extensions: number; readonly daysOverdue: number | null;
  } | null;
  readonly pairs: ReadonlyArray<{ readonly numbers: readonly string[]; readonly label: string | null; readonly question: string | null; readonly answer: string | null }>;
}

/** The JSON Lines text of a corpus: one object per document in path order, each line ending in LF. */
export function corpusJsonl(docs: readonly CorpusDocument[], options: CorpusTableOptions): string {
  let out = '';
  for (const line of corpusJsonLines(docs, options)) out += `${JSON.stringify(line)}\n`;
  return out;
}

/** The objects of the JSON Lines table, for a caller that writes them as it goes. */
export function* corpusJsonLines(docs: readonly CorpusDocument[], options: CorpusTableOptions): Generator<CorpusJsonLine> {
  for (const { doc, set, term } of withSets(docs, options)) {
    const r = doc.record;
    const p = r.postpones;
    yield {
      file: doc.path,
      kind: r.kind,
      role: r.role ?? null,
      title: r.title ?? null,
      subject: r.subject ?? null,
      askedBy: r.askedBy,
      parties: r.parties,
      addressedTo: r.addressedTo ?? null,
      answeredBy: r.answeredBy ?? null,
      submitted: r.submitted ?? null,
      received: r.received ?? null,
      questionCount: r.questionCount,
      answerCount: r.answerCount,
      footnoteCount: r.footnoteCount,
      identities: r.identities,
      references: [...new Set(r.references.map((x) => x.key))],
      postpones: p ? {
        title: p.title ?? null, askedBy: p.askedBy, parties: p.parties, submitted: p.submitted ?? null,
        zaakNumbers: p.zaakNumbers, documentNumbers: p.documentNumbers,
      } : null,
      questionSet: set && term ? {
        id: set.id, files: set.files, submitted: set.submitted ?? null, received: set.received ?? null, due: term.due ?? null,
        status: term.status, daysToAnswer: term.daysToAnswer ?? null, extensions: term.extensions, daysOverdue: term.daysOverdue ?? null,
      } : null,
      pairs: qaPairs(r).map((q) => ({ numbers: q.numbers, label: q.label ?? null, question: q.question ?? null, answer: q.answer ?? null })),
    };
  }
}

/**
 * The documents in path order, each with the index of its set in `sets` (-1: in none), and the
 * sets' terms as computed (see `termOf`). Arrays for the caller's loop, not a callback per row nor
 * a generator: an object per row and the generator's steps cost as much as the row, and optimised
 * code that calls a callback made per call is thrown away when the callback is gone.
 */
interface InPathOrder {
  readonly docs: readonly CorpusDocument[];
  readonly setOf: Int32Array;
  readonly sets: readonly QuestionSet[];
  readonly terms: Array<AnswerTerm | undefined>;
}

function inPathOrder(docs: readonly CorpusDocument[], options: CorpusTableOptions): InPathOrder {
  const sets = options.sets ?? linkQuestionSets(docs);
  const ordered = [...docs].sort(byPath);
  const setOf = new Int32Array(ordered.length);
  for (let k = 0; k < ordered.length; k++) setOf[k] = sets.byFile.get(ordered[k].path) ?? -1;
  return { docs: ordered, setOf, sets: sets.sets, terms: new Array<AnswerTerm | undefined>(sets.sets.length) };
}

function byPath(a: CorpusDocument, b: CorpusDocument): number {
  return compareStrings(a.path, b.path);
}

/** The term of set `i`, computed once per set, when a row first needs it. */
function termOf(t: InPathOrder, i: number, today: string): AnswerTerm {
  let term = t.terms[i];
  if (term === undefined) {
    term = setTerm(t.sets[i], today);
    t.terms[i] = term;
  }
  return term;
}

interface Row {
  readonly doc: CorpusDocument;
  readonly set?: QuestionSet;
  readonly term?: AnswerTerm;
}

/** Documents in path order with their set and its term (computed once per set). */
function* withSets(docs: readonly CorpusDocument[], options: CorpusTableOptions): Generator<Row> {
  const t = inPathOrder(docs, options);
  for (let k = 0; k < t.docs.length; k++) {
    const i = t.setOf[k];
    yield i === -1 ? { doc: t.docs[k] } : { doc: t.docs[k], set: t.sets[i], term: termOf(t, i, options.today) };
  }
}
