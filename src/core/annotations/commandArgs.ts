/**
 * The arguments of the annotation commands, checked: a command can be run from a keybinding or
 * the Command Palette (no arguments), a menu (a URI, a tree node) or another extension and the
 * tests (an object). What is not of the expected type is ignored (or, for the export, refused).
 */
import { EXPORT_FORMATS, type ExportFormat } from './export';

function fieldsOf(args: unknown): Record<string, unknown> {
  return typeof args === 'object' && args !== null ? args as Record<string, unknown> : {};
}

/** Tags given as one name or a list of names (a list is trimmed, empty names dropped); undefined otherwise. */
export function tagList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return (v as string[]).map((t) => t.trim()).filter(Boolean);
  return undefined;
}

/** What Tag Passage is given: with tags it asks nothing. */
export interface AnnotateArgs {
  readonly tags?: string[];
  readonly note?: string;
}

export function annotateArgs(args: unknown): AnnotateArgs {
  const { tags, note } = fieldsOf(args);
  const list = tagList(tags);
  return { ...(list ? { tags: list } : {}), ...(typeof note === 'string' ? { note } : {}) };
}

/**
 * What Edit, Remove and Show Passage are given: the annotation (`id`, in the document `uri`, a
 * URI string or object; without one the annotations under the cursors of the active editor), and
 * for Edit the new tags and/or note (with either it asks nothing).
 */
export interface TargetArgs extends AnnotateArgs {
  readonly id?: string;
  readonly uri?: unknown;
}

export function targetArgs(args: unknown): TargetArgs {
  const fields = fieldsOf(args);
  return {
    ...annotateArgs(args),
    ...(typeof fields.id === 'string' ? { id: fields.id } : {}),
    ...(fields.uri !== undefined ? { uri: fields.uri } : {}),
  };
}

/** The change Edit makes: the tags and/or note given or chosen (the note trimmed; empty removes it). */
export function annotationChange(tags: readonly string[] | undefined, note: string | undefined): { tags?: readonly string[]; note?: string } {
  return { ...(tags ? { tags } : {}), ...(note !== undefined ? { note: note.trim() } : {}) };
}

// --- Export Annotations ---------------------------------------------------------------------------

export type ExportScope = 'document' | 'workspace';
export type CsvSeparator = ';' | ',' | '\t';

const FORMAT_ALIASES: Record<string, ExportFormat> = { csv: 'csv', markdown: 'markdown', md: 'markdown', jsonld: 'jsonld', 'json-ld': 'jsonld', w3c: 'jsonld' };

/** What Export Annotations is given; a value that is there but wrong is an error, not a question. */
export interface ExportArgs {
  /** Undefined: ask. */
  readonly format?: ExportFormat;
  /** Undefined: ask. */
  readonly scope?: ExportScope;
  readonly separator: CsvSeparator;
  /** Where to write (a URI or path, for the adapter to resolve); undefined: the Save dialog. */
  readonly target?: unknown;
  /** Replace `target` if it exists (the Save dialog asks for itself). */
  readonly overwrite: boolean;
  /** Only the annotations of these coders (`''`: those without a coder); undefined: everyone's. */
  readonly coders?: readonly string[];
}

export type ExportArgsError =
  | { readonly kind: 'format'; readonly value: string; readonly known: readonly ExportFormat[] }
  | { readonly kind: 'scope'; readonly value: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'coders' };

export function exportArgs(args: unknown): { readonly args: ExportArgs } | { readonly error: ExportArgsError } {
  const fields = fieldsOf(args);
  let format: ExportFormat | undefined;
  if (fields.format !== undefined) {
    format = typeof fields.format === 'string' ? FORMAT_ALIASES[fields.format.toLowerCase()] : undefined;
    if (!format) return { error: { kind: 'format', value: String(fields.format), known: EXPORT_FORMATS } };
  }
  let scope: ExportScope | undefined;
  if (fields.scope !== undefined) {
    scope = fields.scope === 'document' || fields.scope === 'workspace' ? fields.scope : undefined;
    if (!scope) return { error: { kind: 'scope', value: String(fields.scope) } };
  }
  const separator = fields.separator === undefined ? ';' : fields.separator;
  if (separator !== ';' && separator !== ',' && separator !== '\t') return { error: { kind: 'separator' } };
  // Coders as given, trimmed; '' (annotations without a coder) is kept.
  const rawCoders = typeof fields.coders === 'string' ? [fields.coders] : fields.coders;
  const coders = Array.isArray(rawCoders) && rawCoders.every((c) => typeof c === 'string') ? (rawCoders as string[]).map((c) => c.trim()) : undefined;
  if (fields.coders !== undefined && !coders) return { error: { kind: 'coders' } };
  return {
    args: {
      ...(format ? { format } : {}), ...(scope ? { scope } : {}), separator,
      ...(fields.target !== undefined ? { target: fields.target } : {}), overwrite: fields.overwrite === true,
      ...(coders ? { coders } : {}),
    },
  };
}

/** Whether a target string is a URI (`file:`, `untitled:`) rather than a path (`/tmp/x`, `C:\x`). */
export function isUriString(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(s) && !/^[a-z]:[\\/]/iu.test(s);
}

/** The file name the export proposes beside a document: the document's name without extension + `.annotations.<ext>`. */
export function exportFileName(documentName: string, extension: string): string {
  const stem = documentName.includes('.') ? documentName.slice(0, documentName.lastIndexOf('.')) : documentName;
  return `${stem}.annotations.${extension}`;
}
