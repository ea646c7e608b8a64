import * as assert from 'node:assert/strict';
import { Anchorer, alignApprox, editDistance, normalise, type Selector } from '../../../src/core/annotations/anchoring';
import { contextOf } from '../../../src/core/annotations/model';
import { seed } from '../helpers';

function selector(text: string, quote: string, occurrence = 0): Selector {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return { ...contextOf(text, start, start + quote.length), start, end: start + quote.length };
}

/** Re-wraps every paragraph to `width` columns, hyphenating long words at the break when `hyphenate`. */
function rewrap(text: string, width: number, hyphenate = false): string {
  return text.split(/\n\s*\n/).map((para) => {
    const words = para.replace(/-\s*\n\s*(?=[a-z])/g, '').split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      if (line.length + 1 + w.length <= width || line.length === 0) {
        line = line ? `${line} ${w}` : w;
      } else if (hyphenate && w.length > 8 && /^[a-z]+$/.test(w)) {
        const cut = Math.max(3, Math.min(w.length - 3, width - line.length - 2));
        lines.push(`${line} ${w.slice(0, cut)}-`);
        line = w.slice(cut);
      } else {
        lines.push(line);
        line = w;
      }
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }).join('\n\n');
}

describe('annotations: anchoring', () => {
  const text = seed('000');

  it('normalises whitespace and hyphenation with an offset map', () => {
    const n = normalise('aanlei- \nding  van\tde Noord-\nHolland');
    assert.equal(n.text, 'aanleiding van de Noord-Holland');
    const src = 'aanlei- \nding  van\tde Noord-\nHolland';
    assert.equal(src[n.map[n.text.indexOf('ding')]], 'd');
    assert.equal(n.map[n.text.indexOf('ding')], src.indexOf('ding'));
  });

  it('edit distance and approximate alignment', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    const hay = 'xxxx de verkiezingsuitslag yyyy';
    const a = alignApprox('de verkiezingsuitslg', hay, 0, hay.length);
    assert.equal(hay.slice(a.start, a.end), 'de verkiezingsuitslag');
    assert.equal(a.distance, 1);
  });

  it('exact: the quote is where it was', () => {
    const sel = selector(text, 'Is het waar dat tijdens deze bijeenkomsten');
    const a = new Anchorer(text).anchor(sel);
    assert.deepEqual({ start: a?.start, end: a?.end, method: a?.method }, { start: sel.start, end: sel.end, method: 'exact' });
  });

  it('moved: text inserted before it', () => {
    const sel = selector(text, 'Is het waar dat tijdens deze bijeenkomsten');
    const changed = 'Een nieuwe inleiding.\n\n' + text;
    const a = new Anchorer(changed).anchor(sel);
    assert.equal(a?.method, 'quote');
    assert.equal(changed.slice(a?.start, a?.end), sel.quote);
  });

  it('re-wrapped: a quote over line breaks is found after every paragraph is re-wrapped', () => {
    const quote = text.slice(text.indexOf('Zijn er op uw ministerie'), text.indexOf('Zijn er op uw ministerie') + 180);
    assert.ok(quote.includes('\n'));
    const sel = selector(text, quote);
    const changed = rewrap(text, 60);
    const a = new Anchorer(changed).anchor(sel);
    assert.ok(a, 'anchored');
    assert.equal(normalise(changed.slice(a.start, a.end)).text, normalise(quote).text.trim());
  });

  it('hyphenated: words split at new line ends', () => {
    const start = text.indexOf('Is het waar dat tijdens');
    const quote = text.slice(start, start + 150);
    const sel = selector(text, quote);
    const changed = rewrap(text, 37, true);
    assert.ok(/[a-z]-\n/.test(changed));
    const a = new Anchorer(changed).anchor(sel);
    assert.ok(a, 'anchored');
    assert.equal(normalise(changed.slice(a.start, a.end)).text, normalise(quote).text);
  });

  it('edited: small corrections inside and around the quote', () => {
    const quote = 'Is het waar dat tijdens deze bijeenkomsten';
    const sel = selector(text, quote);
    const changed = text.replace(quote, 'Is het juist dat tijdens deze bijeenkomsten').replace(/\n/g, ' \n');
    const a = new Anchorer(changed).anchor(sel);
    assert.ok(a, 'anchored');
    assert.equal(a.method, 'fuzzy');
    assert.equal(changed.slice(a.start, a.end), 'Is het juist dat tijdens deze bijeenkomsten');
  });

  it('edited: a long passage with a few words changed', () => {
    const start = text.indexOf('Zijn er op uw ministerie');
    const quote = text.slice(start, start + 400);
    const sel = selector(text, quote);
    const edited = quote.replace('ministerie', 'departement').replace('georganiseerd', 'gehouden');
    const changed = text.replace(quote, edited);
    const a = new Anchorer(changed).anchor(sel);
    assert.ok(a, 'anchored');
    assert.ok(Math.abs(a.start - start) <= 2 && Math.abs(a.end - (start + edited.length)) <= 3, `${a.start}-${a.end} vs ${start}-${start + edited.length}`);
  });

  it('ambiguous: prefix and suffix choose between identical quotes', () => {
    const doc = 'Vraag 1\nIs dat zo? Ja, dat klopt.\n\nVraag 2\nKunt u dat bevestigen? Ja, dat klopt.\n';
    const sel = selector(doc, 'Ja, dat klopt.', 1);
    const changed = doc.replace('Vraag 1\n', 'Vraag 1\nEen ingevoegde zin die alles verschuift.\n');
    const a = new Anchorer(changed).anchor(sel);
    assert.equal(a?.start, changed.lastIndexOf('Ja, dat klopt.'));
  });

  it('orphaned: a passage that is gone is not placed', () => {
    const sel = selector(text, 'Is het waar dat tijdens deze bijeenkomsten');
    const changed = text.replace(/Is het waar dat tijdens deze bijeenkomsten[^?]*\?/, 'Deze vraag is ingetrokken.');
    assert.equal(new Anchorer(changed).anchor(sel), undefined);
    assert.equal(new Anchorer('').anchor(sel), undefined);
    assert.equal(new Anchorer(text).anchor({ ...sel, quote: '' }), undefined);
  });

  it('orphaned: a short quote with nothing like it nearby', () => {
    const doc = 'Het kabinet zegt toe de Kamer voor de zomer te informeren.';
    const sel = selector(doc, 'toe');
    assert.equal(new Anchorer('Een geheel andere tekst over iets anders.').anchor(sel), undefined);
  });

  it('works with emoji and astral characters', () => {
    const doc = 'Intro 😀 tekst. Het 🇳🇱 kabinet zegt toe 𝔸 te informeren. Einde.';
    const sel = selector(doc, 'kabinet zegt toe 𝔸 te');
    const changed = '🎉🎉 ' + doc.replace(/ /g, '\n');
    const a = new Anchorer(changed).anchor(sel);
    assert.ok(a);
    assert.equal(changed.slice(a.start, a.end), 'kabinet\nzegt\ntoe\n𝔸\nte');
  });
});
