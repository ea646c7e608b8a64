/**
 * The grammar and the parser agree on headings: a line the editor colours as a section, question or
 * answer heading is an outline entry (and a fold) on the same line, and the reverse. Both take their
 * words from src/core/vocabulary.ts; this checks that they also read the same line shapes.
 *
 * Where they cannot agree, by design (docs/grammar.md, "Scope contract"):
 * - labels the parser infers without text to colour (numbered questions "1. Kunt u ...?", a question
 *   whose label was lost at a page break): implicit blocks, left out here;
 * - context: the grammar colours line by line without state, the parser looks at the document. In
 *   Kamervragen the parser takes beslisnota headings only before the first label and after the last
 *   answer, so a heading word alone on a line between answers is coloured but no section. The
 *   generated lines below stand in a beslisnota, where every heading counts;
 * - a label after a word on a line of a whole document (afterWordOnLongLine).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import type { Span } from '../../src/core/model';
import { buildOutline, foldingSpans, type OutlineNode } from '../../src/core/outline';
import { LONG_LINE, parseDocument } from '../../src/core/parser';
import { ANSWER_WORDS, QUESTION_WORDS, SECTION_HEADINGS } from '../../src/core/vocabulary';
import { loadKamerstukGrammar, repoRoot, tokenizeText, type TokenizedLine } from '../../scripts/grammar/textmate';
import { isAnswerHeading, isQuestionHeading, isSectionHeading } from './scopes';

type Kind = 'section' | 'question' | 'answer';
const KINDS: readonly Kind[] = ['section', 'question', 'answer'];
const IS_HEADING: Record<Kind, (scope: string) => boolean> = { section: isSectionHeading, question: isQuestionHeading, answer: isAnswerHeading };

/** A heading on one line: columns [start, end). */
interface Place {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const show = (p: Place): string => `line ${p.line + 1} col ${p.start}: ${JSON.stringify(p.text)}`;

/** The runs of adjacent tokens that carry `markup.heading.<kind>`, per line. */
function colouredHeadings(lines: readonly TokenizedLine[], kind: Kind): Place[] {
  const out: Place[] = [];
  lines.forEach((l, line) => {
    let run: { start: number; end: number } | undefined;
    const flush = (): void => {
      if (run) out.push({ line, ...run, text: l.line.slice(run.start, run.end) });
      run = undefined;
    };
    for (const t of l.tokens) {
      if (t.scopes.some(IS_HEADING[kind])) {
        if (run && run.end === t.start) run.end = t.end;
        else {
          flush();
          run = { start: t.start, end: t.end };
        }
      } else flush();
    }
    flush();
  });
  return out;
}

/** Line starts, split as the tokenizer splits (\r\n, \r, \n). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

function placeOf(text: string, starts: readonly number[], span: Span): Place {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= span.start) line++;
  return { line, start: span.start - starts[line], end: span.end - starts[line], text: text.slice(span.start, span.end) };
}

/**
 * A label right after a word, on a line longer than the parser's LONG_LINE: a document joined into
 * one line whose title runs into "Vraag 1". The parser knows the line's length; the grammar, which
 * matches within a line without measuring it, does not colour a label after a word (docs/grammar.md).
 */
function afterWordOnLongLine(text: string, starts: readonly number[], p: Place): boolean {
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  if (lineEnd - starts[p.line] <= LONG_LINE) return false;
  const before = text.slice(starts[p.line], starts[p.line] + p.start).trimEnd();
  return /\p{L}$/u.test(before);
}

/** The outline entries of each kind with a label in the text (implicit blocks have an empty selection). */
function outlineHeadings(text: string): Record<Kind, Place[]> {
  const doc = parseDocument(text);
  const folds = foldingSpans(doc);
  const starts = lineStarts(text);
  const out: Record<Kind, Place[]> = { section: [], question: [], answer: [] };
  const walk = (n: OutlineNode): void => {
    if ((n.kind === 'section' || n.kind === 'question' || n.kind === 'answer') && n.selection.end > n.selection.start) {
      // A question's entry spans its answers too; its fold starts at the same place.
      assert.ok(folds.some((f) => f.start === n.span.start), `${n.name}: no fold`);
      const place = placeOf(text, starts, n.selection);
      if (!afterWordOnLongLine(text, starts, place)) out[n.kind].push(place);
    }
    n.children.forEach(walk);
  };
  walk(buildOutline(text, doc));
  return out;
}

/**
 * Every outline label lies inside a coloured heading of its kind on its line, and every coloured
 * heading holds exactly one outline label. Returns what disagrees, for every kind.
 */
function disagreements(grammar: IGrammar, text: string, where: string, kinds: readonly Kind[] = KINDS): string[] {
  const lines = tokenizeText(grammar, text);
  const outline = outlineHeadings(text);
  const inside = (e: Place, c: Place): boolean => e.line === c.line && c.start <= e.start && e.end <= c.end;
  return kinds.flatMap((kind) => {
    const coloured = colouredHeadings(lines, kind);
    const entries = outline[kind];
    return [
      ...entries.filter((e) => !coloured.some((c) => inside(e, c))).map((e) => `${where}: outline ${kind} not coloured: ${show(e)}`),
      ...coloured
        .filter((c) => entries.filter((e) => inside(e, c)).length !== 1)
        .map((c) => `${where}: coloured ${kind} heading without one outline entry: ${show(c)}`),
    ];
  });
}

function assertNone(problems: readonly string[]): void {
  assert.ok(problems.length === 0, `${problems.length} disagreements:\n${problems.slice(0, 30).join('\n')}`);
}

const texts = (dir: string): [string, string][] =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [`${dir}/${f}`, readFileSync(join(repoRoot, dir, f), 'utf8')]);

