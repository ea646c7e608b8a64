import * as assert from 'node:assert/strict';
import { parseCodebook } from '../../../src/core/coding/codebook';
import { planAddCodes, planCodeMemo } from '../../../src/core/coding/codebookEdit';
import { diffLines } from '../annotations/lineDiff';

const file = (...lines: string[]) => lines.join('\n') + '\n';

const SAMPLE = file(
  '# Codeboek Kamervragen',
  'version: 1',
  'codes:',
  '  - name: antwoord/ontwijkend # kernbegrip',
  '    description: De vraag wordt niet of maar half beantwoord',
  '    color: "#EF6C00"',
  '    reviewed: 2026-01-05',
  '  - name: toezegging',
  '    color: "#2e7d32"',
);

function text(plan: ReturnType<typeof planAddCodes>): string {
  assert.ok(plan.ok, JSON.stringify(plan));
  return plan.text;
}

describe('coding: editing the codebook', () => {
  it('adds missing codes at the end, only their lines', () => {
    const plan = planAddCodes(SAMPLE, ['verwijzing/eerder antwoord', 'toezegging', ' antwoord / ontwijkend ']);
    assert.equal(plan.ok && plan.changed, 1);
    assert.equal(text(plan), SAMPLE + '  - name: verwijzing/eerder antwoord\n');
    assert.deepEqual(parseCodebook(text(plan)).problems, []);
  });

  it('leaves the text as it is when every code is there', () => {
    const plan = planAddCodes(SAMPLE, ['toezegging']);
    assert.deepEqual(plan, { ok: true, text: SAMPLE, changed: 0 });
  });

  it('creates a codebook when there is none, and fills an empty list', () => {
    assert.equal(text(planAddCodes(undefined, ['a/b', 'c'])), file('version: 1', 'codes:', '  - name: a/b', '  - name: c'));
    assert.equal(text(planAddCodes('', ['c'])), file('version: 1', 'codes:', '  - name: c'));
    assert.equal(text(planAddCodes('version: 1 # v\ncodes: []\n', ['c'])), file('version: 1 # v', 'codes:', '  - name: c'));
    assert.equal(text(planAddCodes('version: 1\n', ['c'])), file('version: 1', 'codes:', '  - name: c'));
  });

  it('keeps CRLF and a byte order mark', () => {
    const crlf = '\uFEFF' + SAMPLE.replace(/\n/g, '\r\n');
    assert.equal(text(planAddCodes(crlf, ['x'])), crlf + '  - name: x\r\n');
  });

  it('never rewrites a codebook with problems', () => {
    const broken = 'version: 1\ncodes:\n  - name: a\n  - name: a\n';
    const plan = planAddCodes(broken, ['b']);
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.problems[0].issue.kind, 'duplicateName');
    assert.equal(planCodeMemo('version: [\n', 'a', 'm').ok, false);
    assert.throws(() => planAddCodes(SAMPLE, ['a//b']), RangeError);
  });

  it('sets, changes and removes a code memo in place', () => {
    const set = text(planCodeMemo(SAMPLE, 'antwoord/ontwijkend', 'Alleen bij een ja/nee-vraag.'));
    assert.deepEqual(diffLines(SAMPLE, set), { added: ['    memo: Alleen bij een ja/nee-vraag.'], removed: [] });
    // In its own entry (after the fields the writer knows of, unknown ones too).
    assert.ok(set.includes('    reviewed: 2026-01-05\n    memo: Alleen bij een ja/nee-vraag.\n  - name: toezegging\n'), set);
    const changed = text(planCodeMemo(set, 'antwoord/ontwijkend', 'Anders.'));
    assert.deepEqual(diffLines(set, changed), { added: ['    memo: Anders.'], removed: ['    memo: Alleen bij een ja/nee-vraag.'] });
    assert.equal(text(planCodeMemo(changed, 'antwoord/ontwijkend', '  ')), SAMPLE);
    assert.deepEqual(planCodeMemo(SAMPLE, 'toezegging', ''), { ok: true, text: SAMPLE, changed: 0 });
  });

  it('adds the code with its memo when the codebook lacks it', () => {
    assert.equal(text(planCodeMemo(SAMPLE, 'nieuw', 'Een memo: met dubbele punt')), SAMPLE + '  - name: nieuw\n    memo: "Een memo: met dubbele punt"\n');
    assert.equal(text(planCodeMemo(undefined, 'nieuw', 'm')), file('version: 1', 'codes:', '  - name: nieuw', '    memo: m'));
  });
});
