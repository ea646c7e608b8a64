import type { DocumentKind } from './model';
import { matchLines } from './text';
import { SECTION_HEADINGS, type SectionHeading } from './vocabulary';

/** How much of a text is looked at to decide what it is. Keeps detection O(1) on huge files. */
const CLASSIFY_SAMPLE = 200_000;

/** Headings that only a beslisnota has: two of these (or one plus another heading) make one. */
const BESLISNOTA_MARKERS: ReadonlySet<string> = new Set<SectionHeading>(['Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Beslispunten', 'Beslispunt']);

/**
 * The first word of each marker, as SECTION_HEADING matches it (case-sensitive), less those that
 * hold another ("Beslispunten" holds "Beslispunt"): a text has one of the words when it has one of
 * these, and each is a search of the whole text.
 */
const BESLISNOTA_WORDS = [...new Set([...BESLISNOTA_MARKERS].map((m) => m.split(' ')[0]))]
  .filter((w, _, all) => !all.some((o) => o !== w && w.includes(o)));

/** Blanks inside a heading line. */
const B = '[ \\t\\u00A0\\u202F]';
/** Bold or italic markup around a heading. */
const EMPHASIS = '(?:\\*\\*|__|\\*|_)';

/**
 * A section heading line: the heading alone on its line, after blanks, a Markdown "#" and bold or
 * italic markup, optionally numbered ("2. Toelichting", "2.1 Toelichting"), optionally followed by a
 * colon and the closing markup. Group 1 is the heading as written (with its number), group 2 the
 * heading word. The grammar colours exactly these lines (test/grammar/agreement.test.ts).
 */
export const SECTION_HEADING = new RegExp(
  `^[ \\t\\u00A0\\u202F\\uFEFF]*(?:#{1,6}${B}*)?${EMPHASIS}?` +
    `((?:\\d{1,2}(?:\\.\\d{1,2})?\\.?${B}+)?(${SECTION_HEADINGS.map((h) => h.replace(/ /g, `${B}+`)).join('|')}))` +
    `(?:${B}*:)?${EMPHASIS}?${B}*:?${B}*\\r?$`,
  'gmu',
);

