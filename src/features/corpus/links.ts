import * as vscode from 'vscode';
import { CorpusIndex } from '../../core/corpus/corpusIndex';
import type { CorpusRecord } from '../../core/corpus/record';
import { symbolEntries, type SymbolEntry } from '../../core/corpus/symbols';
import type { CorpusChange, CorpusService } from './service';

/**
 * The corpus as links between documents: the identities and references of every record of the
 * corpus index (a `CorpusIndex`, keyed by URI string), and the workspace symbol entries of each.
 * Built from the corpus on first use, then kept up to date from its change events, one document
 * at a time: nothing is parsed or read here, the records suffice.
 */
export class CorpusLinks implements vscode.Disposable {
  private index?: CorpusIndex;
  private readonly uris = new Map<string, vscode.Uri>();
  /** Symbol entries per document, built on first symbol search; their concatenation, kept until a change. */
  private entries?: Map<string, SymbolEntry[]>;
  private flat?: SymbolEntry[];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange((c) => this.apply(c));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Resolves when the corpus has been indexed once (or the pass was stopped). */
  get ready(): Promise<void> {
    return this.corpus.ready;
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

  /** Every question and answer of the corpus, as symbol entries (keys are URI strings). */
  symbols(): readonly SymbolEntry[] {
    if (this.flat) return this.flat;
    const index = this.links();
    this.entries ??= new Map();
    const out: SymbolEntry[] = [];
    for (const [key, record] of index.entries()) {
      let list = this.entries.get(key);
      if (!list) {
        list = symbolEntries(key, record);
        this.entries.set(key, list);
      }
      for (const e of list) out.push(e);
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
