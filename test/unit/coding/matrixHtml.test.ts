import * as assert from 'node:assert/strict';
import { cooccurrenceGrid, matrixGrid, type MatrixDocument } from '../../../src/core/coding/matrixView';
import { contentHtml, type MatrixWords, pageHtml, passagesHtml } from '../../../src/features/codeMatrix/html';

const WORDS: MatrixWords = {
  title: 'Code Matrix', lang: 'en', tabs: { matrix: 'Code matrix', cooccurrence: 'Co-occurrence' },
  columnsLabel: 'Columns', columns: { document: 'Documents', party: 'Party', ministry: 'Ministry', year: 'Year', kind: 'Kind', late: 'Late' },
  countLabel: 'Count', counts: { passages: 'Passages', documents: 'Documents' }, byLabel: 'Together in', by: { overlap: 'Overlap', block: 'Block' },
  export: 'Export CSV…', tag: 'Tag', total: 'Total', unknown: '(unknown)', empty: 'Nothing', explain: 'Cells count', collapse: 'Collapse',
  passagesOf: (n, r, c) => `${n}: ${r} × ${c}`, noPassages: 'None', open: 'Open',
  coderLabel: 'Coder', allCoders: 'All coders', noCoder: '(no coder)', onlyCoders: (c) => `Only ${c.join(' and ')}.`, emptyFiltered: 'None of theirs', blind: 'Blind.',
};

const DOCS: MatrixDocument[] = [
  { name: '<b>doc</b>.txt', annotations: [{ id: 'x', tags: ['a/"b"'], start: 0, end: 3, quote: '<script>alert(1)</script>' }, { id: 'y', tags: ['c'], start: 1, end: 5, quote: 'q' }] },
];

describe('coding: the Code Matrix page', () => {
  it('a strict Content Security Policy: nothing but its own nonce', () => {
    const page = pageHtml(WORDS, { nonce: 'abc123', cspSource: 'https://x' });
    assert.match(page, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';"/u);
    assert.equal(page.match(/<script nonce="abc123">/gu)?.length, 1);
    assert.equal(page.match(/<script/gu)?.length, 1);
    assert.doesNotMatch(page.replace(/<style[^]*?<\/style>/u, ''), /style="/u, 'no inline style attributes (the CSP would block them)');
  });

  it('the grid: escaped names, a row header per tag with its level, one cell in the tab order, totals', () => {
    const html = contentHtml({ tab: 'matrix', columns: 'document', count: 'passages', by: 'overlap' },
      matrixGrid(DOCS, { columns: 'document', count: 'passages', today: '2026-01-01' }), WORDS);
    assert.ok(!html.includes('<b>doc'), 'document names are escaped');
    assert.ok(html.includes('&lt;b&gt;doc&lt;/b&gt;.txt'));
    assert.ok(html.includes('data-tag="a/&quot;b&quot;"'));
    assert.ok(html.includes('data-parent="a"'));
    assert.ok(html.includes('aria-expanded="true"'), 'the parent row can collapse');
    assert.equal(html.match(/tabindex="0"/gu)?.length, 2, 'the selected tab and the first cell');
    assert.doesNotMatch(html, /style="/u);
    assert.match(html, /<option value="document" selected>/u);
    const rows = [...html.matchAll(/<tr[^>]*data-tag="([^"]*)"[^]*?<\/tr>/gu)].map((m) => [m[1], [...m[0].matchAll(/<td[^>]*>(\d+)</gu)].map((c) => Number(c[1]))]);
    assert.deepEqual(rows, [['a', [1, 1]], ['a/&quot;b&quot;', [1, 1]], ['c', [1, 1]]]);
  });

  it('co-occurrence and the empty state', () => {
    const html = contentHtml({ tab: 'cooccurrence', columns: 'document', count: 'passages', by: 'block' }, cooccurrenceGrid(DOCS, 'overlap'), WORDS);
    assert.match(html, /data-by="block" aria-pressed="true"/u);
    assert.match(html, /class="diag"/u);
    const empty = contentHtml({ tab: 'matrix', columns: 'party', count: 'documents', by: 'overlap' }, matrixGrid([], { columns: 'party', count: 'documents', today: '2026-01-01' }), WORDS);
    assert.match(empty, /<p class="empty">Nothing<\/p>/u);
  });

  it('the coder filter: every coder, each alone, those without one; a set of several as its own option; said above the grid', () => {
    const state = { tab: 'matrix', columns: 'document', count: 'passages', by: 'overlap' } as const;
    const grid = matrixGrid(DOCS, { columns: 'document', count: 'passages', today: '2026-01-01' });
    const options = (html: string): string[][] => [...html.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/gu)]
      .filter((m) => !['document', 'party', 'ministry', 'year', 'kind', 'late'].includes(m[1])).map((m) => [m[1], m[3], m[2] ? 'selected' : '']);
    const all = contentHtml(state, grid, WORDS, { names: ['Anna', '<Bram>'], uncoded: true });
    assert.match(all, /<label>Coder <select id="coders">/u);
    assert.deepEqual(options(all), [
      ['', 'All coders', 'selected'], ['[&quot;Anna&quot;]', 'Anna', ''], ['[&quot;&lt;Bram&gt;&quot;]', '&lt;Bram&gt;', ''], ['[&quot;&quot;]', '(no coder)', ''],
    ]);
    assert.match(all, /<p id="explain" class="explain">Cells count<\/p>/u);
    const anna = contentHtml({ ...state, coders: ['Anna'] }, grid, WORDS, { names: ['Anna'], uncoded: false });
    assert.deepEqual(options(anna), [['', 'All coders', ''], ['[&quot;Anna&quot;]', 'Anna', 'selected']]);
    assert.match(anna, /<p id="explain" class="explain">Cells count Only Anna\.<\/p>/u);
    const two = contentHtml({ ...state, coders: ['Anna', ''] }, grid, WORDS, { names: ['Anna'], uncoded: true });
    assert.deepEqual(options(two).at(-1), ['[&quot;Anna&quot;,&quot;&quot;]', 'Anna, (no coder)', 'selected']);
    assert.match(two, /Only Anna and \(no coder\)\./u);
    const blind = contentHtml(state, grid, WORDS, { names: ['Anna'], uncoded: false, blind: true });
    assert.match(blind, /<p id="explain" class="explain">Cells count Blind\.<\/p>/u);
    const none = contentHtml({ ...state, coders: ['Cor'] }, matrixGrid([], { columns: 'document', count: 'passages', today: '2026-01-01' }), WORDS);
    assert.match(none, /<p class="empty">None of theirs<\/p>/u);
  });

  it('passages: escaped quotes, document and place, each a button', () => {
    const html = passagesHtml([{ document: 'd.txt', id: 'x', start: 0, end: 3, quote: '<script>alert(1)</script>', tags: ['a'], place: 'Antwoord 3' }], '1: a × d.txt', WORDS);
    assert.ok(!html.includes('<script>'));
    assert.match(html, /<button class="passage" data-i="0"/u);
    assert.match(html, /d\.txt · Antwoord 3/u);
    assert.match(passagesHtml([], 'h', WORDS), /None/u);
  });
});
