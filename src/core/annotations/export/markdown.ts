/**
 * Markdown export: a report per tag. Under each tag heading every passage with that tag, as a
 * block quote, under a heading with its document and place, preceded by the question it belongs
 * to and followed by the note. A passage with several tags appears under each.
 *
 * Text from documents, notes, tags and file names is escaped, so that no passage can start a
 * heading, list, table, code block, link or HTML in the report: CommonMark lets a backslash escape
 * any ASCII punctuation, and the characters that can open markup are escaped wherever they occur
 * ("\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "$") or at the start of a line ("#",
 * "+", "-", "=", "1." and "1)"). Leading spaces (an indented code block) and trailing spaces (a
 * hard line break) are dropped from each line of a quote.
 */
import { placeOf, type Passage } from './passage';
import { escapeMarkdownReadable, markdownCodeSpan } from '../../util/markdown';
import { compareStrings } from '../../util/compare';

export interface MarkdownWords {
  readonly title: string;
  /** "3 annotations in 2 documents". */
  readonly summary: (annotations: number, documents: number) => string;
  readonly noTag: string;
  readonly line: (line: number) => string;
  readonly lines: (from: number, to: number) => string;
  readonly note: string;
  /** Said of an orphan: its quote is the one last saved. */
  readonly orphaned: string;
}

export const MARKDOWN_WORDS: MarkdownWords = {
  title: 'Annotations',
  summary: (n, d) => `${n} ${n === 1 ? 'annotation' : 'annotations'} in ${d} ${d === 1 ? 'document' : 'documents'}`,
  noTag: '(no tag)',
  line: (l) => `line ${l}`,
  lines: (a, b) => `lines ${a}–${b}`,
  note: 'Note',
  orphaned: 'not found in the current text; quoted as last saved',
};

export interface MarkdownOptions {
  readonly words?: MarkdownWords;
  /** A subtitle after the title: the document's name, or the workspace's. */
  readonly subtitle?: string;
  /** Tags in this order first (the configured ones); the others alphabetically after them. */
  readonly tagOrder?: readonly string[];
}

/** Escapes the start of a line that would otherwise open a block: a heading, list, quote, rule. */
function escapeLineStart(line: string): string {
  if (/^[#+\-=>]/u.test(line)) return `\\${line}`;
  const m = /^(\d{1,9})([.)])/u.exec(line);
  return m ? `${m[1]}\\${line.slice(m[1].length)}` : line;
}

/** One line of text as a safe Markdown line (no leading or trailing spaces). */
function safeLine(line: string): string {
  return escapeLineStart(escapeMarkdownReadable(line.trim()));
}

/** Text on one line: whitespace runs collapsed. */
function inline(s: string): string {
  return escapeLineStart(escapeMarkdownReadable(s.replace(/\s+/gu, ' ').trim()));
}

/** A passage as a block quote: its lines kept, blank lines as paragraph breaks. */
export function blockQuote(text: string): string {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map(safeLine);
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return '>';
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && out[out.length - 1] === '>') continue; // one blank line is enough
    out.push(l === '' ? '>' : `> ${l}`);
  }
  return out.join('\n');
}

function location(p: Passage, words: MarkdownWords): string {
  if (p.line === undefined) return '';
  return p.endLine !== undefined && p.endLine !== p.line ? words.lines(p.line, p.endLine) : words.line(p.line);
}

/** The Markdown report. */
export function toMarkdown(passages: readonly Passage[], options: MarkdownOptions = {}): string {
  const words = options.words ?? MARKDOWN_WORDS;
  const byTag = new Map<string, Passage[]>();
  const NONE = '\u0000';
  for (const p of passages) {
    for (const t of p.tags.length > 0 ? new Set(p.tags) : [NONE]) byTag.set(t, [...(byTag.get(t) ?? []), p]);
  }
  const order = options.tagOrder ?? [];
  const rank = (t: string): number => (t === NONE ? Infinity : order.includes(t) ? order.indexOf(t) : order.length);
  const tags = [...byTag.keys()].sort((a, b) => rank(a) - rank(b) || compareStrings(a, b));

  const out: string[] = [`# ${escapeMarkdownReadable(words.title)}${options.subtitle ? `: ${inline(options.subtitle)}` : ''}`, ''];
  out.push(escapeMarkdownReadable(words.summary(passages.length, new Set(passages.map((p) => p.uri)).size)), '');
  for (const tag of tags) {
    const list = byTag.get(tag) ?? [];
    out.push(`## ${tag === NONE ? escapeMarkdownReadable(words.noTag) : inline(tag)} (${list.length})`, '');
    for (const p of list) {
      const where = [inline(p.document), placeOf(p) ? inline(placeOf(p)) : '', location(p, words)].filter(Boolean);
      out.push(`### ${where.join(' · ')}`, '');
      if (p.question) out.push(`**${inline(p.question.label)}:** ${inline(p.question.text)}`, '');
      if (!p.placed) out.push(`*${escapeMarkdownReadable(words.orphaned)}*`, '');
      out.push(blockQuote(p.quote), '');
      const others = p.tags.filter((t) => t !== tag);
      if (others.length > 0) out.push(others.map(markdownCodeSpan).join(' '), '');
      if (p.note) out.push(`**${escapeMarkdownReadable(words.note)}:** ${inline(p.note)}`, '');
    }
  }
  return `${out.join('\n').replace(/\n+$/u, '')}\n`;
}
