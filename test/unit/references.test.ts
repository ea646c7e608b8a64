import * as assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import { crossRefHover, excerpt } from '../../src/core/hoverContent';
import { buildReferenceIndex, referencesTo, type ReferenceIndex } from '../../src/core/referenceIndex';
import { findProblems } from '../../src/core/structureProblems';
import { targetAt } from '../../src/core/targets';
import { fixture, seed, slice } from './helpers';

function indexOf(text: string): ReferenceIndex {
  return buildReferenceIndex(parseDocument(text));
}

/** The labels a hover at the first occurrence of `phrase` (at `within` inside it) shows. */
function hoverLabels(text: string, index: ReferenceIndex, phrase: string, within = phrase.length - 1, from = 0): string[] {
  const at = text.indexOf(phrase, from);
  assert.ok(at >= 0, `"${phrase}" in the text`);
  const t = targetAt(index, at + within);
  assert.equal(t?.kind, 'crossRef', `a cross-reference at "${phrase}"`);
  if (t?.kind !== 'crossRef') return [];
  return crossRefHover(text, index, t.resolution).sections.map((s) => `${s.kind[0].toUpperCase()} ${s.label}`);
}

const SMALL = [
  'Vragen van het lid X (VVD) aan de Minister van Financiën over iets (ingezonden 1 januari 2024).',
  '', 'Vraag 1', 'Wat is dit?', '', 'Vraag 2', 'En dat?', '', 'Vraag 3', 'En zo?', '', 'Vraag 4', 'Waarom?',
  '', 'Vraag 5', 'Wanneer?', '', 'Vraag 6', 'Hoe?', '', 'Vraag 7', 'Wie?', '',
  'Antwoord van minister Y (ontvangen 2 februari 2024).', '',
  'Antwoord 1 en 2', 'Zie hierover de vragen 2 en 5.', '',
  'Antwoord 3', 'Zoals reeds bij vraag 2 is aangegeven, is dat zo.', '',
  'Antwoord 4', 'Zie in mijn antwoord op vraag 6 en 7 de details.', '',
  'Antwoord 5', 'Zoals ook bij vraag 4 toegelicht.', '',
  'Antwoord 6 en 7', 'Zie het antwoord op', 'vraag 4 en ook het antwoord op vraag 9.', '',
].join('\n');

