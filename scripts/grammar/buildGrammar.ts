/**
 * Generates syntaxes/kamerstuk.tmLanguage.json (`npm run build:grammar`); a grammar test fails while
 * the committed file differs from what this produces. Generated because capture numbers across the
 * line-anchored unions are unmanageable by hand. The words come from src/core/vocabulary.ts, shared
 * with the parser. docs/grammar.md explains the scope contract, the cost model behind the structure
 * (few regexes, rare first characters, few capture groups) and what was tried.
 *
 * Rules for patterns here:
 * - no nested unbounded quantifiers; lists use atomic groups; look-behinds are bounded;
 * - no `patterns` inside captures on anything that matches often: vscode-textmate re-encodes the
 *   line prefix for each such capture (quadratic on long lines).
 */
import { writeFileSync } from 'node:fs';
import { ANSWER_WORDS, MONTH_ABBREVIATIONS, MONTHS as MONTH_NAMES, QUESTION_WORDS, SECTION_HEADINGS } from '../../src/core/vocabulary';
import { kamerstukGrammarPath } from './textmate';

const S = 'kamerstuk';

// ---------------------------------------------------------------------------------------------
// A tiny regex builder that tracks capture groups, so captures can be numbered automatically.

interface Piece {
  readonly re: string;
  /** Scope (or null for an unnamed group) of each capturing group, in order of its "(". */
  readonly caps: readonly (Capture | null)[];
}
/** A capture's scope, or a capture re-tokenized by patterns of its own (for rare, many-part matches). */
type Capture = string | { readonly name?: string; readonly patterns: readonly Record<string, unknown>[] };
type Part = string | Piece;

const piece = (p: Part): Piece => (typeof p === 'string' ? { re: p, caps: [] } : p);

/** Concatenation. Strings must not contain capturing groups (use `(?:`). */
function seq(...parts: Part[]): Piece {
  const ps = parts.map(piece);
  return { re: ps.map((p) => p.re).join(''), caps: ps.flatMap((p) => p.caps) };
}
/** A capturing group with a scope (null: a group without scope). */
function cap(scope: Capture | null, ...parts: Part[]): Piece {
  const inner = seq(...parts);
  return { re: `(${inner.re})`, caps: [scope, ...inner.caps] };
}
function opt(...parts: Part[]): Piece {
  const inner = seq(...parts);
  return { re: `(?:${inner.re})?`, caps: inner.caps };
}
/** Alternation of pieces, each optionally wrapped in a group carrying `scope`. */
function alt(...alts: Piece[]): Piece {
  return { re: `(?:${alts.map((a) => a.re).join('|')})`, caps: alts.flatMap((a) => a.caps) };
}

function captures(p: Piece): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  p.caps.forEach((scope, i) => {
    if (scope !== null) out[String(i + 1)] = typeof scope === 'string' ? { name: scope } : scope;
  });
  return out;
}

/**
 * The regex of a piece with every capturing group made non-capturing: the same pattern for a
 * look-ahead whose own group carries the scope (see kindOf).
 */
function uncaptured(p: Part): string {
  const re = piece(p).re;
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else out += c === '(' && re[i + 1] !== '?' ? '(?:' : c;
  }
  return out;
}

export interface Alternative {
  readonly id: string;
  /** Scope of the whole alternative (optional). */
  readonly scope?: string;
  /**
   * The characters the alternative can start with (a regex for one character), as a look-ahead
   * before it in a union (optional): a line that cannot match is then rejected before the
   * alternative's capture groups are entered.
   */
  readonly first?: string;
  readonly pattern: Piece;
}

/** One `match` rule made of alternatives; the comment lists them in order. */
export function union(comment: string, alts: readonly Alternative[], lineAnchored = false): Record<string, unknown> {
  const p = alt(...alts.map((a) => seq(a.first ? `(?=${a.first})` : '', a.scope ? cap(a.scope, a.pattern) : seq(a.pattern))));
  // A leading ^ outside the alternation lets Oniguruma try line-anchored unions at line starts only
  // (a ^ inside each alternative does not); otherwise drop the outer (?:...).
  const match = lineAnchored ? `^${p.re}` : p.re.slice(3, -1);
  return { comment: `${comment} Alternatives, in order: ${alts.map((a) => a.id).join(', ')}.`, match, captures: captures(p) };
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

const WS = '[ \\t\\x{00A0}\\x{202F}]';
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, `${WS}+`);

