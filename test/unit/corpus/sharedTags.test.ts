import * as assert from 'node:assert/strict';
import { sharedCoder, sharedTags } from '../../../src/core/corpus/cache';

describe('corpus cache: shared tag lists', () => {
  it('equal lists are one frozen value; the value equals what was given', () => {
    const a = sharedTags(['toezegging', 'verwijzing']);
    const b = sharedTags(['toezegging', 'verwijzing'].map((t) => `${t}`));
    assert.equal(a, b);
    assert.deepEqual(a, ['toezegging', 'verwijzing']);
    assert.ok(Object.isFrozen(a));
    assert.notEqual(sharedTags(['verwijzing', 'toezegging']), a, 'order counts');
  });

  it('lists whose joined keys collide are not confused', () => {
    const one = sharedTags(['x\ny']);
    const two = sharedTags(['x', 'y']);
    assert.deepEqual(one, ['x\ny']);
    assert.deepEqual(two, ['x', 'y']);
    assert.deepEqual(sharedTags(['p\n', 'q']), ['p\n', 'q']);
    assert.deepEqual(sharedTags(['p', '\nq']), ['p', '\nq']);
  });

  it('a coder name is shared', () => {
    const name = ['an', 'na'].join('');
    assert.equal(sharedCoder(name), sharedCoder('anna'));
  });
});
