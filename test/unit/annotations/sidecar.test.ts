import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorEntries } from '../../../src/core/annotations/anchoring';
import { type Annotation, CodePointIndex, contextOf, createAnnotation, TextPositions } from '../../../src/core/annotations/model';
import { migrateEntries, parseSidecar, serializeSidecar, sidecarName } from '../../../src/core/annotations/sidecar';
import { seed } from '../helpers';
import { diffLines } from './lineDiff';

function ann(id: string, start: number, fields: Partial<Annotation> = {}): Annotation {
  return {
    id, tags: ['toezegging'], quote: `quote ${id}`, prefix: 'voor ', suffix: ' na', start, end: start + 10,
    created: '2026-11-23T12:00:00Z', ...fields,
  };
}

function ok(text: string): ReturnType<typeof parseSidecar> {
  const p = parseSidecar(text);
  assert.deepEqual(p.problems, [], text);
  return p;
}

/**
 * A fresh git repository with a sidecar committed on main; `git` runs in it. The caller removes
 * `dir` when done.
 */
function repoWith(sidecar: string): { dir: string; file: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'kamerstukken-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  const file = join(dir, 'doc.txt.annotations.yaml');
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(file, sidecar);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return { dir, file, git };
}

describe('annotations: sidecar', () => {
  it('names the sidecar after the document', () => assert.equal(sidecarName('doc.txt'), 'doc.txt.annotations.yaml'));

  it('writes the contract format and reads it back unchanged', () => {
    const tricky = ann('0000abcd', 5, {
      tags: ['toezegging', 'ontwijkend antwoord'], note: 'zie ook: vraag 3 # geen commentaar',
      quote: '  line one\r\nline two 😀\n', prefix: '"#', suffix: "- 'x': y", end: 40,
    });
    const text = serializeSidecar('doc.txt', [ann('12345678', 100), tricky]);
    assert.match(text, /^version: 2\ndocument: doc\.txt\nannotations:\n {2}- id: 0000abcd\n {4}tags: \[toezegging, ontwijkend antwoord\]\n/);
    assert.match(text, /created: 2026-11-23T12:00:00Z/);
    const back = ok(text);
    assert.equal(back.document, 'doc.txt');
    assert.deepEqual(back.annotations, [tricky, ann('12345678', 100)], 'ordered by start, values exact');
  });

  it('keeps comments and unknown fields written by hand', () => {
    const hand = [
      '# Annotaties bij de beantwoording',
      'version: 1',
      'document: doc.txt',
      'reviewer: Jansen   # wie keek mee',
      'annotations:',
      '  # eerste toezegging',
      '  - id: aaaaaaaa',
      '    tags: [toezegging]',
      '    quote: quote aaaaaaaa   # letterlijk',
      '    prefix: "voor "',
      '    suffix: " na"',
      '    start: 10',
      '    end: 20',
      '    created: 2026-11-23T12:00:00Z',
      '    status: besproken',
      '',
    ].join('\n');
    const p = ok(hand);
    const next = serializeSidecar('doc.txt', [...p.annotations.map((a) => ({ ...a, note: 'nieuw' })), ann('bbbbbbbb', 50)], p.yaml);
    for (const kept of ['# Annotaties bij de beantwoording', 'reviewer: Jansen # wie keek mee', '# eerste toezegging', 'status: besproken', '# letterlijk']) {
      assert.ok(next.includes(kept), `${kept} in\n${next}`);
    }
    assert.ok(next.includes('note: nieuw'));
    assert.equal(ok(next).annotations.length, 2);
  });

  it('rewrites only the entries that changed', () => {
    const base = Array.from({ length: 20 }, (_, i) => ann(`id${String(i).padStart(6, '0')}`, i * 1000));
    const text = serializeSidecar('doc.txt', base);
    const p = ok(text);
    // Unchanged: byte for byte.
    assert.equal(serializeSidecar('doc.txt', p.annotations, p.yaml), text);
    // One note edited: one line added.
    const edited = p.annotations.map((a, i) => (i === 7 ? { ...a, note: 'belangrijk' } : a));
    const d1 = diffLines(text, serializeSidecar('doc.txt', edited, ok(text).yaml));
    assert.deepEqual(d1, { added: ['    note: belangrijk'], removed: [] });
    // One added in the middle, one removed: only their lines.
    const changed = [...p.annotations.filter((a) => a.id !== 'id000003'), ann('newnewne', 5500)];
    const d2 = diffLines(text, serializeSidecar('doc.txt', changed, ok(text).yaml));
    assert.ok(d2.added.every((l) => /newnewne|quote newnewne|start: 5500|end: 5510|tags|prefix|suffix|created/.test(l)), d2.added.join('\n'));
    // (Lines shared by all entries, such as the tags, cancel out in this line count.)
    assert.deepEqual(d2.added, ['  - id: newnewne', '    quote: quote newnewne', '    start: 5500', '    end: 5510']);
    assert.deepEqual(d2.removed, ['  - id: id000003', '    quote: quote id000003', '    start: 3000', '    end: 3010']);
  });

  it('two annotators of one document merge cleanly in git', function () {
    this.timeout(20_000);
    const { dir, file, git } = repoWith(serializeSidecar('doc.txt', [ann('aaaaaaaa', 100), ann('bbbbbbbb', 2000), ann('cccccccc', 4000)]));
    try {
      git('checkout', '-q', '-b', 'alice');
      let p = ok(readFileSync(file, 'utf8'));
      writeFileSync(file, serializeSidecar('doc.txt', [...p.annotations, ann('a1111111', 1000, { tags: ['verwijzing'] })], p.yaml));
      git('commit', '-q', '-am', 'alice');
      git('checkout', '-q', 'main');
      git('checkout', '-q', '-b', 'bob');
      p = ok(readFileSync(file, 'utf8'));
      const bobs = p.annotations.map((a) => (a.id === 'cccccccc' ? { ...a, note: 'bob was hier' } : a));
      writeFileSync(file, serializeSidecar('doc.txt', [...bobs, ann('b2222222', 3000, { tags: ['nieuwe informatie'] })], p.yaml));
      git('commit', '-q', '-am', 'bob');
      git('checkout', '-q', 'alice');
      git('merge', '-q', '--no-edit', 'bob'); // throws on a conflict
      const merged = ok(readFileSync(file, 'utf8'));
      assert.deepEqual(merged.annotations.map((a) => a.id), ['aaaaaaaa', 'a1111111', 'bbbbbbbb', 'b2222222', 'cccccccc']);
      assert.equal(merged.annotations[4].note, 'bob was hier');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two annotators who change the same note get a git conflict, reported as one', function () {
    this.timeout(20_000);
    const { dir, file, git } = repoWith(serializeSidecar('doc.txt', [ann('aaaaaaaa', 100), ann('cccccccc', 4000)]));
    try {
      git('config', 'merge.conflictStyle', 'diff3');
      for (const [branch, note] of [['alice', 'volgens alice'], ['bob', 'volgens bob']]) {
        git('checkout', '-q', '-b', branch, 'main');
        const p = ok(readFileSync(file, 'utf8'));
        writeFileSync(file, serializeSidecar('doc.txt', p.annotations.map((a) => (a.id === 'cccccccc' ? { ...a, note } : a)), p.yaml));
        git('commit', '-q', '-am', branch);
      }
      git('checkout', '-q', 'alice');
      assert.throws(() => git('merge', '-q', '--no-edit', 'bob'), 'git reports the conflict');
      const text = readFileSync(file, 'utf8');
      const marker = text.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1;
      assert.ok(marker > 0, text);
      const p = parseSidecar(text);
      assert.deepEqual(p.problems.map((x) => [x.issue.kind, x.line]), [['mergeConflict', marker]]);
      assert.match(p.problems[0].message, /merge conflict/);
      assert.deepEqual(p.annotations, []);
      // The same with CRLF line ends (a Windows checkout).
      assert.deepEqual(parseSidecar(text.replace(/\n/g, '\r\n')).problems.map((x) => [x.issue.kind, x.line]), [['mergeConflict', marker]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('conflict markers count only as a pair at line starts in a file YAML cannot read', () => {
    const valid = serializeSidecar('doc.txt', [ann('aaaaaaaa', 100, { note: '<<<<<<< geen conflict\n>>>>>>> ook niet' })]);
    assert.deepEqual(ok(valid).annotations[0].note, '<<<<<<< geen conflict\n>>>>>>> ook niet');
    const opened = 'version: 2\ndocument: doc.txt\n<<<<<<< HEAD\nannotations: []\n';
    assert.deepEqual(parseSidecar(opened).problems.map((x) => x.issue.kind), ['yaml'], 'no closing marker: what YAML says');
  });

  describe('bad input: problems name the line, valid entries survive', () => {
    const entry = (id: string, start = 1) => [`  - id: ${id}`, '    tags: [t]', '    quote: q', `    start: ${start}`, `    end: ${start + 1}`];
    const file = (...lines: string[]) => lines.join('\n') + '\n';

    it('not YAML', () => {
      const p = parseSidecar(file('version: 1', 'annotations:', '  - id: [unclosed', '    tags: x'));
      assert.ok(p.problems.length > 0);
      assert.ok(p.problems[0].line !== undefined && p.problems[0].line >= 3, JSON.stringify(p.problems));
    });

    it('the wrong shape', () => {
      assert.equal(parseSidecar('- just\n- a list\n').problems[0].line, 1);
      assert.match(parseSidecar('').problems[0].message, /empty/);
      const p = parseSidecar(file('version: 1', 'annotations: nope'));
      assert.deepEqual(p.problems.map((x) => x.line), [2]);
    });

    it('an unknown or missing version', () => {
      const p = parseSidecar(file('version: 3', 'annotations:', ...entry('a')));
      assert.match(p.problems[0].message, /unknown version 3/);
      assert.equal(p.problems[0].line, 1);
      assert.equal(p.annotations.length, 1, 'valid entries are still shown');
      assert.match(parseSidecar(file('annotations:', ...entry('a'))).problems[0].message, /missing "version/);
    });

    it('duplicate ids', () => {
      const p = parseSidecar(file('version: 1', 'annotations:', ...entry('a'), ...entry('b', 5), ...entry('a', 9)));
      assert.deepEqual(p.problems, [{ issue: { kind: 'duplicateId', id: 'a', firstLine: 3 }, message: 'duplicate id "a" (first at line 3)', line: 13 }]);
      assert.deepEqual(p.annotations.map((a) => a.id), ['a', 'b']);
    });

    it('invalid entries', () => {
      const p = parseSidecar(file('version: 1', 'annotations:', ...entry('a'),
        '  - id: b', '    quote: q', '    start: -1', '    end: 2',
        '  - id: c', '    quote: q', '    start: 5', '    end: 2',
        '  - tags: [t]', '    quote: q', '    start: 1', '    end: 2',
        '  - id: d', '    tags: {a: 1}', '    quote: q', '    start: 1', '    end: 2',
        '  - id: e', '    start: 1', '    end: 2',
        '  - plain text'));
      assert.deepEqual(p.problems.map((x) => x.line), [8, 12, 16, 20, 25, 28]);
      assert.deepEqual(p.annotations.map((a) => a.id), ['a']);
    });

    it('custom tags, duplicate keys, alias bombs', () => {
      assert.match(parseSidecar(file('version: 1', 'annotations:', '  - !!js/function x')).problems[0].message, /tag/i);
      const custom = parseSidecar(file('version: 1', 'annotations:', '  - id: a', '    tags: !evil [t]', '    quote: q', '    start: 1', '    end: 2'));
      assert.equal(custom.problems[0].line, 4);
      assert.ok(parseSidecar(file('version: 1', 'version: 1')).problems.length > 0);
      const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 8; i++) bomb.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`).join(',')}]`);
      bomb.push('annotations:', ...entry('a'), '    extra: *i');
      const t0 = Date.now();
      const p = parseSidecar(file(...bomb));
      assert.ok(Date.now() - t0 < 1000);
      assert.ok(p.problems.some((x) => /alias/.test(x.message)), JSON.stringify(p.problems));
    });

    it('no prototype pollution', () => {
      const p = ok(file('version: 1', 'annotations:', '  - id: a', '    tags: [t]', '    quote: q', '    start: 1', '    end: 2', '    __proto__: {polluted: true}'));
      assert.equal(p.annotations.length, 1);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  });

  describe('line endings: the CRLF and the LF checkout of one commit', () => {
    // The seed with an emoji before everything; once with LF and once with CRLF line breaks.
    const lfText = `😀 ${seed('000')}`;
    const crlfText = lfText.replace(/\n/g, '\r\n');
    const QUOTES = [
      'Zijn er op uw ministerie bijeenkomsten georganiseerd op departementaal \nniveau',
      'Er zijn geen formele bijeenkomsten georganiseerd door het ministerie of op \nDG-niveau.',
      'Is het waar dat tijdens deze bijeenkomsten',
    ];
    const inText = (text: string, quote: string): string => (text.includes('\r\n') ? quote.replace(/\n/g, '\r\n') : quote);
    /** The entries the editor writes for the quotes in `text`: `createAnnotation` with UTF-16 offsets, as the store does. */
    function entriesFor(text: string): Annotation[] {
      return QUOTES.map((q, i) => {
        const quote = inText(text, q);
        const start = text.indexOf(quote);
        assert.ok(start >= 0, q);
        return createAnnotation(text, start, start + quote.length, { id: `0000000${i}`, tags: ['toezegging'], created: '2026-11-23T12:00:00Z' });
      });
    }
    /** What version 1 wrote for the same quotes: code points of the text as it is, CRLF in quotes. */
    function version1For(text: string): string {
      const index = new CodePointIndex(text);
      const entries = QUOTES.map((q, i) => {
        const quote = inText(text, q);
        const start = text.indexOf(quote);
        return {
          id: `0000000${i}`, tags: ['toezegging'], created: '2026-11-23T12:00:00Z', ...contextOf(text, start, start + quote.length),
          start: index.toCodePoint(start), end: index.toCodePoint(start + quote.length),
        };
      });
      const out = serializeSidecar('doc.txt', entries).replace(/^version: 2\n/, 'version: 1\n');
      assert.ok(out.startsWith('version: 1\n'));
      return out;
    }
    /** Places a sidecar's entries in a text and checks each lands exactly on its quote. */
    function assertPlaced(sidecar: string, text: string): void {
      const parsed = ok(sidecar);
      const positions = new TextPositions(text);
      const found = anchorEntries(positions, migrateEntries(parsed.annotations, parsed.version, positions));
      QUOTES.forEach((q, i) => {
        const f = found[i];
        assert.ok(f, q);
        assert.equal(text.slice(f.start, f.end), inText(text, q));
        assert.equal(f.method, 'exact', 'found where the stored position says');
      });
    }

    it('writes byte-identical sidecars for the same annotations on CRLF and LF text', () => {
      const fromLf = serializeSidecar('doc.txt', entriesFor(lfText));
      const fromCrlf = serializeSidecar('doc.txt', entriesFor(crlfText));
      assert.equal(fromCrlf, fromLf);
      assert.ok(!fromLf.includes('\r') && !fromLf.includes('\\r'), 'no CR in the file, nor in quotes or context');
      assert.deepEqual(ok(fromLf).annotations.map((a) => a.quote), QUOTES);
      // The one file places every annotation exactly in either checkout.
      assertPlaced(fromLf, lfText);
      assertPlaced(fromLf, crlfText);
    });

    it('keeps a sidecar that git checked out with CRLF in CRLF, rewriting only changed lines', () => {
      const lfFile = serializeSidecar('doc.txt', entriesFor(lfText));
      const crlfFile = lfFile.replace(/\n/g, '\r\n');
      const p = ok(crlfFile);
      assert.equal(p.lineEnding, '\r\n');
      assert.equal(ok(lfFile).lineEnding, '\n');
      assert.deepEqual(p.annotations, ok(lfFile).annotations);
      // Unchanged: byte for byte.
      assert.equal(serializeSidecar('doc.txt', p.annotations, p.yaml, { lineEnding: p.lineEnding }), crlfFile);
      // One note added: one line added, CRLF like the rest; no bare LF anywhere.
      const edited = p.annotations.map((a, i) => (i === 1 ? { ...a, note: 'ontwijkend' } : a));
      const next = serializeSidecar('doc.txt', edited, ok(crlfFile).yaml, { lineEnding: p.lineEnding });
      assert.doesNotMatch(next, /[^\r]\n/);
      assert.deepEqual(diffLines(crlfFile, next, '\r\n'), { added: ['    note: ontwijkend'], removed: [] });
    });

    it('keeps a byte order mark at the start of the file, and reads the file as without it', () => {
      const file = serializeSidecar('doc.txt', entriesFor(lfText));
      const p = ok(`\uFEFF${file}`);
      assert.equal(p.bom, true);
      assert.equal(ok(file).bom, false);
      assert.deepEqual(p.annotations, ok(file).annotations);
      assert.equal(serializeSidecar('doc.txt', p.annotations, p.yaml, { lineEnding: p.lineEnding, bom: p.bom }), `\uFEFF${file}`);
      // Problems name the same lines with the mark as without it.
      const broken = file.replace('start: ', 'start: x');
      const lines = (t: string): (number | undefined)[] => parseSidecar(t).problems.map((x) => x.line);
      assert.ok(lines(broken).length > 0 && lines(broken)[0] !== undefined, JSON.stringify(parseSidecar(broken).problems));
      assert.deepEqual(lines(`\uFEFF${broken}`), lines(broken));
    });

    it('reads version 1 (a CRLF counted as two) and places it exactly', () => {
      for (const text of [lfText, crlfText]) {
        const v1 = version1For(text);
        const p = ok(v1);
        assert.equal(p.version, 1);
        // Migrated for the text it was written for: the positions and quotes version 2 writes for
        // that text; the context is as long as it was (32 UTF-16 units of the CRLF text), a part of
        // the new one, until the next write takes it from the text again.
        const migrated = migrateEntries(p.annotations, p.version, new TextPositions(text));
        const current = entriesFor(text);
        migrated.forEach((m, i) => {
          const { prefix, suffix, ...rest } = m;
          const { prefix: prefix2, suffix: suffix2, ...rest2 } = current[i];
          assert.deepEqual(rest, rest2);
          assert.ok(prefix2.endsWith(prefix) && suffix2.startsWith(suffix) && prefix.length > 20 && suffix.length > 20, `${prefix} | ${suffix}`);
          assert.ok(!prefix.includes('\r') && !suffix.includes('\r') && !m.quote.includes('\r'));
        });
        assertPlaced(v1, text);
      }
      // The old offsets of the CRLF copy really were different.
      assert.notDeepEqual(ok(version1For(crlfText)).annotations.map((a) => a.start), entriesFor(lfText).map((a) => a.start));
    });

    it('migrates version 1 on the first write: the CRLF copy then writes what the LF copy writes', () => {
      for (const text of [lfText, crlfText]) {
        const v1 = version1For(text);
        const p = ok(v1);
        // What the store writes: placed entries described by the current text, one note changed.
        const positions = new TextPositions(text);
        const migrated = migrateEntries(p.annotations, p.version, positions);
        const found = anchorEntries(positions, migrated);
        const entries = migrated.map((a, i) => ({
          ...a, ...positions.selector(found[i]?.start ?? -1, found[i]?.end ?? -1), ...(i === 0 ? { note: 'eerste wijziging' } : {}),
        }));
        const written = serializeSidecar('doc.txt', entries, p.yaml);
        const fresh = serializeSidecar('doc.txt', entriesFor(lfText).map((a, i) => (i === 0 ? { ...a, note: 'eerste wijziging' } : a)));
        assert.equal(written, fresh, text === lfText ? 'LF' : 'CRLF');
        assert.equal(ok(written).version, 2);
      }
      // For an LF text the two versions mean the same: only the version line and the change differ.
      const v1 = version1For(lfText);
      const p = ok(v1);
      const next = serializeSidecar('doc.txt', p.annotations.map((a, i) => (i === 0 ? { ...a, note: 'x' } : a)), p.yaml);
      assert.deepEqual(diffLines(v1, next), { added: ['version: 2', '    note: x'], removed: ['version: 1'] });
    });

    it('keeps a comment on the version line when it upgrades the version', () => {
      const v1 = version1For(lfText).replace('version: 1\n', 'version: 1 # formaat\n');
      const p = ok(v1);
      assert.match(serializeSidecar('doc.txt', p.annotations, p.yaml), /^version: 2 # formaat\n/);
    });

    it('a version 1 sidecar of an older CRLF text still re-anchors in the new text', () => {
      const v1 = version1For(crlfText);
      const changed = crlfText.replace('Vraag 1 en 2', 'Inleiding die er later bij kwam.\r\n\r\nVraag 1 en 2');
      const p = ok(v1);
      const positions = new TextPositions(changed);
      const found = anchorEntries(positions, migrateEntries(p.annotations, p.version, positions));
      QUOTES.forEach((q, i) => assert.equal(found[i] && changed.slice(found[i].start, found[i].end), inText(changed, q), q));
    });
  });
});
