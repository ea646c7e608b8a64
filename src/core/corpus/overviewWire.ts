/**
 * The Corpus view's rows as the extension posts them to the webview: compactly, since a message of
 * 1,000 rows as objects is about 1 MB and its time grows with its size. Each row is an array of its
 * fields in a fixed order (no key names); ids (document URIs) lose the prefix they share; a related
 * file's id is left out when it is the id of that file's own row (the webview knows it).
 */
import type { OverviewRow, RelatedFile } from './overviewTable';

/** The fields of a row on the wire, in their order. */
export const WIRE_FIELDS = [
  'id', 'file', 'kind', 'title', 'subject', 'askedBy', 'parties', 'addressedTo', 'ministries', 'submitted', 'received', 'year',
  'due', 'daysToAnswer', 'status', 'extensions', 'daysOverdue', 'questions', 'tags', 'annotations', 'citedBy', 'related',
] as const satisfies readonly (keyof OverviewRow)[];

/** A related file: [file, kind], or [file, kind, id] when its id is not that of the row of `file`. */
type WireRelated = readonly [string, RelatedFile['kind']] | readonly [string, RelatedFile['kind'], string];
/** A row: its fields in the order of WIRE_FIELDS, null where absent (related as WireRelated). */
export type WireRow = readonly unknown[];

export interface WireRows {
  /** What every id here starts with (removed from them). */
  readonly base: string;
  readonly rows: readonly WireRow[];
}

function commonPrefix(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  let p = ids[0];
  for (const id of ids) {
    let i = 0;
    while (i < p.length && i < id.length && p.charCodeAt(i) === id.charCodeAt(i)) i++;
    p = p.slice(0, i);
    if (p === '') break;
  }
  // Whole folders only: the rest of an id stays readable.
  return p.slice(0, p.lastIndexOf('/') + 1);
}

/** `rows` to post; `idOf` gives the id of each file's row (of all rows, also those not posted). */
export function packRows(rows: readonly OverviewRow[], idOf: ReadonlyMap<string, string>): WireRows {
  const base = commonPrefix(rows.map((r) => r.id));
  return { base, rows: rows.map((row) => packRow(row, base, idOf)) };
}

/**
 * One row's fields in the order of WIRE_FIELDS, written out: a map over the field names read each
 * row by a computed key, slower than the rest of the Corpus view's update.
 */
function packRow(row: OverviewRow, base: string, idOf: ReadonlyMap<string, string>): WireRow {
  return [
    row.id.startsWith(base) ? row.id.slice(base.length) : row.id, row.file, row.kind, row.title, row.subject ?? null,
    row.askedBy, row.parties, row.addressedTo ?? null, row.ministries, row.submitted ?? null, row.received ?? null,
    row.year ?? null, row.due ?? null, row.daysToAnswer ?? null, row.status ?? null, row.extensions ?? null,
    row.daysOverdue ?? null, row.questions, row.tags, row.annotations, row.citedBy,
    row.related.map((r): WireRelated => (idOf.get(r.file) === r.id ? [r.file, r.kind] : [r.file, r.kind, r.id])),
  ];
}

/** The rows back; `idOf` gives the id of each file's row the webview has (these rows included). */
export function unpackRows(wire: WireRows, idOf: (file: string) => string | undefined): OverviewRow[] {
  const rows = wire.rows.map((values) => {
    const row: Record<string, unknown> = {};
    WIRE_FIELDS.forEach((f, i) => {
      const v = values[i];
      if (v !== null && v !== undefined) row[f] = f === 'id' ? wire.base + String(v) : v;
    });
    return row;
  });
  const ids = new Map<string, string>();
  for (const row of rows) ids.set(row.file as string, row.id as string);
  for (const row of rows) {
    row.related = (row.related as WireRelated[]).map(([file, kind, id]) => ({ id: id ?? ids.get(file) ?? idOf(file) ?? file, file, kind }));
  }
  return rows as unknown as OverviewRow[];
}
