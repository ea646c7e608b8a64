import * as assert from 'node:assert/strict';
import { titlePlace } from '../../../src/core/corpus/titlePlace';
import { parseDocument, summariseDocument } from '../../../src/core/parser';
import { fixture, seed } from '../helpers';

/** The text between two [line, character] places, counted by splitting the text into lines. */
function between(text: string, start: readonly [number, number], end: readonly [number, number]): string {
  const lines = text.split('\n');
  if (start[0] === end[0]) return lines[start[0]].slice(start[1], end[1]);
  return [lines[start[0]].slice(start[1]), ...lines.slice(start[0] + 1, end[0]), lines[end[0]].slice(0, end[1])].join('\n');
}

describe('corpus: where Go to Definition opens a document (its title)', () => {
  it('a copied web page: at the title below the navigation and metadata, its first line selected', () => {
    const text = seed('003');
    const place = titlePlace(parseDocument(text), text);
    assert.ok(place);
    const lines = text.split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('Vragen van het lid Leijten (SP)'));
    assert.ok(titleLine > 10, 'the title is below the page metadata');
    assert.deepEqual(place.range.start, [titleLine, 0]);
    assert.deepEqual(place.selection.start, [titleLine, 0]);
    assert.equal(between(text, place.selection.start, place.selection.end), lines[titleLine].trimEnd());
    const title = between(text, place.range.start, place.range.end);
    assert.ok(title.startsWith('Vragen van het lid Leijten (SP) aan de Minister-President'), title);
    // A file that is not open is read by its summary: the same place.
    assert.deepEqual(titlePlace(summariseDocument(text), text), place);
  });

  it('counts lines as the editor does in a text with CRLF line ends', () => {
    const lf = seed('003');
    const crlf = lf.replace(/\n/gu, '\r\n');
    const a = titlePlace(parseDocument(lf), lf);
    const b = titlePlace(parseDocument(crlf), crlf);
    assert.ok(a && b);
    assert.deepEqual(b.range.start, a.range.start);
    assert.deepEqual(b.selection, a.selection, 'the selection stops before "\\r"');
  });

  it('a title that starts the text; none for a text without a title', () => {
    const text = fixture('traps.txt');
    const place = titlePlace(parseDocument(text), text);
    assert.deepEqual(place?.range.start, [0, 0]);
    assert.ok(between(text, place.selection.start, place.selection.end).startsWith('Vragen van het lid Omtzigt (NSC)'));
    const none = fixture('postponement.txt');
    assert.equal(titlePlace(parseDocument(none), none), undefined);
  });
});
