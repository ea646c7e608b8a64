/**
 * Source of syntaxes/kamerstuk.tmLanguage.json. The JSON is generated: edit this file, then run
 * `npx tsx test/grammar/build-grammar.ts` (grammar.test.ts fails while the two differ).
 *
 * Why generated: capture numbers across the line-anchored union are unmanageable by hand.
 *
 * Structure (performance; bench/tokenize.ts, target ours <= 0.5x VS Code's Markdown grammar). Cost model,
 * measured on the 1 MB corpus: an empty begin/while grammar already costs ~0.25x Markdown; each regex in
 * the inline scanner costs about one search call per line even when it never matches; on top of that
 * every candidate position (a character in the regex's first-character map) costs a match attempt.
 * - Line-anchored constructs: ONE union, tested once per line as the begin/while condition of #document
 *   (`^(?:GATE(UNION))?`, always true). The condition has a single capturing group; only when a line
 *   construct is there is that capture re-tokenized with #line (the same union, with all its scopes).
 *   The previous design put all ~60 capture groups in the condition itself: slower (their handling
 *   on every line), and so is a `\G` #line among the inline patterns (vscode-textmate then keeps two
 *   scanners per line). Look-aheads at the end of a construct are cut to `(?:(?=x)|$)` in #line,
 *   which sees only the matched text (followedBy).
 * - Inline constructs: 3 regexes instead of 18. Groups whose first characters are rare (digits,
 *   "(", "↩", the capitals of labels and document references) share ONE union, each group a branch
 *   behind a look-ahead on its first characters. Cross-references and URLs stay alone: alone, their
 *   literal ("ra", "http"/"www.") keeps Oniguruma's search fast; in a union ("v", "h", "w" are common
 *   letters) they measured 2-3x their separate cost.
 * - Deliberately narrowed (product decisions, tests changed accordingly):
 *   - cross-references: only "vraag/vragen N" is scoped, not a preceding "antwoord op" (a regex
 *     that can start at "a" costs ~0.1x Markdown; starting at "V/v" + "ra" is nearly free);
 *   - publication identifiers (ah-tk-…, kst-…): only in parentheses, as copied web pages show them
 *     (they are underlined and clickable through the DocumentLinkProvider anyway);
 *   - metadata keys ("Nummer:", "datum:", "bijgewerkt:", "versie:"): only on the web-page metadata
 *     line that starts with "Nummer:" (a line construct), no longer anywhere in running text.
 *
 * Rules for patterns here:
 * - no nested unbounded quantifiers; lists use atomic groups; look-behinds are bounded;
 * - no `patterns` inside captures on anything that matches often: vscode-textmate re-encodes the
 *   line prefix for each such capture (quadratic on long lines).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const S = 'kamerstuk';

// ---------------------------------------------------------------------------------------------
// A tiny regex builder that tracks capture groups, so captures can be numbered automatically.

interface Piece {
  readonly re: string;
  /** Scope (or null for an unnamed group) of each capturing group, in order of its "(". */
  readonly caps: readonly (string | null)[];
}
type Part = string | Piece;

const piece = (p: Part): Piece => (typeof p === 'string' ? { re: p, caps: [] } : p);

