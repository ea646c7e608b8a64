import * as assert from 'node:assert/strict';
import { readCsv } from '../annotations/csvReader';
import {
  codeMatrix, cooccurrence, cooccurrenceToCsv, type MatrixPassage, matrixToCsv, UNKNOWN_COLUMN,
} from '../../../src/core/coding/matrix';

const p = (document: string, id: string, tags: string[], start: number, end: number): MatrixPassage => ({ document, id, tags, start, end });

const PASSAGES: MatrixPassage[] = [
  p('a.txt', 'a1', ['antwoord/ontwijkend'], 0, 10),
  p('a.txt', 'a2', ['antwoord', 'antwoord/ontwijkend'], 20, 30),
  p('a.txt', 'a3', ['toezegging'], 25, 40),
  p('b.txt', 'b1', ['antwoord/ontwijkend', 'antwoord/volledig'], 0, 10),
  p('b.txt', 'b2', ['toezegging'], 50, 60),
  p('c.txt', 'c1', ['toezegging'], 0, 5),
  p('c.txt', 'c2', ['toezegging'], 3, 8),
  p('c.txt', 'empty', ['toezegging'], 9, 9),
];

describe('coding: the code matrix', () => {
  it('tags against documents: parents count their children\'s passages once; cells keep their passages', () => {
    const m = codeMatrix(PASSAGES);
    assert.equal(m.count, 'passages');
    assert.deepEqual(m.columns, ['a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(m.rows.map((r) => [r.tag, r.depth, r.cells.map((c) => c.count), r.total.count]), [
      ['antwoord', 1, [2, 1, 0], 3],
      ['antwoord/ontwijkend', 2, [2, 1, 0], 3],
      ['antwoord/volledig', 2, [0, 1, 0], 1],
      ['toezegging', 1, [1, 1, 2], 4],
    ]);
    assert.deepEqual(m.totals.map((c) => c.count), [3, 2, 2]);
    assert.equal(m.total.count, 7, 'the empty passage counts nowhere');
    assert.deepEqual(m.rows[0].cells[0].passages, [{ document: 'a.txt', id: 'a1', start: 0, end: 10 }, { document: 'a.txt', id: 'a2', start: 20, end: 30 }]);
  });

  it('flat rows, a level, chosen rows, and counting documents', () => {
    assert.deepEqual(codeMatrix(PASSAGES, { hierarchical: false }).rows.map((r) => [r.tag, r.total.count]),
      [['antwoord', 1], ['antwoord/ontwijkend', 3], ['antwoord/volledig', 1], ['toezegging', 4]]);
    assert.deepEqual(codeMatrix(PASSAGES, { level: 1 }).rows.map((r) => [r.tag, r.total.count]), [['antwoord', 3], ['toezegging', 4]]);
    const chosen = codeMatrix(PASSAGES, { tags: ['antwoord', 'vraag'] });
    assert.deepEqual(chosen.rows.map((r) => [r.tag, r.total.count]), [['antwoord', 3], ['vraag', 0]]);
    assert.deepEqual(chosen.columns, ['a.txt', 'b.txt', 'c.txt'], 'a document with other tags only is a column of zeros');
    const docs = codeMatrix(PASSAGES, { count: 'documents' });
    assert.deepEqual(docs.rows.map((r) => [r.tag, r.cells.map((c) => c.count), r.total.count]), [
      ['antwoord', [1, 1, 0], 2], ['antwoord/ontwijkend', [1, 1, 0], 2], ['antwoord/volledig', [0, 1, 0], 1], ['toezegging', [1, 1, 1], 3],
    ]);
    assert.equal(docs.rows[3].cells[2].passages.length, 2, 'counting documents, the cell still keeps its passages');
  });

  it('tags against a document attribute (a record or a function; several values; unknown last)', () => {
    const party = { 'a.txt': 'VVD', 'b.txt': ['GL', 'PvdA'], 'd.txt': 'D66' };
    const m = codeMatrix(PASSAGES, { columns: party, documents: ['a.txt', 'b.txt', 'c.txt', 'd.txt'] });
    assert.deepEqual(m.columns, ['D66', 'GL', 'PvdA', 'VVD', UNKNOWN_COLUMN]);
    assert.deepEqual(m.rows.map((r) => [r.tag, r.cells.map((c) => c.count), r.total.count]), [
      ['antwoord', [0, 1, 1, 2, 0], 3],
      ['antwoord/ontwijkend', [0, 1, 1, 2, 0], 3],
      ['antwoord/volledig', [0, 1, 1, 0, 0], 1],
      ['toezegging', [0, 1, 1, 1, 2], 4],
    ]);
    const year = codeMatrix(PASSAGES, { columns: (d) => (d === 'c.txt' ? '2024' : '2023'), count: 'documents' });
    assert.deepEqual(year.columns, ['2023', '2024']);
    assert.deepEqual(year.rows.find((r) => r.tag === 'toezegging')?.cells.map((c) => c.count), [2, 1]);
    // A document named like an Object property is no attribute value.
    assert.deepEqual(codeMatrix([p('constructor', 'x', ['t'], 0, 1)], { columns: {} }).columns, [UNKNOWN_COLUMN]);
  });

  it('as CSV: semicolons, BOM, CRLF, numbers as numbers, text guarded against formulas', () => {
    const m = codeMatrix([...PASSAGES, p('=cmd.txt', 'x', ['-min'], 0, 4)], { hierarchical: false });
    const csv = matrixToCsv(m);
    assert.ok(csv.startsWith('\uFEFFtag;'));
    assert.ok(csv.endsWith('\r\n'));
    assert.doesNotMatch(csv, /[^\r]\n/);
    const rows = readCsv(csv.slice(1), ';');
    assert.deepEqual(rows[0], ['tag', "'=cmd.txt", 'a.txt', 'b.txt', 'c.txt', 'total']);
    assert.deepEqual(rows[1], ["'-min", '1', '0', '0', '0', '1']);
    assert.deepEqual(rows[rows.length - 1], ['total', '1', '3', '2', '2', '8']);
    const unknown = matrixToCsv(codeMatrix(PASSAGES, { columns: {} }), { separator: ',', bom: false, words: { tag: 'code', total: 'totaal', unknown: '(onbekend)' } });
    assert.ok(unknown.startsWith('code,(onbekend),totaal\r\n'), unknown);
  });
});

