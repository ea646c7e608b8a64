import * as assert from 'node:assert/strict';
import { SIDECAR_VERSION } from '../../../src/core/annotations/sidecar';
import {
  contextsOf, CORPUS_CACHE_VERSION, manifestFor, packContexts, readManifest, readShard, sameStamp, shardCountFor, shardFor, shardOf, type CachedDocument, unpackContexts,
} from '../../../src/core/corpus/cache';
import { buildRecord, CORPUS_RECORD_VERSION } from '../../../src/core/corpus/record';
import { FileBudget, fileRole, limitOf, walksFolder } from '../../../src/core/corpus/workspaceFiles';
import { Pool, TimeSlicer } from '../../../src/core/util/pool';

describe('corpus cache', () => {
  const record = buildRecord('Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n');
  const doc = (uri: string): CachedDocument => ({
    uri, text: { stamp: { mtime: 1700000000000.5, size: 42 }, parliamentary: true, record },
    sidecar: { stamp: { mtime: 1, size: 2 }, textStamp: { mtime: 1700000000000.5, size: 42 }, problems: [], annotations: [
      { id: 'a1', tags: ['t'], start: 0, end: 5, orphaned: false, quote: 'Vraag' },
    ], contexts: packContexts([{ created: '2024-05-01T10:00:00Z', prefix: '', suffix: ' 1' }]) },
  });

  it('keys by modification time and size', () => {
    assert.ok(sameStamp({ mtime: 1, size: 2 }, { mtime: 1, size: 2 }));
    assert.ok(!sameStamp({ mtime: 1, size: 2 }, { mtime: 1, size: 3 }));
    assert.ok(!sameStamp({ mtime: 1, size: 2 }, { mtime: 2, size: 2 }));
    assert.ok(!sameStamp(undefined, { mtime: 1, size: 2 }));
  });

  it('reads back what it wrote, through JSON', () => {
    const count = 4;
    const uri = 'file:///w/a.txt';
    const shard = JSON.parse(JSON.stringify(shardFor([doc(uri)])));
    assert.deepEqual(readShard(shard, shardOf(uri, count), count), [doc(uri)]);
    assert.deepEqual(readManifest(JSON.parse(JSON.stringify(manifestFor(8)))), manifestFor(8));
  });

  it('trusts nothing of another version or damaged: such documents are dropped (and read again)', () => {
    assert.equal(readManifest({ ...manifestFor(4), recordVersion: CORPUS_RECORD_VERSION + 1 }), undefined);
    assert.equal(readManifest({ ...manifestFor(4), sidecarVersion: SIDECAR_VERSION + 1 }), undefined);
    assert.equal(readManifest({ ...manifestFor(4), cacheVersion: CORPUS_CACHE_VERSION + 1 }), undefined);
    assert.equal(readManifest({ ...manifestFor(4), shards: -1 }), undefined);
    assert.equal(readManifest('x'), undefined);
    assert.equal(readShard({ cacheVersion: CORPUS_CACHE_VERSION + 1, documents: [] }, 0, 1), undefined);
    const good = doc('file:///w/a.txt');
    const bad = [
      { ...good, text: { ...good.text, stamp: { mtime: 'x', size: 1 } } },
      { ...good, text: { ...good.text, record: { ...record, version: 99 } } },
      { ...good, sidecar: { ...good.sidecar, annotations: [{ id: 'a', tags: [1] }] } },
      // Contexts missing, not a string, or not one per annotation (cut short, one too many, a length that is not a number).
      { ...good, sidecar: { ...good.sidecar, contexts: undefined } },
      { ...good, sidecar: { ...good.sidecar, contexts: [] } },
      { ...good, sidecar: { ...good.sidecar, contexts: good.sidecar?.contexts.slice(0, -1) } },
      { ...good, sidecar: { ...good.sidecar, contexts: `${good.sidecar?.contexts}0:0:0:` } },
      { ...good, sidecar: { ...good.sidecar, contexts: `x${good.sidecar?.contexts}` } },
      { uri: 'file:///w/a.txt' },
    ];
    for (const b of bad) assert.deepEqual(readShard({ cacheVersion: CORPUS_CACHE_VERSION, documents: [b, good] }, 0, 1), [good], JSON.stringify(b).slice(0, 80));
    // A document in the wrong shard is not one this cache wrote there.
    const other = shardOf(good.uri, 4) === 0 ? 1 : 0;
    assert.deepEqual(readShard({ cacheVersion: CORPUS_CACHE_VERSION, documents: [good] }, other, 4), []);
  });

  it('packs the annotations\' creation times and contexts into one string per sidecar, and unpacks them as they were', () => {
    const contexts = [
      { created: '2024-05-01T10:00:00.000Z', prefix: 'de wolf: ', suffix: ' 12:30' },
      { created: '', prefix: '', suffix: '' },
      { created: '2023-01-02', prefix: '10:20 één – “x”\n😀', suffix: '3:' },
    ];
    const packed = packContexts(contexts);
    assert.deepEqual(unpackContexts(packed, 3), contexts);
    assert.deepEqual(contextsOf({ annotations: [1, 2, 3], contexts: packed }), contexts);
    assert.deepEqual(unpackContexts('', 0), []);
    // Not as many as the annotations, or damaged: undefined (and empty contexts from contextsOf, one per annotation).
    assert.equal(unpackContexts(packed, 2), undefined);
    assert.equal(unpackContexts(packed.slice(0, -1), 3), undefined);
    assert.equal(unpackContexts(`-${packed}`, 3), undefined);
    assert.deepEqual(contextsOf({ annotations: [1], contexts: '9:x' }), [{ created: '', prefix: '', suffix: '' }]);
  });

  it('grows the number of shards with the corpus, about 128 documents each', () => {
    assert.equal(shardCountFor(0), 4);
    assert.equal(shardCountFor(1000), 8);
    assert.equal(shardCountFor(10_000), 128);
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[shardOf(`file:///w/doc-${i}.txt`, 8)]++;
    assert.ok(Math.min(...counts) > 800 && Math.max(...counts) < 1200, counts.join(' '));
  });
});

