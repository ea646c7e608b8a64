import type { DocRef, DocRefFields, DocRefKind } from './model';
import { cleanText, isDigitCode, isLetterOrDigitCode } from './text';

/** "2023–2024", "2023-2024", "2023/24", "2023 - 2024" → "20232024". */
export function normaliseVergaderjaar(a: string, b: string): string | undefined {
  const y1 = +a;
  let y2 = +b;
  if (b.length === 2) {
    y2 += y1 - (y1 % 100);
    if (y2 < y1) y2 += 100; // 1999/00
  }
  return y2 === y1 + 1 ? `${y1}${y2}` : undefined;
}

/**
 * A word broken at a syllable, as extraction leaves it: a hyphen ("Handelin-gen"), possibly at a
 * line end ("verga-\nderjaar"), or a soft hyphen from a web page. Between the syllables of a word.
 */
const BREAK = '(?:\\u00AD|[-\\u2010\\u2011][ \\t\\u00A0]*(?:\\r?\\n[ \\t\\u00A0]*)?)?';
const broken = (...syllables: string[]): string => syllables.join(BREAK);
const HANDELINGEN = broken('Han', 'de', 'lin', 'gen');
const VERGADERJAAR = broken('ver', 'ga', 'der', 'jaar');

/** "2023–2024", "2023/24", "2022/-23", "2022-’23", "2023 - 2024". */
const YEARS = '(\\d{4})\\s*[–—\\-\\u2010\\u2011/](?:\\s*[–—\\-\\u2010\\u2011/\'’‘])?\\s*(\\d{4}|\\d{2})(?!\\d)';
const NR_WORD = '(?:nr\\.?|nummer|no\\.)\\s*';
const NR = `${NR_WORD}(\\d{1,5})(?!\\d)`;
const CHAMBER = '(?:\\s+(I{1,2})(?![A-Za-z]))?';

const AANHANGSEL_WORDS = `Aanhangsels?\\s+(?:van\\s+de\\s+)?${HANDELINGEN}`;
const AANHANGSEL = new RegExp(`${AANHANGSEL_WORDS}${CHAMBER}\\s*,?\\s*(?:${VERGADERJAAR}\\s*)?${YEARS}\\s*,?\\s*${NR}`, 'y');
/** "Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045": the year before the word. */
const AANHANGSEL_NO_YEAR = new RegExp(`${AANHANGSEL_WORDS}\\s*,?\\s*${NR}`, 'y');
/** What precedes such an Aanhangsel, read in the few characters before it. */
const HANDELINGEN_BEFORE = new RegExp(`${HANDELINGEN}${CHAMBER}\\s*,?\\s*(?:${VERGADERJAAR}\\s*)?${YEARS}\\s*,?\\s*$`);
/** How far back HANDELINGEN_BEFORE is looked for. */
const BEFORE_WINDOW = 90;

/** "28 828", "21 501-02" (a dossier with a sub-number), "36 200 VII" or "36600-VII" (a part): without captures. */
const DOSSIER_REST = '\\d{2}[ \\u00A0]?\\d{3}(?:[-\\u2010\\u2011–]\\d{2}(?!\\d))?(?:(?:[ \\u00A0]+|-)(?:[IVXLC]{1,6}[A-Z]?|[A-Z])(?![A-Za-z]))?';

// Kamerstuk 28 828, nr. 70 | Kamerstukken II 2019/20, 29 984, nr. 899 | Kamerstuk 36 200 VII, nr. 5 | Kamerstuk 31865-207
// | Kamerstuk 21 501-02 nr. 2733 | Kamerstukken II , 2023/24, 28 828, nr. 137 | Kamerstuk 29 629, 32 761, nr. 1156
// | Kamerstukken I 2017/18, 21 501-31, nr. A (the Eerste Kamer numbers its documents with letters).
// The number belongs to the first of several dossiers.
const KAMERSTUK = new RegExp(
  `Kamerstuk(?:${BREAK}ken)?${CHAMBER}(?:\\s*,?\\s*${YEARS})?\\s*,?\\s*`
  + '(?<dossier>\\d{2}[ \\u00A0]?\\d{3})(?:[-\\u2010\\u2011–](?<sub>\\d{2})(?!\\d))?(?:(?:[ \\u00A0]+|-)(?<part>[IVXLC]{1,6}[A-Z]?|[A-Z])(?![A-Za-z]))?'
  + `(?:(?:\\s*,\\s*|\\s+en\\s+|\\s*\\/\\s*)${DOSSIER_REST})*`
  + `(?:\\s*,?\\s*${NR_WORD}(?:(?<nr>\\d{1,5})(?!\\d)|(?<letter>[A-Z]{1,2})(?![A-Za-z\\d\\u00C0-\\u024F]))|-(?<dashed>\\d{1,5})(?!\\d)|\\s*,\\s*(?<ekLetter>[A-Z]{1,2})(?![A-Za-z\\d\\u00C0-\\u024F]))`,
  'y',
);