/**
 * An alternation of literal words as a prefix tree: "(?:Kern(?:punt(?:en)?)|...)". Oniguruma tries
 * the branches of an alternation one after another (a failing branch costs a push and a compare), so
 * a line that starts with none of 40 words cost 40 tries; in a tree, words that share a first letter
 * share one branch. Longer words are preferred (an optional tail is greedy), as with the words
 * sorted longest first.
 */
function words(list: readonly string[]): string {
  const tree = (ws: readonly string[]): string => {
    const byFirst = new Map<string, string[]>();
    let ends = false;
    for (const w of ws) {
      if (w === '') ends = true;
      else byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
    }
    const branches = [...byFirst].map(([c, rest]) => esc(c) + tree(rest));
    if (branches.length === 0) return '';
    const one = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return ends ? `(?:${one})?` : one;
  };
  return `(?:${tree([...new Set(list)])})`;
}

/**
 * Instead of a leading \b (which stops Oniguruma from skipping ahead by first character): the first
 * character, then a look-behind that the character before it is not a letter or digit.
 */
const NOT_AFTER_WORD = '(?<![0-9A-Za-z].)';
const wordStart = (...words: string[]): string => `(?:${words.map((w) => `${esc(w[0] ?? '')}${NOT_AFTER_WORD}${esc(w.slice(1))}`).join('|')})`;
/**
 * Digit alternatives start at a digit not glued to a letter or digit; the check is made once, by the
 * digits group's look-behind (inlineGroups.digits.after), not in each alternative.
 */
const DIGIT_START = '[0-9]';

/** A question number as written: 1, 12, 2l (sub-item letter); never glued to more letters/digits. */
const N = '[0-9]{1,3}(?:[a-z])?(?![0-9A-Za-z])';
const SEP = `(?:${WS}*,${WS}*(?:en${WS}+)?|${WS}+(?:en|t/m|tot en met|tot|&)${WS}+|${WS}*[-–]${WS}*)`;
/** Up to MAX_NUMBERS numbers of a list get their own scope; a longer list still matches whole. */
const MAX_NUMBERS = 8;
function numberList(scope: string): Piece {
  let tail: Piece = seq('');
  for (let i = 1; i < MAX_NUMBERS; i++) tail = opt(SEP, cap(scope, N), tail);
  return seq('(?>', cap(scope, N), tail, `(?:${SEP}${N})*`, ')');
}

const NUM = `constant.numeric.question-number.${S}`;
const MD = '(?:\\*\\*|__|\\*|_)';
const NR = `(?:${WS}+(?:nr\\.?|nummer))?`;
const QWORD = `${words(QUESTION_WORDS)}${NR}`;
const AWORD = `${words(ANSWER_WORDS)}(?:${WS}+(?:op${WS}+)?(?:de${WS}+)?(?:vra(?:ag|gen)|Vra(?:ag|gen)|VRA(?:AG|GEN))${NR})?`;
const YEARS = `[0-9]{4}${WS}*[–—/-]${WS}*(?:[0-9]{4}|[0-9]{2})(?![0-9])`;
const MONTHS = words([...MONTH_NAMES, ...MONTH_ABBREVIATIONS]);
const PARTIES = [
  'GroenLinks-PvdA', 'GL-PvdA', 'GL/PvdA', 'GroenLinks', 'PvdA', 'JA21', 'SP', 'VVD', 'GL', 'CDA', 'D66', 'PVV', 'NSC',
  'BBB', 'CU', 'ChristenUnie', 'SGP', 'DENK', 'PvdD', 'FvD', 'FVD', 'Volt', '50PLUS', '50Plus', 'BIJ1', 'Bij1', 'BVNL',
  'Groep Van Haga', 'Lid Omtzigt', 'Fractie Den Haan', 'Fractie-Den Haan', 'OSF',
];

const HEADING_MARK = `punctuation.definition.heading.${S}`;
const METADATA_KEY = `variable.other.metadata-key.${S}`;
const KEY_VALUE = `punctuation.separator.key-value.${S}`;
const EM_BEGIN = `punctuation.definition.emphasis.begin.${S}`;
const EM_END = `punctuation.definition.emphasis.end.${S}`;
const LABEL_SEP = `punctuation.separator.label.${S}`;
const FOOTNOTE_REF = `support.constant.footnote-reference.${S}`;

