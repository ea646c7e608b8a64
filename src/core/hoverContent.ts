/** The content of hovers as plain data: excerpts of the blocks a cross-reference points to. */
import type { QuestionNumber, Span } from './model';
import type { ReferenceIndex, Resolution, ResolutionStatus } from './referenceIndex';

export interface Excerpt {
  readonly text: string;
  /** True when the text was cut short (the hover then shows "…"). */
  readonly truncated: boolean;
}

/** The first `maxLines` lines (at most `maxChars` characters) of a span, lines trimmed at their end. */
export function excerpt(text: string, span: Span, maxLines: number, maxChars: number): Excerpt {
  const lines: string[] = [];
  let pos = span.start;
  let chars = 0;
  while (pos < span.end && lines.length < maxLines) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > span.end) nl = span.end;
    let line = text.slice(pos, Math.min(nl, pos + (maxChars - chars))).replace(/\s+$/u, '');
    const cut = nl - pos > maxChars - chars;
    chars += line.length;
    pos = nl + 1;
    if (line === '' && (lines.length === 0 || lines[lines.length - 1] === '')) continue; // no runs of blank lines
    if (cut) {
      line = line.replace(/\s+\S*$/u, '');
      lines.push(line);
      return { text: lines.join('\n'), truncated: true };
    }
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { text: lines.join('\n'), truncated: pos < span.end && text.slice(pos, span.end).trim() !== '' };
}

export interface HoverSection {
  /** "Vraag 8" as written, or a footnote marker. */
  readonly label: string;
  readonly kind: 'question' | 'answer' | 'footnote';
  /** Where the block starts, for a link to it. */
  readonly span: Span;
  readonly excerpt: Excerpt;
}

export interface CrossRefHover {
  readonly kind: 'crossRef';
  readonly span: Span;
  readonly status: ResolutionStatus;
  readonly missing: readonly QuestionNumber[];
  readonly sections: readonly HoverSection[];
}

/** Line and character limits of the hover excerpts (a footnote's are an answer's). */
const QUESTION_LINES = 4;
const QUESTION_CHARS = 400;
export const ANSWER_LINES = 15;
export const ANSWER_CHARS = 2500;

/** The content of a hover over a cross-reference, as plain data. */
export function crossRefHover(text: string, index: ReferenceIndex, resolution: Resolution): CrossRefHover {
  const sections = resolution.blocks.map((i): HoverSection => {
    const b = index.doc.blocks[i];
    const isQ = b.kind === 'question';
    return {
      label: b.label.name,
      kind: b.kind,
      span: b.span,
      excerpt: excerpt(text, b.body, isQ ? QUESTION_LINES : ANSWER_LINES, isQ ? QUESTION_CHARS : ANSWER_CHARS),
    };
  });
  return { kind: 'crossRef', span: resolution.ref.span, status: resolution.status, missing: resolution.missing, sections };
}
