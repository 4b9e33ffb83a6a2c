// The store mirrored onto real IndexedDB semantics (fake-indexeddb): a "reload" is a new store
// hydrated from the same storage, and it must continue exactly where the first one was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../engine';
import { freshStorage } from '../storage/test-support';
import { openStorage, type GameStorage } from '../storage';
import { connectStorage, loadHydration, settingsFrom } from './persist';
import { createPlayStore } from './store';

function bundled(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.scenario;
}
const scenarios = [bundled('tutorial.json'), bundled('street-lighting.json')];

async function boot(storage: GameStorage, seed = 5) {
  const store = createPlayStore({ scenarios, newSeed: () => seed });
  store.getState().hydrate(await loadHydration(storage));
  const connection = connectStorage(store, storage, { locks: false });
  return { store, disconnect: () => connection.disconnect(), idle: () => connection.idle() };
}

describe('progress that survives a reload', () => {
  it('resumes a run at the same node with the same metrics and journal', async () => {
    const { storage, deps } = await freshStorage();
    const first = await boot(storage);
    const ana = first.store.getState().createProfile('Ana');
    first.store.getState().startScenario('street-lighting');
    first.store.getState().continueRun();
    first.store.getState().choose('plan-first');
    first.store.getState().continueRun();
    const before = first.store.getState().run!;
    expect(before.view.kind).toBe('decision');
    await first.idle();
    first.disconnect();
    await storage.close();

    // The tab closes; a new one opens the same database.
    const again = await openStorage({ ...deps, channelName: null });
    const second = await boot(again, 999);
    expect(second.store.getState().profiles).toEqual([{ id: ana.id, name: 'Ana' }]);
    second.store.getState().selectProfile(ana.id);
    second.store.getState().startScenario('street-lighting');
    const after = second.store.getState().run!;
    expect(after.view).toEqual(before.view);
    expect(after.metrics).toEqual(before.metrics);
    expect(after.history).toEqual(before.history);
    second.disconnect();
    await again.close();
  });

  it('stores a finished result, shows it after a reload, and drops the save', async () => {
    const { storage, deps } = await freshStorage();
    const first = await boot(storage);
    const ben = first.store.getState().createProfile('Ben');
    first.store.getState().startScenario('tutorial');
    for (let i = 0; i < 30 && !first.store.getState().run!.result; i++) {
      const view = first.store.getState().run!.view;
      if (view.kind === 'decision') first.store.getState().choose(view.options[0]!.id);
      else first.store.getState().continueRun();
    }
    const result = first.store.getState().lastRun!.result!;
    await first.idle();
    first.disconnect();
    await storage.close();

    const again = await openStorage({ ...deps, channelName: null });
    const stored = await again.listResults({ profileId: ben.id });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      scenarioId: 'tutorial',
      profileName: 'Ben',
      score: { scaled: result.score.scaled },
    });
    expect(stored[0]!.decisions).toHaveLength(3);
    expect(await again.getSave(ben.id, 'tutorial')).toBeUndefined();
    const second = await boot(again);
    second.store.getState().selectProfile(ben.id);
    expect(
      second.store
        .getState()
        .cards()
        .map((c) => c.status),
    ).toEqual(['completed', 'open']);
    second.disconnect();
    await again.close();
  });

  it('keeps settings, and ignores settings fields it does not know', async () => {
    const { storage } = await freshStorage();
    const first = await boot(storage);
    first.store.getState().updateSettings({ language: 'lt', textSize: 'large' });
    await first.idle();
    const hydration = await loadHydration(storage);
    expect(hydration.settings).toMatchObject({ language: 'lt', textSize: 'large' });
    expect(settingsFrom({ language: 'xx', textSize: 7, sound: 'yes', extra: 1 })).toEqual({
      language: 'en',
      textSize: 'normal',
      sound: true,
      reducedMotion: false,
    });
    first.disconnect();
  });

  it('leaving a scenario on purpose abandons its save', async () => {
    const { storage } = await freshStorage();
    const { store, disconnect, idle } = await boot(storage);
    const p = store.getState().createProfile('Cai');
    store.getState().startScenario('tutorial');
    store.getState().continueRun();
    store.getState().choose('outcome');
    await idle();
    expect(await storage.getSave(p.id, 'tutorial')).toBeDefined();
    store.getState().leaveScenario();
    await idle();
    expect(await storage.getSave(p.id, 'tutorial')).toBeUndefined();
    disconnect();
  });

  it('resumes a running decision timer with the time that was left', async () => {
    const { storage, deps } = await freshStorage();
    const first = await boot(storage);
    const p = first.store.getState().createProfile('Dana');
    first.store.getState().startScenario('tutorial');
    first.store.getState().continueRun();
    first.store.getState().choose('outcome');
    first.store.getState().continueRun();
    expect(first.store.getState().run!.view).toMatchObject({
      kind: 'decision',
      node: 'market',
      timer: { seconds: 60 },
    });
    first.store.getState().tickTimer('market', 42_000);
    first.store.getState().tickTimer('market', 41_000);
    await first.idle();
    first.disconnect();
    await storage.close();

    const again = await openStorage({ ...deps, channelName: null });
    expect((await again.getSave(p.id, 'tutorial'))?.timer).toEqual({ node: 'market', remainingMs: 41_000 });
    const second = await boot(again);
    second.store.getState().selectProfile(p.id);
    second.store.getState().startScenario('tutorial');
    expect(second.store.getState().run).toMatchObject({ view: { node: 'market' }, timerLeftMs: 41_000 });
    // Once decided, the timer is gone from the save.
    second.store.getState().choose('open-day');
    expect(second.store.getState().currentSave()?.timer).toBeUndefined();
    second.disconnect();
    await again.close();
  });

  it('removing a player removes their progress from the device', async () => {
    const { storage } = await freshStorage();
    const { store, disconnect, idle } = await boot(storage);
    const eve = store.getState().createProfile('Eve');
    const sam = store.getState().createProfile('Sam');
    store.getState().selectProfile(eve.id);
    store.getState().startScenario('tutorial');
    for (let i = 0; i < 30 && !store.getState().run!.result; i++) {
      const view = store.getState().run!.view;
      if (view.kind === 'decision') store.getState().choose(view.options[0]!.id);
      else store.getState().continueRun();
    }
    store.getState().continueRun();
    store.getState().startScenario('street-lighting');
    store.getState().continueRun();
    await idle();
    expect(await storage.listResults({ profileId: eve.id })).toHaveLength(1);
    expect(await storage.getSave(eve.id, 'street-lighting')).toBeDefined();

    store.getState().leaveScenario();
    store.getState().deleteProfile(eve.id);
    expect(store.getState().profiles.map((p) => p.name)).toEqual(['Sam']);
    expect(store.getState().profileId).toBeNull();
    expect(store.getState().progress[eve.id]).toBeUndefined();
    await idle();
    expect(await storage.getProfile(eve.id)).toBeUndefined();
    expect(await storage.listResults({ profileId: eve.id })).toEqual([]);
    expect(await storage.getProfile(sam.id)).toBeDefined();
    disconnect();
  });
});