/**
 * A label without number at a line start, as the parser reads it: alone on the line ("Vraag",
 * "**Antwoord:**") or followed by a colon ("Antwoord: Ja, ..."; the heading ends at the colon).
 */
function bareLabel(kind: 'question' | 'answer'): string {
  const word = words(kind === 'question' ? QUESTION_WORDS : ANSWER_WORDS);
  return `${MD}?${word}(?:(?:${WS}*:)?${MD}?(?=${WS}*$)|${WS}*:${MD}?|${MD}?${WS}*:)`;
}
/**
 * A beslisnota heading, optionally numbered ("2. Toelichting"), in bold or italics; it must end the
 * line (SECTION_END). The same line shape as the parser's SECTION_HEADING (src/core/classify.ts).
 */
const sectionHeading = `${MD}?(?:[0-9]{1,2}(?:\\.[0-9]{1,2})?\\.?${WS}+)?${words(SECTION_HEADINGS)}(?:${WS}*:)?${MD}?`;
const SECTION_END = `${WS}*:?${WS}*$`;

/**
 * Headings share their inner capture groups (vscode-oniguruma turns every group of a regex into an
 * object on every match of that regex, whichever alternative matched: the groups of rarely matching
 * alternatives cost on every match). So a heading is matched in two steps at the same position:
 * - kindOf: a look-ahead per kind whose only group spans the heading with that kind's scope; the
 *   look-ahead holds the kind's own pattern (uncaptured), so it alone decides what is a heading;
 * - headingBody: the heading consumed once more by one pattern for all kinds, which carries the
 *   inner groups (markup, numbers, colons). Its words are tried longest first and everything after
 *   them is optional, so it ends where the kind's pattern ended (it may take a colon after a
 *   closing "**" as well).
 */
function kindOf(kinds: readonly { scope: string; pattern: string; after?: string }[]): Piece {
  return seq('(?:', ...kinds.flatMap((k, i) => [i > 0 ? '|' : '', '(?=', cap(k.scope, k.pattern), k.after ?? '', ')']), ')');
}
/** `afterNumbers`: a look-ahead right after a numbered label's numbers (see labelEnd). */
function headingBody(wordAlternatives: readonly string[], numbered: boolean, afterNumbers = ''): Piece {
  return seq(
    opt(cap(EM_BEGIN, MD)),
    numbered ? '' : `(?:[0-9]{1,2}(?:\\.[0-9]{1,2})?\\.?${WS}+)?`,
    `(?:${wordAlternatives.join('|')})`,
    numbered ? seq(`${WS}+`, numberList(NUM), afterNumbers) : opt(`${WS}+`, numberList(NUM)),
    opt(`${WS}*`, cap(LABEL_SEP, '[:.]')),
    opt(cap(EM_END, MD)),
    opt(`${WS}*`, cap(LABEL_SEP, ':')),
  );
}
/**
 * What may follow the numbers of a label, as the parser's acceptsAfter (src/core/parser.ts) has it:
 * the line end, a colon, a full stop or closing bracket (in the middle of a line: followed by a
 * blank or markup), or after markup or blanks a capital, an opening quote or bracket, a bullet. So "Vraag 2
 * van de leden is ..." and "Vraag 2, zie ..." are no labels.
 */
const labelEnd = (atLineStart: boolean): string =>
  `(?=[*_]*${WS}*(?:$|:|[.)]${atLineStart ? '' : '(?:[\\s*_]|$)'})|(?:[*_]+${WS}*|${WS}+)[\\p{Lu}«“"‘(\\[•])`;
/** A question or answer label as a pattern without groups: the kind's part of kindOf. */
const label = (kind: 'question' | 'answer', atLineStart: boolean): string =>
  uncaptured(headingBody([kind === 'question' ? QWORD : AWORD], true, labelEnd(atLineStart)));
/**
 * "Antwoord" without a number followed by the answer, at a line start or after a sentence end:
 * "Vraag 16 … ervan? Antwoord Zorgelijk." The parser takes it only right after a question; the
 * grammar has no state, so it colours the same shape anywhere (rare elsewhere). Only the singular
 * word: "Antwoorden Kamervragen …" is a title.
 */
