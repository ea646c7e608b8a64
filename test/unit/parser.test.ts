import * as assert from 'node:assert/strict';
import type { ParsedDocument, QaBlock } from '../../src/core/model';
import { parseNumberList } from '../../src/core/numbers';
import { parseDocument } from '../../src/core/parser';
import { fixture, seed, slice } from './helpers';

/** "Q Vraag 1 en 2 [1,2]" per block, "  A ..." for an answer nested under the question before it. */
function structure(doc: ParsedDocument): string[] {
  return doc.blocks.map((b: QaBlock) =>
    `${b.parent !== undefined ? '  ' : ''}${b.kind === 'question' ? 'Q' : 'A'} ${b.label.name} [${b.numbers.join(',')}]${b.implicit ? ' (implicit)' : ''}`);
}

function bodyOf(text: string, doc: ParsedDocument, name: string, kind: 'question' | 'answer' = 'answer'): string {
  const b = doc.blocks.find((x) => x.label.name === name && x.kind === kind);
  assert.ok(b, `no ${kind} "${name}" in ${structure(doc).join(' | ')}`);
  return slice(text, b.body);
}

describe('parseNumberList', () => {
  it('reads lists, ranges and sub-item letters', () => {
    assert.deepEqual(parseNumberList('1, 2, 3 en 5'), ['1', '2', '3', '5']);
    assert.deepEqual(parseNumberList('1 t/m 3'), ['1', '2', '3']);
    assert.deepEqual(parseNumberList('4 tot en met 6'), ['4', '5', '6']);
    assert.deepEqual(parseNumberList('7, 8, en 9'), ['7', '8', '9']);
    assert.deepEqual(parseNumberList('2l'), ['2l']);
    assert.deepEqual(parseNumberList('3 en 8'), ['3', '8']);
    assert.deepEqual(parseNumberList('1 – 3'), ['1', '2', '3']);
  });

  it('returns a list of its own on every call', () => {
    const first = parseNumberList('1 en 2');
    const second = parseNumberList('3');
    assert.notStrictEqual(first, second);
    assert.deepEqual(first, ['1', '2']);
    assert.deepEqual(second, ['3']);
  });

  it('reads each list by itself: repeats once, nothing of a longer list before it', () => {
    assert.deepEqual(parseNumberList('1, 2, 3, 4, 5, 6 en 7'), ['1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(parseNumberList('6 en 6'), ['6']);
    assert.deepEqual(parseNumberList('2, 1 t/m 3'), ['2', '1', '3']);
    assert.deepEqual(parseNumberList('vraag'), []);
    assert.deepEqual(parseNumberList('5 t/m 7, 6'), ['5', '6', '7']);
  });
});

describe('parseDocument: the seeds', () => {
  it('000: every question and answer, each answer under its question', () => {
    const text = seed('000');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'questions');
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 en 2 [1,2]', '  A Antwoord 1 en 2 [1,2]', 'Q Vraag 3 [3]', '  A Antwoord 3 [3]',
      'Q Vraag 4 [4]', '  A Antwoord 4 [4]', 'Q Vraag 5 [5]', '  A Antwoord 5 [5]',
      'Q Vraag 6 en 7 [6,7]', '  A Antwoord 6 en 7 [6,7]', 'Q Vraag 8 [8]', '  A Antwoord 8 [8]',
      'Q Vraag 9 [9]', '  A Antwoord 9 [9]',
    ]);
    assert.match(bodyOf(text, doc, 'Antwoord 8'), /^Het is belangrijk dat ambtenaren politiek neutraal zijn[\s\S]*de neutraliteit te behouden\.$/);
    assert.equal(bodyOf(text, doc, 'Antwoord 9'), 'Ja.');
    // " Vraag 3" is preceded by a space at the line start; the label span is the label only.
    const q3 = doc.blocks.find((b) => b.label.name === 'Vraag 3');
    assert.equal(slice(text, q3!.label.span), 'Vraag 3');
    // Blocks do not overlap and are in document order.
    for (let i = 1; i < doc.blocks.length; i++) assert.ok(doc.blocks[i - 1].span.end <= doc.blocks[i].span.start);
  });

  it('000: metadata from the header', () => {
    const doc = parseDocument(seed('000'));
    const md = doc.metadata;
    assert.deepEqual(md.askedBy, ['Eerdmans']);
    assert.deepEqual(md.parties, ['JA21']);
    assert.match(md.addressedTo ?? '', /^de Minister-President en de Ministers van Binnenlandse Zaken/);
    assert.equal(md.submitted?.iso, '2024-01-29');
    assert.equal(md.received?.iso, '2024-02-16');
    assert.equal(md.answeredBy, 'Minister Van Weyenberg (Financiën)');
    // The hyphenation "aanlei-\nding" is not in the title; the date is.
    assert.equal(md.title?.text, 'Vragen van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023');
    assert.deepEqual(doc.headers.map((h) => h.kind), ['questions', 'answer']);
  });

  it('000: cross-references and document references', () => {
    const text = seed('000');
    const doc = parseDocument(text);
    assert.deepEqual(doc.crossRefs.map((r) => `${slice(text, r.span)} → ${r.target} ${r.numbers.join(',')}${r.external ? ' external' : ''}`), [
      'antwoord op vraag 8 → answer 8',
      'antwoord op vragen 1 en 2 → answer 1,2',
      'antwoord op vraag 8 → answer 8',
      'antwoord op vragen 2, 5 en 8 → answer 2,5,8',
    ]);
    const aanhangsel = doc.docRefs.filter((r) => r.kind === 'aanhangsel');
    assert.equal(aanhangsel.length, 10);
    assert.deepEqual(aanhangsel[0].fields, { chamber: 'tk', vergaderjaar: '20232024', number: '1047' });
    assert.equal(aanhangsel[0].text, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047');
  });

  it('001: the beslisnota headings as sections', () => {
    const text = seed('001');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'beslisnota');
    assert.deepEqual(doc.sections.map((s) => s.label.name), [
      'Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Toelichting', 'Informatie die niet openbaar gemaakt kan worden',
    ]);
    assert.equal(slice(text, doc.sections[1].body), 'Ondertekening Kamerbrief.');
    assert.equal(doc.blocks.length, 0);
  });

  it('003: the copied web page with metadata, questions, answers and a footnote', () => {
    const text = seed('003');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'webpage');
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]', 'Q Vraag 3 [3]', '  A Antwoord 3 [3]',
      'Q Vraag 4 [4]', '  A Antwoord 4 [4]', 'Q Vraag 5 [5]', '  A Antwoord 5 [5]',
    ]);
    const md = doc.metadata;
    assert.equal(md.documentNumber, '2023D03702');
    assert.equal(md.zaakNumber, '2023Z00142');
    assert.equal(md.vergaderjaar, '2022-2023');
    assert.equal(md.aanhangselNumber, '1429');
    assert.deepEqual(md.askedBy, ['Leijten']);
    assert.deepEqual(md.parties, ['SP']);
    assert.equal(md.answeredBy, 'Minister-President Rutte (Algemene Zaken)');
    assert.equal(md.submitted?.iso, '2023-01-11');
    assert.equal(md.received?.iso, '2023-02-01');
    // The footnote, its marker, and the last answer ending before the footnotes.
    assert.equal(doc.footnotes.length, 1);
    assert.match(slice(text, doc.footnotes[0].body), /^https:\/\/www\.nrc\.nl\/nieuws\/2023\/01\/10\/.*a4153855\.$/);
    assert.equal(doc.footnoteRefs.length, 1);
    assert.equal(text.slice(doc.footnoteRefs[0].span.start - 11, doc.footnoteRefs[0].span.end), 'toelichten?1');
    assert.match(bodyOf(text, doc, 'Antwoord 5'), /deze gesprekken te blijven voeren\.$/);
    assert.deepEqual(doc.crossRefs.map((r) => `${slice(text, r.span)} ${r.target} ${r.numbers.join(',')}`), ['antwoord op de vragen 2 en 5 answer 2,5']);
    assert.deepEqual(doc.docRefs.map((r) => r.kind), ['documentNumber', 'identifier', 'zaakNumber', 'url']);
  });
});

