import * as assert from 'node:assert/strict';
import { classify, isParliamentaryText, looksBinary } from '../../src/core/classify';
import { fixture, seed } from './helpers';

describe('classify', () => {
  it('recognises the three seeds', () => {
    assert.equal(classify(seed('000')), 'questions');
    assert.equal(classify(seed('001')), 'beslisnota');
    assert.equal(classify(seed('003')), 'webpage');
  });

  it('recognises the other kinds of parliamentary text', () => {
    assert.equal(classify(fixture('postponement.txt')), 'postponement');
    assert.equal(classify(fixture('question-list.txt')), 'questionList');
    for (const f of ['joint-answers.txt', 'answered-at-end.txt', 'sub-items.txt', 'one-line.txt', 'pdf-damage.txt',
      'lost-label.txt', 'numbered-list.txt', 'toelichting-after.txt', 'markup-labels.txt', 'unnumbered.txt', 'traps.txt']) {
      assert.equal(classify(fixture(f)), 'questions', f);
    }
  });

  it('recognises the forms found in real documents', () => {
    assert.equal(classify(fixture('question-list-bare.txt')), 'questionList');
    // Without its title, by its questions numbered alone on their line, 1, 2, 3, each with an answer label.
    const list = fixture('question-list-bare.txt');
    assert.equal(classify(list.slice(list.indexOf('\n1\n'))), 'questionList');
    assert.equal(classify(fixture('postponement-webpage.txt')), 'postponement');
    // A copied page with the site's navigation and metadata that holds a postponement letter is one.
    assert.equal(classify(`[overzicht] [activiteiten] [kamerleden]\nNummer: 2024D10344, datum: 2024-03-12\n\n${fixture('postponement-webpage.txt')}`), 'postponement');
    for (const f of ['aanhangsel-old.txt', 'one-line-title.txt', 'reference-forms.txt', 'later-answers.txt', 'sub-topics.txt']) {
      assert.equal(classify(fixture(f)), 'questions', f);
    }
  });

  it('numbers alone on a line do not make an ordinary letter a list of questions', () => {
    assert.equal(classify(fixture('letter-page-numbers.txt')), 'unknown');
    // Not even with an answer label, when the numbers do not count up from 1 (page numbers, house numbers).
    const pages = ['Nieuwsbrief', '', '4', 'Wat doet de vereniging?', '', '7', 'Wie betaalt?', '', '9', 'Hoe nu verder?', '', 'Antwoord:', 'Dat leest u hier.'].join('\n');
    assert.equal(classify(pages), 'unknown');
  });

  it('leaves other text files alone', () => {
    assert.equal(classify(fixture('not-parliamentary.txt')), 'unknown');
    assert.equal(classify(''), 'unknown');
    assert.equal(classify('Hello world.\nThis is a README for a project.\n'), 'unknown');
    assert.equal(classify('De vraag is: wat eten we vandaag? Het antwoord: pannenkoeken.'), 'unknown');
    assert.equal(isParliamentaryText('Notities\n\nVraag 1 van de quiz is moeilijk.\n'), false);
  });

  it('treats binary content as not a parliamentary text', () => {
    const binary = 'Vraag 1\nAntwoord 1\n' + '\u0000\u0001\u0002'.repeat(100);
    assert.equal(looksBinary(binary), true);
    assert.equal(classify(binary), 'unknown');
    assert.equal(looksBinary(seed('000')), false);
  });

  it('decides from the start of huge texts', () => {
    const huge = seed('000') + 'x'.repeat(5_000_000);
    assert.equal(classify(huge), 'questions');
  });
});
