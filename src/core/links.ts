/**
 * The link builder: what a reference to another document is, in structured form (the adapter
 * words it), and where it can be read. Built offline from the text; no network.
 */
import { findDocRefs, normaliseVergaderjaar } from './docRefs';
import type { DocRef, Metadata } from './model';

/** Where a link goes. `web` is a URL written in the text itself. */
export type LinkSource = 'officielebekendmakingen' | 'tweedekamer' | 'opentk' | 'web';

export const LINK_SOURCES: readonly LinkSource[] = ['officielebekendmakingen', 'tweedekamer', 'opentk', 'web'];

export interface DocLink {
  readonly source: LinkSource;
  readonly url: string;
}

export type DocDescription =
  | { readonly kind: 'aanhangsel'; readonly chamber: 'tk' | 'ek'; readonly vergaderjaar: string; readonly number: string }
  | { readonly kind: 'kamerstuk'; readonly chamber: 'tk' | 'ek'; readonly vergaderjaar?: string; readonly dossier: string; readonly part?: string; readonly number: string }
  | { readonly kind: 'documentNumber' | 'zaakNumber'; readonly value: string }
  | { readonly kind: 'identifier'; readonly value: string }
  | { readonly kind: 'url'; readonly value: string };

export interface DocLinks {
  readonly description: DocDescription;
  /** All links, the most authoritative first. */
  readonly links: readonly DocLink[];
  /** The identity of the referenced document, for finding it among open files. */
  readonly identity?: DocIdentity;
}

/** What identifies a parliamentary document across files. */
export type DocIdentity =
  | { readonly kind: 'aanhangsel'; readonly chamber: 'tk' | 'ek'; readonly vergaderjaar: string; readonly number: string }
  | { readonly kind: 'documentNumber' | 'zaakNumber'; readonly value: string };

const OFFICIELE_BEKENDMAKINGEN = 'https://zoek.officielebekendmakingen.nl/';
const TWEEDE_KAMER = 'https://www.tweedekamer.nl/';
const OPEN_TK = 'https://berthub.eu/tkconv/';

/** "20232024" → "2023–2024" (en dash, as the official texts write it). */
export function displayVergaderjaar(vj: string): string {
  return /^\d{8}$/u.test(vj) ? `${vj.slice(0, 4)}–${vj.slice(4)}` : vj;
}

/** "28828" → "28 828", "21501-02" → "21 501-02", as dossier numbers are written. */
export function displayDossier(dossier: string): string {
  return /^\d{5}(?:-\d{2})?$/u.test(dossier) ? `${dossier.slice(0, 2)} ${dossier.slice(2)}` : dossier;
}

/** A document number as the identifiers write it: "070" → "70"; the Eerste Kamer's letters ("A") as they are. */
function documentNumber(n: string | undefined): string {
  return n !== undefined && /^[A-Z]{1,2}$/u.test(n) ? n : String(+(n ?? '0'));
}

function ob(id: string): DocLink {
  return { source: 'officielebekendmakingen', url: `${OFFICIELE_BEKENDMAKINGEN}${id}.html` };
}

function tkNumberLinks(value: string, zaak: boolean): DocLink[] {
  const v = encodeURIComponent(value);
  return [
    // The Tweede Kamer's pages are addressed as detail?id=<zaak or document>&did=<document>; a zaak
    // alone has no stable page address, so it opens the site search for the number.
    { source: 'tweedekamer', url: zaak ? `${TWEEDE_KAMER}zoeken?qry=${v}` : `${TWEEDE_KAMER}kamerstukken/detail?id=${v}&did=${v}` },
    { source: 'opentk', url: `${OPEN_TK}${zaak ? 'zaak' : 'document'}.html?nummer=${v}` },
  ];
}

const AH_ID = /^ah-(tk|ek)-(\d{8})-(\d{1,5})$/u;
/** "kst-28828-70", "kst-36200-VII-5", "kst-21501-02-2733" (a dossier's sub-number), "kst-35261-B" (Eerste Kamer). */
const KST_ID = /^kst-(\d{4,6}(?:-\d{2})?)(?:-([A-Z]{1,6}))?-(\d{1,5}|[A-Z]{1,2})$/u;

