/**
 * A corpus generator for benchmarks and tests: writes N documents made from the real seed and
 * fixture texts, renamed and with their metadata varied (askers, parties, subjects, ministers,
 * dates, zaak, document and Aanhangsel numbers), grouped into question sets (the questions, 0–2
 * postponement notices, the answer; in separate files, some as copied Tweede Kamer pages that
 * carry a zaak number, some linked by title and askers only), with beslisnota's and a few texts
 * that are not parliamentary, spread over nested folders. Every document has a valid sidecar with
 * 10 annotations. Deterministic: the same count and seed give the same files, byte for byte.
 *
 *   npx tsx bench/corpusGenerator.ts <folder> <count> [seed]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createAnnotation, newId, type Annotation } from '../src/core/annotations/model';
import { serializeSidecar, sidecarName } from '../src/core/annotations/sidecar';
import { parseDocument } from '../src/core/parser';
import { MONTHS } from '../src/core/text';
import { random } from './annotations';

const ROOT = join(__dirname, '..');

/** Changes whenever the same count and seed would write other files (benchmarks keep generated corpora by it). */
export const GENERATOR_VERSION = 2;

/** What the generator wrote: the names are relative to the folder, with "/" separators. */
export interface GeneratedCorpus {
  readonly root: string;
  /** The parliamentary documents (what the corpus indexes), in the order written. */
  readonly documents: readonly string[];
  /** The question sets: the documents of each, sorted. */
  readonly sets: readonly (readonly string[])[];
  /** `.txt` files that are not parliamentary texts (each also has a sidecar). */
  readonly others: readonly string[];
  /** UTF-8 bytes of all documents and other texts (without sidecars). */
  readonly bytes: number;
}

const ASKERS = [
  'Van der Lee', 'Kostić', 'Omtzigt', 'Eerdmans', 'Leijten', 'Sjoerdsma', 'Bikker', 'Paternotte', 'Dassen', 'Van Nispen',
  'Kops', 'Sneller', 'Inge van Dijk', 'Van der Plas', 'Teunissen', 'Bontenbal', 'Dijk', 'Klaver', 'Wilders', 'Jetten',
  'Stoffer', 'Ceder', 'Vijlbrief', 'Van Campen', 'Michon-Derkzen', 'Mutluer', 'Bushoff', 'Grinwis', 'Tielen', 'Beckerman',
  'Agema', 'Hertzberger', 'Van Baarle', 'Thijssen', 'Podt', 'Kröger', 'Boswijk', 'Vedder', 'Krul', 'Brekelmans',
];
const PARTIES = ['VVD', 'PVV', 'NSC', 'BBB', 'GroenLinks-PvdA', 'D66', 'CDA', 'SP', 'ChristenUnie', 'SGP', 'PvdD', 'Volt', 'JA21', 'DENK', 'FvD'];
const MINISTRIES = [
  'Financiën', 'Justitie en Veiligheid', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Defensie',
  'Economische Zaken en Klimaat', 'Infrastructuur en Waterstaat', 'Landbouw, Natuur en Voedselkwaliteit',
  'Onderwijs, Cultuur en Wetenschap', 'Sociale Zaken en Werkgelegenheid', 'Volksgezondheid, Welzijn en Sport',
];
const MINISTERS = ['Van Weyenberg', 'Yeşilgöz-Zegerius', 'Bruins Slot', 'Hoekstra', 'Ollongren', 'Adriaansens', 'Harbers', 'Adema', 'Dijkgraaf', 'Van Gennip', 'Kuipers'];
const ASPECTS = [
  'het bericht over', 'de gevolgen van', 'de kosten van', 'de aanpak van', 'het onderzoek naar', 'de toekomst van', 'de problemen met',
  'de evaluatie van', 'het beleid rond', 'de wachttijden bij', 'de subsidie voor', 'de handhaving van', 'de cijfers over',
  'het advies over', 'de vertraging bij', 'de uitvoering van', 'de zorgen over', 'de plannen voor', 'het rapport over', 'de risico’s van',
];
const NOUNS = [
  'de wolf', 'de stikstofuitstoot', 'de jeugdzorg', 'de woningnood', 'de hersteloperatie toeslagen', 'het lerarentekort', 'de asielopvang',
  'de gaswinning', 'de netcongestie', 'de politiecapaciteit', 'de huisartsenzorg', 'de studiefinanciering', 'de kinderopvang', 'de Wet open overheid',
  'de luchtkwaliteit', 'de zorgpremie', 'de spoorveiligheid', 'de dijkversterking', 'de mestfraude', 'de cybersecurity', 'de armoede',
  'de pensioenen', 'het openbaar vervoer', 'de ggz', 'de rechtspraak', 'de defensie-uitgaven', 'de Belastingdienst', 'de verkiezingsuitslag',
  'de drinkwatervoorziening', 'de boerenprotesten',
];
const PLACES = [
  'in Groningen', 'op de Veluwe', 'in Rotterdam-Zuid', 'in Limburg', 'in de Randstad', 'in Friesland', 'op Schiphol', 'in Zeeland',
  'in Amsterdam', 'in Drenthe', 'in Utrecht', 'in Den Haag', 'in Twente', 'in de Achterhoek', 'op Texel', 'in Eindhoven', 'in Brabant',
  'in Flevoland', 'op Bonaire', 'in Nijmegen', 'in Zwolle', 'in Leeuwarden', 'in Maastricht', 'in Almere', 'in het Groene Hart',
  'in de grensstreek', 'in de polder', 'op de Waddeneilanden', 'in Gelderland', 'in Noord-Holland',
];
const TAGS = ['toezegging', 'ontwijkend antwoord', 'feitelijke onjuistheid', 'verwijzing', 'nieuwe informatie'];

