/**
 * `summariseDocument` (what the CSV table's records read of a text) is `parseDocument` less what
 * it leaves out: the same kind, headers, metadata (without the document's numbers), blocks' kinds
 * and numbers, and footnote count. On the seeds and fixtures, on a generated corpus, and on
 * footnotes glued to their markers, for which it looks for document references only where a
 * line may have one.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpusGenerator';
import type { ParsedDocument } from '../../src/core/model';
import { parseDocument, summariseDocument, type DocumentSummary } from '../../src/core/parser';
import { root } from './helpers';

function expected(parsed: ParsedDocument): DocumentSummary {
  const md = parsed.metadata;
  return {
    kind: parsed.kind,
    metadata: { ...md, documentNumber: undefined, zaakNumber: undefined, vergaderjaar: undefined, aanhangselNumber: undefined },
    headers: parsed.headers,
    blocks: parsed.blocks.map((b) => ({ kind: b.kind, numbers: b.numbers })),
    footnoteCount: parsed.footnotes.length,
  };
}

function summary(text: string): DocumentSummary {
  const s = summariseDocument(text);
  return { ...s, blocks: s.blocks.map((b) => ({ kind: b.kind, numbers: b.numbers })) };
}

function check(text: string, name: string): void {
  assert.deepEqual(summary(text), expected(parseDocument(text)), name);
}

const GLUED = [
  'Vraag 1\nKlopt dat?3\n\n32024D27196\n',
  'Vraag 1\nKlopt dat?2\n\n2https://nos.nl/a\n',
  'Vraag 1\r\nKlopt dat?12\r\n\r\n  122024D27196\r\n',
  'Vraag 1\rKlopt dat?3 en dit?4\r\r3www.example.nl/a\r4 https://nos.nl/b\r',
  '32024D27196 staat bovenaan.1\n\n1 Zie 2024D27196\n',
  'Vraag 1\nKlopt dat?3\n\ntabel 32024D27196 en 1232024D27196\n3 Bron.\n',
];

describe('summariseDocument', function () {
  this.timeout(60_000);

  it('is the parse, less what a record without blocks and references leaves out: seeds and fixtures', () => {
    for (const dir of [join(root, 'seeds'), join(root, 'test', 'fixtures')]) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) check(readFileSync(join(dir, f), 'utf8'), f);
    }
  });

  it('footnotes glued to their marker (a document number or URL right after it), after LF, CRLF and CR', () => {
    for (const text of GLUED) check(text, JSON.stringify(text));
    // Some of these have glued footnotes, which only the document references find.
    assert.ok(GLUED.some((t) => parseDocument(t).footnotes.length > 0));
  });

  it('on a generated corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamerstukken-summary-'));
    try {
      generateCorpus(dir, 300, 5);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:txt|kamerstuk)$/u.test(f));
      assert.ok(files.length > 250);
      for (const f of files) check(readFileSync(join(dir, f), 'utf8'), f);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