const bareAnswerWithText = `${MD}?(?:Antwoord|ANTWOORD)${MD}?${labelEnd(false)}`;
const QUESTION_HEADING = `markup.heading.question.${S}`;
const ANSWER_HEADING = `markup.heading.answer.${S}`;
const SECTION_HEADING = `markup.heading.section.${S}`;

/** A markdown heading mark a converter may have added before a line construct. */
const LINE_START = opt(cap(HEADING_MARK, '#{1,6}'), `${WS}*`);

/**
 * What may stand right before a label in the middle of a line (the character is part of the
 * match, so the regex starts with a definite character): a sentence end, optionally followed by a
 * glued footnote marker ("toelichten?1 Antwoord 1"), a closing bracket or quote, or a digit (page
 * footer glued to the label: "Aanhangsel 1Antwoord 3").
 */
const MID_START = `(?<=[.?!:;)\\]”"’»…](?:[0-9]{1,2})?${WS}{0,3}|[0-9]${WS}{0,3})`;
/** Before a bare "Antwoord" in the middle of a line: a blank after the sentence end (no glued footer). */
const BLANK_BEFORE = `(?<=[.?!:;)\\]”"’»…](?:[0-9]{1,2})?${WS}{1,3})`;

/**
 * Every line construct starts (after blanks) with one of these characters or words. #line begins
 * with two look-aheads built from them: the first characters (ASCII class plus literals: Oniguruma
 * takes no first-character map from a class holding non-ASCII characters), so that its search only
 * stops at line starts; then the first three letters of the words, so that prose lines fail before
 * the union is tried. Keep in sync with lineAlternatives.
 */
const LINE_GATE_WORDS = [
  ...SECTION_HEADINGS, ...QUESTION_WORDS, ...ANSWER_WORDS, 'Mededeling', 'Tweede', 'Eerste',
  'Vergaderjaar', 'Gerelateerde', 'Bijlagen', 'Onderdeel', 'Directe', 'Preview', 'Nummer',
];
const LINE_GATE_PREFIXES = [...new Set(LINE_GATE_WORDS.map((w) => w.slice(0, 3)))].sort();
const LINE_SYMBOLS = ['•', '●', '▪', '◦', '‣', '∙', '·', '–'];
const LINE_FIRST =
  `(?:[ \\t\\-_=\\f\\[#*0-9${[...new Set(LINE_GATE_WORDS.map((w) => w[0]))].sort().join('')}]` +
  `|\\x{00A0}|\\x{202F}|${LINE_SYMBOLS.join('|')})`;
const LINE_GATE = `(?=${WS}*+(?:[-_=\\f\\[#*0-9]|${LINE_SYMBOLS.join('|')}|${words(LINE_GATE_PREFIXES)}))`;

/**
 * The inline rules: the groups in one list are one regex (each group a branch led by its
 * look-ahead). cross-references stay alone: alone, Oniguruma searches them by their literal "ra";
 * in the union their first letters (v is among the commonest) made it 2x slower.
 */
const INLINE_RULES: readonly (readonly string[])[] = [['labels', 'document-references', 'digits', 'brackets', 'urls'], ['cross-references']];
const inlineRuleId = (ids: readonly string[]): string => ids.join('-and-');

// ---------------------------------------------------------------------------------------------
// Line constructs (one regex, #line).

/**
 * The line constructs. Each starts at the first non-blank character of a line: #line supplies the
 * `^` and the leading blanks.
 */
