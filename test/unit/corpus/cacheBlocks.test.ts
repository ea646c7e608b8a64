import * as assert from 'node:assert/strict';
import {
  blocksShardFor, cacheJson, type CachedDocument, CORPUS_CACHE_VERSION, fillBlocks, hasBlocks, packContexts, readBlocksShard, readCacheText, readShard,
  type RecordBlocks, shardFor, shardOf, type TextState,
} from '../../../src/core/corpus/cache';
import { buildRecord, type CorpusRecord, qaPairs } from '../../../src/core/corpus/record';
import { symbolEntries } from '../../../src/core/corpus/symbols';
import { type BlocksSource, PendingBlocks } from '../../../src/features/corpus/pendingBlocks';
import { seed } from '../helpers';
import { answerText, questionsText } from './texts';

/** JSON as the cache writes it and reads it back (ASCII, read as Latin-1 where there is a fast way). */
function throughFile(value: unknown): unknown {
  const bytes = new TextEncoder().encode(cacheJson(value));
  return JSON.parse(readCacheText(bytes, (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')));
}

const stamp = { mtime: 1700000000000.5, size: 42 };

function docOf(uri: string, text: string): CachedDocument {
  return {
    uri, text: { stamp, parliamentary: true, record: buildRecord(text) },
    sidecar: { stamp: { mtime: 1, size: 2 }, textStamp: stamp, problems: [], annotations: [
      { id: 'a1', tags: ['wolf'], note: 'één – “noot”', start: 0, end: 5, orphaned: false, quote: 'Vragen' },
    ], contexts: packContexts([{ created: '', prefix: '', suffix: ' van' }]) },
  };
}

describe('corpus cache: records\' blocks in shards of their own', () => {
  const uri = 'file:///w/2024/stuk-000.txt';
  const shards = 4;
  const index = shardOf(uri, shards);

  it('a shard without blocks and its blocks shard read back as the document written, through the file', () => {
    const doc = docOf(uri, seed('000'));
    const record = doc.text?.record as CorpusRecord;
    assert.ok(record.blocks.length > 4 && record.blocks.every((b) => b.text.length > 0) && record.blocks.some((b) => b.parent !== undefined));
    const head = readShard(throughFile(shardFor([doc], { blocks: false })), index, shards);
    assert.ok(head && head.length === 1);
    const copy = head[0].text?.record as CorpusRecord;
    // What the views and the links read is there (counts, identities, references); the blocks are not.
    assert.deepEqual({ ...copy, blocks: record.blocks }, record);
    assert.deepEqual(copy.blocks, []);
    assert.ok(hasBlocks(copy), 'its counts say it had blocks');
    const blocks = readBlocksShard(throughFile(blocksShardFor([doc])), index, shards);
    const mine = blocks?.get(uri);
    assert.ok(mine);
    assert.ok(fillBlocks(copy, head[0].text?.stamp ?? stamp, mine));
    // Once filled, the document is the one written (non-ASCII characters included), and so is what is made of it.
    assert.deepEqual(head[0], doc);
    assert.deepEqual(qaPairs(copy), qaPairs(record));
    assert.deepEqual(symbolEntries(uri, copy), symbolEntries(uri, record));
  });

  it('writes ASCII only, and reads a file that is not ASCII as UTF-8', () => {
    const json = cacheJson({ s: 'één – ’x😀' });
    assert.match(json, /^[\x20-\x7e]*$/u);
    assert.deepEqual(JSON.parse(json), { s: 'één – ’x😀' });
    const utf8 = new TextEncoder().encode(JSON.stringify({ s: 'één' }));
    const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    assert.deepEqual(JSON.parse(readCacheText(utf8, latin1)), { s: 'één' });
    assert.deepEqual(JSON.parse(readCacheText(utf8)), { s: 'één' });
  });

  it('blocks of another stamp, another record, another version or another shard, or damaged, are not taken', () => {
    const doc = docOf(uri, seed('000'));
    const record = doc.text?.record as CorpusRecord;
    const blocks: RecordBlocks = { stamp, blocks: record.blocks };
    const copy = readShard(throughFile(shardFor([doc], { blocks: false })), index, shards)?.[0].text?.record as CorpusRecord;
    assert.equal(fillBlocks(copy, { ...stamp, size: 43 }, blocks), false);
    assert.equal(fillBlocks(copy, stamp, { stamp, blocks: record.blocks.filter((b) => b.kind === 'question') }), false, 'not its answers');
    assert.equal(fillBlocks(copy, stamp, { stamp, blocks: [] }), false);
    assert.deepEqual(copy.blocks, [], 'left as it was');
    const shard = blocksShardFor([doc]);
    assert.equal(readBlocksShard({ ...shard, cacheVersion: CORPUS_CACHE_VERSION - 1 }, index, shards), undefined);
    assert.equal(readBlocksShard('{', index, shards), undefined);
    assert.equal(readBlocksShard(shard, (index + 1) % shards, shards)?.size, 0);
    const b = record.blocks[1];
    for (const bad of [{ ...b, kind: 'x' }, { ...b, start: -1 }, { ...b, end: b.start - 1 }, { ...b, text: 3 }, { ...b, numbers: [1] }, { ...b, parent: 99 }, { ...b, parent: 1 }, 'x']) {
      const damaged = { ...shard, documents: [{ uri, stamp, blocks: [record.blocks[0], bad, ...record.blocks.slice(2)] }] };
      assert.equal(readBlocksShard(throughFile(damaged), index, shards)?.size, 0, JSON.stringify(bad).slice(0, 60));
    }
    assert.equal(readBlocksShard({ ...shard, documents: [{ uri, stamp: 'x', blocks: record.blocks }] }, index, shards)?.size, 0);
    // A record read back with its blocks (the default shard) is still read.
    assert.deepEqual(readShard(throughFile(shardFor([doc])), index, shards), [doc]);
  });

  it('leaves out records that wait for their blocks (those are read from their files again), and records without blocks', () => {
    const doc = docOf(uri, seed('000'));
    assert.equal(blocksShardFor([doc], () => false).documents.length, 0);
    assert.equal(blocksShardFor([doc]).documents.length, 1);
    const nota = docOf(uri, seed('001'));
    assert.equal(blocksShardFor([nota]).documents.length, 0);
    assert.ok(!hasBlocks(nota.text?.record as CorpusRecord));
  });
});

describe('corpus index: records from the cache get their blocks when needed', () => {
  const uris = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/c.txt'];
  // A beslisnota (no blocks) needs no texts: only documents with questions and answers wait for them.
  const built = uris.map((u, i) => docOf(u, [seed('000'), answerText(), questionsText()][i]));
  const beslisnota = docOf('file:///w/nota.txt', seed('001'));

  /** The documents as a start reads them: records without blocks. */
  function fromCache(): CachedDocument[] {
    return built.map((d) => readShard(throughFile(shardFor([d], { blocks: false })), 0, 1)?.[0] as CachedDocument);
  }

  function setUp(source: (keys: readonly string[]) => Promise<ReadonlyMap<string, RecordBlocks>>) {
    const docs = fromCache();
    const held = new Map<string, TextState | undefined>(docs.map((d) => [d.uri, d.text]));
    const reread: string[] = [];
    const loads: (readonly string[])[] = [];
    held.set(beslisnota.uri, beslisnota.text);
    const pending = new PendingBlocks((k) => held.get(k), async (keys) => {
      reread.push(...keys);
      // Read again: a new record from the file.
      for (const k of keys) held.set(k, built.find((d) => d.uri === k)?.text);
    });
    const blocksSource: BlocksSource = { loadBlocks: (keys) => { loads.push(keys); return source(keys); } };
    pending.expect([...docs, beslisnota], blocksSource);
    return { docs, held, reread, loads, pending };
  }

  const all = async (keys: readonly string[]): Promise<ReadonlyMap<string, RecordBlocks>> => {
    const m = new Map<string, RecordBlocks>();
    for (const d of built) if (keys.includes(d.uri)) m.set(d.uri, readBlocksShard(throughFile(blocksShardFor([d])), 0, 1)?.get(d.uri) as RecordBlocks);
    return m;
  };

  it('fills them in place from the cache, only those asked for, once', async () => {
    const { docs, loads, pending, reread } = setUp(all);
    assert.ok(!pending.complete);
    assert.ok(!pending.has(uris[0], docs[0].text?.record as CorpusRecord));
    await pending.load([uris[0]]);
    assert.deepEqual(loads, [[uris[0]]]);
    assert.deepEqual(docs[0], built[0]);
    assert.deepEqual(docs[1].text?.record?.blocks, []);
    await pending.load();
    await pending.load();
    assert.deepEqual(loads, [[uris[0]], [uris[1], uris[2]]]);
    assert.deepEqual(docs, built);
    assert.ok(pending.complete);
    assert.deepEqual(reread, []);
  });

  it('a missing or damaged texts shard: those documents are read from their files again', async () => {
    const { held, pending, reread } = setUp(async (keys) => {
      const m = new Map(await all(keys));
      m.delete(uris[1]);
      m.set(uris[2], { stamp: { ...stamp, size: 1 }, blocks: built[2].text?.record?.blocks ?? [] });
      return m;
    });
    await pending.load();
    assert.deepEqual(reread.sort(), [uris[1], uris[2]]);
    assert.equal(held.get(uris[1]), built[1].text);
    assert.ok(pending.complete);
    // The texts source failing altogether: everything read again.
    const failing = setUp(async () => { throw new Error('gone'); });
    await failing.pending.load();
    assert.deepEqual(failing.reread.sort(), [...uris].sort());
  });

  it('a record the index no longer holds (its file changed, the index cleared) is not loaded', async () => {
    const { held, loads, pending, reread } = setUp(all);
    held.set(uris[0], built[0].text);
    pending.clear();
    await pending.load();
    assert.deepEqual(loads, []);
    const again = setUp(all);
    again.held.set(uris[0], built[0].text);
    await again.pending.load();
    assert.deepEqual(again.loads, [[uris[1], uris[2]]]);
    assert.deepEqual(reread, []);
  });
});
