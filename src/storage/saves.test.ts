// Autosave: a reload resumes the real engine run at exactly the same place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario, Run, RunError, type Scenario } from '../engine';
import { checkSave, persistedRunOf } from './saves';
import { openStorage } from './storage';
import type { TabMessage } from './tabs';
import type { Save } from './types';
import { freshIndexedDB, freshStorage, T0, track } from './test-support';

function tutorial(): Scenario {
  const loaded = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
  if (!loaded.ok) throw new Error('tutorial.json does not load');
  return loaded.scenario;
}

/** Plays until `decisions` decisions are made, always taking the first option. */
function playDecisions(run: Run, decisions: number): void {
  let made = 0;
  while (made < decisions) {
    const view = run.view();
    if (view.kind === 'decision') {
      run.choose(view.options[0]!.id);
      made++;
    } else run.continue();
  }
}

function saveOf(run: Run, profileId: string, savedAt: number): Save {
  const { scenarioId, scenarioVersion, snapshot } = run.persist();
  return { profileId, scenarioId, scenarioVersion, seed: run.seed, snapshot, step: run.step, savedAt };
}

describe('autosave', () => {
  it('resumes a real run after a reload: same view, metrics and history', async () => {
    const compiled = compileScenario(tutorial());
    const run = Run.start(compiled, 1);
    playDecisions(run, 2);
    const deps = freshIndexedDB();
    const first = await openStorage({ ...deps, channelName: null });
    const profile = await first.createProfile('Ada');
    const save = { ...saveOf(run, profile.id, T0), timer: { node: 'market', remainingMs: 12_500 } };
    expect(await first.putSave(save)).toBe('stored');
    await first.close();

    // The page reloads: a new storage on the same database.
    const second = await track(openStorage({ ...deps, channelName: null }));
    const back = await second.getSave(profile.id, 'tutorial');
    expect(back).toEqual(save);
    expect(checkSave(back!, compiled.scenario.id, compiled.scenario.version)).toBe('ok');
    const resumed = Run.resume(compiled, persistedRunOf(back!));
    expect(resumed.view()).toEqual(run.view());
    expect(resumed.metrics()).toEqual(run.metrics());
    expect(resumed.history()).toEqual(run.history());
    expect(resumed.history()).toHaveLength(2);
    expect(back!.timer).toEqual({ node: 'market', remainingMs: 12_500 });
    // And it plays on identically.
    playDecisions(run, 1);
    playDecisions(resumed, 1);
    expect(resumed.metrics()).toEqual(run.metrics());
    run.stop();
    resumed.stop();
  });

  it('keeps one save per profile and scenario: the latest', async () => {
    const { storage } = await freshStorage();
    const base: Save = {
      profileId: 'p',
      scenarioId: 'tutorial',
      scenarioVersion: '1.0.0',
      seed: 1,
      snapshot: { status: 'active' },
      step: 1,
      savedAt: T0,
    };
    await storage.putSave(base);
    await storage.putSave({ ...base, step: 2, savedAt: T0 + 1 });
    await storage.putSave({ ...base, scenarioId: 'street-lighting', savedAt: T0 + 2 });
    expect((await storage.listSaves('p')).map((s) => [s.scenarioId, s.step])).toEqual([
      ['street-lighting', 1],
      ['tutorial', 2],
    ]);
    await storage.deleteSave('p', 'tutorial');
    expect(await storage.getSave('p', 'tutorial')).toBeUndefined();
    expect(await storage.listSaves('p')).toHaveLength(1);
  });

  it('reports a save of another scenario version as outdated; the engine refuses it too', () => {
    const scenario = tutorial();
    const run = Run.start(compileScenario(scenario), 3);
    playDecisions(run, 1);
    const save = saveOf(run, 'p', T0);
    const edited = compileScenario({ ...scenario, version: '1.1.0' });
    expect(checkSave(save, 'tutorial', '1.1.0')).toBe('outdated');
    expect(checkSave(save, 'street-lighting', save.scenarioVersion)).toBe('outdated');
    expect(() => Run.resume(edited, persistedRunOf(save))).toThrow(RunError);
    run.stop();
  });

  it('tells the other tabs about every save write', async () => {
    const deps = freshIndexedDB();
    const channelName = `ppi-quest-test-${Math.random()}`;
    const thisTab = await track(openStorage({ ...deps, channelName }));
    const otherTab = await track(openStorage({ ...deps, channelName }));
    const heard: TabMessage[] = [];
    otherTab.onOtherTab((m) => heard.push(m));
    await thisTab.putSave({
      profileId: 'p',
      scenarioId: 'tutorial',
      scenarioVersion: '1.0.0',
      seed: 1,
      snapshot: {},
      step: 4,
      savedAt: T0,
    });
    await thisTab.deleteSave('p', 'tutorial');
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual([
      { type: 'save', profileId: 'p', scenarioId: 'tutorial', step: 4, savedAt: T0 },
      { type: 'save-deleted', profileId: 'p', scenarioId: 'tutorial' },
    ]);
  });
});
