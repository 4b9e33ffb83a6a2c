// The play store: the one place that owns the running scenario. React reads it with hooks,
// Phaser scenes subscribe to it, and every decision goes through its actions.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { Run } from '../engine/run';
import type { DecisionReview, PersistedRun, MetricView, NodeView, RunResult, Scenario, Score } from '../engine';
import {
  betterProgress,
  buildCatalogue,
  compiledOf,
  placeCards,
  type PlaceCard,
  type ScenarioEntry,
  type ScenarioProgress,
} from './catalogue';
import { newlyEarned, playedRunOf, type PlayedRun } from './achievements';
import type { BrokenFile, CustomEntry, OpenOutcome } from './custom';
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
  /** Time left on the current decision's timer when it was running before a reload. */
  timerLeftMs?: number;
}

/** A run in progress as kept on the device, so a reload continues exactly where it was. */
export interface SavedRun {
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  snapshot: unknown;
  step: number;
  /** A decision timer that was running, so a reload resumes it instead of restarting it. */
  timer?: { node: string; remainingMs: number };
}

/** What the device remembered, handed to the store once storage has opened. */
export interface Hydration {
  profiles: Profile[];
  progress: Record<string, Record<string, ScenarioProgress>>;
  saves: Record<string, Record<string, SavedRun>>;
  settings?: Settings;
  /** Per profile: finished runs, oldest first, as achievements and XP read them. */
  played?: Record<string, PlayedRun[]>;
  /** Per profile: ids of the achievements earned. */
  achievements?: Record<string, string[]>;
  /** Scenarios opened from files on this device, already read again through the loader. */
  custom?: CustomEntry[];
}

/** Timing of the finished run, for the stored result. */
export interface RunTiming {
  startedAt: number;
  decisionAtMs: number[];
  durationMs: number;
}

export type StorageHealth = 'ok' | 'failing' | 'unavailable';

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
  lastTiming: RunTiming | null;
  /** Runs in progress, per profile and scenario. */
  saves: Record<string, Record<string, SavedRun>>;
  /** A message for the player about the run they opened (a save that could not be resumed). */
  notice: 'save-outdated' | 'other-tab' | null;
  /** The scenario whose save could not be resumed, while the player decides. */
  outdatedScenario: string | null;
  storageHealth: StorageHealth;
  /** Per profile: finished runs, oldest first, for achievements and XP. */
  played: Record<string, PlayedRun[]>;
  /** Per profile: ids of the achievements earned, in the order they were earned. */
  achievements: Record<string, string[]>;
  /** Achievements earned by the last finished run, for the results screen to celebrate. */
  justEarned: string[];
  /** Scenarios the player opened from files, in the order they were first opened. */
  custom: CustomEntry[];
  /** Shipped scenario files that could not be read (shown to their author, in development). */
  brokenFiles: BrokenFile[];

  cards: () => PlaceCard[];
  updateSettings: (patch: Partial<Settings>) => void;
  createProfile: (name: string) => Profile;
  selectProfile: (id: string) => void;
  /** Removes a player and all their progress from the store (storage follows through persist.ts). */
  deleteProfile: (id: string) => void;
  goTo: (screen: Screen) => void;
  focusPlace: (scenarioId: string | null) => void;
  selectPlace: (scenarioId: string | null) => void;
  startScenario: (scenarioId: string) => void;
  choose: (optionId: string) => void;
  continueRun: () => void;
  timeOut: () => void;
  leaveScenario: () => void;
  hydrate: (from: Hydration) => void;
  /** The running scenario as a save, or null when nothing is running. */
  currentSave: () => SavedRun | null;
  /** The HUD reports a running decision timer about once a second, so a reload can resume it. */
  tickTimer: (node: string, remainingMs: number) => void;
  /** Sets aside the saved run of a scenario (one that can no longer be resumed) and starts afresh. */
  restartScenario: (scenarioId: string) => void;
  setNotice: (notice: PlayState['notice']) => void;
  setStorageHealth: (health: StorageHealth) => void;
  /** Adds a scenario read from a file to the map (or replaces the one with its id) and selects it. */
  openCustomScenario: (opened: { scenario: Scenario; fileName: string; text: string }) => OpenOutcome;
  /** Removes a custom scenario and every unfinished run of it; finished results stay. */
  removeCustomScenario: (scenarioId: string) => void;
  /** New versions of the shipped scenarios (development: a file in scenarios/ was saved). */
  replaceBundled: (scenarios: readonly Scenario[], broken?: BrokenFile[]) => void;
}

