/**
 * What the Code Matrix panel shows, as plain data: the documents of the corpus with their
 * attributes (party of the asker, addressed ministry, year, kind, answer status), the grid of tags
 * against documents or attribute values (counts, hierarchy, totals), the tag × tag co-occurrence
 * grid, the passages behind a cell (quote, document, place) and the CSV of either grid. Pure: the
 * adapter gives the documents (name, record, annotations) and the words in the user's language.
 */
import type { CorpusRecord } from '../corpus/record';
import { linkQuestionSets, setTerm } from '../corpus/questionSets';
import type { AnswerStatus } from '../corpus/term';
import {
  codeMatrix, type CodeMatrix, cooccurrence, type CooccurrenceMatrix, cooccurrenceToCsv, type MatrixCell,
  MATRIX_CSV_WORDS, type MatrixCsvWords, type MatrixPassage, matrixToCsv, type PassageRef, UNKNOWN_COLUMN,
} from './matrix';
import { codersOf, isVisible } from './coders';
import { parentTag, tagName } from './tags';

/** What the columns are: each document, or each value of a document attribute. */
export type MatrixColumns = 'document' | 'party' | 'ministry' | 'year' | 'kind' | 'late';
export const MATRIX_COLUMNS: readonly MatrixColumns[] = ['document', 'party', 'ministry', 'year', 'kind', 'late'];
export type MatrixCount = 'passages' | 'documents';
export type CooccurrenceBy = 'overlap' | 'block';

/** An annotation of a document, as the corpus has it placed (UTF-16 offsets; orphaned ones count nowhere). */
export interface MatrixAnnotation {
  readonly id: string;
  readonly tags: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly orphaned?: boolean;
  readonly quote: string;
  /** Who coded it; undefined: no coder recorded. */
  readonly coder?: string;
}

/** A document of the corpus. */
export interface MatrixDocument {
  /** How it is named in the grid and the CSV (a workspace-relative path): unique. */
  readonly name: string;
  /** Its corpus record, for a parliamentary text. */
  readonly record?: CorpusRecord;
  readonly annotations: readonly MatrixAnnotation[];
}

/**
 * The documents with only the annotations of `coders` (`''`: those without a coder); undefined:
 * every annotation. A document whose annotations all go keeps its record (an attribute column).
 */
export function withCoders(documents: readonly MatrixDocument[], coders: readonly string[] | undefined): MatrixDocument[] {
  if (!coders) return [...documents];
  return documents.map((d) => ({ ...d, annotations: d.annotations.filter((a) => isVisible(a, { coders })) }));
}

/** The coders of the documents' annotations (sorted), and whether some annotations have none: what a coder filter offers. */
export function matrixCoders(documents: readonly MatrixDocument[]): { readonly names: readonly string[]; readonly uncoded: boolean } {
  const all = documents.flatMap((d) => d.annotations);
  return { names: codersOf(all), uncoded: all.some((a) => !a.coder?.trim()) };
}

/** Kind of a document as a column: its role in a question set, else its kind. */
export type MatrixKind = 'questions' | 'answer' | 'postponement' | 'beslisnota' | 'questionList' | 'webpage' | 'unknown';

/** Labels of attribute values that are keys (kinds, statuses); undefined: the key itself. */
export interface AttributeLabels {
  readonly kind?: Readonly<Partial<Record<MatrixKind, string>>>;
  readonly late?: Readonly<Partial<Record<AnswerStatus, string>>>;
}

export function kindOf(record: CorpusRecord | undefined): MatrixKind {
  if (!record) return 'unknown';
  if (record.role) return record.role;
  return record.kind === 'beslisnota' || record.kind === 'questionList' || record.kind === 'webpage' ? record.kind : 'unknown';
}

const MINISTER_PRESIDENT = /\bMinister-?\s?President\b/iu;

/**
 * The ministries a document is addressed to, by name ("Financiën", "Binnenlandse Zaken en
 * Koninkrijksrelaties"): each "van X" / "voor X" of "de Ministers van A, van B en van C"; the
 * Minister-President is "Algemene Zaken". In order, without doubles.
 */
export function addressedMinistries(addressedTo: string | undefined): string[] {
  const out: string[] = [];
  const to = addressedTo?.replace(/\s+/gu, ' ');
  if (!to) return out;
  const add = (name: string): void => {
    const clean = name.replace(/[\s.,;:]+$/u, '').trim();
    if (clean.length > 1 && !out.includes(clean)) out.push(clean);
  };
  if (MINISTER_PRESIDENT.test(to)) add('Algemene Zaken');
  const re = /\b(?:van|voor)\s?(?=\p{Lu})(.+?)(?=,\s*(?:en\s+)?(?:van|voor)\b|\s+en\s+(?:van|voor)\b|\s+en\s+de\b|$)/gu;
  for (const m of to.matchAll(re)) add(m[1]);
  return out;
}