/** Texts with questions and answers, made into answers; the fixtures each show another form. */
const ANSWER_SOURCES = [
  'seeds/000_29150c82fa965ab7.txt', 'test/fixtures/joint-answers.txt', 'test/fixtures/one-line.txt', 'test/fixtures/pdf-damage.txt',
  'test/fixtures/markup-labels.txt', 'test/fixtures/numbered-list.txt', 'test/fixtures/answered-at-end.txt', 'test/fixtures/sub-items.txt',
  'test/fixtures/lost-label.txt', 'test/fixtures/traps.txt', 'test/fixtures/toelichting-after.txt', 'test/fixtures/unnumbered.txt',
];
const WEB_SOURCE = 'seeds/003_87a2a259f4376b92.txt';
const BESLISNOTA_SOURCE = 'seeds/001_0bf512367aa70077.txt';
const NOTICE_SOURCE = 'test/fixtures/postponement.txt';
const OTHER_SOURCE = 'test/fixtures/not-parliamentary.txt';

interface Sources {
  readonly answers: readonly string[];
  readonly web: string;
  readonly beslisnota: string;
  readonly notice: string;
  readonly other: string;
}

function loadSources(): Sources {
  const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
  return {
    answers: ANSWER_SOURCES.map(read), web: read(WEB_SOURCE), beslisnota: read(BESLISNOTA_SOURCE),
    notice: read(NOTICE_SOURCE), other: read(OTHER_SOURCE),
  };
}

/** The metadata one question set varies. */
interface SetMeta {
  readonly index: number;
  /** "het lid Kostić (PvdD)" or "de leden X (A) en Y (B)". */
  readonly who: string;
  /** "Kostić" or "X en Y", for a page title. */
  readonly names: string;
  readonly subject: string;
  readonly ministry: string;
  readonly minister: string;
  readonly submitted: number;
  readonly received?: number;
  readonly notices: readonly number[];
  readonly zaak: string;
  readonly folder: string;
}

const DAY = 86_400_000;
/** 1 September 2022, the first submission day. */
const FIRST_DAY = Date.UTC(2022, 8, 1) / DAY;

