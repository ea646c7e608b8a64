import * as assert from 'node:assert/strict';
import type { ParsedDocument, Span } from '../../src/core/model';
import { buildOutline } from '../../src/core/outline';
import { parseStrict } from '../../src/core/parser';
import { fixture, seed } from './helpers';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['Vraag ', 'Antwoord ', 'Antwoord op vragen ', 'Vragen ', 'vraag ', 'antwoord op vraag ', '1', '2', '12', '3l',
  ' en ', ', ', ' t/m ', '-', '?', '.', ':', '\n', '\n\n', '\r\n', ' ', '\t', '\u00a0', '\ufeff', '**', '_', '#', '[1]', '[4 5 ]',
  '↩︎', '1)', '(ingezonden 3 maart 2024).', 'Vragen van het lid X (SP) aan de Minister over Y ', 'Antwoord van Minister Z (ontvangen ',
  'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047', 'Kamerstuk 36 200 VII, nr. 5', '2023D03702', 'https://x.nl/a',
  'Toelichting\n', 'Aanleiding\n', '1. ', 'é', '😀', '\u0000', ')', '(', 'Tweede Kamer der Staten-Generaal 2\n', '-----\n',
  'Kamerstuk 21 501-02, nr. 2733', 'Kamerstukken I 2017/18, 21 501-31, nr. A', 'Kamerstuk 29 629, 32 761, nr. 1156',
  'Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045', 'Aanhangsel Handelin-\ngen, 2022/-23, nr. 1',
  'Vraag van de g.a. de heer X (VVD)\n', 'Antwoord ', 'opvraag ', '32024D27196', 'Indien het antwoord op vraag ', '\n1\n'];

function checkSpan(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: not integers`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: [${span.start}, ${span.end}) outside 0..${length}`);
}

function checkInvariants(text: string, doc: ParsedDocument): void {
  const n = text.length;
  let prevEnd = 0;
  for (const b of doc.blocks) {
    checkSpan(b.span, n, 'block');
    checkSpan(b.body, n, 'body');
    checkSpan(b.label.span, n, 'label');
    assert.ok(b.span.start >= prevEnd, 'blocks overlap or are out of order');
    assert.ok(b.label.span.start >= b.span.start && b.label.span.end <= b.span.end, 'label outside its block');
    assert.ok(b.body.start >= b.span.start && b.body.end <= b.span.end, 'body outside its block');
    if (b.parent !== undefined) assert.equal(doc.blocks[b.parent].kind, 'question');
    prevEnd = b.span.end;
  }
  for (const s of doc.sections) checkSpan(s.span, n, 'section');
  for (const h of doc.headers) checkSpan(h.span, n, 'header');
  for (const f of doc.footnotes) checkSpan(f.span, n, 'footnote');
  for (const r of doc.footnoteRefs) {
    checkSpan(r.span, n, 'footnote ref');
    assert.ok(doc.footnotes[r.footnote], 'footnote ref without footnote');
  }
  for (const r of doc.crossRefs) {
    checkSpan(r.span, n, 'cross-ref');
    assert.ok(r.numbers.length > 0);
  }
  for (const r of doc.docRefs) checkSpan(r.span, n, 'doc ref');
  buildOutline(text, doc);
}

describe('robustness', () => {
  const corpus = [seed('000'), seed('001'), seed('003'), fixture('pdf-damage.txt'), fixture('one-line.txt'), fixture('joint-answers.txt'),
    fixture('reference-forms.txt'), fixture('later-answers.txt'), fixture('question-list-bare.txt'), fixture('one-line-title.txt')];

  it('never throws on the seeds, their prefixes and suffixes, and keeps its invariants', () => {
    for (const text of corpus) {
      for (let cut = 0; cut <= text.length; cut += 97) {
        checkInvariants(text.slice(0, cut), parseStrict(text.slice(0, cut)));
        checkInvariants(text.slice(cut), parseStrict(text.slice(cut)));
      }
    }
  });

  it('never throws on random mutations of real documents', () => {
    const random = prng(20261123);
    for (let round = 0; round < 300; round++) {
      let text = corpus[round % corpus.length];
      for (let k = 0; k < 8; k++) {
        const at = Math.floor(random() * text.length);
        const op = random();
        if (op < 0.33) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
        else if (op < 0.66) text = text.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(Math.floor(random() * text.length), Math.floor(random() * text.length)) + text.slice(at);
      }
      checkInvariants(text, parseStrict(text));
    }
  });

  it('never throws on token soup', () => {
    const random = prng(7);
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(random() * 120);
      for (let k = 0; k < length; k++) text += TOKENS[Math.floor(random() * TOKENS.length)];
      checkInvariants(text, parseStrict(text));
    }
  });

  it('handles empty, whitespace-only, binary and pathological inputs', () => {
    for (const text of ['', ' ', '\n\n\n', '\ufeff', '\u0000\u0001binary\u0000', 'Vraag '.repeat(20000), 'Vraag 1'.repeat(5000),
      '1'.repeat(100000), '?'.repeat(100000), 'Antwoord op vragen ' + '1, '.repeat(20000) + 'en 2', '\n1.\n'.repeat(5000),
      '['.repeat(50000), 'vraag 1 en '.repeat(10000),
      // The forms of real documents, repeated: a document on one line, labels after numbers and titles, references.
      'Onderdeel Vraag 1 Wat? Antwoord Zo. '.repeat(20000), 'nr. 1047 Vraag 1 Ja. '.repeat(10000), 'Kamerstuk ' + '29 629, '.repeat(20000) + 'nr. 5',
      'Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045 '.repeat(5000), 'Aanhangsel van de Handelingen, nr. 1 '.repeat(10000),
      '\n1\nWat?\nAntwoord\nJa.'.repeat(5000), 'opvraag 1 en '.repeat(10000), '32024D27196\n'.repeat(10000),
      'Vraag van de g.a. de heer X (VVD)\n'.repeat(5000), 'Indien het antwoord op vraag 1 ja is, '.repeat(5000)]) {
      checkInvariants(text, parseStrict(text));
    }
  });
});
