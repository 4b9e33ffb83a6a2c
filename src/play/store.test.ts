import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../engine';
import { GameBus } from './bus';
import { createPlayStore } from './store';
import { connectBus } from './wire';

function bundled(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.scenario;
}

const scenarios = [bundled('tutorial.json'), bundled('street-lighting.json')];

/** Plays the current run to its ending, always taking the first option. */
function playToEnd(store: ReturnType<typeof createPlayStore>): void {
  for (let i = 0; i < 200; i++) {
    const run = store.getState().run;
    if (!run || run.result) return;
    if (run.view.kind === 'decision') store.getState().choose(run.view.options[0]!.id);
    else store.getState().continueRun();
  }
  throw new Error('did not finish');
}

describe('play store', () => {
  it('starts on the home screen and creates and selects profiles', () => {
    const store = createPlayStore({ scenarios });
    expect(store.getState().screen).toEqual({ name: 'home' });
    const ana = store.getState().createProfile('  Ana  ');
    expect(ana.name).toBe('Ana');
    const team = store.getState().createProfile('Team B');
    expect(store.getState().profileId).toBe(team.id);
    store.getState().selectProfile(ana.id);
    expect(store.getState().profileId).toBe(ana.id);
    store.getState().selectProfile('nobody');
    expect(store.getState().profileId).toBe(ana.id);
  });

  it('owns the run: each action renews the snapshot React and Phaser read', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 7 });
    store.getState().startScenario('tutorial');
    const first = store.getState().run!;
    expect(store.getState().screen).toEqual({ name: 'play', scenarioId: 'tutorial' });
    expect(first.view.kind).toBe('narrative');
    store.getState().continueRun();
    const decision = store.getState().run!;
    expect(decision.view.kind).toBe('decision');
    expect(decision.step).toBeGreaterThan(first.step);
    store.getState().choose('outcome');
    const feedback = store.getState().run!;
    expect(feedback.view).toMatchObject({ kind: 'feedback', quality: 'best' });
    expect(feedback.history).toHaveLength(1);
    expect(feedback.metrics.find((m) => m.id === 'innovation')!.value).toBe(35);
  });

  it('records the best result per profile and opens the next level', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 1 });
    store.getState().createProfile('Ana');
    expect(
      store
        .getState()
        .cards()
        .map((c) => c.status),
    ).toEqual(['open', 'locked']);
    store.getState().startScenario('tutorial');
    playToEnd(store);
    const finished = store.getState().run!;
    expect(finished.view.kind).toBe('ending');
    expect(store.getState().lastRun?.result?.scenarioId).toBe('tutorial');
    store.getState().continueRun();
    expect(store.getState().screen).toEqual({ name: 'results', scenarioId: 'tutorial' });
    expect(store.getState().run).toBeNull();
    const cards = store.getState().cards();
    expect(cards.map((c) => c.status)).toEqual(['completed', 'open']);
    expect(cards[0]!.bestScore).toBe(store.getState().lastRun!.result!.score.scaled);

    // Another profile starts from scratch.
    store.getState().createProfile('Ben');
    expect(
      store
        .getState()
        .cards()
        .map((c) => c.status),
    ).toEqual(['open', 'locked']);
  });

  it('keeps the better of two results', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 3 });
    const tutorial = scenarios[0]!;
    const qualityOf = (node: string, option: string) => {
      const n = tutorial.nodes.find((x) => x.id === node);
      return n?.kind === 'decision' ? n.options.find((o) => o.id === option)?.quality : undefined;
    };
    const playWith = (quality: 'best' | 'poor') => {
      store.getState().startScenario('tutorial');
      for (let i = 0; i < 50; i++) {
        const run = store.getState().run!;
        if (run.result) break;
        const view = run.view;
        if (view.kind === 'decision') {
          const picked = view.options.find((o) => qualityOf(view.node, o.id) === quality) ?? view.options[0]!;
          store.getState().choose(picked.id);
        } else store.getState().continueRun();
      }
      return store.getState().lastRun!.result!.score.scaled;
    };
    const good = playWith('best');
    const bad = playWith('poor');
    expect(bad).toBeLessThan(good);
    expect(store.getState().cards()[0]!.bestScore).toBe(good);
  });

  it('stops the run when the player leaves, and ignores actions without a run', () => {
    const store = createPlayStore({ scenarios });
    store.getState().startScenario('street-lighting');
    store.getState().leaveScenario();
    expect(store.getState().screen).toEqual({ name: 'map' });
    expect(store.getState().run).toBeNull();
    store.getState().choose('anything');
    store.getState().continueRun();
    expect(store.getState().run).toBeNull();
    expect(() => store.getState().startScenario('no-such')).toThrow(/No scenario "no-such"/);
  });

  it('takes clicks on the canvas through the bus to the map selection', () => {
    const store = createPlayStore({ scenarios });
    const bus = new GameBus();
    const disconnect = connectBus(store, bus);
    store.getState().goTo({ name: 'map' });
    bus.emit('place:hover', { scenarioId: 'tutorial' });
    expect(store.getState().focusedPlace).toBe('tutorial');
    bus.emit('place:select', { scenarioId: 'street-lighting' });
    expect(store.getState().selectedPlace).toBe('street-lighting');
    disconnect();
    expect(bus.listenerCount()).toBe(0);
    bus.emit('place:select', { scenarioId: 'tutorial' });
    expect(store.getState().selectedPlace).toBe('street-lighting');
  });
});

describe('a save from an earlier version of the scenario', () => {
  it('is set aside with a message, and the player chooses to start again', () => {
    const before = createPlayStore({ scenarios, newSeed: () => 2 });
    const p = before.getState().createProfile('Ona');
    before.getState().startScenario('tutorial');
    before.getState().continueRun();
    const save = before.getState().currentSave()!;

    // Later, on a device whose scenario file has moved on to another version:
    const store = createPlayStore({ scenarios, newSeed: () => 2 });
    store
      .getState()
      .hydrate({ profiles: [p], progress: {}, saves: { [p.id]: { tutorial: { ...save, scenarioVersion: '0.9.0' } } } });
    store.getState().selectProfile(p.id);
    store.getState().goTo({ name: 'map' });

    store.getState().startScenario('tutorial');
    expect(store.getState().screen).toEqual({ name: 'map' });
    expect(store.getState().notice).toBe('save-outdated');
    expect(store.getState().outdatedScenario).toBe('tutorial');
    expect(store.getState().saves[p.id]?.tutorial?.scenarioVersion).toBe('0.9.0'); // kept aside

    store.getState().restartScenario('tutorial');
    expect(store.getState().screen).toEqual({ name: 'play', scenarioId: 'tutorial' });
    expect(store.getState().run!.view.kind).toBe('narrative');
    expect(store.getState().notice).toBeNull();
    expect(store.getState().saves[p.id]?.tutorial).toBeUndefined(); // the old one is gone
    store.getState().continueRun();
    expect(store.getState().saves[p.id]?.tutorial?.scenarioVersion).toBe('1.0.0');
  });
});
