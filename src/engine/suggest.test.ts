import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './suggest';

describe('did you mean', () => {
  const fields = ['title', 'text', 'next', 'setFlags', 'clearFlags', 'otherwise', 'outcomes'];

  it('suggests the nearest name for a one-letter slip', () => {
    expect(closest('setFlag', fields)).toBe('setFlags');
    expect(closest('nxt', fields)).toBe('next');
    expect(closest('otherwize', fields)).toBe('otherwise');
  });

  it('counts two swapped neighbouring letters as one slip', () => {
    expect(closest('titel', fields)).toBe('title');
    expect(closest('intor', ['intro', 'outro'])).toBe('intro');
    expect(closest('otuhcomes', fields)).toBe('outcomes');
  });

  it('ignores case when comparing, but answers in the known spelling', () => {
    expect(closest('SETFLAGS', fields)).toBe('setFlags');
  });

  it('allows more slips in longer names, and none that are too far', () => {
    // Names under 6 letters allow 1 edit, 6–8 letters 2, 9 and more 3.
    expect(closest('tex', ['texts'])).toBeUndefined();
    expect(closest('clearFlg', fields)).toBe('clearFlags');
    expect(closest('budget', ['trust', 'market'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('words the hint, or gives none', () => {
    expect(didYouMean('nxt', fields)).toBe('did you mean "next"?');
    expect(didYouMean('colour', fields)).toBeUndefined();
  });
});
