import * as assert from 'node:assert/strict';
import { computeAgreement } from '../../../src/core/coding/agreement';
import { agreementArgs, hasAgreementArgs } from '../../../src/core/coding/agreementArgs';
import { agreementHtml, type AgreementResult, MAX_LISTED, type ReportWords } from '../../../src/features/agreement/html';

const WORDS: ReportWords = {
  title: 'Agreement', lang: 'en', unitLabel: 'Unit', units: { block: 'Blocks', character: 'Characters' },
  scopeLabel: 'Documents', scopes: { document: 'This document', workspace: 'Workspace' }, refresh: 'Compute',
  summary: 'Coders: a, b.', tooFewCoders: 'Need two coders.', figures: 'Figures',
  headers: { tag: 'Tag', units: 'Units', percent: '%', kappa: 'κ', alpha: 'α', applied: 'Applied' },
  overall: 'All tags', reasons: { noUnits: 'no units', noVariation: 'no variation', notTwoCoders: 'two coders only' },
  disagreements: 'Disagreements', noDisagreements: 'None.', appliedBy: (a, n) => `by ${a}; not by ${n}`,
  characters: (s, e) => `chars ${s}–${e}`, more: (n) => `${n} more`, nobody: 'nobody',
  percent: (v) => `${(v * 100).toFixed(1)}%`, decimal: (v) => v.toFixed(3), count: (v) => String(v),
};

function result(text: string, passages: { coder: string; tags: string[]; start: number; end: number }[], unit: 'block' | 'character' = 'character'): AgreementResult {
  const r = computeAgreement([{ name: 'doc <1>.txt', text, passages }], { unit });
  return {
    unit, scope: 'workspace', coders: r.coders, documents: 1, overall: r.overall, tags: r.tags,
    disagreements: r.disagreements.map((d) => ({ ...d, uri: 'file:///doc.txt' })), withoutCoder: 0, unreadable: [],
  };
}

describe('agreement: arguments', () => {
  it('defaults to block units over the workspace; names are trimmed and deduplicated', () => {
    assert.deepEqual(agreementArgs(undefined), { args: { unit: 'block', scope: 'workspace' } });
    assert.deepEqual(agreementArgs({ coders: [' anna ', 'bert', 'anna', ''], tags: 'x', unit: 'character', scope: 'document' }),
      { args: { unit: 'character', scope: 'document', coders: ['anna', 'bert'], tags: ['x'] } });
  });

  it('refuses a wrong unit, scope or list', () => {
    assert.deepEqual(agreementArgs({ unit: 'word' }), { error: { kind: 'unit', value: 'word' } });
    assert.deepEqual(agreementArgs({ scope: 'folder' }), { error: { kind: 'scope', value: 'folder' } });
    assert.deepEqual(agreementArgs({ coders: [1] }), { error: { kind: 'names', field: 'coders' } });
    assert.deepEqual(agreementArgs({ tags: {} }), { error: { kind: 'names', field: 'tags' } });
  });

  it('an object is arguments; nothing, or a URI from a menu, is not', () => {
    assert.equal(hasAgreementArgs({}), true);
    assert.equal(hasAgreementArgs(undefined), false);
    assert.equal(hasAgreementArgs({ scheme: 'file', path: '/x' }), false);
  });
});

describe('agreement: report HTML', () => {
  const text = 'abcdefghij';
  const r = result(text, [
    { coder: 'anna', tags: ['t'], start: 0, end: 5 },
    { coder: 'bert', tags: ['t'], start: 3, end: 8 },
  ]);

  it('a strict Content Security Policy: no inline code without the nonce, nothing from elsewhere', () => {
    const html = agreementHtml(r, WORDS, { nonce: 'abc123', cspSource: 'vscode-webview://x' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; img-src vscode-webview://x; style-src 'nonce-abc123'; script-src 'nonce-abc123';");
    assert.equal((html.match(/<script/gu) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123">/u);
    assert.match(html, /<style nonce="abc123">/u);
    assert.doesNotMatch(html, / on[a-z]+="/u, 'no inline event handlers');
  });

  it('the state the page saves for its restoration after a reload, escaped in an attribute; none when not given', () => {
    const state = { args: { unit: 'block', scope: 'document', coders: ['A "quoted" <coder>'] }, document: 'file:///a&b.txt' };
    const html = agreementHtml(r, WORDS, { nonce: 'n', cspSource: 's', state });
    const attr = /<body data-kamerstukken-view="agreement" data-state="([^"]*)">/u.exec(html)?.[1];
    assert.ok(attr, 'the body carries the state');
    const unescaped = attr.replace(/&quot;/gu, '"').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
    assert.deepEqual(JSON.parse(unescaped), state);
    assert.match(html, /vscode\.setState\(JSON\.parse\(saved\)\)/u);
    assert.doesNotMatch(agreementHtml(r, WORDS, { nonce: 'n', cspSource: 's' }), /data-state=/u);
  });

  it('a row per tag and overall, undefined coefficients with their reason; a button per disagreement', () => {
    const html = agreementHtml(r, WORDS, { nonce: 'n', cspSource: 's' });
    // Characters 0–3 anna only, 3–5 both, 5–8 bert only, 8–10 neither: two runs of disagreement; they agree on 4 of 10.
    const t = r.tags[0];
    assert.deepEqual(t.percentAgreement, { value: 0.4 });
    assert.ok(t.percentAgreement.value !== null);
    assert.match(html, new RegExp(`<th scope="row">t</th><td class="num">10</td><td class="num">${WORDS.percent(t.percentAgreement.value)}</td>`, 'u'));
    assert.match(html, /<tr class="overall"><th scope="row">All tags<\/th>/u);
    const buttons = [...html.matchAll(/<button type="button" class="disagreement" data-open="(\d+)">(.*?)<\/button>/gu)];
    assert.equal(buttons.length, r.disagreements.length);
    assert.equal(buttons.length, 2);
    assert.match(buttons[0][2], /chars 0–3.*by anna; not by bert/u);
    assert.match(html, /<h3>doc &lt;1&gt;\.txt<\/h3>/u, 'names are escaped');
    const one = result(text, [{ coder: 'anna', tags: ['t'], start: 0, end: 5 }]);
    const html1 = agreementHtml(one, WORDS, { nonce: 'n', cspSource: 's' });
    assert.match(html1, /<td class="num undefined"><span aria-hidden="true">—<\/span> <span class="reason">two coders only<\/span><\/td>/u);
    assert.match(html1, /Need two coders\./u);
    assert.doesNotMatch(html1, /NaN/u);
  });

  it('lists at most MAX_LISTED disagreements and says how many more there are', () => {
    const many = 'x'.repeat(4 * (MAX_LISTED + 10));
    const passages = Array.from({ length: MAX_LISTED + 10 }, (_, i) => ({ coder: i % 2 ? 'anna' : 'bert', tags: ['t'], start: 4 * i, end: 4 * i + 2 }));
    const big = result(many, passages);
    const html = agreementHtml(big, WORDS, { nonce: 'n', cspSource: 's' });
    assert.equal((html.match(/class="disagreement"/gu) ?? []).length, MAX_LISTED);
    assert.match(html, new RegExp(`${big.disagreements.length - MAX_LISTED} more`, 'u'));
  });
});
