// Backups: export, import on another device, and files that are broken or hostile.
import { describe, expect, it } from 'vitest';
import { exportDevice, exportProfile, importBackup, parseBackup, type Backup } from './backup';
import type { GameStorage } from './storage';
import { FaultyDisk, freshStorage, quotaExceeded, T0, withScore } from './test-support';

async function deviceWithProgress(): Promise<{ storage: GameStorage; adaId: string; boId: string }> {
  const { storage } = await freshStorage();
  const ada = await storage.createProfile('Ada');
  const bo = await storage.createProfile('Bo');
  await storage.addResult(withScore(90, { profileId: ada.id, profileName: 'Ada', scenarioId: 'tutorial' }));
  await storage.addResult(withScore(60, { profileId: ada.id, profileName: 'Ada', scenarioId: 'street-lighting' }));
  await storage.addResult(withScore(75, { profileId: bo.id, profileName: 'Bo', scenarioId: 'tutorial' }));
  await storage.award(ada.id, 'first-run', T0);
  await storage.award(bo.id, 'first-run', T0 + 1);
  await storage.putSave({
    profileId: ada.id,
    scenarioId: 'tutorial',
    scenarioVersion: '1.0.0',
    seed: 3,
    snapshot: { status: 'active', value: { need: 'choosing' }, context: { decisions: [] } },
    step: 2,
    timer: { node: 'need', remainingMs: 9_000 },
    savedAt: T0 + 10,
  });
  return { storage, adaId: ada.id, boId: bo.id };
}

async function everything(storage: GameStorage) {
  return {
    profiles: await storage.listProfiles(),
    results: await storage.listResults(),
    achievements: await storage.listAchievements(),
    saves: await storage.listSaves(),
    board: await storage.leaderboard('tutorial'),
    overall: await storage.overallLeaderboard(),
  };
}

function validFile(): Backup {
  return {
    format: 'ppi-quest-backup',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    profiles: [{ id: 'p1', name: 'Ada', createdAt: T0, lastPlayedAt: T0 }],
    results: [withScore(80, { id: 'r1', profileId: 'p1', scenarioId: 'tutorial' })],
    achievements: [{ profileId: 'p1', achievementId: 'first-run', at: T0 }],
  };
}

describe('export and import', () => {
  it('brings everything back on another device', async () => {
    const { storage: here } = await deviceWithProgress();
    const file = JSON.stringify(await exportDevice(here));
    const { storage: there } = await freshStorage();
    const outcome = await importBackup(there, file);
    expect(outcome).toEqual({
      ok: true,
      summary: {
        profilesAdded: 2,
        resultsAdded: 3,
        achievementsAdded: 2,
        savesAdded: 1,
        scenariosAdded: 0,
        duplicatesSkipped: 0,
      },
    });
    expect(await everything(there)).toEqual(await everything(here));
  });

  it('exports one profile only', async () => {
    const { storage, adaId } = await deviceWithProgress();
    const backup = await exportProfile(storage, adaId);
    expect(backup).toMatchObject({ format: 'ppi-quest-backup', version: 1 });
    expect(backup.profiles.map((p) => p.name)).toEqual(['Ada']);
    expect(backup.results).toHaveLength(2);
    expect(backup.achievements).toHaveLength(1);
    expect(backup.saves).toHaveLength(1);
    await expect(exportProfile(storage, 'nobody')).rejects.toThrow(/no longer exists/);
  });

  it('merges without duplicates: importing the same file twice adds nothing the second time', async () => {
    const { storage: here, adaId } = await deviceWithProgress();
    const file = JSON.stringify(await exportProfile(here, adaId));
    const { storage: there } = await freshStorage();
    await importBackup(there, file);
    const before = await everything(there);
    expect(await importBackup(there, file)).toEqual({
      ok: true,
      summary: {
        profilesAdded: 0,
        resultsAdded: 0,
        achievementsAdded: 0,
        savesAdded: 0,
        scenariosAdded: 0,
        duplicatesSkipped: 5,
      },
    });
    expect(await everything(there)).toEqual(before);
    // Into the device it came from: everything is already there.
    const back = await importBackup(here, file);
    expect(back.ok && back.summary.duplicatesSkipped).toBe(5);
  });

  it('adds what is new next to what is here, and the boards account for it', async () => {
    const { storage } = await deviceWithProgress();
    const file = validFile();
    file.results.push({ ...file.results[0]!, id: 'r1' }); // repeated inside the file
    const outcome = await importBackup(storage, JSON.stringify(file));
    expect(outcome).toEqual({
      ok: true,
      summary: {
        profilesAdded: 1,
        resultsAdded: 1,
        achievementsAdded: 1,
        savesAdded: 0,
        scenariosAdded: 0,
        duplicatesSkipped: 1,
      },
    });
    expect((await storage.leaderboard('tutorial')).map((e) => [e.profileName, e.scoreScaled])).toEqual([
      ['Ada', 90],
      ['Ada', 80],
      ['Bo', 75],
    ]);
  });

  it('imports nothing and says so when the disk is full', async () => {
    const disk = new FaultyDisk();
    const { storage } = await freshStorage({ configure: disk.configure });
    disk.fail(quotaExceeded);
    const outcome = await importBackup(storage, JSON.stringify(validFile()));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/storage is full/) as unknown });
    disk.heal();
    expect(await storage.listProfiles()).toEqual([]);
    expect(storage.status).toBe('ok');
  });
});

