/**
 * The Corpus view's rows: one per document, with its question set's term and status, its
 * annotations per tag, how many documents cite it and which files belong with it. Pure: the
 * extension gives the documents (a name, an id, the record if the document is a parliamentary
 * text, its annotations' tags); the table's sorting and filtering are in overviewTable.ts.
 */
import { citedByCounts } from './citations';
import { linkQuestionSets, setTerm, type CorpusDocument, type QuestionSet, type QuestionSets } from './questionSets';
import type { CorpusRecord } from './record';
import type { AnswerTerm } from './term';
import type { OverviewRow, RelatedFile, RowKind } from './overviewTable';

export interface OverviewInput {
  /** The document's URI (string). */
  readonly id: string;
  /** Its name in the workspace; unique among the inputs. */
  readonly file: string;
  /** Its record, when it is a parliamentary text. */
  readonly record?: CorpusRecord;
  /** The tags of each of its annotations. */
  readonly annotations: readonly { readonly tags: readonly string[] }[];
}

export interface OverviewOptions {
  /** ISO date of today: the status of open questions depends on it. */
  readonly today: string;
}

/** What a row calls a document: its part in a question set, else its kind. */
function rowKind(record: CorpusRecord | undefined): RowKind {
  if (!record) return 'unknown';
  if (record.role) return record.role;
  switch (record.kind) {
    case 'beslisnota': return 'beslisnota';
    case 'questionList': return 'questionList';
    case 'webpage': return 'webpage';
    default: return 'unknown';
  }
}

const MINISTER_PRESIDENT = /\bMinister-?\s?President\b/iu;

/**
 * The ministries a document is addressed to or answered by, as their names ("Financiën",
 * "Binnenlandse Zaken en Koninkrijksrelaties"): from "de Ministers van A, van B en van C" and
 * "Minister X (Financiën)"; the Minister-President is "Algemene Zaken". In order, without doubles.
 */
export function ministriesOf(record: Pick<CorpusRecord, 'addressedTo' | 'answeredBy'>): string[] {
  const out: string[] = [];
  const add = (name: string): void => {
    const clean = name.replace(/\s+/gu, ' ').replace(/[\s.,;:]+$/u, '').trim();
    if (clean.length > 1 && !out.includes(clean)) out.push(clean);
  };
  const to = record.addressedTo?.replace(/\s+/gu, ' ');
  if (to) {
    if (MINISTER_PRESIDENT.test(to)) add('Algemene Zaken');
    // Each "van X" / "voor X" after a title, up to the next ", van", " en van", " en de" or the end.
    const re = /\b(?:van|voor)\s?(?=\p{Lu})(.+?)(?=,\s*(?:van|voor)\b|\s+en\s+(?:van|voor)\b|\s+en\s+de\b|$)/gu;
    for (const m of to.matchAll(re)) add(m[1]);
  }
  const by = record.answeredBy ? /\(([^()]+)\)\s*$/u.exec(record.answeredBy)?.[1] : undefined;
  if (by) add(by);
  return out;
}

/** Ministries per record: a record is replaced, never changed, when its document changes. */
const ministriesCache = new WeakMap<CorpusRecord, readonly string[]>();

function cachedMinistries(record: CorpusRecord): readonly string[] {
  let m = ministriesCache.get(record);
  if (!m) {
    m = ministriesOf(record);
    ministriesCache.set(record, m);
  }
  return m;
}

/** File names, for sets whose members are known by name. */
function relatedOf(set: QuestionSet | undefined, self: string, idOf: ReadonlyMap<string, string>): RelatedFile[] {
  if (!set) return [];
  const roleOf = (f: string): RelatedFile['kind'] =>
    set.answers.includes(f) ? 'answer' : set.postponements.includes(f) ? 'postponement' : 'questions';
  return set.files.filter((f) => f !== self).map((f) => ({ id: idOf.get(f) ?? f, file: f, kind: roleOf(f) }));
}

/** The rows of the table, in file order. Linear in the corpus (plus sorting and linking). */
export function overviewRows(inputs: readonly OverviewInput[], options: OverviewOptions): OverviewRow[] {
  const docs: CorpusDocument[] = [];
  const idOf = new Map<string, string>();
  for (const i of inputs) {
    idOf.set(i.file, i.id);
    if (i.record) docs.push({ path: i.file, record: i.record });
  }
  const sets: QuestionSets = linkQuestionSets(docs);
  const terms = new Map<number, AnswerTerm>();
  const cited = citedByCounts(docs);
  const rows: OverviewRow[] = [];
  const ordered = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const input of ordered) {
    const r = input.record;
    const setIndex = r ? sets.byFile.get(input.file) : undefined;
    const set = setIndex !== undefined ? sets.sets[setIndex] : undefined;
    let term: AnswerTerm | undefined;
    if (setIndex !== undefined && set) {
      term = terms.get(setIndex);
      if (!term) {
        term = setTerm(set, options.today);
        terms.set(setIndex, term);
      }
    }
    const tags: Record<string, number> = {};
    for (const a of input.annotations) for (const t of new Set(a.tags)) tags[t] = (tags[t] ?? 0) + 1;
    const submitted = set?.submitted ?? r?.submitted;
    // Its own date (an answer's, a notice's); for the questions, the day the set was answered.
    const received = r?.received ?? set?.received;
    const year = (submitted ?? received)?.slice(0, 4);
    const row: { -readonly [K in keyof OverviewRow]: OverviewRow[K] } = {
      id: input.id,
      file: input.file,
      kind: rowKind(r),
      title: r?.title ?? '',
      askedBy: r?.askedBy ?? [],
      parties: r?.parties ?? [],
      ministries: r ? cachedMinistries(r) : [],
      questions: r?.questionCount ?? 0,
      tags,
      annotations: input.annotations.length,
      citedBy: cited.get(input.file) ?? 0,
      related: relatedOf(set, input.file, idOf),
    };
    if (r?.subject) row.subject = r.subject;
    if (r?.addressedTo) row.addressedTo = r.addressedTo;
    if (submitted) row.submitted = submitted;
    if (received) row.received = received;
    if (year) row.year = year;
    if (term) {
      row.status = term.status;
      row.extensions = term.extensions;
      if (term.due) row.due = term.due;
      if (term.daysToAnswer !== undefined) row.daysToAnswer = term.daysToAnswer;
      if (term.daysOverdue !== undefined) row.daysOverdue = term.daysOverdue;
    }
    rows.push(row);
  }
  return rows;
}