describe('parseDocument: labels', () => {
  it('lists, later single questions, "Vragen", ranges, "Antwoord op vraag", "Antwoorden op", "Antwoord vraag"', () => {
    const text = fixture('joint-answers.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1, 2, 3 en 5 [1,2,3,5]', 'Q Vraag 4 [4]', 'Q Vragen 6, 7 en 8 [6,7,8]', 'Q Vraag 9 t/m 11 [9,10,11]',
      'A Antwoord op vragen 1, 2, 3 en 5 [1,2,3,5]', 'A Antwoord 4 [4]', 'A Antwoord op vragen 7, 8, en 9 [7,8,9]',
      'A Antwoorden op vraag 10 en 11 [10,11]', 'A Antwoord vraag 6 [6]',
    ]);
    // The colon after "Antwoord op vragen 1, 2, 3 en 5:" is not part of the name nor of the body.
    assert.match(bodyOf(text, doc, 'Antwoord op vragen 1, 2, 3 en 5'), /^Ja, ik ben bekend/);
  });

  it('labels after spaces, tabs, "#", and wrapped in ** or _', () => {
    const text = fixture('markup-labels.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]',
      'Q Vraag 3 [3]', '  A Antwoord 3 [3]', 'Q Vraag 4 [4]', '  A Antwoord op vraag 4 [4]',
    ]);
    for (const b of doc.blocks) assert.equal(slice(text, b.label.span), b.label.name);
    assert.equal(bodyOf(text, doc, 'Antwoord 3'), 'Ja.');
    assert.equal(bodyOf(text, doc, 'Antwoord op vraag 4'), 'Voor de zomer.');
    assert.equal(bodyOf(text, doc, 'Antwoord 2'), 'Zorgelijk.');
  });

  it('"Vraag van de heer X (VVD):" without a number, and bare "Antwoord"', () => {
    const text = fixture('unnumbered.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag van de heer Van Haga (Groep Van Haga) []', '  A Antwoord []',
      'Q Vraag van mevrouw Bromet (GroenLinks) []', '  A Antwoord []',
    ]);
    assert.equal(bodyOf(text, doc, 'Vraag van mevrouw Bromet (GroenLinks)', 'question'), 'Wanneer komt het rapport?');
  });

  it('"Vragen van X (VVD):" with its colon is a label; without, a header or text', () => {
    const text = [
      'Vragen van het lid Dassen (Volt) aan de Minister van Financiën (ingezonden 1 maart 2024).', '',
      'Vragen van de heer Omtzigt (NSC):', 'Waarom is dat zo?', '', 'Antwoord', 'Daarom.', '',
      'Vragen van de leden Dassen (Volt) en Omtzigt (NSC) over de zaak:  **', 'Wanneer?', '', 'Antwoord', 'Morgen.', '',
      'Vragen van mevrouw Bromet (GroenLinks)', 'Hoe?', '', 'Vraag van de heer Van Haga (Groep Van Haga)', 'Wie?', '', 'Antwoord', 'Niemand.', '',
      'Vragen van het lid X (VVD): waarom?', 'Omdat.', '',
    ].join('\n');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vragen van de heer Omtzigt (NSC) []', '  A Antwoord []',
      'Q Vragen van de leden Dassen (Volt) en Omtzigt (NSC) over de zaak []', '  A Antwoord []',
      'Q Vraag van de heer Van Haga (Groep Van Haga) []', '  A Antwoord []',
    ]);
  });

  it('sub-item letters: "Antwoord 1l" under the repeated "Vraag 1"', () => {
    const doc = parseDocument(fixture('sub-items.txt'));
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1l [1l]', 'Q Vraag 2 [2]', '  A Antwoord 2l [2l]',
      'Q Vraag 1 [1]', '  A Antwoord 1m [1m]', 'Q Vraag 2 [2]', '  A Antwoord 2m [2m]',
    ]);
  });
});

