/** Blocks (a label and its body) and sections, cut at the labels and headings found. */
import { SECTION_HEADING } from '../classify';
import type { Label, QaBlock, Section } from '../model';
import { shareBaseNumber } from '../numbers';
import { lineStartOf, matchLines, trimEnd, trimStart } from '../text';
import { countAtMost } from '../util/search';
import { collapse } from './chars';
import type { FoundLabel } from './labels';

/**
 * Lines that belong to the page, not the text: page headers and footers ("Tweede Kamer, vergaderjaar
 * 2023–2024, 36 410 XVI, nr. 10 2" too), page numbers, page breaks.
 */
const FURNITURE = /^[ \t\u00A0]*(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?[ \t\u00A0,]*\d*[ \t\u00A0\r]*$|^[ \t\u00A0]*(?:Tweede|Eerste) Kamer,? vergaderjaar [\d–—\-/ ]{7,12},[^\n]{0,80}$|^[ \t\u00A0]*[-_=–—]{3,}[ \t\u00A0\r]*$|^[ \t\u00A0]*\d{1,4}[ \t\u00A0\r]*$|^[^.?!\n]{0,100}\b(?:Aanhangsel|vergaderjaar)\b[^.?!\n]{0,60}$/iu;

/** Moves `end` back over trailing whitespace and page furniture, not before `start`. */
function trimBlockEnd(text: string, start: number, end: number): number {
  end = trimEnd(text, start, end);
  for (;;) {
    // Page furniture is a short line without sentence punctuation at its end.
    const last = text[end - 1];
    if (end <= start || last === '.' || last === '?' || last === '!') return end;
    const ls = lineStartOf(text, end, Math.max(start, end - 161));
    if (ls <= start || end - ls > 160 || (ls > 0 && text[ls - 1] !== '\n') || !FURNITURE.test(text.slice(ls, end))) return end;
    end = trimEnd(text, start, ls);
  }
}

export function findSections(text: string, from = 0, to = text.length): Array<{ label: Label; start: number; bodyStart: number }> {
  const out: Array<{ label: Label; start: number; bodyStart: number }> = [];
  for (const m of matchLines(text, SECTION_HEADING, from, to)) {
    const nameStart = m.index + m[0].indexOf(m[1]);
    const nameEnd = nameStart + m[1].length;
    out.push({
      label: { name: collapse(m[1]), span: { start: nameStart, end: nameEnd } },
      start: trimStart(text, m.index, nameStart),
      bodyStart: m.index + m[0].length,
    });
  }
  return out;
}

/** The starts of labels' blocks and of sections, unsorted. */
export function blockBoundaries(labels: readonly FoundLabel[], sections: ReadonlyArray<{ start: number }>): number[] {
  const boundaries: number[] = [];
  for (let k = 0; k < labels.length; k++) boundaries.push(labels[k].blockStart);
  for (let k = 0; k < sections.length; k++) boundaries.push(sections[k].start);
  return boundaries;
}

/** The first boundary after `after`, or the text's end. */
function nextBoundary(boundaries: readonly number[], after: number, textEnd: number): number {
  const i = countAtMost(boundaries, after);
  return i < boundaries.length ? boundaries[i] : textEnd;
}

// The loops over blocks and sections are functions of their own: V8 then optimises them apart from
// `parse`, which runs once per call and is often still unoptimised.
export function buildBlocks(text: string, labels: readonly FoundLabel[], boundaries: readonly number[]): QaBlock[] {
  const blocks: QaBlock[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const limit = nextBoundary(boundaries, l.blockStart, text.length);
    // Mostly the block ends at the next label, after a sentence: read from that label, which has
    // it (what `trimBlockEnd` would find without reading the text again).
    const next = k + 1 < labels.length ? labels[k + 1] : undefined;
    const trimmed = next !== undefined && next.blockStart === limit && next.before > l.bodyStart && next.beforeIsSentenceEnd
      ? next.before
      : trimBlockEnd(text, l.bodyStart, limit);
    const end = Math.max(l.span.end, trimmed);
    // `trimStart` up to `end`: where it stops without limit, if not past `end`.
    const bodyStart = Math.min(l.bodyTrimmed, end);
    blocks.push({
      kind: l.kind,
      label: { name: l.name, span: l.span },
      numbers: l.numbers,
      span: { start: l.blockStart, end },
      body: { start: bodyStart, end: Math.max(bodyStart, end) },
      implicit: l.implicit,
    });
  }
  return blocks;
}

export function buildSections(
  text: string, found: ReadonlyArray<{ label: Label; start: number; bodyStart: number }>, boundaries: readonly number[],
): Section[] {
  return found.map((s) => {
    const end = trimBlockEnd(text, s.bodyStart, nextBoundary(boundaries, s.start, text.length));
    const bodyStart = Math.min(trimStart(text, s.bodyStart, end), end);
    return { label: s.label, span: { start: s.start, end: Math.max(end, s.label.span.end) }, body: { start: bodyStart, end: Math.max(end, bodyStart) } };
  });
}

/** Each answer goes under the question just before it, when that question covers it. */
export function assignParents(blocks: QaBlock[]): void {
  // `question` is the question that the answers since it all belong to, or -1.
  let question = -1;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'question') {
      question = k;
    } else if (question >= 0) {
      const q = blocks[question];
      if (b.numbers.length === 0 || q.numbers.length === 0 || shareBaseNumber(q.numbers, b.numbers)) {
        (b as { parent?: number }).parent = question;
      } else {
        question = -1;
      }
    }
  }
}

