import * as assert from 'node:assert/strict';
import { escapeAttribute, escapeText, parseXml, type XmlElement } from '../../../src/core/refiQda/xml';

function root(xml: string): XmlElement {
  const r = parseXml(xml);
  assert.ok(r.ok, r.ok ? '' : `${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r.root;
}

function error(xml: string): { message: string; line: number; column: number } {
  const r = parseXml(xml);
  assert.ok(!r.ok, 'is an error');
  return r.error;
}

describe('REFI-QDA XML parser', () => {
  it('reads elements, attributes, text, CDATA, references; skips comments, PIs and the DOCTYPE', () => {
    const r = root(`\uFEFF<?xml version="1.0" encoding="utf-8"?>
<!-- c --><!DOCTYPE p [ <!ELEMENT p ANY> <!-- ] > --> ]>
<p:Project xmlns:p="urn:x" a='1' b="&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;">
  <Code name="x"/><?pi data?>
  <Description>t &amp; <![CDATA[<not> &markup;]]> u</Description><!-- <Code/> -->
</p:Project>`);
    assert.equal(r.name, 'p:Project');
    assert.equal(r.local, 'Project');
    assert.deepEqual([...r.attributes], [['xmlns:p', 'urn:x'], ['a', '1'], ['b', `<&>"'A😀`]]);
    assert.deepEqual(r.children.map((c) => c.local), ['Code', 'Description']);
    assert.equal(r.children[1].text, 't & <not> &markup; u');
    assert.equal(r.children[1].line, 5);
  });

  it('normalises line breaks to LF, and whitespace in attribute values to spaces, as XML does', () => {
    const r = root('<a x="1\r\n2\t3&#10;4&#13;">l1\r\nl2\rl3&#13;</a>');
    assert.equal(r.attributes.get('x'), '1 2 3\n4\r');
    assert.equal(r.text, 'l1\nl2\nl3\r');
  });

  it('what the writer escapes reads back the same', () => {
    for (const s of ['plain', '<&>"\'', 'a\r\nb\rc\td', ']]>', '😀 𝄞', '&amp;', ' leading and trailing ']) {
      const r = root(`<a v="${escapeAttribute(s)}">${escapeText(s)}</a>`);
      assert.equal(r.attributes.get('v'), s, JSON.stringify(s));
      assert.equal(r.text, s, JSON.stringify(s));
    }
    // Characters XML cannot hold become U+FFFD.
    assert.equal(root(`<a>${escapeText('x\u0000y\uFFFFz\uD800')}</a>`).text, 'x\uFFFDy\uFFFDz\uFFFD');
  });

  it('never expands a declared entity: no billion laughs, no external entities', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    assert.match(error(laughs).message, /entity &b; is not expanded/u);
    assert.match(error('<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><l a="&x;"/>').message, /entity &x;/u);
  });

  it('reports malformed XML with its line and column', () => {
    const cases: [string, RegExp, number, number][] = [
      ['<a>\n  <b>\n</a>', /end tag <\/a> does not match <b> \(line 2\)/u, 3, 1],
      ['<a>', /<a> \(line 1\) is never closed/u, 1, 4],
      ['', /no root element/u, 1, 1],
      ['text', /expected "<"/u, 1, 1],
      ['<a/><b/>', /a second root element/u, 1, 5],
      ['<a x="1" x="2"/>', /attribute x twice/u, 1, 10],
      ['<a x=1/>', /quoted value/u, 1, 6],
      ['<a x="<"/>', /"<" in the value/u, 1, 7],
      ['<a>&#0;</a>', /invalid character reference/u, 1, 4],
      ['<a>& b</a>', /starts no reference/u, 1, 4],
      ['<a></a>trailing', /text after the root element/u, 1, 8],
      ['<a><!-- open', /unterminated comment/u, 1, 4],
      ['<a><![CDATA[x</a>', /unterminated CDATA/u, 1, 4],
      ['<a x="1"y="2"/>', /space before the attribute/u, 1, 9],
    ];
    for (const [xml, message, line, column] of cases) {
      const e = error(xml);
      assert.match(e.message, message, xml);
      assert.deepEqual([e.line, e.column], [line, column], xml);
    }
  });

  it('refuses nesting deeper than its limit without overflowing the stack', () => {
    assert.match(error(`${'<a>'.repeat(600)}${'</a>'.repeat(600)}`).message, /nested deeper than 512/u);
    assert.equal(root(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`).local, 'a');
  });
});
