import * as assert from 'node:assert/strict';
import { CategoryIds, NominalTally } from '../../../src/core/coding/agreementStatistics';

describe('agreement statistics: building blocks', () => {
  it('CategoryIds numbers values 0, 1, 2… in the order first seen', () => {
    const ids = new CategoryIds<string>();
    assert.deepEqual(['x', 'y', 'x', 'z', 'y'].map((k) => ids.id(k)), [0, 1, 0, 2, 1]);
    assert.equal(ids.size, 3);
  });

  it('NominalTally: a weight counts as that many identical units; a unit with one value does not count', () => {
    const one = new NominalTally(2);
    one.add([0, 0], 3);
    one.add([0, 1], 1);
    one.add([1, -1], 5);
    const many = new NominalTally(2);
    for (let i = 0; i < 3; i++) many.add([0, 0], 1);
    many.add([0, 1], 1);
    assert.equal(one.units, 4);
    assert.deepEqual(one.percentAgreement(), many.percentAgreement());
    assert.deepEqual(one.percentAgreement(), { value: 0.75 });
    assert.deepEqual(one.alpha(), many.alpha());
    assert.deepEqual(one.table(0, 1), [[3, 1], [0, 0]]);
  });
});
