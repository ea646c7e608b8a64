/**
 * The arguments of Export Corpus (`kamerstukken.exportCorpus`), checked as those of Export
 * Annotations are: no arguments asks everything; a value that is there but wrong is an error.
 */
export type CorpusExportFormat = 'csv' | 'jsonl';
const CORPUS_EXPORT_FORMATS: readonly CorpusExportFormat[] = ['csv', 'jsonl'];

const FORMAT_ALIASES: Record<string, CorpusExportFormat> = { csv: 'csv', jsonl: 'jsonl', 'json-lines': 'jsonl', ndjson: 'jsonl' };

export interface CorpusExportArgs {
  /** Undefined: ask. */
  readonly format?: CorpusExportFormat;
  readonly separator: ';' | ',' | '\t';
  /** Where to write (a URI or path, for the adapter to resolve); undefined: the Save dialog. */
  readonly target?: unknown;
  /** Replace `target` if it exists (the Save dialog asks for itself). */
  readonly overwrite: boolean;
}

export type CorpusExportArgsError =
  | { readonly kind: 'format'; readonly value: string; readonly known: readonly CorpusExportFormat[] }
  | { readonly kind: 'separator' };

export function corpusExportArgs(args: unknown): { readonly args: CorpusExportArgs } | { readonly error: CorpusExportArgsError } {
  const fields = typeof args === 'object' && args !== null ? args as Record<string, unknown> : {};
  let format: CorpusExportFormat | undefined;
  if (fields.format !== undefined) {
    format = typeof fields.format === 'string' ? FORMAT_ALIASES[fields.format.toLowerCase()] : undefined;
    if (!format) return { error: { kind: 'format', value: String(fields.format), known: CORPUS_EXPORT_FORMATS } };
  }
  const separator = fields.separator === undefined ? ';' : fields.separator;
  if (separator !== ';' && separator !== ',' && separator !== '\t') return { error: { kind: 'separator' } };
  return {
    args: {
      ...(format ? { format } : {}), separator,
      ...(fields.target !== undefined ? { target: fields.target } : {}), overwrite: fields.overwrite === true,
    },
  };
}
