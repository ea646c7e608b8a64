import * as assert from 'node:assert/strict';
import { corpusExportArgs } from '../../../src/core/corpus/exportArgs';
import { ministriesOf, overviewRows, type OverviewInput } from '../../../src/core/corpus/overview';
import { diffRows, facetsOf, filterRows, sortRows, type OverviewRow } from '../../../src/core/corpus/overviewTable';
import { buildRecord } from '../../../src/core/corpus/record';
import { seed } from '../helpers';
import { answerText, noticeText, questionsText } from './texts';

const tagged = (...tags: string[][]): { tags: string[] }[] => tags.map((t) => ({ tags: t }));

function inputs(): OverviewInput[] {
  return [
    { id: 'file:///w/wolf/vragen.txt', file: 'wolf/vragen.txt', record: buildRecord(questionsText()), annotations: [] },
    { id: 'file:///w/wolf/uitstel.txt', file: 'wolf/uitstel.txt', record: buildRecord(noticeText({ sent: '15 februari 2024' })), annotations: [] },
    {
      id: 'file:///w/wolf/antwoord.txt', file: 'wolf/antwoord.txt',
      record: buildRecord(answerText({ received: '1 maart 2024' })),
      annotations: tagged(['toezegging'], ['toezegging', 'verwijzing'], ['toezegging', 'toezegging']),
    },
    // Late, no postponement; asked by someone else, in 2023.
    {
      id: 'file:///w/das.txt', file: 'das.txt',
      record: buildRecord(answerText({ who: 'het lid Öztürk (DENK)', subject: 'de das', submitted: '2 oktober 2023', received: '20 november 2023', minister: 'Minister Adema (Landbouw, Natuur en Voedselkwaliteit)' })),
      annotations: tagged(['verwijzing']),
    },
    // Open and overdue on 30 May 2024.
    { id: 'file:///w/open.txt', file: 'open.txt', record: buildRecord(questionsText({ subject: 'de vos', submitted: '1 mei 2024' })), annotations: [] },
    { id: 'file:///w/nota.txt', file: 'nota.txt', record: buildRecord(seed('001')), annotations: tagged([]) },
    // Cites the answer of 2022–2023 nr. 1429 (seed 003) by its identifier.
    { id: 'file:///w/003.txt', file: '003.txt', record: buildRecord(seed('003')), annotations: [] },
    { id: 'file:///w/citing.txt', file: 'citing.txt', record: buildRecord(questionsText({ subject: 'de bever', submitted: '3 maart 2024' }, '\nZie ah-tk-20222023-1429 en Aanhangsel Handelingen II 2022/23, nr. 1429.\n')), annotations: [] },
    // Not a parliamentary text, but annotated.
    { id: 'file:///w/notes.txt', file: 'notes.txt', annotations: tagged(['toezegging']) },
  ];
}

const byFile = (rows: readonly OverviewRow[]): Map<string, OverviewRow> => new Map(rows.map((r) => [r.file, r]));