describe('parseDocument: structure', () => {
  it('a question answered at the very end', () => {
    const doc = parseDocument(fixture('answered-at-end.txt'));
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]', 'Q Vraag 3 [3]',
      'Q Vraag 4 [4]', '  A Antwoord 4 [4]', 'Q Vraag 8 [8]', '  A Antwoord op vraag 3 en 8 [3,8]',
    ]);
  });

  it('a question label lost at a page break: the answer stays, the question is recovered', () => {
    const text = fixture('lost-label.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]',
      'Q Vraag 3 [3] (implicit)', '  A Antwoord 3 [3]',
    ]);
    assert.equal(bodyOf(text, doc, 'Vraag 3', 'question'), 'Bent u bereid de Kamer voor de zomer te informeren over de uitkomsten?');
    // The page header does not end up in answer 2.
    assert.equal(bodyOf(text, doc, 'Antwoord 2'), 'Het kabinet bestudeert de aanbevelingen.');
  });

  it('questions numbered "1." with unlabelled answers', () => {
    const text = fixture('numbered-list.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1] (implicit)', '  A Antwoord 1 [1] (implicit)', 'Q Vraag 2 [2] (implicit)', '  A Antwoord 2 [2] (implicit)',
      'Q Vraag 3 [3] (implicit)', '  A Antwoord 3 [3] (implicit)',
    ]);
    assert.equal(bodyOf(text, doc, 'Vraag 2', 'question'), 'Wat gaat u doen om de wachttijden\nte verkorten?');
    assert.equal(bodyOf(text, doc, 'Antwoord 1'), 'De gemiddelde doorlooptijd is gestegen naar 40 weken.\nEr wordt gewerkt aan verbetering.');
    assert.equal(bodyOf(text, doc, 'Antwoord 3'), 'Ja.');
  });

  it('a list of questions with a number alone on a line and bare "Antwoord" labels', () => {
    const text = fixture('question-list.txt');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'questionList');
    assert.deepEqual(structure(doc), ['Q Vraag 1 [1] (implicit)', '  A Antwoord [1]', 'Q Vraag 2 [2] (implicit)', '  A Antwoord [2]']);
    assert.equal(doc.docRefs.find((r) => r.kind === 'kamerstuk')?.fields.part, 'IXB');
  });

  it('a whole document on one line, labels mid-line', () => {
    const text = fixture('one-line.txt');
    assert.equal(text.includes('\n'), false);
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]', 'Q Vraag 3 [3]', '  A Antwoord 3 [3]',
    ]);
    assert.equal(bodyOf(text, doc, 'Vraag 2', 'question'), 'Welke voorbeelden geven de topambtenaren?');
    assert.equal(bodyOf(text, doc, 'Antwoord 3'), 'De brief is bijgevoegd.');
    assert.deepEqual(doc.headers.map((h) => slice(text, h.span).slice(-25)), ['(ingezonden 11 januari 2023).', '(ontvangen 1 februari 2023).'].map((s) => s.slice(-25)));
    assert.equal(doc.metadata.received?.iso, '2023-02-01');
  });

  it('a Toelichting after the last answer, a letterhead before the questions', () => {
    const text = fixture('toelichting-after.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), ['Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]']);
    assert.equal(bodyOf(text, doc, 'Antwoord 2'), 'Ongeveer de helft.');
    assert.deepEqual(doc.sections.map((s) => [s.label.name, slice(text, s.body)]), [['Toelichting', 'De cijfers zijn afkomstig uit de jaarrapportage Woo.']]);
    assert.equal(doc.metadata.askedBy[0], 'Sneller');
  });
});