/** Where progress of a player without a profile is kept. */
export const GUEST = 'guest';

export interface PlayStoreOptions {
  scenarios: readonly Scenario[];
  settings?: Settings;
  /** Seeds for new runs; random by default. */
  newSeed?: () => number;
  /** The clock, in epoch milliseconds (tests pass their own). */
  now?: () => number;
  /** Shipped files that could not be read, for the app to show. */
  brokenFiles?: BrokenFile[];
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

let profileCounter = 0;

export function createPlayStore(options: PlayStoreOptions): StoreApi<PlayState> {
  const newSeed = options.newSeed ?? randomSeed;
  let active: {
    run: Run;
    unsubscribe: () => void;
    startedAt: number;
    decisionAtMs: number[];
    /** The running decision timer, as last reported by the HUD. */
    timer?: { node: string; remainingMs: number };
  } | null = null;
  const now = options.now ?? (() => Date.now());
  let bundled = options.scenarios;

  /** Shipped scenarios first; a custom one whose id now ships is hidden, not deleted. */
  const catalogueOf = (custom: readonly CustomEntry[]) => {
    const shipped = new Set(bundled.map((s) => s.id));
    const own = custom.filter((c) => !shipped.has(c.scenario.id));
    return buildCatalogue([...bundled, ...own.map((c) => c.scenario)], new Set(own.map((c) => c.scenario.id)));
  };

  return createStore<PlayState>((set, get) => {
    const snapshot = (run: Run, timerLeftMs?: number): RunSnapshot => ({
      ...(timerLeftMs !== undefined ? { timerLeftMs } : {}),
      scenarioId: run.compiled.scenario.id,
      title: run.compiled.scenario.title,
      step: run.step,
      view: run.view(),
      metrics: run.metrics(),
      history: run.history(),
      score: run.provisionalScore(),
      result: run.result(),
    });

    const record = (result: RunResult, scenario: Scenario | undefined) => {
      const { profileId, progress } = get();
      const key = profileId ?? GUEST;
      const mine = progress[key] ?? {};
      const best = betterProgress(mine[result.scenarioId], {
        bestScore: result.score.scaled,
        stars: result.score.stars,
      });
      set({ progress: { ...progress, [key]: { ...mine, [result.scenarioId]: best } } });

      const runs = [...(get().played[key] ?? []), playedRunOf(result, scenario)];
      const had = get().achievements[key] ?? [];
      const earned = newlyEarned({ runs, bundled: bundledIds() }, had);
      set({
        played: { ...get().played, [key]: runs },
        justEarned: earned,
        ...(earned.length > 0 ? { achievements: { ...get().achievements, [key]: [...had, ...earned] } } : {}),
      });
    };

    const bundledIds = () =>
      get()
        .catalogue.filter((e) => !e.custom)
        .map((e) => e.scenario.id);

    const keepSave = (profileKey: string, save: SavedRun | null) => {
      if (!save) return;
      set({ saves: { ...get().saves, [profileKey]: { ...get().saves[profileKey], [save.scenarioId]: save } } });
    };

    /** Drops the runs of one scenario in every profile; returns how many there were. */
    const dropSavesOf = (scenarioId: string): number => {
      let dropped = 0;
      const saves: PlayState['saves'] = {};
      for (const [profile, mine] of Object.entries(get().saves)) {
        if (!(scenarioId in mine)) {
          saves[profile] = mine;
          continue;
        }
        dropped++;
        saves[profile] = Object.fromEntries(Object.entries(mine).filter(([id]) => id !== scenarioId));
      }
      if (dropped > 0) set({ saves });
      return dropped;
    };

    const dropSave = (profileKey: string, scenarioId: string) => {
      const mine = get().saves[profileKey];
      if (!mine?.[scenarioId]) return;
      const rest = Object.fromEntries(Object.entries(mine).filter(([id]) => id !== scenarioId));
      set({ saves: { ...get().saves, [profileKey]: rest } });
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
      catalogue: catalogueOf([]),
      focusedPlace: null,
      selectedPlace: null,
      run: null,
      lastRun: null,
      lastTiming: null,
      saves: {},
      notice: null,
      outdatedScenario: null,
      storageHealth: 'ok',
      played: {},
      achievements: {},
      justEarned: [],
      custom: [],
      brokenFiles: options.brokenFiles ?? [],

      cards() {
        const { catalogue, progress, profileId } = get();
        return placeCards(catalogue, progress[profileId ?? GUEST] ?? {});
      },
      updateSettings(patch) {
        set({ settings: { ...get().settings, ...patch } });
      },
      createProfile(name) {
        const profile = { id: `p${Date.now().toString(36)}${(profileCounter++).toString(36)}`, name: name.trim() };
        set({ profiles: [...get().profiles, profile], profileId: profile.id });
        return profile;
      },
      deleteProfile(id) {
        const { profiles, progress, saves, profileId } = get();
        const without = <T>(record: Record<string, T>) =>
          Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));
        set({
          profiles: profiles.filter((p) => p.id !== id),
          progress: without(progress),
          saves: without(saves),
          profileId: profileId === id ? null : profileId,
        });
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
        const compiled = compiledOf(entry.scenario);
        const key = get().profileId ?? GUEST;
        const saved = get().saves[key]?.[scenarioId];
        let run: Run | undefined;
        if (saved) {
          try {
            run = Run.resume(compiled, {
              scenarioId: saved.scenarioId,
              scenarioVersion: saved.scenarioVersion,
              snapshot: saved.snapshot as PersistedRun['snapshot'],
            });
            if (run.finished) {
              run.stop();
              run = undefined;
            } else {
              // A scenario edited without a new version may no longer have the node the save is at.
              run.view();
            }
          } catch {
            run?.stop();
            // The scenario changed since the save (or the save is damaged). The save is set aside,
            // not deleted: the player is told and chooses to start again (restartScenario).
            set({ notice: 'save-outdated', outdatedScenario: scenarioId, selectedPlace: scenarioId });
            return;
          }
          if (!run) dropSave(key, scenarioId);
        }
        run ??= Run.start(compiled, newSeed());
        const started = run;
        const unsubscribe = started.subscribe(() => {
          // A step ends whatever timer was running.
          if (active) delete active.timer;
          const snap = snapshot(started);
          const finishedNow = snap.result !== undefined && get().run?.result === undefined;
          if (finishedNow && active) {
            set({
              lastTiming: {
                startedAt: active.startedAt,
                decisionAtMs: [...active.decisionAtMs],
                durationMs: now() - active.startedAt,
              },
            });
          }
          set({ run: snap, ...(finishedNow ? { lastRun: snap } : {}) });
          if (!snap.result) keepSave(get().profileId ?? GUEST, get().currentSave());
          if (finishedNow) {
            dropSave(get().profileId ?? GUEST, snap.scenarioId);
            record(snap.result!, started.compiled.scenario);
          }
        });
        active = { run: started, unsubscribe, startedAt: now(), decisionAtMs: [] };
        const view = started.view();
        const resumedTimer =
          saved?.timer && view.kind === 'decision' && view.node === saved.timer.node ? saved.timer : undefined;
        if (resumedTimer) active.timer = { ...resumedTimer };
        set({
          screen: { name: 'play', scenarioId },
          run: snapshot(started, resumedTimer?.remainingMs),
          outdatedScenario: null,
          focusedPlace: null,
          selectedPlace: null,
          notice: null,
          justEarned: [],
        });
      },
      choose(optionId) {
        act((run) => {
          active?.decisionAtMs.push(now() - active.startedAt);
          run.choose(optionId);
        });
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
        act((run) => {
          active?.decisionAtMs.push(now() - active.startedAt);
          run.timeout();
        });
      },
      leaveScenario() {
        const id = active?.run.compiled.scenario.id;
        stopActive();
        // Leaving on purpose abandons the run (the player confirmed it); closing the tab does not.
        if (id) dropSave(get().profileId ?? GUEST, id);
        set({ screen: { name: 'map' }, run: null });
      },
      hydrate(from) {
        set({
          // Profiles made before storage opened are kept; the device's come first.
          profiles: [...from.profiles, ...get().profiles.filter((p) => !from.profiles.some((q) => q.id === p.id))],
          progress: mergeProgress(from.progress, get().progress),
          saves: { ...from.saves, ...get().saves },
          ...(from.settings ? { settings: from.settings } : {}),
        });
        if (from.custom) {
          // Files opened before storage was ready are newer than what the device had.
          const opened = get().custom;
          const custom = [
            ...from.custom.filter((c) => !opened.some((o) => o.scenario.id === c.scenario.id)),
            ...opened,
          ];
          set({ custom, catalogue: catalogueOf(custom) });
        }
        // The device's runs include every run stored so far, so they replace the ones in memory
        // (hydrating again after an import must not count a run twice).
        const played = { ...get().played, ...from.played };
        // Achievements the stored runs earn but the device missed (closed before the award landed).
        const achievements: Record<string, string[]> = {};
        for (const profile of new Set([...Object.keys(played), ...Object.keys(from.achievements ?? {})])) {
          const had = [...new Set([...(from.achievements?.[profile] ?? []), ...(get().achievements[profile] ?? [])])];
          const missing = newlyEarned({ runs: played[profile] ?? [], bundled: bundledIds() }, had);
          achievements[profile] = [...had, ...missing];
        }
        set({ played, achievements });
      },
      currentSave() {
        if (!active || active.run.finished) return null;
        const persisted = active.run.persist();
        return {
          scenarioId: persisted.scenarioId,
          scenarioVersion: persisted.scenarioVersion,
          seed: active.run.seed,
          snapshot: persisted.snapshot,
          step: active.run.step,
          ...(active.timer ? { timer: { ...active.timer } } : {}),
        };
      },
      tickTimer(node, remainingMs) {
        if (!active || active.run.finished) return;
        active.timer = { node, remainingMs };
        keepSave(get().profileId ?? GUEST, get().currentSave());
      },
      restartScenario(scenarioId) {
        dropSave(get().profileId ?? GUEST, scenarioId);
        set({ notice: null, outdatedScenario: null });
        get().startScenario(scenarioId);
      },
      setNotice(notice) {
        set({ notice });
      },
      setStorageHealth(health) {
        if (get().storageHealth !== health) set({ storageHealth: health });
      },
      openCustomScenario({ scenario, fileName, text }) {
        const scenarioId = scenario.id;
        if (bundled.some((s) => s.id === scenarioId)) return { kind: 'shipped', scenarioId };
        const select = () => set({ selectedPlace: scenarioId, focusedPlace: scenarioId });
        const earlier = get().custom.find((c) => c.scenario.id === scenarioId);
        if (earlier?.text === text) {
          select();
          return { kind: 'unchanged', scenarioId };
        }
        // A run saved against other content of the same version could resume into nodes that no
        // longer mean the same: it ends. With a new version it is set aside by startScenario.
        const runsEnded = earlier && earlier.scenario.version === scenario.version ? dropSavesOf(scenarioId) : 0;
        const entry: CustomEntry = { scenario, fileName, text, addedAt: now() };
        const custom = earlier ? get().custom.map((c) => (c === earlier ? entry : c)) : [...get().custom, entry];
        set({ custom, catalogue: catalogueOf(custom) });
        select();
        return earlier ? { kind: 'replaced', scenarioId, runsEnded } : { kind: 'added', scenarioId };
      },
      removeCustomScenario(scenarioId) {
        if (!get().custom.some((c) => c.scenario.id === scenarioId)) return;
        if (active?.run.compiled.scenario.id === scenarioId) stopActive();
        dropSavesOf(scenarioId);
        const custom = get().custom.filter((c) => c.scenario.id !== scenarioId);
        const { selectedPlace, focusedPlace, outdatedScenario } = get();
        set({
          custom,
          catalogue: catalogueOf(custom),
          ...(selectedPlace === scenarioId ? { selectedPlace: null } : {}),
          ...(focusedPlace === scenarioId ? { focusedPlace: null } : {}),
          ...(outdatedScenario === scenarioId ? { outdatedScenario: null, notice: null } : {}),
        });
      },
      replaceBundled(scenarios, broken = []) {
        bundled = scenarios;
        const { selectedPlace } = get();
        const catalogue = catalogueOf(get().custom);
        set({
          catalogue,
          brokenFiles: broken,
          ...(selectedPlace && !catalogue.some((e) => e.scenario.id === selectedPlace) ? { selectedPlace: null } : {}),
        });
      },
    };
  });
}

/** Keeps, per profile and scenario, the better of two progress records. */
function mergeProgress(
  a: Record<string, Record<string, ScenarioProgress>>,
  b: Record<string, Record<string, ScenarioProgress>>,
): Record<string, Record<string, ScenarioProgress>> {
  const out: Record<string, Record<string, ScenarioProgress>> = { ...a };
  for (const [profile, scenarios] of Object.entries(b)) {
    const mine = { ...(out[profile] ?? {}) };
    for (const [id, p] of Object.entries(scenarios)) mine[id] = betterProgress(mine[id], p);
    out[profile] = mine;
  }
  return out;
}
