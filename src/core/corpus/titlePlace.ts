/**
 * Where Go to Definition opens a document another one refers to: at its title (a copied web page
 * has lines of navigation and metadata above it), with the title's first line selected. Lines and
 * characters as the editor counts them, so that a document that is not open need not be.
 */
import type { Metadata } from '../model';
import { lineEndOf, trimEnd } from '../text';
import { LineCounter } from './lines';

/** 0-based [line, character] of a range's start and end. */
export interface LinePlace {
  readonly start: readonly [number, number];
  readonly end: readonly [number, number];
}

export interface TitlePlace {
  /** The whole title (it may run over several lines). */
  readonly range: LinePlace;
  /** The title's first line, without trailing spaces. */
  readonly selection: LinePlace;
}

/**
 * The place of the document's title in `text` (the text `doc`, a parse or its summary, was made
 * from); undefined when it has none.
 */
export function titlePlace(doc: { readonly metadata: Metadata }, text: string): TitlePlace | undefined {
  const span = doc.metadata.title?.span;
  if (!span || span.end > text.length || span.start >= span.end) return undefined;
  const firstEnd = Math.max(span.start, trimEnd(text, span.start, Math.min(span.end, lineEndOf(text, span.start))));
  const lines = new LineCounter(text);
  const start = lines.at(span.start);
  const selectionEnd = lines.at(firstEnd);
  const end = lines.at(span.end);
  return { range: { start, end }, selection: { start, end: selectionEnd } };
}
