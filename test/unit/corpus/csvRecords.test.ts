/**
 * The CSV table's records (`CSV_RECORD_OPTIONS`: no blocks, no references) are the full records
 * without those, and the table written from them is the table written from full records: on the
 * seeds and fixtures, and on a generated corpus with its question sets.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../bench/corpusGenerator';
import { corpusTable, CSV_RECORD_OPTIONS, indexFolder } from '../../../src/cli/corpusCommand';
import { buildRecord } from '../../../src/core/corpus/record';
import { root } from '../helpers';

function textFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}

const SOURCES = [...textFiles(join(root, 'seeds')), ...textFiles(join(root, 'test', 'fixtures'))];

describe('corpus records for the CSV table', function () {
  this.timeout(60_000);

  it('are the full records without blocks and references, on the seeds and fixtures', () => {
    let blocks = 0;
    let references = 0;
    for (const path of SOURCES) {
      const text = readFileSync(path, 'utf8');
      const full = buildRecord(text);
      blocks += full.blocks.length;
      references += full.references.length;
      assert.deepEqual(buildRecord(text, CSV_RECORD_OPTIONS), { ...full, blocks: [], references: [] }, path);
    }
    // Something was left out.
    assert.ok(blocks > 0 && references > 0);
  });

  it('give the same CSV table as full records, in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamerstukken-csv-records-'));
    try {
      generateCorpus(dir, 300, 11);
      for (const path of SOURCES) copyFileSync(path, join(dir, `source-${path.split(/[\\/]/u).pop() ?? ''}`));
      const full = indexFolder(dir).documents;
      const light = indexFolder(dir, undefined, undefined, CSV_RECORD_OPTIONS).documents;
      assert.equal(light.length, full.length);
      for (const lang of ['en', 'nl'] as const) {
        const table = corpusTable(full, 'csv', '2025-06-01', lang);
        assert.ok(table.split('\n').length > 300);
        assert.equal(corpusTable(light, 'csv', '2025-06-01', lang), table);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