/** Concatenation. Strings must not contain capturing groups (use `(?:`). */
function seq(...parts: Part[]): Piece {
  const ps = parts.map(piece);
  return { re: ps.map((p) => p.re).join(''), caps: ps.flatMap((p) => p.caps) };
}
/** A capturing group with a scope (null: a group without scope). */
function cap(scope: string | null, ...parts: Part[]): Piece {
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

function captures(p: Piece): Record<string, { name: string }> {
  const out: Record<string, { name: string }> = {};
  p.caps.forEach((scope, i) => {
    if (scope !== null) out[String(i + 1)] = { name: scope };
  });
  return out;
}

export interface Alternative {
  readonly id: string;
  /** Scope of the whole alternative (optional). */
  readonly scope?: string;
  readonly pattern: Piece;
}

/** One `match` rule made of alternatives; the comment lists them in order. */
export function union(comment: string, alts: readonly Alternative[], lineAnchored = false): Record<string, unknown> {
  const p = alt(...alts.map((a) => (a.scope ? cap(a.scope, a.pattern) : seq(a.pattern))));
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
 * Instead of a leading \b (which stops Oniguruma from skipping ahead by first character): the first
 * character, then a look-behind that the character before it is not a letter or digit.
 */
const NOT_AFTER_WORD = '(?<![0-9A-Za-z].)';
const wordStart = (...words: string[]): string => `(?:${words.map((w) => `${esc(w[0] ?? '')}${NOT_AFTER_WORD}${esc(w.slice(1))}`).join('|')})`;
const DIGIT_START = `[0-9]${NOT_AFTER_WORD}`;

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
const QWORD = `(?:Vraag|Vragen|VRAAG|VRAGEN)${NR}`;
const AWORD = `(?:Antwoord(?:en)?|ANTWOORD(?:EN)?)(?:${WS}+(?:op${WS}+)?(?:de${WS}+)?(?:vra(?:ag|gen)|Vra(?:ag|gen)|VRA(?:AG|GEN))${NR})?`;
const YEARS = `[0-9]{4}${WS}*[–—/-]${WS}*(?:[0-9]{4}|[0-9]{2})(?![0-9])`;
const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan\\.|feb\\.|febr\\.|mrt\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dec\\.';
const PARTIES = [
  'GroenLinks-PvdA', 'GL-PvdA', 'GL/PvdA', 'GroenLinks', 'PvdA', 'JA21', 'SP', 'VVD', 'GL', 'CDA', 'D66', 'PVV', 'NSC',
  'BBB', 'CU', 'ChristenUnie', 'SGP', 'DENK', 'PvdD', 'FvD', 'FVD', 'Volt', '50PLUS', '50Plus', 'BIJ1', 'Bij1', 'BVNL',
  'Groep Van Haga', 'Lid Omtzigt', 'Fractie Den Haan', 'Fractie-Den Haan', 'OSF',
];
/** Beslisnota headings: a line consisting only of one of these is a section heading. */
export const SECTION_HEADINGS = [
  'Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Kernpunt', 'Toelichting', 'Besluit', 'Beslispunten', 'Beslispunt',
  'Informatie die niet openbaar gemaakt kan worden', 'Datum', 'Kenmerk', 'Onderwerp', 'Samenvatting', 'Advies',
  'Context', 'Achtergrond', 'Politieke context', 'Krachtenveld', 'Financiële consequenties', 'Financiële gevolgen',
  'Financiële paragraaf', 'Juridische aspecten', 'Juridische gevolgen', 'Communicatie', 'Vervolg', 'Vervolgstappen',
  'Vervolgproces', 'Afstemming', 'Uitvoering', 'Uitvoerbaarheid', 'Toezeggingen', 'Bijlage', 'Bijlagen', 'Doel',
  'Planning', 'Openbaarmaking', 'Fraudebestendigheid', 'Ter beslissing', 'Ter informatie', 'Ter advisering', 'Aan',
  'Van', 'Kopie aan',
];

const HEADING_MARK = `punctuation.definition.heading.${S}`;
const EM_BEGIN = `punctuation.definition.emphasis.begin.${S}`;
const EM_END = `punctuation.definition.emphasis.end.${S}`;
const LABEL_SEP = `punctuation.separator.label.${S}`;
const FOOTNOTE_REF = `support.constant.footnote-reference.${S}`;

/** The label itself: optional markup, the words, the numbers, optional colon, closing markup. */
function label(kind: 'question' | 'answer'): Piece {
  return cap(
    `markup.heading.${kind}.${S}`,
    opt(cap(EM_BEGIN, MD)),
    kind === 'question' ? QWORD : AWORD,
    `${WS}+`,
    numberList(NUM),
    opt(`${WS}*`, cap(LABEL_SEP, '[:.]')),
    opt(cap(EM_END, MD)),
    opt(`${WS}*`, cap(LABEL_SEP, ':')),
  );
}

/** Start of a line, with leading blanks and a markdown heading mark a converter may have added. */
const LINE_START = seq(`^${WS}*`, opt(cap(HEADING_MARK, '#{1,6}'), `${WS}*`));

/**
 * What may stand right before a label in the middle of a line (the character is part of the
 * match, so the regex starts with a definite character): a sentence end, optionally followed by a
 * glued footnote marker ("toelichten?1 Antwoord 1"), a closing bracket or quote, or a digit (page
 * footer glued to the label: "Aanhangsel 1Antwoord 3").
 */
const MID_START = `(?<=[.?!:;)\\]”"’»…](?:[0-9]{1,2})?${WS}{0,3}|[0-9]${WS}{0,3})`;

/**
 * A cheap look-ahead in front of the line union: ordinary prose lines fail it at their first
 * characters, so the (large) union is not tried on them. Keep it in sync with lineAlternatives:
 * every line those can match starts (after blanks) with one of these characters or words.
 */
const LINE_GATE_WORDS = [
  ...SECTION_HEADINGS, 'Vraag', 'Vragen', 'VRAAG', 'VRAGEN', 'Antwoord', 'ANTWOORD', 'Mededeling', 'Tweede', 'Eerste',
  'Vergaderjaar', 'Gerelateerde', 'Bijlagen', 'Onderdeel', 'Directe', 'Preview', 'Nummer',
];
const LINE_GATE_PREFIXES = [...new Set(LINE_GATE_WORDS.map((w) => w.slice(0, 3)))].sort();
const LINE_GATE = `(?=${WS}*+(?:[-_=\\f\\[#*•●▪◦‣∙·–0-9]|${LINE_GATE_PREFIXES.map(esc).join('|')}))`;

// ---------------------------------------------------------------------------------------------
// Line-anchored constructs (one union regex).


/**
 * A look-ahead at the end of a line construct. The begin/while condition checks it; #line then
 * re-tokenizes only the matched text (the line cut right after it), where it cannot hold, so there
 * it is `(?:(?=x)|$)`.
 */
const followedBy = (x: string, cut: boolean): string => (cut ? `(?:(?=${x})|$)` : `(?=${x})`);

export const lineAlternatives = (cut: boolean): Alternative[] => [
  {
    id: 'page-break',
    scope: `comment.line.page-break.${S}`,
    pattern: seq(`^${WS}*(?:-{3,}|_{3,}|={3,}|\\f+)${WS}*$`),
  },
  {
    id: 'navigation-line',
    scope: `comment.line.navigation.${S}`,
    pattern: seq(`^${WS}*\\[[^\\]\\r\\n]{1,60}\\](?:${WS}+\\[[^\\]\\r\\n]{1,60}\\])+${WS}*$`),
  },
  {
    id: 'page-header',
    scope: `comment.line.page-header.${S}`,
    pattern: alt(
      seq(`^${WS}*(?:Tweede|Eerste)${WS}+Kamer${WS}+der${WS}+Staten-Generaal`, opt(`${WS}+`, cap(`constant.numeric.page.${S}`, '[0-9]{1,4}')), `${WS}*$`),
      seq(`^${WS}*Vergaderjaar${WS}+${YEARS}(?:${WS}+Aanhangsel${WS}+van${WS}+de${WS}+Handelingen)?${WS}*$`),
      seq(`^${WS}*${esc('Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden')}${WS}*$`),
    ),
  },
  {
    id: 'header-start',
    // "Vragen van het lid ..." / "Antwoord van Minister ..." / "Mededeling van ...": the opening words.
    pattern: seq(
      `^${WS}*(?:\\*\\*|__)?`,
      alt(
        cap(`keyword.other.header.questions.${S}`, `Vragen${WS}+van${WS}+(?:het${WS}+lid|de${WS}+leden|het${WS}+Kamerlid|de${WS}+Kamerleden|lid)`),
        cap(`keyword.other.header.answer.${S}`, `(?:Antwoord|Mededeling)${WS}+(?:van|namens)`),
      ),
      '(?![A-Za-z])',
    ),
  },
  {
    id: 'footnote-line',
    // Conservative: a number at a line start is a footnote only when a URL, a document reference
    // or "Zie" follows, or when the line ends in the back-link arrow. "6 november 2023)." is not.
    scope: `meta.footnote.${S}`,
    pattern: seq(
      `^${WS}*`,
      cap(`constant.numeric.footnote.${S}`, '[0-9]{1,3}'),
      opt(cap(`punctuation.separator.footnote.${S}`, '\\.')),
      `${WS}+`,
      followedBy(`https?://|www\\.|Kamerstuk(?:ken)?${WS}+(?:I{1,2}${WS}+)?[0-9]|Aanhangsel${WS}|Handelingen${WS}+I{1,2}${WS}|Zie${WS}|[^\\r\\n]*↩`, cut),
    ),
  },
  {
    id: 'section-heading',
    pattern: seq(
      LINE_START,
      cap(
        `markup.heading.section.${S}`,
        opt(cap(EM_BEGIN, '\\*\\*|__')),
        `(?:[0-9]{1,2}(?:\\.[0-9]{1,2})?\\.?${WS}+)?`,
        `(?:${SECTION_HEADINGS.map(esc).join('|')})`,
        opt(`${WS}*`, cap(LABEL_SEP, ':')),
        opt(cap(EM_END, '\\*\\*|__')),
      ),
      `${WS}*:?${WS}*$`,
    ),
  },
  { id: 'question-label-line', scope: `meta.label.question.${S}`, pattern: seq(LINE_START, label('question')) },
  { id: 'answer-label-line', scope: `meta.label.answer.${S}`, pattern: seq(LINE_START, label('answer')) },
  {
    id: 'speaker-question-label',
    // "Vraag van de heer X (VVD):"
    scope: `meta.label.question.${S}`,
    pattern: seq(
      LINE_START,
      cap(
        `markup.heading.question.${S}`,
        opt(cap(EM_BEGIN, '\\*\\*|__')),
        `(?:Vraag|VRAAG)${WS}+van${WS}+(?:de${WS}+heer|mevrouw|het${WS}+lid|de${WS}+leden|het${WS}+Kamerlid|lid)${WS}+`,
        '[^:\\r\\n]{1,150}',
        cap(LABEL_SEP, ':'),
        opt(cap(EM_END, '\\*\\*|__')),
      ),
    ),
  },
  ...(['question', 'answer'] as const).map((kind) => ({
    id: `bare-${kind}-label`,
    // "Vraag" / "Antwoord:" alone on a line.
    pattern: seq(
      LINE_START,
      cap(
        `markup.heading.${kind}.${S}`,
        opt(cap(EM_BEGIN, MD)),
        kind === 'question' ? '(?:Vraag|VRAAG)' : '(?:Antwoord|ANTWOORD)',
        opt(`${WS}*`, cap(LABEL_SEP, ':')),
        opt(cap(EM_END, MD)),
      ),
      `${WS}*$`,
    ),
  })),
  {
    id: 'metadata-line-key',
    // Keys of a copied web page that start a line.
    pattern: seq(
      `^${WS}*`,
      cap(`variable.other.metadata-key.${S}`, `Gerelateerde${WS}+personen|Bijlagen|Onderdeel${WS}+van${WS}+zaak|Directe${WS}+link${WS}+naar${WS}+document|Preview${WS}+document`),
      '(?![A-Za-z])',
    ),
  },
  {
    id: 'metadata-number-line',
    // The metadata line of a copied tweedekamer.nl page: "Nummer: 2023D03702, datum: 2023-02-01,
    // bijgewerkt: 2024-02-19 10:56, versie: 3". Its keys are highlighted here only (see the header).
    pattern: seq(
      `^${WS}*`,
      cap(`variable.other.metadata-key.${S}`, 'Nummer'),
      cap(`punctuation.separator.key-value.${S}`, ':'),
      `${WS}*`,
      cap(`constant.other.identifier.document.${S}`, `[0-9]{4}D[0-9]{5}(?![0-9A-Za-z])`),
      opt(`,${WS}*`, cap(`variable.other.metadata-key.${S}`, 'datum'), cap(`punctuation.separator.key-value.${S}`, ':'), `${WS}*`, cap(`constant.numeric.date.${S}`, `[0-9]{4}-[0-9]{2}-[0-9]{2}`)),
      opt(
        `,${WS}*`,
        cap(`variable.other.metadata-key.${S}`, 'bijgewerkt'),
        cap(`punctuation.separator.key-value.${S}`, ':'),
        `${WS}*`,
        cap(`constant.numeric.date.${S}`, `[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?`),
      ),
      opt(`,${WS}*`, cap(`variable.other.metadata-key.${S}`, 'versie'), cap(`punctuation.separator.key-value.${S}`, ':')),
    ),
  },
  {
    id: 'bullet-line',
    pattern: seq(`^${WS}*`, cap(`keyword.operator.bullet.${S}`, `[•●▪◦‣∙·]|[-–*]${followedBy(WS, cut)}`)),
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
  { id: 'question-label-mid-line', scope: `meta.label.question.${S}`, pattern: seq(MID_START, label('question')) },
  { id: 'answer-label-mid-line', scope: `meta.label.answer.${S}`, pattern: seq(MID_START, label('answer')) },
  {
    id: 'cross-reference',
    // Running-text reference to another question: "(antwoord op) vraag 8", "de vragen 2 en 5", "bij vraag 4".
    // Only "vraag/vragen N" is scoped (see the header: the regex must start at "V/v" + literal "ra").
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
    // Only in parentheses, as a copied web page shows it: "(ah-tk-20222023-1429)" (see the header).
    pattern: seq(
      '\\(',
      cap(`constant.other.identifier.publication.${S}`, `(?:ah-tk|ah-ek|h-tk|h-ek|kst|blg|stb|stcrt|trb|kv-tk|kv-ek)-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){0,4}`),
      '(?=\\))',
    ),
  },
  { id: 'url', scope: `markup.underline.link.url.${S}`, pattern: seq(`${wordStart('https://', 'http://', 'www.')}[^\\s<>"”↩]*[^\\s<>"”↩.,;:!?)\\]’]`) },
  {
    id: 'date-month',
    scope: `constant.numeric.date.${S}`,
    pattern: seq(`${DIGIT_START}[0-9]?${WS}+(?:${MONTHS})(?:${WS}+[0-9]{4}(?![0-9]))?(?![A-Za-z])`),
  },
  {
    id: 'date-iso',
    scope: `constant.numeric.date.${S}`,
    pattern: seq(`${DIGIT_START}[0-9]{3}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?(?![0-9])`),
  },
  {
    id: 'date-dmy',
    scope: `constant.numeric.date.${S}`,
    pattern: seq(`${DIGIT_START}[0-9]?-[0-9]{1,2}-[0-9]{4}(?![0-9])`),
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
      cap(`entity.name.type.party.${S}`, PARTIES.map(esc).join('|')),
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
  readonly alts: readonly Alternative[];
}
export const inlineGroups: Readonly<Record<string, InlineGroup>> = {
  labels: { first: '[VAM*_]', alts: ['header-start-mid-line', 'question-label-mid-line', 'answer-label-mid-line'].map(byId) },
  'document-references': { first: '[AKH]', alts: ['document-reference'].map(byId) },
  digits: { first: '[0-9]', alts: ['document-number', 'zaak-number', 'date-month', 'date-iso', 'date-dmy', 'footnote-mid-line', 'footnote-reference'].map(byId) },
  brackets: { first: '[(↩]', alts: ['submitted', 'party', 'publication-id', 'footnote-backlink'].map(byId) },
  'cross-references': { first: '[Vv]', alts: ['cross-reference'].map(byId) },
  urls: { first: '[hw]', alts: ['url'].map(byId) },
};
/**
 * The inline rules: the groups in one list are one regex (each group a branch led by its
 * look-ahead). cross-references and urls stay alone: alone, Oniguruma searches them by their
 * literal ("ra", "http"/"www."); inside a union that is lost.
 */
const INLINE_RULES: readonly (readonly string[])[] = [['labels', 'document-references', 'digits', 'brackets'], ['cross-references'], ['urls']];
{
  const used = new Set(Object.values(inlineGroups).flatMap((g) => g.alts));
  const unused = inlineAlternatives.filter((x) => !used.has(x));
  if (unused.length > 0) throw new Error(`inline alternatives in no group: ${unused.map((x) => x.id).join(', ')}`);
}

/** A regex without capturing groups (every "(" that does not start a special group becomes "(?:"). */
const withoutCaptures = (re: string): string => re.replace(/(?<!\\)\((?![?*])/g, '(?:');

type MatchRule = { comment: string; match: string; captures: Record<string, unknown> };

export function buildGrammar(): Record<string, unknown> {
  // The line union twice: as the begin/while condition (look-aheads whole, no capturing groups), and
  // as #line, which re-tokenizes the text the condition matched (look-aheads cut, with captures).
  const condition = union('', lineAlternatives(false), true) as MatchRule;
  const line = union('Line-anchored constructs, re-tokenizing what the begin/while condition of #document matched.', lineAlternatives(true), true) as MatchRule;
  const lineCondition = `^(?:${LINE_GATE}(${withoutCaptures(condition.match.slice(1))}))?`;
  const lineCaptures = { '1': { patterns: [{ include: '#line' }] } };
  const inline = INLINE_RULES.map((ids): [string, MatchRule] => {
    const u = union(`Inline: ${ids.join(', ')}.`, ids.flatMap((id) => inlineGroups[id].alts)) as MatchRule;
    // The same alternatives in the same order (so the same capture numbers), each group behind its look-ahead.
    const branches = ids.map((id) => `(?=${inlineGroups[id].first})(?:${(union('', inlineGroups[id].alts) as MatchRule).match})`);
    return [ids.join('-and-'), { comment: u.comment, match: branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`, captures: u.captures }];
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Kamerstuk',
    scopeName: 'text.kamerstuk',
    comment:
      'GENERATED by test/grammar/build-grammar.ts: edit that file and run `npx tsx test/grammar/build-grammar.ts`. ' +
      'Dutch parliamentary documents (Kamervragen, beslisnota, copied web pages) as plain text.',
    patterns: [{ include: '#document' }],
    repository: {
      document: {
        comment:
          'The whole document: a begin/while rule whose while condition holds on every line. It is tried once per line, at its start; ' +
          'when a line construct is there, its (single) capture is re-tokenized with #line.',
        begin: lineCondition,
        beginCaptures: lineCaptures,
        while: lineCondition,
        whileCaptures: lineCaptures,
        patterns: inline.map(([id]) => ({ include: `#${id}` })),
      },
      line,
      ...Object.fromEntries(inline),
    },
  };
}

export const grammarPath = join(__dirname, '..', '..', 'syntaxes', 'kamerstuk.tmLanguage.json');

export function grammarJson(): string {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(grammarPath, grammarJson());
  console.log(`wrote ${grammarPath}`);
}