describe('parseDocument: extraction damage', () => {
  const text = fixture('pdf-damage.txt');
  const doc = parseDocument(text);

  it('keeps the text as it is: BOM, CRLF and non-breaking spaces are in the offsets', () => {
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.ok(text.includes('\r\n'));
    assert.ok(text.includes('Vraag\u00a02'));
    for (const b of doc.blocks) assert.equal(slice(text, b.label.span), b.label.name.replace('Vraag 2', 'Vraag\u00a02').replace('Antwoord 3', 'Antwoord\u00a03'));
  });

  it('finds labels after page headers, "-----" and glued page footers', () => {
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]', 'A Antwoord 3 [3]', 'Q Vraag 4 [4]', '  A Antwoord 4 [4]',
    ]);
    // The glued footer "…Aanhangsel 1" and the page header belong to no answer.
    assert.match(bodyOf(text, doc, 'Antwoord 2'), /6 november 2023\)\.$/);
    assert.equal(bodyOf(text, doc, 'Antwoord 3'), 'Scholen krijgen meer ruimte.');
    assert.doesNotMatch(bodyOf(text, doc, 'Antwoord 1'), /Tweede Kamer der Staten-Generaal|-----/);
  });

  it('reads glued words and hyphenation in metadata and references', () => {
    assert.equal(doc.metadata.title?.text, 'Vragen van het lid Paternotte (D66) over het lerarentekort');
    const ah = doc.docRefs.find((r) => r.kind === 'aanhangsel');
    assert.deepEqual(ah?.fields, { chamber: 'tk', vergaderjaar: '20232024', number: '212' });
    assert.deepEqual(doc.docRefs.find((r) => r.kind === 'kamerstuk')?.fields, { chamber: 'tk', dossier: '27923', number: '470' });
  });

  it('footnotes: a marker after "?", the footnote at the page bottom; not "6 november 2023)." nor "11e"', () => {
    assert.deepEqual(doc.footnotes.map((f) => [f.marker, slice(text, f.body)]), [['1', 'https://nos.nl/artikel/2491234-lerarentekort']]);
    assert.deepEqual(doc.footnoteRefs.map((r) => text.slice(r.span.start - 10, r.span.end)), ['schrappen?1']);
  });

  it('a cross-reference broken over a line end', () => {
    const refs = doc.crossRefs.map((r) => `${slice(text, r.span).replace(/\s+/g, ' ')} → ${r.target} ${r.numbers.join(',')}`);
    assert.deepEqual(refs, ['vraag 2 → answer 2', 'antwoord op vraag 2 → answer 2']);
  });
});

