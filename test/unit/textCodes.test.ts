import * as assert from 'node:assert/strict';
import { isDigitCode, isLetterOrDigitCode } from '../../src/core/text';
import { shareBaseNumber } from '../../src/core/numbers';

describe('character-code tests (text.ts)', () => {
  it('isDigitCode is \\d and isLetterOrDigitCode is [\\p{L}\\d], for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isDigitCode(c), /\d/u.test(ch), `isDigitCode(${c})`);
      assert.equal(isLetterOrDigitCode(c), /[\p{L}\d]/u.test(ch), `isLetterOrDigitCode(${c})`);
    }
  });
});

describe('shareBaseNumber', () => {
  it('two number lists share a question when a number or its base number is the same', () => {
    assert.equal(shareBaseNumber(['1', '2'], ['2']), true);
    assert.equal(shareBaseNumber(['2l'], ['2']), true);
    assert.equal(shareBaseNumber(['2a'], ['3', '2b']), true);
    assert.equal(shareBaseNumber(['2'], ['12']), false);
    assert.equal(shareBaseNumber(['08'], ['8']), false); // digits as written, as baseNumber
    assert.equal(shareBaseNumber([], ['1']), false);
  });
});