export const lineAlternatives: readonly Alternative[] = [
  {
    id: 'page-break', first: '[-_=\\f]',
    scope: `comment.line.page-break.${S}`,
    pattern: seq(`(?:-{3,}|_{3,}|={3,}|\\f+)${WS}*$`),
  },
  {
    id: 'navigation-line', first: '\\[',
    scope: `comment.line.navigation.${S}`,
    pattern: seq(`\\[[^\\]\\r\\n]{1,60}\\](?:${WS}+\\[[^\\]\\r\\n]{1,60}\\])+${WS}*$`),
  },
  {
    id: 'page-header', first: '[TEV]',
    scope: `comment.line.page-header.${S}`,
    pattern: alt(
      seq(`(?:Tweede|Eerste)${WS}+Kamer${WS}+der${WS}+Staten-Generaal`, opt(`${WS}+`, cap(`constant.numeric.page.${S}`, '[0-9]{1,4}')), `${WS}*$`),
      seq(`Vergaderjaar${WS}+${YEARS}(?:${WS}+Aanhangsel${WS}+van${WS}+de${WS}+Handelingen)?${WS}*$`),
      seq(`${esc('Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden')}${WS}*$`),
    ),
  },
  {
    id: 'speaker-question-label', first: '[#*_V]',
    // "Vraag van de heer X (VVD):" alone on its line, as the parser reads it (QUESTION_BY); before
    // header-start, which would take "Vragen van de leden ...:" (rare: only the heading and its
    // colon get a scope of their own).
    pattern: seq(
      LINE_START,
      // Older Aanhangsels without the colon: "Vraag van de g.a. de heer X (VVD)" (only "Vraag").
      // One capture for both forms: every group of the line union costs on each of its matches.
      cap(
        QUESTION_HEADING,
        `${MD}?(?:${words(QUESTION_WORDS)}${WS}+van${WS}+[^:\\r\\n]{2,120}`, cap(LABEL_SEP, ':'),
        `|(?:Vraag|VRAAG)${WS}+van${WS}+[^:\\r\\n]{2,120}\\)\\.?)${MD}?`,
      ),
      `(?=(?:[*_]|${WS})*$)`,
    ),
  },
  {
    id: 'header-start', first: '[*_VAM]',
    // "Vragen van het lid ..." / "Antwoord van Minister ..." / "Mededeling van ...": the opening words.
    pattern: seq(
      `(?:\\*\\*|__)?`,
      alt(
        cap(`keyword.other.header.questions.${S}`, `Vragen${WS}+van${WS}+(?:het${WS}+lid|de${WS}+leden|het${WS}+Kamerlid|de${WS}+Kamerleden|lid)`),
        cap(`keyword.other.header.answer.${S}`, `(?:Antwoord|Mededeling)${WS}+(?:van|namens)`),
      ),
      '(?![A-Za-z])',
    ),
  },
  {
    id: 'footnote-line', first: '[0-9]',
    // Conservative: a number at a line start is a footnote only when a URL, a document reference
    // or "Zie" follows, or when the line ends in the back-link arrow. "6 november 2023)." is not.
    scope: `meta.footnote.${S}`,
    pattern: seq(
      cap(`constant.numeric.footnote.${S}`, '[0-9]{1,3}'),
      opt(cap(`punctuation.separator.footnote.${S}`, '\\.')),
      `${WS}+`,
      `(?=https?://|www\\.|Kamerstuk(?:ken)?${WS}+(?:I{1,2}${WS}+)?[0-9]|Aanhangsel${WS}|Handelingen${WS}+I{1,2}${WS}|Zie${WS}|[^\\r\\n]*↩)`,
    ),
  },
  {
    id: 'heading',
    first: `[#*_0-9VA${[...new Set(SECTION_HEADINGS.map((w) => w[0]))].join('')}]`,
    // Question and answer labels ("Vraag 1 en 2", "Antwoord op vraag 3:", "**Vraag 6**", "Vraag" alone
    // on a line) and beslisnota headings ("Aanleiding", "2. Toelichting:"), after an optional "#".
    pattern: seq(
      LINE_START,
      kindOf([
        { scope: QUESTION_HEADING, pattern: `(?:${label('question', true)}|${bareLabel('question')})` },
        { scope: ANSWER_HEADING, pattern: `(?:${label('answer', true)}|${bareLabel('answer')}|${bareAnswerWithText})` },
        { scope: SECTION_HEADING, pattern: sectionHeading, after: SECTION_END },
      ]),
      headingBody([QWORD, AWORD, words(SECTION_HEADINGS)], false),
    ),
  },
  {
    id: 'metadata-line-key', first: '[GBODP]',
    // Keys of a copied web page that start a line.
    pattern: seq(
      cap(`variable.other.metadata-key.${S}`, `Gerelateerde${WS}+personen|Bijlagen|Onderdeel${WS}+van${WS}+zaak|Directe${WS}+link${WS}+naar${WS}+document|Preview${WS}+document`),
      '(?![A-Za-z])',
    ),
  },
  {
    id: 'metadata-number-line', first: 'N',
    // The metadata line of a copied tweedekamer.nl page: "Nummer: 2023D03702, datum: 2023-02-01,
    // bijgewerkt: 2024-02-19 10:56, versie: 3". Its keys are highlighted here only (docs/grammar.md, "Narrowed on purpose").
    // The rest of the line is one capture tokenized by its own patterns: the line is rare, and every
    // group of #line costs on each of its matches (see kindOf).
    pattern: seq(
      cap(METADATA_KEY, 'Nummer'),
      cap(KEY_VALUE, ':'),
      cap(
        {
          patterns: [
            { match: '(datum|bijgewerkt|versie)(:)', captures: { 1: { name: METADATA_KEY }, 2: { name: KEY_VALUE } } },
            ...INLINE_RULES.map((ids) => ({ include: `#${inlineRuleId(ids)}` })),
          ],
        },
        `(?=${WS}*[0-9]{4}D[0-9]{5}(?![0-9A-Za-z]))[^\\r\\n]*`,
      ),
    ),
  },
  {
    id: 'bullet-line', first: `[-*]|${LINE_SYMBOLS.join('|')}`,
    pattern: seq(cap(`keyword.operator.bullet.${S}`, `•|●|▪|◦|‣|∙|·|[-*](?=${WS})|–(?=${WS})`)),
  },
];