describe('parseDocument: traps', () => {
  const text = fixture('traps.txt');
  const doc = parseDocument(text);

  it('"vraag 2" in running text and "Vraag 2 van de leden ..." are not labels', () => {
    assert.deepEqual(structure(doc), ['Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]', 'Q Vraag 3 [3]', '  A Antwoord 3 [3]']);
  });

  it('"uw antwoord op vraag 2 van de schriftelijke vragen" inside a question points to another document', () => {
    const first = doc.crossRefs[0];
    assert.equal(slice(text, first.span), 'antwoord op vraag 2');
    assert.equal(first.external, true);
    const local = doc.crossRefs.find((r) => slice(text, r.span) === 'vragen 2 en 3');
    assert.equal(local?.external, false);
    assert.equal(doc.crossRefs.find((r) => slice(text, r.span) === 'antwoord op vraag 12')?.external, false);
  });

  it('lines that start with a number are not footnotes; an ordinal is not a marker', () => {
    assert.equal(doc.footnotes.length, 0);
    assert.equal(doc.footnoteRefs.length, 0);
  });
});

describe('parseDocument: other kinds', () => {
  it('a postponement letter', () => {
    const doc = parseDocument(fixture('postponement.txt'));
    assert.equal(doc.kind, 'postponement');
    assert.deepEqual(doc.metadata.askedBy, ['Sjoerdsma']);
    assert.equal(doc.docRefs[0].fields.value, '2022Z02184');
  });

  it('an unrelated text has no structure', () => {
    const doc = parseDocument(fixture('not-parliamentary.txt'));
    assert.equal(doc.kind, 'unknown');
    assert.equal(doc.blocks.length, 0);
  });
});

describe('parseDocument: cross-reference phrases', () => {
  function refs(text: string): string[] {
    const doc = parseDocument(text);
    return doc.crossRefs.map((r) => `${slice(text, r.span).replace(/\s+/g, ' ')} → ${r.target} ${r.numbers.join(',')}${r.external ? ' external' : ''}`);
  }

  it('the words before "vraag" decide the target, in any case, also as the end of a longer word', () => {
    assert.deepEqual(refs('Zie BIJ VRAAG 4 en onder de vragen 5 en 6. Zie daarin vraag 3.'), [
      'VRAAG 4 → answer 4', 'vragen 5 en 6 → answer 5,6', 'vraag 3 → answer 3',
    ]);
    assert.deepEqual(refs('Zie de vraag 7, Uw Antwoord Op Vraag 2 en vorige beantwoording van vraag 9.'), [
      'vraag 7 → question 7', 'Antwoord Op Vraag 2 → answer 2 external', 'vraag 9 → question 9',
    ]);
    // Numbers must follow, and end the word.
    assert.deepEqual(refs('Die vraag is goed; vraag 2023D03702 niet.'), []);
  });
});

