import * as assert from 'node:assert/strict';
import { linkQuestionSets, type CorpusDocument } from '../../../src/core/corpus/questionSets';
import { buildRecord } from '../../../src/core/corpus/record';
import { CORPUS_CSV_WORDS, corpusCsv, corpusJsonl, type CorpusJsonLine } from '../../../src/core/corpus/tables';
import { readCsv } from '../annotations/csvReader';
import { seed } from '../helpers';
import { answerText, noticeText, questionsText } from './texts';

function docs(): CorpusDocument[] {
  return [
    { path: 'wolf/vragen.txt', record: buildRecord(questionsText()) },
    { path: 'wolf/uitstel.txt', record: buildRecord(noticeText({ sent: '15 februari 2024' })) },
    { path: 'wolf/antwoord.txt', record: buildRecord(answerText({ received: '1 maart 2024' })) },
    { path: 'open.txt', record: buildRecord(questionsText({ subject: 'de "probleem"wolf; deel 2', submitted: '1 mei 2024' })) },
    { path: '-beslisnota.txt', record: buildRecord(seed('001')) },
  ];
}

describe('corpus: tables', () => {
  it('CSV: BOM, ";" and CRLF, RFC 4180 quoting, formula guard, ISO dates, one row per document in path order', () => {
    const csv = corpusCsv(docs(), { today: '2024-05-30' });
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/u.test(csv), 'every line break is CRLF');
    const rows = readCsv(csv.slice(1), ';');
    assert.deepEqual(rows[0], ['file', 'kind', 'role', 'title', 'asked by', 'party', 'addressed to', 'answered by', 'submitted', 'received', 'due',
      'days to answer', 'status', 'postponements', 'questions', 'footnotes', 'related files']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ["'-beslisnota.txt", 'open.txt', 'wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt']);
    const byFile = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))]));
    assert.deepEqual(byFile.get('wolf/antwoord.txt'), {
      file: 'wolf/antwoord.txt', kind: 'questions', role: 'answer',
      title: 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de terugkeer van de wolf op de Veluwe',
      'asked by': 'Van der Lee', party: 'GroenLinks-PvdA', 'addressed to': 'de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur',
      'answered by': 'Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)',
      submitted: '2024-01-29', received: '2024-03-01', due: '2024-03-11', 'days to answer': '32', status: 'answered in time',
      postponements: '1', questions: '3', footnotes: '0', 'related files': 'wolf/uitstel.txt | wolf/vragen.txt',
    });
    const notice = byFile.get('wolf/uitstel.txt');
    assert.equal(notice?.role, 'postponement');
    assert.equal(notice?.received, '2024-02-15');
    assert.equal(notice?.status, 'answered in time');
    assert.equal(byFile.get('wolf/vragen.txt')?.received, '2024-03-01', 'the set was answered on 1 March');
    const open = byFile.get('open.txt');
    assert.equal(open?.title, 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de "probleem"wolf; deel 2');
    assert.equal(open?.status, 'open and overdue');
    assert.equal(open?.due, '2024-05-22');
    assert.equal(open?.['days to answer'], '');
    const nota = byFile.get("'-beslisnota.txt");
    assert.equal(nota?.kind, 'beslisnota');
    assert.equal(nota?.status, '');
    assert.match(csv, /"Vragen van het lid Van der Lee \(GroenLinks-PvdA\) over de ""probleem""wolf; deel 2"/u);
  });

  it('CSV: an answer row has its own date of receipt; the set is answered with the last answer', () => {
    // The same questions answered by two ministers, on different days.
    const d = [
      { path: 'a1.txt', record: buildRecord(answerText({ received: '16 februari 2024', minister: 'Minister Adema (Landbouw)' })) },
      { path: 'a2.txt', record: buildRecord(answerText({ received: '1 maart 2024', minister: 'Minister Harbers (Infrastructuur)' })) },
      { path: 'v.txt', record: buildRecord(questionsText()) },
    ];
    const rows = readCsv(corpusCsv(d, { today: '2024-06-01' }).slice(1), ';');
    const col = (name: string): number => rows[0].indexOf(name);
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[col('received')], r[col('days to answer')], r[col('status')], r[col('related files')]]), [
      ['a1.txt', '2024-02-16', '32', 'answered late without postponement', 'a2.txt | v.txt'],
      ['a2.txt', '2024-03-01', '32', 'answered late without postponement', 'a1.txt | v.txt'],
      ['v.txt', '2024-03-01', '32', 'answered late without postponement', 'a1.txt | a2.txt'],
    ]);
  });

  it('CSV options: separator, no BOM, other words', () => {
    const words = { ...CORPUS_CSV_WORDS, statuses: { ...CORPUS_CSV_WORDS.statuses, openOverdue: 'open, te laat' } };
    const csv = corpusCsv(docs(), { today: '2024-05-30', separator: ',', bom: false, words });
    assert.ok(csv.startsWith('file,kind,'));
    assert.ok(readCsv(csv, ',').some((r) => r.includes('open, te laat')));
    assert.throws(() => corpusCsv(docs(), { today: '2024-05-30', separator: '"' }), /separator/u);
  });

  it('JSON Lines: one object per document with metadata, its question set and question/answer pairs', () => {
    const d = docs();
    const text = corpusJsonl(d, { today: '2024-05-30', sets: linkQuestionSets(d) });
    assert.ok(text.endsWith('\n'));
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as CorpusJsonLine);
    assert.deepEqual(lines.map((l) => l.file), ['-beslisnota.txt', 'open.txt', 'wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt']);
    const answer = lines[2];
    assert.equal(answer.kind, 'questions');
    assert.equal(answer.role, 'answer');
    assert.equal(answer.submitted, '2024-01-29');
    assert.deepEqual(answer.questionSet, {
      id: 'wolf/antwoord.txt', files: ['wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt'], submitted: '2024-01-29', received: '2024-03-01',
      due: '2024-03-11', status: 'answeredInTime', daysToAnswer: 32, extensions: 1, daysOverdue: null,
    });
    assert.deepEqual(answer.pairs[1], {
      numbers: ['2'], label: 'Vraag 2', question: 'Welke maatregelen neemt u om schapenhouders te beschermen?',
      answer: 'Schapenhouders krijgen subsidie voor wolfwerende rasters.',
    });
    assert.equal(lines[0].questionSet, null);
    assert.equal(lines[0].role, null);
    assert.deepEqual(lines[0].pairs, []);
    assert.deepEqual(lines[3].postpones?.askedBy, ['Van der Lee']);
    // Every object has every key.
    for (const l of lines) assert.deepEqual(Object.keys(l), Object.keys(lines[0]));
  });

  it('CSV: extra columns after the standard ones, numbers not guarded, text guarded', () => {
    const csv = corpusCsv(docs(), {
      today: '2024-05-30',
      extra: { headers: ['cited by', 'annotations: =tag'], numeric: true, values: (path) => [path === 'open.txt' ? '2' : '0', '-1'] },
    });
    const rows = readCsv(csv.slice(1), ';');
    assert.deepEqual(rows[0].slice(-3), ['related files', 'cited by', 'annotations: =tag']);
    const open = rows.find((r) => r[0] === 'open.txt');
    assert.deepEqual(open?.slice(-2), ['2', '-1']);
    assert.ok(rows.every((r) => r.length === rows[0].length));
  });
});
