import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { freshStorage, makeResult, T0 } from './test-support';

describe('profiles', () => {
  it('creates, lists, renames and reads back', async () => {
    let now = T0;
    const { storage } = await freshStorage({ now: () => now });
    const ada = await storage.createProfile('  Ada  ');
    now += 1_000;
    const bo = await storage.createProfile('Bo');
    expect(ada).toMatchObject({ name: 'Ada', createdAt: T0, lastPlayedAt: T0 });
    expect(ada.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ada.id).not.toBe(bo.id);
    // Most recently active first.
    expect((await storage.listProfiles()).map((p) => p.name)).toEqual(['Bo', 'Ada']);

    expect(await storage.renameProfile(ada.id, 'Ada L.')).toBe('stored');
    expect(await storage.getProfile(ada.id)).toEqual({ ...ada, name: 'Ada L.' });
  });

  it('refuses empty, over-long and unknown names with a readable error', async () => {
    const { storage } = await freshStorage();
    await expect(storage.createProfile(' \n ')).rejects.toThrow(StorageError);
    await expect(storage.createProfile('x'.repeat(41))).rejects.toThrow(/at most 40/);
    await expect(storage.renameProfile('nobody', 'Ghost')).rejects.toThrow(/no longer exists/);
    expect(await storage.listProfiles()).toEqual([]);
  });

  it('a finished run moves the profile to the top', async () => {
    const { storage } = await freshStorage({ now: () => T0 });
    const ada = await storage.createProfile('Ada');
    const bo = await storage.createProfile('Bo');
    await storage.addResult(makeResult({ profileId: ada.id, scenarioId: 'tutorial', finishedAt: T0 + 60_000 }));
    const [first] = await storage.listProfiles();
    expect(first).toMatchObject({ id: ada.id, lastPlayedAt: T0 + 60_000 });
    expect(bo.lastPlayedAt).toBe(T0);
  });

  it('deleting a profile deletes its saves, results, bests and achievements, and nobody else’s', async () => {
    const { storage } = await freshStorage();
    const ada = await storage.createProfile('Ada');
    const bo = await storage.createProfile('Bo');
    for (const p of [ada, bo]) {
      await storage.putSave({
        profileId: p.id,
        scenarioId: 'tutorial',
        scenarioVersion: '1.0.0',
        seed: 1,
        snapshot: { status: 'active' },
        step: 1,
        savedAt: T0,
      });
      await storage.addResult(makeResult({ profileId: p.id, scenarioId: 'tutorial' }));
      await storage.award(p.id, 'first-run', T0);
      await storage.putSettings({ language: 'en' });
    }

    expect(await storage.deleteProfile(ada.id)).toBe('stored');

    expect((await storage.listProfiles()).map((p) => p.id)).toEqual([bo.id]);
    expect(await storage.listSaves(ada.id)).toEqual([]);
    expect(await storage.listResults({ profileId: ada.id })).toEqual([]);
    expect(await storage.personalBest(ada.id, 'tutorial')).toBeUndefined();
    expect(await storage.listAchievements(ada.id)).toEqual([]);
    expect((await storage.leaderboard('tutorial')).map((e) => e.profileId)).toEqual([bo.id]);
    expect((await storage.overallLeaderboard()).map((e) => e.profileId)).toEqual([bo.id]);
    // Bo and the device settings are untouched.
    expect(await storage.listSaves(bo.id)).toHaveLength(1);
    expect(await storage.listResults({ profileId: bo.id })).toHaveLength(1);
    expect(await storage.listAchievements(bo.id)).toHaveLength(1);
    expect(await storage.getSettings()).toEqual({ language: 'en' });
  });

  it('keeps device-wide settings', async () => {
    const { storage } = await freshStorage();
    expect(await storage.getSettings()).toBeUndefined();
    // The play store's own interface, with no index signature, is accepted as it is.
    interface PlaySettings {
      language: string;
      sound: boolean;
    }
    const mine: PlaySettings = { language: 'lt', sound: false };
    await storage.putSettings(mine);
    expect(await storage.getSettings()).toEqual(mine);
    await storage.putSettings({ language: 'en', sound: true, textSize: 'large' });
    expect(await storage.getSettings()).toEqual({ language: 'en', sound: true, textSize: 'large' });
  });

  it('awards an achievement once, keeping the first time it was earned', async () => {
    const { storage } = await freshStorage();
    const ada = await storage.createProfile('Ada');
    const [first, again] = await Promise.all([
      storage.award(ada.id, 'open-consultation', T0),
      storage.award(ada.id, 'open-consultation', T0 + 5),
    ]);
    expect([first, again]).toEqual([true, false]);
    expect(await storage.award(ada.id, 'open-consultation', T0 + 10)).toBe(false);
    expect(await storage.award(ada.id, 'life-cycle-cost', T0 + 20)).toBe(true);
    expect(await storage.listAchievements(ada.id)).toEqual([
      { profileId: ada.id, achievementId: 'open-consultation', at: T0 },
      { profileId: ada.id, achievementId: 'life-cycle-cost', at: T0 + 20 },
    ]);
  });
});
