// Nothing lost: a full disk, a failing table, no IndexedDB at all, a blocked upgrade, a newer tab.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, SCHEMA_V1 } from './db';
import { StorageError } from './errors';
import { openStorage } from './storage';
import type { Save, StatusReport } from './types';
import { FaultyDisk, freshIndexedDB, freshStorage, makeResult, quotaExceeded, T0, track } from './test-support';

const save = (step: number): Save => ({
  profileId: 'p',
  scenarioId: 'tutorial',
  scenarioVersion: '1.0.0',
  seed: 1,
  snapshot: { status: 'active', step },
  step,
  savedAt: T0 + step,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk', () => {
  it('queues the write, reports failing, retries with backoff and stores it once there is room', async () => {
    const disk = new FaultyDisk();
    const { storage, deps } = await freshStorage({ configure: disk.configure, retryBaseMs: 10, retryCapMs: 40 });
    const reports: StatusReport[] = [];
    storage.subscribe((r) => reports.push(r));

    disk.fail(quotaExceeded);
    expect(await storage.putSave(save(1))).toBe('queued');
    expect(storage.getStatus()).toEqual({ status: 'failing', reason: 'quota', pendingWrites: 1 });
    // The game reads what it wrote even though it is not on disk yet.
    expect(await storage.getSave('p', 'tutorial')).toEqual(save(1));
    // The backoff keeps trying while the disk is full.
    await expect.poll(() => disk.refused).toBeGreaterThan(2);

    disk.heal();
    await expect.poll(() => storage.status).toBe('ok');
    expect(reports.map((r) => r.status)).toEqual(['failing', 'ok']);
    // On disk: another storage on the same database sees it.
    const other = await track(openStorage({ ...deps, channelName: null }));
    expect(await other.getSave('p', 'tutorial')).toEqual(save(1));
  });

  it('recognises the quota error when Dexie reports it as the inner error of an AbortError', async () => {
    const disk = new FaultyDisk();
    const { storage } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(() => new Dexie.AbortError('Transaction aborted', quotaExceeded()));
    await storage.putSave(save(1));
    expect(storage.getStatus()).toMatchObject({ status: 'failing', reason: 'quota' });
  });

  it('never drops a finished result: it is stored by the next write that succeeds', async () => {
    const disk = new FaultyDisk();
    // A long backoff: only the next write can be what stores the result.
    const { storage, deps } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(quotaExceeded);
    const result = makeResult({ profileId: 'p', scenarioId: 'tutorial' });
    expect(await storage.addResult(result)).toBe('queued');
    expect(await storage.putSave(save(1))).toBe('queued');
    expect(await storage.putSave(save(2))).toBe('queued');
    // Meanwhile the player sees the result everywhere.
    expect(await storage.listResults({ profileId: 'p' })).toEqual([result]);
    expect((await storage.personalBest('p', 'tutorial'))?.id).toBe(result.id);
    expect((await storage.leaderboard('tutorial')).map((e) => e.resultId)).toEqual([result.id]);
    // Two writes wait: the result, and the latest save (which replaced the older one).
    expect(storage.getStatus().pendingWrites).toBe(2);

    disk.heal();
    expect(await storage.putSave(save(3))).toBe('stored');
    expect(storage.getStatus()).toEqual({ status: 'ok', pendingWrites: 0 });
    const other = await track(openStorage({ ...deps, channelName: null }));
    expect(await other.listResults()).toEqual([result]);
    expect((await other.getSave('p', 'tutorial'))?.step).toBe(3);
  });

  it('keeps a result whose table fails even when later writes to other tables succeed', async () => {
    const disk = new FaultyDisk();
    const { storage, deps } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(() => new DOMException('The disk went away', 'UnknownError'), ['results']);
    const result = makeResult({ profileId: 'p', scenarioId: 'tutorial' });
    expect(await storage.addResult(result)).toBe('queued');
    expect(await storage.putSave(save(1))).toBe('stored');
    expect(await storage.putSave(save(2))).toBe('stored');
    expect(storage.getStatus()).toEqual({ status: 'failing', reason: 'write-error', pendingWrites: 1 });
    expect(await storage.listResults()).toEqual([result]);

    disk.heal();
    expect(await storage.flush()).toBe(true);
    const other = await track(openStorage({ ...deps, channelName: null }));
    expect(await other.listResults()).toEqual([result]);
  });

  it('gives up a save that can never be stored, but never a result', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const disk = new FaultyDisk();
    const { storage } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(() => new DOMException('Could not be cloned', 'DataCloneError'));
    expect(await storage.putSave(save(1))).toBe('stored'); // not queued: retrying cannot help
    expect(errors).toHaveBeenCalledOnce();
    expect(await storage.addResult(makeResult({ profileId: 'p', scenarioId: 'tutorial' }))).toBe('queued');
    expect(storage.getStatus()).toMatchObject({ status: 'failing', pendingWrites: 1 });
  });

  it('a deleted profile takes its waiting writes with it', async () => {
    const disk = new FaultyDisk();
    const { storage } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(quotaExceeded);
    await storage.addResult(makeResult({ profileId: 'p', scenarioId: 'tutorial' }));
    await storage.putSave(save(1));
    await storage.deleteProfile('p');
    expect(storage.getStatus().pendingWrites).toBe(1); // the delete itself
    expect(await storage.listResults()).toEqual([]);
    expect(await storage.getSave('p', 'tutorial')).toBeUndefined();
    disk.heal();
    expect(await storage.flush()).toBe(true);
  });
});

