/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): an AnnotationCollection
 * whose one page holds an Annotation per passage.
 *
 * - Each tag is a TextualBody with purpose "tagging"; the note a TextualBody with purpose
 *   "commenting". The motivation is "tagging" when there are tags, else "commenting" when there is
 *   a note, else "highlighting".
 * - The target is a SpecificResource: source the document's URI, selectors a TextQuoteSelector
 *   (exact, prefix, suffix) and a TextPositionSelector (start, end). Section 4.2.5 of the model
 *   counts positions in Unicode code points of the text, not code units: an emoji is one. The
 *   text of a plain-text document is taken as it is (its "\r\n" are two characters; there is no
 *   markup or entity to normalise). An orphan, whose place in the current text is unknown, gets
 *   only its TextQuoteSelector.
 * - Every annotation carries its own "@context", so that each can be used on its own.
 * - "created" is the annotation's; the model has no modification time, so there is no "modified".
 */
import type { Passage } from './passage';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  /** The collection's IRI: the exported file's URI. */
  readonly id: string;
  /** A label for the collection. */
  readonly label?: string;
  /** ISO timestamp of the export, for "generated". */
  readonly generated?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One passage as a Web Annotation. */
export function webAnnotation(p: Passage): { [key: string]: Json } {
  const body: Json[] = p.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t }));
  if (p.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: p.note, format: 'text/plain' });
  const selector: Json[] = [{ type: 'TextQuoteSelector', exact: p.quote, prefix: p.prefix, suffix: p.suffix }];
  if (p.placed && p.start !== undefined && p.end !== undefined) selector.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
  return {
    '@context': ANNO_CONTEXT,
    id: p.iri,
    type: 'Annotation',
    motivation: p.tags.length > 0 ? 'tagging' : p.note ? 'commenting' : 'highlighting',
    ...(isDateTime(p.created) ? { created: p.created } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: { type: 'SpecificResource', source: p.uri, selector },
  };
}

/** An RFC 3339 date-time, as the model requires for "created". */
function isDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u.test(s);
}

/** The collection of all passages, as JSON-LD text. */
export function toWebAnnotations(passages: readonly Passage[], options: WebAnnotationOptions): string {
  const collection = {
    '@context': ANNO_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    ...(options.label ? { label: options.label } : {}),
    ...(options.generated ? { generated: options.generated } : {}),
    total: passages.length,
    first: {
      id: `${options.id}#page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: passages.map(webAnnotation),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
