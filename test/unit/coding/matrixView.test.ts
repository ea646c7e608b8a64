import * as assert from 'node:assert/strict';
import { readCsv } from '../annotations/csvReader';
import { matrixExportArgs } from '../../../src/core/coding/matrixArgs';
import {
  addressedMinistries, answerStatuses, attributeValues, cooccurrenceGrid, gridCell, gridToCsv, kindOf, type MatrixAnnotation,
  type MatrixDocument, matrixCoders, matrixGrid, passageDetails, UNKNOWN_COLUMN, withCoders,
} from '../../../src/core/coding/matrixView';
import { buildRecord } from '../../../src/core/corpus/record';

const LATE = `Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de belastingdienst (ingezonden 10 januari 2024).

Antwoord van Minister De Vries (Financiën) (ontvangen 12 februari 2024).

Vraag 1
Klopt het dat de belastingdienst achterloopt?

Antwoord 1
Nee, dat klopt niet. Wij zeggen toe u te informeren.
`;
const IN_TIME = `Vragen van de leden Pieters (SP) en Bakker (GroenLinks-PvdA) aan de Minister van Volksgezondheid, Welzijn en Sport en de Minister voor Klimaat en Energie over de zorg (ingezonden 3 maart 2023).

Antwoord van Minister Kuipers (Volksgezondheid, Welzijn en Sport) (ontvangen 20 maart 2023).

Vraag 1
Wat is de stand van zaken?

Antwoord 1
Daar ga ik niet over.
`;

/** An annotation of `quote` (the `nth` occurrence) in `text`. */
function at(text: string, id: string, tags: string[], quote: string, nth = 0): MatrixAnnotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, quote);
  return { id, tags, start, end: start + quote.length, quote };
}

const DOCS: MatrixDocument[] = [
  {
    name: 'a/late.txt', record: buildRecord(LATE), annotations: [
      at(LATE, 'a1', ['antwoord/ontwijkend'], 'Nee, dat klopt niet.'),
      at(LATE, 'a2', ['toezegging'], 'Wij zeggen toe u te informeren.'),
      at(LATE, 'a3', ['vraag'], 'Klopt het dat de belastingdienst achterloopt?'),
      { id: 'lost', tags: ['toezegging'], start: 0, end: 0, orphaned: true, quote: 'weg' },
    ],
  },
  {
    name: 'b/intime.txt', record: buildRecord(IN_TIME), annotations: [
      at(IN_TIME, 'b1', ['antwoord/ontwijkend', 'toezegging'], 'Daar ga ik niet over.'),
      at(IN_TIME, 'b2', ['antwoord/volledig'], 'Daar ga ik'),
    ],
  },
  { name: 'notes.txt', annotations: [{ id: 'n1', tags: ['vraag'], start: 0, end: 4, quote: 'iets' }] },
  { name: 'c/plain.kamerstuk', record: buildRecord(IN_TIME.replace('(SP) en Bakker (GroenLinks-PvdA)', '(CDA)')), annotations: [] },
];

