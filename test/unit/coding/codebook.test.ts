import * as assert from 'node:assert/strict';
import {
  type Code, mergeTagDefinitions, normalizeColor, parseCodebook, serializeCodebook, tagsMissingFromCodebook,
} from '../../../src/core/coding/codebook';
import { diffLines } from '../annotations/lineDiff';

const file = (...lines: string[]) => lines.join('\n') + '\n';

const SAMPLE = file(
  '# Codeboek Kamervragen',
  'version: 1',
  'codes:',
  '  - name: antwoord/ontwijkend # kernbegrip',
  '    description: De vraag wordt niet of maar half beantwoord',
  '    color: "#EF6C00"',
  '    memo: Alleen bij een ja/nee-vraag.',
  '    reviewed: 2026-01-05',
  '  - name: toezegging',
  '    color: "#2e7d32"',
);

function ok(text: string): ReturnType<typeof parseCodebook> {
  const p = parseCodebook(text);
  assert.deepEqual(p.problems, [], text);
  return p;
}

describe('coding: the codebook file', () => {
  it('reads codes with their fields and lines', () => {
    const p = ok(SAMPLE);
    assert.equal(p.version, 1);
    assert.deepEqual(p.codes, [
      { name: 'antwoord/ontwijkend', description: 'De vraag wordt niet of maar half beantwoord', color: '#ef6c00', memo: 'Alleen bij een ja/nee-vraag.', line: 4 },
      { name: 'toezegging', color: '#2e7d32', line: 9 },
    ]);
    assert.deepEqual(ok('').codes, [], 'an empty file is an empty codebook');
    assert.deepEqual(ok('version: 1\n').codes, []);
    assert.equal(ok('\uFEFF' + SAMPLE).bom, true);
    assert.equal(ok(SAMPLE.replace(/\n/g, '\r\n')).lineEnding, '\r\n');
    assert.equal(normalizeColor('#AbC'), '#aabbcc');
    assert.equal(normalizeColor('red'), undefined);
  });

  describe('problems name their line, valid codes survive', () => {
    const lines = (text: string) => parseCodebook(text).problems.map((x) => [x.issue.kind, x.line]);

    it('the wrong shape and version', () => {
      assert.deepEqual(lines('- a\n- b\n'), [['notMapping', 1]]);
      assert.deepEqual(lines(file('version: 1', 'codes: nope')), [['codesNotList', 2]]);
      assert.deepEqual(lines(file('codes: []')), [['missingVersion', 1]]);
      const future = parseCodebook(file('version: 7', 'codes:', '  - name: a'));
      assert.deepEqual(future.problems.map((x) => [x.issue.kind, x.line]), [['unknownVersion', 1]]);
      assert.match(future.problems[0].message, /unknown version 7/);
      assert.deepEqual(future.codes.map((c) => c.name), ['a'], 'codes are still shown');
    });

    it('bad codes', () => {
      const p = parseCodebook(file('version: 1', 'codes:',
        '  - name: a',
        '  - description: zonder naam',
        '  - name: a//b',
        '  - name: " a "',
        '  - plain text',
        '  - name: b',
        '    color: rood',
        '    memo: [een, lijst]',
        '  - name: c',
        '    color: #ef6c00'));
      assert.deepEqual(p.problems.map((x) => [x.issue.kind, x.line]), [
        ['missingName', 4], ['invalidName', 5], ['duplicateName', 6], ['codeNotMapping', 7], ['fieldNotText', 10], ['invalidColor', 9], ['colorNotQuoted', 12],
      ]);
      assert.equal(p.problems[2].message, 'duplicate code "a" (first at line 3)');
      assert.equal(p.problems[6].message, 'code "c": put the colour in quotes, color: "#ef6c00" (without them # starts a comment)');
      assert.deepEqual(p.codes.map((c) => c.name), ['a', 'b', 'c'], 'a code with a bad field is kept without it');
      assert.deepEqual(p.codes[1], { name: 'b', line: 8 });
    });

    it('an unresolved git merge conflict is reported as one, at its first marker', () => {
      const conflict = file('version: 1', 'codes:', '<<<<<<< HEAD', '  - name: a', '=======', '  - name: b', '>>>>>>> theirs');
      const p = parseCodebook(conflict);
      assert.deepEqual(p.problems.map((x) => [x.issue.kind, x.line]), [['mergeConflict', 3]]);
      assert.match(p.problems[0].message, /merge conflict/);
      assert.deepEqual(p.codes, []);
      assert.deepEqual(lines(conflict.replace(/\n/g, '\r\n')), [['mergeConflict', 3]]);
    });

    it('YAML errors, custom tags, aliases', () => {
      const broken = parseCodebook(file('version: 1', 'codes:', '  - name: [unclosed'));
      assert.ok(broken.problems.length > 0 && broken.problems[0].issue.kind === 'yaml' && broken.problems[0].line !== undefined && broken.problems[0].line >= 3, JSON.stringify(broken.problems));
      assert.ok(lines(file('version: 1', 'codes:', '  - !!js/function x')).some((x) => x[0] === 'unsupportedTag'));
      const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 8; i++) bomb.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`).join(',')}]`);
      bomb.push('codes:', '  - name: a', '    memo: *i');
      const bombed = parseCodebook(file(...bomb));
      assert.ok(bombed.problems.some((x) => /alias/i.test(x.message)), JSON.stringify(bombed.problems));
      assert.deepEqual(bombed.codes, [], 'the code that uses the bomb is not read');
    });
  });

  describe('writing with minimal diffs', () => {
    it('unchanged: byte for byte, with CRLF and a byte order mark too', () => {
      const p = ok(SAMPLE);
      assert.equal(serializeCodebook(p.codes, p.yaml), SAMPLE);
      const crlf = '\uFEFF' + SAMPLE.replace(/\n/g, '\r\n');
      const q = ok(crlf);
      assert.equal(serializeCodebook(q.codes, q.yaml, { lineEnding: q.lineEnding, bom: q.bom }), crlf);
    });

    it('a changed field changes its line; a new code adds its lines; a removed field its line', () => {
      const p = ok(SAMPLE);
      const edited: Code[] = [{ ...p.codes[0], description: 'Ontwijkend' }, p.codes[1]];
      assert.deepEqual(diffLines(SAMPLE, serializeCodebook(edited, ok(SAMPLE).yaml)), {
        added: ['    description: Ontwijkend'], removed: ['    description: De vraag wordt niet of maar half beantwoord'],
      });
      const added = [...p.codes, { name: 'verwijzing', description: 'Verwijst naar een ander stuk', color: '#1565c0' }];
      assert.deepEqual(diffLines(SAMPLE, serializeCodebook(added, ok(SAMPLE).yaml)), {
        added: ['  - name: verwijzing', '    description: Verwijst naar een ander stuk', '    color: "#1565c0"'], removed: [],
      });
      const noMemo: Code = { ...p.codes[0], memo: undefined };
      assert.deepEqual(diffLines(SAMPLE, serializeCodebook([noMemo, p.codes[1]], ok(SAMPLE).yaml)), { added: [], removed: ['    memo: Alleen bij een ja/nee-vraag.'] });
      const withMemo = [p.codes[0], { ...p.codes[1], description: 'Belofte' }];
      const next = serializeCodebook(withMemo, ok(SAMPLE).yaml);
      assert.match(next, / {2}- name: toezegging\n {4}description: Belofte\n {4}color: "#2e7d32"\n/, 'a new field goes where it belongs');
      // A colour written in capitals is the same colour: untouched.
      assert.ok(next.includes('color: "#EF6C00"'));
    });

    it('a new codebook, read back the same', () => {
      const codes: Code[] = [{ name: 'antwoord/ontwijkend', color: '#ef6c00', memo: 'Regel 1\nRegel 2: "citaat" # geen commentaar' }, { name: 'toezegging' }];
      const text = serializeCodebook(codes);
      assert.match(text, /^version: 1\ncodes:\n {2}- name: antwoord\/ontwijkend\n/);
      assert.deepEqual(ok(text).codes.map(({ line: _line, ...c }) => c), codes);
      assert.deepEqual(ok(serializeCodebook(codes, ok('').yaml)).codes.map((c) => c.name), ['antwoord/ontwijkend', 'toezegging'], 'over an empty file');
    });
  });

  describe('with the kamerstukken.tags setting', () => {
    it('codebook first, then the setting\'s other tags; missing fields filled from the setting', () => {
      const merged = mergeTagDefinitions(
        [{ name: 'toezegging', description: 'Uit het codeboek' }, { name: 'antwoord/ontwijkend', color: '#ef6c00' }],
        [
          { name: 'ontwijkend antwoord', color: '#ABC' },
          { name: 'toezegging', color: '#2e7d32', description: 'Uit de instelling' },
          { name: 'antwoord / ontwijkend', color: '#000000', description: 'Uit de instelling' },
          { name: 'a//b' },
          { name: 'verwijzing', color: 'blauw' },
        ],
      );
      assert.deepEqual(merged, [
        { name: 'toezegging', description: 'Uit het codeboek', color: '#2e7d32', source: 'codebook' },
        { name: 'antwoord/ontwijkend', description: 'Uit de instelling', color: '#ef6c00', source: 'codebook' },
        { name: 'ontwijkend antwoord', color: '#aabbcc', source: 'settings' },
        { name: 'verwijzing', source: 'settings' },
      ]);
    });

    it('lists the tags in use that the codebook does not define', () => {
      const missing = tagsMissingFromCodebook(
        ['toezegging', 'antwoord', 'antwoord / ontwijkend', 'nieuw', 'nieuw', 'Antwoord/anders', ' '],
        [{ name: 'toezegging' }, { name: 'antwoord/ontwijkend' }],
      );
      assert.deepEqual(missing, ['Antwoord/anders', 'antwoord', 'nieuw']);
    });
  });
});
