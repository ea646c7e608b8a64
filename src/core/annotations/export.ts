/**
 * Exporting annotations: each annotation becomes a `Passage` — its text, context, place and the
 * question it falls under — and the modules in `export/` write passages as CSV, a Markdown report
 * or W3C Web Annotations. Pure: text in, text out.
 *
 * Offsets in a `Passage` are Unicode code points of the document text as it is (no whitespace or
 * line-end normalisation: in a plain-text document every character is content, "\r\n" is two),
 * which is what the W3C TextPositionSelector counts. (The sidecar counts a line break as one, so
 * that it does not depend on the checkout; `placeEntries` converts.)
 */
import type { ParsedDocument, QaBlock } from '../model';
import { parseDocument } from '../parser';
import { canonicalBase } from '../numbers';
import { cleanText } from '../text';
import { countAtMost, spanAt } from '../util/search';
import { anchorEntries } from './anchoring';
import { type Annotation, CodePointIndex, contextOf, TextPositions } from './model';
import type { Passage } from './export/passage';
import { migrateEntries, SIDECAR_SUFFIX, SIDECAR_VERSION } from './sidecar';

export type { Passage } from './export/passage';
export { toCsv, CSV_WORDS } from './export/csv';
export { toMarkdown, MARKDOWN_WORDS } from './export/markdown';
export { toWebAnnotations, webAnnotation } from './export/webAnnotation';

export type ExportFormat = 'csv' | 'markdown' | 'jsonld';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'markdown', 'jsonld'];

/** File extension of each format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', markdown: 'md', jsonld: 'jsonld' };

/** One annotation as the editor has it. */
export interface ExportAnnotationInput {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  /** ISO timestamp, or empty when unknown. */
  readonly created: string;
  /** UTF-16 offsets into the document text (ignored when orphaned). */
  readonly start: number;
  readonly end: number;
  /** Could not be placed in the current text. */
  readonly orphaned: boolean;
  /** The passage as last saved: what an orphan still has. */
  readonly stored?: { readonly quote: string; readonly prefix: string; readonly suffix: string };
}

/** One document with its annotations. */
export interface ExportDocumentInput {
  /** The document's URI (the target source of a Web Annotation). */
  readonly uri: string;
  /** The URI of its annotations file, for the annotations' ids; default `uri` + `.annotations.yaml`. */
  readonly annotationsUri?: string;
  /** The name shown to people: a workspace-relative path. */
  readonly name: string;
  /** The document's current text. */
  readonly text: string;
  readonly annotations: readonly ExportAnnotationInput[];
}

/** Line starts of a text, for offset → line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset: the number of line starts at or before it. */
function lineOf(starts: readonly number[], offset: number): number {
  return countAtMost(starts, offset);
}

/** The question a block belongs to: itself, the question it answers, or one with the same number. */
function questionOf(doc: ParsedDocument, index: number): QaBlock | undefined {
  const block = doc.blocks[index];
  if (block.kind === 'question') return block;
  if (block.parent !== undefined) return doc.blocks[block.parent];
  const numbers = new Set(block.numbers.map(canonicalBase));
  if (numbers.size === 0) return undefined;
  const matches = (b: QaBlock): boolean => b.kind === 'question' && b.numbers.some((n) => numbers.has(canonicalBase(n)));
  for (let i = index - 1; i >= 0; i--) if (matches(doc.blocks[i])) return doc.blocks[i];
  for (let i = index + 1; i < doc.blocks.length; i++) if (matches(doc.blocks[i])) return doc.blocks[i];
  return undefined;
}

/** The first offset in [start, end) that is not whitespace (a selection may start on a blank line). */
function firstInk(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!/\s/u.test(text[i])) return i;
  return start;
}

/**
 * The passages of some documents, by document name and then by position (orphans last in their
 * document). `parse` gives a document's model (the editor passes its cache of open documents).
 */
export function preparePassages(
  documents: readonly ExportDocumentInput[],
  parse: (document: ExportDocumentInput) => ParsedDocument = (d) => parseDocument(d.text),
): Passage[] {
  const out: Passage[] = [];
  const sorted = [...documents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of sorted) {
    if (d.annotations.length === 0) continue;
    const text = d.text;
    const placed = d.annotations.filter((a) => !a.orphaned && a.start >= 0 && a.end <= text.length && a.start < a.end);
    const model = placed.length > 0 ? parse(d) : undefined;
    const index = new CodePointIndex(text);
    const starts = placed.length > 0 ? lineStarts(text) : [0];
    const base = d.annotationsUri ?? d.uri + SIDECAR_SUFFIX;
    const ordered = [...d.annotations].sort((a, b) => Number(isOrphan(a, text)) - Number(isOrphan(b, text)) || a.start - b.start || a.end - b.end);
    for (const a of ordered) {
      const common = {
        document: d.name, uri: d.uri, id: a.id, iri: `${base}#${encodeURIComponent(a.id)}`,
        tags: [...a.tags], note: a.note ?? '', created: a.created,
      };
      if (isOrphan(a, text)) {
        out.push({ ...common, placed: false, quote: a.stored?.quote ?? '', prefix: a.stored?.prefix ?? '', suffix: a.stored?.suffix ?? '' });
        continue;
      }
      const ctx = contextOf(text, a.start, a.end);
      const at = firstInk(text, a.start, a.end);
      let block: string | undefined;
      let question: Passage['question'];
      let section: string | undefined;
      if (model) {
        const i = spanAt(model.blocks, at, (b) => b.span);
        if (i >= 0) {
          block = model.blocks[i].label.name;
          const q = questionOf(model, i);
          if (q) question = { label: q.label.name, text: cleanText(text.slice(q.body.start, q.body.end)) };
        } else {
          const s = spanAt(model.sections, at, (x) => x.span);
          if (s >= 0) section = model.sections[s].label.name;
        }
      }
      out.push({
        ...common, placed: true, ...ctx,
        start: index.toCodePoint(a.start), end: index.toCodePoint(a.end),
        line: lineOf(starts, a.start), endLine: lineOf(starts, Math.max(a.start, a.end - 1)),
        ...(block ? { block } : {}), ...(question ? { question } : {}), ...(section ? { section } : {}),
      });
    }
  }
  return out;
}

function isOrphan(a: ExportAnnotationInput, text: string): boolean {
  return a.orphaned || a.start < 0 || a.end > text.length || a.start >= a.end;
}

/**
 * Sidecar entries (as read from a file of format `version`) placed in a document's current text,
 * as the editor places them: where they were, or found again by quote and context; orphans keep
 * their saved quote.
 */
export function placeEntries(text: string, entries: readonly Annotation[], version = SIDECAR_VERSION): ExportAnnotationInput[] {
  const positions = new TextPositions(text);
  const current = migrateEntries(entries, version, positions);
  const found = anchorEntries(positions, current);
  return current.map((e, i) => {
    const f = found[i];
    return {
      id: e.id, tags: e.tags, ...(e.note ? { note: e.note } : {}), created: e.created,
      start: f?.start ?? 0, end: f?.end ?? 0, orphaned: !f,
      stored: { quote: e.quote, prefix: e.prefix, suffix: e.suffix },
    };
  });
}
