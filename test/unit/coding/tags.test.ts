import * as assert from 'node:assert/strict';
import {
  buildTagTree, compareTags, flattenTagTree, groupTagsByLevel, isSameOrBelow, isValidTagPath, normalizeTag, parentTag,
  tagAndAncestors, tagAtLevel, tagDepth, tagName, tagSegments, type TagNode,
} from '../../../src/core/coding/tags';

describe('coding: hierarchical tags', () => {
  it('parses a path: names trimmed, one separator, empty names invalid', () => {
    assert.deepEqual(tagSegments(' antwoord / ontwijkend '), ['antwoord', 'ontwijkend']);
    assert.equal(normalizeTag(' antwoord /ontwijkend'), 'antwoord/ontwijkend');
    assert.equal(normalizeTag('  toezegging '), 'toezegging');
    for (const bad of ['', ' ', 'a//b', '/a', 'a/', 'a/ /b']) assert.equal(isValidTagPath(bad), false, bad);
    for (const good of ['a', 'a/b', 'ontwijkend antwoord', 'a / b / c']) assert.equal(isValidTagPath(good), true, good);
    assert.equal(tagDepth('antwoord/ontwijkend/deels'), 3);
    assert.equal(tagName('antwoord/ontwijkend'), 'ontwijkend');
    assert.equal(parentTag('antwoord/ontwijkend'), 'antwoord');
    assert.equal(parentTag('antwoord'), undefined);
    assert.deepEqual(tagAndAncestors('a/b/c'), ['a', 'a/b', 'a/b/c']);
    assert.ok(isSameOrBelow('antwoord/ontwijkend', 'antwoord'));
    assert.ok(isSameOrBelow('antwoord', 'antwoord'));
    assert.ok(!isSameOrBelow('antwoorden', 'antwoord'), 'a name that starts the same is no child');
    assert.equal(tagAtLevel('antwoord/ontwijkend/deels', 1), 'antwoord');
    assert.equal(tagAtLevel('antwoord/ontwijkend/deels', 2), 'antwoord/ontwijkend');
    assert.equal(tagAtLevel('toezegging', 3), 'toezegging');
  });

  it('sorts as people read: parent first, numbers by value, accents and case by letter', () => {
    const tags = ['vraag 10', 'vraag 2', 'antwoord/B', 'antwoord', 'antwoord/a', 'één', 'ander'];
    assert.deepEqual([...tags].sort(compareTags), ['ander', 'antwoord', 'antwoord/a', 'antwoord/B', 'één', 'vraag 2', 'vraag 10']);
  });

  it('groups tags by their ancestor at a level', () => {
    const groups = groupTagsByLevel(['antwoord/ontwijkend', 'toezegging', 'antwoord/volledig/ja', 'antwoord / ontwijkend'], 1);
    assert.deepEqual([...groups], [['antwoord', ['antwoord/ontwijkend', 'antwoord/volledig/ja']], ['toezegging', ['toezegging']]]);
    assert.deepEqual([...groupTagsByLevel(['antwoord/volledig/ja', 'antwoord/volledig/nee', 'antwoord'], 2)],
      [['antwoord', ['antwoord']], ['antwoord/volledig', ['antwoord/volledig/ja', 'antwoord/volledig/nee']]]);
  });

  describe('the tree with counts that roll up', () => {
    const passages = [
      { document: 'a.txt', tags: ['antwoord/ontwijkend'] },
      // Parent and child on one passage: the parent counts it once.
      { document: 'a.txt', tags: ['antwoord', 'antwoord/ontwijkend'] },
      // Two children on one passage: the parent counts it once.
      { document: 'b.txt', tags: ['antwoord/ontwijkend', 'antwoord/volledig'] },
      { document: 'b.txt', tags: ['toezegging'] },
      { document: 'c.txt', tags: ['antwoord/volledig/deels', 'toezegging'] },
      // The same tag twice on one passage counts once.
      { document: 'c.txt', tags: ['toezegging', ' toezegging'] },
    ];
    const byPath = (roots: TagNode[]) => new Map(flattenTagTree(roots).map((n) => [n.path, n]));

    it('counts own passages, distinct passages below, and documents', () => {
      const nodes = byPath(buildTagTree(passages));
      const counts = (p: string) => {
        const n = nodes.get(p);
        assert.ok(n, p);
        return [n.own, n.total, n.documents];
      };
      assert.deepEqual(counts('antwoord'), [1, 4, 3]);
      assert.deepEqual(counts('antwoord/ontwijkend'), [3, 3, 2]);
      assert.deepEqual(counts('antwoord/volledig'), [1, 2, 2]);
      assert.deepEqual(counts('antwoord/volledig/deels'), [1, 1, 1]);
      assert.deepEqual(counts('toezegging'), [3, 3, 2]);
    });

    it('orders parents before children and keeps the depth; codebook tags without passages appear with zero', () => {
      const roots = buildTagTree(passages, ['vraag/retorisch', 'antwoord/ontwijkend']);
      assert.deepEqual(flattenTagTree(roots).map((n) => `${'  '.repeat(n.depth - 1)}${n.name}`), [
        'antwoord', '  ontwijkend', '  volledig', '    deels', 'toezegging', 'vraag', '  retorisch',
      ]);
      const nodes = byPath(roots);
      assert.deepEqual([nodes.get('vraag')?.total, nodes.get('vraag/retorisch')?.own], [0, 0]);
      assert.equal(nodes.get('antwoord/ontwijkend')?.own, 3, 'a codebook tag in use keeps its counts');
    });

    it('an empty input is an empty tree', () => {
      assert.deepEqual(buildTagTree([]), []);
      assert.deepEqual(buildTagTree([{ document: 'a', tags: [] }, { document: 'a', tags: ['  '] }]), []);
    });
  });
});
