import * as assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import { buildReferenceIndex } from '../../src/core/referenceIndex';
import { findProblems } from '../../src/core/structureProblems';
import { fixture, slice } from './helpers';

function problems(text: string): string[] {
  return findProblems(buildReferenceIndex(parseDocument(text))).map((p) => `${p.code} ${slice(text, p.span)}`);
}

describe('problems: questions repeated per sub-topic', () => {
  it('"Vraag 2" … "Antwoord 2l", "Vraag 2" … "Antwoord 2m": no repeated number', () => {
    assert.deepEqual(problems(fixture('sub-topics.txt')), []);
  });

  it('a question repeated without sub-item letters in its answers still is', () => {
    const text = fixture('sub-topics.txt').replace('Antwoord 2m', 'Antwoord 2');
    assert.deepEqual(problems(text), ['duplicateNumber Vraag 2']);
  });
});