describe('corpus: overview rows', () => {
  it('one row per document in file order, with kind, askers, dates, term and status of its question set', () => {
    const rows = overviewRows(inputs(), { today: '2024-05-30' });
    assert.deepEqual(rows.map((r) => r.file), ['003.txt', 'citing.txt', 'das.txt', 'nota.txt', 'notes.txt', 'open.txt', 'wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt']);
    const m = byFile(rows);
    const answer = m.get('wolf/antwoord.txt');
    assert.ok(answer);
    assert.equal(answer.kind, 'answer');
    assert.equal(answer.title, 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de terugkeer van de wolf op de Veluwe');
    assert.equal(answer.subject, 'de terugkeer van de wolf op de Veluwe');
    assert.deepEqual(answer.askedBy, ['Van der Lee']);
    assert.deepEqual(answer.parties, ['GroenLinks-PvdA']);
    assert.equal(answer.addressedTo, 'de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur');
    assert.deepEqual(answer.ministries, ['Landbouw, Visserij, Voedselzekerheid en Natuur']);
    assert.equal(answer.submitted, '2024-01-29');
    assert.equal(answer.received, '2024-03-01');
    assert.equal(answer.year, '2024');
    // 29 Jan + 21 = 19 Feb; the notice of 15 Feb extends it to 11 March; answered on 1 March: 32 days.
    assert.equal(answer.due, '2024-03-11');
    assert.equal(answer.daysToAnswer, 32);
    assert.equal(answer.status, 'answeredInTime');
    assert.equal(answer.extensions, 1);
    assert.equal(answer.questions, 3);
    // The same set for the questions and the notice; each lists the other two files with their part.
    assert.deepEqual(answer.related.map((r) => [r.file, r.kind, r.id]), [
      ['wolf/uitstel.txt', 'postponement', 'file:///w/wolf/uitstel.txt'], ['wolf/vragen.txt', 'questions', 'file:///w/wolf/vragen.txt'],
    ]);
    assert.equal(m.get('wolf/vragen.txt')?.kind, 'questions');
    assert.equal(m.get('wolf/vragen.txt')?.status, 'answeredInTime');
    assert.equal(m.get('wolf/vragen.txt')?.received, '2024-03-01', 'the questions show when the set was answered');
    assert.equal(m.get('wolf/uitstel.txt')?.kind, 'postponement');
    assert.equal(m.get('wolf/uitstel.txt')?.received, '2024-02-15');

    const das = m.get('das.txt');
    assert.equal(das?.status, 'answeredLateWithoutPostponement');
    assert.equal(das?.daysToAnswer, 49);
    assert.equal(das?.daysOverdue, 28);
    assert.equal(das?.year, '2023');
    assert.deepEqual(das?.parties, ['DENK']);
    assert.deepEqual(das?.ministries, ['Landbouw, Visserij, Voedselzekerheid en Natuur', 'Landbouw, Natuur en Voedselkwaliteit']);
    assert.deepEqual(das?.related, []);

    const open = m.get('open.txt');
    assert.equal(open?.status, 'openOverdue');
    assert.equal(open?.due, '2024-05-22');
    assert.equal(open?.daysOverdue, 8);
    assert.equal(open?.daysToAnswer, undefined);
    assert.equal(overviewRows(inputs(), { today: '2024-05-10' }).find((r) => r.file === 'open.txt')?.status, 'open');

    const nota = m.get('nota.txt');
    assert.equal(nota?.kind, 'beslisnota');
    assert.equal(nota?.status, undefined);
    assert.deepEqual(nota?.related, []);
    const notes = m.get('notes.txt');
    assert.equal(notes?.kind, 'unknown');
    assert.equal(notes?.title, '');
    assert.equal(notes?.questions, 0);
  });

  it('annotations per tag (an annotation counts once per tag it has) and in all', () => {
    const m = byFile(overviewRows(inputs(), { today: '2024-05-30' }));
    assert.deepEqual(m.get('wolf/antwoord.txt')?.tags, { toezegging: 3, verwijzing: 1 });
    assert.equal(m.get('wolf/antwoord.txt')?.annotations, 3);
    assert.deepEqual(m.get('nota.txt')?.tags, {});
    assert.equal(m.get('nota.txt')?.annotations, 1);
    assert.deepEqual(m.get('notes.txt')?.tags, { toezegging: 1 });
  });

  it('cited by: the documents that refer to it by any of its identities', () => {
    const m = byFile(overviewRows(inputs(), { today: '2024-05-30' }));
    assert.equal(m.get('003.txt')?.citedBy, 1);
    assert.equal(m.get('citing.txt')?.citedBy, 0);
    assert.equal(m.get('wolf/antwoord.txt')?.citedBy, 0);
  });

  it('ministries from the addressee and the answering minister', () => {
    assert.deepEqual(ministriesOf({
      addressedTo: 'de Minister-President en de Ministers van Binnenlandse Zaken en Koninkrijksrelaties, van Buitenlandse Zaken, van Financiën, van Landbouw, Natuur en Voedselkwaliteit en van Volksgezondheid, Welzijn en Sport',
      answeredBy: 'Minister Van Weyenberg (Financiën)',
    }), ['Algemene Zaken', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Financiën', 'Landbouw, Natuur en Voedselkwaliteit', 'Volksgezondheid, Welzijn en Sport']);
    assert.deepEqual(ministriesOf({ addressedTo: 'de Minister voor Klimaat en Energie' }), ['Klimaat en Energie']);
    assert.deepEqual(ministriesOf({ addressedTo: 'de Minister vanOnderwijs, Cultuur en Wetenschap' }), ['Onderwijs, Cultuur en Wetenschap']);
    assert.deepEqual(ministriesOf({ addressedTo: 'de Staatssecretaris van Financiën en de Minister van Justitie en Veiligheid' }), ['Financiën', 'Justitie en Veiligheid']);
    assert.deepEqual(ministriesOf({ answeredBy: 'Minister-President Rutte (Algemene Zaken)' }), ['Algemene Zaken']);
    assert.deepEqual(ministriesOf({}), []);
  });
});

describe('corpus: overview table', () => {
  const rows = (): OverviewRow[] => overviewRows(inputs(), { today: '2024-05-30' });

  it('sorts by a column either way, empty values last in both directions, ties by file name', () => {
    const asc = sortRows(rows(), { column: 'submitted', direction: 'asc' }).map((r) => [r.file, r.submitted]);
    assert.deepEqual(asc, [
      ['003.txt', '2023-01-11'], ['das.txt', '2023-10-02'],
      ['wolf/antwoord.txt', '2024-01-29'], ['wolf/uitstel.txt', '2024-01-29'], ['wolf/vragen.txt', '2024-01-29'],
      ['citing.txt', '2024-03-03'], ['open.txt', '2024-05-01'], ['nota.txt', undefined], ['notes.txt', undefined],
    ]);
    const desc = sortRows(rows(), { column: 'submitted', direction: 'desc' }).map((r) => r.file);
    assert.deepEqual(desc, ['open.txt', 'citing.txt', 'wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt', 'das.txt', '003.txt', 'nota.txt', 'notes.txt']);
    assert.deepEqual(sortRows(rows(), { column: 'daysToAnswer', direction: 'desc' }).slice(0, 2).map((r) => [r.file, r.daysToAnswer]), [['das.txt', 49], ['wolf/antwoord.txt', 32]]);
    // Statuses: the ones that need attention first.
    assert.deepEqual(sortRows(rows(), { column: 'status', direction: 'asc' }).slice(0, 3).map((r) => [r.file, r.status]),
      [['citing.txt', 'openOverdue'], ['open.txt', 'openOverdue'], ['das.txt', 'answeredLateWithoutPostponement']]);
    // Annotations: in all, or of the tag chosen in the filter.
    assert.equal(sortRows(rows(), { column: 'annotations', direction: 'desc' })[0].file, 'wolf/antwoord.txt');
    assert.deepEqual(sortRows(rows(), { column: 'annotations', direction: 'desc' }, 'verwijzing').slice(0, 2).map((r) => r.file), ['das.txt', 'wolf/antwoord.txt']);
    // Names in Dutch order: case and diacritics do not count.
    const askers = sortRows(rows(), { column: 'askedBy', direction: 'asc' }).filter((r) => r.askedBy.length > 0).map((r) => r.askedBy[0]);
    assert.deepEqual([...new Set(askers)], ['Leijten', 'Öztürk', 'Van der Lee'], 'Ö sorts with O, not after Z');
  });

  it('filters by party, ministry, year, kind, tag, status and words (all must match; case and diacritics do not count)', () => {
    const files = (f: Parameters<typeof filterRows>[1]): string[] => filterRows(rows(), f).map((r) => r.file);
    assert.deepEqual(files({ party: 'DENK' }), ['das.txt']);
    assert.deepEqual(files({ ministry: 'Landbouw, Natuur en Voedselkwaliteit' }), ['das.txt']);
    assert.deepEqual(files({ year: '2023' }), ['003.txt', 'das.txt']);
    assert.deepEqual(files({ kind: 'postponement' }), ['wolf/uitstel.txt']);
    assert.deepEqual(files({ tag: 'toezegging' }), ['notes.txt', 'wolf/antwoord.txt']);
    assert.deepEqual(files({ status: 'openOverdue' }), ['citing.txt', 'open.txt']);
    assert.deepEqual(files({ text: 'ozturk das' }), ['das.txt']);
    assert.deepEqual(files({ text: 'WOLF veluwe' }), ['wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt']);
    assert.deepEqual(files({ text: 'olf' }), [], 'words match from their start');
    assert.deepEqual(files({ party: 'GroenLinks-PvdA', kind: 'answer', year: '2024' }), ['wolf/antwoord.txt']);
    assert.deepEqual(files({ party: '', text: '' }).length, 9);
    const cache = new Map<string, string>();
    assert.deepEqual(filterRows(rows(), { text: 'bever' }, cache).map((r) => r.file), ['citing.txt']);
    assert.ok(cache.size > 0);
  });

  it('facets: each filter value with its number of rows, in a useful order', () => {
    const f = facetsOf(rows());
    assert.deepEqual(f.year, [{ value: '2024', count: 5 }, { value: '2023', count: 2 }]);
    assert.deepEqual(f.kind.map((k) => k.value), ['questions', 'answer', 'postponement', 'beslisnota', 'unknown']);
    assert.deepEqual(f.tag, [{ value: 'toezegging', count: 2 }, { value: 'verwijzing', count: 2 }]);
    assert.deepEqual(f.party.map((p) => p.value), ['DENK', 'GroenLinks-PvdA', 'SP']);
    assert.equal(f.status[0].value, 'openOverdue');
  });

  it('diff: only rows that changed or went, by id', () => {
    const first = diffRows(new Map(), rows());
    assert.equal(first.changed.length, 9);
    const again = diffRows(first.keys, rows());
    assert.deepEqual(again.changed, []);
    assert.deepEqual(again.removed, []);
    const fewer = inputs().filter((i) => i.file !== 'wolf/uitstel.txt');
    const next = diffRows(first.keys, overviewRows(fewer, { today: '2024-05-30' }));
    assert.deepEqual(next.removed, ['file:///w/wolf/uitstel.txt']);
    // Without the notice the set's term is shorter: the answer is late now, the questions too.
    assert.deepEqual(next.changed.map((r) => [r.file, r.status]).sort(), [['wolf/antwoord.txt', 'answeredLateWithoutPostponement'], ['wolf/vragen.txt', 'answeredLateWithoutPostponement']]);
  });
});

describe('corpus: export arguments', () => {
  it('no arguments ask; a format, target and overwrite are taken; a wrong format or separator is an error', () => {
    assert.deepEqual(corpusExportArgs(undefined), { args: { separator: ';', overwrite: false } });
    assert.deepEqual(corpusExportArgs({ format: 'JSONL', target: '/tmp/x.jsonl', overwrite: true }), { args: { format: 'jsonl', separator: ';', target: '/tmp/x.jsonl', overwrite: true } });
    assert.deepEqual(corpusExportArgs({ format: 'csv', separator: ',' }), { args: { format: 'csv', separator: ',', overwrite: false } });
    assert.deepEqual(corpusExportArgs({ format: 'xlsx' }), { error: { kind: 'format', value: 'xlsx', known: ['csv', 'jsonl'] } });
    assert.deepEqual(corpusExportArgs({ format: 3 }), { error: { kind: 'format', value: '3', known: ['csv', 'jsonl'] } });
    assert.deepEqual(corpusExportArgs({ separator: '|' }), { error: { kind: 'separator' } });
    assert.deepEqual(corpusExportArgs({ overwrite: 'yes' }), { args: { separator: ';', overwrite: false } });
  });
});
