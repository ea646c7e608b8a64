/**
 * Cross-document resolution: which documents of the corpus have an identity, and which cite a
 * document. Incremental (a file changes: `set` it again; it goes: `delete` it), pure (Maps of
 * strings), and independent of how the caller names files (paths or URI strings).
 */
import { identitiesIn, identityKey, type CorpusIdentity } from './identity';
import type { CorpusRecord } from './record';

export interface ResolvedReference {
  /** The identity key the reference names. */
  readonly key: string;
  /** Where the reference is in the citing document. */
  readonly start: number;
  readonly end: number;
  /** The documents that have that identity (the citing one left out), sorted. */
  readonly targets: readonly string[];
}

export class CorpusIndex {
  private readonly records = new Map<string, CorpusRecord>();
  /** Identity key → documents that have it. */
  private readonly owners = new Map<string, Set<string>>();
  /** Identity key → documents that cite it. */
  private readonly citers = new Map<string, Set<string>>();

  /** Adds a document, or replaces what was known of it. */
  set(path: string, record: CorpusRecord): void {
    this.delete(path);
    this.records.set(path, record);
    for (const key of record.identities) add(this.owners, key, path);
    for (const ref of record.references) add(this.citers, ref.key, path);
  }

  delete(path: string): boolean {
    const old = this.records.get(path);
    if (!old) return false;
    this.records.delete(path);
    for (const key of old.identities) remove(this.owners, key, path);
    for (const ref of old.references) remove(this.citers, ref.key, path);
    return true;
  }

  get(path: string): CorpusRecord | undefined {
    return this.records.get(path);
  }

  get size(): number {
    return this.records.size;
  }

  /** Every document and its record, in the order they were added. */
  entries(): IterableIterator<[string, CorpusRecord]> {
    return this.records.entries();
  }

  /**
   * The documents that have what `query` names: an identity, an identity key, or text
   * ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092", `ah-tk-20232024-1092`,
   * "2024D27196", "Kamerstuk 36 200 VII, nr. 5"). Text naming several identities gives the
   * documents of any of them. Sorted; empty when none is in the corpus.
   */
  resolve(query: string | CorpusIdentity): string[] {
    const keys = typeof query === 'string' ? identitiesIn(query).map(identityKey) : [identityKey(query)];
    const out = new Set<string>();
    for (const k of keys) for (const p of this.owners.get(k) ?? []) out.add(p);
    return [...out].sort();
  }

  /** The documents with the identity `key` (see identity.ts), sorted. */
  resolveKey(key: string): string[] {
    return [...(this.owners.get(key) ?? [])].sort();
  }

  /** The documents that cite the identity `key`, sorted. */
  citersOf(key: string): string[] {
    return [...(this.citers.get(key) ?? [])].sort();
  }

  /** The references of a document with the documents each resolves to (possibly none). */
  references(path: string): ResolvedReference[] {
    const record = this.records.get(path);
    if (!record) return [];
    return record.references.map((r) => ({
      key: r.key, start: r.start, end: r.end,
      targets: [...(this.owners.get(r.key) ?? [])].filter((p) => p !== path).sort(),
    }));
  }

  /** The documents that cite `path` by any of its identities (itself left out), sorted. */
  citedBy(path: string): string[] {
    const record = this.records.get(path);
    if (!record) return [];
    const out = new Set<string>();
    for (const key of record.identities) for (const p of this.citers.get(key) ?? []) if (p !== path) out.add(p);
    return [...out].sort();
  }

  /** How many documents cite `path`. */
  citedByCount(path: string): number {
    return this.citedBy(path).length;
  }
}

function add(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  if (set) set.add(path); else map.set(key, new Set([path]));
}

function remove(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) map.delete(key);
}