describe('reference index: cross-references', () => {
  const index = indexOf(SMALL);

  it('"de vragen 2 en 5": questions and answers of both, the joint answer once', () => {
    assert.deepEqual(hoverLabels(SMALL, index, 'vragen 2 en 5'), ['Q Vraag 2', 'A Antwoord 1 en 2', 'Q Vraag 5', 'A Antwoord 5']);
    const t = targetAt(index, SMALL.indexOf('vragen 2 en 5') + 2);
    assert.ok(t?.kind === 'crossRef');
    // "de vragen" names the questions: Go to Definition goes there.
    assert.deepEqual(t.resolution.definitions.map((b) => index.doc.blocks[b].label.name), ['Vraag 2', 'Vraag 5']);
  });

  it('"bij vraag 2", "in mijn antwoord op vraag 6 en 7", "bij vraag 4": the answers', () => {
    for (const [phrase, expected] of [
      ['bij vraag 2', ['Antwoord 1 en 2']], ['antwoord op vraag 6 en 7', ['Antwoord 6 en 7']], ['bij vraag 4', ['Antwoord 4']],
    ] as const) {
      const t = targetAt(index, SMALL.indexOf(phrase) + phrase.length - 1);
      assert.ok(t?.kind === 'crossRef', phrase);
      assert.deepEqual(t.resolution.definitions.map((b) => index.doc.blocks[b].label.name), expected, phrase);
      assert.equal(t.resolution.status, 'resolved');
    }
  });

  it('a reference broken over a line end', () => {
    assert.deepEqual(hoverLabels(SMALL, index, 'antwoord op\nvraag 4', 3), ['Q Vraag 4', 'A Antwoord 4']);
  });

  it('a number that does not exist is not resolved, and is a problem', () => {
    const t = targetAt(index, SMALL.indexOf('vraag 9') + 6);
    assert.ok(t?.kind === 'crossRef');
    assert.equal(t.resolution.status, 'missing');
    assert.deepEqual(t.resolution.missing, ['9']);
    assert.deepEqual(t.resolution.definitions, []);
    const problems = findProblems(index);
    assert.deepEqual(problems.map((p) => `${p.code} ${slice(SMALL, p.span)}`), ['unknownReference 9']);
  });

  it('Find All References on a label: every cross-reference to its question or answer', () => {
    const a4 = index.doc.blocks.findIndex((b) => b.label.name === 'Antwoord 4');
    const q4 = index.doc.blocks.findIndex((b) => b.label.name === 'Vraag 4');
    const refs = (b: number): string[] => referencesTo(index, b).map((r) => slice(SMALL, index.doc.crossRefs[r].span).replace(/\s+/g, ' '));
    assert.deepEqual(refs(a4), ['vraag 4', 'antwoord op vraag 4']);
    assert.deepEqual(refs(q4), refs(a4));
    const label = targetAt(index, SMALL.indexOf('Antwoord 4') + 3);
    assert.equal(label?.kind, 'label');
  });

  it('000: "het antwoord op vraag 8" shows Antwoord 8; "vragen 2, 5 en 8" every target', () => {
    const text = seed('000');
    const idx = indexOf(text);
    const at = /verwijs ik\s+u ook naar het antwoord op vraag 8/.exec(text);
    assert.ok(at);
    const t = targetAt(idx, at.index + at[0].length - 1);
    assert.ok(t?.kind === 'crossRef');
    const hover = crossRefHover(text, idx, t.resolution);
    const answer = hover.sections.find((s) => s.label === 'Antwoord 8');
    assert.ok(answer);
    assert.match(answer.excerpt.text, /^Het is belangrijk dat ambtenaren politiek neutraal zijn/);
    assert.deepEqual(hoverLabels(text, idx, 'antwoord op vragen 2, 5 en 8'),
      ['Q Vraag 1 en 2', 'A Antwoord 1 en 2', 'Q Vraag 5', 'A Antwoord 5', 'Q Vraag 8', 'A Antwoord 8']);
  });

  it('003: "de vragen 2 en 5" shows Antwoord 2 and Antwoord 5', () => {
    const text = seed('003');
    const idx = indexOf(text);
    const labels = hoverLabels(text, idx, 'vragen 2 en 5');
    assert.ok(labels.includes('A Antwoord 2') && labels.includes('A Antwoord 5'), labels.join(', '));
  });

  it('001: a beslisnota has no questions of its own; its reference points elsewhere', () => {
    const text = seed('001');
    const idx = indexOf(text);
    assert.equal(idx.resolutions.length, 1);
    assert.equal(idx.resolutions[0].status, 'noStructure');
  });

  it('"uw antwoord op vraag 2 van de schriftelijke vragen ..." is external', () => {
    const text = fixture('traps.txt');
    const idx = indexOf(text);
    assert.equal(idx.resolutions[0].status, 'external');
    assert.deepEqual(idx.resolutions[0].blocks, []);
  });

  it('repeated numbers per sub-item: the nearest one, in the same run of questions', () => {
    const text = fixture('sub-items.txt')
      .replace('Drie windparken.', 'Drie windparken; zie ook het antwoord op vraag 1.')
      .replace('Vier zonneparken.', 'Vier zonneparken; zie ook het antwoord op vraag 1.');
    const idx = indexOf(text);
    const names = idx.resolutions.map((r) => r.definitions.map((b) => idx.doc.blocks[b].label.name).join());
    assert.deepEqual(names, ['Antwoord 1l', 'Antwoord 1m']);
    // The question shown with Antwoord 1m is the second "Vraag 1".
    const q = idx.resolutions[1].numbers[0].question;
    assert.ok(q !== undefined && idx.doc.blocks[q].span.start > text.indexOf('Onderdeel m'));
    // Repeated numbers in separate runs are not duplicates.
    assert.deepEqual(findProblems(idx), []);
  });

  it('answers at the end, joint answers: "antwoord op vraag 3 en 8" is the one answer', () => {
    const text = fixture('answered-at-end.txt');
    const idx = indexOf(text);
    assert.deepEqual(idx.resolutions[0].definitions.map((b) => idx.doc.blocks[b].label.name), ['Antwoord op vraag 3 en 8']);
  });
});

