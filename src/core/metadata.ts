import type { DateValue, DocRef, Header, Metadata, Span } from './model';
import { cleanText, lineEndOf, nextBlankLine, toIsoDate, trimEnd } from './text';

/** Sticky: tried where its first word is (see `firstMatch`). */
const QUESTIONS_HEADER = /Vragen\s+van\s+(?:het\s+lid|de\s+leden|de\s+heer|mevrouw|het\s+Kamerlid)\s/uy;
/** Sticky: tried where its first word is (see `firstMatch`). */
const ANSWER_HEADER = /Antwoord\s+van\s+(?:de\s+)?(?:Minister|Staatssecretaris|minister|staatssecretaris|Vice-?[Mm]inister)/uy;
const INGEZONDEN = /\(\s*ingezonden\s+([^)\n]{1,40}?)\s*\)\s*\.?/u;
const ONTVANGEN = /\(\s*ontvangen\s+([^)]{1,40}?)\s*\)\s*\.?/u;
const DOCUMENT_NUMBER = /Nummer:\s*((?:19|20)\d{2}D\d{5})/u;
/** Global for its `lastIndex` (see `zaakNumberIn`); `\b` still sees the character before where the search starts. */
const ZAAK_NUMBER = /\bzaak\s+((?:19|20)\d{2}Z\d{5})/giu;
/** What ZAAK_NUMBER needs: "zaak" in any case (`i` without `u` does not fold the Kelvin sign to "k", as `iu` does: that is looked for apart). */
const MAY_BE_ZAAK = /zaak/i;
const AH_ID = /\bah-(?:tk|ek)-(\d{4})(\d{4})-(\d{1,5})\b/u;
const VERGADERJAAR = /Vergaderjaar\s*(\d{4}\s*[-–]\s*\d{4})/u;
const AANHANGSEL_LINE = /Aanhangsel van de Handelingen[^\n]{0,200}\n(?:[^\n]{0,200}\n){0,4}?[ \t]*(\d{1,5})[ \t\r]*\n/u;
/** The questions' header sentence, cleaned: the askers, to whom (group 2), about what (group 3). */
const QUESTIONS_SENTENCE = /^Vragen van (?:het lid|de leden|de heer|mevrouw|het Kamerlid) (.+?)(?: aan (.+?))?(?: over (.+?))?\s*(?:\(ingezonden [^)]*\)\s*\.?)?$/u;
/** "Eerdmans (JA21)" in the askers. Global for its `lastIndex`. */
const ASKER_PARTY = /([^,()]+?)\s*\(([^)]+)\)/gu;
/** The answer's header sentence, cleaned: who answers. */
const ANSWER_SENTENCE = /^Antwoord van (.+?)(?:,\s*mede namens .+?)?\s*\(ontvangen/u;
/** "en " or ", " before a name in a list of askers. */
const LEADING_AND = /^(?:en|,)\s+/u;
/** A navigation line of a copied web page ("[Home] [Kamerstukken]"). */
const NAVIGATION = /^\s*\[[^\]\n]+\]/u;
/** How far a header may reach: headers are a few lines, not pages. */
const HEADER_MAX = 3000;

/**
 * The first match of the sticky `re`, every match of which starts with `word`, if it starts before
 * `limit`: tried at each `word` before `limit`, found by `indexOf`. A scan of the text by the regex
 * engine went on to the end when there was no header (no answer's in the questions), at about
 * twice the cost of `indexOf`, and past the first label, where no match counts.
 */
function firstMatch(re: RegExp, word: string, text: string, limit: number): RegExpExecArray | undefined {
  for (let i = text.indexOf(word); i !== -1 && i < limit; i = text.indexOf(word, i + 1)) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m;
  }
  return undefined;
}

/**
 * Finds the header sentences before the first label: "Vragen van het lid ... (ingezonden ...)."
 * and "Antwoord van ... (ontvangen ...).", each possibly hard-wrapped over several lines.
 */
