import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateCorpus } from '../../../bench/corpusGenerator';
import { TextPositions } from '../../../src/core/annotations/model';
import { parseSidecar, sidecarName } from '../../../src/core/annotations/sidecar';
import { linkQuestionSets } from '../../../src/core/corpus/questionSets';
import { buildRecord } from '../../../src/core/corpus/record';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('corpus generator (bench/corpusGenerator.ts)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstukken-gen-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('N documents in nested folders, each with a valid sidecar of 10 annotations that fit its text', () => {
    const c = generateCorpus(join(dir, 'a'), 60, 3);
    assert.equal(c.documents.length, 60);
    assert.ok(c.documents.every((d) => d.split('/').length === 4), 'vergaderjaar/ministry/month/file');
    assert.ok(new Set(c.documents.map((d) => d.split('/')[1])).size > 3);
    for (const name of [...c.documents, ...c.others]) {
      const text = readFileSync(join(dir, 'a', name), 'utf8');
      const sidecar = parseSidecar(readFileSync(join(dir, 'a', sidecarName(name)), 'utf8'));
      assert.deepEqual(sidecar.problems, [], name);
      assert.equal(sidecar.document, name.split('/').pop());
      assert.equal(sidecar.annotations.length, 10, name);
      const positions = new TextPositions(text);
      for (const a of sidecar.annotations) {
        assert.equal(positions.toStored(positions.toUtf16(a.start)), a.start);
        assert.equal(text.slice(positions.toUtf16(a.start), positions.toUtf16(a.end)).replace(/\r\n?/gu, '\n'), a.quote, `${name} ${a.id}`);
      }
    }
  });

  it('the documents link into the question sets it says, with every role', () => {
    const c = generateCorpus(join(dir, 'b'), 200, 5);
    const docs = c.documents.map((path) => ({ path, record: buildRecord(readFileSync(join(dir, 'b', path), 'utf8')) }));
    const linked = linkQuestionSets(docs);
    assert.deepEqual(linked.sets.map((s) => JSON.stringify(s.files)).sort(), c.sets.map((s) => JSON.stringify(s)).sort());
    const roles = new Set(docs.map((d) => `${d.record.kind}/${d.record.role ?? '-'}`));
    for (const r of ['questions/questions', 'questions/answer', 'webpage/answer', 'postponement/postponement', 'beslisnota/-']) assert.ok(roles.has(r), r);
    assert.ok(docs.some((d) => d.path.endsWith('.kamerstuk')));
  });

  it('deterministic: the same seed writes the same bytes, another seed other ones', () => {
    generateCorpus(join(dir, 'c1'), 40, 9);
    generateCorpus(join(dir, 'c2'), 40, 9);
    generateCorpus(join(dir, 'c3'), 40, 10);
    const one = files(join(dir, 'c1'));
    assert.deepEqual(files(join(dir, 'c2')), one);
    assert.notDeepEqual(files(join(dir, 'c3')), one);
  });
});
