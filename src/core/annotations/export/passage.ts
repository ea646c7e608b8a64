/**
 * What every export format writes: an annotated passage with its text, context, place and the
 * question it falls under. `../export.ts` makes passages; the formats beside this file write them.
 */

/** An annotated passage with everything an export needs. */
export interface Passage {
  /** Name of the document (workspace-relative path). */
  readonly document: string;
  /** URI of the document. */
  readonly uri: string;
  /** The annotation's id in its sidecar. */
  readonly id: string;
  /** A URI for the annotation: its sidecar's URI with the id as fragment. */
  readonly iri: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly created: string;
  /** False for an orphan: its quote is the one last saved, and it has no place in the text. */
  readonly placed: boolean;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Code-point offsets in the document text (placed passages only). */
  readonly start?: number;
  readonly end?: number;
  /** 1-based lines of the first and last character (placed passages only). */
  readonly line?: number;
  readonly endLine?: number;
  /** The label of the block the passage starts in: "Antwoord 3", "Vraag 1 en 2". */
  readonly block?: string;
  /** The question the passage belongs to: for a passage in "Antwoord 3", "Vraag 3" and its text. */
  readonly question?: { readonly label: string; readonly text: string };
  /** The beslisnota heading the passage falls under, when not in a question or answer. */
  readonly section?: string;
}

/** Where a passage is, for people: "Antwoord 3", else the beslisnota heading; empty when neither. */
export function placeOf(p: Passage): string {
  return p.block ?? p.section ?? '';
}
