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
