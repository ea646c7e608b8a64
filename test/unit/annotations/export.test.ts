import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { type Node as MdNode, Parser as MdParser } from 'commonmark';
import {
  type ExportDocumentInput, type Passage, placeEntries, preparePassages, toCsv, toMarkdown, toWebAnnotations, webAnnotation,
} from '../../../src/core/annotations/export';
import { CSV_COLUMNS } from '../../../src/core/annotations/export/csv';
import { blockQuote, MARKDOWN_WORDS } from '../../../src/core/annotations/export/markdown';
import { type Annotation, CodePointIndex, contextOf, createAnnotation } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import { parseDocument } from '../../../src/core/parser';
import { escapeMarkdownReadable } from '../../../src/core/util/markdown';
import { root, seed } from '../helpers';
import { readCsv, unformula } from './csvReader';

// --- Test data built through the real model: createAnnotation → sidecar text → parse → place ---

/** Annotates each quote (its first occurrence after `after`) and returns the document as the sidecar would give it back. */
function annotated(name: string, text: string, specs: { quote: string; after?: string; tags: string[]; note?: string; id: string }[]): ExportDocumentInput {
  const entries: Annotation[] = specs.map((s) => {
    const from = s.after ? text.indexOf(s.after) : 0;
    assert.ok(from >= 0, `"${s.after}" is in ${name}`);
    const start = text.indexOf(s.quote, from);
    assert.ok(start >= 0, `"${s.quote}" is in ${name}`);
    return createAnnotation(text, start, start + s.quote.length, { id: s.id, tags: s.tags, note: s.note, created: '2026-11-23T10:00:00Z' });
  });
  const sidecar = serializeSidecar(name, entries);
  const parsed = parseSidecar(sidecar);
  assert.deepEqual(parsed.problems, []);
  return { uri: `file:///work/${encodeURIComponent(name)}`, name, text, annotations: placeEntries(text, parsed.annotations) };
}

const SEED = seed('000');
const NOTE = 'Zie "antwoord 3"; p. 2,\nnog na te gaan';
const seedDoc = annotated('000_29150c82fa965ab7.txt', SEED, [
  { id: 'a0000001', quote: 'Ambtenaren moeten zich vrij voelen om onderwerpen te bespreken', tags: ['toezegging'], note: NOTE },
  { id: 'a0000002', quote: 'Er zijn geen formele bijeenkomsten georganiseerd door het ministerie of op \nDG-niveau.', tags: ['ontwijkend antwoord', 'verwijzing'] },
  { id: 'a0000003', quote: 'Is het waar dat tijdens deze bijeenkomsten', tags: [] },
]);

// CRLF line ends, a character outside the BMP, and Markdown and CSV syntax in the text.
const TRICKY_TEXT = 'Vraag 1\r\nKlopt het dat 😀 *alles* [goed](x) gaat?\r\n\r\nAntwoord 1\r\n# Nee; "zeker" niet, want:\r\n- punt één\r\n> citaat | tabel\r\n```code``` <b>vet</b> &amp; $x$\r\n    ingesprongen  \r\n=== 1. klaar\r\n';
const TRICKY_PASSAGE = '# Nee; "zeker" niet, want:\r\n- punt één\r\n> citaat | tabel\r\n```code``` <b>vet</b> &amp; $x$\r\n    ingesprongen  \r\n=== 1. klaar';
const trickyDoc = annotated('map met spatie/lastig; "bestand".txt', TRICKY_TEXT, [
  { id: 'b0000001', quote: '😀 *alles*', tags: ['nieuwe informatie'], note: '=SOM(A1)' },
  { id: 'b0000002', quote: TRICKY_PASSAGE, tags: ['toezegging', '-min'], note: '<script>x</script> **niet vet**' },
]);
// An annotation whose passage is gone from the text.
const orphanDoc = ((): ExportDocumentInput => {
  const d = annotated('weg.txt', 'Vraag 1\nOude tekst die later verdwijnt uit het document.\n', [
    { id: 'c0000001', quote: 'Oude tekst die later verdwijnt', tags: ['feitelijke onjuistheid'] },
  ]);
  const entries = parseSidecar(serializeSidecar('weg.txt', d.annotations.map((a) => ({
    id: a.id, tags: a.tags, quote: a.stored?.quote ?? '', prefix: a.stored?.prefix ?? '', suffix: a.stored?.suffix ?? '',
    start: a.start, end: a.end, created: a.created,
  })))).annotations;
  const text = 'Vraag 1\nHeel iets anders staat hier nu.\n';
  return { ...d, text, annotations: placeEntries(text, entries) };
})();