/**
 * The answer status of every document in a question set (by name), on `today` (ISO): the status of
 * its set (see term.ts). Documents in no set (beslisnota's, pages without questions) are absent.
 */
export function answerStatuses(documents: readonly MatrixDocument[], today: string): Map<string, AnswerStatus> {
  const withRecords = documents.flatMap((d) => (d.record ? [{ path: d.name, record: d.record }] : []));
  const { sets, byFile } = linkQuestionSets(withRecords);
  const statuses = sets.map((s) => setTerm(s, today).status);
  const out = new Map<string, AnswerStatus>();
  for (const [file, i] of byFile) out.set(file, statuses[i]);
  return out;
}

/**
 * The value(s) of an attribute for each document, as shown (labels); a document without one is
 * absent (its column is the unknown one). `today` is for the answer status.
 */
export function attributeValues(documents: readonly MatrixDocument[], columns: Exclude<MatrixColumns, 'document'>, today: string, labels: AttributeLabels = {}): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const statuses = columns === 'late' ? answerStatuses(documents, today) : undefined;
  for (const d of documents) {
    const r = d.record;
    let values: readonly string[] = [];
    switch (columns) {
      case 'party': values = r?.parties ?? []; break;
      case 'ministry': values = addressedMinistries(r?.addressedTo); break;
      case 'year': {
        const date = r?.submitted ?? r?.received;
        values = date ? [date.slice(0, 4)] : [];
        break;
      }
      case 'kind': {
        const k = kindOf(r);
        values = k === 'unknown' ? [] : [labels.kind?.[k] ?? k];
        break;
      }
      case 'late': {
        const s = statuses?.get(d.name);
        values = s && s !== 'undetermined' ? [labels.late?.[s] ?? s] : [];
        break;
      }
    }
    if (values.length > 0) out.set(d.name, values);
  }
  return out;
}

/** The passages of the documents as the matrix takes them (orphaned annotations left out). */
function matrixPassages(documents: readonly MatrixDocument[]): MatrixPassage[] {
  const out: MatrixPassage[] = [];
  for (const d of documents) {
    for (const a of d.annotations) {
      if (a.orphaned || !(a.end > a.start)) continue;
      out.push({ document: d.name, id: a.id, tags: a.tags, start: a.start, end: a.end });
    }
  }
  return out;
}

export interface GridRow {
  readonly tag: string;
  /** The last name of the path, for display. */
  readonly name: string;
  readonly depth: number;
  /** The parent row's tag, if the row is below another. */
  readonly parent?: string;
  /** Whether rows below it follow (it can collapse). */
  readonly hasChildren: boolean;
  readonly counts: readonly number[];
  readonly total: number;
}

/** The code matrix as the panel shows it. */
export interface MatrixGrid {
  readonly columns: MatrixColumns;
  readonly count: MatrixCount;
  /** Column labels (document names or attribute values; `UNKNOWN_COLUMN` for unknown). */
  readonly columnKeys: readonly string[];
  readonly rows: readonly GridRow[];
  /** Per column: passages (or documents) with any row's tag. */
  readonly totals: readonly number[];
  readonly total: number;
  /** The full matrix, with the passages behind each cell. */
  readonly matrix: CodeMatrix;
}

export interface MatrixGridOptions {
  readonly columns: MatrixColumns;
  readonly count: MatrixCount;
  /** The rows to show (tags); default every tag used, with its parents. */
  readonly rows?: readonly string[];
  /** ISO date of today, for the answer status. */
  readonly today: string;
  readonly labels?: AttributeLabels;
}

/** Rows with their place in the hierarchy: a row's parent is the nearest row above whose tag is its ancestor. */
function gridRows(tags: readonly string[]): { tag: string; parent?: string; hasChildren: boolean }[] {
  const present = new Set(tags);
  const parentOf = (tag: string): string | undefined => {
    for (let p = parentTag(tag); p !== undefined; p = parentTag(p)) if (present.has(p)) return p;
    return undefined;
  };
  const parents = new Set<string>();
  const out = tags.map((tag) => {
    const parent = parentOf(tag);
    if (parent !== undefined) parents.add(parent);
    return { tag, ...(parent !== undefined ? { parent } : {}) };
  });
  return out.map((r) => ({ ...r, hasChildren: parents.has(r.tag) }));
}

