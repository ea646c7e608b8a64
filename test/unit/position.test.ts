import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/parser';
import { describePlace, LABEL_LENGTH, placeAt, type Place, type PlaceDescription } from '../../src/core/position';
import { buildReferenceIndex } from '../../src/core/referenceIndex';
import { fixture, root, seed } from './helpers';

const WORDS = { footnote: (marker: string) => `Voetnoot ${marker}` };

interface At { place: Place; description: PlaceDescription }

/** The place of an offset in a text, parsed as the editor would. */
function placer(text: string): (offset: number) => At {
  const doc = parseDocument(text);
  const index = buildReferenceIndex(doc);
  return (offset) => {
    const place = placeAt(index, text, offset);
    return { place, description: describePlace(doc, place, WORDS) };
  };
}

/** The offset just after the first occurrence of `needle` (after `from`). */
function after(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `"${needle}" is in the text`);
  return i + needle.length;
}

function textAt(text: string, offset: number): string {
  return placer(text)(offset).description.text;
}

describe('placeAt and describePlace', () => {
  it('000: question first, then its answer, wherever the cursor is in the pair', () => {
    const text = seed('000');
    const at = placer(text);
    const inAnswer = at(after(text, 'Antwoord 3') + 20);
    assert.equal(inAnswer.description.text, 'Vraag 3 · Antwoord 3');
    assert.equal(inAnswer.description.current, 'Antwoord 3');
    assert.equal(at(after(text, 'Vraag 3') + 20).description.current, 'Vraag 3');
    assert.equal(at(after(text, 'Vraag 3') + 20).description.text, 'Vraag 3 · Antwoord 3');
    // On the label itself, at its first character, and on the blank line before the answer.
    assert.equal(textAt(text, text.indexOf('Vraag 6 en 7')), 'Vraag 6 en 7 · Antwoord 6 en 7');
    assert.equal(at(text.indexOf('Antwoord 3') - 1).description.current, 'Vraag 3');
    assert.equal(textAt(text, after(text, 'Vraag 1 en 2') + 5), 'Vraag 1 en 2 · Antwoord 1 en 2');
    // The last answer, up to the end of the document.
    assert.equal(textAt(text, text.length), 'Vraag 9 · Antwoord 9');
  });

  it('000: nothing in the header sentences and before them', () => {
    const text = seed('000');
    const at = placer(text);
    assert.equal(at(0).place.kind, 'none');
    const inTitle = at(after(text, 'Vragen van het lid Eerdmans'));
    assert.deepEqual(inTitle.place, { kind: 'header', header: 0 });
    assert.equal(inTitle.description.text, '');
    assert.deepEqual(at(after(text, 'Antwoord van Minister')).place, { kind: 'header', header: 1 });
  });

  it('001: the beslisnota headings, long ones shortened', () => {
    const text = seed('001');
    assert.equal(textAt(text, after(text, 'Aanleiding') + 30), 'Aanleiding');
    assert.equal(textAt(text, after(text, 'Geadviseerd besluit')), 'Geadviseerd besluit');
    assert.equal(textAt(text, after(text, 'Toelichting') + 100), 'Toelichting');
    const last = placer(text)(text.length - 2).description;
    assert.equal(last.current, 'Informatie die niet openbaar gemaakt kan worden');
    assert.ok(last.text.length <= LABEL_LENGTH && last.text.endsWith('…'), last.text);
  });

  it('003: nothing in the web page metadata, the pairs, the footnote to the end', () => {
    const text = seed('003');
    const at = placer(text);
    assert.equal(at(10).place.kind, 'none');
    assert.equal(at(text.indexOf('Vragen van het lid') + 5).place.kind, 'header');
    assert.equal(at(after(text, 'Antwoord 2')).description.text, 'Vraag 2 · Antwoord 2');
    assert.equal(at(after(text, 'Vraag 5')).description.text, 'Vraag 5 · Antwoord 5');
    assert.equal(at(after(text, 'https://www.nrc.nl')).description.text, 'Voetnoot 1');
    assert.equal(at(text.length).description.text, 'Voetnoot 1', 'the back-link arrow after the footnote');
  });

  it('joint questions and answers: every counterpart, in the order of the numbers', () => {
    const text = fixture('joint-answers.txt');
    const at = placer(text);
    const joint = at(after(text, 'Antwoord op vragen 1, 2, 3 en 5'));
    assert.equal(joint.description.text, 'Vraag 1, 2, 3 en 5 · Antwoord op vragen 1, 2, 3 en 5');
    assert.equal(textAt(text, after(text, 'Vraag 1, 2, 3 en 5')), 'Vraag 1, 2, 3 en 5 · Antwoord op vragen 1, 2, 3 en 5');
    // Vragen 6, 7 en 8 are answered in two places; 6 last in the text, first in the numbers.
    const q678 = at(after(text, 'Vragen 6, 7 en 8'));
    assert.deepEqual(q678.description.answers, ['Antwoord vraag 6', 'Antwoord op vragen 7, 8, en 9']);
    assert.equal(q678.description.text, 'Vragen 6, 7 en 8 · Antwoord vraag 6 + Antwoord op vragen 7, 8, en 9');
    const a789 = at(after(text, 'Antwoord op vragen 7, 8, en 9'));
    assert.deepEqual(a789.description.questions, ['Vragen 6, 7 en 8', 'Vraag 9 t/m 11']);
    assert.equal(a789.description.text, 'Vragen 6, 7 en 8 + Vraag 9 t/m 11 · Antwoord op vragen 7, 8, en 9');
    // Too many counterparts for a status bar: the first, then "…"; the description keeps them all.
    const q911 = at(after(text, 'Vraag 9 t/m 11'));
    assert.deepEqual(q911.description.answers, ['Antwoord op vragen 7, 8, en 9', 'Antwoorden op vraag 10 en 11']);
    assert.equal(q911.description.text, 'Vraag 9 t/m 11 · Antwoord op vragen 7, 8, en 9 + …');
    assert.equal(textAt(text, text.length), 'Vragen 6, 7 en 8 · Antwoord vraag 6');
  });

  it('an answer to several questions, given after later questions', () => {
    const text = fixture('answered-at-end.txt');
    assert.equal(textAt(text, after(text, 'Vraag 3')), 'Vraag 3 · Antwoord op vraag 3 en 8');
    assert.equal(textAt(text, after(text, 'Vraag 4')), 'Vraag 4 · Antwoord 4');
    const answer = placer(text)(after(text, 'Antwoord op vraag 3 en 8'));
    assert.deepEqual(answer.description.questions, ['Vraag 3', 'Vraag 8']);
    assert.equal(answer.description.text, 'Vraag 3 + Vraag 8 · Antwoord op vraag 3 en 8');
  });

  it('answers before their questions', () => {
    const header = 'Vragen van het lid Jansen (D66) aan de minister van Financiën over banken (ingezonden 3 maart 2024).\n\n';
    const jointFirst = `${header}Vraag 1\nKlopt het dat banken meer betalen?\n\nAntwoord op vraag 1 en 2\nJa, en dat geldt ook voor vraag 2.\n\nVraag 2\nHoeveel meer?\n`;
    assert.equal(textAt(jointFirst, after(jointFirst, 'Hoeveel')), 'Vraag 2 · Antwoord op vraag 1 en 2');
    assert.equal(textAt(jointFirst, after(jointFirst, 'Ja, en')), 'Vraag 1 + Vraag 2 · Antwoord op vraag 1 en 2');
    const answerFirst = `${header}Antwoord 2\nDat is 5 procent.\n\nVraag 1\nKlopt het dat banken meer betalen?\n\nAntwoord 1\nJa.\n\nVraag 2\nHoeveel meer?\n`;
    assert.equal(textAt(answerFirst, after(answerFirst, 'Dat is')), 'Vraag 2 · Antwoord 2');
    assert.equal(textAt(answerFirst, after(answerFirst, 'Hoeveel')), 'Vraag 2 · Antwoord 2');
    assert.equal(textAt(answerFirst, after(answerFirst, 'Ja.')), 'Vraag 1 · Antwoord 1');
  });

  it('a document on one line', () => {
    const text = fixture('one-line.txt');
    assert.equal(text.split('\n').filter((l) => l.trim()).length, 1, 'the fixture is one line');
    assert.equal(placer(text)(50).place.kind, 'header');
    assert.equal(textAt(text, after(text, 'Vraag 2')), 'Vraag 2 · Antwoord 2');
    assert.equal(textAt(text, after(text, 'Antwoord 3')), 'Vraag 3 · Antwoord 3');
    assert.equal(textAt(text, text.length), 'Vraag 3 · Antwoord 3');
  });

  it('sub-items: the answer of the same run of questions', () => {
    const text = fixture('sub-items.txt');
    const second = text.indexOf('Vraag 1', after(text, 'Antwoord 2l'));
    assert.equal(textAt(text, after(text, 'Vraag 1')), 'Vraag 1 · Antwoord 1l');
    assert.equal(textAt(text, second + 10), 'Vraag 1 · Antwoord 1m');
  });

  it('damaged text: a footnote inside an answer, a page footer, an answer without its question', () => {
    const text = fixture('pdf-damage.txt');
    assert.equal(textAt(text, after(text, 'https://nos.nl')), 'Voetnoot 1');
    assert.equal(textAt(text, after(text, 'Tweede Kamer der Staten-Generaal 2')), 'Vraag 1 · Antwoord 1');
    const orphan = placer(text)(after(text, 'Scholen krijgen'));
    assert.equal(orphan.description.text, 'Antwoord 3');
    assert.deepEqual(orphan.description.questions, []);
  });

  it('unnumbered and implicit labels, as the parser names them', () => {
    const unnumbered = fixture('unnumbered.txt');
    const first = placer(unnumbered)(after(unnumbered, 'Antwoord'));
    assert.equal(first.description.text, 'Vraag van de heer Van Haga (Groep Van… · Antwoord');
    assert.deepEqual(first.description.questions, ['Vraag van de heer Van Haga (Groep Van Haga)']);
    const list = fixture('numbered-list.txt');
    assert.equal(textAt(list, list.length), 'Vraag 3 · Antwoord 3');
    const questionList = fixture('question-list.txt');
    assert.equal(textAt(questionList, questionList.length), 'Vraag 2 · Antwoord');
  });

  it('nothing where there is no structure', () => {
    for (const text of ['', '   \n', fixture('not-parliamentary.txt')]) {
      const at = placer(text);
      for (const offset of [0, text.length]) assert.deepEqual(at(offset).place, { kind: 'none' });
    }
  });

  it('every offset of every fixture and seed: pairs hold their block and only blocks of their kind', () => {
    const files = [
      ...readdirSync(join(root, 'test', 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'test', 'fixtures', f)),
      ...readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f)),
    ];
    assert.ok(files.length >= 10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const doc = parseDocument(text);
      const index = buildReferenceIndex(doc);
      for (let offset = 0; offset <= text.length; offset++) {
        const place = placeAt(index, text, offset);
        if (place.kind !== 'qa') continue;
        const block = doc.blocks[place.block];
        assert.ok(block.span.start <= offset, `${file}@${offset}: before its block`);
        assert.ok((block.kind === 'question' ? place.questions : place.answers).includes(place.block));
        for (const q of place.questions) assert.equal(doc.blocks[q].kind, 'question');
        for (const a of place.answers) assert.equal(doc.blocks[a].kind, 'answer');
        assert.notEqual(describePlace(doc, place, WORDS).text, '');
      }
    }
  });
});
