import * as assert from 'node:assert/strict';
import { type Annotation, createAnnotation } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { diffLines } from '../annotations/lineDiff';

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

/** What the editor's store hands to `serializeSidecar`: the fields it knows, no coder. */
function withoutCoder(a: Annotation): Annotation {
  type Mutable = { -readonly [K in keyof Annotation]: Annotation[K] };
  const rest: Mutable = { ...a };
  delete rest.coder;
  return rest;
}

describe('coding: the coder and memo fields of the sidecar', () => {
  describe('coder', () => {
    it('is written after created, read back, and absent where not given', () => {
      const text = serializeSidecar('doc.txt', [ann('aaaaaaaa', 10, { coder: 'anna' }), ann('bbbbbbbb', 50)]);
      assert.match(text, /created: 2026-11-23T12:00:00Z\n {4}coder: anna\n {2}- id: bbbbbbbb/);
      const p = ok(text);
      assert.equal(p.annotations[0].coder, 'anna');
      assert.ok(!('coder' in p.annotations[1]), 'no coder: no field');
      assert.equal(serializeSidecar('doc.txt', p.annotations, p.yaml), text, 'unchanged: byte for byte');
    });

    it('createAnnotation carries it', () => {
      const a = createAnnotation('Een korte tekst.', 4, 10, { id: 'aaaaaaaa', tags: ['t'], created: 'x', coder: 'bert' });
      assert.equal(a.coder, 'bert');
    });

    it('entries without a coder stay valid and are written back byte for byte next to coded ones', () => {
      const base = serializeSidecar('doc.txt', [ann('aaaaaaaa', 10), ann('bbbbbbbb', 50), ann('cccccccc', 90)]);
      const p = ok(base);
      const next = serializeSidecar('doc.txt', p.annotations.map((a) => (a.id === 'bbbbbbbb' ? { ...a, coder: 'anna' } : a)), p.yaml);
      assert.deepEqual(diffLines(base, next), { added: ['    coder: anna'], removed: [] });
    });

    it('a write that does not carry the coder keeps it; an empty coder removes it; a new coder changes one line', () => {
      const base = serializeSidecar('doc.txt', [ann('aaaaaaaa', 10, { coder: 'anna' }), ann('bbbbbbbb', 50, { coder: 'bert' })]);
      const p = ok(base);
      // The store builds entries from the fields it knows: the coder is not among them.
      const noted = p.annotations.map((a, i) => (i === 0 ? { ...withoutCoder(a), note: 'nieuw' } : withoutCoder(a)));
      assert.deepEqual(diffLines(base, serializeSidecar('doc.txt', noted, ok(base).yaml)), { added: ['    note: nieuw'], removed: [] });
      const cleared = p.annotations.map((a, i) => (i === 1 ? { ...a, coder: '' } : a));
      assert.deepEqual(diffLines(base, serializeSidecar('doc.txt', cleared, ok(base).yaml)), { added: [], removed: ['    coder: bert'] });
      const changed = p.annotations.map((a, i) => (i === 1 ? { ...a, coder: 'carla' } : a));
      assert.deepEqual(diffLines(base, serializeSidecar('doc.txt', changed, ok(base).yaml)), { added: ['    coder: carla'], removed: ['    coder: bert'] });
    });

    it('reads a number as a name, trims it, and reports anything else at its entry', () => {
      const file = (coder: string) => ['version: 2', 'annotations:', '  - id: a', '    tags: [t]', '    quote: q', '    start: 1', '    end: 2', `    coder: ${coder}`, ''].join('\n');
      assert.equal(ok(file('42')).annotations[0].coder, '42');
      assert.equal(ok(file('"  anna "')).annotations[0].coder, 'anna');
      assert.ok(!('coder' in ok(file('""')).annotations[0]));
      const bad = parseSidecar(file('[anna, bert]'));
      assert.deepEqual(bad.problems.map((x) => [x.issue.kind, x.line, x.message]), [['fieldType', 3, 'annotation a: "coder" must be text']]);
      assert.deepEqual(bad.annotations, []);
    });
  });

  describe('memo', () => {
    const base = serializeSidecar('doc.txt', [ann('aaaaaaaa', 10), ann('bbbbbbbb', 50)]);

    it('is absent until set; set, it goes before the annotations and reads back', () => {
      assert.equal(ok(base).memo, undefined);
      const p = ok(base);
      const next = serializeSidecar('doc.txt', p.annotations, p.yaml, { memo: 'Eerste lezing: ontwijkend.' });
      assert.match(next, /^version: 2\ndocument: doc\.txt\nmemo: "Eerste lezing: ontwijkend\."\nannotations:\n/);
      assert.deepEqual(diffLines(base, next), { added: ['memo: "Eerste lezing: ontwijkend."'], removed: [] });
      const multi = serializeSidecar('doc.txt', p.annotations, ok(base).yaml, { memo: 'Eerste alinea.\n\nTweede: "citaat" # geen commentaar' });
      assert.equal(ok(multi).memo, 'Eerste alinea.\n\nTweede: "citaat" # geen commentaar');
      assert.ok(multi.endsWith(base.slice(base.indexOf('annotations:'))), 'the annotations untouched');
      // A new sidecar with a memo.
      assert.equal(ok(serializeSidecar('doc.txt', [], undefined, { memo: 'Nog niets.' })).memo, 'Nog niets.');
    });

    it('changes in place (its comment stays), is left alone when not given, and an empty memo removes it', () => {
      const withMemo = base.replace('annotations:\n', 'memo: eerste versie # van Anna\nannotations:\n');
      const p = ok(withMemo);
      assert.equal(p.memo, 'eerste versie');
      assert.equal(serializeSidecar('doc.txt', p.annotations, p.yaml), withMemo, 'not given: untouched');
      const changed = serializeSidecar('doc.txt', p.annotations, ok(withMemo).yaml, { memo: 'tweede versie' });
      assert.deepEqual(diffLines(withMemo, changed), { added: ['memo: tweede versie # van Anna'], removed: ['memo: eerste versie # van Anna'] });
      assert.equal(serializeSidecar('doc.txt', p.annotations, ok(withMemo).yaml, { memo: '' }), base);
    });

    it('reads a number as written and reports a list or mapping at its line', () => {
      assert.equal(ok(base.replace('annotations:\n', 'memo: 2024\nannotations:\n')).memo, '2024');
      const bad = parseSidecar(base.replace('annotations:\n', 'memo:\n  - a\n  - b\nannotations:\n'));
      assert.deepEqual(bad.problems.map((x) => [x.issue.kind, x.line, x.message]), [['memoNotText', 4, '"memo" must be text']]);
    });
  });
});
