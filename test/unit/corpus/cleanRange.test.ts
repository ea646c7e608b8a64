import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../../../bench/annotations';
import { cleanRange } from '../../../src/core/corpus/cleanRange';
import { parseDocument } from '../../../src/core/parser';
import { cleanText } from '../../../src/core/text';
import { fixture, root, seed } from '../helpers';

describe('corpus: cleanRange', () => {
  it('is cleanText of the range on every block of the seeds and fixtures, and on whole texts', () => {
    const texts = [seed('000'), seed('001'), seed('003'), ...readdirSync(join(root, 'test', 'fixtures')).filter((f) => f.endsWith('.txt')).map(fixture)];
    let blocks = 0;
    for (const t of texts) {
      for (const b of parseDocument(t).blocks) {
        assert.equal(cleanRange(t, b.body.start, b.body.end), cleanText(t.slice(b.body.start, b.body.end)));
        blocks++;
      }
      assert.equal(cleanRange(t, 0, t.length), cleanText(t));
    }
    assert.ok(blocks > 100);
  });

  it('is cleanText on random text of hyphens, line breaks, whitespace, letters, byte order marks and emoji', () => {
    const alphabet = ['a', 'b', 'B', 'ë', 'É', '-', '-', '\n', '\n', '\r', ' ', ' ', '\t', '\u00A0', '\uFEFF', '\u2028', '😀', '.', 'ß'];
    const rnd = random(7);
    for (let n = 0; n < 50_000; n++) {
      let s = '';
      const len = Math.floor(rnd() * 24);
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const from = Math.floor(rnd() * 3);
      const to = s.length - Math.floor(rnd() * 3);
      if (to < from) continue;
      assert.equal(cleanRange(s, from, to), cleanText(s.slice(from, to)), JSON.stringify([s, from, to]));
    }
  });

  it('joins line-end hyphenation as cleanText does, including its one-letter limit', () => {
    const t = '  aanlei-\n  ding en Noord-\nHolland  ';
    assert.equal(cleanRange(t, 0, t.length), 'aanleiding en Noord- Holland');
    assert.equal(cleanRange('a-\nb-\nc', 0, 7), 'ab- c');
    assert.equal(cleanRange('xx een tekst yy', 3, 12), 'een tekst');
  });
});
