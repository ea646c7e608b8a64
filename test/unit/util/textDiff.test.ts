import * as assert from 'node:assert/strict';
import { lineEdit } from '../../../src/core/util/textDiff';

function apply(before: string, after: string): string {
  const e = lineEdit(before, after);
  return e ? before.slice(0, e.start) + e.text + before.slice(e.end) : before;
}

describe('util: one edit of whole lines', () => {
  it('replaces only the lines that differ', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nB\nc\nd\n';
    assert.deepEqual(lineEdit(before, after), { start: 2, end: 4, text: 'B\n' });
    assert.equal(lineEdit(before, before), undefined);
  });

  it('gives the new text for insertions, deletions, ends and CRLF, never splitting a line break or a pair', () => {
    const cases: [string, string][] = [
      ['a\nb\n', 'a\nb\nc\n'], ['a\nb\nc\n', 'a\nc\n'], ['', 'x\n'], ['x\n', ''], ['a', 'b'], ['a\r\nb\r\n', 'a\r\nc\r\nb\r\n'],
      ['x: 😀\ny\n', 'x: 😁\ny\n'], ['ab\nab\nab\n', 'ab\nab\n'], ['a\nb', 'a\nb\n'], ['tags: [a]\n', 'tags: [b]\n'],
    ];
    for (const [before, after] of cases) {
      assert.equal(apply(before, after), after, JSON.stringify([before, after]));
      const e = lineEdit(before, after);
      if (!e) continue;
      assert.ok(e.start === 0 || before[e.start - 1] === '\n', `starts a line: ${JSON.stringify([before, after])}`);
      assert.ok(e.end === before.length || before[e.end - 1] === '\n', `ends a line: ${JSON.stringify([before, after])}`);
    }
  });
});