export function findHeaders(text: string, firstLabel: number): Header[] {
  const headers: Header[] = [];
  const q = firstMatch(QUESTIONS_HEADER, 'Vragen', text, Math.min(firstLabel, text.length));
  if (q) {
    const window = text.slice(q.index, Math.min(q.index + HEADER_MAX, firstLabel));
    const ing = INGEZONDEN.exec(window);
    let end: number;
    if (ing) {
      end = q.index + ing.index + ing[0].length;
    } else {
      const blank = nextBlankLine(text, q.index, firstLabel);
      end = blank === -1 ? Math.min(lineEndOf(text, q.index), firstLabel) : blank;
    }
    headers.push({ kind: 'questions', span: { start: q.index, end: trimEnd(text, q.index, end) } });
  }
  const a = firstMatch(ANSWER_HEADER, 'Antwoord', text, Math.min(firstLabel, text.length));
  if (a && !(q && a.index < headers[0].span.end)) {
    const blank = nextBlankLine(text, a.index, firstLabel);
    let end = blank === -1 ? Math.min(firstLabel, a.index + HEADER_MAX) : blank;
    if (blank === -1) {
      // One-line documents: the header ends with its "(ontvangen ...)." when no blank line follows.
      const ont = ONTVANGEN.exec(text.slice(a.index, end));
      if (ont && end === firstLabel && firstLabel - a.index > 400) end = a.index + ont.index + ont[0].length;
    }
    headers.push({ kind: 'answer', span: { start: a.index, end: trimEnd(text, a.index, end) } });
  }
  // At most two: in order by hand (`sort` copies the array first).
  if (headers.length === 2 && headers[1].span.start < headers[0].span.start) headers.reverse();
  return headers;
}

function dateIn(text: string, span: Span, re: RegExp): DateValue | undefined {
  const slice = text.slice(span.start, span.end);
  const m = re.exec(slice);
  if (!m) return undefined;
  const start = span.start + m.index + m[0].indexOf(m[1]);
  const raw = m[1];
  return { text: cleanText(raw), iso: toIsoDate(raw), span: { start, end: start + raw.length } };
}

/** ZAAK_NUMBER's first match in `head`: searched from the first "zaak" in any case on (none can start before). */
function zaakNumberIn(head: string): string | undefined {
  const kelvin = head.includes('\u212A');
  const at = kelvin ? 0 : head.search(MAY_BE_ZAAK);
  if (at === -1) return undefined;
  ZAAK_NUMBER.lastIndex = at;
  return ZAAK_NUMBER.exec(head)?.[1];
}

/** A line break or a byte order mark: where cleaning may join or drop characters. */
const LINE_BREAK_OR_BOM = /[\r\n\uFEFF]/;

/**
 * The answer's header as far as ANSWER_SENTENCE reads it: up to its first "(ontvangen", when the
 * header has no line break or byte order mark before it (the text cleaned then starts as the whole
 * header cleaned does); else all of it. An answer's header runs to the first blank line, often
 * lines past the sentence ("Zie ook …"): cleaning all of it took ~5 ms of a run over 10,000
 * documents (profile).
 */
function answerSentence(text: string, span: Span): string {
  const header = text.slice(span.start, span.end);
  const received = header.indexOf('(ontvangen');
  if (received === -1 || LINE_BREAK_OR_BOM.test(header.slice(0, received))) return header;
  return header.slice(0, received + '(ontvangen'.length);
}

/**
 * Reads who asked whom about what and the dates, from the headers (and a copied page's title):
 * the metadata without the document's numbers, which a corpus record does not read.
 */