describe('coding: the code matrix panel\'s model', () => {
  it('tags against documents: parents count their children, collapsible rows, totals; orphans count nowhere', () => {
    const g = matrixGrid(DOCS, { columns: 'document', count: 'passages', today: '2026-01-01' });
    assert.deepEqual(g.columnKeys, ['a/late.txt', 'b/intime.txt', 'notes.txt'], 'documents with annotations only');
    assert.deepEqual(g.rows.map((r) => [r.tag, r.name, r.depth, r.parent ?? null, r.hasChildren, r.counts, r.total]), [
      ['antwoord', 'antwoord', 1, null, true, [1, 2, 0], 3],
      ['antwoord/ontwijkend', 'ontwijkend', 2, 'antwoord', false, [1, 1, 0], 2],
      ['antwoord/volledig', 'volledig', 2, 'antwoord', false, [0, 1, 0], 1],
      ['toezegging', 'toezegging', 1, null, false, [1, 1, 0], 2],
      ['vraag', 'vraag', 1, null, false, [1, 0, 1], 2],
    ]);
    assert.deepEqual(g.totals, [3, 2, 1]);
    assert.equal(g.total, 6);
    const docs = matrixGrid(DOCS, { columns: 'document', count: 'documents', today: '2026-01-01' });
    assert.deepEqual(docs.rows.map((r) => r.total), [2, 2, 1, 2, 2]);
  });

  it('the attributes of the documents: party, ministry, year, kind, answer status', () => {
    assert.deepEqual(Object.fromEntries(attributeValues(DOCS, 'party', '2026-01-01')), {
      'a/late.txt': ['VVD'], 'b/intime.txt': ['SP', 'GroenLinks-PvdA'], 'c/plain.kamerstuk': ['CDA'],
    });
    assert.deepEqual(Object.fromEntries(attributeValues(DOCS, 'ministry', '2026-01-01')), {
      'a/late.txt': ['Financiën'], 'b/intime.txt': ['Volksgezondheid, Welzijn en Sport', 'Klimaat en Energie'],
      'c/plain.kamerstuk': ['Volksgezondheid, Welzijn en Sport', 'Klimaat en Energie'],
    });
    assert.deepEqual(Object.fromEntries(attributeValues(DOCS, 'year', '2026-01-01')), { 'a/late.txt': ['2024'], 'b/intime.txt': ['2023'], 'c/plain.kamerstuk': ['2023'] });
    assert.deepEqual(Object.fromEntries(attributeValues(DOCS, 'kind', '2026-01-01', { kind: { answer: 'antwoord' } })), {
      'a/late.txt': ['antwoord'], 'b/intime.txt': ['antwoord'], 'c/plain.kamerstuk': ['antwoord'],
    });
    assert.equal(kindOf(undefined), 'unknown');
    const statuses = answerStatuses(DOCS, '2026-01-01');
    assert.equal(statuses.get('a/late.txt'), 'answeredLateWithoutPostponement', 'submitted 10 January, due 31 January, answered 12 February');
    assert.equal(statuses.get('b/intime.txt'), 'answeredInTime');
    assert.equal(statuses.has('notes.txt'), false);
    assert.deepEqual(Object.fromEntries(attributeValues(DOCS, 'late', '2026-01-01', { late: { answeredInTime: 'op tijd' } })), {
      'a/late.txt': ['answeredLateWithoutPostponement'], 'b/intime.txt': ['op tijd'], 'c/plain.kamerstuk': ['op tijd'],
    });
  });

  it('ministries from the ways a question is addressed', () => {
    assert.deepEqual(addressedMinistries('de Minister-President en de Ministers van Binnenlandse Zaken en Koninkrijksrelaties, van Buitenlandse Zaken, van Landbouw, Natuur en Voedselkwaliteit en van Volksgezondheid, Welzijn en Sport'),
      ['Algemene Zaken', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Landbouw, Natuur en Voedselkwaliteit', 'Volksgezondheid, Welzijn en Sport']);
    assert.deepEqual(addressedMinistries('de Staatssecretaris van Financiën'), ['Financiën']);
    assert.deepEqual(addressedMinistries(undefined), []);
  });

  it('tags against the party of the asker: a question of two parties counts in both; unknown last', () => {
    const g = matrixGrid(DOCS, { columns: 'party', count: 'passages', today: '2026-01-01' });
    assert.deepEqual(g.columnKeys, ['CDA', 'GroenLinks-PvdA', 'SP', 'VVD', UNKNOWN_COLUMN]);
    assert.deepEqual(g.rows.map((r) => [r.tag, r.counts]), [
      ['antwoord', [0, 2, 2, 1, 0]], ['antwoord/ontwijkend', [0, 1, 1, 1, 0]], ['antwoord/volledig', [0, 1, 1, 0, 0]],
      ['toezegging', [0, 1, 1, 1, 0]], ['vraag', [0, 0, 0, 1, 1]],
    ]);
    const chosen = matrixGrid(DOCS, { columns: 'year', count: 'documents', today: '2026-01-01', rows: ['toezegging', 'feit'] });
    assert.deepEqual(chosen.rows.map((r) => [r.tag, r.counts, r.total]), [['feit', [0, 0, 0], 0], ['toezegging', [1, 1, 0], 2]]);
    assert.deepEqual(chosen.columnKeys, ['2023', '2024', UNKNOWN_COLUMN]);
  });

  it('a cell\'s passages: quote, tags, document and place, in document order; totals are cells too', () => {
    const g = matrixGrid(DOCS, { columns: 'document', count: 'passages', today: '2026-01-01' });
    const cell = gridCell(g, 0, 1);
    assert.ok(cell);
    assert.deepEqual(passageDetails(cell, DOCS).map((p) => [p.document, p.id, p.quote, p.tags, p.place]), [
      ['b/intime.txt', 'b2', 'Daar ga ik', ['antwoord/volledig'], 'Antwoord 1'],
      ['b/intime.txt', 'b1', 'Daar ga ik niet over.', ['antwoord/ontwijkend', 'toezegging'], 'Antwoord 1'],
    ]);
    assert.deepEqual(passageDetails(gridCell(g, 4, 0) ?? { count: 0, passages: [] }, DOCS).map((p) => [p.id, p.place]), [['a3', 'Vraag 1']]);
    assert.equal(gridCell(g, g.rows.length, g.columnKeys.length)?.count, 6, 'the grand total');
    assert.equal(gridCell(g, 0, g.columnKeys.length)?.count, 3, 'a row total');
    assert.equal(gridCell(g, g.rows.length + 1, 0), undefined);
    assert.equal(gridCell(g, -1, 0), undefined);
    assert.equal(gridCell(g, 0.5, 0), undefined);
  });

  it('co-occurrence by overlapping passages and by shared blocks', () => {
    const overlap = cooccurrenceGrid(DOCS, 'overlap');
    assert.deepEqual(overlap.tags, ['antwoord/ontwijkend', 'antwoord/volledig', 'toezegging', 'vraag']);
    assert.deepEqual(overlap.counts, [[2, 1, 1, 0], [1, 1, 1, 0], [1, 1, 2, 0], [0, 0, 0, 2]]);
    const block = cooccurrenceGrid(DOCS, 'block');
    // a1 and a2 share Antwoord 1 of late.txt; b1 and b2 Antwoord 1 of intime.txt; notes.txt has no blocks.
    assert.deepEqual(block.counts, [[2, 1, 2, 0], [1, 1, 1, 0], [2, 1, 2, 0], [0, 0, 0, 1]]);
    assert.deepEqual(passageDetails(gridCell(block, 0, 2) ?? { count: 0, passages: [] }, DOCS).map((p) => p.id), ['a1', 'a2', 'b1'], 'b2 is in the block but has neither tag');
  });

  it('CSV of either grid: the words given, semicolons, BOM, CRLF', () => {
    const g = matrixGrid(DOCS, { columns: 'party', count: 'passages', today: '2026-01-01', rows: ['antwoord'] });
    const csv = gridToCsv(g, { tag: 'label', total: 'totaal', unknown: '(onbekend)' });
    assert.ok(csv.startsWith('\uFEFF'));
    assert.deepEqual(readCsv(csv.slice(1), ';'), [
      ['label', 'CDA', 'GroenLinks-PvdA', 'SP', 'VVD', '(onbekend)', 'totaal'],
      ['antwoord', '0', '2', '2', '1', '0', '3'],
      ['totaal', '0', '2', '2', '1', '0', '3'],
    ]);
    assert.equal(gridToCsv(cooccurrenceGrid(DOCS, 'overlap', ['vraag'])), '\uFEFFtag;vraag\r\nvraag;2\r\n');
  });
});

describe('coding: Export Code Matrix arguments', () => {
  it('takes the known values, refuses others', () => {
    assert.deepEqual(matrixExportArgs({ columns: 'party', count: 'documents', target: '/tmp/x.csv', rows: [' a ', ''] }),
      { args: { rows: ['a'], columns: 'party', count: 'documents', target: '/tmp/x.csv', overwrite: false } });
    assert.deepEqual(matrixExportArgs(undefined), { args: { overwrite: false } });
    assert.deepEqual(matrixExportArgs({ columns: 'colour' }), { error: { kind: 'columns', value: 'colour' } });
    assert.deepEqual(matrixExportArgs({ count: 3 }), { error: { kind: 'count', value: '3' } });
    assert.deepEqual(matrixExportArgs({ cooccurrence: 'near' }), { error: { kind: 'cooccurrence', value: 'near' } });
    assert.deepEqual(matrixExportArgs({ rows: 'a' }), { error: { kind: 'rows' } });
    assert.deepEqual(matrixExportArgs({ cooccurrence: 'block', overwrite: true }), { args: { cooccurrence: 'block', overwrite: true } });
    assert.deepEqual(matrixExportArgs({ coders: [' Anna ', 'Bram', 'Anna', ''] }), { args: { coders: ['Anna', 'Bram', ''], overwrite: false } });
    assert.deepEqual(matrixExportArgs({ coders: 'Anna' }), { args: { coders: ['Anna'], overwrite: false } });
    assert.deepEqual(matrixExportArgs({ coders: [1] }), { error: { kind: 'coders' } });
  });
});

describe('coding: the code matrix by coder', () => {
  const coded: MatrixDocument[] = [
    { ...DOCS[0], annotations: DOCS[0].annotations.map((a, i) => (i === 0 ? { ...a, coder: 'Bram' } : i === 1 ? { ...a, coder: ' Anna ' } : a)) },
    { ...DOCS[1], annotations: DOCS[1].annotations.map((a) => ({ ...a, coder: 'Anna' })) },
    DOCS[3],
  ];

  it('offers the coders of the annotations, and "no coder" when some have none', () => {
    assert.deepEqual(matrixCoders(coded), { names: ['Anna', 'Bram'], uncoded: true });
    assert.deepEqual(matrixCoders([coded[1]]), { names: ['Anna'], uncoded: false });
    assert.deepEqual(matrixCoders([]), { names: [], uncoded: false });
  });

  it('counts only the passages of the coders chosen (\'\' for those without one); documents keep their records', () => {
    const anna = withCoders(coded, ['Anna']);
    assert.deepEqual(anna.map((d) => d.annotations.map((a) => a.id)), [['a2'], ['b1', 'b2'], []]);
    assert.equal(anna[0].record, coded[0].record);
    const g = matrixGrid(anna, { columns: 'party', count: 'passages', today: '2026-01-01' });
    const totals = Object.fromEntries(g.rows.map((r) => [r.tag, r.total]));
    assert.deepEqual(totals, { antwoord: 2, 'antwoord/ontwijkend': 1, 'antwoord/volledig': 1, toezegging: 2 });
    assert.deepEqual(withCoders(coded, ['']).map((d) => d.annotations.map((a) => a.id)), [['a3', 'lost'], [], []]);
    assert.deepEqual(withCoders(coded, ['Bram', '']).map((d) => d.annotations.map((a) => a.id)), [['a1', 'a3', 'lost'], [], []]);
    assert.deepEqual(withCoders(coded, undefined), coded);
  });
});
