/**
 * CSV export: one row per annotation, a header row, columns in a fixed order.
 *
 * Quoting follows RFC 4180: a field with the separator, a double quote, CR or LF is enclosed in
 * double quotes and its quotes doubled; rows end in CRLF. The default separator is the semicolon
 * and the file starts with a UTF-8 byte order mark, because that is what Excel needs in a Dutch
 * locale: Excel splits a double-clicked CSV on the list separator of the system, which is ";"
 * wherever the decimal separator is a comma (nl-NL, nl-BE), and reads the file as UTF-8 only when
 * it starts with a BOM (else "Financiën" shows as "FinanciÃ«n"). LibreOffice, Google Sheets,
 * pandas and Python's csv module read the same file given ";".
 *
 * Excel also runs a cell that starts with "=", "+", "-" or "@" as a formula, and parliamentary
 * text often has lines starting with "-". Such text fields get a leading apostrophe, which Excel
 * shows as text (the OWASP advice against CSV injection); numbers are never prefixed.
 */
import { placeOf, type Passage } from './passage';

export interface CsvWords {
  /** Column headers, in column order (see `CSV_COLUMNS`). */
  readonly headers: Readonly<Record<CsvColumn, string>>;
  readonly placed: string;
  readonly orphaned: string;
}

export const CSV_COLUMNS = [
  'document', 'place', 'question', 'questionText', 'tags', 'note', 'quote', 'line', 'start', 'end', 'status', 'created', 'id',
] as const;
export type CsvColumn = typeof CSV_COLUMNS[number];

export const CSV_WORDS: CsvWords = {
  headers: {
    document: 'document', place: 'place', question: 'question', questionText: 'question text', tags: 'tags', note: 'note',
    quote: 'quote', line: 'line', start: 'start', end: 'end', status: 'status', created: 'created', id: 'id',
  },
  placed: 'placed',
  orphaned: 'orphaned',
};

export interface CsvOptions {
  /** Field separator: ";" (default), "," or a tab. */
  readonly separator?: string;
  /** Start with a UTF-8 byte order mark (default true). */
  readonly bom?: boolean;
  readonly words?: CsvWords;
}

const NUMERIC: ReadonlySet<CsvColumn> = new Set(['line', 'start', 'end']);

/** One field, quoted when needed. */
export function csvField(value: string, separator = ';', numeric = false): string {
  const v = !numeric && startsLikeFormula(value) ? `'${value}` : value;
  return v.includes(separator) || hasQuoteOrLineBreak(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

/** Whether a spreadsheet would take the value for a formula (`/^[=+\-@\t\r]/`): `csvField` puts a quote mark before it. */
export function startsLikeFormula(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

const QUOTE_OR_LINE_BREAK = /["\r\n]/;

/**
 * Whether `v` has a double quote, CR or LF (then `csvField` quotes it). By the regex engine: a loop
 * over the character codes took 2–4× as long, on fields of 8 to 400 characters.
 */
export function hasQuoteOrLineBreak(v: string): boolean {
  return QUOTE_OR_LINE_BREAK.test(v);
}

/** The CSV text of some passages. */
export function toCsv(passages: readonly Passage[], options: CsvOptions = {}): string {
  const sep = options.separator ?? ';';
  if (sep.length !== 1 || /["\r\n]/u.test(sep)) throw new Error(`unusable CSV separator ${JSON.stringify(sep)}`);
  const words = options.words ?? CSV_WORDS;
  const rows: string[] = [CSV_COLUMNS.map((c) => csvField(words.headers[c], sep)).join(sep)];
  for (const p of passages) {
    const values: Record<CsvColumn, string> = {
      document: p.document,
      place: placeOf(p),
      question: p.question?.label ?? '',
      questionText: p.question?.text ?? '',
      tags: p.tags.join(', '),
      note: p.note,
      quote: p.quote,
      line: p.line !== undefined ? String(p.line) : '',
      start: p.start !== undefined ? String(p.start) : '',
      end: p.end !== undefined ? String(p.end) : '',
      status: p.placed ? words.placed : words.orphaned,
      created: p.created,
      id: p.id,
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(values[c], sep, NUMERIC.has(c))).join(sep));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}
