import * as assert from 'node:assert/strict';
import { findDocRefs } from '../../src/core/docRefs';
import { buildDocLinks, preferredLink, refersTo, safeLinkTarget } from '../../src/core/links';
import { parseDocument } from '../../src/core/parser';
import { seed } from './helpers';

const OB = 'https://zoek.officielebekendmakingen.nl/';

/** The links of the only document reference in `text`. */
function linksOf(text: string): string[] {
  const refs = findDocRefs(text);
  assert.equal(refs.length, 1, `one reference in ${JSON.stringify(text)}: ${refs.map((r) => r.text).join(' | ')}`);
  return buildDocLinks(refs[0]).links.map((l) => l.url);
}

describe('link builder: Aanhangsel van de Handelingen', () => {
  for (const text of [
    'Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 1047',
    'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047',
    'Aanhangsel Handelingen,\nvergaderjaar 2023–2024, nr.\n1047',
    'Aanhangsel Handelingen, vergaderjaar2023–2024, nr. 1047',
    'Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1047',
    'Aanhangsel Handelingen II 2023/24, nr. 1047',
    'Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 1047',
  ]) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(linksOf(`Zie ${text}.`), [`${OB}ah-tk-20232024-1047.html`]);
    });
  }

  it('is described in words', () => {
    const [ref] = findDocRefs('Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1047');
    assert.deepEqual(buildDocLinks(ref).description, { kind: 'aanhangsel', chamber: 'tk', vergaderjaar: '20232024', number: '1047' });
  });
});

describe('link builder: Kamerstukken', () => {
  for (const [text, id] of [
    ['Kamerstuk 28 828, nr. 70', 'kst-28828-70'],
    ['Kamerstukken II 2019/20, 29 984, nr. 899', 'kst-29984-899'],
    ['Kamerstuk 36 200 VII, nr. 5', 'kst-36200-VII-5'],
    ['Kamerstuk 31865-207', 'kst-31865-207'],
    ['Bijlage bij Kamerstuk 29 383, nr. 384', 'kst-29383-384'],
  ]) {
    it(`${text} → ${id}`, () => {
      assert.deepEqual(linksOf(`(${text})`), [`${OB}${id}.html`]);
    });
  }

  it('keeps the part and the vergaderjaar in the description', () => {
    const [a] = findDocRefs('Kamerstuk 36 200 VII, nr. 5');
    assert.deepEqual(buildDocLinks(a).description, { kind: 'kamerstuk', chamber: 'tk', dossier: '36200', part: 'VII', number: '5' });
    const [b] = findDocRefs('Kamerstukken II 2019/20, 29 984, nr. 899');
    assert.deepEqual(buildDocLinks(b).description, { kind: 'kamerstuk', chamber: 'tk', dossier: '29984', number: '899', vergaderjaar: '20192020' });
  });
});

describe('link builder: numbers, identifiers, URLs', () => {
  it('document number → the Tweede Kamer and OpenTK', () => {
    assert.deepEqual(linksOf('Nummer 2023D03702'), [
      'https://www.tweedekamer.nl/kamerstukken/detail?id=2023D03702&did=2023D03702',
      'https://berthub.eu/tkconv/document.html?nummer=2023D03702',
    ]);
  });

  it('zaak number → the Tweede Kamer and OpenTK', () => {
    assert.deepEqual(linksOf('Zaak 2023Z00142'), [
      'https://www.tweedekamer.nl/zoeken?qry=2023Z00142',
      'https://berthub.eu/tkconv/zaak.html?nummer=2023Z00142',
    ]);
  });

  it('an official identifier', () => {
    assert.deepEqual(linksOf('ah-tk-20222023-1429'), [`${OB}ah-tk-20222023-1429.html`]);
    const [ref] = findDocRefs('ah-tk-20222023-1429');
    assert.deepEqual(buildDocLinks(ref).description, { kind: 'aanhangsel', chamber: 'tk', vergaderjaar: '20222023', number: '1429' });
    assert.deepEqual(linksOf('zie kst-36200-VII-5'), [`${OB}kst-36200-VII-5.html`]);
  });

  it('a plain URL', () => {
    assert.deepEqual(linksOf('Zie https://www.nrc.nl/nieuws/a4153855.'), ['https://www.nrc.nl/nieuws/a4153855']);
    assert.deepEqual(linksOf('Zie www.rijksoverheid.nl/x.'), ['https://www.rijksoverheid.nl/x']);
  });

  it('the preferred source, else the first', () => {
    const [ref] = findDocRefs('2023D03702');
    const links = buildDocLinks(ref).links;
    assert.equal(preferredLink(links, 'opentk')?.url, 'https://berthub.eu/tkconv/document.html?nummer=2023D03702');
    assert.equal(preferredLink(links, 'officielebekendmakingen')?.source, 'tweedekamer');
  });

  it('003 is the document that "Aanhangsel Handelingen II 2022/23, nr. 1429" and "2023Z00142" name', () => {
    const md = parseDocument(seed('003')).metadata;
    const [ah] = findDocRefs('(Aanhangsel Handelingen II 2022/23, nr. 1429)');
    assert.equal(refersTo(buildDocLinks(ah), md), true);
    const [zaak] = findDocRefs('zaak 2023Z00142');
    assert.equal(refersTo(buildDocLinks(zaak), md), true);
    const [other] = findDocRefs('Aanhangsel Handelingen II 2022/23, nr. 1430');
    assert.equal(refersTo(buildDocLinks(other), md), false);
  });

  it('link targets are http(s) only, and cannot break out of a Markdown link', () => {
    assert.equal(safeLinkTarget('command:workbench.action.quit'), undefined);
    assert.equal(safeLinkTarget('javascript:alert(1)'), undefined);
    assert.equal(safeLinkTarget('https://x.nl/a)(command:y)'), 'https://x.nl/a%29%28command:y%29');
  });
});