function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function dutch(day: number): string {
  const d = new Date(day * DAY);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2023-2024": the vergaderjaar (from the third Tuesday of September; September is near enough). */
function vergaderjaar(day: number): [number, number] {
  const d = new Date(day * DAY);
  const y = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return [y, y + 1];
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}

/** Element `i` of `list` after a seeded shuffle: a stable, varied order. */
function shuffled<T>(list: readonly T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Replaces the questions header (or puts one first) and the answer header (or adds one). */
function withHeaders(text: string, m: SetMeta): string {
  const questions = `Vragen van ${m.who} aan de Minister van ${m.ministry} over ${m.subject} (ingezonden ${dutch(m.submitted)}).`;
  const answer = m.received !== undefined ? `Antwoord van Minister ${m.minister} (${m.ministry}) (ontvangen ${dutch(m.received)}).` : '';
  const qh = /Vragen\s+van\s+(?:het\s+lid|de\s+leden)[\s\S]*?\(ingezonden[^)]*\)\.?/u;
  const ah = /Antwoord\s+van\s+(?:de\s+)?(?:Minister|Staatssecretaris|minister|staatssecretaris)[\s\S]*?\(ontvangen[^)]*\)\.?/u;
  let out = qh.test(text) ? text.replace(qh, () => questions) : `${questions}\n\n${text}`;
  if (ah.test(out)) {
    out = out.replace(ah, () => answer);
  } else if (answer) {
    const at = out.indexOf(questions) + questions.length;
    out = `${out.slice(0, at)}\n\n${answer}${out.slice(at)}`;
  }
  return out;
}

/** A copied Tweede Kamer page of the answer, with this set's numbers. */
function webAnswer(source: string, m: SetMeta, documentNumber: string, ah: number): string {
  const [y1, y2] = vergaderjaar(m.received ?? m.submitted);
  return withHeaders(source, m)
    .replace(/^Antwoord op vragen van .*$/mu, () => `Antwoord op vragen van het lid ${m.names} over ${m.subject}`)
    .replace(/Nummer: \S+, datum: \S+,/u, () => `Nummer: ${documentNumber}, datum: ${iso(m.received ?? m.submitted)},`)
    .replace(/\(ah-tk-\d{8}-\d+\)/u, () => `(ah-tk-${y1}${y2}-${ah})`)
    .replace(/Onderdeel van zaak \S+:/u, () => `Onderdeel van zaak ${m.zaak}:`)
    .replace(/Vergaderjaar \d{4}-\d{4} Aanhangsel van de Handelingen/u, () => `Vergaderjaar ${y1}-${y2} Aanhangsel van de Handelingen`)
    .replace(/\n1429\n/u, () => `\n${ah}\n`);
}

/** The questions alone, as submitted: the header and the question blocks of the answer. */
function questionsOnly(answer: string, m: SetMeta): string {
  const parsed = parseDocument(answer);
  const blocks = parsed.blocks.filter((b) => b.kind === 'question' && !b.implicit).map((b) => answer.slice(b.span.start, b.span.end));
  const body = blocks.length > 0 ? blocks : ['Vraag 1\nKunt u deze vragen afzonderlijk beantwoorden?'];
  return `Vragen van ${m.who} aan de Minister van ${m.ministry} over ${m.subject} (ingezonden ${dutch(m.submitted)}).\n\n${body.join('\n\n')}\n`;
}

