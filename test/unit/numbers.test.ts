import * as assert from 'node:assert/strict';
import { baseNumber, canonicalBase, canonicalNumber } from '../../src/core/numbers';

describe('question numbers', () => {
  it('baseNumber drops the sub-item letter and keeps the digits as written', () => {
    assert.deepEqual(['2', '2l', '12', '12b', '08', '08a'].map(baseNumber), ['2', '2', '12', '12', '08', '08']);
  });

  it('canonicalBase also drops leading zeros, so that numbers written differently compare equal', () => {
    assert.deepEqual(['2', '2l', '2L', '12', '08', '08a', '0', '00', '100'].map(canonicalBase), ['2', '2', '2', '12', '8', '8', '0', '0', '100']);
    assert.equal(canonicalBase('IV'), 'iv');
    // The same string when there is nothing to change (no copy for the common case).
    const n = '17';
    assert.equal(canonicalBase(n), n);
  });

  it('canonicalNumber keeps the sub-item letter, lowercase', () => {
    assert.deepEqual(['2', '2l', '2L', '08', '08A', '12b', 'IV'].map(canonicalNumber), ['2', '2l', '2l', '8', '8a', '12b', 'iv']);
  });
});
