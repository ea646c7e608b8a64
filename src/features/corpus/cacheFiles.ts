import vscode = require('vscode');
import {
  blocksShardFor, cacheJson, type CachedDocument, type CacheManifest, manifestFor, readBlocksShard, readCacheText, readManifest, readShard,
  type RecordBlocks, shardCountFor, shardFor, shardOf,
} from '../../core/corpus/cache';
import type { BlocksSource } from './pendingBlocks';
import type { CorpusService } from './service';

const MANIFEST = 'manifest.json';
const shardName = (count: number, index: number): string => `shard-${count}-${index}.json`;
/** The blocks of shard `index`'s records (see `shardFor`), read only when needed. */
const blocksName = (count: number, index: number): string => `blocks-${count}-${index}.json`;
/** The workspace state's key for the number of shards the last save wrote (see `load`). */
const SHARDS_KEY = 'kamerstukken.corpusCacheShards';

/** Bytes as Latin-1, where the runtime has a fast way (Node's Buffer; not in a web worker). */
const latin1 = ((): ((bytes: Uint8Array) => string) | undefined => {
  const buffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): { toString(encoding: string): string } } }).Buffer;
  return buffer ? (bytes) => buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : undefined;
})();

function parse(bytes: Uint8Array): unknown {
  return JSON.parse(readCacheText(bytes, latin1));
}

/**
 * Reads a file of the extension's own storage where the extension host offers a faster way than
 * `workspace.fs` (see extensionNode.ts); undefined for a URI it does not read (the caller then uses
 * `workspace.fs`).
 */
export type StorageReader = (uri: vscode.Uri) => Promise<Uint8Array> | undefined;

function encode(json: string): Uint8Array {
  return new TextEncoder().encode(json);
}

/**
 * The corpus cache on disk: a manifest and shards of JSON in the extension's storage, read and
 * written through `workspace.fs`, parsed and stringified one shard per slice. The blocks of each
 * shard's records are in a shard of their own, read when something needs them (`loadBlocks`).
 * Anything that does not read back as this version's cache is ignored (and so rebuilt from the files).
 */
export class CorpusCacheFiles implements BlocksSource {
  private manifest?: CacheManifest;

  constructor(
    private readonly dir: vscode.Uri,
    private readonly service: CorpusService,
    private readonly memento?: vscode.Memento,
    private readonly storage?: StorageReader,
  ) {}

  /**
   * A cache file's bytes: through the storage reader where there is one. At a start every
   * `workspace.fs` call first waits for the workbench to confirm the file system (a round trip it
   * answers late while it starts itself): the first shard's bytes came 190–540 ms after activation
   * over a corpus of 1,000 documents, against ~70 ms read directly.
   */
  private read(name: string): Promise<Uint8Array> {
    const uri = vscode.Uri.joinPath(this.dir, name);
    return this.storage?.(uri) ?? this.service.fs.readFile(uri);
  }

  /**
   * The cached documents, their records without blocks; empty when there is no usable cache.
   * The shards are read with the manifest, not after it, when the workspace's state remembers how
   * many the last save wrote: every `workspace.fs` call waits for a round trip to the workbench,
   * slow while it starts.
   */
  async load(): Promise<CachedDocument[]> {
    const remembered = this.memento?.get<unknown>(SHARDS_KEY);
    const early = typeof remembered === 'number' && Number.isInteger(remembered) && remembered >= 1 && remembered <= 1 << 16
      ? this.readShards(remembered) : undefined;
    let manifest: CacheManifest | undefined;
    try {
      manifest = readManifest(parse(await this.read(MANIFEST)));
    } catch {
      return [];
    }
    if (!manifest) return [];
    this.manifest = manifest;
    return early && remembered === manifest.shards ? early : this.readShards(manifest.shards);
  }

  /** The documents of every shard of a cache of `count` shards (a shard that does not read back gives none). */
  private async readShards(count: number): Promise<CachedDocument[]> {
    const { slicer } = this.service;
    const shards = await Promise.all(Array.from({ length: count }, async (_, i) => {
      try {
        const bytes = await this.read(shardName(count, i));
        this.service.timeline.cacheBytesAt ??= performance.now();
        return await slicer.run(() => readShard(parse(bytes), i, count) ?? []);
      } catch {
        return [];
      }
    }));
    return shards.flat();
  }