export function headerMetadata(text: string, headers: readonly Header[]): Metadata {
  const qh = headers.find((h) => h.kind === 'questions');
  const ah = headers.find((h) => h.kind === 'answer');
  const askedBy: string[] = [];
  const parties: string[] = [];
  let addressedTo: string | undefined;
  let title: Metadata['title'];

  if (qh) {
    const clean = cleanText(text.slice(qh.span.start, qh.span.end));
    const m = QUESTIONS_SENTENCE.exec(clean);
    if (m) {
      // `exec` from the start, as `matchAll` (which copies the regex first): no match is empty.
      ASKER_PARTY.lastIndex = 0;
      for (let p = ASKER_PARTY.exec(m[1]); p; p = ASKER_PARTY.exec(m[1])) {
        askedBy.push(p[1].trim().replace(LEADING_AND, ''));
        if (!parties.includes(p[2])) parties.push(p[2]);
      }
      if (askedBy.length === 0) askedBy.push(...m[1].split(/\s*,\s*|\s+en\s+/u).filter(Boolean));
      addressedTo = m[2];
      const who = clean.slice(0, clean.indexOf(m[1]) + m[1].length);
      title = { text: m[3] ? `${who} over ${m[3]}` : who, span: qh.span };
    } else {
      title = { text: clean.replace(/\s*\(ingezonden [^)]*\)\s*\.?$/u, ''), span: qh.span };
    }
  }

  if (!qh) {
    // A postponement letter names the questions in running text: "De vragen van het lid X (D66) over ...".
    const m = /vragen van (?:het lid|de leden) ([^()\n]{2,60}?) \(([^)\n]{1,30})\)/iu.exec(text.slice(0, 5000));
    if (m) {
      askedBy.push(m[1].trim());
      parties.push(m[2]);
    }
  }

  let answeredBy: string | undefined;
  if (ah) {
    const clean = cleanText(answerSentence(text, ah.span));
    const m = ANSWER_SENTENCE.exec(clean);
    answeredBy = m ? m[1] : undefined;
  }

  // A copied web page: its title is the first line that is not navigation.
  if (!title && NAVIGATION.test(text)) {
    const re = /^[ \t\u00A0]*(\S[^\n]*?)[ \t\u00A0\r]*$/gmu;
    for (const m of text.slice(0, 5000).matchAll(re)) {
      if (NAVIGATION.test(m[1])) continue;
      title = { text: cleanText(m[1]), span: { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length } };
      break;
    }
  }

  const submitted = qh ? dateIn(text, qh.span, INGEZONDEN) : undefined;
  const received = ah ? dateIn(text, ah.span, ONTVANGEN) : undefined;

  // Every field, the numbers too (set by `extractMetadata`): one object shape.
  return {
    title, askedBy, parties, addressedTo, submitted, received, answeredBy,
    documentNumber: undefined, zaakNumber: undefined, vergaderjaar: undefined, aanhangselNumber: undefined,
  };
}

/** Reads who asked whom about what, dates, and the document's numbers. */
export function extractMetadata(text: string, headers: readonly Header[], docRefs: readonly DocRef[]): Metadata {
  const md = headerMetadata(text, headers) as { -readonly [K in keyof Metadata]: Metadata[K] };
  const head = text.slice(0, 20000);
  // Each regex only where its fixed words are: most texts have none of them, and a scan of the
  // head by a regex (a case-insensitive Unicode one most of all) costs more than `includes`.
  const documentNumber = (head.includes('Nummer:') ? DOCUMENT_NUMBER.exec(head)?.[1] : undefined)
    ?? docRefs.find((r) => r.kind === 'documentNumber' && r.span.start < 20000)?.fields.value;
  const zaakNumber = zaakNumberIn(head);
  const ah2 = head.includes('ah-') ? AH_ID.exec(head) : null;
  const vjMatch = head.includes('Vergaderjaar') ? VERGADERJAAR.exec(head) : null;
  const vergaderjaar = vjMatch ? vjMatch[1].replace(/\s+/gu, '') : ah2 ? `${ah2[1]}-${ah2[2]}` : undefined;
  const aanhangselLine = head.includes('Aanhangsel van de Handelingen') ? AANHANGSEL_LINE.exec(head) : null;
  const aanhangselNumber = aanhangselLine?.[1] ?? ah2?.[3];

  md.documentNumber = documentNumber;
  md.zaakNumber = zaakNumber;
  md.vergaderjaar = vergaderjaar;
  md.aanhangselNumber = aanhangselNumber;
  return md;
}