/** A postponement notice: the fixture's Aanhangsel form, or a letter with "Datum" and the kenmerk. */
function notice(source: string, m: SetMeta, day: number, withZaak: boolean, letter: boolean): string {
  if (letter) {
    return `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum ${dutch(day)}\nBetreft Uitstel beantwoording Kamervragen\n\n`
      + `Hierbij deel ik u mede dat de schriftelijke vragen van ${m.who} aan de Minister van ${m.ministry} over ${m.subject}, `
      + `ingezonden op ${dutch(m.submitted)}${withZaak ? ` met kenmerk ${m.zaak}` : ''}, niet binnen de gebruikelijke termijn van drie weken `
      + 'kunnen worden beantwoord. De reden van het uitstel is dat voor de beantwoording interdepartementale afstemming nodig is.\n\n'
      + `De Minister van ${m.ministry},\n\n${m.minister}\n`;
  }
  return source
    .replace(/Mededeling van .*? \(ontvangen [^)]*\)/u, () => `Mededeling van Minister ${m.minister} (${m.ministry}) (ontvangen ${dutch(day)})`)
    .replace(/De vragen van het lid .*? over .*? \(\d{4}Z\d{5}\)/u, () => `De vragen van ${m.who} over ${m.subject}${withZaak ? ` (${m.zaak})` : ''}`);
}