  /** The blocks the cache holds for these documents (URI strings): the blocks shards that hold them, read. */
  async loadBlocks(keys: readonly string[]): Promise<ReadonlyMap<string, RecordBlocks>> {
    const count = this.manifest?.shards;
    const out = new Map<string, RecordBlocks>();
    if (count === undefined) return out;
    const { slicer } = this.service;
    await Promise.all([...new Set(keys.map((k) => shardOf(k, count)))].map(async (i) => {
      try {
        const bytes = await this.read(blocksName(count, i));
        const blocks = await slicer.run(() => readBlocksShard(parse(bytes), i, count));
        if (blocks) for (const [k, b] of blocks) out.set(k, b);
      } catch {
        // Missing or unreadable: its documents are read from their files again.
      }
    }));
    return out;
  }

  /**
   * Writes the shards that hold the documents `changed` (URI strings), or every shard when the
   * number of shards changes with the size of the corpus; the manifest last.
   */
  async save(changed: Iterable<string>): Promise<void> {
    const { fs } = this.service;
    const keys = [...this.service.keys()];
    const count = shardCountFor(keys.length);
    const all = this.manifest?.shards !== count;
    const dirty = new Set<number>();
    if (all) for (let i = 0; i < count; i++) dirty.add(i);
    else for (const k of changed) dirty.add(shardOf(k, count));
    if (dirty.size === 0) return;
    const members = new Map<number, string[]>();
    for (const k of keys) {
      const s = shardOf(k, count);
      if (!dirty.has(s)) continue;
      const list = members.get(s);
      if (list) list.push(k); else members.set(s, [k]);
    }
    // The blocks of what is written, where the index took records from the cache without them (read
    // from the shards of the layout the cache has now, before it changes).
    await this.service.blocks(all ? undefined : [...members.values()].flat());
    await fs.pool.run(() => vscode.workspace.fs.createDirectory(this.dir));
    const previous = this.manifest;
    if (all) this.manifest = undefined;
    await Promise.all([...dirty].map((s) => this.writeShard(s, count, members.get(s) ?? [])));
    const manifest = manifestFor(count);
    await fs.writeFile(vscode.Uri.joinPath(this.dir, MANIFEST), encode(JSON.stringify(manifest)));
    this.manifest = manifest;
    if (this.memento?.get(SHARDS_KEY) !== count) await this.memento?.update(SHARDS_KEY, count);
    if (previous && previous.shards !== count) {
      // The shards of the old layout are no longer read.
      const old = Array.from({ length: previous.shards }, (_, i) => [shardName(previous.shards, i), blocksName(previous.shards, i)]).flat();
      await Promise.all(old.map((name) =>
        fs.pool.run(() => vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir, name))).then(undefined, () => undefined)));
    }
  }

  /** Writes shard `s` of `count` (the documents `keys`) and its records' blocks. */
  private async writeShard(s: number, count: number, keys: readonly string[]): Promise<void> {
    const { fs, slicer } = this.service;
    const { docs, json, blocks } = await slicer.run(() => {
      const docs: CachedDocument[] = [];
      for (const k of keys) {
        const d = this.service.cached(k);
        if (d) docs.push(d);
      }
      return {
        docs, json: cacheJson(shardFor(docs, { blocks: false })),
        blocks: cacheJson(blocksShardFor(docs, (d, record) => this.service.hasBlocks(d.uri, record))),
      };
    }, 1);
    await Promise.all([
      fs.writeFile(vscode.Uri.joinPath(this.dir, shardName(count, s)), encode(json)),
      fs.writeFile(vscode.Uri.joinPath(this.dir, blocksName(count, s)), encode(blocks)),
    ]);
    // The index then keeps what the cache holds, read back: strings of their own instead of pieces
    // that keep whole texts and sidecars alive (half the memory of an index built from the files).
    await slicer.run(() => {
      const back = readShard(JSON.parse(json), s, count);
      if (back) this.service.adopt(docs, back);
    }, 1);
  }
}
