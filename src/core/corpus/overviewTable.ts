/**
 * The Corpus view's table: its rows as plain data, its columns, sorting, filtering and the values
 * each filter offers. Shared by the extension (which builds the rows, see overview.ts) and the
 * webview script (which sorts and filters them as the user clicks): no imports beyond `fold`.
 */
import { fold } from './fold';

/** What a row says a document is: its part in a question set, else its kind. */
export type RowKind = 'questions' | 'answer' | 'postponement' | 'beslisnota' | 'questionList' | 'webpage' | 'unknown';

const ROW_KINDS: readonly RowKind[] = ['questions', 'answer', 'postponement', 'beslisnota', 'questionList', 'webpage', 'unknown'];

export type RowStatus = 'answeredInTime' | 'answeredLate' | 'answeredLateWithoutPostponement' | 'openOverdue' | 'open' | 'undetermined';

/** Another file of the row's question set. */
export interface RelatedFile {
  readonly id: string;
  readonly file: string;
  readonly kind: 'questions' | 'answer' | 'postponement';
}

/** One document. Plain JSON: the extension posts rows to the webview as they are. */
export interface OverviewRow {
  /** The document's URI (string): what opening it needs. */
  readonly id: string;
  /** Its name in the workspace (a relative path). */
  readonly file: string;
  readonly kind: RowKind;
  readonly title: string;
  /** What the questions are about ("de wolf op de Veluwe"), when the title says. */
  readonly subject?: string;
  readonly askedBy: readonly string[];
  readonly parties: readonly string[];
  readonly addressedTo?: string;
  /** Ministries addressed or answering ("Financiën"), for the filter. */
  readonly ministries: readonly string[];
  /** ISO dates: the questions' submission (the set's), this document's receipt (else the set's answer). */
  readonly submitted?: string;
  readonly received?: string;
  /** The year of `submitted`, else of `received`. */
  readonly year?: string;
  /** The question set's term (absent for documents in no set). */
  readonly due?: string;
  readonly daysToAnswer?: number;
  readonly status?: RowStatus;
  readonly extensions?: number;
  /** Days the answer came after the due day, or today is past it. */
  readonly daysOverdue?: number;
  readonly questions: number;
  /** Annotations per tag (an annotation with two tags counts for both), and in all. */
  readonly tags: Readonly<Record<string, number>>;
  readonly annotations: number;
  /** How many documents of the workspace refer to this one. */
  readonly citedBy: number;
  /** The other files of its question set, in file order. */
  readonly related: readonly RelatedFile[];
}

export const COLUMNS = [
  'kind', 'title', 'askedBy', 'addressedTo', 'submitted', 'received', 'daysToAnswer', 'status', 'questions', 'annotations',
  'citedBy', 'related',
] as const;
export type Column = typeof COLUMNS[number];

export type Direction = 'asc' | 'desc';

export interface SortOrder {
  readonly column: Column;
  readonly direction: Direction;
}

