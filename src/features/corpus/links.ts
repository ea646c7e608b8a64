import vscode = require('vscode');
import { CorpusIndex } from '../../core/corpus/corpusIndex';
import type { CorpusRecord } from '../../core/corpus/record';
import { symbolEntries, type SymbolEntry } from '../../core/corpus/symbols';
import { type CorpusService, SLICE_MS } from './service';
import type { CorpusChange } from './types';

/**
 * The corpus as links between documents: the identities and references of every record of the
 * corpus index (a `CorpusIndex`, keyed by URI string), and the workspace symbol entries of each.
 * Built from the corpus on first use, then kept up to date from its change events, one document
 * at a time: nothing is parsed or read here, the records suffice.
 */
export class CorpusLinks implements vscode.Disposable {
  private index?: CorpusIndex;
  private readonly uris = new Map<string, vscode.Uri>();
  /** Symbol entries per document (with the record they were built from), built on first symbol search; their concatenation, kept until a change. */
  private entries?: Map<string, { readonly record: CorpusRecord; readonly list: SymbolEntry[] }>;
  private flat?: SymbolEntry[];
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly corpus: CorpusService) {
    this.subscriptions = [
      corpus.onDidChange((c) => this.apply(c)),
      // A pass reports only what changed: documents it took unchanged from the cache, or a
      // rebuild after `clear`, come without events. The index is made again (a few ms per
      // 1,000 documents) when a pass is done; symbol entries are kept while their record is.
      corpus.onDidChangeState((state) => {
        if (state !== 'indexing') this.invalidate();
      }),
    ];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private invalidate(): void {
    this.index = undefined;
    this.flat = undefined;
    this.uris.clear();
  }

  /** Whether the corpus has been indexed once: from then on the index knows every document of the workspace on disk. */
  get complete(): boolean {
    return this.corpus.state === 'ready';
  }

  /** The index of identities and references, as far as the corpus knows them now. */
  links(): CorpusIndex {
    if (!this.index) {
      const index = new CorpusIndex();
      for (const d of this.corpus.documents()) if (d.record) this.setRecord(index, d.uri, d.record);
      this.index = index;
    }
    return this.index;
  }

  /** The URI of a document of the index (by its key). */
  uriOf(key: string): vscode.Uri {
    return this.uris.get(key) ?? vscode.Uri.parse(key);
  }

  /**
   * Every question and answer of the corpus, as symbol entries (keys are URI strings). The first
   * call builds them in slices of at most SLICE_MS (about 0.3 s for 1,000 documents), letting the
   * extension host answer others in between; later calls only rebuild the documents that changed.
   */
  async symbols(token?: vscode.CancellationToken): Promise<readonly SymbolEntry[]> {
    // Entries are built from the blocks: records taken from the cache get theirs first.
    await this.corpus.blocks();
    if (this.flat) return this.flat;
    const entries = (this.entries ??= new Map());
    let sliceStart = performance.now();
    for (const [key, record] of [...this.links().entries()]) {
      if (token?.isCancellationRequested) return [];
      if (entries.get(key)?.record === record || this.index?.get(key) !== record) continue;
      entries.set(key, { record, list: symbolEntries(key, record) });
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    // Documents that changed while this ran are built now (few, at once); documents gone are dropped.
    const out: SymbolEntry[] = [];
    const index = this.links();
    for (const key of [...entries.keys()]) if (!index.get(key)) entries.delete(key);
    for (const [key, record] of index.entries()) {
      let built = entries.get(key);
      if (built?.record !== record) {
        built = { record, list: symbolEntries(key, record) };
        entries.set(key, built);
      }
      for (const e of built.list) out.push(e);
    }
    this.flat = out;
    return out;
  }

  private setRecord(index: CorpusIndex, uri: vscode.Uri, record: CorpusRecord): void {
    const key = uri.toString();
    this.uris.set(key, uri);
    index.set(key, record);
  }

  private apply(change: CorpusChange): void {
    const index = this.index;
    if (!index) return;
    for (const uri of change.changed) {
      const key = uri.toString();
      const record = this.corpus.document(uri)?.record;
      // Annotation changes fire too: the record is then the same object.
      if (record === index.get(key)) continue;
      if (record) this.setRecord(index, uri, record);
      else this.forget(key);
      this.entries?.delete(key);
      this.flat = undefined;
    }
    for (const uri of change.removed) {
      this.forget(uri.toString());
      this.flat = undefined;
    }
  }

  private forget(key: string): void {
    this.index?.delete(key);
    this.entries?.delete(key);
    this.uris.delete(key);
  }
}
