import * as assert from 'node:assert/strict';
import {
  annotateArgs, annotationChange, exportArgs, exportFileName, isUriString, tagList, targetArgs,
} from '../../../src/core/annotations/commandArgs';
import { stepFrom, touching } from '../../../src/core/annotations/navigation';
import { acceptedTags, tagChoices, typedTagItems } from '../../../src/core/annotations/tagChoices';

const a = (id: string, start: number, end: number, orphaned = false) => ({ id, start, end, orphaned });

describe('annotations: the pure parts of the commands', () => {
  describe('arguments', () => {
    it('tags: one name as given, a list trimmed without empty names, anything else ignored', () => {
      assert.deepEqual(tagList('toezegging'), ['toezegging']);
      assert.deepEqual(tagList([' toezegging ', '', 'verwijzing']), ['toezegging', 'verwijzing']);
      assert.deepEqual(tagList([]), []);
      assert.equal(tagList(['a', 1]), undefined);
      assert.equal(tagList(undefined), undefined);
    });

    it('Tag Passage: tags and note from an object; a URI (menus pass one) or nothing gives neither', () => {
      assert.deepEqual(annotateArgs({ tags: ['t'], note: 'n' }), { tags: ['t'], note: 'n' });
      assert.deepEqual(annotateArgs({ note: 'n' }), { note: 'n' });
      assert.deepEqual(annotateArgs({ tags: 3, note: 4 }), {});
      assert.deepEqual(annotateArgs({ scheme: 'file', path: '/x.txt' }), {});
      assert.deepEqual(annotateArgs(undefined), {});
      assert.deepEqual(annotateArgs('kamerstukken'), {});
    });

    it('Edit and Remove: id, uri, tags and note', () => {
      assert.deepEqual(targetArgs({ id: 'aaaaaaaa', uri: 'file:///x.txt', tags: 'a', note: '' }), { id: 'aaaaaaaa', uri: 'file:///x.txt', tags: ['a'], note: '' });
      assert.deepEqual(targetArgs({ id: 7 }), {});
      // A row of the Annotations view (its context menu passes the tree node): no id of its own.
      assert.deepEqual(targetArgs({ kind: 'item', parent: 'toezegging' }), {});
    });

    it('the change an edit makes: the note trimmed, an empty one kept (it removes the note)', () => {
      assert.deepEqual(annotationChange(['a'], ' n '), { tags: ['a'], note: 'n' });
      assert.deepEqual(annotationChange(undefined, '  '), { note: '' });
      assert.deepEqual(annotationChange([], undefined), { tags: [] });
    });

    it('Export: formats by name or alias, scope, separator and target; a wrong value is an error, a missing one is asked', () => {
      assert.deepEqual(exportArgs(undefined), { args: { separator: ';', overwrite: false } });
      assert.deepEqual(exportArgs({ format: 'MD', scope: 'workspace', separator: '\t', target: '/tmp/x.md', overwrite: true }),
        { args: { format: 'markdown', scope: 'workspace', separator: '\t', target: '/tmp/x.md', overwrite: true } });
      assert.deepEqual(exportArgs({ format: 'w3c' }), { args: { format: 'jsonld', separator: ';', overwrite: false } });
      assert.deepEqual(exportArgs({ coders: [' Anna ', ''] }), { args: { separator: ';', overwrite: false, coders: ['Anna', ''] } });
      assert.deepEqual(exportArgs({ coders: 'Bram' }), { args: { separator: ';', overwrite: false, coders: ['Bram'] } });
      assert.deepEqual(exportArgs({ coders: [1] }), { error: { kind: 'coders' } });
      assert.deepEqual(exportArgs({ format: 'xlsx', scope: 'everything' }), { error: { kind: 'format', value: 'xlsx', known: ['csv', 'markdown', 'jsonld'] } });
      assert.deepEqual(exportArgs({ scope: 'everything' }), { error: { kind: 'scope', value: 'everything' } });
      assert.deepEqual(exportArgs({ format: 'csv', separator: '|' }), { error: { kind: 'separator' } });
      assert.deepEqual(exportArgs({ format: 'csv', overwrite: 'yes' }), { args: { format: 'csv', separator: ';', overwrite: false } }, 'only true overwrites');
    });

    it('Export: a target string is a URI or a path; the proposed name drops the extension', () => {
      assert.ok(isUriString('file:///tmp/x.csv'));
      assert.ok(isUriString('untitled:x.csv'));
      assert.ok(!isUriString('/tmp/x.csv'));
      assert.ok(!isUriString('C:\\Users\\x.csv'));
      assert.ok(!isUriString('c:/Users/x.csv'));
      assert.equal(exportFileName('kamervragen.2024.txt', 'csv'), 'kamervragen.2024.annotations.csv');
      assert.equal(exportFileName('README', 'md'), 'README.annotations.md');
    });
  });

  describe('navigation', () => {
    const list = [a('a', 10, 20), a('b', 15, 30), a('o', 0, 0, true), a('c', 40, 50)];

    it('the annotations under the cursors and selections, edges included, each once, orphans never', () => {
      assert.deepEqual(touching(list, [{ start: 20, end: 20 }]).map((x) => x.id), ['a', 'b']);
      assert.deepEqual(touching(list, [{ start: 45, end: 45 }, { start: 5, end: 12 }, { start: 11, end: 11 }]).map((x) => x.id), ['c', 'a']);
      assert.deepEqual(touching(list, [{ start: 0, end: 0 }]), []);
      assert.deepEqual(touching(list, []), []);
    });

    it('next and previous by start, wrapping around; none without placed annotations', () => {
      assert.equal(stepFrom(list, 10, 1)?.id, 'b');
      assert.equal(stepFrom(list, 40, 1)?.id, 'a', 'wraps to the first');
      assert.equal(stepFrom(list, 15, -1)?.id, 'a');
      assert.equal(stepFrom(list, 10, -1)?.id, 'c', 'wraps to the last');
      assert.equal(stepFrom([a('o', 0, 0, true)], 0, 1), undefined);
    });
  });

  describe('tag choices', () => {
    it('configured tags first, in their order, then the others used, sorted, then the annotation\'s own', () => {
      const configured = [{ name: 'toezegging', description: 'een belofte' }, { name: 'verwijzing' }];
      assert.deepEqual(tagChoices(configured, ['zzz', 'verwijzing', 'aaa', 'aaa'], ['eigen', 'aaa']), [
        { name: 'toezegging', description: 'een belofte' }, { name: 'verwijzing' }, { name: 'aaa' }, { name: 'zzz' }, { name: 'eigen' },
      ]);
    });

    it('what is typed is offered as a new tag on top; new tags typed before stay while selected', () => {
      const offered = [{ label: 'toezegging' }, { label: 'verwijzing' }];
      assert.deepEqual(typedTagItems(' nieuw ', offered, [], 'new tag'), [{ label: 'nieuw', description: 'new tag', alwaysShow: true }, ...offered]);
      assert.deepEqual(typedTagItems('toezegging', offered, [], 'new tag'), offered, 'an offered tag is not new');
      const earlier = { label: 'eerder', description: 'new tag' };
      assert.deepEqual(typedTagItems('', offered, [earlier, offered[1]], 'new tag'), [earlier, ...offered]);
      assert.deepEqual(typedTagItems('eerder', offered, [earlier], 'new tag'), [{ label: 'eerder', description: 'new tag', alwaysShow: true }, ...offered], 'once');
    });

    it('accepting takes the selected tags, else what was typed', () => {
      assert.deepEqual(acceptedTags([{ label: 'a' }, { label: 'b' }], 'c'), ['a', 'b']);
      assert.deepEqual(acceptedTags([], ' c '), ['c']);
      assert.deepEqual(acceptedTags([], ''), []);
    });
  });
});