describe('parseDocument: footnote markers', () => {
  const text = [
    'Vraag 1',
    'Klopt het bericht?01 Om 10.12 uur, met 1,2 procent, zie tabel1a en 2012 en x12 en regeling12.',
    'Staat dit in de brief,2 de nota [10 12 ] en het rapport?12',
    '',
    'Antwoord 1',
    'Ja.',
    '',
    '1 https://example.nl/a',
    '2 Zie https://example.nl/b',
    '[10] Tien.',
    '12 Zie https://example.nl/c',
    'Na de noten nog eens regeling1 en [12].',
  ].join('\n');
  const doc = parseDocument(text);
  const markers = doc.footnoteRefs.map((r) => `${r.marker}@${text.slice(r.span.start - 2, r.span.end)}`);

  it('a glued marker is a whole run of digits, with a leading zero or two digits, after a word or punctuation', () => {
    assert.deepEqual(doc.footnotes.map((f) => f.marker), ['1', '2', '10', '12']);
    // Two characters before each marker: "01" is marker 1, "x12" and "regeling12" are glued to words.
    assert.deepEqual(markers, ['1@t?01', '12@ x12', '12@ng12', '2@f,2', '10@ [10', '12@0 12', '12@t?12']);
  });

  it('times, decimals, years and digits glued before letters are not markers; nor markers after the last footnote', () => {
    for (const r of doc.footnoteRefs) assert.ok(r.span.start < text.indexOf('Na de noten'));
  });
});

describe('parseDocument: forms found in real documents', () => {
  it('older Aanhangsel: "Vraag van de g.a. de heer X (VVD)" without a colon, a bare "Antwoord"', () => {
    const text = fixture('aanhangsel-old.txt');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'questions');
    assert.deepEqual(structure(doc), [
      'Q Vraag van de g.a. de heer Wiebenga (VVD) []', '  A Antwoord []',
      'Q Vraag van de g.a. mevrouw Kappeyne van de Coppello (VVD) []', '  A Antwoord []',
    ]);
    assert.match(bodyOf(text, doc, 'Vraag van de g.a. de heer Wiebenga (VVD)', 'question'), /^\(Ingezonden 11 april 1986\)\n\nIs het juist[\s\S]*bekorten\?$/);
    // The page footer and the next entry's number belong to no answer.
    assert.match(bodyOf(text, doc, 'Antwoord'), /aantal behandelaars uitgebreid\.$/);
  });

  it('"Vragen van het lid X (VVD) … (ingezonden …)" on one line, without a colon, stays the header', () => {
    const text = 'Vragen van het lid Kops (PVV) aan de Minister over subsidies (ingezonden 4 april 2023)\n\nVraag 1\nHoeveel?\n\nAntwoord 1\nVeel.\n';
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), ['Q Vraag 1 [1]', '  A Antwoord 1 [1]']);
    assert.deepEqual(doc.headers.map((h) => h.kind), ['questions']);
  });

  it('an unnumbered "Antwoord" with the answer on its line answers the question before it', () => {
    const text = fixture('later-answers.txt');
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 13 [13]', '  A Antwoord 13 [13]', 'Q Vraag 14 [14]', '  A Antwoord 14 [14]',
      'Q Vraag 15 [15]', '  A Antwoord 15 [15]', 'Q Vraag 16 [16]', '  A Antwoord [16]',
    ]);
    assert.equal(bodyOf(text, doc, 'Antwoord'), 'Ja, de antwoorden zijn voor het commissiedebat van 1 februari 2024 aan uw Kamer gestuurd.');
    // Not a title "Antwoorden Kamervragen …", nor "Antwoord" with no question before it.
    assert.deepEqual(structure(parseDocument('Antwoord Kamervragen over de jeugdzorg\n\nVraag 1\nWat?\n\nAntwoord 1\nDit.\n')), ['Q Vraag 1 [1]', '  A Antwoord 1 [1]']);
  });

  it('a whole document on one line: the first label after a title, the last after a page footer', () => {
    const text = fixture('one-line-title.txt');
    assert.equal(text.includes('\n'), false);
    const doc = parseDocument(text);
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1]', '  A Antwoord 1 [1]', 'Q Vraag 2 [2]', '  A Antwoord 2 [2]',
      'Q Vraag 3 [3]', '  A Antwoord 3 [3]', 'Q Vraag 4 [4]', '  A Antwoord 4 [4]',
    ]);
    assert.match(bodyOf(text, doc, 'Antwoord 4'), /^Ja\. De Kamer wordt hierover jaarlijks/);
    // On a short line, or after a word that makes it a reference, a capitalised label is running text.
    assert.deepEqual(structure(parseDocument('Onderdeel Limburg Vraag 1 Hoeveel? Antwoord 1 Veel.')), ['A Antwoord 1 [1]']);
    const joined = `${'Een lange inleiding zonder punt '.repeat(40)}zie Vraag 1 Hoeveel? Antwoord 1 Veel.`;
    assert.deepEqual(structure(parseDocument(joined)), ['A Antwoord 1 [1]']);
  });

  it('a lijst van vragen en antwoorden with bare numbers, under a title in capitals', () => {
    const text = fixture('question-list-bare.txt');
    const doc = parseDocument(text);
    assert.equal(doc.kind, 'questionList');
    assert.deepEqual(structure(doc), [
      'Q Vraag 1 [1] (implicit)', '  A Antwoord [1]', 'Q Vraag 2 [2] (implicit)', '  A Antwoord [2]',
      'Q Vraag 3 [3] (implicit)', '  A Antwoord [3]', 'Q Vraag 4 [4] (implicit)', '  A Antwoord [4]',
    ]);
    assert.equal(bodyOf(text, doc, 'Vraag 2', 'question'), 'Kunt u een overzicht geven van de uitgaven aan inhuur van externen per directie, en kunt u toelichten\nwaarom deze uitgaven in 2023 zijn gestegen?');
    // The page header between the answer and the next number is not part of the answer.
    const a2 = doc.blocks.find((b) => b.kind === 'answer' && b.numbers[0] === '2');
    assert.match(slice(text, a2!.body), /zijn afgebouwd\.$/);
  });

  it('a document number glued to its footnote marker: the footnote, its marker and the document number', () => {
    const text = fixture('reference-forms.txt');
    const doc = parseDocument(text);
    assert.deepEqual(doc.footnotes.map((f) => [f.marker, slice(text, f.body)]), [
      ['1', 'https://nos.nl/artikel/2504390-politie-zoekt-met-gezichtsherkenning'], ['3', '2024D27196'],
    ]);
    assert.deepEqual(doc.footnoteRefs.map((r) => text.slice(r.span.start - 2, r.span.end)), ['»?1', 'l.3']);
    assert.equal(doc.docRefs.filter((r) => r.kind === 'documentNumber').map((r) => r.text).join(), '2024D27196');
    assert.equal(doc.metadata.documentNumber, '2024D27196');
  });
});