/** Ten annotations spread over the text, with tags, some with a note; coders "anna" and "bert" in turn (version 2). */
function annotations(text: string, rnd: () => number, created: string): Annotation[] {
  const out: Annotation[] = [];
  const taken = new Set<string>();
  const step = Math.max(1, Math.floor(text.length / 10));
  for (let i = 0; i < 10; i++) {
    let start = Math.min(text.length - 1, i * step + Math.floor(rnd() * (step / 2)));
    while (start < text.length - 1 && /\s/u.test(text[start])) start++;
    if (isLow(text.charCodeAt(start))) start++;
    let end = Math.min(text.length, start + 10 + Math.floor(rnd() * 110));
    if (isLow(text.charCodeAt(end))) end++;
    if (end <= start) continue;
    const id = newId(taken, rnd);
    taken.add(id);
    out.push({
      ...createAnnotation(text, start, end, {
        id, tags: [TAGS[Math.floor(rnd() * TAGS.length)]], ...(rnd() < 0.3 ? { note: `notitie ${i + 1}` } : {}), created,
      }),
      coder: i % 2 === 0 ? 'anna' : 'bert',
    });
  }
  return out;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Writes `count` documents (and their sidecars) under `root`, made from the seed `seed`.
 * Returns what it wrote, with the question sets the documents form.
 */
export function generateCorpus(root: string, count: number, seed = 1): GeneratedCorpus {
  const sources = loadSources();
  const rnd = random(seed);
  const askers = shuffled(ASKERS, rnd);
  const aspects = shuffled(ASPECTS, rnd);
  const nouns = shuffled(NOUNS, rnd);
  const places = shuffled(PLACES, rnd);
  const documents: string[] = [];
  const others: string[] = [];
  const sets: string[][] = [];
  let bytes = 0;
  let written = 0;
  const ahCounter = new Map<number, number>();
  const write = (name: string, text: string, doc: boolean): void => {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
    const created = new Date(Date.UTC(2025, 0, 1) + written * 60_000).toISOString().replace(/\.\d{3}Z$/u, 'Z');
    writeFileSync(join(root, sidecarName(name)), serializeSidecar(basename(name), annotations(text, rnd, created)), 'utf8');
    bytes += Buffer.byteLength(text, 'utf8');
    written++;
    (doc ? documents : others).push(name);
  };

  for (let i = 0; documents.length < count; i++) {
    const two = rnd() < 0.1;
    const a1 = askers[i % askers.length];
    const a2 = askers[(i * 7 + 3) % askers.length];
    const p1 = PARTIES[Math.floor(rnd() * PARTIES.length)];
    const p2 = PARTIES[Math.floor(rnd() * PARTIES.length)];
    const ministryIndex = Math.floor(rnd() * MINISTRIES.length);
    const submitted = FIRST_DAY + Math.floor(rnd() * 900);
    // Answered in 5 to 70 days, or (one in eight) not yet.
    const answered = rnd() >= 0.125;
    const received = answered ? submitted + 5 + Math.floor(rnd() * 66) : undefined;
    const noticeCount = rnd() < 0.3 ? (rnd() < 0.2 ? 2 : 1) : 0;
    const notices: number[] = [];
    for (let k = 0; k < noticeCount; k++) notices.push(submitted + 14 + k * 21 + Math.floor(rnd() * 10));
    const [y1, y2] = vergaderjaar(submitted);
    const date = new Date(submitted * DAY);
    const m: SetMeta = {
      index: i,
      who: two && a2 !== a1 ? `de leden ${a1} (${p1}) en ${a2} (${p2})` : `het lid ${a1} (${p1})`,
      names: two && a2 !== a1 ? `${a1} en ${a2}` : a1,
      // One subject per set: aspect, noun and place by the set's number (unique for 18,000 sets).
      subject: `${aspects[Math.floor(i / 900) % aspects.length]} ${nouns[i % nouns.length]} ${places[Math.floor(i / 30) % places.length]}`
        + (i >= 18_000 ? ` (${Math.floor(i / 18_000) + 1})` : ''),
      ministry: MINISTRIES[ministryIndex],
      minister: MINISTERS[ministryIndex % MINISTERS.length],
      submitted,
      ...(received !== undefined ? { received } : {}),
      notices,
      zaak: `${date.getUTCFullYear()}Z${String(10_000 + i).padStart(5, '0')}`,
      folder: `${y1}-${y2}/${slug(MINISTRIES[ministryIndex])}/${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`,
    };
    const set: string[] = [];
    const ext = (): string => (rnd() < 0.1 ? '.kamerstuk' : '.txt');
    const add = (name: string, text: string): void => {
      if (documents.length >= count) return;
      write(name, text, true);
      set.push(name);
    };
    // Real answers are several pages: seed 000 (7 KB) for half of them, the short fixtures for the rest.
    const answerSource = rnd() < 0.5 ? sources.answers[0] : sources.answers[1 + (i % (sources.answers.length - 1))];
    const web = rnd() < 0.25;
    let answerText = '';
    if (received !== undefined) {
      if (web) {
        // Aanhangsel numbers count per vergaderjaar of publication.
        const year = vergaderjaar(received)[0];
        const ah = (ahCounter.get(year) ?? 1000) + 1;
        ahCounter.set(year, ah);
        answerText = webAnswer(sources.web, m, `${new Date(received * DAY).getUTCFullYear()}D${String(20_000 + i).padStart(5, '0')}`, ah);
      } else {
        answerText = withHeaders(answerSource, m);
      }
    }
    const base = `${m.folder}/${m.zaak}`;
    if (received === undefined || rnd() < 0.6) add(`${base}-vragen${ext()}`, questionsOnly(withHeaders(answerSource, { ...m, received: undefined }), m));
    notices.forEach((day, k) => add(`${base}-uitstel-${k + 1}${ext()}`, notice(sources.notice, m, day, rnd() < 0.5, rnd() < 0.4)));
    if (received !== undefined) add(`${base}-antwoord${web ? '-tweedekamer.nl' : ''}${ext()}`, answerText);
    if (set.length > 0) sets.push(set.sort());
    if (documents.length < count && rnd() < 0.08) {
      // A beslisnota for the answer: a document of the corpus, in no question set.
      write(`${base}-beslisnota.txt`, sources.beslisnota.replace(/Lid Eerdmans \(JA21\)/u, () => `Lid ${a1} (${p1})`), true);
    }
    if (rnd() < 0.02) write(`${m.folder}/notities-${i}.txt`, sources.other, false);
  }
  return { root, documents, sets, others, bytes };
}

if (require.main === module) {
  const [folder, countText, seedText] = process.argv.slice(2);
  const count = Number(countText);
  if (!folder || !Number.isInteger(count) || count <= 0) {
    console.error('usage: npx tsx bench/corpusGenerator.ts <folder> <count> [seed]');
    process.exit(2);
  }
  const t0 = Date.now();
  const c = generateCorpus(folder, count, seedText ? Number(seedText) : 1);
  console.log(`${c.documents.length} documents in ${c.sets.length} question sets, ${c.others.length} other texts, ${(c.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
