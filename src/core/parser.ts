import { classify, looksBinary } from './classify';
import { findDocRefs } from './docRefs';
import { findFootnotes } from './footnotes';
import { extractMetadata, findHeaders, headerMetadata } from './metadata';
import type { CrossRef, DocRef, DocumentKind, Footnote, Header, Metadata, ParsedDocument, QaBlock, QuestionNumber, Span } from './model';
import { isDigitCode, lineStartOf, yearBefore } from './text';
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
  const { labels, headers } = labelsAndHeaders(text, fn.footnotes, withCrossRefs ? refCandidates : undefined);

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
 * The labels of the questions and answers (those the text writes, numbered questions where it
 * numbers them instead, lost question labels recovered), and the headers before them.
 */
function labelsAndHeaders(
  text: string, footnotes: readonly Footnote[], refCandidates: number[] | undefined,
): { labels: FoundLabel[]; headers: Header[] } {
  let labels = findLabels(text, refCandidates);
  const headers: Header[] = findHeaders(text, labels.length > 0 ? labels[0].blockStart : text.length);

  // Labels inside the header ("Vragen van het lid ...") are not labels.
  if (headers.length > 0) labels = outsideHeaders(labels, headers);

  if (!hasNumberedQuestion(labels)) {
    const numbered = findNumberedQuestions(text, new Set(footnotes.map((f) => lineStartOf(text, f.span.start))));
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
  return { labels, headers };
}

/**
 * What a corpus record without blocks and references reads of a text: the model's kind, headers,
 * metadata (without the document's numbers: `documentNumber` and the like are undefined), its
 * blocks' kinds and numbers, and how many footnotes it has; each as `parseDocument` has it.
 */
export interface DocumentSummary {
  readonly kind: DocumentKind;
  readonly metadata: Metadata;
  readonly headers: readonly Header[];
  /** One per block of the model, in its order. */
  readonly blocks: ReadonlyArray<{ readonly kind: 'question' | 'answer'; readonly numbers: readonly QuestionNumber[] }>;
  readonly footnoteCount: number;
  /** Set when the parser failed on the text (the summary is then empty). */
  readonly error?: string;
}

/**
 * The summary of a text (see {@link DocumentSummary}): the parse without what only the editor
 * reads (the blocks' and sections' spans, cross-references, document references, the footnotes'
 * markers). Never throws; linear in the text's length.
 */
export function summariseDocument(text: string): DocumentSummary {
  try {
    return summarise(text);
  } catch (error) {
    return { ...emptySummary(classifySafe(text)), error: error instanceof Error ? error.message : String(error) };
  }
}

function emptySummary(kind: DocumentKind): DocumentSummary {
  return { kind, metadata: { askedBy: [], parties: [] }, headers: [], blocks: [], footnoteCount: 0 };
}

function summarise(text: string): DocumentSummary {
  const kind = classify(text);
  if (looksBinary(text)) return emptySummary(kind);
  // The document references only for the footnotes glued to their marker: where a line may have one.
  const fn = findFootnotes(text, mayHaveGluedMarker(text) ? gluedToMarker(text, findDocRefs(text)) : []);
  const { labels, headers } = labelsAndHeaders(text, fn.footnotes, undefined);
  return { kind, metadata: headerMetadata(text, headers), headers, blocks: labels, footnoteCount: fn.footnotes.length };
}

/**
 * Whether a line starts (after blanks) with one or two digits right before "http", "www." or a
 * document number's "2023D": where `gluedToMarker` can find anything (`findDocRefs` accepts a
 * document number or URL after a digit only after such a footnote marker).
 */
function mayHaveGluedMarker(text: string): boolean {
  // Few texts have any of these right after a digit: found by one regex, before the lines are looked at.
  if (!AFTER_DIGIT.test(text)) return false;
  if (gluedAtLine(text, 0)) return true;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (gluedAtLine(text, i + 1)) return true;
  // A line may also start after a lone "\r".
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (gluedAtLine(text, i + 1)) return true;
  return false;
}

/**
 * "http://", "https://", "www." or `(19|20)\d\dD` right after a digit. One scan by the regex engine,
 * for a digit: three by `indexOf` (for "://", "www." and each "D", of which Dutch has many) took
 * a third longer.
 */
const AFTER_DIGIT = /\d(?:https?:\/\/|www\.|(?:19|20)\d\dD)/;

function gluedAtLine(text: string, start: number): boolean {
  let d = start;
  for (let c = text.charCodeAt(d); c === 32 || c === 9 || c === 0xa0; c = text.charCodeAt(++d));
  if (!isDigitCode(text.charCodeAt(d))) return false;
  return gluedAt(text, d + 1) || (isDigitCode(text.charCodeAt(d + 1)) && gluedAt(text, d + 2));
}

/** "http", "www." or `(19|20)\d\dD` at `q`. */
function gluedAt(text: string, q: number): boolean {
  return text.startsWith('http', q) || text.startsWith('www.', q) || (text.charCodeAt(q + 4) === 68 /* D */ && yearBefore(text, q + 4));
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