const passages = preparePassages([trickyDoc, seedDoc, orphanDoc]);
const byId = (id: string): Passage => {
  const p = passages.find((x) => x.id === id);
  assert.ok(p, id);
  return p;
};

// --- The W3C's own JSON Schemas (test/fixtures/w3c), run as their JSONtest files say ---

const W3C = join(root, 'test', 'fixtures', 'w3c', 'annotation-model');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(W3C, path), 'utf8')) as Record<string, unknown>;

function w3cValidator(): { check: (annotation: unknown) => string[]; assertions: string[] } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv as never);
  for (const f of readdirSync(join(W3C, 'definitions'))) ajv.addSchema(readJson(`definitions/${f}`));
  const musts = (readJson('annotations/annotationMusts.test').assertions as string[]);
  const selectors = ['specificResource/4.2-selectorValidIfPresent.json', 'specificResource/4.2.4-textQuoteSelectorValid.json', 'specificResource/4.2-TextDataPositionSelectorValid.json'];
  const assertions = [...musts, ...selectors];
  const compiled = assertions.map((path) => {
    const schema = readJson(path);
    assert.equal(schema.expectedResult ?? 'valid', 'valid');
    return { path, validate: ajv.compile(schema) };
  });
  return {
    assertions,
    check: (annotation) => compiled.filter((c) => !c.validate(annotation)).map((c) => `${c.path}: ${JSON.stringify(c.validate.errors?.slice(0, 3))}`),
  };
}

// --- Markdown, read back with the CommonMark reference parser ---

function mdText(node: MdNode): string {
  let s = '';
  const w = node.walker();
  for (let e = w.next(); e; e = w.next()) {
    if (!e.entering) continue;
    if (e.node.type === 'text' || e.node.type === 'code') s += e.node.literal ?? '';
    else if (e.node.type === 'softbreak') s += '\n';
    else if (e.node.type === 'paragraph' && s !== '') s += '\n\n';
  }
  return s;
}

function mdChildren(node: MdNode): MdNode[] {
  const out: MdNode[] = [];
  for (let c = node.firstChild; c; c = c.next) out.push(c);
  return out;
}

/** A quote as the report shows it: lines trimmed, blank lines merged. */
function shownQuote(q: string): string {
  return q.split(/\r?\n/u).map((l) => l.trim()).join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}

