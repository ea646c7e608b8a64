import * as assert from 'node:assert/strict';
import { buildRecord, CORPUS_RECORD_VERSION, isCorpusRecord, qaPairs, titleKey } from '../../../src/core/corpus/record';
import { fixture, seed } from '../helpers';
import { answerText, noticeText, questionsText } from './texts';

describe('corpus: document records', () => {
  it('an answer: metadata, ISO dates, counts, references to other documents', () => {
    const r = buildRecord(seed('000'));
    assert.equal(r.version, CORPUS_RECORD_VERSION);
    assert.equal(r.kind, 'questions');
    assert.equal(r.role, 'answer');
    assert.equal(r.title, 'Vragen van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023');
    assert.equal(r.subject, 'bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023');
    assert.deepEqual(r.askedBy, ['Eerdmans']);
    assert.deepEqual(r.parties, ['JA21']);
    assert.match(r.addressedTo ?? '', /^de Minister-President en de Ministers van Binnenlandse Zaken/u);
    assert.equal(r.answeredBy, 'Minister Van Weyenberg (Financiën)');
    assert.equal(r.submitted, '2024-01-29');
    assert.equal(r.received, '2024-02-16');
    assert.deepEqual(r.identities, []);
    assert.deepEqual([...new Set(r.references.map((x) => x.key))], [
      'ah-tk-20232024-1047', 'ah-tk-20232024-1059', 'ah-tk-20232024-1060', 'ah-tk-20232024-1061', 'ah-tk-20232024-1062',
      'ah-tk-20232024-1063', 'ah-tk-20232024-1064', 'ah-tk-20232024-1065', 'ah-tk-20232024-1066', 'ah-tk-20232024-1067',
    ]);
    const text = seed('000');
    assert.match(text.slice(r.references[0].start, r.references[0].end), /^Aanhangsel Handelingen, vergaderjaar 2023–2024, nr\. 1047$/u);
    // Each reference's line and character, so a location needs no text.
    const lines = text.split('\n');
    for (const ref of r.references) {
      const written = text.slice(ref.start, ref.end).split('\n');
      assert.equal(ref.endLine - ref.line, written.length - 1);
      assert.equal(lines[ref.line].slice(ref.character, written.length === 1 ? ref.endCharacter : undefined), written[0]);
      assert.equal(lines[ref.endLine].slice(0, ref.endCharacter).endsWith(written[written.length - 1]), true);
    }
  });

  it('a copied page: its own identities are not references; footnotes counted', () => {
    const r = buildRecord(seed('003'));
    assert.equal(r.kind, 'webpage');
    assert.equal(r.role, 'answer');
    assert.deepEqual(r.identities, ['ah-tk-20222023-1429', '2023D03702', '2023Z00142']);
    assert.deepEqual(r.references, []);
    assert.equal(r.footnoteCount, 1);
    assert.equal(r.questionCount, 5);
    assert.equal(r.answerCount, 5);
  });

  it('questions count their distinct numbers: "Vraag 1, 2, 3 en 5" is four', () => {
    const r = buildRecord(fixture('joint-answers.txt'));
    assert.equal(r.questionCount, 11);
    assert.equal(r.answerCount, 5);
    assert.deepEqual(r.askedBy, ['Van der Plas', 'Omtzigt']);
    assert.equal(buildRecord(fixture('sub-items.txt')).questionCount, 2);
  });

  it('roles: questions alone, answer, notice; a beslisnota and an unknown text have none', () => {
    assert.equal(buildRecord(questionsText()).role, 'questions');
    assert.equal(buildRecord(answerText()).role, 'answer');
    assert.equal(buildRecord(noticeText()).role, 'postponement');
    assert.equal(buildRecord(seed('001')).role, undefined);
    assert.equal(buildRecord(seed('001')).kind, 'beslisnota');
    assert.equal(buildRecord(fixture('not-parliamentary.txt')).role, undefined);
  });

  it('a notice: the questions it postpones, its date as received, the sender', () => {
    const r = buildRecord(fixture('postponement.txt'));
    assert.equal(r.role, 'postponement');
    assert.equal(r.title, 'Vragen van het lid Sjoerdsma (D66) over de situatie in Oekraïne');
    assert.equal(r.received, '2022-02-14');
    assert.equal(r.answeredBy, 'Minister Hoekstra (Buitenlandse Zaken)');
    assert.deepEqual(r.postpones?.zaakNumbers, ['2022Z02184']);
    // The zaak it names is a reference (to the questions), not its own identity.
    assert.deepEqual(r.identities, []);
    assert.deepEqual(r.references.map((x) => x.key), ['2022Z02184']);
  });

  it('blocks: label, numbers, line and character of the label, cleaned text', () => {
    const text = seed('000');
    const r = buildRecord(text);
    const b = r.blocks[0];
    assert.equal(b.kind, 'question');
    assert.equal(b.label, 'Vraag 1 en 2');
    assert.deepEqual(b.numbers, ['1', '2']);
    const lines = text.split('\n');
    assert.equal(lines[b.line].slice(b.character, b.character + 12), 'Vraag 1 en 2');
    assert.match(b.text, /^Zijn er op uw ministerie bijeenkomsten georganiseerd op departementaal niveau, dan wel .* naar aanleiding van de verkiezingsuitslag\?/u);
    for (const x of r.blocks) {
      const lineStart = lines.slice(0, x.line).reduce((n, l) => n + l.length + 1, 0);
      assert.ok(text.startsWith(x.label.split(' ')[0], lineStart + x.character), `${x.label} at ${x.line}:${x.character}`);
    }
  });

  it('plain JSON: survives a round trip; other versions are not records', () => {
    for (const t of [seed('000'), seed('001'), seed('003'), fixture('postponement.txt')]) {
      const r = buildRecord(t);
      const back: unknown = JSON.parse(JSON.stringify(r));
      assert.deepEqual(back, r);
      assert.ok(isCorpusRecord(back));
    }
    assert.ok(!isCorpusRecord({ ...buildRecord(seed('000')), version: CORPUS_RECORD_VERSION + 1 }));
    assert.ok(!isCorpusRecord(null));
    assert.ok(!isCorpusRecord('x'));
  });

  it('question and answer pairs: answers under their question, joint answers under every question they name', () => {
    const pairs = qaPairs(buildRecord(fixture('answered-at-end.txt')));
    assert.deepEqual(pairs.map((p) => [p.numbers.join(','), p.answer ?? null]), [
      ['1', 'Ja.'],
      ['2', 'Ja, zie ook het antwoord op vraag 3 en 8.'],
      ['3', 'Ik neem verschillende maatregelen. Deze vragen zijn zo snel mogelijk beantwoord.'],
      ['4', 'Per 1 juli 2023.'],
      ['8', 'Ik neem verschillende maatregelen. Deze vragen zijn zo snel mogelijk beantwoord.'],
    ]);
    assert.equal(pairs[0].question, 'Kent u het onderzoek naar gokreclames?');
    const open = qaPairs(buildRecord(questionsText()));
    assert.equal(open.length, 3);
    assert.ok(open.every((p) => p.answer === undefined));
    // An answer without a question stands alone.
    const alone = qaPairs(buildRecord('Antwoord van Minister X (Y) (ontvangen 1 maart 2024).\n\nAntwoord 1\nJa.\n\nAntwoord 2\nNee.\n'));
    assert.deepEqual(alone, [{ numbers: ['1'], answer: 'Ja.' }, { numbers: ['2'], answer: 'Nee.' }]);
  });

  it('the title key folds case, diacritics and punctuation, and needs askers and a subject', () => {
    const a = buildRecord(questionsText({ who: 'het lid Kostić (PvdD)', subject: 'het bericht ‘Wolf bijt schaap’' }));
    const b = buildRecord(noticeText({ who: 'het lid KOSTIC (PvdD)', subject: 'het bericht "Wolf bijt schaap"' }));
    assert.equal(titleKey(a), 'kostic|het bericht wolf bijt schaap');
    assert.equal(titleKey(a), titleKey(b));
    assert.equal(titleKey({ askedBy: [], subject: 'x' }), undefined);
    assert.equal(titleKey({ askedBy: ['x'] }), undefined);
  });
});
