import * as assert from 'node:assert/strict';
import { findFootnotes } from '../../src/core/footnotes';

describe('findFootnotes: footnote lines', () => {
  it('on the first line, and on later lines after blanks, brackets and CRLF (a lone CR starts no line for them)', () => {
    // [text, footnotes as [marker, start, end]]: what the parser found before footnote lines were
    // looked for past the first line only where a line feed comes before a blank, "[" or a digit.
    const cases: Array<[string, Array<[string, number, number]>]> = [
      ['1 https://nos.nl/a\nDat klopt.1', []],
      ['Dat klopt.1\n\n1 https://nos.nl/a', [['1', 13, 31]]],
      ['Dat klopt.1\n\n   1 https://nos.nl/a', [['1', 16, 34]]],
      ['Dat klopt.1\n\n\u00A01. Zie https://nos.nl/a', [['1', 14, 37]]],
      ['Dat klopt.[1]\n\n[1] Kamerstuk 36 200, nr. 5', [['1', 16, 42]]],
      ['Dat klopt.1\r\rText\r1 https://nos.nl/a', []],
      ['Dat klopt.1\r\n\r\n1 https://nos.nl/a ↩︎\r\n', [['1', 15, 33]]],
      ['Dat klopt.1', []],
      ['1 https://nos.nl/a', []],
      ['Geen voetnoten\nhier, alleen tekst.\n', []],
      ['[1] Zie https://nos.nl/a\nDat klopt.[1]', [['1', 1, 24]]],
      ['1. Zie https://nos.nl/a ↩\nTekst', [['1', 0, 23]]],
    ];
    for (const [text, footnotes] of cases) {
      assert.deepEqual(findFootnotes(text).footnotes.map((f) => [f.marker, f.span.start, f.span.end]), footnotes, JSON.stringify(text));
    }
  });
});
