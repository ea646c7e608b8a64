/**
 * The code matrix and code co-occurrence: how often tags occur per document or per value of a
 * document attribute (party, ministry, year, kind, answered late: given by the caller), and which
 * tags occur together. Every cell keeps the passages behind it, for retrieval. CSV of both, as the
 * annotation export writes CSV (`;`, BOM, CRLF, formula guard). Pure.
 *
 * Offsets are the caller's (UTF-16 offsets into the current text, as placed); they are only
 * compared (overlap, blocks) and handed back in `PassageRef`s.
 */
import type { Span } from '../model';
import { csvField } from '../annotations/export/csv';
import { compareNames, compareTags, normalizeTag, tagAndAncestors, tagAtLevel, tagDepth } from './tags';
import { countBefore } from '../util/search';

/** A tagged passage of a document. */
export interface MatrixPassage {
  /** The document's name (workspace-relative path or URI). */
  readonly document: string;
  /** The annotation's id. */
  readonly id: string;
  readonly tags: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Where a passage behind a cell is: enough to open it. */
export interface PassageRef {
  readonly document: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** A cell: its count, and the passages behind it (each once, in input order). */
export interface MatrixCell {
  readonly count: number;
  readonly passages: readonly PassageRef[];
}

/** A document attribute: the value(s) of a document (several parties ask one question), undefined when unknown. */
export type DocumentAttribute =
  | ((document: string) => string | readonly string[] | undefined)
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The column of documents whose attribute is unknown. */
export const UNKNOWN_COLUMN = '';

export interface MatrixOptions {
  /** Columns: each document (default), or each value of a document attribute. */
  readonly columns?: 'document' | DocumentAttribute;
  /** What a cell counts: passages (default), or documents with such a passage. */
  readonly count?: 'passages' | 'documents';
  /** Cut tags to this level of the hierarchy first (1 = top). */
  readonly level?: number;
  /**
   * Rows for parent tags too, each counting its own passages and those of the tags below it, a
   * passage once however many of them it has (default true). False: one row per tag as used.
   */
  readonly hierarchical?: boolean;
  /** The rows, in normal form; default every tag used (with their parents when hierarchical). */
  readonly tags?: readonly string[];
  /** Every document of the corpus: their columns appear (with zeros) also without passages. */
  readonly documents?: readonly string[];
}

export interface MatrixRow {
  readonly tag: string;
  /** 1 for a top-level tag: for indenting. */
  readonly depth: number;
  /** One cell per column. */
  readonly cells: readonly MatrixCell[];
  /** The row over all columns (a passage in two columns counts once). */
  readonly total: MatrixCell;
}

export interface CodeMatrix {
  readonly count: 'passages' | 'documents';
  /** Column keys: document names, or attribute values (sorted; `UNKNOWN_COLUMN` last). */
  readonly columns: readonly string[];
  /** Rows in `compareTags` order: a parent before its children. */
  readonly rows: readonly MatrixRow[];
  /** Per column, the passages with any row's tag. */
  readonly totals: readonly MatrixCell[];
  readonly total: MatrixCell;
}

/** Collects the passages of a cell; counts them, their documents, or co-occurrences. */
class CellBuilder {
  readonly passages: PassageRef[] = [];
  /** Set when a passage may be added more than once. */
  private readonly seen: Set<PassageRef> | undefined;
  /** Co-occurrences (which are not passages), counted by the caller. */
  count = 0;

  constructor(dedupe = false) {
    this.seen = dedupe ? new Set() : undefined;
  }

  add(ref: PassageRef): void {
    if (this.seen) {
      if (this.seen.has(ref)) return;
      this.seen.add(ref);
    }
    this.passages.push(ref);
  }

