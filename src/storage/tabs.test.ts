import { describe, expect, it } from 'vitest';
import { parseTabMessage } from './tabs';

describe('messages from other tabs', () => {
  it('reads the messages the game sends', () => {
    const save = { type: 'save', profileId: 'p', scenarioId: 's', step: 3, savedAt: 10 };
    expect(parseTabMessage(save)).toEqual(save);
    expect(parseTabMessage({ type: 'profiles', extra: 1 })).toEqual({ type: 'profiles' });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'save'],
    ['an unknown type', { type: 'drop-tables' }],
    ['a save without a step', { type: 'save', profileId: 'p', scenarioId: 's', savedAt: 1 }],
    ['a save with a non-number step', { type: 'save', profileId: 'p', scenarioId: 's', step: '3', savedAt: 1 }],
    ['a result without an id', { type: 'result', profileId: 'p', scenarioId: 's' }],
  ])('ignores %s', (_, data) => {
    expect(parseTabMessage(data)).toBeUndefined();
  });
});
