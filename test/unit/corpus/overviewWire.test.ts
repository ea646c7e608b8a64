import * as assert from 'node:assert/strict';
import { overviewRows, type OverviewInput } from '../../../src/core/corpus/overview';
import { packRows, unpackRows, WIRE_FIELDS } from '../../../src/core/corpus/overviewWire';
import type { OverviewRow } from '../../../src/core/corpus/overviewTable';
import { buildRecord } from '../../../src/core/corpus/record';
import { answerText, noticeText, questionsText } from './texts';

function inputs(): OverviewInput[] {
  return [
    { id: 'file:///w/a%20b/wolf/vragen.txt', file: 'a b/wolf/vragen.txt', record: buildRecord(questionsText()), annotations: [] },
    { id: 'file:///w/a%20b/wolf/uitstel.txt', file: 'a b/wolf/uitstel.txt', record: buildRecord(noticeText({ sent: '15 februari 2024' })), annotations: [] },
    { id: 'file:///w/a%20b/wolf/antwoord.txt', file: 'a b/wolf/antwoord.txt', record: buildRecord(answerText({ received: '1 maart 2024' })), annotations: [{ tags: ['toezegging'] }] },
    { id: 'file:///w/a%20b/notes.txt', file: 'a b/notes.txt', annotations: [] },
  ];
}

describe('corpus: overview rows on the wire to the webview', () => {
  it('unpacks to the rows packed: ids without their shared folder, related ids from their rows', () => {
    const rows = overviewRows(inputs(), { today: '2024-05-30' });
    const idOf = new Map(rows.map((r) => [r.file, r.id]));
    const wire = packRows(rows, idOf);
    assert.equal(wire.base, 'file:///w/a%20b/');
    assert.deepEqual(unpackRows(JSON.parse(JSON.stringify(wire)) as typeof wire, () => undefined), rows);
    assert.ok(JSON.stringify(wire).length < JSON.stringify(rows).length * 0.7, 'smaller than the rows as objects');
  });

  it('writes every field in the order WIRE_FIELDS names them (a row with a distinct value in each)', () => {
    const row: OverviewRow = {
      id: 'file:///w/x.txt', file: 'x.txt', kind: 'questions', title: 'T', subject: 'S', askedBy: ['A'], parties: ['P'], addressedTo: 'M',
      ministries: ['Mi'], submitted: '2024-01-02', received: '2024-01-03', year: '2024', due: '2024-01-23', daysToAnswer: 1, status: 'answeredLate',
      extensions: 2, daysOverdue: 3, questions: 4, tags: { t: 5 }, annotations: 6, citedBy: 7, related: [{ id: 'file:///w/y.txt', file: 'y.txt', kind: 'answer' }],
    };
    const [packed] = packRows([row], new Map()).rows;
    assert.equal(packed.length, WIRE_FIELDS.length);
    WIRE_FIELDS.forEach((f, i) => {
      if (f === 'id') assert.equal(packed[i], 'x.txt');
      else if (f === 'related') assert.deepEqual(packed[i], [['y.txt', 'answer', 'file:///w/y.txt']]);
      else assert.deepEqual(packed[i], row[f], f);
    });
    assert.deepEqual(unpackRows(packRows([row], new Map()), () => undefined), [row]);
  });

  it('a changed row alone: related ids from the rows the webview already has, or sent when they differ', () => {
    const rows = overviewRows(inputs(), { today: '2024-05-30' });
    const idOf = new Map(rows.map((r) => [r.file, r.id]));
    const answer = rows.find((r) => r.file === 'a b/wolf/antwoord.txt');
    assert.ok(answer && answer.related.length === 2);
    const back = unpackRows(packRows([answer], idOf), (file) => idOf.get(file));
    assert.deepEqual(back, [answer]);
    const odd = { ...answer, related: [{ ...answer.related[0], id: 'untitled:Untitled-1' }] };
    assert.deepEqual(unpackRows(packRows([odd], idOf), () => undefined), [odd]);
    assert.deepEqual(unpackRows(packRows([], idOf), () => undefined), []);
  });
});
