import * as assert from 'node:assert/strict';
import { english, listAnd, type Translate } from '../../../src/core/util/words';

describe('words', () => {
  it('english fills in the placeholders, in any order, and leaves unknown ones', () => {
    assert.equal(english('{1} before {0}', 'a', 2), '2 before a');
    assert.equal(english('no {0} here {2}', 'x'), 'no x here {2}');
    assert.equal(english('plain'), 'plain');
  });

  it('lists: one item as it is, the last two joined by "and"', () => {
    assert.equal(listAnd([]), '');
    assert.equal(listAnd(['7']), '7');
    assert.equal(listAnd(['1', '2']), '1 and 2');
    assert.equal(listAnd([1, 2, 3, 5]), '1, 2, 3 and 5');
  });

  it('lists in the user\'s language through the translation passed', () => {
    const dutch: Translate = (message, ...args) => english(message === '{0} and {1}' ? '{0} en {1}' : message, ...args);
    assert.equal(listAnd(['1', '2', '3'], dutch), '1, 2 en 3');
  });
});