describe('reference index: footnotes and document references', () => {
  it('003: the marker "toelichten?1" is a footnote reference; the URL a document reference', () => {
    const text = seed('003');
    const idx = indexOf(text);
    const t = targetAt(idx, text.indexOf('toelichten?1') + 11);
    assert.ok(t?.kind === 'footnoteRef');
    assert.match(slice(text, t.footnote.body), /^https:\/\/www\.nrc\.nl/);
    const d = targetAt(idx, text.indexOf('2023D03702') + 3);
    assert.equal(d?.kind, 'docRef');
  });

  it('footnote markers "[1]", "[4 5 ]", "1)", "komen.1" resolve to their footnotes', () => {
    const text = [
      'Vraag 1', 'Kent u het bericht [1] en de brieven [4 5 ] en de regeling2) waarover wij komen.3', '',
      'Antwoord 1', 'Ja, voor de 11e keer sinds 6 november 2023.', '',
      '[1] Eerste bron.', '2) Regeling bron.', '3 Zie de brief.', '[4] Vierde.', '[5] Vijfde.', '',
    ].join('\n');
    const idx = indexOf(text);
    const body = (at: number): string | undefined => {
      const t = targetAt(idx, at);
      return t?.kind === 'footnoteRef' ? slice(text, t.footnote.body) : undefined;
    };
    assert.equal(body(text.indexOf('[1]') + 1), 'Eerste bron.');
    assert.equal(body(text.indexOf('[4 5 ]') + 1), 'Vierde.');
    assert.equal(body(text.indexOf('[4 5 ]') + 3), 'Vijfde.');
    assert.equal(body(text.indexOf('regeling2)') + 8), 'Regeling bron.');
    assert.equal(body(text.indexOf('komen.3') + 6), 'Zie de brief.');
    assert.equal(body(text.indexOf('11e') + 1), undefined);
    assert.equal(body(text.indexOf('6 november')), undefined);
  });

  it('an ordinal ("11e") is no marker', () => {
    const text = fixture('traps.txt');
    const idx = indexOf(text);
    assert.equal(targetAt(idx, text.indexOf('11e') + 1), undefined);
  });
});

describe('reference index: problems', () => {
  it('none on the three seeds', () => {
    for (const s of ['000', '001', '003'] as const) assert.deepEqual(findProblems(indexOf(seed(s))), [], s);
  });

  it('a question without an answer, an answer without a question, a gap, a repeat', () => {
    const text = [
      'Vraag 1', 'Een?', '', 'Antwoord 1', 'Ja.', '', 'Vraag 2', 'Twee?', '', 'Vraag 4', 'Vier?', '', 'Antwoord 4', 'Ja.', '',
      'Vraag 4', 'Nog eens vier?', '', 'Antwoord 4', 'Ja.', '', 'Antwoord 6', 'Zes.', '',
    ].join('\n');
    const idx = indexOf(text);
    const problems = findProblems(idx).map((p) => `${p.code} ${slice(text, p.span)}${'numbers' in p ? ' ' + p.numbers.join() : ''}`);
    assert.deepEqual(problems, [
      'questionWithoutAnswer Vraag 2',
      'missingNumber Vraag 4 3',
      'duplicateNumber Vraag 4',
      'answerWithoutQuestion Antwoord 6',
    ]);
  });
});

describe('excerpt', () => {
  it('keeps the first lines and says when it cut', () => {
    const text = Array.from({ length: 20 }, (_, i) => `regel ${i + 1}`).join('\n');
    const e = excerpt(text, { start: 0, end: text.length }, 15, 10_000);
    assert.equal(e.text.split('\n').length, 15);
    assert.equal(e.truncated, true);
    const all = excerpt(text, { start: 0, end: text.length }, 30, 10_000);
    assert.equal(all.truncated, false);
    const oneLine = 'woord '.repeat(1000);
    const short = excerpt(oneLine, { start: 0, end: oneLine.length }, 15, 100);
    assert.ok(short.text.length <= 100 && short.truncated);
  });
});