/** The description and links of a reference to another document. */
export function buildDocLinks(ref: DocRef): DocLinks {
  const f = ref.fields;
  switch (ref.kind) {
    case 'aanhangsel': {
      const chamber = f.chamber ?? 'tk';
      const vergaderjaar = f.vergaderjaar ?? '';
      const number = String(+(f.number ?? '0'));
      return {
        description: { kind: 'aanhangsel', chamber, vergaderjaar, number },
        links: [ob(`ah-${chamber}-${vergaderjaar}-${number}`)],
        identity: { kind: 'aanhangsel', chamber, vergaderjaar, number },
      };
    }
    case 'kamerstuk': {
      const chamber = f.chamber ?? 'tk';
      const dossier = f.dossier ?? '';
      const number = documentNumber(f.number);
      const id = ['kst', dossier, ...(f.part ? [f.part] : []), number].join('-');
      return {
        description: { kind: 'kamerstuk', chamber, dossier, number, ...(f.part ? { part: f.part } : {}), ...(f.vergaderjaar ? { vergaderjaar: f.vergaderjaar } : {}) },
        links: [ob(id)],
      };
    }
    case 'documentNumber':
    case 'zaakNumber': {
      const value = (f.value ?? ref.text).toUpperCase();
      return {
        description: { kind: ref.kind, value },
        links: tkNumberLinks(value, ref.kind === 'zaakNumber'),
        identity: { kind: ref.kind, value },
      };
    }
    case 'identifier': {
      const value = f.value ?? ref.text;
      const ah = AH_ID.exec(value);
      if (ah) {
        const chamber = ah[1] as 'tk' | 'ek';
        const number = String(+ah[3]);
        return {
          description: { kind: 'aanhangsel', chamber, vergaderjaar: ah[2], number },
          links: [ob(value)],
          identity: { kind: 'aanhangsel', chamber, vergaderjaar: ah[2], number },
        };
      }
      const kst = KST_ID.exec(value);
      if (kst) {
        return {
          // Only the Eerste Kamer numbers documents with letters.
          description: { kind: 'kamerstuk', chamber: /^[A-Z]/u.test(kst[3]) ? 'ek' : 'tk', dossier: kst[1], number: documentNumber(kst[3]), ...(kst[2] ? { part: kst[2] } : {}) },
          links: [ob(value)],
        };
      }
      return { description: { kind: 'identifier', value }, links: [ob(value)] };
    }
    case 'url': {
      const value = f.value ?? ref.text;
      return { description: { kind: 'url', value }, links: /^https?:\/\//iu.test(value) ? [{ source: 'web', url: value }] : [] };
    }
  }
}

/** The link Ctrl+click opens: the preferred source when there is one, else the first. */
export function preferredLink(links: readonly DocLink[], preferred: LinkSource | undefined): DocLink | undefined {
  return links.find((l) => l.source === preferred) ?? links[0];
}

/** The identities a document's own metadata gives it: its document and zaak number, its Aanhangsel number. */
export function identitiesOf(md: Metadata): DocIdentity[] {
  const out: DocIdentity[] = [];
  if (md.documentNumber) out.push({ kind: 'documentNumber', value: md.documentNumber.toUpperCase() });
  if (md.zaakNumber) out.push({ kind: 'zaakNumber', value: md.zaakNumber.toUpperCase() });
  if (md.aanhangselNumber && md.vergaderjaar) {
    const y = /(\d{4})\s*[–—\-/]\s*(\d{4}|\d{2})/u.exec(md.vergaderjaar);
    const vj = y ? normaliseVergaderjaar(y[1], y[2]) : undefined;
    // Metadata does not say which chamber; Aanhangsel numbers on copied pages are the Tweede Kamer's.
    if (vj) out.push({ kind: 'aanhangsel', chamber: 'tk', vergaderjaar: vj, number: String(+md.aanhangselNumber) });
  }
  return out;
}

function sameIdentity(a: DocIdentity, b: DocIdentity): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'aanhangsel' && b.kind === 'aanhangsel') return a.chamber === b.chamber && a.vergaderjaar === b.vergaderjaar && a.number === b.number;
  return a.kind !== 'aanhangsel' && b.kind !== 'aanhangsel' && a.value === b.value;
}

/** Whether a document with this metadata is the one the reference names (same zaak, document or Aanhangsel number). */
export function refersTo(links: DocLinks, md: Metadata): boolean {
  const id = links.identity;
  return id !== undefined && identitiesOf(md).some((other) => sameIdentity(id, other));
}

/**
 * A URL made safe to put in a Markdown link target: only http(s), and the characters that could
 * end or break the link percent-encoded.
 */
export function safeLinkTarget(url: string): string | undefined {
  if (!/^https?:\/\//iu.test(url)) return undefined;
  return url.replace(/[\s()<>[\]"'`\\]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A piece of display text: as it is, or a reference with the link it opens. */
export interface TextPiece {
  readonly text: string;
  /** Where the piece links to (http(s) only; made safe for Markdown with {@link safeLinkTarget}). */
  readonly url?: string;
}

/**
 * Display text (a footnote, say) cut at the references to other documents in it, each with its
 * link: a URL to itself, a Kamerstuk or document number to the preferred source. In text order;
 * joined, the pieces are the text.
 */
export function linkPieces(text: string, preferred?: LinkSource): TextPiece[] {
  const out: TextPiece[] = [];
  let at = 0;
  for (const ref of findDocRefs(text)) {
    const url = preferredLink(buildDocLinks(ref).links, preferred)?.url;
    if (url === undefined || safeLinkTarget(url) === undefined) continue;
    if (ref.span.start > at) out.push({ text: text.slice(at, ref.span.start) });
    out.push({ text: text.slice(ref.span.start, ref.span.end), url });
    at = ref.span.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}