/** Document numbers "2023D03702" and zaak numbers "2023Z00142". */
const TK_NUMBER = /(?:19|20)\d\d([DZ])\d{5}(?!\d)/y;
/** Official identifiers: "ah-tk-20222023-1429", "h-tk-20222023-45-6" (the "a" is checked by hand). */
const HANDELINGEN_ID = /h-[te]k-\d{8}-\d{1,5}(?:-\d{1,4})*(?![0-9A-Za-z\u00C0-\u024F])/y;
/** "kst-28828-70", "blg-123456", "stcrt-2023-123", "stb-2023-45". */
const OTHER_ID = /(?:kst-\d{4,6}(?:-[A-Z0-9]{1,6}){1,3}|blg-\d{3,8}|stcrt-\d{4}-\d{1,6}|stb-\d{4}-\d{1,6})(?![0-9A-Za-z\u00C0-\u024F])/y;
const URL = /(?:https?:\/\/|www\.)[^\s<>"'«»\]]+/y;

/**
 * Where a reference of some kind may be: a rare part of each pattern above ("://" of a URL,
 * "2023D" of a document number). One scan for these kinds, each pattern then tried (sticky) only
 * at the start this implies: a full-text scan costs about as much as reading the text, and there
 * were six. The identifiers' hyphen ("-" before "tk-", "ek-" or a digit) is not in it: the regex
 * engine is slow to find a common character ("-" took 40% of this scan), `indexOf` is many times
 * faster. Only the hyphen finds those kinds, and each kind is read in text order by itself, so
 * the hyphens get a loop of their own after the rest.
 */
const CANDIDATE = /Aanhangsel|Kamerstuk|:\/\/|www\.|(?:19|20)\d\d[DZ]/g;

/** The kinds in the order they win at the same start; at most one can start at a candidate, except nothing. */
const enum Kind { Url, Aanhangsel, Kamerstuk, HandelingenId, OtherId, TkNumber, Count }

interface Found { kind: DocRefKind; start: number; end: number; fields: DocRefFields; order: Kind; text: string }

/** The length of a CANDIDATE match, from its last character. */
function candidateLength(last: number): number {
  switch (last) {
    case 108 /* l: Aanhangsel */: return 10;
    case 107 /* k: Kamerstuk */: return 9;
    case 47 /* /: :// */: return 3;
    case 46 /* .: www. */: return 4;
    default: return 5; // 2023D, 2023Z
  }
}

/** Finds references to other documents. Spans may not overlap: earlier, more specific kinds win. */
export function findDocRefs(text: string): DocRef[] {
  const scan = new DocRefScan(text);
  scan.candidates();
  scan.identifiers();
  return withoutOverlaps(scan.found);
}

/** One scan of a text: every match of each kind, in text order within the kind. */
class DocRefScan {
  readonly found: Found[] = [];
  /**
   * Per kind, where its previous match ended: each kind's matches do not overlap each other, as
   * when each pattern scanned the text by itself.
   */
  private readonly lastEnd: number[] = new Array<number>(Kind.Count).fill(0);

  constructor(private readonly text: string) {}

  /** The kinds CANDIDATE finds: Aanhangsel, Kamerstuk, URLs, document and zaak numbers. */
  candidates(): void {
    const text = this.text;
    CANDIDATE.lastIndex = 0;
    // `test`, not `exec`: no match object per candidate; the start follows from the last character.
    while (CANDIDATE.test(text)) {
      const q = CANDIDATE.lastIndex - candidateLength(text.charCodeAt(CANDIDATE.lastIndex - 1));
      // Candidates cannot overlap each other (no part is inside another), but a reference can
      // contain a candidate (a URL with "2023D03702" in it): each kind is tried on its own. The
      // starts derived below grow with `q` within each kind, as `tryAt` needs.
      CANDIDATE.lastIndex = q + 1;
      const first = text.charCodeAt(q);
      if (first === 65 /* A */) this.aanhangsel(q);
      else if (first === 75 /* K */) this.kamerstuk(q);
      else if (first === 58 /* : of "://" */) {
        if (text.startsWith('https', q - 5)) this.url(q - 5);
        else if (text.startsWith('http', q - 4)) this.url(q - 4);
      } else if (first === 119 /* w */) this.url(q);
      else this.tkNumber(q);
    }
  }

  /** The identifiers, found by their hyphen: "h-tk-", "kst-", "blg-", "stb-", "stcrt-". */
  identifiers(): void {
    const text = this.text;
    for (let q = text.indexOf('-'); q !== -1; q = text.indexOf('-', q + 1)) {
      const next = text.charCodeAt(q + 1);
      if (!(next >= 48 && next <= 57) && !((next === 116 /* t */ || next === 101 /* e */) && text.startsWith('k-', q + 2))) continue;
      // "h-tk-", "kst-", "blg-", "stb-", "stcrt-": the hyphen after the prefix.
      if (text.charCodeAt(q - 1) === 104 /* h */) this.handelingenId(q - 1);
      else if (text.startsWith('stcrt', q - 5)) this.otherId(q - 5);
      else if (text.startsWith('kst', q - 3) || text.startsWith('blg', q - 3) || text.startsWith('stb', q - 3)) this.otherId(q - 3);
    }
  }

  /**
   * One place creates the records, so they all share one shape. Their text is read here, while the
   * scan has this part of the text at hand (in the processor's cache), not again at the end.
   */
  private add(kind: DocRefKind, order: Kind, start: number, end: number, fields: DocRefFields): void {
    // URLs, identifiers and numbers contain no whitespace: their text is the slice as is.
    const raw = kind === 'aanhangsel' || kind === 'kamerstuk' ? cleanText(this.text.slice(start, end)) : this.text.slice(start, end);
    this.found.push({ kind, start, end, fields, order, text: raw });
  }

  /** `re` (sticky) at `p`, unless the kind's previous match ends after `p`. */
  private tryAt(re: RegExp, kind: Kind, p: number): RegExpExecArray | null {
    if (p < this.lastEnd[kind]) return null;
    re.lastIndex = p;
    const m = re.exec(this.text);
    if (m) this.lastEnd[kind] = p + m[0].length;
    return m;
  }

  private aanhangsel(q: number): void {
    const m = this.tryAt(AANHANGSEL, Kind.Aanhangsel, q);
    const vj = m ? normaliseVergaderjaar(m[2], m[3]) : undefined;
    if (m && vj) this.add('aanhangsel', Kind.Aanhangsel, q, q + m[0].length, { chamber: m[1] === 'I' ? 'ek' : 'tk', vergaderjaar: vj, number: m[4] });
    else if (!m) this.aanhangselAfterYear(q);
  }

  /**
   * "Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045": the vergaderjaar is read
   * before the word the scan found, and the reference starts there.
   */
  private aanhangselAfterYear(q: number): void {
    const text = this.text;
    AANHANGSEL_NO_YEAR.lastIndex = q;
    const m = AANHANGSEL_NO_YEAR.exec(text);
    if (!m) return;
    const from = Math.max(this.lastEnd[Kind.Aanhangsel], q - BEFORE_WINDOW);
    const back = HANDELINGEN_BEFORE.exec(text.slice(from, q));
    const vj = back ? normaliseVergaderjaar(back[2], back[3]) : undefined;
    if (!back || !vj) return;
    const start = from + back.index;
    if (start > 0 && isLetterOrDigitCode(text.charCodeAt(start - 1))) return;
    this.lastEnd[Kind.Aanhangsel] = q + m[0].length;
    this.add('aanhangsel', Kind.Aanhangsel, start, q + m[0].length, { chamber: back[1] === 'I' ? 'ek' : 'tk', vergaderjaar: vj, number: m[1] });
  }

  private kamerstuk(q: number): void {
    const m = this.tryAt(KAMERSTUK, Kind.Kamerstuk, q);
    const g = m?.groups;
    // Letters without "nr." only where the Eerste Kamer is named: "Kamerstukken I 2023/24, 36 200, A".
    if (!m || !g || (g.ekLetter !== undefined && m[1] !== 'I')) return;
    const fields: { -readonly [K in keyof DocRefFields]: DocRefFields[K] } = {
      chamber: m[1] === 'I' ? 'ek' : 'tk',
      dossier: g.dossier.replace(/[ \u00A0]/g, '') + (g.sub ? `-${g.sub}` : ''),
      number: g.nr ?? g.letter ?? g.dashed ?? g.ekLetter,
    };
    if (m[2] && m[3]) fields.vergaderjaar = normaliseVergaderjaar(m[2], m[3]);
    if (g.part) fields.part = g.part;
    this.add('kamerstuk', Kind.Kamerstuk, q, q + m[0].length, fields);
  }

  private url(p: number): void {
    const text = this.text;
    const m = this.tryAt(URL, Kind.Url, p);
    if (!m || (p > 0 && isLetterOrDigitCode(text.charCodeAt(p - 1)) && !afterFootnoteMarker(text, p))) return;
    // Trailing punctuation and the footnote back-link arrow are not part of a URL.
    const written = m[0].replace(/(?:↩|\uFE0E|\uFE0F)+$/u, '').replace(/[.,;:!?)]+$/, '');
    if (written.endsWith('(') || written.length < 8) return;
    this.add('url', Kind.Url, p, p + written.length, { value: written.startsWith('www.') ? `https://${written}` : written });
  }

  /** Document numbers "2023D03702" and zaak numbers "2023Z00142". */
  private tkNumber(q: number): void {
    const text = this.text;
    const m = this.tryAt(TK_NUMBER, Kind.TkNumber, q);
    if (m && !(q > 0 && isLetterOrDigitCode(text.charCodeAt(q - 1)) && !afterFootnoteMarker(text, q))) {
      this.add(m[1] === 'D' ? 'documentNumber' : 'zaakNumber', Kind.TkNumber, q, q + m[0].length, { value: m[0] });
    }
  }

  /** "h-tk-20222023-45" at `p` (its "h"), with the "a" of "ah-" before it when there is one. */
  private handelingenId(p: number): void {
    const text = this.text;
    const m = this.tryAt(HANDELINGEN_ID, Kind.HandelingenId, p);
    if (!m) return;
    const start = p > 0 && text.charCodeAt(p - 1) === 97 /* a */ ? p - 1 : p;
    if (notAfterWord(text, start)) this.add('identifier', Kind.HandelingenId, start, p + m[0].length, { value: text.slice(start, p + m[0].length) });
  }

  private otherId(p: number): void {
    const m = this.tryAt(OTHER_ID, Kind.OtherId, p);
    if (m && notAfterWord(this.text, p)) this.add('identifier', Kind.OtherId, p, p + m[0].length, { value: m[0] });
  }
}

/**
 * Keeps the earliest of overlapping matches; at the same start, the kind listed first in `Kind`.
 * `found` is in text order within each kind (the identifiers after the rest).
 */
function withoutOverlaps(found: Found[]): DocRef[] {
  found.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: DocRef[] = [];
  let lastStart = -1;
  for (const f of found) {
    if (f.start < lastStart) continue;
    lastStart = f.end;
    out.push({ kind: f.kind, span: { start: f.start, end: f.end }, text: f.text, fields: f.fields });
  }
  return out;
}

/**
 * Whether the one or two digits before `q` are a footnote's marker at the start of its line, glued
 * to its text as PDF extraction leaves a superscript: "32024D27196" is footnote 3, "2024D27196".
 */
function afterFootnoteMarker(text: string, q: number): boolean {
  let s = q;
  while (s > 0 && q - s < 2 && isDigitCode(text.charCodeAt(s - 1))) s--;
  if (s === q || (s > 0 && isDigitCode(text.charCodeAt(s - 1)))) return false;
  let k = s - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0xa0)) k--;
  return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13;
}

function notAfterWord(text: string, i: number): boolean {
  return i === 0 || !/[\p{L}\d-]/u.test(text[i - 1]);
}
