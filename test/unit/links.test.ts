import * as assert from 'node:assert/strict';
import { findDocRefs } from '../../src/core/docRefs';
import { buildDocLinks, displayDossier, linkPieces, preferredLink, refersTo, safeLinkTarget } from '../../src/core/links';
import { parseDocument } from '../../src/core/parser';
import { fixture, seed } from './helpers';

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

describe('link builder: forms found in real documents', () => {
  for (const [text, id] of [
    ['Kamerstuk 21 501-02, nr. 2733', 'kst-21501-02-2733'],
    ['Kamerstuk\n21 501-02 nr. 2733', 'kst-21501-02-2733'],
    ['Kamerstukken II , 2023/24, 28 828, nr. 137', 'kst-28828-137'],
    ['Kamerstukken, 2022-2023, 29628, nr. 1135', 'kst-29628-1135'],
    ['Kamerstukken I 2017/18, 21 501-31, nr. A', 'kst-21501-31-A'],
    ['Kamerstuk 29 629, 32 761, nr. 1156', 'kst-29629-1156'],
    ['Aanhangsel van de Handelingen II, 2022/-23, nr. 1823', 'ah-tk-20222023-1823'],
    ['Aanhangsel Handelin-gen, verga-\nderjaar 2022–2023, nr. 2931', 'ah-tk-20222023-2931'],
    ['Aanhangsels Handelingen,vergaderjaar 2022-2023, nr. 3120', 'ah-tk-20222023-3120'],
    ['Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045', 'ah-tk-20232024-1045'],
  ]) {
    it(`${JSON.stringify(text)} → ${id}`, () => {
      assert.deepEqual(linksOf(`(${text})`), [`${OB}${id}.html`]);
    });
  }

  it('describes a sub-numbered dossier, the Eerste Kamer and its letters as written', () => {
    const [sub] = findDocRefs('Kamerstuk 21 501-02, nr. 2733');
    assert.deepEqual(buildDocLinks(sub).description, { kind: 'kamerstuk', chamber: 'tk', dossier: '21501-02', number: '2733' });
    assert.equal(displayDossier('21501-02'), '21 501-02');
    const [ek] = findDocRefs('Kamerstukken I 2017/18, 21 501-31, nr. A');
    assert.deepEqual(buildDocLinks(ek).description, { kind: 'kamerstuk', chamber: 'ek', dossier: '21501-31', number: 'A', vergaderjaar: '20172018' });
    // Identifiers with a sub-number or a letter are read the same way.
    const [id] = findDocRefs('zie kst-21501-02-2733 en kst-35261-B');
    assert.deepEqual(buildDocLinks(id).description, { kind: 'kamerstuk', chamber: 'tk', dossier: '21501-02', number: '2733' });
    const [, letter] = findDocRefs('zie kst-21501-02-2733 en kst-35261-B');
    assert.deepEqual(buildDocLinks(letter).description, { kind: 'kamerstuk', chamber: 'ek', dossier: '35261', number: 'B' });
  });

  it('every reference of the fixture links where it should', () => {
    const links = findDocRefs(fixture('reference-forms.txt')).map((r) => buildDocLinks(r).links[0].url.replace(OB, ''));
    assert.deepEqual(links, [
      'ah-tk-20232024-1012.html', 'kst-29628-1156.html', 'ah-tk-20232024-1045.html', 'kst-29628-1135.html',
      'ah-tk-20222023-2931.html', 'ah-tk-20222023-3120.html', 'ah-tk-20232024-418.html', 'kst-21501-02-2733.html',
      'kst-21501-20-2012.html', 'kst-21501-31-A.html', 'kst-28828-137.html',
      'https://nos.nl/artikel/2504390-politie-zoekt-met-gezichtsherkenning',
      'https://www.tweedekamer.nl/kamerstukken/detail?id=2024D27196&did=2024D27196',
    ]);
  });
});

describe('linkPieces: display text cut at its references', () => {
  it('a URL links to itself, a Kamerstuk to the preferred source; the pieces join to the text', () => {
    const text = 'Zie https://nos.nl/a, Kamerstuk 21 501-02, nr. 2733 en 2024D27196.';
    const pieces = linkPieces(text, 'opentk');
    assert.equal(pieces.map((p) => p.text).join(''), text);
    assert.deepEqual(pieces.filter((p) => p.url).map((p) => [p.text, p.url]), [
      ['https://nos.nl/a', 'https://nos.nl/a'],
      ['Kamerstuk 21 501-02, nr. 2733', `${OB}kst-21501-02-2733.html`],
      ['2024D27196', 'https://berthub.eu/tkconv/document.html?nummer=2024D27196'],
    ]);
    assert.deepEqual(linkPieces('Geen verwijzing.'), [{ text: 'Geen verwijzing.' }]);
    assert.deepEqual(linkPieces(''), [{ text: '' }]);
  });

  it('only http(s) links, never a command or script', () => {
    for (const text of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd']) {
      assert.ok(linkPieces(text).every((p) => p.url === undefined), text);
    }
    const [, link] = linkPieces('Zie https://x.nl/a)(command:y) hier.');
    assert.equal(link.url, 'https://x.nl/a)(command:y');
    assert.equal(safeLinkTarget(link.url ?? ''), 'https://x.nl/a%29%28command:y');
  });
});
