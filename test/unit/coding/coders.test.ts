import * as assert from 'node:assert/strict';
import { byCoder, codersOf, filtersCoders, groupByCoder, isVisible } from '../../../src/core/coding/coders';

describe('coding: coders', () => {
  const annotations = [
    { id: '1', coder: 'bert' }, { id: '2' }, { id: '3', coder: 'Anna' }, { id: '4', coder: ' bert ' }, { id: '5', coder: '' }, { id: '6', coder: 'Émile' },
  ];

  it('lists the coders, trimmed and distinct, as people sort them', () => {
    assert.deepEqual(codersOf(annotations), ['Anna', 'bert', 'Émile']);
    assert.deepEqual(codersOf([]), []);
  });

  it('filters by coder; undefined (or empty) is the annotations without one', () => {
    assert.deepEqual(byCoder(annotations, 'bert').map((a) => a.id), ['1', '4']);
    assert.deepEqual(byCoder(annotations, undefined).map((a) => a.id), ['2', '5']);
    assert.deepEqual(byCoder(annotations, 'carla'), []);
  });

  it('groups by coder, coders sorted and those without one last', () => {
    assert.deepEqual([...groupByCoder(annotations)].map(([k, v]) => [k, v.map((a) => a.id)]), [
      ['Anna', ['3']], ['bert', ['1', '4']], ['Émile', ['6']], [undefined, ['2', '5']],
    ]);
  });
});

describe('coding: who sees which annotations', () => {
  const a = { coder: 'Anna' };
  const b = { coder: 'Bram' };
  const none = {};
  it('blind coding shows only one\'s own', () => {
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { blind: true, me: 'Anna' })), [a]);
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { blind: true })), [none]);
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { blind: false, me: 'Anna' })), [a, b, none]);
  });
  it('a coder filter shows the coders listed, \'\' for those without', () => {
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { coders: ['Bram', ''] })), [b, none]);
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { coders: [] })), []);
    assert.deepEqual([a, b, none].filter((x) => isVisible(x, { blind: true, me: 'Anna', coders: ['Bram'] })), []);
    assert.equal(filtersCoders({}), false);
    assert.equal(filtersCoders({ coders: [] }), true);
  });
});
