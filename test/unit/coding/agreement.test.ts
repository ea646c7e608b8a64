import * as assert from 'node:assert/strict';
import {
  type AgreementDocument, type Coefficient, cohensKappa, cohensKappaOf, computeAgreement, type CodedPassage,
  krippendorffAlpha, percentAgreement, type Rating,
} from '../../../src/core/coding/agreement';
import { parseDocument } from '../../../src/core/parser';
import { random } from '../../../bench/annotations';
import { seed } from '../helpers';

function value(c: Coefficient): number {
  assert.ok(c.value !== null, `expected a value, got ${JSON.stringify(c)}`);
  return c.value;
}

/** `actual` is `expected` as published, rounded to `digits` decimals. */
function close(actual: Coefficient, expected: number, digits: number, message?: string): void {
  const v = value(actual);
  assert.ok(Math.abs(v - expected) <= 0.5 * 10 ** -digits + 1e-12, `${v} is not ${expected} to ${digits} decimals${message ? `: ${message}` : ''}`);
}

/** A text of `count` blocks of 10 characters ("unit 01..."), each a block of its own. */
function blockText(count: number): { text: string; blocks: { span: { start: number; end: number }; label: { name: string } }[] } {
  let text = '';
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const start = text.length;
    text += `unit ${String(i + 1).padStart(2, '0')}.. `;
    blocks.push({ span: { start, end: start + 9 }, label: { name: `Unit ${i + 1}` } });
  }
  return { text, blocks };
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania,
// Annenberg School for Communication, section C: nominal data, four observers, twelve units, missing
// values (values 1–5; null where an observer did not code the unit). α = 0.743.
const KRIPPENDORFF_C: Rating[][] = [
  // A, B, C, D per unit 1..12
  [1, 1, null, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
  [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [null, 5, 5, 5], [null, null, 1, 1], [null, 3, null, null],
];

// The same paper, section A: binary data, two observers, ten units, no missing values. α = 0.095.
const KRIPPENDORFF_A = { a: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], b: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0] };

// Altman, D. G. (1991). Practical Statistics for Medical Research. London: Chapman & Hall,
// section 14.3, Table 14.2: two radiologists' assessments of 85 xeromammograms (Boyd et al., 1982);
// rows radiologist A, columns radiologist B: normal, benign, suspected cancer, cancer.
// Observed agreement 0.64, chance agreement 0.31, κ = 0.47.
const ALTMAN_14_2 = [
  [21, 12, 0, 0],
  [4, 17, 1, 0],
  [3, 9, 15, 2],
  [0, 0, 0, 1],
];

describe('coding: agreement coefficients', () => {
  it("reproduces Krippendorff's nominal example with four coders and missing values (α = 0.743)", () => {
    close(krippendorffAlpha(KRIPPENDORFF_C), 0.743, 3);
  });

  it("reproduces Krippendorff's binary example (α = 0.095)", () => {
    const units = KRIPPENDORFF_A.a.map((x, i) => [x, KRIPPENDORFF_A.b[i]]);
    close(krippendorffAlpha(units), 0.095, 3);
    close(percentAgreement(units), 0.6, 3);
    // κ of the same data: p_o = 0.6, p_e = 0.2 × 0.4 + 0.8 × 0.6 = 0.56.
    close(cohensKappaOf(KRIPPENDORFF_A.a, KRIPPENDORFF_A.b), (0.6 - 0.56) / (1 - 0.56), 6);
  });

  it("reproduces Altman's Cohen's κ examples (Table 14.2: κ = 0.47; Table 14.4: 0.38 and 0.60)", () => {
    close(cohensKappa(ALTMAN_14_2), 0.47, 2);
    // From the ratings the table counts.
    const a: Rating[] = [];
    const b: Rating[] = [];
    ALTMAN_14_2.forEach((row, i) => row.forEach((count, j) => { for (let k = 0; k < count; k++) { a.push(i); b.push(j); } }));
    assert.equal(value(cohensKappaOf(a, b)), value(cohensKappa(ALTMAN_14_2)));
    close(cohensKappa([[70, 10], [10, 10]]), 0.38, 2);
    close(cohensKappa([[40, 10], [10, 40]]), 0.60, 2);
  });

  it('is undefined, not NaN, without units or without variation', () => {
    assert.deepEqual(krippendorffAlpha([]), { value: null, reason: 'noUnits' });
    assert.deepEqual(krippendorffAlpha([[1, null], [null, 2]]), { value: null, reason: 'noUnits' }, 'no unit has two values');
    assert.deepEqual(krippendorffAlpha([[1, 1], [1, 1]]), { value: null, reason: 'noVariation' });
    assert.deepEqual(percentAgreement([[1, 1], [1, 1]]), { value: 1 });
    assert.deepEqual(cohensKappa([[0, 0], [0, 0]]), { value: null, reason: 'noUnits' });
    assert.deepEqual(cohensKappa([[5, 0], [0, 0]]), { value: null, reason: 'noVariation' });
    assert.equal(value(krippendorffAlpha([[1, 1], [2, 2]])), 1);
  });
});

