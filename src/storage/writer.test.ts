// The writer alone, with a pretend database: ordering, backoff and what is never dropped.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Writer, type WriterOptions } from './writer';

const quota = () => new DOMException('full', 'QuotaExceededError');

function writer(apply: (intent: string) => Promise<void>, options: Partial<WriterOptions<string>> = {}) {
  const w = new Writer<string>(apply, {
    retryBaseMs: 100,
    retryCapMs: 350,
    canRetry: () => true,
    onChange: () => undefined,
    onDropped: () => undefined,
    ...options,
  });
  made.push(w);
  return w;
}
const made: Writer<string>[] = [];

afterEach(() => {
  for (const w of made.splice(0)) w.stop();
});

describe('Writer', () => {
  it('backs off exponentially up to the cap, and starts over after a success', async () => {
    let full = true;
    const w = writer(() => (full ? Promise.reject(quota()) : Promise.resolve()));
    expect(await w.write('a', 'a')).toBe('queued');
    const delays = [w.nextRetryMs];
    for (let i = 0; i < 4; i++) {
      await w.flush();
      delays.push(w.nextRetryMs);
    }
    expect(delays).toEqual([100, 200, 350, 350, 350]);
    full = false;
    expect(await w.flush()).toBe(true);
    expect(w.nextRetryMs).toBeUndefined();
    full = true;
    await w.write('b', 'b');
    expect(w.nextRetryMs).toBe(100);
  });

  it('retries on its own when the delay is up', async () => {
    vi.useFakeTimers();
    try {
      let full = true;
      const applied: string[] = [];
      const w = writer((i) => {
        if (full) return Promise.reject(quota());
        applied.push(i);
        return Promise.resolve();
      });
      await w.write('a', 'a');
      full = false;
      await vi.advanceTimersByTimeAsync(99);
      expect(applied).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(applied).toEqual(['a']);
      expect(w.pending).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never loses a newer write of the same key that arrives while the older one is being stored', async () => {
    const applied: string[] = [];
    let release: () => void = () => undefined;
    const w = writer(async (intent) => {
      if (intent === 'save v1') await new Promise<void>((r) => (release = r));
      applied.push(intent);
    });
    const first = w.write('save', 'save v1');
    await Promise.resolve(); // v1 is now being stored
    const second = w.write('save', 'save v2');
    release();
    expect(await first).toBe('stored');
    expect(await second).toBe('stored');
    expect(applied).toEqual(['save v1', 'save v2']);
  });

  it('keeps the order of writes, and the latest write per key', async () => {
    let full = true;
    const applied: string[] = [];
    const w = writer((i) => {
      if (full) return Promise.reject(quota());
      applied.push(i);
      return Promise.resolve();
    });
    await w.write('result 1', 'result 1');
    await w.write('save', 'save v1');
    await w.write('result 2', 'result 2');
    await w.write('save', 'save v2');
    expect(w.pending).toEqual(['result 1', 'result 2', 'save v2']);
    full = false;
    await w.flush();
    expect(applied).toEqual(['result 1', 'result 2', 'save v2']);
  });

  it('stops after a full disk instead of hammering it with every waiting write', async () => {
    let attempts = 0;
    const w = writer(() => {
      attempts++;
      return Promise.reject(quota());
    });
    await w.write('a', 'a');
    await w.write('b', 'b');
    await w.write('c', 'c');
    attempts = 0;
    await w.flush();
    expect(attempts).toBe(1);
    expect(w.failedCount).toBe(3);
  });

  it('does not retry once told that retrying is pointless', async () => {
    const w = writer(() => Promise.reject(new DOMException('closed', 'InvalidStateError')), { canRetry: () => false });
    expect(await w.write('a', 'a')).toBe('queued');
    expect(w.failure).toBe('closed');
    expect(w.nextRetryMs).toBeUndefined();
  });

  it('reports a write that failed once it is not queued', async () => {
    const w = writer(() => Promise.reject(quota()));
    const outcome = await w.once(() => Promise.reject(quota()));
    expect(outcome).toMatchObject({ ok: false, kind: 'quota' });
    expect(w.pending).toEqual([]);
  });
});
