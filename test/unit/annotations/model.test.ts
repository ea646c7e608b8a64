import * as assert from 'node:assert/strict';
import { CodePointIndex, contextOf, createAnnotation, newId, shiftSpan } from '../../../src/core/annotations/model';

describe('annotations: model', () => {
  describe('CodePointIndex', () => {
    it('is the identity without astral characters', () => {
      const idx = new CodePointIndex('Vraag 1 — één “twee”');
      for (let i = 0; i <= 20; i++) {
        assert.equal(idx.toCodePoint(i), i);
        assert.equal(idx.toUtf16(i), i);
      }
    });

    it('counts an emoji as one code point and converts both ways', () => {
      const text = 'a😀b🇳🇱c 𝔸x';
      const idx = new CodePointIndex(text);
      const cps = [...text];
      let utf16 = 0;
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.equal(idx.toUtf16(cp), utf16, `code point ${cp}`);
        assert.equal(idx.toCodePoint(utf16), cp, `utf16 ${utf16}`);
        if (cp < cps.length) utf16 += cps[cp].length;
      }
      // The passage "b🇳🇱c" round-trips.
      const s = text.indexOf('b');
      const e = text.indexOf('c') + 1;
      assert.equal(text.slice(idx.toUtf16(idx.toCodePoint(s)), idx.toUtf16(idx.toCodePoint(e))), 'b🇳🇱c');
      assert.equal(idx.toCodePoint(e) - idx.toCodePoint(s), [...'b🇳🇱c'].length);
    });

    it('clamps offsets past the end', () => {
      const idx = new CodePointIndex('😀😀');
      assert.equal(idx.toUtf16(10), 4);
    });
  });

  describe('shiftSpan', () => {
    const at = (start: number, end: number, length: number) => ({ start, end, length });
    it('moves a passage after an insertion before it', () => assert.deepEqual(shiftSpan(10, 20, at(2, 2, 5)), { start: 15, end: 25 }));
    it('ignores an edit after it', () => assert.deepEqual(shiftSpan(10, 20, at(25, 30, 0)), { start: 10, end: 20 }));
    it('keeps insertions at its edges outside', () => {
      assert.deepEqual(shiftSpan(10, 20, at(10, 10, 3)), { start: 13, end: 23 });
      assert.deepEqual(shiftSpan(10, 20, at(20, 20, 3)), { start: 10, end: 20 });
    });
    it('grows and shrinks with an edit inside', () => {
      assert.deepEqual(shiftSpan(10, 20, at(12, 12, 4)), { start: 10, end: 24 });
      assert.deepEqual(shiftSpan(10, 20, at(12, 15, 0)), { start: 10, end: 17 });
    });
    it('clips an edit over an edge', () => {
      assert.deepEqual(shiftSpan(10, 20, at(5, 12, 1)), { start: 5, end: 14 });
      assert.deepEqual(shiftSpan(10, 20, at(18, 25, 1)), { start: 10, end: 19 });
    });
    it('becomes empty when deleted entirely', () => assert.deepEqual(shiftSpan(10, 20, at(5, 25, 0)), { start: 5, end: 5 }));
  });

  it('takes 32 characters of context without splitting an emoji', () => {
    const text = `${'x'.repeat(40)}😀${'y'.repeat(31)}QUOTE${'z'.repeat(31)}😀tail`;
    const s = text.indexOf('QUOTE');
    const c = contextOf(text, s, s + 5);
    assert.equal(c.quote, 'QUOTE');
    assert.equal(c.prefix, `😀${'y'.repeat(31)}`);
    assert.equal(c.suffix, `${'z'.repeat(31)}😀`);
    const a = createAnnotation(text, s, s + 5, { id: 'abc', tags: ['t'], created: 'now' });
    assert.equal(a.note, undefined);
  });

  it('makes unique 8-digit hex ids', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 1000; i++) taken.add(newId(taken));
    assert.equal(taken.size, 1000);
    for (const id of taken) assert.match(id, /^[0-9a-f]{8}$/);
  });
});
