import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { buildRecord } from '../../../src/core/corpus/record';
import { seed } from '../helpers';
import { answerText, noticeText, webPage } from './texts';

const printed = (vj: string, nr: string, body: string): string =>
  `Tweede Kamer der Staten-Generaal\nVergaderjaar ${vj}\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n${nr}\n\n${body}`;

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  index.set('2024/1092.txt', buildRecord(printed('2023–2024', '1092', answerText())));
  index.set('2023/1092.txt', buildRecord(printed('2022–2023', '1092', answerText({ subject: 'de vos', submitted: '1 maart 2023', received: '20 maart 2023' }))));
  index.set('web/answer.txt', buildRecord(webPage(answerText({ subject: 'de das' }), { documentNumber: '2024D27196', zaak: '2023Z19006', id: 'ah-tk-20232024-1100' })));
  index.set('kst.txt', buildRecord('kst-36200-VII-5\n\nBrief van de minister van Onderwijs, Cultuur en Wetenschap.\n'));
  index.set('citing.txt', buildRecord(answerText({ subject: 'de bever' },
    '\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092 en het antwoord (ah-tk-20232024-1092), Kamerstuk 36 200 VII, nr. 5, 2024D27196 en Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 9999.\n')));
  index.set('notice.txt', buildRecord(noticeText({ zaak: '2023Z19006' })));
  return index;
}

describe('corpus: cross-document resolution', () => {
  it('each written form resolves to the document with that identity', () => {
    const index = corpus();
    assert.deepEqual(index.resolve('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092'), ['2024/1092.txt']);
    assert.deepEqual(index.resolve('ah-tk-20232024-1092'), ['2024/1092.txt']);
    assert.deepEqual(index.resolve('Aanhangsel Handelingen II 2023/24, nr. 1092'), ['2024/1092.txt']);
    assert.deepEqual(index.resolve('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1092.html'), ['2024/1092.txt']);
    assert.deepEqual(index.resolve('2024D27196'), ['web/answer.txt']);
    assert.deepEqual(index.resolve('2023Z19006'), ['web/answer.txt']);
    assert.deepEqual(index.resolve('Kamerstuk 36 200 VII, nr. 5'), ['kst.txt']);
    assert.deepEqual(index.resolve({ kind: 'kamerstuk', dossier: '36200', part: 'VII', number: '5' }), ['kst.txt']);
    // The same number in another vergaderjaar is another document.
    assert.deepEqual(index.resolve('Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092'), ['2023/1092.txt']);
    assert.deepEqual(index.resolve('ah-tk-20212022-1092'), []);
    assert.deepEqual(index.resolve('nergens'), []);
  });

  it('references resolve to their targets; cited by counts each citing document once', () => {
    const index = corpus();
    const refs = index.references('citing.txt');
    assert.deepEqual(refs.map((r) => [r.key, r.targets]), [
      ['ah-tk-20232024-1092', ['2024/1092.txt']],
      ['ah-tk-20232024-1092', ['2024/1092.txt']],
      ['kst-36200-VII-5', ['kst.txt']],
      ['2024D27196', ['web/answer.txt']],
      ['ah-tk-20232024-9999', []],
    ]);
    assert.deepEqual(index.citedBy('2024/1092.txt'), ['citing.txt']);
    assert.equal(index.citedByCount('2024/1092.txt'), 1);
    assert.equal(index.citedByCount('2023/1092.txt'), 0);
    // Cited by its document number (citing.txt) and by its zaak number (the notice).
    assert.deepEqual(index.citedBy('web/answer.txt'), ['citing.txt', 'notice.txt']);
  });

  it('incremental: a changed document replaces its identities and references; a deleted one is gone', () => {
    const index = corpus();
    index.set('citing.txt', buildRecord(answerText({ subject: 'de bever' }, '\nZie Kamerstuk 36 200 VII, nr. 5.\n')));
    assert.deepEqual(index.citedBy('2024/1092.txt'), []);
    assert.deepEqual(index.citedBy('kst.txt'), ['citing.txt']);
    assert.ok(index.delete('kst.txt'));
    assert.deepEqual(index.resolve('kst-36200-VII-5'), []);
    assert.deepEqual(index.references('citing.txt').map((r) => r.targets), [[]]);
    assert.ok(!index.delete('kst.txt'));
    assert.equal(index.size, 5);
  });

  it('a document that cites itself does not count', () => {
    const index = new CorpusIndex();
    index.set('003.txt', buildRecord(seed('003')));
    assert.deepEqual(index.citedBy('003.txt'), []);
    assert.deepEqual(index.resolve('ah-tk-20222023-1429'), ['003.txt']);
  });
});