// ---------------------------------------------------------------------------------------------
// Constructs that can occur anywhere (each its own regex). Each starts with a definite character.

const inlineAlternatives: Alternative[] = [
  {
    id: 'header-start-mid-line',
    // A header after a sentence end (a whole document on one line): only the words get a scope.
    pattern: seq(
      `(?<=[.?!)]${WS}{1,2})`,
      cap(`keyword.other.header.${S}`, `Vragen${WS}+van${WS}+(?:het${WS}+lid|de${WS}+leden)|Antwoord${WS}+van|Mededeling${WS}+van`),
      '(?![A-Za-z])',
    ),
  },
  {
    id: 'label-mid-line',
    pattern: seq(
      MID_START,
      kindOf([
        { scope: QUESTION_HEADING, pattern: label('question', false) },
        { scope: ANSWER_HEADING, pattern: `(?:${label('answer', false)}|${BLANK_BEFORE}${bareAnswerWithText})` },
      ]),
      headingBody([QWORD, AWORD], false),
    ),
  },
  {
    id: 'cross-reference',
    // Running-text reference to another question: "(antwoord op) vraag 8", "de vragen 2 en 5", "bij vraag 4".
    // Only "vraag/vragen N" is scoped (docs/grammar.md: the regex must start at "V/v" + literal "ra").
    scope: `markup.underline.link.question-reference.${S}`,
    pattern: seq(`${wordStart('V', 'v')}ra(?:ag|gen)${NR}${WS}+`, numberList(NUM)),
  },
  {
    id: 'document-reference',
    scope: `constant.other.reference.document.${S}`,
    pattern: alt(
      // Aanhangsel (van de) Handelingen, vergaderjaar 2023–2024, nr. 1047
      seq(
        `${wordStart('Aanhangsel')}(?:${WS}+van${WS}+de)?${WS}+Handelingen(?:${WS}+I{1,2}(?![A-Za-z]))?`,
        `(?:,?${WS}+(?:[Vv]ergaderjaar|vj\\.?)${WS}+${YEARS})?(?:,?${WS}*(?:nr\\.?|nummer)${WS}*[0-9]{1,5}(?![0-9]))?`,
      ),
      // Kamerstuk 28 828, nr. 70 / Kamerstukken II 2019/20, 29 984, nr. 899 / Kamerstuk 36 200 VII, nr. 5
      seq(
        `${wordStart('Kamerstuk')}(?:ken)?(?:${WS}+(?:I{1,2}|EK|TK)(?![A-Za-z]))?(?:${WS}+${YEARS})?,?${WS}+[0-9]{2}${WS}?[0-9]{3}(?![0-9])`,
        `(?:-[A-Z0-9]{1,4}(?![A-Za-z0-9]))?(?:${WS}+(?:[IVXL]{1,6}|[A-Z])(?![A-Za-z0-9]))?(?:,?${WS}*(?:nr\\.?|nummer)${WS}*[0-9]{1,5}(?![0-9]))?`,
      ),
      // Handelingen II 2022/23, nr. 45, item 12
      seq(`${wordStart('Handelingen')}${WS}+I{1,2}${WS}+${YEARS}(?:,${WS}*nr\\.?${WS}*[0-9]{1,4}(?![0-9]))?(?:,${WS}*item${WS}*[0-9]{1,3}(?![0-9]))?`),
    ),
  },
  { id: 'document-number', scope: `constant.other.identifier.document.${S}`, pattern: seq(`${DIGIT_START}[0-9]{3}D[0-9]{5}(?![0-9A-Za-z])`) },
  { id: 'zaak-number', scope: `constant.other.identifier.zaak.${S}`, pattern: seq(`${DIGIT_START}[0-9]{3}Z[0-9]{5}(?![0-9A-Za-z])`) },
  {
    id: 'publication-id',
    // Only in parentheses, as a copied web page shows it: "(ah-tk-20222023-1429)" (docs/grammar.md).
    pattern: seq(
      '\\(',
      cap(`constant.other.identifier.publication.${S}`, `(?:ah-tk|ah-ek|h-tk|h-ek|kst|blg|stb|stcrt|trb|kv-tk|kv-ek)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){0,4}`),
      '(?=\\))',
    ),
  },
  { id: 'url', scope: `markup.underline.link.url.${S}`, pattern: seq(`${wordStart('https://', 'http://', 'www.')}[^\\s<>"”↩]*[^\\s<>"”↩.,;:!?)\\]’]`) },
  {
    id: 'date',
    scope: `constant.numeric.date.${S}`,
    pattern: alt(
      // 29 januari 2024, 1 feb. 2023
      seq(`${DIGIT_START}[0-9]?${WS}+(?:${MONTHS})(?:${WS}+[0-9]{4}(?![0-9]))?(?![A-Za-z])`),
      // 2023-02-01, 2024-02-19 10:56
      seq(`${DIGIT_START}[0-9]{3}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?(?![0-9])`),
      // 1-2-2023
      seq(`${DIGIT_START}[0-9]?-[0-9]{1,2}-[0-9]{4}(?![0-9])`),
    ),
  },
  {
    id: 'submitted',
    // "(ingezonden 29 januari 2024)" / "(ontvangen 1 februari 2023)". One line: when wrapped, only the
    // part on the first line is matched.
    scope: `meta.submitted.${S}`,
    pattern: seq(
      cap(`punctuation.definition.submitted.begin.${S}`, '\\('),
      cap(`keyword.other.submitted.${S}`, 'ingezonden|ontvangen'),
      '(?![A-Za-z])',
      opt(`${WS}+`, cap(`constant.numeric.date.${S}`, `[0-9]{1,2}${WS}+(?:${MONTHS})(?:${WS}+[0-9]{4}(?![0-9]))?`)),
      opt(`${WS}*`, cap(`punctuation.definition.submitted.end.${S}`, '\\)')),
    ),
  },
  {
    id: 'party',
    pattern: seq(
      cap(`punctuation.definition.party.begin.${S}`, '\\('),
      cap(`entity.name.type.party.${S}`, words(PARTIES)),
      cap(`punctuation.definition.party.end.${S}`, '\\)'),
    ),
  },
  {
    id: 'footnote-mid-line',
    // A footnote in a document on one line: "   1. https://..."
    pattern: seq(
      cap(`constant.numeric.footnote.${S}`, `${DIGIT_START}[0-9]{0,2}`),
      opt(cap(`punctuation.separator.footnote.${S}`, '\\.')),
      `${WS}+(?=https?://)`,
    ),
  },
  {
    id: 'footnote-reference',
    // A marker glued after punctuation that follows a word: "toelichten?1", "komen.1", "gezegd”2".
    // Not "1.5", "11e", "nr.70", numbers in running text.
    // Starts at the digit (digits are rarer than punctuation), the rest is look-behind.
    pattern: seq(
      '(?<=[\\p{L})”"’][.?!,;:]|\\p{Ll}[”"’)])',
      '(?<!\\bnr\\.|\\bart\\.|\\bblz\\.|\\bp\\.|\\bpag\\.|\\bvgl\\.|\\bno\\.)',
      cap(FOOTNOTE_REF, '[0-9]{1,3}'),
      '(?![0-9\\p{L}])(?![.,][0-9])',
    ),
  },
  { id: 'footnote-backlink', scope: `punctuation.definition.footnote.backlink.${S}`, pattern: seq('↩\\x{FE0E}?') },
];

