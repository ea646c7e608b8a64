import * as assert from 'node:assert/strict';
import { CodePointIndex, contextOf, createAnnotation, newId, sameTextAfterSave, shiftSpan, TextPositions, toLf } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';

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

  describe('TextPositions: stored positions count a line break as one LF', () => {
    const lf = 'Vraag 1\nKlopt 😀 het?\n\nAntwoord 1\nJa, 𝔸 zeker.\n';
    const crlf = lf.replace(/\n/g, '\r\n');

    it('gives a CRLF and an LF copy the same positions, and converts back to each', () => {
      const a = new TextPositions(lf);
      const b = new TextPositions(crlf);
      assert.equal(b.lf, lf);
      assert.equal(a.lf, lf, 'an LF text is its own LF text');
      const cps = [...lf];
      // Walk both texts character by character (a CRLF is one step in both).
      let ua = 0;
      let ub = 0;
      for (let cp = 0; cp <= cps.length; cp++) {
        assert.equal(a.toStored(ua), cp, `LF utf16 ${ua}`);
        assert.equal(b.toStored(ub), cp, `CRLF utf16 ${ub}`);
        assert.equal(a.toUtf16(cp), ua, `LF position ${cp}`);
        assert.equal(b.toUtf16(cp), ub, `CRLF position ${cp}`);
        if (cp < cps.length) {
          ua += cps[cp].length;
          ub += cps[cp] === '\n' ? 2 : cps[cp].length;
        }
      }
      assert.equal(ub, crlf.length);
    });

    it('rounds an offset between CR and LF down to the line break, and clamps', () => {
      const p = new TextPositions('a\r\nb');
      assert.equal(p.toStored(2), 1);
      assert.equal(p.toUtf16(1), 1);
      assert.equal(p.toUtf16(2), 3);
      assert.equal(p.toUtf16(99), 4);
      assert.equal(p.fromLfOffset(-3), 0);
    });

    it('stores the same quote, context and offsets for a passage of either copy', () => {
      const quote = 'het?\n\nAntwoord 1\nJa';
      const fromLf = new TextPositions(lf).selector(lf.indexOf(quote), lf.indexOf(quote) + quote.length);
      const crQuote = quote.replace(/\n/g, '\r\n');
      const fromCrlf = new TextPositions(crlf).selector(crlf.indexOf(crQuote), crlf.indexOf(crQuote) + crQuote.length);
      assert.deepEqual(fromCrlf, fromLf);
      assert.equal(fromLf.quote, quote);
      assert.equal(fromLf.prefix, 'Vraag 1\nKlopt 😀 ');
      assert.equal(fromLf.suffix, ', 𝔸 zeker.\n');
      assert.equal(fromLf.start, [...lf.slice(0, lf.indexOf(quote))].length);
      const entry = createAnnotation(crlf, crlf.indexOf(crQuote), crlf.indexOf(crQuote) + crQuote.length, { id: 'x', tags: [], created: '' });
      assert.deepEqual({ ...entry }, { id: 'x', tags: [], created: '', ...fromLf });
    });

    it('counts a lone CR as a line break too (old Mac text, or what the editor made of it)', () => {
      const cr = lf.replace(/\n/g, '\r');
      const p = new TextPositions(cr);
      assert.equal(p.lf, lf);
      assert.equal(p.toStored(cr.indexOf('Antwoord')), [...lf.slice(0, lf.indexOf('Antwoord'))].length);
      assert.equal(toLf('a\r\nb\rc\nd'), 'a\nb\nc\nd');
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
    for (const id of taken) assert.match(id, /^[a-f][0-9a-f]{7}$/);
  });

  it('makes ids that YAML writes unquoted, even when the random digits are all 0–9', () => {
    // Every draw 0.1: "a" then seven "1"s; without the leading letter "11111111" is a number to YAML.
    const id = newId(new Set(), () => 0.1);
    assert.equal(id, 'a1111111');
    const yaml = serializeSidecar('d.txt', [createAnnotation('abc def', 0, 3, { id, tags: ['t'], created: 'now' })]);
    assert.match(yaml, /^ {2}- id: a1111111$/m);
    assert.equal(parseSidecar(yaml).annotations[0].id, id);
  });

  describe('sameTextAfterSave (an untitled document saved as a file)', () => {
    const text = 'Vraag 1\nIs het waar dat...  \n\nAntwoord 1\nJa.';
    it('is the same text whatever save participants change: line endings, trailing whitespace, final newlines', () => {
      assert.ok(sameTextAfterSave(text, text));
      assert.ok(sameTextAfterSave(text, text.replace(/\n/g, '\r\n')));
      assert.ok(sameTextAfterSave(text, text.replace('...  ', '...')));
      assert.ok(sameTextAfterSave(text, `${text}\n`));
      assert.ok(sameTextAfterSave(`${text}\n\n\n`, text));
    });
    it('is not the same text when a word, a line or its indentation differs', () => {
      assert.ok(!sameTextAfterSave(text, text.replace('Ja.', 'Nee.')));
      assert.ok(!sameTextAfterSave(text, text.replace('\n\n', '\n')));
      assert.ok(!sameTextAfterSave(text, text.replace('Antwoord', '  Antwoord')));
      assert.ok(!sameTextAfterSave(text, ''));
    });
    it('stays linear on a long run of spaces', () => {
      const spaces = `${' '.repeat(200_000)}x`;
      assert.ok(sameTextAfterSave(spaces, `${spaces}  `));
    });
  });
});