describe('parseDocument: cross-references found in real documents', () => {
  const text = fixture('later-answers.txt');
  const doc = parseDocument(text);
  const refs = doc.crossRefs.map((r) => `${slice(text, r.span)} → ${r.target} ${r.numbers.join(',')}${r.external ? ' external' : ''}`);

  it('glued words: "hetantwoord op vraag 13", "opvraag 13"', () => {
    assert.ok(refs.includes('antwoord opvraag 13 → answer 13'), refs.join('\n'));
    assert.equal(refs.filter((r) => r === 'antwoord op vraag 13 → answer 13').length, 2, refs.join('\n'));
    // "opvraag" only: "hoofdvraag 3", "vraagstuk 3" are no references.
    assert.deepEqual(parseDocument('Vraag 1\nWat?\n\nAntwoord 1\nDe hoofdvraag 1 en het vraagstuk 1 en de stopvraag 1.\n').crossRefs, []);
  });

  it('in a question, "Indien het antwoord op de vragen 13 en 14 ja is" is about this document', () => {
    assert.ok(refs.includes('antwoord op de vragen 13 en 14 → answer 13,14'), refs.join('\n'));
    // Without a condition, an answer a question mentions is another document's.
    const other = parseDocument('Vraag 1\nWat?\n\nAntwoord 1\nDit.\n\nVraag 2\nWat staat er in het antwoord op vraag 1 van de minister?\n\nAntwoord 2\nDat.\n');
    assert.deepEqual(other.crossRefs.map((r) => r.external), [true]);
  });

  it('in a footnote printed between a question and its answer; a footnote that cites another document is about that one', () => {
    const inFootnote = doc.crossRefs.find((r) => r.span.start > doc.footnotes[0].span.start && r.span.end <= doc.footnotes[0].span.end);
    assert.ok(inFootnote, refs.join('\n'));
    assert.deepEqual([inFootnote.target, inFootnote.numbers, inFootnote.external], ['answer', ['13'], false]);
    const citing = 'Vraag 1\nWat?1\n\n1 Aanhangsel Handelingen II 2022/23, nr. 1429, antwoord op vraag 2.\n\nAntwoord 1\nDit.\n\nVraag 2\nEn?\n\nAntwoord 2\nDat.\n';
    assert.deepEqual(parseDocument(citing).crossRefs.map((r) => r.external), [true]);
  });
});