const byId = (id: string): Alternative => {
  const a = inlineAlternatives.find((x) => x.id === id);
  if (!a) throw new Error(`no alternative ${id}`);
  return a;
};

/**
 * Inline groups: a group is a union of its alternatives (in this order), led by a look-ahead on
 * the characters its alternatives can start with; INLINE_RULES says which groups share one regex.
 */
interface InlineGroup {
  readonly first: string;
  /** A look-behind checked once for all alternatives of the group, right after the look-ahead (optional). */
  readonly after?: string;
  readonly alts: readonly Alternative[];
}
export const inlineGroups: Readonly<Record<string, InlineGroup>> = {
  labels: { first: '[VAM*_]', alts: ['header-start-mid-line', 'label-mid-line'].map(byId) },
  'document-references': { first: '[AKH]', alts: ['document-reference'].map(byId) },
  digits: { first: '[0-9]', after: '(?<![0-9A-Za-z])', alts: ['document-number', 'zaak-number', 'date', 'footnote-mid-line', 'footnote-reference'].map(byId) },
  brackets: { first: '\\(|↩', alts: ['submitted', 'party', 'publication-id', 'footnote-backlink'].map(byId) },
  'cross-references': { first: '[Vv]', alts: ['cross-reference'].map(byId) },
  urls: { first: '[hw]', alts: ['url'].map(byId) },
};
{
  const used = new Set(Object.values(inlineGroups).flatMap((g) => g.alts));
  const unused = inlineAlternatives.filter((x) => !used.has(x));
  if (unused.length > 0) throw new Error(`inline alternatives in no group: ${unused.map((x) => x.id).join(', ')}`);
}

