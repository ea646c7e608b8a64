import * as assert from 'node:assert/strict';
import { findDocRefs, normaliseVergaderjaar } from '../../src/core/docRefs';

function refs(text: string): string[] {
  return findDocRefs(text).map((r) => `${r.kind} ${JSON.stringify(r.fields)}`);
}

describe('findDocRefs', () => {
  it('Aanhangsel van de Handelingen in its written forms', () => {
    const expected = 'aanhangsel {"chamber":"tk","vergaderjaar":"20232024","number":"1047"}';
    for (const t of [
      'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047',
      'Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 1047',
      'Aanhangsel van de Handelingen, vergaderjaar 2023/24, nr. 1047',
      'Aanhangsel Handelingen, vergaderjaar2023–2024, nr.1047',
      'Aanhangsel Handelingen, vergaderjaar 2023–\n2024, nr. \n1047',
      'Aanhangsel\u00a0Handelingen, vergaderjaar\u00a02023–2024, nr.\u00a01047',
    ]) assert.deepEqual(refs(t), [expected], t);
    assert.deepEqual(refs('Aanhangsel Handelingen I 2023/24, nr. 5'), ['aanhangsel {"chamber":"ek","vergaderjaar":"20232024","number":"5"}']);
  });

  it('Kamerstukken with dossier, part and number', () => {
    assert.deepEqual(refs('Kamerstuk 28 828, nr. 70'), ['kamerstuk {"chamber":"tk","dossier":"28828","number":"70"}']);
    assert.deepEqual(refs('Kamerstukken II 2019/20, 29 984, nr. 899'), ['kamerstuk {"chamber":"tk","dossier":"29984","number":"899","vergaderjaar":"20192020"}']);
    assert.deepEqual(refs('Kamerstuk 36 200 VII, nr. 5'), ['kamerstuk {"chamber":"tk","dossier":"36200","number":"5","part":"VII"}']);
    assert.deepEqual(refs('Kamerstuk 31865-207'), ['kamerstuk {"chamber":"tk","dossier":"31865","number":"207"}']);
    assert.deepEqual(refs('Bijlage bij Kamerstuk 29 383, nr. 384'), ['kamerstuk {"chamber":"tk","dossier":"29383","number":"384"}']);
  });

  it('document numbers, zaak numbers, identifiers and URLs', () => {
    assert.deepEqual(refs('Nummer: 2023D03702, zaak 2023Z00142 (ah-tk-20222023-1429), zie https://www.nrc.nl/a.html.'), [
      'documentNumber {"value":"2023D03702"}',
      'zaakNumber {"value":"2023Z00142"}',
      'identifier {"value":"ah-tk-20222023-1429"}',
      'url {"value":"https://www.nrc.nl/a.html"}',
    ]);
    // The footnote back-link arrow is not part of the URL; a number inside a URL is not a document number.
    assert.deepEqual(refs('https://x.nl/2023D03702↩︎'), ['url {"value":"https://x.nl/2023D03702"}']);
    assert.deepEqual(refs('kst-36200-VII-5'), ['identifier {"value":"kst-36200-VII-5"}']);
  });

  it('not: numbers that only look like references', () => {
    assert.deepEqual(refs('In 2023 waren er 12023D0370 gevallen; X2023Z00142Y; vergaderjaar 2023–2025, nr. 4'), []);
  });

  it('normalises vergaderjaren', () => {
    assert.equal(normaliseVergaderjaar('2023', '24'), '20232024');
    assert.equal(normaliseVergaderjaar('1999', '00'), '19992000');
    assert.equal(normaliseVergaderjaar('2023', '2025'), undefined);
  });
});

describe('findDocRefs: every kind wherever it is found by its rare part', () => {
  it('identifiers of every prefix, http and https, a reference inside a URL', () => {
    assert.deepEqual(refs('stcrt-2023-123, blg-123456, stb-2023-45 en h-ek-20232024-12-3.'), [
      'identifier {"value":"stcrt-2023-123"}',
      'identifier {"value":"blg-123456"}',
      'identifier {"value":"stb-2023-45"}',
      'identifier {"value":"h-ek-20232024-12-3"}',
    ]);
    assert.deepEqual(refs('zie http://a.nl/b en https://www.x.nl/kst-28828-70.'), ['url {"value":"http://a.nl/b"}', 'url {"value":"https://www.x.nl/kst-28828-70"}']);
    // After a word, identifiers and URLs are not references; a hyphen before a number is not one either.
    assert.deepEqual(refs('xkst-12345-A xhttps://a.nl/b 2023-2024 -2'), []);
  });
});
