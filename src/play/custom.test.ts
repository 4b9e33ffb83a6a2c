// Scenarios opened from files, through the real loader, store and (fake) IndexedDB: they join
// the map, replace an earlier file with their id, go away with their unfinished runs, and survive
// a reload. Also the development hook: shipped scenarios replaced while the app runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../engine';
import { freshStorage } from '../storage/test-support';
import { openStorage, type GameStorage } from '../storage';
import { readScenarioFile } from './custom';
import { connectStorage, loadHydration } from './persist';
import { createPlayStore, GUEST } from './store';

function bundled(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.scenario;
}
const scenarios = [bundled('tutorial.json'), bundled('street-lighting.json')];
const CRANES = readFileSync('tests/e2e/fixtures/harbour-cranes.json', 'utf8');
const BROKEN = readFileSync('tests/e2e/fixtures/harbour-cranes.broken.json', 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

/** Opens a file's text as the map screen does. */
function opened(text: string, fileName = 'harbour-cranes.json') {
  const read = readScenarioFile(bytes(text), fileName);
  if (!read.ok) throw new Error('fixture invalid');
  return { scenario: read.scenario, text: read.text, fileName };
}

function playToEnd(store: ReturnType<typeof createPlayStore>): void {
  for (let i = 0; i < 50; i++) {
    const run = store.getState().run;
    if (!run || run.result) return;
    if (run.view.kind === 'decision') store.getState().choose(run.view.options[0]!.id);
    else store.getState().continueRun();
  }
  throw new Error('did not finish');
}

describe('reading a scenario file', () => {
  it('returns the scenario and its text, or every problem with line and column', () => {
    const good = readScenarioFile(bytes(CRANES), 'cranes.json');
    expect(good.ok && good.scenario.id).toBe('harbour-cranes');
    expect(good.ok && good.text).toBe(CRANES);

    const bad = readScenarioFile(bytes(BROKEN), 'cranes.json');
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.map((p) => [p.pointer, p.line, p.column])).toEqual([
      ['/minutes', 11, 14],
      ['/nodes/1/prompt', 42, 5],
      ['/nodes/1/promt', 47, 7],
    ]);
    expect(problems[2]!.hint).toBe('did you mean "prompt"?');
    expect(problems.every((p) => p.file === 'cranes.json')).toBe(true);
  });

  it('refuses bytes that are not UTF-8 text before parsing', () => {
    const bad = readScenarioFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'cranes.json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.expected).toContain('UTF-8');
  });
});

describe('custom scenarios in the store', () => {
  it('adds an opened file as an open place of its own, selected so it can be played at once', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 3 });
    expect(store.getState().openCustomScenario(opened(CRANES))).toEqual({
      kind: 'added',
      scenarioId: 'harbour-cranes',
    });
    const card = store
      .getState()
      .cards()
      .find((c) => c.scenarioId === 'harbour-cranes')!;
    expect(card).toMatchObject({ status: 'open', custom: true, place: 'harbour' });
    expect(
      store
        .getState()
        .cards()
        .filter((c) => c.custom),
    ).toHaveLength(1);
    expect(store.getState().selectedPlace).toBe('harbour-cranes');
    store.getState().startScenario('harbour-cranes');
    playToEnd(store);
    expect(store.getState().run?.result?.outcome).toBe('success');
    expect(store.getState().progress[GUEST]?.['harbour-cranes']).toBeDefined();
  });

  it('refuses a file that uses the id of a shipped scenario, and changes nothing', () => {
    const store = createPlayStore({ scenarios });
    const before = store.getState().catalogue;
    const clash = opened(CRANES.replace('"id": "harbour-cranes"', '"id": "tutorial"'));
    expect(store.getState().openCustomScenario(clash)).toEqual({ kind: 'shipped', scenarioId: 'tutorial' });
    expect(store.getState().catalogue).toBe(before);
    expect(store.getState().custom).toEqual([]);
  });

  it('replaces an earlier file with the same id; a new version sets its unfinished runs aside', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 3 });
    store.getState().openCustomScenario(opened(CRANES));
    store.getState().startScenario('harbour-cranes');
    store.getState().continueRun();
    store.getState().goTo({ name: 'map' });
    expect(store.getState().saves[GUEST]?.['harbour-cranes']).toBeDefined();

    expect(store.getState().openCustomScenario(opened(CRANES))).toEqual({
      kind: 'unchanged',
      scenarioId: 'harbour-cranes',
    });
    const v2 = CRANES.replace('"version": "1.0.0"', '"version": "1.1.0"').replace('Quiet cranes', 'Silent cranes');
    expect(store.getState().openCustomScenario(opened(v2, 'cranes-v2.json'))).toEqual({
      kind: 'replaced',
      scenarioId: 'harbour-cranes',
      runsEnded: 0,
    });
    expect(store.getState().custom.map((c) => [c.fileName, c.scenario.version])).toEqual([['cranes-v2.json', '1.1.0']]);
    expect(
      store
        .getState()
        .cards()
        .find((c) => c.scenarioId === 'harbour-cranes')?.title,
    ).toBe('Silent cranes for the harbour');
    // The old save is kept; opening the place says it cannot be resumed and offers a new start.
    store.getState().startScenario('harbour-cranes');
    expect(store.getState().notice).toBe('save-outdated');
    expect(store.getState().screen.name).toBe('map');
    store.getState().restartScenario('harbour-cranes');
    expect(store.getState().run?.title).toBe('Silent cranes for the harbour');
  });

  it('ends the unfinished runs of a file changed without a new version', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 3 });
    const ana = store.getState().createProfile('Ana');
    store.getState().openCustomScenario(opened(CRANES));
    store.getState().startScenario('harbour-cranes');
    store.getState().continueRun();
    store.getState().goTo({ name: 'map' });
    const edited = CRANES.replace('Three in the morning', 'Four in the morning');
    expect(store.getState().openCustomScenario(opened(edited))).toEqual({
      kind: 'replaced',
      scenarioId: 'harbour-cranes',
      runsEnded: 1,
    });
    expect(store.getState().saves[ana.id]?.['harbour-cranes']).toBeUndefined();
    store.getState().startScenario('harbour-cranes');
    expect(store.getState().run?.view).toMatchObject({ kind: 'narrative', title: 'Four in the morning' });
  });

  it('removes a custom scenario with its unfinished runs in every profile, keeping finished results', () => {
    const store = createPlayStore({ scenarios, newSeed: () => 3 });
    store.getState().openCustomScenario(opened(CRANES));
    store.getState().startScenario('harbour-cranes');
    playToEnd(store);
    store.getState().continueRun();
    const ana = store.getState().createProfile('Ana');
    store.getState().startScenario('harbour-cranes');
    store.getState().continueRun();
    store.getState().startScenario('tutorial');
    store.getState().continueRun();
    store.getState().goTo({ name: 'map' });
    store.getState().selectPlace('harbour-cranes');
    expect(Object.keys(store.getState().saves[ana.id] ?? {}).sort()).toEqual(['harbour-cranes', 'tutorial']);

    store.getState().removeCustomScenario('harbour-cranes');
    expect(store.getState().custom).toEqual([]);
    expect(
      store
        .getState()
        .cards()
        .map((c) => c.scenarioId),
    ).toEqual(['tutorial', 'street-lighting']);
    expect(Object.keys(store.getState().saves[ana.id] ?? {})).toEqual(['tutorial']);
    expect(store.getState().selectedPlace).toBeNull();
    expect(store.getState().played[GUEST]?.map((r) => r.scenarioId)).toEqual(['harbour-cranes']);
  });
});