/**
 * After every match: the blanks and the newline that end the line, when they follow (vscode-textmate
 * appends "\n" to each line). vscode-textmate still calls the scanner once more after such a match,
 * but at the end of the string, where Oniguruma returns at once instead of scanning the rest of the
 * line with every regex.
 */
const LINE_REST = `(?:${WS}*+\\n)?`;

type MatchRule = { comment: string; match: string; captures: Record<string, unknown> };

export function buildGrammar(): Record<string, unknown> {
  const lineUnion = union('Line constructs, at the start of a line after blanks.', lineAlternatives) as MatchRule;
  const line: MatchRule = { ...lineUnion, match: `^(?=${LINE_FIRST})${LINE_GATE}${WS}*+(?:${lineUnion.match})${LINE_REST}` };
  const inline = INLINE_RULES.map((ids): [string, MatchRule] => {
    const u = union(`Inline: ${ids.join(', ')}.`, ids.flatMap((id) => inlineGroups[id].alts)) as MatchRule;
    // The same alternatives in the same order (so the same capture numbers), each group behind its look-ahead.
    const branches = ids.map((id) => `(?=${inlineGroups[id].first})${inlineGroups[id].after ?? ''}(?:${(union('', inlineGroups[id].alts) as MatchRule).match})`);
    return [inlineRuleId(ids), { comment: u.comment, match: `${branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`}${LINE_REST}`, captures: u.captures }];
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Kamerstuk',
    scopeName: 'text.kamerstuk',
    comment:
      'GENERATED by scripts/grammar/buildGrammar.ts: edit that file (or src/core/vocabulary.ts) and run `npm run build:grammar`. ' +
      'Dutch parliamentary documents (Kamervragen, beslisnota, copied web pages) as plain text.',
    // #line first: at the start of a line its constructs win over the inline ones ("Vraag 1").
    patterns: [{ include: '#line' }, ...inline.map(([id]) => ({ include: `#${id}` }))],
    repository: { line, ...Object.fromEntries(inline) },
  };
}

export function grammarJson(): string {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(kamerstukGrammarPath, grammarJson());
  console.log(`wrote ${kamerstukGrammarPath}`);
}

