/**
 * The light parse (`crossRefs: false`, what the corpus record asks for) gives the full model
 * without its cross-references, on every seed, every fixture and the documents of a generated
 * corpus: it scans for fewer keywords and collects no reference candidates, and must find the
 * same labels, blocks and everything else.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpusGenerator';
import { parseDocument } from '../../src/core/parser';
import { root } from './helpers';

function texts(dir: string): Array<[string, string]> {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

function assertLightIsFull(name: string, text: string): number {
  const full = parseDocument(text);
  const light = parseDocument(text, { crossRefs: false });
  assert.deepEqual(light, { ...full, crossRefs: [] }, name);
  return full.crossRefs.length;
}

describe('parseDocument without cross-references', () => {
  it('is the full model without its cross-references, on the seeds and fixtures', () => {
    let refs = 0;
    for (const [name, text] of [...texts(join(root, 'seeds')), ...texts(join(root, 'test', 'fixtures'))]) refs += assertLightIsFull(name, text);
    // The comparison means something only where the full model has cross-references.
    assert.ok(refs > 0);
  });

  it('is the full model without its cross-references, on a generated corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamerstukken-light-parse-'));
    try {
      const c = generateCorpus(dir, 200, 5);
      for (const name of [...c.documents, ...c.others]) assertLightIsFull(name, readFileSync(join(dir, name), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
