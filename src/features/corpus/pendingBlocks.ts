import { type CachedDocument, fillBlocks, hasBlocks, type RecordBlocks, type TextState } from '../../core/corpus/cache';
import type { CorpusRecord } from '../../core/corpus/record';

/** Where the blocks of records read from the cache are: the cache's blocks shards (see cacheFiles.ts). */
export interface BlocksSource {
  /** The blocks the cache holds for these documents (by URI string); those it does not hold are missing. */
  loadBlocks(keys: readonly string[]): Promise<ReadonlyMap<string, RecordBlocks>>;
}

/**
 * The records the index took from the cache without their blocks (the cache keeps those apart, so
 * that a start reads half as much before its views fill), and the loading of those blocks when
 * something needs them: Go to Symbol in Workspace, the JSON Lines export, intercoder agreement, a
 * write of the cache. A record gets its blocks in place (it stays the same object); one whose
 * blocks the cache does not have (a blocks shard missing or damaged) is read from its file again
 * (`reread`).
 */
export class PendingBlocks {
  private readonly pending = new Map<string, CorpusRecord>();
  private source?: BlocksSource;
  /** Documents being read again: a caller that finds nothing pending still waits for their records. */
  private rereading: Promise<void> = Promise.resolve();

  constructor(
    /** The text state the index holds for a document now (its entry's, else the cache seed's). */
    private readonly current: (key: string) => TextState | undefined,
    /** Reads these documents' texts from their files again (their records rebuilt). */
    private readonly reread: (keys: readonly string[]) => Promise<void>,
  ) {}

  /** Documents read from a cache that keeps their records' blocks in `source`. */
  expect(documents: Iterable<CachedDocument>, source: BlocksSource): void {
    this.source = source;
    for (const d of documents) {
      const record = d.text?.record;
      if (record && record.blocks.length === 0 && hasBlocks(record)) this.pending.set(d.uri, record);
    }
  }

  /** Whether `record` (of document `key`) has its blocks. */
  has(key: string, record: CorpusRecord): boolean {
    return this.pending.get(key) !== record;
  }

  /** Whether every record has its blocks. */
  get complete(): boolean {
    return this.pending.size === 0;
  }

  clear(): void {
    this.pending.clear();
  }

  /** Resolves when the records of `keys` (default: every record) have their blocks. */
  async load(keys?: Iterable<string>): Promise<void> {
    for (;;) {
      const wanted: string[] = [];
      for (const k of keys ?? [...this.pending.keys()]) {
        const record = this.pending.get(k);
        if (!record) continue;
        // A record the index no longer holds (its file changed, the index was cleared) needs none.
        if (this.current(k)?.record !== record) this.pending.delete(k);
        else wanted.push(k);
      }
      if (wanted.length === 0) break;
      await this.loadNow(wanted);
    }
    await this.rereading;
  }

  private async loadNow(keys: readonly string[]): Promise<void> {
    const found = this.source ? await this.source.loadBlocks(keys).catch(() => undefined) : undefined;
    const reread: string[] = [];
    for (const k of keys) {
      const record = this.pending.get(k);
      if (!record) continue;
      const state = this.current(k);
      this.pending.delete(k);
      if (!state || state.record !== record) continue;
      const blocks = found?.get(k);
      if (!blocks || !fillBlocks(record, state.stamp, blocks)) reread.push(k);
    }
    if (reread.length === 0) return;
    const done = this.reread(reread).catch((error: unknown) => console.error('[kamerstukken] corpus texts not read again', error));
    this.rereading = Promise.all([this.rereading, done]).then(() => undefined);
    await done;
  }
}

/**
 * Whether the copy `c` of the written document `w` can stand for it: its record (read back without
 * blocks) given the written record's blocks, or no record at all. Not when the written record
 * itself still waits for its blocks.
 */
export function copiedRecord(w: CachedDocument, c: CachedDocument, pending: PendingBlocks): boolean {
  const written = w.text?.record;
  const copy = c.text?.record;
  if (!written || !copy || !w.text) return written === undefined && copy === undefined;
  if (!pending.has(w.uri, written)) return false;
  if (written.blocks.length === 0) return true;
  return fillBlocks(copy, c.text?.stamp ?? w.text.stamp, { stamp: w.text.stamp, blocks: written.blocks });
}
