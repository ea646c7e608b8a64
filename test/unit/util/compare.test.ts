import * as assert from 'node:assert/strict';
import { compareStrings } from '../../../src/core/util/compare';

describe('compareStrings', () => {
  it('orders as sort() without a comparator does: by UTF-16 code units, the same in every locale', () => {
    const words = ['b', 'B', 'a', 'é', 'e', '10', '9', '', 'a', '😀', '\uFFFF', 'ab'];
    assert.deepEqual([...words].sort(compareStrings), [...words].sort());
    assert.equal(compareStrings('a', 'a'), 0);
    assert.equal(compareStrings('a', 'b'), -1);
    assert.equal(compareStrings('b', 'a'), 1);
  });
});
