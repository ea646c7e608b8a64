/**
 * Identities of parliamentary documents across a corpus: what a document says it is (its own
 * identities) and what it names (its references), as one normalised key per identity, so that
 * "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092", "Aanhangsel Handelingen II 2023/24,
 * nr. 1092" and `ah-tk-20232024-1092` are one key.
 *
 * Keys (plain strings, stable across versions, the official identifier where there is one):
 * - Aanhangsel: `ah-tk-20232024-1092` (chamber, vergaderjaar, number without leading zeros);
 * - Kamerstuk: `kst-36200-VII-5` (dossier, part if any, number); the vergaderjaar a citation
 *   may add is not part of it (dossier and number are unique);
 * - document number `2024D27196`, zaak number `2023Z19006` (upper case);
 * - another official identifier (`blg-123456`, `stcrt-2023-123`, `stb-2023-45`) as written.
 */
import { findDocRefs, normaliseVergaderjaar } from '../docRefs';
import type { DocIdentity } from '../links';
import type { DocRef } from '../model';
import { yearBefore } from '../text';

/** A Kamerstuk: dossier (`36200`), part (`VII`) and number (`5`). */
export interface KamerstukIdentity {
  readonly kind: 'kamerstuk';
  readonly dossier: string;
  readonly part?: string;
  readonly number: string;
}

/** Another official identifier (`blg-…`, `stcrt-…`, `stb-…`). */
export interface OtherIdentity {
  readonly kind: 'identifier';
  readonly value: string;
}

/** What identifies a document in the corpus: the identities of `links.ts` and Kamerstukken. */
export type CorpusIdentity = DocIdentity | KamerstukIdentity | OtherIdentity;

/** The key of an identity (see the module comment). */
export function identityKey(id: CorpusIdentity): string {
  switch (id.kind) {
    case 'aanhangsel': return `ah-${id.chamber}-${id.vergaderjaar}-${stripZeros(id.number)}`;
    case 'kamerstuk': return `kst-${id.dossier}${id.part ? `-${id.part.toUpperCase()}` : ''}-${stripZeros(id.number)}`;
    case 'documentNumber':
    case 'zaakNumber': return id.value.toUpperCase();
    case 'identifier': return id.value.toLowerCase();
  }
}

function stripZeros(n: string): string {
  return /^\d+$/u.test(n) ? String(+n) : n;
}

const AH_ID = /^ah-(tk|ek)-(\d{8})-(\d{1,5})$/iu;
const KST_ID = /^kst-(\d{4,6})(?:-([A-Za-z]{1,6}))?-(\d{1,5})$/iu;
const KV_ID = /^kv-(?:tk-)?((?:19|20)\d{2}Z\d{5})$/iu;
const TK_NUMBER = /^(?:19|20)\d{2}([DZ])\d{5}$/iu;
const OTHER_ID = /^(?:blg-\d{3,8}|stcrt-\d{4}-\d{1,6}|stb-\d{4}-\d{1,6})$/iu;

/**
 * The identity an official identifier or a number stands for (so also what a key names): `ah-tk-20232024-1092`,
 * `kst-36200-VII-5`, `kv-tk-2023Z19006` (the questions of zaak 2023Z19006), `2024D27196`,
 * `2023Z19006`, `blg-123456`. Undefined for anything else (a Handelingen id `h-tk-…` names a
 * debate, not a document a corpus holds).
 */
export function identityOfId(value: string): CorpusIdentity | undefined {
  const v = value.trim();
  let m = AH_ID.exec(v);
  if (m) {
    const vj = normaliseVergaderjaar(m[2].slice(0, 4), m[2].slice(4));
    return vj ? { kind: 'aanhangsel', chamber: m[1].toLowerCase() as 'tk' | 'ek', vergaderjaar: vj, number: stripZeros(m[3]) } : undefined;
  }
  m = KST_ID.exec(v);
  if (m) return { kind: 'kamerstuk', dossier: m[1], ...(m[2] ? { part: m[2].toUpperCase() } : {}), number: stripZeros(m[3]) };
  m = KV_ID.exec(v);
  if (m) return { kind: 'zaakNumber', value: m[1].toUpperCase() };
  m = TK_NUMBER.exec(v);
  if (m) return { kind: m[1].toUpperCase() === 'D' ? 'documentNumber' : 'zaakNumber', value: v.toUpperCase() };
  if (OTHER_ID.test(v)) return { kind: 'identifier', value: v.toLowerCase() };
  return undefined;
}