/** The order statuses sort in: the ones that need attention first. */
const STATUS_ORDER: readonly RowStatus[] = ['openOverdue', 'answeredLateWithoutPostponement', 'answeredLate', 'open', 'answeredInTime', 'undetermined'];

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The value a column sorts by; undefined sorts last in either direction. */
function sortValue(row: OverviewRow, column: Column, tag?: string): string | number | undefined {
  switch (column) {
    case 'kind': return ROW_KINDS.indexOf(row.kind);
    case 'title': return row.subject ?? (row.title || undefined);
    case 'askedBy': return row.askedBy.length > 0 ? `${row.askedBy.join(', ')} ${row.parties.join(', ')}` : undefined;
    case 'addressedTo': return row.addressedTo;
    case 'submitted': return row.submitted;
    case 'received': return row.received;
    case 'daysToAnswer': return row.daysToAnswer;
    case 'status': return row.status ? STATUS_ORDER.indexOf(row.status) : undefined;
    case 'questions': return row.questions;
    // With a tag chosen, that tag's count.
    case 'annotations': return tag !== undefined ? row.tags[tag] ?? 0 : row.annotations;
    case 'citedBy': return row.citedBy;
    case 'related': return row.related.length;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by a column (a copy). Empty values last in both directions; ties by file name,
 * so the order is the same every time.
 */
export function sortRows(rows: readonly OverviewRow[], order: SortOrder, tag?: string): OverviewRow[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: sortValue(row, order.column, tag) }));
  keyed.sort((x, y) => {
    if (x.v === undefined || y.v === undefined) {
      if (x.v !== y.v) return x.v === undefined ? 1 : -1;
    } else {
      const c = compareValues(x.v, y.v);
      if (c !== 0) return sign * c;
    }
    return collator.compare(x.row.file, y.row.file) || (x.row.id < y.row.id ? -1 : x.row.id > y.row.id ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}

/** What the filters hold: undefined or empty is "all". */
export interface RowFilter {
  /** Words that must all occur in the title, askers, parties, addressee or file name (case and diacritics do not count). */
  readonly text?: string;
  readonly party?: string;
  readonly ministry?: string;
  readonly year?: string;
  readonly kind?: string;
  readonly tag?: string;
  readonly status?: string;
}

export const FILTER_KEYS = ['party', 'ministry', 'year', 'kind', 'tag', 'status'] as const;
export type FilterKey = typeof FILTER_KEYS[number];

/** The words a row is found by, folded. */
function searchText(row: OverviewRow): string {
  return fold([row.title, row.askedBy.join(' '), row.parties.join(' '), row.addressedTo ?? '', row.file].join(' '));
}

/** The rows the filter lets through, in their order. `texts` caches `searchText` per row id. */
export function filterRows(rows: readonly OverviewRow[], filter: RowFilter, texts?: Map<string, string>): OverviewRow[] {
  const words = filter.text ? fold(filter.text).split(' ').filter(Boolean) : [];
  const has = (v: string | undefined): v is string => v !== undefined && v !== '';
  return rows.filter((row) => {
    if (has(filter.party) && !row.parties.includes(filter.party)) return false;
    if (has(filter.ministry) && !row.ministries.includes(filter.ministry)) return false;
    if (has(filter.year) && row.year !== filter.year) return false;
    if (has(filter.kind) && row.kind !== filter.kind) return false;
    if (has(filter.tag) && !(row.tags[filter.tag] > 0)) return false;
    if (has(filter.status) && row.status !== filter.status) return false;
    if (words.length === 0) return true;
    let text = texts?.get(row.id);
    if (text === undefined) {
      text = searchText(row);
      texts?.set(row.id, text);
    }
    const t = ` ${text}`;
    return words.every((w) => t.includes(` ${w}`));
  });
}

/** A filter's choices: each value with the number of rows that have it. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export type Facets = Readonly<Record<FilterKey, readonly FacetValue[]>>;

/**
 * The values each filter offers, from all rows: parties, ministries and tags by name, years newest
 * first, kinds and statuses in their fixed order.
 */
export function facetsOf(rows: readonly OverviewRow[]): Facets {
  const counts: Record<FilterKey, Map<string, number>> = {
    party: new Map(), ministry: new Map(), year: new Map(), kind: new Map(), tag: new Map(), status: new Map(),
  };
  const add = (key: FilterKey, value: string | undefined): void => {
    if (value === undefined || value === '') return;
    counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
  };
  for (const row of rows) {
    for (const p of new Set(row.parties)) add('party', p);
    for (const m of new Set(row.ministries)) add('ministry', m);
    add('year', row.year);
    add('kind', row.kind);
    for (const [t, n] of Object.entries(row.tags)) if (n > 0) add('tag', t);
    add('status', row.status);
  }
  const list = (key: FilterKey, order: (a: string, b: string) => number): FacetValue[] =>
    [...counts[key]].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
  const byName = (a: string, b: string): number => collator.compare(a, b);
  const fixed = (values: readonly string[]) => (a: string, b: string): number => values.indexOf(a) - values.indexOf(b);
  return {
    party: list('party', byName),
    ministry: list('ministry', byName),
    year: list('year', (a, b) => (a < b ? 1 : a > b ? -1 : 0)),
    kind: list('kind', fixed(ROW_KINDS)),
    tag: list('tag', byName),
    status: list('status', fixed(STATUS_ORDER)),
  };
}

/** The rows that differ between two tables, by id: what to send to a view that shows `before`. */
export function diffRows(before: ReadonlyMap<string, string>, after: readonly OverviewRow[]): { changed: OverviewRow[]; removed: string[]; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  const changed: OverviewRow[] = [];
  for (const row of after) {
    const key = JSON.stringify(row);
    keys.set(row.id, key);
    if (before.get(row.id) !== key) changed.push(row);
  }
  const removed: string[] = [];
  for (const id of before.keys()) if (!keys.has(id)) removed.push(id);
  return { changed, removed, keys };
}
