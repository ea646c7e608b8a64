import * as assert from 'node:assert/strict';
import {
  type BlockTexts, cacheJson, type CachedDocument, CORPUS_CACHE_VERSION, fillBlockTexts, readCacheText, readShard, readTextsShard, shardFor, shardOf,
  type TextState, textsShardFor,
} from '../../../src/core/corpus/cache';
import { buildRecord, type CorpusRecord, qaPairs } from '../../../src/core/corpus/record';
import { symbolEntries } from '../../../src/core/corpus/symbols';
import { PendingTexts, type TextsSource } from '../../../src/features/corpus/blockTexts';
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
      { id: 'a1', tags: ['wolf'], note: 'één – “noot”', created: '', start: 0, end: 5, orphaned: false, quote: 'Vragen', prefix: '', suffix: ' van' },
    ] },
  };
}

describe('corpus cache: block texts in shards of their own', () => {
  const uri = 'file:///w/2024/stuk-000.txt';
  const shards = 4;
  const index = shardOf(uri, shards);

  it('a shard without block texts and its texts shard read back as the document written, through the file', () => {
    const doc = docOf(uri, seed('000'));
    const record = doc.text?.record as CorpusRecord;
    assert.ok(record.blocks.length > 4 && record.blocks.every((b) => b.text.length > 0));
    const head = readShard(throughFile(shardFor([doc], { blockTexts: false })), index, shards);
    assert.ok(head && head.length === 1);
    const copy = head[0].text?.record as CorpusRecord;
    // The blocks are there (offsets, labels, numbers for the views and the links), their texts are not.
    assert.deepEqual(copy.blocks.map((b) => ({ ...b, text: '' })), record.blocks.map((b) => ({ ...b, text: '' })));
    assert.ok(copy.blocks.every((b) => b.text === ''));
    const texts = readTextsShard(throughFile(textsShardFor([doc])), index, shards);
    const mine = texts?.get(uri);
    assert.ok(mine);
    assert.ok(fillBlockTexts(copy, head[0].text?.stamp ?? stamp, mine));
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

  it('texts of another stamp, another number of blocks, another version or another shard are not taken', () => {
    const doc = docOf(uri, seed('000'));
    const record = doc.text?.record as CorpusRecord;
    const texts: BlockTexts = { stamp, texts: record.blocks.map((b) => b.text) };
    const copy = readShard(throughFile(shardFor([doc], { blockTexts: false })), index, shards)?.[0].text?.record as CorpusRecord;
    assert.equal(fillBlockTexts(copy, { ...stamp, size: 43 }, texts), false);
    assert.equal(fillBlockTexts(copy, stamp, { stamp, texts: texts.texts.slice(1) }), false);
    assert.ok(copy.blocks.every((b) => b.text === ''), 'left as it was');
    const shard = textsShardFor([doc]);
    assert.equal(readTextsShard({ ...shard, cacheVersion: CORPUS_CACHE_VERSION - 1 }, index, shards), undefined);
    assert.equal(readTextsShard('{', index, shards), undefined);
    assert.equal(readTextsShard(shard, (index + 1) % shards, shards)?.size, 0);
    const damaged = { ...shard, documents: [{ uri, stamp, texts: [1, 2] }, { uri: 'file:///w/x.txt', stamp: 'x', texts: [] }] };
    assert.equal(readTextsShard(damaged, index, shards)?.size, 0);
    // A record read back with its texts (the default shard) is still read.
    assert.deepEqual(readShard(throughFile(shardFor([doc])), index, shards), [doc]);
  });

  it('leaves out records that wait for their texts: those are read from their files again', () => {
    const doc = docOf(uri, seed('000'));
    assert.equal(textsShardFor([doc], () => false).documents.length, 0);
    assert.equal(textsShardFor([doc]).documents.length, 1);
  });
});

describe('corpus index: records from the cache get their block texts when needed', () => {
  const uris = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/c.txt'];
  // A beslisnota (no blocks) needs no texts: only documents with questions and answers wait for them.
  const built = uris.map((u, i) => docOf(u, [seed('000'), answerText(), questionsText()][i]));
  const beslisnota = docOf('file:///w/nota.txt', seed('001'));

  /** The documents as a start reads them: records without block texts. */
  function fromCache(): CachedDocument[] {
    return built.map((d) => readShard(throughFile(shardFor([d], { blockTexts: false })), 0, 1)?.[0] as CachedDocument);
  }

  function setUp(source: (keys: readonly string[]) => Promise<ReadonlyMap<string, BlockTexts>>) {
    const docs = fromCache();
    const held = new Map<string, TextState | undefined>(docs.map((d) => [d.uri, d.text]));
    const reread: string[] = [];
    const loads: (readonly string[])[] = [];
    held.set(beslisnota.uri, beslisnota.text);
    const pending = new PendingTexts((k) => held.get(k), async (keys) => {
      reread.push(...keys);
      // Read again: a new record from the file.
      for (const k of keys) held.set(k, built.find((d) => d.uri === k)?.text);
    });
    const textsSource: TextsSource = { loadTexts: (keys) => { loads.push(keys); return source(keys); } };
    pending.expect([...docs, beslisnota], textsSource);
    return { docs, held, reread, loads, pending };
  }

  const all = async (keys: readonly string[]): Promise<ReadonlyMap<string, BlockTexts>> => {
    const m = new Map<string, BlockTexts>();
    for (const d of built) if (keys.includes(d.uri)) m.set(d.uri, { stamp, texts: d.text?.record?.blocks.map((b) => b.text) ?? [] });
    return m;
  };

  it('fills them in place from the cache, only those asked for, once', async () => {
    const { docs, loads, pending, reread } = setUp(all);
    assert.ok(!pending.complete);
    assert.ok(!pending.has(uris[0], docs[0].text?.record as CorpusRecord));
    await pending.load([uris[0]]);
    assert.deepEqual(loads, [[uris[0]]]);
    assert.deepEqual(docs[0], built[0]);
    assert.ok(docs[1].text?.record?.blocks.every((b) => b.text === ''));
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
      m.set(uris[2], { stamp, texts: ['too few'] });
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
