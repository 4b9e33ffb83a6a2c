// A device that last ran an older schema must come back with every record, upgraded.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/v1-database.json';
import fixtureV2 from './fixtures/v2-database.json';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION, DATABASE_NAME } from './db';
import { openStorage } from './storage';
import { freshIndexedDB, track } from './test-support';

const [ada, bo] = fixture.profiles;

/** Writes the fixture through a Dexie that knows only version 1, as the first release did. */
async function versionOneDatabase() {
  const deps = freshIndexedDB();
  const v1 = new Dexie(DATABASE_NAME, deps);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('profiles').bulkAdd(fixture.profiles);
  await v1.table('saves').bulkAdd(fixture.saves);
  await v1.table('results').bulkAdd(fixture.results);
  await v1.table('achievements').bulkAdd(fixture.achievements);
  await v1.table('settings').bulkAdd(fixture.settings);
  expect(v1.verno).toBe(1);
  v1.close();
  return deps;
}

describe('migration from schema version 1', () => {
  it('keeps every record and fills the fields and tables version 2 added', async () => {
    const deps = await versionOneDatabase();
    const storage = await track(openStorage({ ...deps, channelName: null }));
    expect(storage.persistent).toBe(true);

    const profiles = await storage.listProfiles();
    expect(profiles.map((p) => p.name).sort()).toEqual(['Ada', 'Bo']);
    // lastPlayedAt: the latest finished run, or creation for a profile that never finished one.
    const byId = new Map(profiles.map((p) => [p.id, p]));
    expect(byId.get(ada!.id)?.lastPlayedAt).toBe(fixture.results[1]!.finishedAt);
    expect(byId.get(bo!.id)?.lastPlayedAt).toBe(fixture.results[2]!.finishedAt);
    // Most recently played first: the new index is in use.
    expect(profiles[0]!.name).toBe('Bo');

    expect(await storage.listResults()).toHaveLength(3);
    expect(await storage.listResults({ profileId: ada!.id, scenarioId: 'tutorial' })).toHaveLength(2);

    const save = await storage.getSave(ada!.id, 'street-lighting');
    expect(save).toEqual(fixture.saves[0]);

    expect(await storage.listAchievements(ada!.id)).toEqual(fixture.achievements);
    expect(await storage.getSettings()).toEqual({ language: 'lt', sound: false });
  });

  it('builds the personal bests, so old results rank on the leaderboards', async () => {
    const storage = await track(openStorage({ ...(await versionOneDatabase()), channelName: null }));
    const board = await storage.leaderboard('tutorial');
    expect(board.map((e) => [e.profileName, e.scoreScaled])).toEqual([
      ['Ada', 93],
      ['Bo', 35],
    ]);
    expect((await storage.personalBest(ada!.id, 'tutorial'))?.id).toBe(fixture.results[1]!.id);
    expect((await storage.overallLeaderboard()).map((e) => e.total)).toEqual([93, 35]);
  });

  it('upgrades the database on disk, so the next start finds the current version without redoing the work', async () => {
    const deps = await versionOneDatabase();
    const storage = await openStorage({ ...deps, channelName: null });
    await storage.close();
    const raw = new Dexie(DATABASE_NAME, deps);
    await raw.open(); // dynamic mode: reads whatever is installed
    expect(raw.verno).toBe(SCHEMA_VERSION);
    expect(raw.tables.map((t) => t.name).sort()).toEqual([
      'achievements',
      'bests',
      'customScenarios',
      'profiles',
      'results',
      'saves',
      'settings',
      'totals',
    ]);
    expect(await raw.table('bests').count()).toBe(2);
    raw.close();
  });
});

/** Writes the fixture through a Dexie that knows versions 1 and 2, as the release before custom scenarios did. */
async function versionTwoDatabase() {
  const deps = freshIndexedDB();
  const v2 = new Dexie(DATABASE_NAME, deps);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  await v2.open();
  for (const table of ['profiles', 'saves', 'results', 'bests', 'totals', 'achievements', 'settings'] as const) {
    await v2.table(table).bulkAdd(fixtureV2[table]);
  }
  expect(v2.verno).toBe(2);
  v2.close();
  return deps;
}

describe('migration from schema version 2', () => {
  const [ilze, mati] = fixtureV2.profiles;

  it('keeps every record and adds an empty table for custom scenarios', async () => {
    const deps = await versionTwoDatabase();
    const storage = await track(openStorage({ ...deps, channelName: null }));
    expect(storage.persistent).toBe(true);
    expect(await storage.listProfiles()).toEqual(fixtureV2.profiles);
    expect(await storage.listResults()).toEqual(fixtureV2.results);
    expect(await storage.getSave(mati!.id, 'tutorial')).toEqual(fixtureV2.saves[0]);
    expect(await storage.listAchievements(ilze!.id)).toEqual(fixtureV2.achievements);
    expect(await storage.getSettings()).toEqual({ language: 'en', sound: true });
    expect((await storage.leaderboard('tutorial')).map((e) => [e.profileName, e.scoreScaled])).toEqual([['Ilze', 88]]);
    expect((await storage.overallLeaderboard()).map((e) => e.total)).toEqual([88]);
    expect(await storage.listCustomScenarios()).toEqual([]);
  });

  it('stores a custom scenario in the upgraded database, next to the old records', async () => {
    const deps = await versionTwoDatabase();
    const storage = await openStorage({ ...deps, channelName: null });
    const custom = { id: 'harbour-cranes', fileName: 'cranes.json', text: '{}', scenarioVersion: '1.0.0', addedAt: 1 };
    expect(await storage.putCustomScenario(custom)).toBe('stored');
    await storage.close();

    const raw = new Dexie(DATABASE_NAME, deps);
    await raw.open();
    expect(raw.verno).toBe(SCHEMA_VERSION);
    expect(await raw.table('customScenarios').toArray()).toEqual([custom]);
    expect(await raw.table('profiles').count()).toBe(2);
    expect(await raw.table('bests').count()).toBe(1);
    raw.close();
  });
});