describe('achievements on the device', () => {
  it('awards what a run earns and brings achievements and XP back after a reload', async () => {
    const { storage, deps } = await freshStorage();
    const first = await boot(storage);
    const cy = first.store.getState().createProfile('Cy');
    first.store.getState().startScenario('tutorial');
    const best: Record<string, string> = { need: 'outcome', market: 'open-day', award: 'quality-price' };
    for (let i = 0; i < 30 && !first.store.getState().run!.result; i++) {
      const view = first.store.getState().run!.view;
      if (view.kind === 'decision') first.store.getState().choose(best[view.node]!);
      else first.store.getState().continueRun();
    }
    const earned = first.store.getState().justEarned;
    expect(earned).toEqual(expect.arrayContaining(['first-steps', 'best-practice', 'life-cycle-thinker']));
    await first.idle();
    expect((await storage.listAchievements(cy.id)).map((a) => a.achievementId).sort()).toEqual([...earned].sort());
    first.disconnect();
    await storage.close();

    const again = await openStorage({ ...deps, channelName: null });
    const second = createPlayStore({ scenarios });
    second.getState().hydrate(await loadHydration(again, scenarios));
    expect(second.getState().achievements[cy.id]!.sort()).toEqual([...earned].sort());
    expect(second.getState().played[cy.id]).toHaveLength(1);
    expect(second.getState().played[cy.id]![0]!.decisions.map((d) => d.reference)).toContain(
      'Directive 2014/24/EU Art. 67 and 68',
    );
    await again.close();
  });
});