const NAV_LINE = /^[ \t]*\[[^\]\n]{2,40}\][ \t]*\[/m;
const WEB_METADATA = /Nummer:\s*(?:19|20)\d{2}D\d{5}|Onderdeel van zaak\s+(?:19|20)\d{2}Z\d{5}|officiële HTML versie/u;
const QUESTION_LABEL = /(?:^|[\s.?!:;)\d*#_])(?:Vraag|Vragen|VRAAG)[ \t\u00A0]*\d/mu;
const ANSWER_LABEL = /(?:^|[\s.?!:;)\d*#_])(?:Antwoord(?:en)?|ANTWOORD)(?:[ \t\u00A0]+op)?(?:[ \t\u00A0]+(?:de[ \t\u00A0]+)?vra(?:ag|gen))?[ \t\u00A0]*(?:\d|:|\r?\n)/mu;
const QUESTIONS_HEADER = /Vragen\s+van\s+(?:het\s+lid|de\s+leden|de\s+heer|mevrouw|het\s+Kamerlid)\s/u;
const ANSWER_HEADER = /Antwoord\s+van\s+(?:de\s+)?(?:Minister|Staatssecretaris|minister|staatssecretaris)|\(ontvangen\s/u;
/** "Vraag van de heer X (VVD):"; in older Aanhangsels "Vraag van de g.a. de heer X (VVD)", without the colon. */
const QUESTION_BY = /^[ \t\u00A0#*_]*(?:Vra(?:ag|gen)\s+van\s+[^\n:]{2,120}:|Vraag\s+van\s+[^\n:]{2,120}\)\.?)[ \t*_]*\r?$/mu;
/**
 * The words of a postponement letter (uitstelbericht), also as a web page copies it ("Mededeling
 * (uitstel antwoord)", "Uitstel beantwoording vragen ...", "niet binnen de termijn van drie weken").
 */
const POSTPONEMENT = new RegExp([
  'niet\\s+binnen\\s+de\\s+(?:(?:gebruikelijke|gestelde|voorgeschreven|reguliere|daarvoor\\s+(?:gestelde|staande|geldende))\\s+)?termijn',
  'niet\\s+binnen\\s+drie\\s+weken',
  'uitstel(?:bericht|brief)',
  'Mededeling\\s+(?:van\\s+(?:de\\s+)?(?:Minister|Staatssecretaris)|\\(uitstel\\s+antwoord\\))',
  'uitstel\\s+(?:van\\s+(?:de\\s+)?)?beantwoording',
].join('|'), 'iu');
const QUESTION_LIST = /(?:Lijst|lijst|LIJST)\s+(?:van|VAN)\s+(?:vragen|VRAGEN)(?:\s+(?:en|EN)\s+(?:antwoorden|ANTWOORDEN))?|(?:Feitelijke|feitelijke)\s+vragen|(?:vastgestelde|Vastgestelde)\s+lijst/u;
const NUMBERED_QUESTION = /^[ \t\u00A0]*\d{1,3}[.)]?[ \t\u00A0]+[^\n]{0,400}\?/gmu;
/** A question number alone on its line ("1"), the question on the next line or two. */
const BARE_NUMBERED_QUESTION = /^[ \t\u00A0]*(\d{1,3})[ \t\u00A0]*\r?\n(?:[ \t\u00A0]*\p{L}[^\n]{0,400}\n){0,2}?[ \t\u00A0]*\p{L}[^\n]{0,400}\?/gmu;

/**
 * Whether questions numbered alone on their line run 1, 2, 3, …: page numbers and other numbers
 * alone on a line, each followed by a question, do not make a list unless they count up from 1.
 */
function hasBareNumberedQuestions(sample: string): boolean {
  let expect = 1;
  BARE_NUMBERED_QUESTION.lastIndex = 0;
  for (let m = BARE_NUMBERED_QUESTION.exec(sample); m; m = BARE_NUMBERED_QUESTION.exec(sample)) {
    if (+m[1] === expect && ++expect > 3) return true;
  }
  return false;
}

/** The last text `looksBinary` and `classify` answered for, and their answers: a document is often asked about several times in a row (read, classified, parsed). */
let binaryText: string | undefined;
let binaryAnswer = false;
let classifiedText: string | undefined;
let classifiedKind: DocumentKind = 'unknown';

/** How much of a text `looksBinary` looks at. */
const BINARY_SAMPLE = 8192;
/** What `looksBinary` counts: NUL and the control characters other than tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/** Whether the text looks binary: NUL characters or many control characters near the start. */
export function looksBinary(text: string): boolean {
  if (text === binaryText) return binaryAnswer;
  const n = Math.min(text.length, BINARY_SAMPLE);
  let control = 0;
  let answer = false;
  // Most texts have no control character at all: the regex engine says so in half the time of the
  // loop below, which counts them.
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  for (let i = CONTROL_CHARACTER.test(sample) ? 0 : n; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 || c === 10 || c === 13 || c === 9 || c === 12) continue;
    if (c === 0) {
      answer = true;
      break;
    }
    control++;
  }
  if (!answer) answer = control > n / 100 + 4;
  binaryText = text;
  binaryAnswer = answer;
  return answer;
}

function countBeslisnotaHeadings(sample: string): { markers: number; all: number } {
  const seen = new Set<string>();
  // A heading is one line from its start: the matches at line starts are all matches, found faster.
  for (const m of matchLines(sample, SECTION_HEADING)) seen.add(m[2].replace(/[ \t\u00A0\u202F]+/gu, ' '));
  let markers = 0;
  for (const h of seen) if (BESLISNOTA_MARKERS.has(h)) markers++;
  return { markers, all: seen.size };
}

/**
 * Decides what kind of parliamentary text this is, from the first {@link CLASSIFY_SAMPLE}
 * characters. `unknown` means: not a parliamentary text (leave it plain text).
 */
export function classify(text: string): DocumentKind {
  if (text === classifiedText) return classifiedKind;
  const kind = classifyText(text);
  classifiedText = text;
  classifiedKind = kind;
  return kind;
}

function classifyText(text: string): DocumentKind {
  if (text.length === 0 || looksBinary(text)) return 'unknown';
  const sample = text.length > CLASSIFY_SAMPLE ? text.slice(0, CLASSIFY_SAMPLE) : text;
  const hasQuestionLabel = QUESTION_LABEL.test(sample);
  const hasHeader = QUESTIONS_HEADER.test(sample);

  // The fixed words first: most texts have no navigation line and no page metadata.
  // ("HTML versie" for "officiële HTML versie": `includes` is slow to find a word that starts with a common letter.)
  const webMetadata = (sample.includes('Nummer:') || sample.includes('Onderdeel van zaak') || sample.includes('HTML versie'))
    && WEB_METADATA.test(sample);
  if (webMetadata || (sample.includes('[') && NAV_LINE.test(sample) && (hasQuestionLabel || hasHeader))) {
    // A copied page that holds a postponement letter is one.
    return !hasQuestionLabel && POSTPONEMENT.test(sample) ? 'postponement' : 'webpage';
  }
  // Without a marker's word no heading line can be a marker: the count then cannot make a beslisnota.
  const h = BESLISNOTA_WORDS.some((w) => sample.includes(w)) ? countBeslisnotaHeadings(sample) : { markers: 0, all: 0 };
  if (h.markers >= 2 || (h.markers >= 1 && h.all >= 3)) return 'beslisnota';
  if (QUESTION_LIST.test(sample.slice(0, 3000))) return 'questionList';
  if (hasQuestionLabel && hasHeader) return 'questions';
  // Looked for only here: the questions (with their header) have no answer label, and the regex
  // engine then scans the whole sample.
  const hasAnswerLabel = ANSWER_LABEL.test(sample);
  if (hasQuestionLabel && hasAnswerLabel) return 'questions';
  if (POSTPONEMENT.test(sample) && (hasHeader || /\bvragen\b/iu.test(sample))) return 'postponement';
  if (hasHeader || (hasAnswerLabel && (ANSWER_HEADER.test(sample) || QUESTION_BY.test(sample)))) return 'questions';
  const numbered = sample.match(NUMBERED_QUESTION);
  if (hasAnswerLabel && ((numbered && numbered.length >= 3) || hasBareNumberedQuestions(sample))) return 'questionList';
  return 'unknown';
}

/** Whether a `.txt` should open as a parliamentary text. */
export function isParliamentaryText(text: string): boolean {
  return classify(text) !== 'unknown';
}
