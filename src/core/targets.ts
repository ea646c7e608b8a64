/** Cursor lookup: what lies under an offset in a parsed document, for hovers, Go to Definition and Find All References. */
import type { DocRef, Footnote, FootnoteRef, QaBlock, Span } from './model';
import type { ReferenceIndex, Resolution } from './referenceIndex';
import { spanAt } from './util/search';

/** What lies under an offset. */
export type Target =
  | { readonly kind: 'crossRef'; readonly index: number; readonly span: Span; readonly resolution: Resolution }
  | { readonly kind: 'footnoteRef'; readonly index: number; readonly span: Span; readonly ref: FootnoteRef; readonly footnote: Footnote }
  | { readonly kind: 'footnote'; readonly index: number; readonly span: Span; readonly footnote: Footnote }
  | { readonly kind: 'docRef'; readonly index: number; readonly span: Span; readonly ref: DocRef }
  | { readonly kind: 'label'; readonly index: number; readonly span: Span; readonly block: QaBlock };

/** The reference, footnote or label at an offset (end inclusive), if any. */
export function targetAt(index: ReferenceIndex, offset: number): Target | undefined {
  const doc = index.doc;
  let i = spanAt(doc.crossRefs, offset, (r) => r.span);
  if (i >= 0) return { kind: 'crossRef', index: i, span: doc.crossRefs[i].span, resolution: index.resolutions[i] };
  i = spanAt(doc.footnoteRefs, offset, (r) => r.span);
  if (i >= 0) {
    const ref = doc.footnoteRefs[i];
    return { kind: 'footnoteRef', index: i, span: ref.span, ref, footnote: doc.footnotes[ref.footnote] };
  }
  i = spanAt(doc.docRefs, offset, (r) => r.span);
  if (i >= 0) return { kind: 'docRef', index: i, span: doc.docRefs[i].span, ref: doc.docRefs[i] };
  i = spanAt(doc.blocks, offset, (b) => b.span);
  if (i >= 0) {
    const block = doc.blocks[i];
    const l = block.label.span;
    if (!block.implicit && l.start <= offset && offset <= l.end) return { kind: 'label', index: i, span: l, block };
  }
  i = spanAt(doc.footnotes, offset, (f) => f.span);
  if (i >= 0) {
    const f = doc.footnotes[i];
    // The marker at the start of the footnote line.
    if (offset <= f.span.start + f.marker.length) return { kind: 'footnote', index: i, span: { start: f.span.start, end: f.span.start + f.marker.length }, footnote: f };
  }
  return undefined;
}