describe('corpus files and limits', () => {
  it('knows texts, .kamerstuk files and sidecars; skips dependency and build folders', () => {
    assert.equal(fileRole('a.txt'), 'text');
    assert.equal(fileRole('A.TXT'), 'text');
    assert.equal(fileRole('a.kamerstuk'), 'kamerstuk');
    assert.equal(fileRole('a.txt.annotations.yaml'), 'sidecar');
    assert.equal(fileRole('.annotations.yaml'), undefined);
    assert.equal(fileRole('a.md'), undefined);
    assert.ok(!walksFolder('node_modules') && !walksFolder('.git') && walksFolder('2024'));
  });

  it('counts files beyond the limit instead of dropping them silently', () => {
    const b = new FileBudget(2);
    assert.deepEqual([b.take(), b.take(), b.take(), b.take()], [true, true, false, false]);
    assert.equal(b.indexed, 2);
    assert.equal(b.seen, 4);
    assert.ok(b.exceeded);
    assert.equal(limitOf(10, 5), 10);
    assert.equal(limitOf(-1, 5), 5);
    assert.equal(limitOf('x', 5), 5);
  });
});

describe('pool and time slicer', () => {
  it('keeps at most the limit in flight', async () => {
    const pool = new Pool(3);
    let active = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setImmediate(r));
      active--;
      if (i === 5) throw new Error('x');
      return i;
    }).catch(() => -1)));
    assert.equal(most, 3);
    assert.equal(pool.inFlight, 0);
  });

  it('a pool by cost (bytes): costs in flight stay within the limit, a bigger task runs alone, nothing overtakes', async () => {
    const pool = new Pool(64);
    let used = 0;
    let most = 0;
    const started: number[] = [];
    const costs = [40, 20, 30, 100, 10, 10, 64, 1];
    await Promise.all(costs.map((cost, i) => pool.run(async () => {
      started.push(i);
      used += cost;
      // The one over the limit runs alone; every other moment stays within it.
      if (cost > 64) assert.equal(used, cost, 'a task over the limit runs alone');
      else most = Math.max(most, used);
      await new Promise((r) => setImmediate(r));
      used -= cost;
    }, cost)));
    assert.ok(most <= 64, `at most 64 in flight, saw ${most}`);
    assert.deepEqual(started, costs.map((_, i) => i), 'started in order');
    assert.equal(pool.inFlight, 0);
    assert.equal(pool.queued, 0);
    // Without costs it counts tasks, as before.
    const count = new Pool(2);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 6 }, () => count.run(async () => { active++; peak = Math.max(peak, active); await new Promise((r) => setImmediate(r)); active--; })));
    assert.equal(peak, 2);
    // A long queue (the index queues a stat and a read per file of the workspace) runs in order and empties.
    const long = new Pool(3);
    const order: number[] = [];
    const all = Array.from({ length: 5000 }, (_, i) => long.run(async () => { order.push(i); await Promise.resolve(); }));
    assert.equal(long.queued, 4997);
    await Promise.all(all);
    assert.deepEqual(order, Array.from({ length: 5000 }, (_, i) => i));
    assert.equal(long.queued, 0);
    assert.equal(long.inFlight, 0);
  });

  it('runs tasks in slices of the budget (a manual clock), more urgent ones first, yielding between slices', async () => {
    let now = 0;
    let yields = 0;
    const slicer = new TimeSlicer(10, { now: () => now, yield: async () => { yields++; } });
    const order: string[] = [];
    const tasks = [
      ...Array.from({ length: 6 }, (_, i) => slicer.run(() => { order.push(`low${i}`); now += 4; }, 1)),
      ...Array.from({ length: 3 }, (_, i) => slicer.run(() => { order.push(`high${i}`); now += 4; }, 0)),
    ];
    await Promise.all(tasks);
    assert.deepEqual(order.slice(0, 3), ['high0', 'high1', 'high2']);
    // 9 tasks of 4 ms in slices of at most 10 ms (a task started before the budget ran out finishes): 3 per slice.
    assert.equal(slicer.slices, 3);
    assert.equal(slicer.longest, 12);
    assert.ok(yields >= 3);
    await assert.rejects(slicer.run(() => { throw new Error('boom'); }), /boom/);
  });

  it('lets go of the tasks it ran (their closures hold documents): nothing held once idle, also after many', async () => {
    let now = 0;
    const slicer = new TimeSlicer(10, { now: () => now, yield: async () => undefined });
    for (const count of [3, 1500, 2500]) {
      const done = Array.from({ length: count }, (_, i) => slicer.run(() => { now += 1; return i; }, (i % 2) as 0 | 1));
      assert.deepEqual(await Promise.all(done), Array.from({ length: count }, (_, i) => i));
      assert.equal(slicer.pending, 0);
      assert.equal(slicer.held, 0, `after ${count} tasks`);
    }
  });
});
