import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyError, isQuotaError } from './errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('recognising a full disk', () => {
  it.each<[string, unknown]>([
    ['a DOMException', quota()],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full', quota())],
    ['an AbortError with the quota error inside', new Dexie.AbortError('Transaction aborted', quota())],
    ['a plain object with inner', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }],
    ['an Error with a cause', new Error('write failed', { cause: quota() })],
    ['the legacy code 22', { name: 'Error', code: 22 }],
    ["Firefox's old name", { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
  ])('%s', (_, error) => {
    expect(isQuotaError(error)).toBe(true);
    expect(classifyError(error)).toBe('quota');
  });

  it.each([
    ['an AbortError alone', new Dexie.AbortError('Transaction aborted'), 'transient'],
    ['an unknown error', new DOMException('boom', 'UnknownError'), 'transient'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'closed'],
    [
      'an AbortError of uncloneable data',
      new Dexie.AbortError('aborted', new DOMException('x', 'DataCloneError')),
      'permanent',
    ],
    ['a string', 'QuotaExceededError', 'transient'],
    ['null', null, 'transient'],
  ])('not quota: %s', (_, error, kind) => {
    expect(isQuotaError(error)).toBe(false);
    expect(classifyError(error)).toBe(kind);
  });

  it('survives a cycle of causes', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(isQuotaError(a)).toBe(false);
  });
});
