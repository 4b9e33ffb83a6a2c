// One tab per run: the second tab learns that the run is open elsewhere.
import { describe, expect, it } from 'vitest';
import { RunLock, runLockName } from './lock';

/**
 * The Web Locks API's `ifAvailable` behaviour, which Node 20 lacks: a lock is granted when free
 * and held until the callback's promise settles; otherwise the callback gets null at once.
 */
class LockManagerForTests {
  private readonly held = new Set<string>();

  async request(name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    if (this.held.has(name)) return callback(null);
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
    }
  }
}

const locksForTests = () => new LockManagerForTests() as unknown as LockManager;
const channel = () => `ppi-quest-lock-test-${Math.random()}`;

describe('RunLock', () => {
  const name = runLockName('profile-1', 'tutorial');

  it('with Web Locks: the first tab gets the run, the second is told, and gets it once released', async () => {
    const locks = locksForTests();
    const first = await RunLock.acquire(name, { locks });
    expect(first?.mechanism).toBe('web-locks');
    expect(await RunLock.acquire(name, { locks })).toBeUndefined();
    // Another run is not affected.
    expect(await RunLock.acquire(runLockName('profile-1', 'street-lighting'), { locks })).toBeDefined();
    first!.release();
    first!.release(); // twice is harmless
    await expect.poll(async () => (await RunLock.acquire(name, { locks }))?.mechanism).toBe('web-locks');
  });

  it('over BroadcastChannel where Web Locks are missing (plain http on the LAN)', async () => {
    const options = { locks: null, channelName: channel(), answerWaitMs: 100 };
    const first = await RunLock.acquire(name, options);
    expect(first?.mechanism).toBe('broadcast');
    expect(await RunLock.acquire(name, options)).toBeUndefined();
    first!.release();
    const again = await RunLock.acquire(name, options);
    expect(again?.held).toBe(true);
    again!.release();
  });

  it('over BroadcastChannel, two tabs asking at the same moment: exactly one gets the run', async () => {
    const options = { locks: null, channelName: channel(), answerWaitMs: 100 };
    const both = await Promise.all([RunLock.acquire(name, options), RunLock.acquire(name, options)]);
    expect(both.filter((l) => l !== undefined)).toHaveLength(1);
    for (const l of both) l?.release();
  });

  it('without either API there is no other tab to fear: granted', async () => {
    const lock = await RunLock.acquire(name, { locks: null, channelName: null });
    expect(lock?.mechanism).toBe('none');
  });

  it('names a run by profile and scenario, without collisions from clever ids', () => {
    expect(runLockName('a b', 'c')).not.toBe(runLockName('a', 'b c'));
  });
});