describe('coding: agreement of coders on documents', () => {
  /** One document per unit of Krippendorff's table C, one block each; value v is tag "v<v>". */
  function krippendorffDocuments(): AgreementDocument[] {
    const coders = ['A', 'B', 'C', 'D'];
    return KRIPPENDORFF_C.map((unit, u) => {
      const { text, blocks } = blockText(1);
      const passages: CodedPassage[] = [];
      const codedBy: string[] = [];
      unit.forEach((v, c) => {
        if (v === null) return;
        codedBy.push(coders[c]);
        passages.push({ coder: coders[c], tags: [`v${v}`], start: 2, end: 6, id: `${coders[c]}${u}` });
      });
      return { name: `unit${u + 1}.txt`, text, blocks, passages, codedBy };
    });
  }

  it('overall, with one tag per unit, is the nominal α of the table (Krippendorff: 0.743)', () => {
    const report = computeAgreement(krippendorffDocuments(), { unit: 'block', coders: ['A', 'B', 'C', 'D'] });
    close(report.overall.alpha, 0.743, 3);
    assert.equal(report.overall.units, 11, 'unit 12 has one value only');
    assert.deepEqual(report.overall.kappa, { value: null, reason: 'notTwoCoders' });
    assert.equal(report.overall.pairs.length, 6);
    assert.deepEqual(report.tags.map((t) => t.tag), ['v1', 'v2', 'v3', 'v4', 'v5']);
  });

  it("per tag with block units: Krippendorff's binary example as two coders' tags (α = 0.095, κ = 0.091)", () => {
    const { text, blocks } = blockText(10);
    const passages: CodedPassage[] = [];
    for (const [coder, row] of [['anna', KRIPPENDORFF_A.a], ['bert', KRIPPENDORFF_A.b]] as const) {
      row.forEach((v, i) => { if (v) passages.push({ coder, tags: ['ontwijkend'], start: blocks[i].span.start + 1, end: blocks[i].span.start + 4, id: `${coder}${i}` }); });
    }
    const report = computeAgreement([{ name: 'doc.txt', text, blocks, passages }], { unit: 'block' });
    assert.deepEqual(report.coders, ['anna', 'bert']);
    const t = report.tags[0];
    assert.equal(t.tag, 'ontwijkend');
    assert.equal(t.units, 10);
    close(t.alpha, 0.095, 3);
    close(t.kappa, 0.0909, 4);
    close(t.percentAgreement, 0.6, 6);
    assert.deepEqual(t.applied, { anna: 2, bert: 4 });
    // With one tag, the overall values are the same two categories.
    assert.equal(value(report.overall.alpha), value(t.alpha));
    // The disagreements: units 1, 3, 6 (bert only) and 9 (anna only), with their passages.
    assert.deepEqual(report.disagreements.map((d) => [d.block?.label, d.applied, d.notApplied, d.passages.map((p) => p.id)]), [
      ['Unit 1', ['bert'], ['anna'], ['bert0']],
      ['Unit 3', ['bert'], ['anna'], ['bert2']],
      ['Unit 6', ['bert'], ['anna'], ['bert5']],
      ['Unit 9', ['anna'], ['bert'], ['anna8']],
    ]);
    assert.deepEqual([report.disagreements[0].start, report.disagreements[0].end], [blocks[0].span.start, blocks[0].span.end]);
  });

  it('block units default to the parsed question and answer blocks; a passage counts for every block it overlaps', () => {
    const text = seed('000');
    const blocks = parseDocument(text).blocks;
    assert.ok(blocks.length >= 4);
    // Anna tags across the border of the first two blocks; Bert the first block only.
    const border = blocks[1].span.start;
    const report = computeAgreement([{
      name: '000.txt', text,
      passages: [
        { coder: 'anna', tags: ['x'], start: border - 5, end: border + 5 },
        { coder: 'bert', tags: ['x'], start: blocks[0].span.start, end: blocks[0].span.start + 3 },
        // Between two blocks, touching the end of one and the start of the next: overlapping neither.
        { coder: 'bert', tags: ['y'], start: blocks[2].span.end, end: blocks[3].span.start },
        // An empty passage tags nothing.
        { coder: 'bert', tags: ['z'], start: blocks[2].span.start + 2, end: blocks[2].span.start + 2 },
      ],
    }], { unit: 'block' });
    assert.ok(blocks[3].span.start > blocks[2].span.end);
    assert.deepEqual(report.tags.map((t) => [t.tag, t.units, t.applied]), [['x', blocks.length, { anna: 2, bert: 1 }], ['y', blocks.length, { anna: 0, bert: 0 }]]);
    assert.deepEqual(report.disagreements.map((d) => [d.tag, d.block?.index, d.applied]), [['x', 1, ['anna']]]);
  });

  describe('edge cases have a documented answer, never NaN', () => {
    const { text, blocks } = blockText(10);

    it('no documents, or no document coded by two coders: no units', () => {
      const empty = computeAgreement([], { unit: 'character' });
      assert.deepEqual([empty.coders, empty.tags, empty.overall.units, empty.overall.alpha, empty.overall.percentAgreement],
        [[], [], 0, { value: null, reason: 'noUnits' }, { value: null, reason: 'noUnits' }]);
      const single = computeAgreement([{ name: 'd', text, blocks, passages: [{ coder: 'anna', tags: ['x'], start: 0, end: 5 }] }], { unit: 'block' });
      assert.deepEqual([single.tags[0].units, single.tags[0].alpha, single.tags[0].kappa], [0, { value: null, reason: 'noUnits' }, { value: null, reason: 'notTwoCoders' }]);
      const notShared = computeAgreement([
        { name: 'd1', text, blocks, passages: [{ coder: 'anna', tags: ['x'], start: 0, end: 5 }], codedBy: ['anna'] },
        { name: 'd2', text, blocks, passages: [{ coder: 'bert', tags: ['x'], start: 0, end: 5 }], codedBy: ['bert'] },
      ], { unit: 'character' });
      assert.deepEqual([notShared.tags[0].units, notShared.tags[0].kappa, notShared.disagreements], [0, { value: null, reason: 'noUnits' }, []]);
    });

    it('one category only: percent agreement 1, κ and α undefined (no variation)', () => {
      const r = computeAgreement([{ name: 'd', text, blocks, passages: [] }], { unit: 'block', coders: ['anna', 'bert'], tags: ['x'] });
      assert.deepEqual([r.tags[0].units, r.tags[0].percentAgreement, r.tags[0].kappa, r.tags[0].alpha],
        [10, { value: 1 }, { value: null, reason: 'noVariation' }, { value: null, reason: 'noVariation' }]);
      const everywhere = blocks.flatMap((b) => ['anna', 'bert'].map((coder) => ({ coder, tags: ['x'], start: b.span.start, end: b.span.end })));
      const all = computeAgreement([{ name: 'd', text, blocks, passages: everywhere }], { unit: 'block' });
      assert.deepEqual([all.tags[0].percentAgreement, all.tags[0].alpha], [{ value: 1 }, { value: null, reason: 'noVariation' }]);
    });

    it('a coder with no annotations said "not applied" everywhere', () => {
      const passages = [0, 4].map((i) => ({ coder: 'anna', tags: ['x'], start: blocks[i].span.start, end: blocks[i].span.end }));
      const r = computeAgreement([{ name: 'd', text, blocks, passages }], { unit: 'block', coders: ['anna', 'bert'] });
      const t = r.tags[0];
      close(t.percentAgreement, 0.8, 6);
      // p_e = 0.8 × 1 + 0.2 × 0: κ = 0. α = 1 − (n − 1) o01 / (n0 n1) = 1 − 19 × 2 / (18 × 2).
      close(t.kappa, 0, 6);
      close(t.alpha, 1 - (19 * 2) / (18 * 2), 6);
      assert.deepEqual(t.applied, { anna: 2, bert: 0 });
    });

    it('a coder who did not code a document has missing values there, not "not applied"', () => {
      const passages = (coder: string) => [{ coder, tags: ['x'], start: blocks[0].span.start, end: blocks[0].span.end }];
      const docs: AgreementDocument[] = [
        { name: 'd1', text, blocks, passages: [...passages('anna'), ...passages('bert')] },
        { name: 'd2', text, blocks, passages: [...passages('anna'), ...passages('bert')], codedBy: ['anna', 'bert'] },
      ];
      const r = computeAgreement(docs, { unit: 'block', coders: ['anna', 'bert', 'carla'] });
      assert.equal(r.tags[0].units, 20);
      assert.deepEqual(r.overall.pairs.map((p) => [p.a, p.b, p.units]), [['anna', 'bert', 20], ['anna', 'carla', 10], ['bert', 'carla', 10]]);
      assert.equal(r.disagreements.length, 1, 'only d1, where carla coded and did not apply x');
      assert.deepEqual([r.disagreements[0].document, r.disagreements[0].applied, r.disagreements[0].notApplied], ['d1', ['anna', 'bert'], ['carla']]);
    });
  });

  describe('character units', () => {
    /** Per code point, each coder's value (1, 0, or null when not coding the document), the slow way. */
    function naive(docs: readonly AgreementDocument[], coders: readonly string[], tag: string | undefined): Rating[][] {
      const units: Rating[][] = [];
      for (const d of docs) {
        let offset = 0;
        for (const ch of d.text) {
          const at = offset;
          offset += ch.length;
          units.push(coders.map((c) => {
            if (d.codedBy && !d.codedBy.includes(c)) return null;
            const on = d.passages.filter((p) => p.coder === c && p.start <= at && at < p.end);
            if (tag !== undefined) return on.some((p) => p.tags.includes(tag)) ? 1 : 0;
            return [...new Set(on.flatMap((p) => p.tags))].sort().join('+');
          }));
        }
      }
      return units;
    }

    function randomDocuments(rnd: () => number, coders: readonly string[], tags: readonly string[]): AgreementDocument[] {
      const docs: AgreementDocument[] = [];
      for (let d = 0; d < 4; d++) {
        // Astral characters and CRLF: a code point is a unit, a CRLF two.
        const text = Array.from({ length: 60 + Math.floor(rnd() * 60) }, () => (rnd() < 0.05 ? '😀' : rnd() < 0.05 ? '\r\n' : 'abcdefgh'[Math.floor(rnd() * 8)])).join('');
        const passages: CodedPassage[] = [];
        for (let k = 0; k < 12; k++) {
          let start = Math.floor(rnd() * text.length);
          if (text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) start--;
          let end = Math.min(text.length, start + 1 + Math.floor(rnd() * 25));
          if (text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
          passages.push({ coder: coders[Math.floor(rnd() * coders.length)], tags: tags.filter(() => rnd() < 0.5).slice(0, 2), start, end, id: `p${d}.${k}` });
        }
        docs.push({ name: `d${d}`, text, passages, ...(d === 3 ? { codedBy: coders.slice(0, 2) } : {}) });
      }
      return docs;
    }

    it('equals the per-code-point computation, per tag and overall, for two and three coders', () => {
      const rnd = random(7);
      for (const coders of [['anna', 'bert'], ['anna', 'bert', 'carla']]) {
        for (let round = 0; round < 5; round++) {
          const tags = ['a', 'b', 'c'];
          const docs = randomDocuments(rnd, coders, tags);
          const report = computeAgreement(docs, { unit: 'character', coders, tags });
          for (const t of report.tags) {
            const units = naive(docs, coders, t.tag);
            assert.deepEqual(t.alpha, krippendorffAlpha(units), `${t.tag} α`);
            assert.deepEqual(t.percentAgreement, percentAgreement(units), `${t.tag} %`);
            assert.equal(t.units, units.filter((u) => u.filter((v) => v !== null).length >= 2).length);
            if (coders.length === 2) assert.deepEqual(t.kappa, cohensKappaOf(units.map((u) => u[0]), units.map((u) => u[1])));
            assert.deepEqual(Object.values(t.applied), coders.map((_, c) => units.filter((u) => u[c] === 1).length));
          }
          const overall = naive(docs, coders, undefined);
          assert.equal(value(report.overall.alpha).toFixed(12), value(krippendorffAlpha(overall)).toFixed(12));
          assert.equal(value(report.overall.percentAgreement).toFixed(12), value(percentAgreement(overall)).toFixed(12));
        }
      }
    });

    it('lists disagreements as maximal runs, with the passages behind them', () => {
      const text = 'Dit is het antwoord op vraag 1. Het is ontwijkend.';
      const docs: AgreementDocument[] = [{
        name: 'doc.txt', text,
        passages: [
          // Anna: two touching passages, one run; Bert: one passage over part of it.
          { coder: 'anna', tags: ['ontwijkend'], start: 0, end: 10, id: 'a1' },
          { coder: 'anna', tags: ['ontwijkend'], start: 10, end: 20, id: 'a2' },
          { coder: 'bert', tags: ['ontwijkend'], start: 5, end: 15, id: 'b1' },
        ],
      }];
      const r = computeAgreement(docs, { unit: 'character' });
      assert.deepEqual(r.disagreements.map((d) => [d.start, d.end, d.applied, d.notApplied, d.passages.map((p) => p.id)]), [
        [0, 5, ['anna'], ['bert'], ['a1']],
        [15, 20, ['anna'], ['bert'], ['a2']],
      ]);
      assert.deepEqual(r.tags[0].applied, { anna: 20, bert: 10 });
      assert.equal(r.tags[0].units, text.length);
    });
  });

  it('compares tags at a level, or rolled up to their parents', () => {
    const { text, blocks } = blockText(2);
    const passages: CodedPassage[] = [
      { coder: 'anna', tags: ['antwoord/ontwijkend'], start: blocks[0].span.start, end: blocks[0].span.end },
      { coder: 'bert', tags: ['antwoord/gedeeltelijk'], start: blocks[0].span.start, end: blocks[0].span.end },
    ];
    const docs = [{ name: 'd', text, blocks, passages }];
    const exact = computeAgreement(docs, { unit: 'block' });
    assert.deepEqual(exact.tags.map((t) => [t.tag, value(t.percentAgreement)]), [['antwoord/gedeeltelijk', 0.5], ['antwoord/ontwijkend', 0.5]]);
    const level1 = computeAgreement(docs, { unit: 'block', level: 1 });
    assert.deepEqual(level1.tags.map((t) => [t.tag, value(t.percentAgreement)]), [['antwoord', 1]]);
    const rolled = computeAgreement(docs, { unit: 'block', rollUp: true });
    assert.deepEqual(rolled.tags.map((t) => [t.tag, value(t.percentAgreement)]), [['antwoord', 1], ['antwoord/gedeeltelijk', 0.5], ['antwoord/ontwijkend', 0.5]]);
  });
});