describe('annotations: export', () => {
  describe('passages', () => {
    it('names the question a passage belongs to: the answer\'s question, or the question itself', () => {
      const inAnswer = byId('a0000001');
      assert.equal(inAnswer.block, 'Antwoord 3');
      assert.equal(inAnswer.question?.label, 'Vraag 3');
      assert.match(inAnswer.question?.text ?? '', /^Is het waar dat tijdens deze bijeenkomsten ambtenaren konden aangeven/);
      assert.doesNotMatch(inAnswer.question?.text ?? '', /\n|Antwoord/);
      const joint = byId('a0000002');
      assert.equal(joint.block, 'Antwoord 1 en 2');
      assert.equal(joint.question?.label, 'Vraag 1 en 2');
      assert.match(joint.question?.text ?? '', /^Zijn er op uw ministerie bijeenkomsten/);
      const inQuestion = byId('a0000003');
      assert.equal(inQuestion.block, 'Vraag 3');
      assert.equal(inQuestion.question?.label, 'Vraag 3');
      assert.equal(byId('b0000002').question?.label, 'Vraag 1');
      assert.equal(byId('b0000002').question?.text, 'Klopt het dat 😀 *alles* [goed](x) gaat?');
    });

    it('orders by document, then position; orphans keep their saved quote and have no place', () => {
      assert.deepEqual(passages.map((p) => p.id), ['a0000003', 'a0000002', 'a0000001', 'b0000001', 'b0000002', 'c0000001'].sort((a, b) => {
        const doc = (id: string): string => byId(id).document;
        return doc(a) < doc(b) ? -1 : doc(a) > doc(b) ? 1 : byId(a).start! - byId(b).start!;
      }));
      const o = byId('c0000001');
      assert.equal(o.placed, false);
      assert.equal(o.quote, 'Oude tekst die later verdwijnt');
      assert.equal(o.start, undefined);
      assert.equal(o.line, undefined);
    });

    it('counts offsets in code points of the text as it is, so that they select the exact quote', () => {
      for (const [doc, ids] of [[seedDoc, ['a0000001', 'a0000002', 'a0000003']], [trickyDoc, ['b0000001', 'b0000002']]] as const) {
        const cps = [...doc.text];
        for (const id of ids) {
          const p = byId(id);
          assert.ok(p.start !== undefined && p.end !== undefined);
          assert.equal(cps.slice(p.start, p.end).join(''), p.quote, id);
          assert.ok(cps.slice(0, p.start).join('').endsWith(p.prefix), `${id} prefix`);
          assert.ok(cps.slice(p.end).join('').startsWith(p.suffix), `${id} suffix`);
          assert.ok(p.prefix.length > 0 && p.suffix.length > 0);
        }
      }
      // After the emoji, code points and UTF-16 differ by one; CRLF counts as two characters.
      const tricky = byId('b0000002');
      assert.equal(tricky.quote, TRICKY_PASSAGE);
      assert.equal(tricky.start, TRICKY_TEXT.indexOf(TRICKY_PASSAGE) - 1);
      assert.equal(tricky.end! - tricky.start!, [...TRICKY_PASSAGE].length);
      assert.equal(byId('b0000001').start, TRICKY_TEXT.indexOf('😀'));
      assert.equal(byId('b0000001').end! - byId('b0000001').start!, 9);
      assert.equal(tricky.line, 5);
      assert.equal(tricky.endLine, 10);
    });
  });

  describe('the document model', () => {
    it('comes from the given parse, once per document with placed passages, for that document', () => {
      const asked: string[] = [];
      const ps = preparePassages([trickyDoc, seedDoc, orphanDoc], (d) => {
        asked.push(d.name);
        return parseDocument(d.text);
      });
      // The orphan's document has no placed passage: no model is needed.
      assert.deepEqual(asked.sort(), [seedDoc.name, trickyDoc.name].sort());
      assert.deepEqual(ps, passages);
    });
  });

  describe('positions from the sidecar, whatever its line breaks and version', () => {
    const LF_TEXT = TRICKY_TEXT.replace(/\r\n/g, '\n');
    const specs = [{ id: 'b0000001', quote: '😀 *alles*', tags: ['t'] }, { id: 'b0000002', quote: TRICKY_PASSAGE, tags: ['t'] }];
    const lfSpecs = specs.map((x) => ({ ...x, quote: x.quote.replace(/\r\n/g, '\n') }));
    const positionsOf = (d: ExportDocumentInput): [number | undefined, number | undefined, string][] =>
      preparePassages([d]).map((p) => [p.start, p.end, p.quote]);

    it('the sidecar of an LF checkout exports TextPositionSelectors of the CRLF document as it is', () => {
      // The LF checkout's sidecar, placed in the CRLF checkout of the same commit.
      const sidecar = serializeSidecar('lf.txt', lfSpecs.map((x) => {
        const start = LF_TEXT.indexOf(x.quote);
        return createAnnotation(LF_TEXT, start, start + x.quote.length, { id: x.id, tags: x.tags, created: '' });
      }));
      const parsed = parseSidecar(sidecar);
      const crlf = { ...trickyDoc, annotations: placeEntries(TRICKY_TEXT, parsed.annotations, parsed.version) };
      assert.deepEqual(positionsOf(crlf), positionsOf(trickyDoc));
      const cps = [...TRICKY_TEXT];
      for (const [start, end, quote] of positionsOf(crlf)) assert.equal(cps.slice(start, end).join(''), quote);
    });

    it('a version 1 sidecar (CRLF counted as two) exports the same positions', () => {
      const index = new CodePointIndex(TRICKY_TEXT);
      const v1 = serializeSidecar('x.txt', specs.map((x) => {
        const start = TRICKY_TEXT.indexOf(x.quote);
        return {
          id: x.id, tags: x.tags, created: '', ...contextOf(TRICKY_TEXT, start, start + x.quote.length),
          start: index.toCodePoint(start), end: index.toCodePoint(start + x.quote.length),
        };
      })).replace(/^version: 2\n/, 'version: 1\n');
      const parsed = parseSidecar(v1);
      assert.equal(parsed.version, 1);
      const d = { ...trickyDoc, annotations: placeEntries(TRICKY_TEXT, parsed.annotations, parsed.version) };
      assert.deepEqual(positionsOf(d), positionsOf(trickyDoc));
    });
  });

  describe('CSV', () => {
    const csv = toCsv(passages);
    const rows = readCsv(csv.slice(1), ';');

    it('starts with a UTF-8 BOM and a header row in a fixed column order', () => {
      assert.equal(csv.charCodeAt(0), 0xfeff);
      assert.deepEqual(rows[0], ['document', 'place', 'question', 'question text', 'tags', 'note', 'quote', 'line', 'start', 'end', 'status', 'created', 'id']);
      assert.equal(rows[0].length, CSV_COLUMNS.length);
    });

    it('round-trips every field through an RFC 4180 reader: separators, quotes, line breaks', () => {
      assert.equal(rows.length, passages.length + 1);
      passages.forEach((p, i) => {
        const r = Object.fromEntries(CSV_COLUMNS.map((c, k) => [c, unformula(rows[i + 1][k])]));
        assert.equal(r.document, p.document);
        assert.equal(r.place, p.block ?? '');
        assert.equal(r.question, p.question?.label ?? '');
        assert.equal(r.questionText, p.question?.text ?? '');
        assert.equal(r.tags, p.tags.join(', '));
        assert.equal(r.note, p.note);
        assert.equal(r.quote, p.quote);
        assert.equal(r.line, p.line === undefined ? '' : String(p.line));
        assert.equal(r.start, p.start === undefined ? '' : String(p.start));
        assert.equal(r.end, p.end === undefined ? '' : String(p.end));
        assert.equal(r.status, p.placed ? 'placed' : 'orphaned');
        assert.equal(r.id, p.id);
      });
      // The tricky ones really were tricky.
      const note = rows.find((r) => r[CSV_COLUMNS.indexOf('id')] === 'a0000001')?.[CSV_COLUMNS.indexOf('note')];
      assert.equal(note, NOTE);
      assert.ok(csv.includes(`"${NOTE.replace(/"/g, '""')}"`));
      assert.ok(TRICKY_PASSAGE.includes('\r\n') && rows.some((r) => r.includes(TRICKY_PASSAGE)));
    });

    it('keeps Excel from running text as a formula, and numbers as numbers', () => {
      const r = rows.find((x) => x[CSV_COLUMNS.indexOf('id')] === 'b0000001') ?? [];
      assert.equal(r[CSV_COLUMNS.indexOf('note')], "'=SOM(A1)");
      const t = rows.find((x) => x[CSV_COLUMNS.indexOf('id')] === 'b0000002') ?? [];
      assert.equal(t[CSV_COLUMNS.indexOf('tags')], 'toezegging, -min');
      assert.match(t[CSV_COLUMNS.indexOf('start')], /^\d+$/);
      for (const row of rows.slice(1)) for (const f of row) assert.doesNotMatch(f, /^[=+\-@]/u);
    });

    it('writes with a comma or a tab too, and without a BOM on request', () => {
      for (const sep of [',', '\t']) {
        const text = toCsv(passages, { separator: sep, bom: false });
        assert.notEqual(text.charCodeAt(0), 0xfeff);
        const r = readCsv(text, sep);
        assert.equal(r.length, passages.length + 1);
        assert.deepEqual(r.map((x) => x.length), r.map(() => CSV_COLUMNS.length));
        assert.equal(unformula(r[1 + passages.indexOf(byId('a0000001'))][CSV_COLUMNS.indexOf('note')]), NOTE);
      }
      assert.throws(() => toCsv(passages, { separator: '"' }));
    });
  });

  describe('Markdown', () => {
    const md = toMarkdown(passages, { tagOrder: ['toezegging', 'ontwijkend antwoord'], subtitle: 'werkmap' });
    const doc = new MdParser().parse(md);
    const top = mdChildren(doc);

    it('has a section per tag, configured tags first, passages without a tag last', () => {
      const h2 = top.filter((n) => n.type === 'heading' && n.level === 2).map(mdText);
      assert.deepEqual(h2, ['toezegging (2)', 'ontwijkend antwoord (1)', '-min (1)', 'feitelijke onjuistheid (1)', 'nieuwe informatie (1)', 'verwijzing (1)', '(no tag) (1)']);
      assert.equal(top.filter((n) => n.type === 'heading' && n.level === 1).length, 1);
      assert.equal(mdText(top[0]), 'Annotations: werkmap');
    });

    it('quotes each passage in one block quote, with its question, document, place and note', () => {
      const quotes = top.filter((n) => n.type === 'block_quote');
      const expected = [...new Set(['toezegging', 'ontwijkend antwoord', '-min', 'feitelijke onjuistheid', 'nieuwe informatie', 'verwijzing', ''])]
        .flatMap((t) => passages.filter((p) => (t ? p.tags.includes(t) : p.tags.length === 0)));
      assert.equal(quotes.length, expected.length);
      quotes.forEach((q, i) => {
        assert.equal(mdText(q), shownQuote(expected[i].quote), expected[i].id);
        const w = q.walker();
        for (let e = w.next(); e; e = w.next()) {
          assert.ok(['block_quote', 'paragraph', 'text', 'softbreak'].includes(e.node.type), `${expected[i].id}: a ${e.node.type} in the quote`);
        }
      });
      // Under "toezegging": the passage of Antwoord 3, with Vraag 3 and its text, the document, the note.
      const i = top.findIndex((n) => n.type === 'heading' && n.level === 3 && /Antwoord 3/.test(mdText(n)));
      assert.match(mdText(top[i]), /^000_29150c82fa965ab7\.txt · Antwoord 3 · line \d+$/);
      assert.match(mdText(top[i + 1]), /^Vraag 3: Is het waar dat tijdens deze bijeenkomsten/);
      assert.equal(top[i + 2].type, 'block_quote');
      assert.equal(mdText(top[i + 3]), `Note: ${NOTE.replace(/\s+/g, ' ')}`);
    });

    it('escapes Markdown in passages, notes, tags and names: nothing becomes markup', () => {
      const w = doc.walker();
      for (let e = w.next(); e; e = w.next()) {
        assert.ok(!['html_block', 'html_inline', 'link', 'image', 'list', 'code_block', 'thematic_break'].includes(e.node.type), `a ${e.node.type} in the report`);
        // The report's own markup: bold "Vraag 3:" and "Note:", the orphan remark in italics.
        if (e.entering && e.node.type === 'strong') assert.match(mdText(e.node), /^(Vraag 1|Vraag 3|Vraag 1 en 2|Note):$/);
        if (e.entering && e.node.type === 'emph') assert.equal(mdText(e.node), MARKDOWN_WORDS.orphaned);
      }
      const heading = top.find((n) => n.type === 'heading' && n.level === 3 && /lastig/.test(mdText(n)));
      assert.ok(heading);
      assert.match(mdText(heading), /^map met spatie\/lastig; "bestand"\.txt · Antwoord 1 · lines 5–10$/);
      assert.ok(mdText(doc).includes('Note: <script>x</script> **niet vet**'));
      for (const s of ['# kop', '- lijst', '1. lijst', '> citaat', '***', '<b>', '[a](b)', '`x`', '| a |', '$x$', 'a\\b', '=== kop']) {
        assert.equal(mdText(new MdParser().parse(blockQuote(s))), s, s);
        assert.equal(mdText(new MdParser().parse(`x ${escapeMarkdownReadable(s)} y`)), `x ${s} y`, s);
      }
    });
  });

  describe('W3C Web Annotation JSON-LD', () => {
    const text = toWebAnnotations(passages, { id: 'file:///work/annotations.jsonld', label: 'Annotaties', generated: '2026-11-23T12:00:00Z' });
    const collection = JSON.parse(text) as { [k: string]: unknown; first: { items: Record<string, unknown>[]; [k: string]: unknown } };
    const { check, assertions } = w3cValidator();

    it('is an AnnotationCollection with one page holding every annotation', () => {
      assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(collection.type, 'AnnotationCollection');
      assert.equal(collection.total, passages.length);
      assert.equal(collection.first.type, 'AnnotationPage');
      assert.equal(collection.first.items.length, passages.length);
      assert.equal(new Set(collection.first.items.map((a) => a.id)).size, passages.length);
    });

    it('passes the W3C Web Annotation test schemas (annotationMusts and the selector musts)', () => {
      assert.equal(assertions.length, 17);
      for (const a of collection.first.items) assert.deepEqual(check(a), [], String(a.id));
    });

    it('the schemas are live: they reject broken annotations', () => {
      const good = webAnnotation(byId('a0000001'));
      assert.deepEqual(check(good), []);
      const noContext: Record<string, unknown> = { ...good };
      delete noContext['@context'];
      assert.notDeepEqual(check(noContext), []);
      assert.notDeepEqual(check({ ...good, id: 'not a uri' }), []);
      assert.notDeepEqual(check({ ...good, created: '23 november 2026' }), []);
      const target = good.target as { selector: Record<string, unknown>[] };
      assert.notDeepEqual(check({ ...good, target: { ...target, selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] } }), []);
      assert.notDeepEqual(check({ ...good, target: { ...target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] } }), []);
    });

    it('has tagging bodies, a commenting body, and selectors that point at the exact quote', () => {
      const a = webAnnotation(byId('b0000002')) as Record<string, unknown>;
      assert.equal(a.motivation, 'tagging');
      assert.equal(a.created, '2026-11-23T10:00:00Z');
      assert.deepEqual(a.body, [
        { type: 'TextualBody', purpose: 'tagging', value: 'toezegging' },
        { type: 'TextualBody', purpose: 'tagging', value: '-min' },
        { type: 'TextualBody', purpose: 'commenting', value: '<script>x</script> **niet vet**', format: 'text/plain' },
      ]);
      const target = a.target as { source: string; selector: { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }[] };
      assert.equal(target.source, trickyDoc.uri);
      const [quote, position] = target.selector;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(position.type, 'TextPositionSelector');
      const cps = [...TRICKY_TEXT];
      assert.equal(cps.slice(position.start, position.end).join(''), quote.exact);
      assert.equal(quote.exact, TRICKY_PASSAGE);
      assert.equal(cps.slice(0, position.start).join('').slice(-(quote.prefix ?? '').length), quote.prefix);
      assert.ok(cps.slice(position.end).join('').startsWith(quote.suffix ?? ''));
      assert.equal(webAnnotation(byId('a0000003')).motivation, 'highlighting');
      assert.equal(webAnnotation(byId('a0000003')).body, undefined);
      // An orphan keeps only the quote.
      const orphan = webAnnotation(byId('c0000001')) as { target: { selector: { type: string }[] } };
      assert.deepEqual(orphan.target.selector.map((s) => s.type), ['TextQuoteSelector']);
      assert.deepEqual(check(orphan), []);
    });
  });
});