describe('shipped scenarios replaced while the app runs (development)', () => {
  it('updates the map, keeps custom scenarios and progress, and shows files that broke', () => {
    const store = createPlayStore({ scenarios });
    store.getState().openCustomScenario(opened(CRANES));
    store.getState().startScenario('tutorial');
    playToEnd(store);
    const renamed = { ...scenarios[0]!, title: 'First steps, revised' };
    const problem = { file: 'scenarios/street-lighting.json', problems: [] };
    store.getState().replaceBundled([renamed], [problem]);
    const cards = store.getState().cards();
    expect(cards.map((c) => [c.scenarioId, c.title, c.status])).toEqual([
      ['tutorial', 'First steps, revised', 'completed'],
      ['harbour-cranes', 'Quiet cranes for the harbour', 'open'],
    ]);
    expect(store.getState().brokenFiles).toEqual([problem]);
    // Fixed again: the problems go.
    store.getState().replaceBundled(scenarios);
    expect(store.getState().brokenFiles).toEqual([]);
    expect(store.getState().cards()).toHaveLength(3);
  });

  it('hides, without deleting, a custom scenario whose id starts to ship', () => {
    const store = createPlayStore({ scenarios });
    store.getState().openCustomScenario(opened(CRANES));
    const cranes = store.getState().custom[0]!.scenario;
    store.getState().replaceBundled([...scenarios, cranes]);
    expect(
      store
        .getState()
        .cards()
        .filter((c) => c.scenarioId === 'harbour-cranes'),
    ).toEqual([expect.objectContaining({ custom: false })]);
    expect(store.getState().custom).toHaveLength(1);
  });
});

async function boot(storage: GameStorage) {
  const store = createPlayStore({ scenarios, newSeed: () => 3 });
  store.getState().hydrate(await loadHydration(storage, scenarios));
  const connection = connectStorage(store, storage, { locks: false });
  return { store, connection };
}

describe('custom scenarios on the device', () => {
  it('are still on the map after a reload, with their runs; removing one removes it from the device', async () => {
    const { storage, deps } = await freshStorage();
    const first = await boot(storage);
    first.store.getState().openCustomScenario(opened(CRANES));
    first.store.getState().startScenario('harbour-cranes');
    first.store.getState().continueRun();
    await first.connection.idle();
    first.connection.disconnect();
    await storage.close();

    const again = await openStorage({ ...deps, channelName: null });
    const second = await boot(again);
    expect(
      second.store
        .getState()
        .cards()
        .find((c) => c.scenarioId === 'harbour-cranes'),
    ).toMatchObject({
      custom: true,
      status: 'open',
    });
    expect(second.store.getState().custom[0]?.fileName).toBe('harbour-cranes.json');
    second.store.getState().startScenario('harbour-cranes');
    expect(second.store.getState().run?.view.kind).toBe('decision');
    second.store.getState().goTo({ name: 'map' });

    second.store.getState().removeCustomScenario('harbour-cranes');
    await second.connection.idle();
    expect(await again.listCustomScenarios()).toEqual([]);
    expect(await again.listSaves()).toEqual([]);
    second.connection.disconnect();
    await again.close();
  });

  it('keeps, but does not show, a stored file this release can no longer read', async () => {
    const { storage } = await freshStorage();
    const row = { id: 'harbour-cranes', fileName: 'c.json', text: BROKEN, scenarioVersion: '1.0.0', addedAt: 1 };
    await storage.putCustomScenario(row);
    const { store, connection } = await boot(storage);
    expect(store.getState().custom).toEqual([]);
    await connection.idle();
    expect(await storage.listCustomScenarios()).toEqual([row]);
    connection.disconnect();
  });
});
