import { classify, looksBinary } from './classify';
import { findDocRefs } from './docRefs';
import { findFootnotes } from './footnotes';
import { extractMetadata, findHeaders } from './metadata';
import type { CrossRef, DocRef, DocumentKind, Footnote, Header, ParsedDocument, QaBlock, Span } from './model';
import { isDigitCode, lineStartOf } from './text';
import { assignParents, blockBoundaries, buildBlocks, buildSections, findSections } from './parser/blocks';
import { citingFootnotes, findCrossRefs } from './parser/crossRefs';
import { findNumberedQuestions, recoverLostQuestions } from './parser/implicitLabels';
import { findLabels, type FoundLabel } from './parser/labels';

export { LONG_LINE } from './parser/labels';

/** What a caller needs of the model, when not all of it. */
export interface ParseOptions {
  /**
   * Whether to find cross-references ("het antwoord op vraag 8"); default true. Without them
   * `crossRefs` is empty (the corpus record does not read them).
   */
  readonly crossRefs?: boolean;
}

/** Parses a parliamentary text into its document model. Never throws; linear in the text's length. */
export function parseDocument(text: string, options?: ParseOptions): ParsedDocument {
  try {
    return parse(text, options?.crossRefs !== false);
  } catch (error) {
    // A parser bug must not break the editor: the empty model shows nothing, and says why.
    return { ...emptyDocument(classifySafe(text)), error: error instanceof Error ? error.message : String(error) };
  }
}

function classifySafe(text: string): DocumentKind {
  try {
    return classify(text);
  } catch {
    return 'unknown';
  }
}

function emptyDocument(kind: DocumentKind): ParsedDocument {
  return {
    kind, metadata: { askedBy: [], parties: [] }, headers: [], blocks: [], sections: [], footnotes: [],
    footnoteRefs: [], crossRefs: [], docRefs: [],
  };
}

/** The parser without the safety net, for tests that must see every exception. */
export function parseStrict(text: string): ParsedDocument {
  return parse(text, true);
}

function parse(text: string, withCrossRefs: boolean): ParsedDocument {
  const kind = classify(text);
  if (looksBinary(text)) return emptyDocument(kind);

  const docRefs = findDocRefs(text);
  const fn = findFootnotes(text, gluedToMarker(text, docRefs));
  const refCandidates: number[] = [];
  let labels = findLabels(text, withCrossRefs ? refCandidates : undefined);
  const headers: Header[] = findHeaders(text, labels.length > 0 ? labels[0].blockStart : text.length);

  // Labels inside the header ("Vragen van het lid ...") are not labels.
  if (headers.length > 0) labels = outsideHeaders(labels, headers);

  if (!hasNumberedQuestion(labels)) {
    const numbered = findNumberedQuestions(text, new Set(fn.footnotes.map((f) => lineStartOf(text, f.span.start))));
    if (numbered.length > 0) {
      labels = [...labels.filter((l) => !numbered.some((n) => n.implicit && l.blockStart === n.blockStart)), ...numbered]
        .sort((a, b) => a.blockStart - b.blockStart || (a.kind === 'question' ? -1 : 1));
    }
  }
  labels = recoverLostQuestions(text, labels);

  // Unnumbered answers ("Antwoord:") answer the question before them.
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    if (l.kind === 'answer' && l.numbers.length === 0 && k > 0 && labels[k - 1].kind === 'question') {
      l.numbers = [...labels[k - 1].numbers];
    }
  }

  // Beslisnota headings anywhere in a beslisnota; elsewhere only outside the questions and answers
  // (a letterhead before them, a "Toelichting" after the last answer).
  const firstLabel = labels.length > 0 ? labels[0].blockStart : text.length;
  const lastLabel = labels.length > 0 ? labels[labels.length - 1].bodyStart : -1;
  const foundSections = kind === 'beslisnota' || labels.length === 0
    ? findSections(text)
    : [...findSections(text, 0, firstLabel), ...findSections(text, lastLabel)].filter((s) => s.start < firstLabel || s.start > lastLabel);

  // Where blocks end: the next label, section, or the footnotes after the last block.
  const boundaries = blockBoundaries(labels, foundSections);
  if (fn.footnotes.length > 0) {
    const lastFootnoteAreaStart = fn.trailingStart;
    if (lastFootnoteAreaStart !== undefined && lastFootnoteAreaStart > lastLabel) boundaries.push(lastFootnoteAreaStart);
  }
  // Mostly in order already (labels, then sections, then the footnotes): `sort` copies the array
  // even then, and runs once per document.
  if (!isAscending(boundaries)) boundaries.sort(ascending);

  const blocks = buildBlocks(text, labels, boundaries);
  assignParents(blocks);
  const sections = buildSections(text, foundSections, boundaries);

  const crossRefs = withCrossRefs ? crossRefsOf(text, refCandidates, labels, blocks, headers, fn.footnotes, docRefs) : [];
  const metadata = extractMetadata(text, headers, docRefs);

  return {
    kind,
    metadata,
    headers,
    blocks,
    sections,
    footnotes: fn.footnotes,
    footnotesSpan: fn.footnotes.length > 0 ? { start: fn.footnotes[0].span.start, end: fn.footnotes[fn.footnotes.length - 1].span.end } : undefined,
    footnoteRefs: fn.refs,
    crossRefs,
    docRefs,
  };
}

/**
 * Where a document number or URL follows a digit: only where it is a footnote's text glued to its
 * marker at a line start ("32024D27196"), as `findDocRefs` accepts no other.
 */
function gluedToMarker(text: string, docRefs: readonly DocRef[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < docRefs.length; k++) {
    const r = docRefs[k];
    if ((r.kind === 'documentNumber' || r.kind === 'url') && r.span.start > 0 && isDigitCode(text.charCodeAt(r.span.start - 1))) out.push(r.span.start);
  }
  return out;
}


/** The cross-references, outside the headers. */
function crossRefsOf(
  text: string, candidates: readonly number[], labels: readonly FoundLabel[], blocks: readonly QaBlock[], headers: readonly Header[],
  footnotes: readonly Footnote[], docRefs: readonly DocRef[],
): CrossRef[] {
  // Built by push: an array from `map` has another elements kind in optimised code.
  const skip: Span[] = [];
  for (const h of headers) skip.push(h.span);
  skip.sort(byStart);
  return findCrossRefs(text, candidates, labels, blocks, skip, footnotes, citingFootnotes(footnotes, docRefs));
}

function isAscending(values: readonly number[]): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] < values[k - 1]) return false;
  return true;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

function hasNumberedQuestion(labels: readonly FoundLabel[]): boolean {
  for (let k = 0; k < labels.length; k++) if (labels[k].kind === 'question' && labels[k].numbers.length > 0) return true;
  return false;
}

// The loops over labels are functions of their own (as below): `parse` runs once per call, is
// often unoptimised or deoptimised, and then runs its own loops slowly.
function outsideHeaders(labels: readonly FoundLabel[], headers: readonly Header[]): FoundLabel[] {
  const out: FoundLabel[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    let inHeader = false;
    for (let j = 0; j < headers.length; j++) {
      if (l.span.start >= headers[j].span.start && l.span.start < headers[j].span.end) inHeader = true;
    }
    if (!inHeader) out.push(l);
  }
  return out;
}
