import * as assert from 'node:assert/strict';
import { stableColor, TagColors } from '../../../src/core/coding/colors';

describe('coding: tag colours', () => {
  it('takes the tag\'s own colour, else the nearest ancestor\'s, else a stable one', () => {
    const colors = new TagColors([{ name: 'antwoord', color: '#111111' }, { name: 'antwoord/ontwijkend/deels', color: '#222222' }, { name: 'x' }]);
    assert.equal(colors.colorOf('antwoord'), '#111111');
    assert.equal(colors.colorOf('antwoord/ontwijkend'), '#111111');
    assert.equal(colors.colorOf('antwoord / ontwijkend / deels'), '#222222');
    assert.equal(colors.colorOf('antwoord/ontwijkend/deels/kort'), '#222222');
    assert.equal(colors.colorOf('x'), stableColor('x'));
    assert.match(stableColor('x'), /^#[0-9a-f]{6}$/);
    assert.notEqual(stableColor('x'), stableColor('y'));
  });

  it('the first definition of a name wins', () => {
    assert.equal(new TagColors([{ name: 'a', color: '#111111' }, { name: ' a', color: '#222222' }]).colorOf('a'), '#111111');
  });
});
