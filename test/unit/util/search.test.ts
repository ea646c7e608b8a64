import * as assert from 'node:assert/strict';
import { countAtMost, countBefore, countBelow, lastStartingAtOrBefore, spanAt } from '../../../src/core/util/search';

/** A small deterministic generator (mulberry32), so that a failure can be reproduced. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), t | 1);
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ascending values with repeats, as line starts, marks and boundaries are. */
function sortedValues(rnd: () => number, length: number): number[] {
  const out: number[] = [];
  let v = Math.floor(rnd() * 5);
  for (let i = 0; i < length; i++) {
    v += Math.floor(rnd() * 3); // 0 repeats the value
    out.push(v);
  }
  return out;
}

describe('binary search', () => {
  it('counts the values below and at most a point, as a linear count does', () => {
    const rnd = random(7);
    for (let round = 0; round < 300; round++) {
      const values = sortedValues(rnd, Math.floor(rnd() * 40));
      const top = (values[values.length - 1] ?? 0) + 2;
      for (let x = -2; x <= top; x++) {
        assert.equal(countBelow(values, x), values.filter((v) => v < x).length, `countBelow ${x} in ${values}`);
        assert.equal(countAtMost(values, x), values.filter((v) => v <= x).length, `countAtMost ${x} in ${values}`);
        assert.equal(countBefore(values.length, (i) => values[i] <= x), countAtMost(values, x));
      }
    }
  });

  it('works on empty sequences and typed arrays', () => {
    assert.equal(countBelow([], 3), 0);
    assert.equal(countAtMost([], 3), 0);
    assert.equal(countBefore(0, () => true), 0);
    const typed = Int32Array.from([1, 3, 3, 8]);
    assert.equal(countBelow(typed, 3), 1);
    assert.equal(countAtMost(typed, 3), 3);
    assert.equal(countAtMost(typed, 100), 4);
  });

  it('finds the span around an offset, end inclusive, and none in a gap', () => {
    const items = [{ span: { start: 2, end: 5 } }, { span: { start: 5, end: 5 } }, { span: { start: 9, end: 12 } }];
    const at = (offset: number): number => spanAt(items, offset, (t) => t.span);
    assert.deepEqual([0, 1, 2, 3, 5, 6, 8, 9, 12, 13].map(at), [-1, -1, 0, 0, 1, -1, -1, 2, 2, -1]);
    assert.equal(lastStartingAtOrBefore(items, 1, (t) => t.span), -1);
    assert.equal(lastStartingAtOrBefore(items, 7, (t) => t.span), 1);
    assert.equal(lastStartingAtOrBefore(items, 100, (t) => t.span), 2);
    assert.equal(spanAt([], 0, (t: { span: { start: number; end: number } }) => t.span), -1);
  });
});