describe('broken and hostile files', () => {
  const edit = (change: (file: Record<string, unknown>) => void): string => {
    const file = JSON.parse(JSON.stringify(validFile())) as Record<string, unknown>;
    change(file);
    return JSON.stringify(file);
  };
  const result = (file: Record<string, unknown>) => (file.results as Record<string, unknown>[])[0]!;

  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => '', /not a readable backup.*empty file/],
    ['not JSON', () => 'PK\u0003\u0004 this is a zip', /not a readable backup: at line 1, column 1/],
    ['truncated JSON', () => JSON.stringify(validFile()).slice(0, 200), /not a readable backup/],
    ['another JSON file', () => '{"name": "my-package", "version": "1.0.0"}', /not a PPI Quest backup/],
    ['a JSON array', () => '[1, 2, 3]', /not a PPI Quest backup/],
    ['a newer format', () => edit((f) => (f.version = 2)), /newer version of PPI Quest/],
    ['50 MB', () => ' '.repeat(50 * 1024 * 1024), /too large.*50 MB; at most 32 MB/],
    ['deep nesting', () => '{"format":"ppi-quest-backup","x":' + '['.repeat(100_000), /at most 32 levels of nesting/],
    [
      'a __proto__ key',
      () => JSON.stringify(validFile()).replace('"format"', '"__proto__":{"polluted":true},"format"'),
      /__proto__/,
    ],
    [
      'a constructor key',
      () => JSON.stringify(validFile()).replace('"id":"p1"', '"constructor":{},"id":"p1"'),
      /constructor/,
    ],
    [
      'a wrong type',
      () => edit((f) => (result(f).score = { raw: 1, scaled: 'high', stars: 1 })),
      /At results\[0\]\.score\.scaled: invalid input: expected number, received string\.$/,
    ],
    ['a missing field', () => edit((f) => delete result(f).finishedAt), /results\[0\]\.finishedAt/],
    ['an absurd duration', () => edit((f) => (result(f).durationMs = 1e300)), /results\[0\]\.durationMs/],
    [
      'a negative date',
      () => edit((f) => (result(f).finishedAt = -1)),
      /At results\[0\]\.finishedAt: not a plausible date\.$/,
    ],
    [
      'seven stars',
      () => edit((f) => (result(f).score = { raw: 1, scaled: 1, stars: 7 })),
      /results\[0\]\.score\.stars/,
    ],
    ['a score above 100', () => edit((f) => (result(f).score = { raw: 1, scaled: 1e9, stars: 1 })), /scaled/],
    ['a fractional seed', () => edit((f) => (result(f).seed = 0.5)), /results\[0\]\.seed/],
    [
      'an unknown quality',
      () => edit((f) => ((result(f).decisions as { quality: string }[])[0]!.quality = 'divine')),
      /quality/,
    ],
    [
      'a control character in a name',
      () => edit((f) => ((f.profiles as { name: string }[])[0]!.name = 'A\u0007da')),
      /control characters/,
    ],
    [
      'an over-long name',
      () => edit((f) => ((f.profiles as { name: string }[])[0]!.name = 'A'.repeat(500))),
      /profiles\[0\]\.name/,
    ],
    [
      'a result of a profile not in the file',
      () => edit((f) => (result(f).profileId = 'p2')),
      /At results\[0\]\.profileId: names a profile the file does not contain\.$/,
    ],
    ['a list that is not a list', () => edit((f) => (f.results = { 0: {} })), /results/],
  ];

  it.each(cases)('refuses %s with a readable message and imports nothing', async (_, text, message) => {
    const { storage } = await freshStorage();
    const outcome = await importBackup(storage, text());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(message);
    expect(await storage.listProfiles()).toEqual([]);
    expect(await storage.listResults()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts the problems beyond the first', () => {
    const text = edit((f) => {
      result(f).seed = -1;
      result(f).ending = '';
    });
    const parsed = parseBackup(text);
    expect(!parsed.ok && parsed.message).toMatch(
      /At results\[0\]\.seed: too small: expected number to be >=0 \(and 1 more problem\)\.$/,
    );
  });

  it('accepts the file that the checks above each break', async () => {
    const { storage } = await freshStorage();
    const file = validFile();
    expect((await importBackup(storage, JSON.stringify(file))).ok).toBe(true);
    expect(await storage.listResults()).toEqual(file.results);
  });
});