describe('no usable IndexedDB', () => {
  async function playsInMemory(storage: Awaited<ReturnType<typeof openStorage>>) {
    const profile = await storage.createProfile('Ada');
    expect(await storage.putSave({ ...save(1), profileId: profile.id })).toBe('stored');
    await storage.addResult(makeResult({ profileId: profile.id, scenarioId: 'tutorial' }));
    expect(await storage.getSave(profile.id, 'tutorial')).toMatchObject({ step: 1 });
    expect(await storage.leaderboard('tutorial')).toHaveLength(1);
  }

  it('without IndexedDB, plays on in memory and says so', async () => {
    // The default in-memory database (loaded on demand), as the browser would get it.
    const storage = await track(openStorage({ indexedDB: null, channelName: null }));
    expect(storage.persistent).toBe(false);
    expect(storage.getStatus()).toEqual({ status: 'unavailable', reason: 'no-indexeddb', pendingWrites: 0 });
    await playsInMemory(storage);
    expect(storage.status).toBe('unavailable');
  });

  it('when opening fails (private mode), plays on in memory', async () => {
    const refusing = {
      open: () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const { IDBKeyRange } = freshIndexedDB();
    const storage = await track(
      openStorage({
        indexedDB: refusing,
        IDBKeyRange,
        channelName: null,
        memory: () => Promise.resolve(freshIndexedDB()),
      }),
    );
    expect(storage.getStatus()).toMatchObject({ status: 'unavailable', reason: 'open-failed' });
    await playsInMemory(storage);
  });

  it('when opening hangs, gives up after the timeout and plays on in memory', async () => {
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    const storage = await track(
      openStorage({
        indexedDB: hanging,
        IDBKeyRange: freshIndexedDB().IDBKeyRange,
        openTimeoutMs: 20,
        channelName: null,
        memory: () => Promise.resolve(freshIndexedDB()),
      }),
    );
    expect(storage.getStatus()).toMatchObject({ status: 'unavailable', reason: 'open-failed' });
    await playsInMemory(storage);
  });

  it('when an old tab blocks the upgrade and does not let go, plays on in memory', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deps = freshIndexedDB();
    const oldTab = new Dexie(DATABASE_NAME, deps);
    oldTab.version(1).stores(SCHEMA_V1);
    oldTab.on('versionchange', () => false); // a tab that refuses to close
    await oldTab.open();
    const storage = await track(
      openStorage({ ...deps, channelName: null, blockedGraceMs: 20, memory: () => Promise.resolve(freshIndexedDB()) }),
    );
    expect(storage.getStatus()).toMatchObject({ status: 'unavailable', reason: 'blocked' });
    await playsInMemory(storage);
    oldTab.close();
  });
});

describe('another tab upgrades the database', () => {
  it('stores what is waiting, lets go so the upgrade can run, and asks for a reload', async () => {
    const deps = freshIndexedDB();
    const storage = await track(openStorage({ ...deps, channelName: null }));
    await storage.createProfile('Ada');
    const newerTab = new Dexie(DATABASE_NAME, deps);
    newerTab.version(3).stores({ ...SCHEMA_V1, extra: 'id' });
    await newerTab.open(); // would hang if this tab did not close
    await expect.poll(() => storage.status).toBe('unavailable');
    expect(storage.getStatus().reason).toBe('versionchange');
    await expect(storage.listProfiles()).rejects.toThrow(StorageError);
    await expect(storage.listProfiles()).rejects.toThrow(/Reload/);
    expect(await newerTab.table('profiles').count()).toBe(1);
    newerTab.close();
  });
});