/**
 * Adds `id` to `list` unless an identity with its key is there: identities without repeats, in the
 * order first added. A function over a plain array, not a class or a closure per call: optimised
 * code that depends on an object made per call (a class's instance layout, a closure) is thrown
 * away once no such object is left, and compiled again on the next call.
 */
function addNew(list: CorpusIdentity[], id: CorpusIdentity | undefined): void {
  if (!id) return;
  const k = identityKey(id);
  // A document names a handful at most: a search beats a set.
  for (let i = 0; i < list.length; i++) if (identityKey(list[i]) === k) return;
  list.push(id);
}

/** Official identifiers in a URL of officielebekendmakingen.nl: `…/ah-tk-20232024-1092.html`. */
const URL_ID = /(?:^|[/=])((?:ah|kst|kv|blg|stcrt|stb)-[A-Za-z0-9-]+?)(?:\.(?:html|pdf|xml)|[?#&/]|$)/giu;
/** Document and zaak numbers in a URL's path or query: `detail?id=2024Z01234&did=2024D02345`. */
const URL_NUMBER = /(?:^|[/=?&])((?:19|20)\d{2}[DZ]\d{5})(?![0-9A-Za-z])/giu;

/** The identities a reference names: one for most kinds, none or several for a URL. */
export function identitiesOfRef(ref: DocRef): CorpusIdentity[] {
  const f = ref.fields;
  switch (ref.kind) {
    case 'aanhangsel':
      return f.vergaderjaar && f.number
        ? [{ kind: 'aanhangsel', chamber: f.chamber ?? 'tk', vergaderjaar: f.vergaderjaar, number: stripZeros(f.number) }]
        : [];
    case 'kamerstuk':
      return f.dossier && f.number
        ? [{ kind: 'kamerstuk', dossier: f.dossier, ...(f.part ? { part: f.part.toUpperCase() } : {}), number: stripZeros(f.number) }]
        : [];
    case 'documentNumber':
    case 'zaakNumber': {
      const value = (f.value ?? ref.text).toUpperCase();
      return [{ kind: ref.kind, value }];
    }
    case 'identifier': {
      const id = identityOfId(f.value ?? ref.text);
      return id ? [id] : [];
    }
    case 'url': {
      const url = f.value ?? ref.text;
      if (!/officielebekendmakingen\.nl|tweedekamer\.nl|eerstekamer\.nl|tkconv|overheid\.nl/iu.test(url)) return [];
      const out: CorpusIdentity[] = [];
      for (const m of url.matchAll(URL_ID)) addNew(out, identityOfId(m[1]));
      for (const m of url.matchAll(URL_NUMBER)) addNew(out, identityOfId(m[1]));
      return out;
    }
  }
}

/**
 * The identities a piece of text names: an identifier or number as a whole ("ah-tk-20232024-1092",
 * "2024D27196", "kv-tk-2023Z19006"), else every reference in it ("Aanhangsel Handelingen,
 * vergaderjaar 2023–2024, nr. 1092", "Kamerstuk 36 200 VII, nr. 5"). For a lookup box or a link.
 */
export function identitiesIn(text: string): CorpusIdentity[] {
  const whole = identityOfId(text);
  if (whole) return [whole];
  const out: CorpusIdentity[] = [];
  // "kv-tk-2023Z19006" inside a longer text: docRefs reads its zaak number.
  for (const ref of findDocRefs(text)) for (const id of identitiesOfRef(ref)) addNew(out, id);
  return out;
}

/** How far into a text its own metadata is looked for: a copied page's header, an Aanhangsel title. */
const HEAD = 20_000;

// No `i` or `u` flag and a cheap `includes` first: these run on the first 20,000 characters of
// every document, and a case-insensitive Unicode regex scans them many times slower.
/** `Nummer: 2023D03702` (a copied Tweede Kamer page), `Documentnummer: …`. */
const OWN_DOCUMENT_NUMBER = /\b(?:Document)?[Nn]ummer:?\s*((?:19|20)\d{2}D\d{5})(?![0-9A-Za-z])/;
/** `Onderdeel van zaak 2023Z00142`, `Zaaknummer: …`, `Zaak: …`. */
const OWN_ZAAK = /(?:Onderdeel\s+van\s+zaak|\b[Zz]aak(?:nummer)?:)\s*((?:19|20)\d{2}Z\d{5})(?![0-9A-Za-z])/;
/** `officiële HTML versie (ah-tk-20222023-1429)`, `Identifier: kst-36200-VII-5`. */
const OWN_ID = /(?:offici[eë]le\s+(?:HTML|PDF|XML)[ -]versie|Identifier:?|Identificatie:?)\s*\(?\s*((?:ah|kst|kv|blg|stcrt|stb)-[A-Za-z0-9-]+)/;
/** The title block of the Aanhangsel van de Handelingen: its number alone on a line a few lines below. */
const AANHANGSEL_TITLE = /Aanhangsel van de Handelingen[^\n]{0,200}\n(?:[^\n]{0,200}\n){0,4}?[ \t]*(\d{1,5})[ \t\r]*\n/;
const VERGADERJAAR = /[Vv]ergaderjaar\s*(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)/;

/** Whether `letter` comes after a year of the form `(19|20)\d\d` (a document number's "2023D", a zaak number's "2023Z"). */
function yearLetter(head: string, letter: 'D' | 'Z'): boolean {
  for (let i = head.indexOf(letter, 4); i !== -1; i = head.indexOf(letter, i + 1)) if (yearBefore(head, i)) return true;
  return false;
}

/**
 * The identities a document gives itself, read only where a text says what it is: the metadata
 * of a copied Tweede Kamer page (`Nummer:`, `Onderdeel van zaak`, `officiële HTML versie (…)`),
 * an identifier on the first line, the number under "Aanhangsel van de Handelingen" with the
 * vergaderjaar. Stricter than `identitiesOf(metadata)` (links.ts), which also takes the first
 * `ah-…` identifier or document number anywhere in the first 20,000 characters, references to
 * other documents included: two documents would then claim one identity, and question sets
 * that cite each other would be linked into one.
 */
export function ownIdentities(text: string): CorpusIdentity[] {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const out: CorpusIdentity[] = [];
  // `includes` finds words that start with a rare letter ("Identi", "HTML") fastest, and a document
  // or zaak number by its "D" or "Z" (see `yearLetter`).
  const ownId = head.includes('Identi') || ((head.includes('HTML') || head.includes('PDF') || head.includes('XML')) && head.includes('versie'))
    ? OWN_ID.exec(head) : null;
  if (ownId) addNew(out, identityOfId(ownId[1].replace(/[-.]+$/u, '')));
  const firstLine = /^\s*(\S+)\s*(?:\n|$)/u.exec(head.length > 200 ? head.slice(0, 200) : head);
  if (firstLine) addNew(out, identityOfId(firstLine[1]));
  const doc = yearLetter(head, 'D') && head.includes('ummer') ? OWN_DOCUMENT_NUMBER.exec(head) : null;
  if (doc) addNew(out, { kind: 'documentNumber', value: doc[1].toUpperCase() });
  const zaak = yearLetter(head, 'Z') && (head.includes('zaak') || head.includes('Zaak')) ? OWN_ZAAK.exec(head) : null;
  if (zaak) addNew(out, { kind: 'zaakNumber', value: zaak[1].toUpperCase() });
  const title = head.includes('Aanhangsel van de Handelingen') ? AANHANGSEL_TITLE.exec(head) : null;
  if (title) {
    const y = VERGADERJAAR.exec(head);
    const vj = y ? normaliseVergaderjaar(y[1], y[2]) : undefined;
    const chamber = head.slice(Math.max(0, title.index - 300), title.index + 300).includes('Eerste Kamer') ? 'ek' : 'tk';
    if (vj) addNew(out, { kind: 'aanhangsel', chamber, vergaderjaar: vj, number: stripZeros(title[1]) });
  }
  return out;
}
