import * as assert from 'node:assert/strict';
import { buildRecord } from '../../../src/core/corpus/record';
import { matchSymbols, parseSymbolQuery, symbolEntries, symbolName, type SymbolEntry } from '../../../src/core/corpus/symbols';
import { seed } from '../helpers';
import { answerText, questionsText } from './texts';

function entries(): SymbolEntry[] {
  return [
    ...symbolEntries('wolf/antwoord.txt', buildRecord(answerText({ received: '16 februari 2024' }))),
    ...symbolEntries('wolf/vragen.txt', buildRecord(questionsText())),
    ...symbolEntries('das/antwoord.txt', buildRecord(answerText({ subject: 'de das', submitted: '3 december 2023', received: '8 januari 2024' }).replace(/wolf/gu, 'das').replace(/wolven/gu, 'dassen'))),
    ...symbolEntries('seed/000.txt', buildRecord(seed('000'))),
  ];
}

function found(query: string, limit?: number): string[] {
  return matchSymbols(query, entries(), limit).map((m) => `${m.entry.path} ${m.entry.label}`);
}

describe('corpus: workspace symbols', () => {
  it('reads a query: label word, number, other words', () => {
    assert.deepEqual(parseSymbolQuery('Vraag 3 wolf'), { kind: 'question', number: '3', terms: ['wolf'] });
    assert.deepEqual(parseSymbolQuery('antwoord wolf'), { kind: 'answer', terms: ['wolf'] });
    assert.deepEqual(parseSymbolQuery('ontvangen 2024'), { received: ['2024'], terms: [] });
    assert.deepEqual(parseSymbolQuery('wolf ingezonden 29 jan 2024 vraag 2'), { kind: 'question', number: '2', submitted: ['29', 'jan', '2024'], terms: ['wolf'] });
  });

  it('"Vraag 3 wolf": the questions numbered 3 whose words start with "wolf"', () => {
    assert.deepEqual(found('Vraag 3 wolf'), ['wolf/antwoord.txt Vraag 3', 'wolf/vragen.txt Vraag 3']);
    assert.deepEqual(found('vraag 3 wolven'), ['wolf/antwoord.txt Vraag 3', 'wolf/vragen.txt Vraag 3']);
    assert.deepEqual(found('Antwoord 2 wolf'), ['wolf/antwoord.txt Antwoord 2']);
    // "Vraag 2" finds the block "Vraag 1 en 2".
    assert.deepEqual(found('Vraag 2 verkiezingsuitslag'), ['seed/000.txt Vraag 1 en 2']);
  });

  it('"ontvangen 2024": the blocks of documents received in 2024, by their dates', () => {
    const files = (q: string): string[] => [...new Set(found(q, 1000).map((g) => g.split(' ')[0]))];
    assert.deepEqual(files('ontvangen 2024'), ['das/antwoord.txt', 'seed/000.txt', 'wolf/antwoord.txt']);
    assert.ok(found('ontvangen 2024', 1000).includes('wolf/antwoord.txt Antwoord 1'));
    // Received in January 2024: only the das; the wolf was submitted in January but received in February.
    assert.deepEqual(files('ontvangen januari 2024'), ['das/antwoord.txt']);
    assert.deepEqual(files('ontvangen feb'), ['seed/000.txt', 'wolf/antwoord.txt']);
    assert.deepEqual(files('ontvangen 2024-02-16'), ['seed/000.txt', 'wolf/antwoord.txt']);
    assert.deepEqual(files('ingezonden december'), ['das/antwoord.txt']);
    // "ontvangen" alone: documents with an answer; the questions alone have none.
    assert.deepEqual(files('ontvangen'), ['das/antwoord.txt', 'seed/000.txt', 'wolf/antwoord.txt']);
    assert.deepEqual(found('antwoord 3 ontvangen 2024 wolf'), ['wolf/antwoord.txt Antwoord 3']);
  });

  it('every word must match; label and title weigh more than the question; ties in path order', () => {
    assert.deepEqual(found('wolf zebra'), []);
    assert.deepEqual(found(''), []);
    const ranked = matchSymbols('Eerdmans ambtenaren', entries());
    assert.ok(ranked.length > 0);
    assert.ok(ranked.every((m) => m.entry.path === 'seed/000.txt'));
    // An answer carries the words of its question: "Antwoord 1 bekend" finds the answer to "Bent u bekend ...?".
    assert.deepEqual(found('antwoord 1 bekend'), ['das/antwoord.txt Antwoord 1', 'wolf/antwoord.txt Antwoord 1']);
    const e = entries().find((x) => x.path === 'wolf/antwoord.txt' && x.label === 'Antwoord 2');
    assert.equal(e?.detail, 'Welke maatregelen neemt u om schapenhouders te beschermen?');
    assert.equal(e?.container, 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de terugkeer van de wolf op de Veluwe');
    assert.equal(matchSymbols('wolf', entries(), 2).length, 2);
  });

  it('the name a symbol is listed under: label and question, and the date the query asks for', () => {
    const byLabel = (path: string, label: string): SymbolEntry => {
      const e = entries().find((x) => x.path === path && x.label === label);
      assert.ok(e, `${path} ${label}`);
      return e;
    };
    const q3 = byLabel('wolf/antwoord.txt', 'Vraag 3');
    assert.equal(symbolName(q3, 'Vraag 3 wolf'), 'Vraag 3: Hoeveel wolven leven er nu in Nederland?');
    const a1 = byLabel('wolf/antwoord.txt', 'Antwoord 1');
    assert.equal(symbolName(a1, 'ontvangen 2024'), 'Antwoord 1 (ontvangen 16 februari 2024): Bent u bekend met het bericht dat de wolf op de Veluwe schapen heeft gedood?');
    assert.equal(symbolName(a1, 'Received feb ingezonden'), 'Antwoord 1 (ingezonden 29 januari 2024, received 16 februari 2024): Bent u bekend met het bericht dat de wolf op de Veluwe schapen heeft gedood?');
    // The questions alone have no receipt date to show.
    assert.equal(symbolName(byLabel('wolf/vragen.txt', 'Vraag 1'), 'ontvangen'), 'Vraag 1: Bent u bekend met het bericht dat de wolf op de Veluwe schapen heeft gedood?');
  });

  it('a thousand documents: entries built once, each query a scan of them (no parsing)', () => {
    const all: SymbolEntry[] = [];
    const record = buildRecord(answerText());
    for (let i = 0; i < 1000; i++) all.push(...symbolEntries(`d${String(i).padStart(4, '0')}.txt`, record));
    assert.equal(all.length, 6000);
    const found3 = matchSymbols('Vraag 3 wolven', all, 5000);
    assert.equal(found3.length, 1000);
    assert.ok(found3.every((m) => m.entry.label === 'Vraag 3'));
    assert.equal(matchSymbols('ontvangen 2024 antwoord 2', all, 5000).length, 1000);
  });
});
