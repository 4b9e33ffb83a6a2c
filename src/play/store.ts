// The play store: the one place that owns the running scenario. React reads it with hooks,
// Phaser scenes subscribe to it, and every decision goes through its actions.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  Run,
  type DecisionReview,
  type MetricView,
  type NodeView,
  type RunResult,
  type Scenario,
  type Score,
} from '../engine';
import {
  buildCatalogue,
  compiledOf,
  placeCards,
  type PlaceCard,
  type ScenarioEntry,
  type ScenarioProgress,
} from './catalogue';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export type Screen =
  { name: 'home' } | { name: 'map' } | { name: 'play'; scenarioId: string } | { name: 'results'; scenarioId: string };

export interface Profile {
  id: string;
  name: string;
}

/** Everything the HUD and the scene need about the run, as plain data, renewed after each step. */
export interface RunSnapshot {
  scenarioId: string;
  title: string;
  step: number;
  view: NodeView;
  metrics: MetricView[];
  history: DecisionReview[];
  score: Score;
  result: RunResult | undefined;
}

export interface PlayState {
  screen: Screen;
  settings: Settings;
  profiles: Profile[];
  profileId: string | null;
  /** Per profile, per scenario: the best result so far. */
  progress: Record<string, Record<string, ScenarioProgress>>;
  catalogue: ScenarioEntry[];
  /** The place highlighted on the map (by focus or hover). */
  focusedPlace: string | null;
  /** The place whose briefing is open on the map. */
  selectedPlace: string | null;
  run: RunSnapshot | null;
  /** The last finished run, for the results screen. */
  lastRun: RunSnapshot | null;

  cards: () => PlaceCard[];
  updateSettings: (patch: Partial<Settings>) => void;
  createProfile: (name: string) => Profile;
  selectProfile: (id: string) => void;
  goTo: (screen: Screen) => void;
  focusPlace: (scenarioId: string | null) => void;
  selectPlace: (scenarioId: string | null) => void;
  startScenario: (scenarioId: string) => void;
  choose: (optionId: string) => void;
  continueRun: () => void;
  timeOut: () => void;
  leaveScenario: () => void;
}

export interface PlayStoreOptions {
  scenarios: readonly Scenario[];
  settings?: Settings;
  /** Seeds for new runs; random by default. */
  newSeed?: () => number;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

let profileCounter = 0;

export function createPlayStore(options: PlayStoreOptions): StoreApi<PlayState> {
  const newSeed = options.newSeed ?? randomSeed;
  let active: { run: Run; unsubscribe: () => void } | null = null;

  return createStore<PlayState>((set, get) => {
    const snapshot = (run: Run): RunSnapshot => ({
      scenarioId: run.compiled.scenario.id,
      title: run.compiled.scenario.title,
      step: run.step,
      view: run.view(),
      metrics: run.metrics(),
      history: run.history(),
      score: run.provisionalScore(),
      result: run.result(),
    });

    const record = (result: RunResult) => {
      const { profileId, progress } = get();
      const key = profileId ?? 'guest';
      const mine = progress[key] ?? {};
      const before = mine[result.scenarioId];
      const best: ScenarioProgress =
        before && before.bestScore >= result.score.scaled
          ? {
              bestScore: before.bestScore,
              stars: Math.max(before.stars, result.score.stars) as ScenarioProgress['stars'],
            }
          : {
              bestScore: result.score.scaled,
              stars: Math.max(before?.stars ?? 0, result.score.stars) as ScenarioProgress['stars'],
            };
      set({ progress: { ...progress, [key]: { ...mine, [result.scenarioId]: best } } });
    };

    const stopActive = () => {
      if (!active) return;
      active.unsubscribe();
      active.run.stop();
      active = null;
    };

    const act = (f: (run: Run) => void) => {
      if (!active) return;
      f(active.run);
    };

    return {
      screen: { name: 'home' },
      settings: options.settings ?? DEFAULT_SETTINGS,
      profiles: [],
      profileId: null,
      progress: {},
      catalogue: buildCatalogue(options.scenarios),
      focusedPlace: null,
      selectedPlace: null,
      run: null,
      lastRun: null,

      cards() {
        const { catalogue, progress, profileId } = get();
        return placeCards(catalogue, progress[profileId ?? 'guest'] ?? {});
      },
      updateSettings(patch) {
        set({ settings: { ...get().settings, ...patch } });
      },
      createProfile(name) {
        const profile = { id: `p${Date.now().toString(36)}${(profileCounter++).toString(36)}`, name: name.trim() };
        set({ profiles: [...get().profiles, profile], profileId: profile.id });
        return profile;
      },
      selectProfile(id) {
        if (get().profiles.some((p) => p.id === id)) set({ profileId: id });
      },
      goTo(screen) {
        if (screen.name !== 'play') stopActive();
        set({ screen, ...(screen.name === 'play' ? {} : { run: null }) });
      },
      focusPlace(scenarioId) {
        if (get().focusedPlace !== scenarioId) set({ focusedPlace: scenarioId });
      },
      selectPlace(scenarioId) {
        set({ selectedPlace: scenarioId, ...(scenarioId ? { focusedPlace: scenarioId } : {}) });
      },
      startScenario(scenarioId) {
        const entry = get().catalogue.find((e) => e.scenario.id === scenarioId);
        if (!entry) throw new Error(`No scenario "${scenarioId}"`);
        stopActive();
        const run = Run.start(compiledOf(entry.scenario), newSeed());
        const unsubscribe = run.subscribe(() => {
          const snap = snapshot(run);
          const finishedNow = snap.result !== undefined && get().run?.result === undefined;
          set({ run: snap, ...(finishedNow ? { lastRun: snap } : {}) });
          if (finishedNow) record(snap.result!);
        });
        active = { run, unsubscribe };
        set({ screen: { name: 'play', scenarioId }, run: snapshot(run), focusedPlace: null, selectedPlace: null });
      },
      choose(optionId) {
        act((run) => run.choose(optionId));
      },
      continueRun() {
        act((run) => {
          if (run.finished) {
            const id = run.compiled.scenario.id;
            stopActive();
            set({ screen: { name: 'results', scenarioId: id }, run: null });
          } else run.continue();
        });
      },
      timeOut() {
        act((run) => run.timeout());
      },
      leaveScenario() {
        stopActive();
        set({ screen: { name: 'map' }, run: null });
      },
    };
  });
}
