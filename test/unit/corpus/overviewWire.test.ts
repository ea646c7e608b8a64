import * as assert from 'node:assert/strict';
import { overviewRows, type OverviewInput } from '../../../src/core/corpus/overview';
import { packRows, unpackRows } from '../../../src/core/corpus/overviewWire';
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