/** A beslisnota with `line` among its sections: every heading of the vocabulary counts here. */
const inBeslisnota = (line: string): string =>
  `Aanleiding\n\nDe Kamer heeft vragen gesteld.\n\nGeadviseerd besluit\n\nOndertekenen.\n\n${line}\n\nTekst onder de regel.\n`;

/** Kamervragen with `line` between a question and its answer. */
const inKamervragen = (line: string): string =>
  'Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de begroting (ingezonden 1 mei 2024).\n\n' +
  `Vraag 1\nKent u het bericht?\n\n${line}\nTekst eronder.\n\nAntwoord 1\nJa.\n`;

describe('grammar and parser agree on headings', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadKamerstukGrammar();
  });

  describe('the seeds and every fixture', () => {
    for (const [name, text] of [...texts('seeds'), ...texts('test/fixtures')]) {
      it(name, () => {
        assertNone(disagreements(grammar, text, name));
      });
    }
  });

  describe('generated section headings, for every heading word', () => {
    /** Lines that are a heading of `h`: coloured, an outline entry and a fold. */
    const headingLines = (h: string): string[] => [
      h, ` ${h} `, `\t${h}:`, `${h} :`, `**${h}**`, `**${h}:**`, `**${h}**:`, `__${h}__`, `_${h}_`, `*${h}*:`, `# ${h}`, `## **${h}**`,
      `#${h}`, `2. ${h}`, `2.1 ${h}:`, `12 ${h}`, `**3. ${h}**`, h.replace(/ /g, '\u00a0'), h.replace(/ /g, '  '), `\u00a0${h}`,
    ];
    /** Lines that hold `h` but are no heading: neither coloured nor an entry. */
    const otherLines = (h: string): string[] => [
      `${h} en verder`, `${h}: zie hieronder`, `De ${h}`, `* ${h}`, `- ${h}`, `• ${h}`, `${h.toUpperCase()}`, `${h}s`, `123. ${h}`,
      `2) ${h}`, `**${h} **`, `${h}.`,
    ];
    for (const h of SECTION_HEADINGS) {
      it(h, () => {
        assertNone(headingLines(h).flatMap((line) => disagreements(grammar, inBeslisnota(line), JSON.stringify(line), ['section'])));
        for (const line of headingLines(h)) {
          const text = inBeslisnota(line);
          const n = text.split('\n').indexOf(line);
          assert.ok(outlineHeadings(text).section.some((p) => p.line === n), `${JSON.stringify(line)} is no outline section`);
        }
        for (const line of otherLines(h)) {
          const text = inBeslisnota(line);
          const n = text.split('\n').indexOf(line);
          assert.deepEqual(colouredHeadings(tokenizeText(grammar, text), 'section').filter((p) => p.line === n).map(show), [], `${JSON.stringify(line)} coloured`);
          assert.deepEqual(outlineHeadings(text).section.filter((p) => p.line === n).map(show), [], `${JSON.stringify(line)} in the outline`);
        }
      });
    }

    it('letterhead fields are no headings', () => {
      for (const field of ['Datum', 'Kenmerk', 'Onderwerp', 'Aan', 'Van', 'Kopie aan', 'Ter beslissing', 'Ter informatie']) {
        const text = inBeslisnota(field);
        assert.deepEqual(colouredHeadings(tokenizeText(grammar, text), 'section').map((p) => p.text), ['Aanleiding', 'Geadviseerd besluit'], field);
        assert.deepEqual(outlineHeadings(text).section.map((p) => p.text), ['Aanleiding', 'Geadviseerd besluit'], field);
      }
    });
  });

  describe('generated question and answer labels, for every label word', () => {
    const answerForms = (w: string): string[] => (w === 'Antwoord' ? [w, `${w} op vraag`, `${w} op de vragen`, `${w} vraag`] : [w, `${w} op vragen`]);
    const numbers = [' 2', ' 2 en 3', ' 2, 3 en 5', ' 2a', ' 2 t/m 4'];
    const marks = ['', '**', '_'];
    const after = ['', ':', ' Wat vindt u daarvan?', ': Ja, dat klopt.', '.', ' van de leden is beantwoord.', ', zie hieronder.', ' (zie boven)', ' «Citaat»', '. Ja.', 'e keer', ' - zie'];
    const labels = (kind: 'question' | 'answer'): string[] =>
      (kind === 'question' ? [...QUESTION_WORDS] : ANSWER_WORDS.flatMap(answerForms)).flatMap((w) => [
        ...numbers.flatMap((n) => marks.flatMap((m) => after.map((a) => `${m}${w}${n}${m}${a}`))),
        ...numbers.flatMap((n) => marks.flatMap((m) => [':', '.'].flatMap((sep) => ['', ' Wat vindt u daarvan?'].map((a) => `${m}${w}${n}${sep}${m}${a}`)))),
        ...marks.flatMap((m) => ['', ':', ' :', ': Ja.', ' wat?', ' Wat?'].map((a) => `${m}${w}${m}${a}`)),
      ]);
    for (const kind of ['question', 'answer'] as const) {
      it(`${kind} labels at a line start and after a sentence`, () => {
        const lines = [
          ...labels(kind).flatMap((label) => [label, `# ${label}`, `Dat klopt. ${label}`]),
          ...(kind === 'question' ? QUESTION_WORDS : ANSWER_WORDS).flatMap((w) => [
            `${w} van de heer Van Dijk (VVD):`, `**${w} van mevrouw Bromet (GroenLinks):**`, `${w} van de leden Kops en Bosma:`,
            `${w} van het lid Omtzigt (NSC): Waarom?`, `${w} van de minister:`,
          ]),
        ];
        assertNone(lines.flatMap((line) => disagreements(grammar, inKamervragen(line), JSON.stringify(line))));
        // Not agreement by both reading nothing: a label is one on both sides, running text on neither.
        const entriesOn = (line: string): Place[] => {
          const text = inKamervragen(line);
          return outlineHeadings(text)[kind].filter((p) => p.line === text.split('\n').indexOf(line));
        };
        for (const w of kind === 'question' ? QUESTION_WORDS : ANSWER_WORDS) {
          for (const label of [`${w} 2:`, `**${w} 2 en 3**`, `${w}:`]) assert.equal(entriesOn(label).length, 1, `${label} is no ${kind}`);
          for (const text of [`${w} 2 van de leden is beantwoord.`, `${w} 2, zie hieronder.`]) assert.deepEqual(entriesOn(text), [], `${text} is a ${kind}`);
        }
      });
    }
  });
});
