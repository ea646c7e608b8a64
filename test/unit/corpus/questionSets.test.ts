import * as assert from 'node:assert/strict';
import { linkQuestionSets, setTerm, type CorpusDocument } from '../../../src/core/corpus/questionSets';
import { buildRecord } from '../../../src/core/corpus/record';
import { fixture, seed } from '../helpers';
import { answerText, noticeText, questionsText, webPage } from './texts';

function doc(path: string, text: string): CorpusDocument {
  return { path, record: buildRecord(text) };
}

/** The sets as sorted lists of files, sorted. */
function groups(docs: readonly CorpusDocument[]): string[][] {
  return linkQuestionSets(docs).sets.map((s) => [...s.files]).sort((a, b) => a[0].localeCompare(b[0]));
}

describe('corpus: question sets', () => {
  it('questions, notice and answer in separate files are one set by title and askers', () => {
    const docs = [
      doc('wolf/vragen.txt', questionsText()),
      doc('wolf/uitstel.txt', noticeText({ sent: '15 februari 2024' })),
      doc('wolf/antwoord.txt', answerText({ received: '1 maart 2024' })),
      doc('seed/000.txt', seed('000')),
      doc('seed/001-beslisnota.txt', seed('001')),
    ];
    const linked = linkQuestionSets(docs);
    assert.deepEqual(groups(docs), [['seed/000.txt'], ['wolf/antwoord.txt', 'wolf/uitstel.txt', 'wolf/vragen.txt']]);
    assert.equal(linked.byFile.get('seed/001-beslisnota.txt'), undefined, 'a beslisnota is in no set');
    const wolf = linked.sets[linked.byFile.get('wolf/vragen.txt') ?? -1];
    assert.deepEqual(wolf.questions, ['wolf/vragen.txt']);
    assert.deepEqual(wolf.answers, ['wolf/antwoord.txt']);
    assert.deepEqual(wolf.postponements, ['wolf/uitstel.txt']);
    assert.equal(wolf.submitted, '2024-01-29');
    assert.equal(wolf.received, '2024-03-01');
    assert.deepEqual(wolf.notices, ['2024-02-15']);
    assert.deepEqual(wolf.askedBy, ['Van der Lee']);
    assert.equal(wolf.id, 'wolf/antwoord.txt');
    // Due 19 February, extended by the notice to 11 March: answered on 1 March, in time, in 32 days.
    const term = setTerm(wolf, '2024-06-01');
    assert.equal(term.status, 'answeredInTime');
    assert.equal(term.due, '2024-03-11');
    assert.equal(term.daysToAnswer, 32);
  });

  it('linked by zaak number whatever the titles say', () => {
    const docs = [
      doc('a.txt', webPage(questionsText({ subject: 'iets anders' }), { documentNumber: '2024D01000', zaak: '2024Z01234', id: 'kv-tk-2024Z01234' })),
      doc('b.txt', noticeText({ subject: 'weer iets anders', zaak: '2024Z01234' })),
      doc('c.txt', webPage(answerText(), { documentNumber: '2024D05000', zaak: '2024Z01234', id: 'ah-tk-20232024-1093' })),
      doc('d.txt', webPage(answerText({ subject: 'iets anders' }), { documentNumber: '2024D06000', zaak: '2024Z09999', id: 'ah-tk-20232024-1100' })),
    ];
    assert.deepEqual(groups(docs), [['a.txt', 'b.txt', 'c.txt'], ['d.txt']]);
    const sets = linkQuestionSets(docs);
    assert.equal(sets.sets[sets.byFile.get('a.txt') ?? -1].id, '2024Z01234');
    assert.deepEqual(sets.sets[sets.byFile.get('a.txt') ?? -1].zaakNumbers, ['2024Z01234']);
  });

  it('linked by Aanhangsel number: two copies of one answer', () => {
    const printed = (body: string): string => `Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n1092\n\n${body}`;
    const docs = [
      doc('pdf.txt', printed(answerText({ subject: 'de wolf' }))),
      doc('html.txt', webPage(answerText({ subject: 'de wolven' }), { documentNumber: '2024D05000', zaak: '2024Z01234', id: 'ah-tk-20232024-1092' })),
      // The same number in another vergaderjaar is another document.
      doc('other.txt', printed(answerText({ subject: 'de vos' })).replace('2023–2024', '2022–2023')),
    ];
    assert.deepEqual(groups(docs), [['html.txt', 'pdf.txt'], ['other.txt']]);
  });

  it('the same title and askers with other submission dates or other zaak numbers are other sets', () => {
    const docs = [
      doc('jan.txt', answerText({ submitted: '29 januari 2024', received: '16 februari 2024' })),
      doc('mei.txt', answerText({ submitted: '2 mei 2024', received: '20 mei 2024' })),
      doc('mei-vragen.txt', questionsText({ submitted: '2 mei 2024' })),
      // A notice without a submission date goes to the set submitted last before it was sent.
      doc('uitstel-mei.txt', noticeText({ sent: '21 mei 2024' })),
      doc('uitstel-feb.txt', noticeText({ sent: '10 februari 2024' })),
      doc('z1.txt', webPage(questionsText({ subject: 'de vos', submitted: '1 juli 2024' }), { documentNumber: '2024D00001', zaak: '2024Z00001', id: 'kv-tk-2024Z00001' })),
      doc('z2.txt', webPage(questionsText({ subject: 'de vos', submitted: '1 juli 2024' }), { documentNumber: '2024D00002', zaak: '2024Z00002', id: 'kv-tk-2024Z00002' })),
    ];
    assert.deepEqual(groups(docs), [
      ['jan.txt', 'uitstel-feb.txt'],
      ['mei-vragen.txt', 'mei.txt', 'uitstel-mei.txt'],
      ['z1.txt'],
      ['z2.txt'],
    ]);
  });

  it('a notice sent before any set of its title was submitted joins none; undated ones of one title join each other', () => {
    assert.deepEqual(groups([
      doc('vragen.txt', questionsText({ submitted: '2 mei 2024' })),
      doc('uitstel.txt', noticeText({ sent: '10 februari 2024' })),
    ]), [['uitstel.txt'], ['vragen.txt']]);
    assert.deepEqual(groups([
      doc('n1.txt', noticeText({ sent: '10 februari 2024' })),
      doc('n2.txt', noticeText({ sent: '3 maart 2024' })),
    ]), [['n1.txt', 'n2.txt']]);
  });

  it('every document with a role is in exactly one set; the fixtures are each their own', () => {
    const names = ['answered-at-end.txt', 'joint-answers.txt', 'lost-label.txt', 'markup-labels.txt', 'numbered-list.txt', 'one-line.txt',
      'pdf-damage.txt', 'postponement.txt', 'sub-items.txt', 'toelichting-after.txt', 'traps.txt', 'unnumbered.txt', 'question-list.txt'];
    const docs = names.map((n) => doc(n, fixture(n)));
    const linked = linkQuestionSets(docs);
    const files = linked.sets.flatMap((s) => s.files).sort();
    assert.deepEqual(files, names.filter((n) => n !== 'question-list.txt').sort());
    assert.equal(linked.sets.length, files.length);
  });

  it('open and overdue, open, late without postponement', () => {
    const open = linkQuestionSets([doc('v.txt', questionsText({ submitted: '29 januari 2024' }))]).sets[0];
    assert.equal(setTerm(open, '2024-02-19').status, 'open');
    assert.equal(setTerm(open, '2024-02-20').status, 'openOverdue');
    const late = linkQuestionSets([
      doc('a.txt', answerText({ received: '1 maart 2024' })),
      doc('n.txt', noticeText({ sent: '20 februari 2024' })),
    ]);
    assert.equal(late.sets.length, 1);
    const t = setTerm(late.sets[0], '2024-06-01');
    assert.equal(t.status, 'answeredLateWithoutPostponement');
    assert.equal(t.lateNotices, 1);
    // An answer without "(ontvangen …)": answered, on a day the text does not say.
    const undated = linkQuestionSets([doc('a.txt', fixture('answered-at-end.txt'))]).sets[0];
    assert.equal(setTerm(undated, '2024-06-01').status, 'undetermined');
  });
});
