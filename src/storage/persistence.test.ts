import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistence } from './persistence';

afterEach(() => {
  vi.unstubAllGlobals();
});

// Node has no navigator.storage: the browser API is stood in for by the smallest stub.
describe('requestPersistence', () => {
  it('is false where the API does not exist (Node, insecure origins)', async () => {
    vi.stubGlobal('navigator', undefined);
    expect(await requestPersistence()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toBe(false);
  });

  it("returns the browser's answer, and does not ask again once granted", async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    vi.stubGlobal('navigator', { storage: { persist, persisted: () => Promise.resolve(false) } });
    expect(await requestPersistence()).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
    vi.stubGlobal('navigator', { storage: { persist, persisted: () => Promise.resolve(true) } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('is false when the browser throws', async () => {
    vi.stubGlobal('navigator', { storage: { persist: () => Promise.reject(new Error('denied')) } });
    expect(await requestPersistence()).toBe(false);
  });
});
