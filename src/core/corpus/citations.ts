/**
 * "Cited by": how many documents of the corpus refer to a document, by any of the identities it
 * gives itself (its Aanhangsel number, `kst-…` identifier, document or zaak number). A document that
 * cites another several times, or by several of its identities, counts once; a document never
 * cites itself. Pure and batch: one pass over the references, for a whole table at once (the
 * incremental `CorpusIndex` answers the same question for one document).
 */
import type { CorpusRecord } from './record';

export interface CitingDocument {
  readonly path: string;
  readonly record: Pick<CorpusRecord, 'identities' | 'references'>;
}

/**
 * For each document, the documents that cite it (sorted), or none. Linear in identities plus
 * references (plus sorting the citers of each cited document).
 */
export function citersByDocument(docs: readonly CitingDocument[]): Map<string, string[]> {
  // Identity key → documents that have it.
  const owners = new Map<string, string[]>();
  for (const d of docs) {
    for (const key of new Set(d.record.identities)) {
      const list = owners.get(key);
      if (list) list.push(d.path); else owners.set(key, [d.path]);
    }
  }
  const citers = new Map<string, Set<string>>();
  for (const d of docs) {
    for (const ref of d.record.references) {
      for (const target of owners.get(ref.key) ?? []) {
        if (target === d.path) continue;
        const set = citers.get(target);
        if (set) set.add(d.path); else citers.set(target, new Set([d.path]));
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const d of docs) out.set(d.path, [...(citers.get(d.path) ?? [])].sort());
  return out;
}

/** For each document, how many documents cite it (0 when none). */
export function citedByCounts(docs: readonly CitingDocument[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [path, list] of citersByDocument(docs)) out.set(path, list.length);
  return out;
}
