import * as assert from 'node:assert/strict';
import { isMap } from 'yaml';
import { parseSidecar } from '../../../src/core/annotations/sidecar';
import { parseCodebook } from '../../../src/core/coding/codebook';
import { lineEndingOf, loadYaml, mergeConflictOffset, plainValue, readVersion } from '../../../src/core/util/yamlFile';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const kinds = (problems: readonly { issue: { kind: string }; line?: number }[]): [string, number | undefined][] =>
  problems.map((p) => [p.issue.kind, p.line]);

describe('yamlFile', () => {
  it('line ending: the first line break\'s; a merge conflict needs both its markers at a line start', () => {
    assert.equal(lineEndingOf('a\r\nb\n'), '\r\n');
    assert.equal(lineEndingOf('a\nb\r\n'), '\n');
    assert.equal(lineEndingOf('no break'), '\n');
    assert.equal(mergeConflictOffset('a: 1\n<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n'), 5);
    assert.equal(mergeConflictOffset('a: 1\n<<<<<<< ours\nb\n'), undefined);
    assert.equal(mergeConflictOffset('x <<<<<<< y\n>>>>>>> z\n'), undefined);
  });

  it('a byte order mark is noted and skipped; a text over the limit is refused unread', () => {
    const loaded = loadYaml('\uFEFFa: 1\r\nb: 2\r\n', 100);
    assert.equal(loaded.bom, true);
    assert.equal(loaded.lineEnding, '\r\n');
    assert.equal(loaded.lineText(2), 'b: 2');
    assert.ok(loaded.doc && isMap(loaded.doc.contents));
    assert.deepEqual(loaded.problems, []);
    const large = loadYaml('a: 1\n'.repeat(10), 20);
    assert.equal(large.doc, undefined);
    assert.equal(large.fatal, true);
    assert.deepEqual(kinds(large.problems), [['tooLarge', undefined]]);
  });

  it('an unsupported tag (after the YAML library\'s warning) is fatal by default, a problem only with tagIsFatal: false', () => {
    const text = lines('a: !!js/function x', 'b: 2');
    assert.deepEqual(kinds(loadYaml(text, 1000).problems), [['yaml', 1], ['unsupportedTag', 1]]);
    assert.equal(loadYaml(text, 1000).fatal, true);
    assert.deepEqual(kinds(loadYaml(text, 1000, { tagIsFatal: false }).problems), [['yaml', 1], ['unsupportedTag', 1]]);
    assert.equal(loadYaml(text, 1000, { tagIsFatal: false }).fatal, false);
  });

  it('broken YAML: aliases and tags checked as well by default, the errors alone with checkBrokenYaml: false', () => {
    const text = lines('a: !!js/function x', 'b: [1');
    const all = loadYaml(text, 1000);
    assert.equal(all.fatal, true);
    assert.deepEqual(all.problems.map((p) => p.issue.kind).filter((k) => k !== 'yaml'), ['unsupportedTag']);
    const errorsOnly = loadYaml(text, 1000, { checkBrokenYaml: false });
    assert.equal(errorsOnly.fatal, true);
    assert.ok(errorsOnly.problems.length > 0);
    assert.ok(errorsOnly.problems.every((p) => p.issue.kind === 'yaml'));
  });

  it('each caller keeps its strictness: the sidecar reads on past a tag and reports the YAML errors alone; the codebook stops at a tag and reports both', () => {
    const tagged = lines('version: 1', 'annotations:', '  - id: a', '    tags: !foo [x]', '    quote: q', '    start: 0', '    end: 1');
    const sidecar = parseSidecar(tagged);
    assert.deepEqual(sidecar.problems.map((p) => p.issue.kind), ['yaml', 'unsupportedTag']);
    assert.deepEqual(sidecar.annotations.map((a) => a.id), ['a']);
    const codebook = parseCodebook(lines('version: 1', 'codes:', '  - name: a', '    memo: !foo x'));
    assert.deepEqual(codebook.problems.map((p) => p.issue.kind), ['yaml', 'unsupportedTag']);
    assert.deepEqual(codebook.codes, []);

    const broken = (list: string): string => lines('version: 1', `${list}:`, '  - !!js/function x', 'bad: [1');
    assert.ok(parseSidecar(broken('annotations')).problems.every((p) => p.issue.kind === 'yaml'));
    assert.ok(parseCodebook(broken('codes')).problems.some((p) => p.issue.kind === 'unsupportedTag'));
  });

  it('an alias bomb: too many aliases, at the first alias past the limit; a node without aliases as plain data', () => {
    const text = lines('x: &a [1]', `y: [${Array.from({ length: 101 }, () => '*a').join(', ')}]`);
    const loaded = loadYaml(text, 100_000);
    assert.equal(loaded.fatal, true);
    assert.deepEqual(kinds(loaded.problems), [['tooManyAliases', 2]]);
    const plain = loadYaml(lines('x: [1]', 'y: {z: a}'), 1000);
    assert.ok(plain.doc);
    assert.deepEqual(plainValue(plain.doc.contents, plain.doc), { value: { x: [1], y: { z: 'a' } } });
    assert.deepEqual(plainValue('not a node', plain.doc), { value: 'not a node' });
  });

  it('anchors and aliases within the limit: an entry with an anchor, and another that repeats it, are read as plain data', () => {
    const text = lines('version: 2', 'document: x.txt', 'annotations:',
      '  - id: a', '    tags: &t [toezegging]', '    quote: q', '    start: 1', '    end: 2',
      '  - id: b', '    tags: *t', '    quote: r', '    start: 3', '    end: 4');
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.annotations.map((a) => [a.id, a.tags]), [['a', ['toezegging']], ['b', ['toezegging']]]);
    const loaded = loadYaml(lines('x: &a [1]', 'y: *a'), 1000);
    assert.ok(loaded.doc && isMap(loaded.doc.contents));
    assert.deepEqual(plainValue(loaded.doc.contents.get('y', true), loaded.doc), { value: [1] });
  });

  it('version: one it reads as itself; missing at line 1; anything else at its own line, the current version assumed', () => {
    const doc = (text: string) => {
      const loaded = loadYaml(text, 1000);
      assert.ok(loaded.doc && isMap(loaded.doc.contents));
      return readVersion(loaded.doc.contents.get('version', true), 2, [1, 2], loaded.nodeLine);
    };
    assert.deepEqual(doc('version: 1\n'), { version: 1 });
    assert.deepEqual(doc('a: 1\n'), { version: 2, problem: { issue: { kind: 'missingVersion', version: 2 }, line: 1 } });
    assert.deepEqual(doc('a: 1\nversion: 3\n'), { version: 2, problem: { issue: { kind: 'unknownVersion', found: '3', readable: [1, 2] }, line: 2 } });
    assert.deepEqual(doc('version: "2"\n'), { version: 2, problem: { issue: { kind: 'unknownVersion', found: '"2"', readable: [1, 2] }, line: 1 } });
    assert.deepEqual(doc('version:\n'), { version: 2, problem: { issue: { kind: 'unknownVersion', found: 'null', readable: [1, 2] }, line: 1 } });
  });
});
