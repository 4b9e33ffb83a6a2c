// Scenarios opened from files: kept on the device, replaced by id, removed with their unfinished
// runs (finished results stay), carried by backups, and checked again when a backup brings them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDevice, exportProfile, importBackup } from './backup';
import { FaultyDisk, freshStorage, quotaExceeded, T0, withScore } from './test-support';
import type { CustomScenario, Save } from './types';

const TEXT = readFileSync('tests/e2e/fixtures/harbour-cranes.json', 'utf8');

const cranes = (fields: Partial<CustomScenario> = {}): CustomScenario => ({
  id: 'harbour-cranes',
  fileName: 'harbour-cranes.json',
  text: TEXT,
  scenarioVersion: '1.0.0',
  addedAt: T0,
  ...fields,
});

const saveOf = (profileId: string, scenarioId: string, savedAt = T0 + 5): Save => ({
  profileId,
  scenarioId,
  scenarioVersion: '1.0.0',
  seed: 1,
  snapshot: { status: 'active', value: 'need' },
  step: 1,
  savedAt,
});

describe('custom scenarios on the device', () => {
  it('keeps one per id, the latest opening replacing the earlier', async () => {
    const { storage } = await freshStorage();
    await storage.putCustomScenario(cranes());
    await storage.putCustomScenario(cranes({ id: 'other', addedAt: T0 + 1 }));
    await storage.putCustomScenario(cranes({ fileName: 'cranes-v2.json', scenarioVersion: '1.1.0', addedAt: T0 + 2 }));
    const list = await storage.listCustomScenarios();
    expect(list.map((c) => [c.id, c.fileName, c.scenarioVersion])).toEqual([
      ['other', 'harbour-cranes.json', '1.0.0'],
      ['harbour-cranes', 'cranes-v2.json', '1.1.0'],
    ]);
  });

  it('removes a scenario with every unfinished run of it, and keeps finished results and other runs', async () => {
    const { storage } = await freshStorage();
    const ada = await storage.createProfile('Ada');
    const bo = await storage.createProfile('Bo');
    await storage.putCustomScenario(cranes());
    await storage.putSave(saveOf(ada.id, 'harbour-cranes'));
    await storage.putSave(saveOf(bo.id, 'harbour-cranes'));
    await storage.putSave(saveOf(ada.id, 'tutorial'));
    await storage.addResult(withScore(70, { profileId: ada.id, scenarioId: 'harbour-cranes' }));

    await storage.deleteCustomScenario('harbour-cranes');
    expect(await storage.listCustomScenarios()).toEqual([]);
    expect((await storage.listSaves()).map((s) => [s.profileId, s.scenarioId])).toEqual([[ada.id, 'tutorial']]);
    expect(await storage.listResults({ scenarioId: 'harbour-cranes' })).toHaveLength(1);
    expect((await storage.leaderboard('harbour-cranes')).map((e) => e.scoreScaled)).toEqual([70]);
  });

  it('while the disk is full, reads see the waiting scenario, and a removal moots its waiting autosave', async () => {
    const disk = new FaultyDisk();
    const { storage } = await freshStorage({ configure: disk.configure, retryBaseMs: 60_000 });
    disk.fail(quotaExceeded);
    expect(await storage.putCustomScenario(cranes())).toBe('queued');
    expect(await storage.listCustomScenarios()).toEqual([cranes()]);
    await storage.putSave(saveOf('p', 'harbour-cranes'));
    expect(await storage.getSave('p', 'harbour-cranes')).toBeDefined();

    await storage.deleteCustomScenario('harbour-cranes');
    expect(await storage.listCustomScenarios()).toEqual([]);
    expect(await storage.getSave('p', 'harbour-cranes')).toBeUndefined();
    disk.heal();
    expect(await storage.flush()).toBe(true);
    expect(await storage.listCustomScenarios()).toEqual([]);
    expect(await storage.listSaves()).toEqual([]);
  });
});

describe('custom scenarios in backups', () => {
  it('go with a device backup and a player backup, and come back on another device', async () => {
    const { storage: here } = await freshStorage();
    const ada = await here.createProfile('Ada');
    await here.putCustomScenario(cranes());
    const device = await exportDevice(here);
    expect(device.customScenarios).toEqual([cranes()]);
    expect((await exportProfile(here, ada.id)).customScenarios).toEqual([cranes()]);

    const { storage: there } = await freshStorage();
    const outcome = await importBackup(there, JSON.stringify(device));
    expect(outcome).toMatchObject({ ok: true, summary: { profilesAdded: 1, scenariosAdded: 1 } });
    expect(await there.listCustomScenarios()).toEqual([cranes()]);

    // Importing the same file again changes nothing; a newer opening on this device is kept.
    await there.putCustomScenario(cranes({ fileName: 'newer.json', addedAt: T0 + 100 }));
    const again = await importBackup(there, JSON.stringify(device));
    expect(again).toMatchObject({ ok: true, summary: { scenariosAdded: 0, duplicatesSkipped: 2 } });
    expect((await there.listCustomScenarios()).map((c) => c.fileName)).toEqual(['newer.json']);
  });

  it('refuses a backup whose scenario text is not a valid scenario, and imports nothing', async () => {
    const { storage: here } = await freshStorage();
    await here.createProfile('Ada');
    await here.putCustomScenario(cranes({ text: TEXT.replace('"format": 1', '"format": 9') }));
    const file = JSON.stringify(await exportDevice(here));

    const { storage: there } = await freshStorage();
    const outcome = await importBackup(there, file);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain('customScenarios[0]');
    expect(!outcome.ok && outcome.message).toContain('"harbour-cranes"');
    expect(await there.listProfiles()).toEqual([]);
    expect(await there.listCustomScenarios()).toEqual([]);
  });

  it('refuses a backup whose scenario record names another id than its text', async () => {
    const { storage: here } = await freshStorage();
    await here.putCustomScenario(cranes({ id: 'tutorial' }));
    const outcome = await importBackup((await freshStorage()).storage, JSON.stringify(await exportDevice(here)));
    expect(outcome.ok).toBe(false);
  });
});
