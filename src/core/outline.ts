import type { DocumentKind, ParsedDocument, QaBlock, Span } from './model';
import { cleanText, shorten } from './text';

export type OutlineKind = 'document' | 'header' | 'question' | 'answer' | 'section' | 'footnotes' | 'footnote';

/** One entry of the Outline, breadcrumbs and Go to Symbol, as plain data. */
export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** Everything the entry covers. Contains `selection` and every child's span. */
  readonly span: Span;
  /** What to reveal and highlight: the label. */
  readonly selection: Span;
  readonly children: OutlineNode[];
}

/** The words the outline adds itself; the editor passes them translated. */
export interface OutlineWords {
  readonly kinds: Record<DocumentKind, string>;
  readonly footnotes: string;
  readonly submitted: (date: string) => string;
  readonly received: (date: string) => string;
}

const DUTCH_WORDS: OutlineWords = {
  kinds: {
    questions: 'Kamervragen',
    beslisnota: 'Beslisnota',
    webpage: 'Kamerstuk',
    postponement: 'Uitstelbericht',
    questionList: 'Lijst van vragen en antwoorden',
    unknown: 'Document',
  },
  footnotes: 'Voetnoten',
  submitted: (date) => `ingezonden ${date}`,
  received: (date) => `ontvangen ${date}`,
};

const DETAIL_LENGTH = 70;

function firstWords(text: string, span: Span): string {
  // Only the first few hundred characters matter for a detail line.
  return shorten(cleanText(text.slice(span.start, Math.min(span.end, span.start + 400))), DETAIL_LENGTH);
}

function union(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * The outline: everything under the document's title; each answer under its question when it
 * directly follows it; the header sentences, beslisnota headings and footnotes as entries.
 */
export function buildOutline(text: string, doc: ParsedDocument, words: OutlineWords = DUTCH_WORDS): OutlineNode {
  const md = doc.metadata;
  const children: OutlineNode[] = [];

  for (const h of doc.headers) {
    // The questions header is the title itself; the answer header is an entry.
    if (h.kind === 'questions' && md.title?.span.start === h.span.start) continue;
    // Named as written: "Antwoord van Minister Van Weyenberg (Financiën)".
    const name = shorten(cleanText(text.slice(h.span.start, Math.min(h.span.end, h.span.start + 600))).replace(/\s*\((?:ontvangen|ingezonden)\b.*$/u, ''), 100);
    const detail = h.kind === 'answer' && md.received ? words.received(md.received.text) : '';
    children.push({ name, detail, kind: 'header', span: h.span, selection: h.span, children: [] });
  }

  const qa = new Map<number, OutlineNode>();
  doc.blocks.forEach((b: QaBlock, k: number) => {
    const node: OutlineNode = {
      name: b.label.name,
      detail: firstWords(text, b.body),
      kind: b.kind,
      span: b.span,
      selection: b.implicit ? { start: b.span.start, end: b.span.start } : b.label.span,
      children: [],
    };
    qa.set(k, node);
    const parent = b.parent !== undefined ? qa.get(b.parent) : undefined;
    if (parent) {
      parent.children.push(node);
      (parent as { span: Span }).span = union(parent.span, node.span);
    } else {
      children.push(node);
    }
  });

  for (const s of doc.sections) {
    children.push({ name: s.label.name, detail: firstWords(text, s.body), kind: 'section', span: s.span, selection: s.label.span, children: [] });
  }

  if (doc.footnotes.length > 0 && doc.footnotesSpan) {
    children.push({
      name: words.footnotes,
      detail: String(doc.footnotes.length),
      kind: 'footnotes',
      span: doc.footnotesSpan,
      selection: doc.footnotes[0].span,
      children: doc.footnotes.map((f) => ({
        name: f.marker, detail: firstWords(text, f.body), kind: 'footnote' as const, span: f.span, selection: f.span, children: [],
      })),
    });
  }
  children.sort((a, b) => a.span.start - b.span.start);

  const whole: Span = { start: 0, end: text.length };
  const titleSpan = md.title?.span ?? { start: 0, end: 0 };
  return {
    name: md.title ? shorten(md.title.text, 160) : words.kinds[doc.kind],
    detail: documentDetail(doc, words),
    kind: 'document',
    span: whole,
    selection: titleSpan,
    children,
  };
}

function documentDetail(doc: ParsedDocument, words: OutlineWords): string {
  const md = doc.metadata;
  const parts: string[] = [];
  if (md.submitted) parts.push(words.submitted(md.submitted.text));
  if (md.received) parts.push(words.received(md.received.text));
  if (md.documentNumber) parts.push(md.documentNumber);
  if (md.title && doc.kind !== 'unknown') parts.unshift(words.kinds[doc.kind]);
  return parts.join(' · ');
}

/** Spans that fold: each question (without its nested answers), answer, header, section, and the footnotes. */
export function foldingSpans(doc: ParsedDocument): Span[] {
  const spans: Span[] = [];
  for (const h of doc.headers) spans.push(h.span);
  for (const b of doc.blocks) spans.push(b.span);
  for (const s of doc.sections) spans.push(s.span);
  if (doc.footnotesSpan) spans.push(doc.footnotesSpan);
  return spans.sort((a, b) => a.start - b.start);
}
