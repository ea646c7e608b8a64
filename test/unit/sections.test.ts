import * as assert from 'node:assert/strict';
import { classify } from '../../src/core/classify';
import { buildOutline } from '../../src/core/outline';
import { parseDocument } from '../../src/core/parser';
import { slice } from './helpers';

// The heading line shape the parser shares with the grammar (src/core/vocabulary.ts, SECTION_HEADING
// in classify.ts); test/grammar/agreement.test.ts checks that both read the same lines.
describe('beslisnota section headings', () => {
  const nota = [
    '1. Aanleiding',
    'De Kamer heeft vragen gesteld.',
    '',
    '**2.\u00a0Geadviseerd  besluit:**',
    'Ondertekenen.',
    '',
    '## 3 Kernpunten',
    'Er is afgestemd.',
    '',
    '_Planning_',
    'Voor de zomer.',
    '',
    '* Toelichting',
    'Een opsomming, geen kop.',
  ].join('\n');

  it('numbered, in markup and with several blanks inside: a beslisnota, each heading an entry named as written', () => {
    assert.equal(classify(nota), 'beslisnota');
    const root = buildOutline(nota, parseDocument(nota));
    assert.deepEqual(root.children.map((c) => `${c.kind} ${c.name}`), [
      'section 1. Aanleiding', 'section 2. Geadviseerd besluit', 'section 3 Kernpunten', 'section Planning',
    ]);
    assert.deepEqual(root.children.map((c) => slice(nota, c.selection)), ['1. Aanleiding', '2.\u00a0Geadviseerd  besluit', '3 Kernpunten', 'Planning']);
    // A bullet is no heading: "* Toelichting" stays in the section before it.
    assert.equal(root.children[3].span.end, nota.length);
  });
});
