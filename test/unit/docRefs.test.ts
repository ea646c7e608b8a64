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

describe('findDocRefs: forms found in real documents', () => {
  const kst = (dossier: string, number: string, extra: Record<string, string> = {}): string =>
    `kamerstuk ${JSON.stringify({ chamber: extra.chamber ?? 'tk', dossier, number, ...(extra.vergaderjaar ? { vergaderjaar: extra.vergaderjaar } : {}) })}`;

  it('a dossier with a sub-number, also after a line break and without the comma before "nr."', () => {
    for (const t of ['Kamerstuk 21 501-02, nr. 2733', 'Kamerstuk\n21 501-02, nr. 2733', 'Kamerstuk 21 501-02 nr. 2733', 'Kamerstuk 21501-02, nr. 2733']) {
      assert.deepEqual(refs(t), [kst('21501-02', '2733')], t);
    }
    // A number after the hyphen is still the document number where no "nr." follows.
    assert.deepEqual(refs('Kamerstuk 31865-207'), [kst('31865', '207')]);
    assert.deepEqual(refs('Kamerstuk 31865-20.'), [kst('31865', '20')]);
  });

  it('the vergaderjaar before the dossier, after a comma', () => {
    assert.deepEqual(refs('Kamerstukken II , 2023/24, 28 828, nr. 137'), [kst('28828', '137', { vergaderjaar: '20232024' })]);
    assert.deepEqual(refs('Kamerstukken, 2022-2023, 29628, nr. 1135'), [kst('29628', '1135', { vergaderjaar: '20222023' })]);
  });

  it('the Eerste Kamer numbers its documents with letters; "nr. A" only in a reference', () => {
    assert.deepEqual(refs('Kamerstukken I 2017/18, 21 501-31, nr. A'), [kst('21501-31', 'A', { chamber: 'ek', vergaderjaar: '20172018' })]);
    assert.deepEqual(refs('Kamerstukken I 2023/24, 36 200, B.'), [kst('36200', 'B', { chamber: 'ek', vergaderjaar: '20232024' })]);
    // Not a letter that starts a word, not a letter after a comma without the Eerste Kamer, not running text.
    assert.deepEqual(refs('Kamerstuk 28 828, nr. Aanvullend; Kamerstuk 28 828, B; zie nr. A van de lijst.'), []);
  });

  it('a part after a hyphen, "Kamerstukken" hyphenated at a line end', () => {
    assert.deepEqual(refs('Kamerstukken II 2024/25, 36600-VII, nr. 1'), [`kamerstuk ${JSON.stringify({ chamber: 'tk', dossier: '36600', number: '1', vergaderjaar: '20242025', part: 'VII' })}`]);
    assert.deepEqual(refs('Kamerstuk-\nken II 2019/20, 29 984, nr. 899'), [kst('29984', '899', { vergaderjaar: '20192020' })]);
  });

  it('two dossiers: the number belongs to the first', () => {
    assert.deepEqual(refs('Kamerstuk 29 629, 32 761, nr. 1156'), [kst('29629', '1156')]);
    assert.deepEqual(refs('Kamerstukken 29 628 en 32 761, nr. 1135'), [kst('29628', '1135')]);
  });

  it('Aanhangsel: other year forms, hyphenated words, a plural, the vergaderjaar glued after a comma', () => {
    const ah = (vergaderjaar: string, number: string): string => `aanhangsel ${JSON.stringify({ chamber: 'tk', vergaderjaar, number })}`;
    for (const t of ['Aanhangsel van de Handelingen II, 2022/-23, nr. 1823', 'Aanhangsel Handelingen II 2022-’23, nr. 1823',
      'Aanhangsel Handelingen II 2022/2023, nr. 1823', 'Aanhangsel Handelingen II, vergaderjaar 2022 - 2023, nr. 1823']) {
      assert.deepEqual(refs(t), [ah('20222023', '1823')], t);
    }
    for (const t of ['Aanhangsel Handelin-gen, vergaderjaar 2022–2023, nr. 2931', 'Aanhangsel Handelin-\ngen, vergaderjaar 2022–2023, nr. 2931',
      'Aanhangsel Handelingen, verga-\nderjaar 2022–2023, nr. 2931', 'Aanhangsels Handelingen,vergaderjaar 2022-2023, nr. 2931',
      'Aanhangsel Hande\u00ADlingen, verga\u00ADder\u00ADjaar 2022–2023, nr. 2931']) {
      assert.deepEqual(refs(t), [ah('20222023', '2931')], JSON.stringify(t));
    }
  });

  it('"Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045": the reference starts at "Handelingen"', () => {
    const text = 'Zie Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045.';
    const found = findDocRefs(text);
    assert.deepEqual(found.map((r) => [r.kind, r.text, r.fields]), [
      ['aanhangsel', 'Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045', { chamber: 'tk', vergaderjaar: '20232024', number: '1045' }],
    ]);
    // Without a vergaderjaar before it, "Aanhangsel van de Handelingen, nr. 1045" is no reference; nor after a word.
    assert.deepEqual(refs('het Aanhangsel van de Handelingen, nr. 1045'), []);
    assert.deepEqual(refs('XHandelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045'), []);
  });

  it('a document number or URL glued to its footnote marker at the start of the footnote line', () => {
    const text = 'Vraag 1\nKlopt dat?3\n\n32024D27196\n2https://nos.nl/a\n';
    assert.deepEqual(findDocRefs(text).map((r) => `${r.kind} ${r.text}`), ['documentNumber 2024D27196', 'url https://nos.nl/a']);
    // Not in running text, nor after three digits.
    assert.deepEqual(refs('tabel 32024D27196 en 1232024D27196'), []);
  });
});