/** The code matrix of the documents: tags (with their parents, which count their children) against the columns. */
export function matrixGrid(documents: readonly MatrixDocument[], options: MatrixGridOptions): MatrixGrid {
  const passages = matrixPassages(documents);
  const columns = options.columns === 'document' ? 'document' as const
    : Object.fromEntries(attributeValues(documents, options.columns, options.today, options.labels));
  const matrix = codeMatrix(passages, {
    // Every document with annotations is a column; for an attribute, every document's values are.
    columns, count: options.count,
    documents: (options.columns === 'document' ? documents.filter((d) => d.annotations.length > 0) : documents).map((d) => d.name),
    ...(options.rows ? { tags: options.rows } : {}),
  });
  const placed = gridRows(matrix.rows.map((r) => r.tag));
  return {
    columns: options.columns,
    count: options.count,
    columnKeys: matrix.columns,
    rows: matrix.rows.map((r, i) => ({
      ...placed[i], name: tagName(r.tag), depth: r.depth,
      counts: r.cells.map((c) => c.count), total: r.total.count,
    })),
    totals: matrix.totals.map((c) => c.count),
    total: matrix.total.count,
    matrix,
  };
}

/** Tag × tag co-occurrence as the panel shows it. */
export interface CooccurrenceGrid {
  readonly by: CooccurrenceBy;
  readonly tags: readonly string[];
  readonly counts: readonly (readonly number[])[];
  readonly matrix: CooccurrenceMatrix;
}

/** Co-occurrence of the documents' tags: by overlapping passages, or in the same question or answer block (the records' blocks). */
export function cooccurrenceGrid(documents: readonly MatrixDocument[], by: CooccurrenceBy, rows?: readonly string[]): CooccurrenceGrid {
  const blocks = by === 'block'
    ? Object.fromEntries(documents.map((d) => [d.name, (d.record?.blocks ?? []).map((b) => ({ start: b.start, end: b.end }))]))
    : undefined;
  const matrix = cooccurrence(matrixPassages(documents), { by, ...(blocks ? { blocks } : {}), ...(rows ? { tags: rows } : {}) });
  return { by, tags: matrix.tags, counts: matrix.cells.map((r) => r.map((c) => c.count)), matrix };
}

/**
 * The cell at row `r` and column `c` of a grid: for the code matrix, `r` = rows.length is the
 * total row and `c` = columnKeys.length the total column. Undefined outside the grid.
 */
export function gridCell(grid: MatrixGrid | CooccurrenceGrid, r: number, c: number): MatrixCell | undefined {
  if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0) return undefined;
  if ('by' in grid) return grid.matrix.cells[r]?.[c];
  const m = grid.matrix;
  if (r > m.rows.length || c > m.columns.length) return undefined;
  if (r === m.rows.length) return c === m.columns.length ? m.total : m.totals[c];
  return c === m.columns.length ? m.rows[r].total : m.rows[r].cells[c];
}

/** A passage behind a cell, as listed: enough to show it and to open it. */
export interface PassageDetail extends PassageRef {
  readonly quote: string;
  readonly tags: readonly string[];
  /** The question or answer block it starts in ("Antwoord 3"), if any. */
  readonly place?: string;
}

/** The label of the block a passage starts in: the last block that starts at or before it and ends after it. */
function placeOf(record: CorpusRecord | undefined, start: number): string | undefined {
  let found: string | undefined;
  for (const b of record?.blocks ?? []) {
    if (b.start > start) break;
    if (b.end > start) found = b.label;
  }
  return found;
}

/** The passages behind a cell, with quote, tags and place, in document order. */
export function passageDetails(cell: MatrixCell, documents: readonly MatrixDocument[]): PassageDetail[] {
  const byName = new Map(documents.map((d) => [d.name, d]));
  const annotations = new Map<string, Map<string, MatrixAnnotation>>();
  const annotationOf = (doc: MatrixDocument, id: string): MatrixAnnotation | undefined => {
    let m = annotations.get(doc.name);
    if (!m) annotations.set(doc.name, (m = new Map(doc.annotations.map((a) => [a.id, a]))));
    return m.get(id);
  };
  const out = cell.passages.map((p): PassageDetail => {
    const doc = byName.get(p.document);
    const a = doc ? annotationOf(doc, p.id) : undefined;
    const place = placeOf(doc?.record, p.start);
    return { ...p, quote: a?.quote ?? '', tags: a?.tags ?? [], ...(place ? { place } : {}) };
  });
  const order = new Map(documents.map((d, i) => [d.name, i]));
  return out.sort((a, b) => (order.get(a.document) ?? 0) - (order.get(b.document) ?? 0) || a.start - b.start || a.end - b.end);
}

/** The CSV of a grid (see `matrixToCsv`, `cooccurrenceToCsv`): `;`, BOM, CRLF. */
export function gridToCsv(grid: MatrixGrid | CooccurrenceGrid, words: MatrixCsvWords = MATRIX_CSV_WORDS): string {
  return 'by' in grid ? cooccurrenceToCsv(grid.matrix, { words }) : matrixToCsv(grid.matrix, { words });
}

export { UNKNOWN_COLUMN };
