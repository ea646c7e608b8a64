import * as assert from 'node:assert/strict';
import { citersByDocument, citedByCounts } from '../../../src/core/corpus/citations';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { buildRecord } from '../../../src/core/corpus/record';
import { seed } from '../helpers';
import { answerText, noticeText, webPage } from './texts';

const printed = (vj: string, nr: string, body: string): string =>
  `Tweede Kamer der Staten-Generaal\nVergaderjaar ${vj}\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n${nr}\n\n${body}`;

function docs(): { path: string; record: ReturnType<typeof buildRecord> }[] {
  return [
    { path: '2024/1092.txt', record: buildRecord(printed('2023–2024', '1092', answerText())) },
    { path: '2023/1092.txt', record: buildRecord(printed('2022–2023', '1092', answerText({ subject: 'de vos', submitted: '1 maart 2023', received: '20 maart 2023' }))) },
    { path: 'web/answer.txt', record: buildRecord(webPage(answerText({ subject: 'de das' }), { documentNumber: '2024D27196', zaak: '2023Z19006', id: 'ah-tk-20232024-1100' })) },
    { path: 'kst.txt', record: buildRecord('kst-36200-VII-5\n\nBrief van de minister van Onderwijs, Cultuur en Wetenschap.\n') },
    // Cites 1092 of 2023–2024 twice (two written forms), the Kamerstuk, the web page by its document number, and one not in the corpus.
    { path: 'citing.txt', record: buildRecord(answerText({ subject: 'de bever' },
      '\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092 en het antwoord (ah-tk-20232024-1092), Kamerstuk 36 200 VII, nr. 5, 2024D27196 en Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 9999.\n')) },
    // Names the web page's zaak number.
    { path: 'notice.txt', record: buildRecord(noticeText({ zaak: '2023Z19006' })) },
    // Cites the 2022–2023 number only.
    { path: 'old-citing.txt', record: buildRecord(answerText({ subject: 'de otter' }, '\nZie Aanhangsel Handelingen II 2022/23, nr. 1092.\n')) },
  ];
}

describe('corpus: cited by', () => {
  it('counts each citing document once, by any identity of the cited one; other vergaderjaren are other documents', () => {
    const counts = citedByCounts(docs());
    assert.deepEqual(Object.fromEntries(counts), {
      '2024/1092.txt': 1, '2023/1092.txt': 1, 'web/answer.txt': 2, 'kst.txt': 1, 'citing.txt': 0, 'notice.txt': 0, 'old-citing.txt': 0,
    });
    const citers = citersByDocument(docs());
    assert.deepEqual(citers.get('web/answer.txt'), ['citing.txt', 'notice.txt']);
    assert.deepEqual(citers.get('2023/1092.txt'), ['old-citing.txt']);
  });

  it('a document does not cite itself; two copies of a document each count the citing one', () => {
    const three = buildRecord(seed('003'));
    assert.ok(three.identities.includes('ah-tk-20222023-1429'));
    const citing = buildRecord(answerText({ subject: 'de bever' }, '\nZie ah-tk-20222023-1429.\n'));
    const counts = citedByCounts([
      { path: 'a/003.txt', record: three }, { path: 'b/003-copy.txt', record: three }, { path: 'c.txt', record: citing },
    ]);
    assert.deepEqual(Object.fromEntries(counts), { 'a/003.txt': 1, 'b/003-copy.txt': 1, 'c.txt': 0 });
  });

  it('agrees with the incremental CorpusIndex on the same documents', () => {
    const index = new CorpusIndex();
    for (const d of docs()) index.set(d.path, d.record);
    const citers = citersByDocument(docs());
    for (const d of docs()) assert.deepEqual(citers.get(d.path), index.citedBy(d.path), d.path);
  });
});
