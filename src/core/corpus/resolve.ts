/**
 * Links between the documents of a corpus, as the editor features need them: which workspace
 * documents a reference names (Go to Definition, the hover, Ctrl+click), whether the cursor is on
 * a document's own title or identity, and every place in the corpus that cites a document (Find
 * All References). Pure: paths are whatever the caller keys the index by (URI strings).
 */
import type { DocRef, ParsedDocument, Span } from '../model';
import { spanAt } from '../util/search';
import { listAnd } from '../util/words';
import type { CorpusIndex } from './corpusIndex';
import { identitiesOfRef, identityKey, ownIdentities } from './identity';
import type { CorpusRecord, ReferenceRecord } from './record';

/** The identity keys a reference names (several for a URL with a document and a zaak number, none for most URLs). */
export function refKeys(ref: DocRef): string[] {
  return [...new Set(identitiesOfRef(ref).map(identityKey))];
}

/** A document of the corpus a reference resolves to. */
export interface LinkedDocument {
  readonly path: string;
  readonly record: CorpusRecord;
}

/**
 * The documents of the corpus that have an identity `ref` names, `self` left out, sorted by path.
 * Identities are exact: an Aanhangsel number in another vergaderjaar, or of the other chamber, is
 * another document. A reference to one of the citing document's `own` identities (its own
 * number in its metadata) names that document, not another copy of it: none.
 */
export function resolveRef(index: CorpusIndex, ref: DocRef, self?: string, own: readonly string[] = []): LinkedDocument[] {
  const keys = refKeys(ref);
  return keys.some((k) => own.includes(k)) ? [] : resolveKeys(index, keys, self);
}

/** The documents with any of the identity `keys`, `self` left out, sorted by path. */
function resolveKeys(index: CorpusIndex, keys: readonly string[], self?: string): LinkedDocument[] {
  const paths = new Set<string>();
  for (const k of keys) for (const p of index.resolveKey(k)) if (p !== self) paths.add(p);
  const out: LinkedDocument[] = [];
  for (const path of [...paths].sort()) {
    const record = index.get(path);
    if (record) out.push({ path, record });
  }
  return out;
}

/**
 * Who asked, in one line: "Van der Lee (GroenLinks-PvdA)", "Van der Plas (BBB) and Omtzigt (NSC)"
 * when each asker has a party, else the names and then the parties ("Kops and Wilders (PVV)").
 * `and` joins the last two (the caller's language). Undefined when the record names no one.
 */
export function askerLine(record: Pick<CorpusRecord, 'askedBy' | 'parties'>, and: (a: string, b: string) => string = (a, b) => `${a} and ${b}`): string | undefined {
  const names = record.askedBy;
  if (names.length === 0) return undefined;
  const join = (items: readonly string[]): string => listAnd(items, (_message, a, b) => and(String(a), String(b)));
  if (record.parties.length === names.length) return join(names.map((n, i) => `${n} (${record.parties[i]})`));
  return record.parties.length > 0 ? `${join(names)} (${record.parties.join(', ')})` : join(names);
}

/** What the cursor is on when it names the document it is in. */
export interface OwnTarget {
  /** The title, or the reference that is one of the document's own identities. */
  readonly span: Span;
  /** The document's own identity keys (see identity.ts). */
  readonly keys: readonly string[];
}

/**
 * Whether `offset` is on the document's own title or on one of its own identities as written in
 * it (its identifier, its document or zaak number in its metadata): then the keys that name this
 * document. Undefined elsewhere, and for a document that gives itself no identity.
 */
export function ownTargetAt(text: string, parsed: ParsedDocument, offset: number): OwnTarget | undefined {
  const title = parsed.metadata.title?.span;
  const onTitle = title !== undefined && title.start <= offset && offset <= title.end;
  const i = onTitle ? -1 : spanAt(parsed.docRefs, offset, (r) => r.span);
  if (!onTitle && i < 0) return undefined;
  const keys = ownIdentities(text).map(identityKey);
  if (keys.length === 0) return undefined;
  if (onTitle) return { span: title, keys };
  const ref = parsed.docRefs[i];
  return refKeys(ref).some((k) => keys.includes(k)) ? { span: ref.span, keys } : undefined;
}

/**
 * The keys that name the same documents as `keys`: those keys and every identity of the corpus
 * documents that have one of them (a document cited by its zaak number in one place and by its
 * Aanhangsel number in another is one document).
 */
export function sameDocumentKeys(index: CorpusIndex, keys: readonly string[]): string[] {
  const out = new Set(keys);
  for (const k of keys) for (const p of index.resolveKey(k)) for (const own of index.get(p)?.identities ?? []) out.add(own);
  return [...out];
}

/** A place in a document of the corpus that cites another document. */
export interface Citation extends Omit<ReferenceRecord, 'key'> {
  readonly path: string;
  /** The identity key it names. */
  readonly key: string;
}

/**
 * Every reference in the corpus to any of `keys`, by path and then by place, each place once (a
 * URL naming two of the keys is one place). Documents in `skip` are left out (the caller reads
 * those from their open editors, which may be ahead of the disk).
 */
export function citationsOf(index: CorpusIndex, keys: readonly string[], skip: ReadonlySet<string> = new Set()): Citation[] {
  const wanted = new Set(keys);
  const paths = new Set<string>();
  for (const k of wanted) for (const p of index.citersOf(k)) if (!skip.has(p)) paths.add(p);
  const out: Citation[] = [];
  for (const path of [...paths].sort()) {
    let last = -1;
    for (const r of index.get(path)?.references ?? []) {
      if (!wanted.has(r.key) || r.start === last) continue;
      last = r.start;
      out.push({ ...r, path });
    }
  }
  return out;
}

/**
 * The spans of the references among `refs` (an open editor's parse) that name any of `keys` other
 * than the document's own identities `own` (a document does not cite itself), in text order.
 */
export function citingSpans(refs: readonly DocRef[], keys: readonly string[], own: readonly string[] = []): Span[] {
  const wanted = new Set(keys);
  for (const k of own) wanted.delete(k);
  return refs.filter((r) => refKeys(r).some((k) => wanted.has(k))).map((r) => r.span);
}
