import * as assert from 'node:assert/strict';
import { identitiesIn, identitiesOfRef, identityKey, identityOfId, ownIdentities } from '../../../src/core/corpus/identity';
import { findDocRefs } from '../../../src/core/docRefs';
import { seed } from '../helpers';

function keysIn(text: string): string[] {
  return identitiesIn(text).map(identityKey);
}

describe('corpus: identities', () => {
  it('every written form of a reference has one key; the vergaderjaar is part of an Aanhangsel key', () => {
    for (const t of [
      'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092',
      'Aanhangsel Handelingen II 2023/24, nr. 1092',
      'Aanhangsel van de Handelingen, vergaderjaar 2023-2024, nr. 01092',
      'ah-tk-20232024-1092',
      'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1092.html',
    ]) assert.deepEqual(keysIn(t), ['ah-tk-20232024-1092'], t);
    assert.deepEqual(keysIn('Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092'), ['ah-tk-20222023-1092']);
    assert.deepEqual(keysIn('Aanhangsel Handelingen I 2023/24, nr. 5'), ['ah-ek-20232024-5']);
    assert.deepEqual(keysIn('Kamerstuk 36 200 VII, nr. 5'), ['kst-36200-VII-5']);
    assert.deepEqual(keysIn('kst-36200-VII-5'), ['kst-36200-VII-5']);
    assert.deepEqual(keysIn('Kamerstukken II 2019/20, 29 984, nr. 899'), ['kst-29984-899']);
    assert.deepEqual(keysIn('2024D27196'), ['2024D27196']);
    assert.deepEqual(keysIn('2023z19006'), ['2023Z19006']);
    assert.deepEqual(keysIn('kv-tk-2023Z19006'), ['2023Z19006']);
    assert.deepEqual(keysIn('zie https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024Z01234&did=2024D02345'), ['2024Z01234', '2024D02345']);
    assert.deepEqual(keysIn('https://www.nrc.nl/nieuws/2023/01/10/2024D12345'), []);
    assert.deepEqual(keysIn('h-tk-20222023-45-6'), []);
    assert.deepEqual(keysIn('blg-123456'), ['blg-123456']);
  });

  it('keys read back as the identity they name', () => {
    for (const key of ['ah-tk-20232024-1092', 'kst-36200-VII-5', 'kst-28828-70', '2024D27196', '2023Z19006', 'stcrt-2023-123']) {
      const id = identityOfId(key);
      assert.ok(id, key);
      assert.equal(identityKey(id), key);
    }
    assert.equal(identityOfId('ah-tk-20232025-1'), undefined, 'not a vergaderjaar');
  });

  it('a reference of each kind', () => {
    const refs = findDocRefs('Kamerstuk 28 828, nr. 70 en 2023D03702 en https://example.org/x');
    assert.deepEqual(refs.map((r) => identitiesOfRef(r).map(identityKey)), [['kst-28828-70'], ['2023D03702'], []]);
  });

  it("own identities: a copied page's metadata, the Aanhangsel title block; not references in the text", () => {
    assert.deepEqual(ownIdentities(seed('003')).map(identityKey), ['ah-tk-20222023-1429', '2023D03702', '2023Z00142']);
    // Seed 000 names ten other answers ("Zie ook Aanhangsel Handelingen ..."): none of them is its own.
    assert.deepEqual(ownIdentities(seed('000')), []);
    const printed = 'Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n\n1092\n\nVragen van het lid X (Y) over Z (ingezonden 1 maart 2024).\n';
    assert.deepEqual(ownIdentities(printed).map(identityKey), ['ah-tk-20232024-1092']);
    // An answer that cites other questions by identifier and number early on claims neither.
    const citing = 'Vragen van het lid X (Y) over Z (ingezonden 1 maart 2024).\n\nZie ook ah-tk-20222023-1429, 2023D03702 en zaak 2023Z00142.\n\nVraag 1\nWaarom?\n';
    assert.deepEqual(ownIdentities(citing), []);
    assert.deepEqual(ownIdentities('kst-36200-VII-5\n\nBrief van de minister ...').map(identityKey), ['kst-36200-VII-5']);
  });
});
