import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from '../../../bench/annotations';
import { GENERATOR_VERSION } from '../../../bench/corpusGenerator';
import type { Annotation } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { readSidecarEntries, readSidecarQuickly } from '../../../src/core/corpus/quickSidecar';

/** What parseSidecar reads, as the quick reader returns it. */
function slow(text: string): { annotations: Annotation[]; version: number } | undefined {
  const p = parseSidecar(text);
  return p.problems.length > 0 ? undefined : { annotations: p.annotations, version: p.version };
}

function agree(text: string, label: string): boolean {
  const quick = readSidecarQuickly(text);
  if (quick) assert.deepEqual(quick, slow(text), `${label}:\n${text}`);
  return quick !== undefined;
}

const PIECES = [
  'a', 'Vraag 1', ' ', '  ', '\t', '\n', '\n\n', '\n  \n', ' \n', '\n ', '"', '\\', '#', ' #', ': ', ':', '-', '- ', '[', ']', ',', '{', '}',
  'é', 'ë', '’', '😀', '\u00a0', '\u2028', '\u0085', '\u0007', '\ufeff', '*', '&', '!', '%', '@', '`', "'", '?', '|', '>', 'null', 'true',
  '12', '0x1f', '1e3', '.5', '~', 'Antwoord 2', 'De minister zegt toe', '...', '---',
];

function randomText(rnd: () => number, max: number): string {
  let s = '';
  const n = Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe('quick sidecar reader', function () {
  // Thousands of files each: on a busy machine well over mocha's default.
  this.timeout(120_000);

  it('reads what serializeSidecar writes exactly as parseSidecar does, on 3,000 random files', () => {
    const rnd = random(7);
    let quick = 0;
    for (let f = 0; f < 3000; f++) {
      const entries: Annotation[] = [];
      const count = Math.floor(rnd() * 4);
      for (let i = 0; i < count; i++) {
        const start = Math.floor(rnd() * 1000);
        const note = randomText(rnd, 6);
        const coder = rnd() < 0.2 ? randomText(rnd, 3) : '';
        entries.push({
          id: rnd() < 0.1 ? String(10000000 + i) : `a${f.toString(16)}x${i}`,
          tags: Array.from({ length: Math.floor(rnd() * 3) }, () => (rnd() < 0.7 ? ['toezegging', 'ontwijkend antwoord', 'tag, met komma', '"quoted"', '2024'][Math.floor(rnd() * 5)] : randomText(rnd, 3))),
          ...(note ? { note } : {}),
          quote: randomText(rnd, 12), prefix: randomText(rnd, 5), suffix: randomText(rnd, 5),
          start, end: start + Math.floor(rnd() * 50), created: rnd() < 0.9 ? '2025-01-01T08:34:00Z' : '',
          ...(coder.trim() ? { coder } : {}),
        });
      }
      const text = serializeSidecar(rnd() < 0.1 ? 'naam: met dubbele punt.txt' : 'document.txt', entries);
      if (agree(text, `file ${f}`)) quick++;
    }
    // Most files are read quickly (the point of it); the others fall back to parseSidecar.
    assert.ok(quick > 1000, `${quick} of 3000 read quickly`);
  });

  it('reads the generated corpus exactly as parseSidecar does (when it has been generated)', function () {
    const dir = join(tmpdir(), `kamerstukken-bench-corpus-v${GENERATOR_VERSION}-1000-2024`);
    if (!existsSync(dir)) this.skip();
    this.timeout(120_000); // 1,000 sidecars, each parsed twice: slow on a loaded machine, not a timing test
    let files = 0;
    let quick = 0;
    const visit = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) visit(p);
        else if (e.name.endsWith('.annotations.yaml')) {
          files++;
          if (agree(readFileSync(p, 'utf8'), p)) quick++;
        }
      }
    };
    visit(dir);
    assert.ok(quick > files * 0.99, `${quick} of ${files} read quickly`);
  });

  it('gives up on what it is not sure of, and the fallback reports what parseSidecar reports', () => {
    const base = 'version: 2\ndocument: a.txt\nannotations:\n  - id: x1\n    tags: [t]\n    quote: q\n    start: 1\n    end: 2\n';
    assert.ok(readSidecarQuickly(base));
    for (const bad of [
      base.replace('quote: q', 'quote: 12'), // a number, not text
      base.replace('quote: q', 'quote: q # comment'),
      base.replace('start: 1', 'start: -1'),
      base.replace('end: 2', 'end: 0'),
      base.replace('version: 2', 'version: 3'),
      base + 'memo: notitie\n',
      base + '  - id: x1\n    quote: q\n    start: 1\n    end: 2\n', // a duplicate id
      base.replace('    tags: [t]\n', '    tags: [t]\n    tags: [u]\n'),
      base.replace('\n', '\r\n'),
      base.replace('quote: q', "quote: 'q'"),
      base.replace('quote: q', 'quote: "q\\\n  r"'),
      base.replace('quote: q', 'quote: "q\nr"'), // continuation not indented past the field
      '# comment\n' + base,
      base.replace('  - id', '   - id'),
      '<<<<<<< ours\n' + base + '=======\n' + base + '>>>>>>> theirs\n',
    ]) {
      assert.equal(readSidecarQuickly(bad), undefined, bad);
      const both = readSidecarEntries(bad);
      const parsed = parseSidecar(bad);
      assert.deepEqual(both, { annotations: parsed.annotations, problems: parsed.problems, version: parsed.version });
    }
  });
});
