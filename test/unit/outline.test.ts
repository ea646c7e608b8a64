import * as assert from 'node:assert/strict';
import type { Span } from '../../src/core/model';
import { buildOutline, foldingSpans, type OutlineNode } from '../../src/core/outline';
import { parseDocument } from '../../src/core/parser';
import { fixture, seed, slice } from './helpers';

function tree(node: OutlineNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.kind} ${node.name}`, ...node.children.flatMap((c) => tree(c, depth + 1))];
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function checkRanges(node: OutlineNode): void {
  assert.ok(contains(node.span, node.selection), `${node.name}: selection outside its range`);
  for (const c of node.children) {
    assert.ok(contains(node.span, c.span), `${c.name} lies outside ${node.name}`);
    checkRanges(c);
  }
}

describe('buildOutline', () => {
  it('000: the title, the answer header, each answer under its question', () => {
    const text = seed('000');
    const root = buildOutline(text, parseDocument(text));
    assert.deepEqual(tree(root), [
      'document Vragen van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023',
      '  header Antwoord van Minister Van Weyenberg (Financiën)',
      '  question Vraag 1 en 2', '    answer Antwoord 1 en 2',
      '  question Vraag 3', '    answer Antwoord 3',
      '  question Vraag 4', '    answer Antwoord 4',
      '  question Vraag 5', '    answer Antwoord 5',
      '  question Vraag 6 en 7', '    answer Antwoord 6 en 7',
      '  question Vraag 8', '    answer Antwoord 8',
      '  question Vraag 9', '    answer Antwoord 9',
    ]);
    checkRanges(root);
    assert.equal(root.detail, 'Kamervragen · ingezonden 29 januari 2024 · ontvangen 16 februari 2024');
    // Details: the first words of the question, shortened at a word boundary.
    assert.match(root.children[1].detail, /^Zijn er op uw ministerie bijeenkomsten georganiseerd\b.*…$/);
    assert.ok(root.children[1].detail.length <= 70);
    assert.equal(root.children[1].children[0].detail.startsWith('Er zijn geen formele bijeenkomsten'), true);
    assert.equal(slice(text, root.children[1].selection), 'Vraag 1 en 2');
  });

  it('001: the beslisnota headings', () => {
    const text = seed('001');
    const root = buildOutline(text, parseDocument(text));
    assert.deepEqual(tree(root), [
      'document Beslisnota', '  section Aanleiding', '  section Geadviseerd besluit', '  section Kernpunten',
      '  section Toelichting', '  section Informatie die niet openbaar gemaakt kan worden',
    ]);
    checkRanges(root);
  });

  it('003: questions, answers and the footnotes as one entry', () => {
    const text = seed('003');
    const root = buildOutline(text, parseDocument(text));
    const top = root.children.map((c) => `${c.kind} ${c.name}`);
    assert.deepEqual(top, [
      'header Antwoord van Minister-President Rutte (Algemene Zaken), mede namens de Minister van Binnenlandse…',
      'question Vraag 1', 'question Vraag 2', 'question Vraag 3', 'question Vraag 4', 'question Vraag 5', 'footnotes Voetnoten',
    ]);
    assert.equal(root.children[6].children.length, 1);
    assert.match(root.detail, /2023D03702/);
    checkRanges(root);
  });

  it('answers that do not follow their question stand on their own', () => {
    const text = fixture('joint-answers.txt');
    const root = buildOutline(text, parseDocument(text));
    assert.deepEqual(root.children.filter((c) => c.kind === 'answer').map((c) => c.name), [
      'Antwoord op vragen 1, 2, 3 en 5', 'Antwoord 4', 'Antwoord op vragen 7, 8, en 9', 'Antwoorden op vraag 10 en 11', 'Antwoord vraag 6',
    ]);
    checkRanges(root);
  });

  it('folds each question, answer, header, section and the footnotes', () => {
    const text = seed('003');
    const doc = parseDocument(text);
    const spans = foldingSpans(doc);
    assert.equal(spans.length, doc.blocks.length + doc.headers.length + 1);
    // A question folds without its answer.
    const q1 = doc.blocks[0];
    assert.ok(spans.some((s) => s.start === q1.span.start && s.end === q1.span.end && s.end < doc.blocks[1].span.start));
  });
});
