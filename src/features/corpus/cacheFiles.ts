import * as vscode from 'vscode';
import {
  type CachedDocument, type CacheManifest, manifestFor, readManifest, readShard, shardCountFor, shardFor, shardOf,
} from '../../core/corpus/cache';
import type { CorpusService } from './service';

const MANIFEST = 'manifest.json';
const shardName = (count: number, index: number): string => `shard-${count}-${index}.json`;
/** The workspace state's key for the number of shards the last save wrote (see `load`). */
const SHARDS_KEY = 'kamerstukken.corpusCacheShards';

/**
 * The corpus cache on disk: a manifest and shards of JSON in the extension's storage, read and
 * written through `workspace.fs`, parsed and stringified one shard per slice. Anything that does
 * not read back as this version's cache is ignored (and so rebuilt from the files).
 */
export class CorpusCacheFiles {
  private manifest?: CacheManifest;

  constructor(private readonly dir: vscode.Uri, private readonly service: CorpusService, private readonly memento?: vscode.Memento) {}

  /**
   * The cached documents; empty when there is no usable cache. The shards are read with the
   * manifest, not after it, when the workspace's state remembers how many the last save wrote:
   * every `workspace.fs` call waits for a round trip to the workbench, slow while it starts.
   */
  async load(): Promise<CachedDocument[]> {
    const remembered = this.memento?.get<unknown>(SHARDS_KEY);
    const early = typeof remembered === 'number' && Number.isInteger(remembered) && remembered >= 1 && remembered <= 1 << 16
      ? this.readShards(remembered) : undefined;
    let manifest: CacheManifest | undefined;
    try {
      const bytes = await this.service.fs.readFile(vscode.Uri.joinPath(this.dir, MANIFEST));
      manifest = readManifest(JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      return [];
    }
    if (!manifest) return [];
    this.manifest = manifest;
    return early && remembered === manifest.shards ? early : this.readShards(manifest.shards);
  }

  /** The documents of every shard of a cache of `count` shards (a shard that does not read back gives none). */
  private async readShards(count: number): Promise<CachedDocument[]> {
    const { fs, slicer } = this.service;
    const shards = await Promise.all(Array.from({ length: count }, async (_, i) => {
      try {
        const bytes = await fs.readFile(vscode.Uri.joinPath(this.dir, shardName(count, i)));
        return await slicer.run(() => readShard(JSON.parse(new TextDecoder().decode(bytes)), i, count) ?? []);
      } catch {
        return [];
      }
    }));
    return shards.flat();
  }

  /**
   * Writes the shards that hold the documents `changed` (URI strings), or every shard when the
   * number of shards changes with the size of the corpus; the manifest last.
   */
  async save(changed: Iterable<string>): Promise<void> {
    const { fs, slicer } = this.service;
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
    await fs.pool.run(() => vscode.workspace.fs.createDirectory(this.dir));
    const previous = this.manifest;
    if (all) this.manifest = undefined;
    await Promise.all([...dirty].map(async (s) => {
      const { docs, json } = await slicer.run(() => {
        const docs: CachedDocument[] = [];
        for (const k of members.get(s) ?? []) {
          const d = this.service.cached(k);
          if (d) docs.push(d);
        }
        return { docs, json: JSON.stringify(shardFor(docs)) };
      }, 1);
      await fs.writeFile(vscode.Uri.joinPath(this.dir, shardName(count, s)), new TextEncoder().encode(json));
      // The index then keeps what the cache holds, read back: strings of their own instead of pieces
      // that keep whole texts and sidecars alive (half the memory of an index built from the files).
      await slicer.run(() => {
        const back = readShard(JSON.parse(json), s, count);
        if (back) this.service.adopt(docs, back);
      }, 1);
    }));
    const manifest = manifestFor(count);
    await fs.writeFile(vscode.Uri.joinPath(this.dir, MANIFEST), new TextEncoder().encode(JSON.stringify(manifest)));
    this.manifest = manifest;
    if (this.memento?.get(SHARDS_KEY) !== count) await this.memento?.update(SHARDS_KEY, count);
    if (previous && previous.shards !== count) {
      // The shards of the old layout are no longer read.
      await Promise.all(Array.from({ length: previous.shards }, (_, i) =>
        fs.pool.run(() => vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir, shardName(previous.shards, i)))).then(undefined, () => undefined)));
    }
  }
}