  cell(count: 'passages' | 'documents' | 'occurrences'): MatrixCell {
    const n = count === 'passages' ? this.passages.length
      : count === 'documents' ? new Set(this.passages.map((p) => p.document)).size : this.count;
    return { count: n, passages: this.passages };
  }
}

/** The tags a passage counts for: cut to `level`, with their ancestors when `hierarchical`; cached per tag. */
function expander(level: number | undefined, hierarchical: boolean): (tags: readonly string[]) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  const one = (tag: string): readonly string[] => {
    let out = cache.get(tag);
    if (out) return out;
    const t = level !== undefined ? tagAtLevel(tag, level) : normalizeTag(tag);
    out = !t ? [] : hierarchical ? tagAndAncestors(t) : [t];
    cache.set(tag, out);
    return out;
  };
  return (tags) => {
    if (tags.length === 1) return one(tags[0]);
    const out = new Set<string>();
    for (const tag of tags) for (const t of one(tag)) out.add(t);
    return [...out];
  };
}

function attributeOf(attribute: DocumentAttribute, document: string): string[] {
  const raw = typeof attribute === 'function' ? attribute(document) : Object.hasOwn(attribute, document) ? attribute[document] : undefined;
  const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const out = [...new Set(values.map((v) => v.trim()).filter((v) => v))];
  return out.length > 0 ? out : [UNKNOWN_COLUMN];
}

function compareColumns(a: string, b: string): number {
  return a === UNKNOWN_COLUMN ? (b === UNKNOWN_COLUMN ? 0 : 1) : b === UNKNOWN_COLUMN ? -1 : compareNames(a, b);
}

/**
 * The code matrix of `passages`: tags (rows) against documents or attribute values (columns).
 * Passages without a row's tag, and empty passages, count nowhere.
 */
export function codeMatrix(passages: Iterable<MatrixPassage>, options: MatrixOptions = {}): CodeMatrix {
  const count = options.count ?? 'passages';
  const expand = expander(options.level, options.hierarchical ?? true);
  const columnsBy = options.columns ?? 'document';
  const fixedRows = options.tags ? new Set(options.tags.map(normalizeTag).filter((t) => t)) : undefined;
  const cells = new Map<string, Map<string, CellBuilder>>();
  const rowTotals = new Map<string, CellBuilder>();
  const columnTotals = new Map<string, CellBuilder>();
  const total = new CellBuilder();
  const builder = <K>(map: Map<K, CellBuilder>, key: K): CellBuilder => {
    let b = map.get(key);
    if (!b) map.set(key, (b = new CellBuilder()));
    return b;
  };
  const columnCache = new Map<string, readonly string[]>();
  const columnsOf = (document: string): readonly string[] => {
    let c = columnCache.get(document);
    if (!c) columnCache.set(document, (c = columnsBy === 'document' ? [document] : attributeOf(columnsBy, document)));
    return c;
  };
  for (const d of options.documents ?? []) for (const c of columnsOf(d)) builder(columnTotals, c);
  for (const p of passages) {
    if (!(p.end > p.start)) continue;
    const expanded = expand(p.tags);
    const rows = fixedRows ? expanded.filter((t) => fixedRows.has(t)) : expanded;
    const columns = columnsOf(p.document);
    for (const c of columns) builder(columnTotals, c);
    if (rows.length === 0) continue;
    const ref: PassageRef = { document: p.document, id: p.id, start: p.start, end: p.end };
    total.add(ref);
    for (const c of columns) builder(columnTotals, c).add(ref);
    for (const r of rows) {
      builder(rowTotals, r).add(ref);
      const row = cells.get(r) ?? new Map<string, CellBuilder>();
      cells.set(r, row);
      for (const c of columns) builder(row, c).add(ref);
    }
  }
  const columns = [...columnTotals.keys()].sort(compareColumns);
  const rowTags = [...new Set([...(fixedRows ?? []), ...cells.keys()])].sort(compareTags);
  const empty = new CellBuilder();
  return {
    count,
    columns,
    rows: rowTags.map((tag) => ({
      tag, depth: tagDepth(tag),
      cells: columns.map((c) => (cells.get(tag)?.get(c) ?? empty).cell(count)),
      total: (rowTotals.get(tag) ?? empty).cell(count),
    })),
    totals: columns.map((c) => (columnTotals.get(c) ?? empty).cell(count)),
    total: total.cell(count),
  };
}

/** The blocks of a document (question and answer block spans, `parseDocument(text).blocks[i].span`), by document name. */
export type DocumentBlocks = ((document: string) => readonly Span[] | undefined) | Readonly<Record<string, readonly Span[]>>;

export interface CooccurrenceOptions {
  /**
   * `overlap`: tags co-occur on one passage that has both, or on two passages that overlap (share a
   * character), one with each. `block`: tags co-occur in a question or answer block that passages
   * with both overlap.
   */
  readonly by: 'overlap' | 'block';
  /** For `block`: each document's blocks; a document without them counts nowhere. */
  readonly blocks?: DocumentBlocks;
  /** Cut tags to this level of the hierarchy first (1 = top). */
  readonly level?: number;
  /** The tags, in normal form; default every tag used. */
  readonly tags?: readonly string[];
}

export interface CooccurrenceMatrix {
  readonly by: 'overlap' | 'block';
  /** Rows and columns, in `compareTags` order. */
  readonly tags: readonly string[];
  /**
   * `cells[i][j]` (the same cell as `cells[j][i]`). Off the diagonal, `overlap`: the passages with
   * both tags plus the pairs of overlapping passages that have one each (a pair once, even when
   * each has both); `block`: the blocks with both. On the diagonal: the passages (`overlap`) or
   * blocks (`block`) with the tag. Each cell keeps the passages behind it.
   */
  readonly cells: readonly (readonly MatrixCell[])[];
}

interface Tagged {
  readonly ref: PassageRef;
  readonly tags: readonly number[];
}

/** Which tags occur together in `passages` (see `CooccurrenceMatrix`). */
export function cooccurrence(passages: Iterable<MatrixPassage>, options: CooccurrenceOptions): CooccurrenceMatrix {
  const expand = expander(options.level, false);
  const fixed = options.tags ? new Set(options.tags.map(normalizeTag).filter((t) => t)) : undefined;
  const byDocument = new Map<string, { ref: PassageRef; tags: Set<string> }[]>();
  const used = new Set<string>(fixed ?? []);
  for (const p of passages) {
    if (!(p.end > p.start)) continue;
    const tags = new Set(expand(p.tags).filter((t) => !fixed || fixed.has(t)));
    if (tags.size === 0) continue;
    if (!fixed) for (const t of tags) used.add(t);
    let list = byDocument.get(p.document);
    if (!list) byDocument.set(p.document, (list = []));
    list.push({ ref: { document: p.document, id: p.id, start: p.start, end: p.end }, tags });
  }
  const tags = [...used].sort(compareTags);
  const index = new Map(tags.map((t, i) => [t, i]));
  const builders = tags.map(() => new Array<CellBuilder | undefined>(tags.length));
  const cell = (i: number, j: number): CellBuilder => {
    const [a, b] = i <= j ? [i, j] : [j, i];
    return (builders[a][b] ??= new CellBuilder(true));
  };
  for (const [document, list] of byDocument) {
    const tagged: Tagged[] = list.map((x) => ({ ref: x.ref, tags: [...x.tags].map((t) => index.get(t) ?? -1).sort((a, b) => a - b) }));
    if (options.by === 'overlap') overlaps(tagged, cell);
    else blocksOf(tagged, blockSpans(options.blocks, document), cell);
  }
  const upper = tags.map((_, i) => tags.map((_, j) => (j >= i ? builders[i][j]?.cell('occurrences') ?? { count: 0, passages: [] } : undefined)));
  return {
    by: options.by,
    tags,
    cells: tags.map((_, i) => tags.map((_, j) => (i <= j ? upper[i][j] : upper[j][i]) as MatrixCell)),
  };
}

function blockSpans(blocks: DocumentBlocks | undefined, document: string): readonly Span[] {
  if (!blocks) return [];
  const spans = typeof blocks === 'function' ? blocks(document) : Object.hasOwn(blocks, document) ? blocks[document] : undefined;
  return [...(spans ?? [])].sort((a, b) => a.start - b.start);
}

function overlaps(list: readonly Tagged[], cell: (i: number, j: number) => CellBuilder): void {
  const sorted = [...list].sort((a, b) => a.ref.start - b.ref.start || a.ref.end - b.ref.end);
  for (const p of sorted) {
    for (let x = 0; x < p.tags.length; x++) {
      for (let y = x; y < p.tags.length; y++) {
        const c = cell(p.tags[x], p.tags[y]);
        c.count++;
        c.add(p.ref);
      }
    }
  }
  const active: Tagged[] = [];
  const pairs = new Set<number>();
  for (const p of sorted) {
    let kept = 0;
    for (const q of active) if (q.ref.end > p.ref.start) active[kept++] = q;
    active.length = kept;
    for (const q of active) {
      // q starts at or before p and ends after p starts: they overlap. Each pair of distinct tags once.
      pairs.clear();
      for (const a of p.tags) {
        for (const b of q.tags) {
          if (a === b) continue;
          const key = a < b ? a * 1048576 + b : b * 1048576 + a;
          if (pairs.has(key)) continue;
          pairs.add(key);
          const c = cell(a, b);
          c.count++;
          c.add(q.ref);
          c.add(p.ref);
        }
      }
    }
    active.push(p);
  }
}

function blocksOf(list: readonly Tagged[], spans: readonly Span[], cell: (i: number, j: number) => CellBuilder): void {
  if (spans.length === 0) return;
  const inBlock: Tagged[][] = spans.map(() => []);
  for (const p of list) {
    const first = countBefore(spans.length, (i) => spans[i].end <= p.ref.start);
    for (let k = first; k < spans.length && spans[k].start < p.ref.end; k++) {
      if (spans[k].end > p.ref.start) inBlock[k].push(p);
    }
  }
  for (const members of inBlock) {
    if (members.length === 0) continue;
    const present = [...new Set(members.flatMap((m) => m.tags))].sort((a, b) => a - b);
    for (let x = 0; x < present.length; x++) {
      for (let y = x; y < present.length; y++) {
        const c = cell(present[x], present[y]);
        c.count++;
        for (const m of members) if (m.tags.includes(present[x]) || m.tags.includes(present[y])) c.add(m.ref);
      }
    }
  }
}

export interface MatrixCsvWords {
  /** Header of the first column. */
  readonly tag: string;
  /** Header of the total column and label of the total row. */
  readonly total: string;
  /** Header of the column of documents whose attribute is unknown. */
  readonly unknown: string;
}

export const MATRIX_CSV_WORDS: MatrixCsvWords = { tag: 'tag', total: 'total', unknown: '(unknown)' };

export interface MatrixCsvOptions {
  /** Field separator: ";" (default), "," or a tab. */
  readonly separator?: string;
  /** Start with a UTF-8 byte order mark (default true). */
  readonly bom?: boolean;
  readonly words?: MatrixCsvWords;
}

/** Rows of fields as CSV text: `;` (or the given separator), RFC 4180 quoting, formula guard on text, CRLF, BOM. */
function csvText(rows: readonly (readonly (string | number)[])[], options: MatrixCsvOptions): string {
  const sep = options.separator ?? ';';
  if (sep.length !== 1 || /["\r\n]/u.test(sep)) throw new Error(`unusable CSV separator ${JSON.stringify(sep)}`);
  const lines = rows.map((row) => row.map((v) => (typeof v === 'number' ? csvField(String(v), sep, true) : csvField(v, sep))).join(sep));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** The code matrix as CSV: a header row (tag, the columns, total), a row per tag (full path), and a total row. */
export function matrixToCsv(matrix: CodeMatrix, options: MatrixCsvOptions = {}): string {
  const words = options.words ?? MATRIX_CSV_WORDS;
  const rows: (string | number)[][] = [[words.tag, ...matrix.columns.map((c) => (c === UNKNOWN_COLUMN ? words.unknown : c)), words.total]];
  for (const r of matrix.rows) rows.push([r.tag, ...r.cells.map((c) => c.count), r.total.count]);
  rows.push([words.total, ...matrix.totals.map((c) => c.count), matrix.total.count]);
  return csvText(rows, options);
}

/** The co-occurrence matrix as CSV: a header row of tags, a row per tag. */
export function cooccurrenceToCsv(matrix: CooccurrenceMatrix, options: MatrixCsvOptions = {}): string {
  const words = options.words ?? MATRIX_CSV_WORDS;
  const rows: (string | number)[][] = [[words.tag, ...matrix.tags]];
  matrix.tags.forEach((t, i) => rows.push([t, ...matrix.cells[i].map((c) => c.count)]));
  return csvText(rows, options);
}
