import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { parseCodebook } from '../../../src/core/coding/codebook';
import { planCodebookRename, planSidecarRename, renamedTag } from '../../../src/core/coding/rename';
import { diffLines } from '../annotations/lineDiff';

function ann(id: string, start: number, tags: string[], fields: Partial<Annotation> = {}): Annotation {
  return { id, tags, quote: `quote ${id}`, prefix: 'voor ', suffix: ' na', start, end: start + 10, created: '2026-11-23T12:00:00Z', ...fields };
}

function planned<P>(plan: { ok: true; text: string; changed: number } | { ok: false; problems: readonly P[] }): { text: string; changed: number } {
  assert.ok(plan.ok, JSON.stringify(plan));
  return plan;
}

describe('coding: renaming and merging tags', () => {
  it('maps a tag and its children; leaves others alone', () => {
    const r = { from: 'antwoord', to: 'reactie' };
    assert.equal(renamedTag('antwoord', r), 'reactie');
    assert.equal(renamedTag('antwoord/ontwijkend', r), 'reactie/ontwijkend');
    assert.equal(renamedTag(' antwoord / ontwijkend ', r), 'reactie/ontwijkend');
    assert.equal(renamedTag('antwoorden', r), undefined);
    assert.equal(renamedTag('toezegging', r), undefined);
    assert.equal(renamedTag('a/b', { from: 'a', to: 'x/y' }), 'x/y/b', 'moved under another parent');
    assert.throws(() => planSidecarRename('version: 2\n', { from: 'a', to: 'a//b' }), RangeError);
  });

  describe('in a sidecar', () => {
    const entries = [
      ann('aaaaaaaa', 10, ['antwoord/ontwijkend']),
      ann('bbbbbbbb', 50, ['toezegging'], { coder: 'anna' }),
      ann('cccccccc', 90, ['antwoord/ontwijkend', 'toezegging'], { note: 'beide' }),
      ann('dddddddd', 130, ['antwoord']),
      ann('eeeeeeee', 170, ['verwijzing']),
    ];
    const base = serializeSidecar('doc.txt', entries);

    it('renames: only the affected entries\' tags lines change', () => {
      const { text, changed } = planned(planSidecarRename(base, { from: 'antwoord', to: 'reactie' }));
      assert.equal(changed, 3);
      assert.deepEqual(diffLines(base, text), {
        added: ['    tags: [reactie/ontwijkend]', '    tags: [reactie/ontwijkend, toezegging]', '    tags: [reactie]'],
        removed: ['    tags: [antwoord/ontwijkend]', '    tags: [antwoord/ontwijkend, toezegging]', '    tags: [antwoord]'],
      });
      const p = parseSidecar(text);
      assert.deepEqual(p.problems, []);
      assert.deepEqual(p.annotations.map((a) => a.tags), [['reactie/ontwijkend'], ['toezegging'], ['reactie/ontwijkend', 'toezegging'], ['reactie'], ['verwijzing']]);
      assert.equal(p.annotations[1].coder, 'anna');
    });

    it('merges into an existing tag: a duplicate in one entry appears once', () => {
      const { text, changed } = planned(planSidecarRename(base, { from: 'antwoord/ontwijkend', to: 'toezegging' }));
      assert.equal(changed, 2);
      assert.deepEqual(diffLines(base, text), {
        added: ['    tags: [toezegging]', '    tags: [toezegging]'],
        removed: ['    tags: [antwoord/ontwijkend]', '    tags: [antwoord/ontwijkend, toezegging]'],
      });
    });

    it('nothing to rename: the same text', () => {
      const plan = planned(planSidecarRename(base, { from: 'onbekend', to: 'iets' }));
      assert.equal(plan.changed, 0);
      assert.equal(plan.text, base);
      assert.equal(planned(planSidecarRename(base, { from: 'antwoord', to: ' antwoord ' })).changed, 0);
    });

    it('keeps hand-written form: block lists, a single tag, comments, CRLF, the byte order mark, version 1', () => {
      const hand = [
        '\uFEFF# handwerk',
        'version: 1',
        'document: doc.txt',
        'annotations:',
        '  - id: a',
        '    tags:',
        '      - antwoord   # eerst',
        '      - toezegging',
        '    quote: q',
        '    start: 1',
        '    end: 2',
        '  - id: b',
        '    tags: antwoord/ontwijkend',
        '    quote: q',
        '    start: 5',
        '    end: 6',
        '',
      ].join('\r\n');
      const { text, changed } = planned(planSidecarRename(hand, { from: 'antwoord', to: 'reactie' }));
      assert.equal(changed, 2);
      assert.ok(text.startsWith('\uFEFF# handwerk\r\nversion: 1\r\n'), text);
      assert.doesNotMatch(text, /[^\r]\n/);
      assert.deepEqual(diffLines(hand, text, '\r\n'), {
        added: ['      - reactie # eerst', '    tags: reactie/ontwijkend'],
        removed: ['      - antwoord   # eerst', '    tags: antwoord/ontwijkend'],
      });
    });

    it('never rewrites a sidecar with problems', () => {
      const conflict = base.replace('  - id: cccccccc', '<<<<<<< HEAD\n  - id: cccccccc').replace('  - id: dddddddd', '=======\n>>>>>>> other\n  - id: dddddddd');
      const plan = planSidecarRename(conflict, { from: 'antwoord', to: 'reactie' });
      assert.equal(plan.ok, false);
      assert.deepEqual(!plan.ok && plan.problems.map((x) => x.issue.kind), ['mergeConflict']);
      const invalid = planSidecarRename(base.replace('start: 90', 'start: -1'), { from: 'antwoord', to: 'reactie' });
      assert.deepEqual(!invalid.ok && invalid.problems.map((x) => [x.issue.kind, x.line]), [['fieldType', 21]]);
    });
  });

  describe('in the codebook', () => {
    const book = [
      'version: 1',
      'codes:',
      '  - name: antwoord # bovenste niveau',
      '    description: Elk antwoord',
      '  - name: antwoord/ontwijkend',
      '    color: "#ef6c00"',
      '    memo: Zie handleiding.',
      '  - name: reactie',
      '    color: "#123456"',
      '  - name: toezegging',
      '',
    ].join('\n');

    it('renames a code and its children in place; merging into an existing code keeps that one and fills its gaps', () => {
      const { text, changed } = planned(planCodebookRename(book, { from: 'antwoord', to: 'reactie' }));
      assert.equal(changed, 2);
      assert.equal(text, [
        'version: 1',
        'codes:',
        '  - name: reactie/ontwijkend',
        '    color: "#ef6c00"',
        '    memo: Zie handleiding.',
        '  - name: reactie',
        '    description: Elk antwoord',
        '    color: "#123456"',
        '  - name: toezegging',
        '',
      ].join('\n'));
      const p = parseCodebook(text);
      assert.deepEqual(p.problems, []);
      assert.deepEqual(p.codes.map(({ line: _line, ...c }) => c), [
        { name: 'reactie/ontwijkend', color: '#ef6c00', memo: 'Zie handleiding.' },
        { name: 'reactie', description: 'Elk antwoord', color: '#123456' },
        { name: 'toezegging' },
      ]);
    });

    it('a plain rename keeps the entry with its comment', () => {
      const { text, changed } = planned(planCodebookRename(book, { from: 'toezegging', to: 'belofte' }));
      assert.equal(changed, 1);
      assert.deepEqual(diffLines(book, text), { added: ['  - name: belofte'], removed: ['  - name: toezegging'] });
      const commented = planned(planCodebookRename(book, { from: 'antwoord', to: 'vraag' }));
      assert.ok(commented.text.includes('  - name: vraag # bovenste niveau'), commented.text);
    });

    it('never rewrites a codebook with problems', () => {
      const plan = planCodebookRename(book.replace('  - name: toezegging', '  - name: reactie'), { from: 'antwoord', to: 'x' });
      assert.deepEqual(!plan.ok && plan.problems.map((x) => x.issue.kind), ['duplicateName']);
    });
  });
});
