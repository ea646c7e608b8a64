import * as assert from 'node:assert/strict';
import { type Node as MdNode, Parser as MdParser } from 'commonmark';
import { escapeMarkdownInert, escapeMarkdownReadable, markdownCodeSpan } from '../../../src/core/util/markdown';

/** The text of a parsed paragraph, and the kinds of node in it other than text. */
function read(markdown: string): { text: string; markup: string[] } {
  let text = '';
  const markup: string[] = [];
  const w = new MdParser().parse(markdown).walker();
  for (let e = w.next(); e; e = w.next()) {
    const n: MdNode = e.node;
    if (!e.entering) continue;
    if (n.type === 'text' || n.type === 'code') text += n.literal ?? '';
    else if (n.type === 'softbreak') text += '\n';
    else if (n.type !== 'document' && n.type !== 'paragraph') markup.push(n.type);
  }
  return { text, markup };
}

const NASTY = [
  '# kop', '- lijst', '1. lijst', '> citaat', '***', '<b>vet</b>', '<img src=x onerror=alert(1)>', '[a](command:x)', '![i](x)',
  '`x`', '| a |', '$x$', 'a\\b', '=== kop', '*schuin* _ook_', '&amp; &lt;', '<https://x.nl>', 'AT&T', '~~weg~~',
];

describe('markdown escaping', () => {
  for (const [name, escape] of [['inert', escapeMarkdownInert], ['readable', escapeMarkdownReadable]] as const) {
    it(`${name}: text inside a line stays text`, () => {
      for (const s of NASTY) {
        const r = read(`x ${escape(s)} y`);
        assert.equal(r.text, `x ${s} y`, s);
        assert.deepEqual(r.markup, [], s);
      }
    });
  }

  it('inert: also what only a renderer acts on (autolinks, theme icons) is escaped, and nothing of HTML is left', () => {
    const out = escapeMarkdownInert('zie https://x.nl en $(alert) <b>');
    assert.ok(!out.includes('https://'), out);
    assert.ok(!out.includes('$('), out);
    assert.ok(!/[<>]/u.test(out), out);
    // Each line on its own: a line of only "=" or "-" under text would make a heading.
    assert.deepEqual(read(`kop\n${escapeMarkdownInert('===')}`).markup, []);
  });

  it('readable: ordinary punctuation is left alone, so the file reads as text', () => {
    assert.equal(escapeMarkdownReadable('Vraag 1. (zie: https://x.nl) - klaar!'), 'Vraag 1. (zie: https://x.nl) - klaar!');
  });

  it('code span: a backtick cannot end it early', () => {
    assert.equal(markdownCodeSpan('toezegging'), '`toezegging`');
    assert.equal(markdownCodeSpan('a`b'), "`a'b`");
    assert.deepEqual(read(markdownCodeSpan('a`b *c*')), { text: "a'b *c*", markup: [] });
  });
});