describe('coding: co-occurrence', () => {
  it('by overlap: passages with both tags, and overlapping passages with one each', () => {
    const m = cooccurrence(PASSAGES, { by: 'overlap' });
    assert.deepEqual(m.tags, ['antwoord', 'antwoord/ontwijkend', 'antwoord/volledig', 'toezegging']);
    assert.deepEqual(m.cells.map((row) => row.map((c) => c.count)), [
      // a2 has antwoord and antwoord/ontwijkend; a2 overlaps a3 (toezegging).
      [1, 1, 0, 1],
      [1, 3, 1, 1],
      [0, 1, 1, 0],
      [1, 1, 0, 4],
    ]);
    assert.deepEqual(m.cells[1][3].passages.map((x) => x.id), ['a2', 'a3']);
    assert.equal(m.cells[3][1], m.cells[1][3], 'symmetric');
    // c1 and c2 overlap but have the same tag only: no pair; the diagonal counts passages.
    assert.deepEqual(m.cells[3][3].passages.map((x) => x.id), ['a3', 'b2', 'c1', 'c2']);
  });

  it('a pair of overlapping passages counts once, even when each has both tags', () => {
    const m = cooccurrence([p('d', '1', ['x', 'y'], 0, 10), p('d', '2', ['x', 'y'], 5, 15), p('d', '3', ['y'], 10, 20)], { by: 'overlap' });
    // 1 and 2 each have both (2), the pair 1–2 once (1); 3 touches 1 only at its end and overlaps 2 (1).
    assert.deepEqual(m.cells[0][1].count, 4);
    assert.deepEqual(m.cells[0][1].passages.map((x) => x.id), ['1', '2', '3']);
  });

  it('by block: the blocks where both occur, with a level', () => {
    const blocks = { 'a.txt': [{ start: 0, end: 15 }, { start: 18, end: 45 }], 'b.txt': [{ start: 0, end: 100 }] };
    const m = cooccurrence(PASSAGES, { by: 'block', blocks, level: 1 });
    assert.deepEqual(m.tags, ['antwoord', 'toezegging']);
    assert.deepEqual(m.cells.map((row) => row.map((c) => c.count)), [[3, 2], [2, 2]], 'c.txt has no blocks: it counts nowhere');
    assert.deepEqual(m.cells[0][1].passages.map((x) => x.id), ['a2', 'a3', 'b1', 'b2']);
    const csv = cooccurrenceToCsv(m);
    assert.deepEqual(readCsv(csv.slice(1), ';'), [['tag', 'antwoord', 'toezegging'], ['antwoord', '3', '2'], ['toezegging', '2', '2']]);
  });
});
