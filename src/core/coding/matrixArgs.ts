/**
 * The arguments of Export Code Matrix, checked: `{ rows?, columns, count, target, overwrite?,
 * cooccurrence?, coders? }` (`coders`: a name or a list of names). A value that is there but
 * wrong is an error, not a question. Pure.
 */
import { type CooccurrenceBy, MATRIX_COLUMNS, type MatrixColumns, type MatrixCount } from './matrixView';

export interface MatrixExportArgs {
  /** The rows (tags); undefined: every tag used, with its parents. */
  readonly rows?: readonly string[];
  /** Undefined: the panel's (or the documents). */
  readonly columns?: MatrixColumns;
  /** Undefined: the panel's (or passages). */
  readonly count?: MatrixCount;
  /** Only the passages of these coders (`''`: those without a coder); undefined: the panel's filter (or everyone's). */
  readonly coders?: readonly string[];
  /** Export the tag × tag co-occurrence instead (by overlapping passages or shared blocks). */
  readonly cooccurrence?: CooccurrenceBy;
  /** Where to write (a URI or path, for the adapter to resolve); undefined: the Save dialog. */
  readonly target?: string | object;
  readonly overwrite: boolean;
}

export type MatrixExportError =
  | { readonly kind: 'columns'; readonly value: string }
  | { readonly kind: 'count'; readonly value: string }
  | { readonly kind: 'cooccurrence'; readonly value: string }
  | { readonly kind: 'rows' }
  | { readonly kind: 'coders' };

const COUNTS: readonly MatrixCount[] = ['passages', 'documents'];
const BYS: readonly CooccurrenceBy[] = ['overlap', 'block'];

function oneOf<T extends string>(v: unknown, known: readonly T[]): T | undefined | false {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' && (known as readonly string[]).includes(v) ? v as T : false;
}

export function matrixExportArgs(raw: unknown): { readonly args: MatrixExportArgs } | { readonly error: MatrixExportError } {
  const f = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const columns = oneOf(f.columns, MATRIX_COLUMNS);
  if (columns === false) return { error: { kind: 'columns', value: String(f.columns) } };
  const count = oneOf(f.count, COUNTS);
  if (count === false) return { error: { kind: 'count', value: String(f.count) } };
  const by = oneOf(f.cooccurrence, BYS);
  if (by === false) return { error: { kind: 'cooccurrence', value: String(f.cooccurrence) } };
  let rows: string[] | undefined;
  if (f.rows !== undefined && f.rows !== null) {
    if (!Array.isArray(f.rows) || !f.rows.every((r) => typeof r === 'string')) return { error: { kind: 'rows' } };
    rows = (f.rows as string[]).map((r) => r.trim()).filter(Boolean);
  }
  const rawCoders = typeof f.coders === 'string' ? [f.coders] : f.coders;
  let coders: string[] | undefined;
  if (rawCoders !== undefined && rawCoders !== null) {
    if (!Array.isArray(rawCoders) || !rawCoders.every((c) => typeof c === 'string')) return { error: { kind: 'coders' } };
    coders = [...new Set((rawCoders as string[]).map((c) => c.trim()))];
  }
  const target = typeof f.target === 'string' && f.target ? f.target : typeof f.target === 'object' && f.target !== null ? f.target : undefined;
  return {
    args: {
      ...(rows ? { rows } : {}), ...(columns ? { columns } : {}), ...(count ? { count } : {}), ...(by ? { cooccurrence: by } : {}),
      ...(coders ? { coders } : {}),
      ...(target !== undefined ? { target } : {}), overwrite: f.overwrite === true,
    },
  };
}
