// Mirrors the play store onto the device's storage: profiles, settings, the autosave after every
// step, and each finished result. The store never waits for storage; storage never holds rules.
import type { StoreApi } from 'zustand/vanilla';
import { resultFromRun, RunLock, runLockName, type GameStorage, type Result, type Save } from '../storage';
import type { Scenario } from '../engine';
import { playedRunOf } from './achievements';
import { GUEST, type Hydration, type PlayState, type SavedRun } from './store';
import { betterProgress } from './catalogue';
import { entryFromStored } from './custom';
import { DEFAULT_SETTINGS, LANGUAGES, TEXT_SIZES, type Settings } from './settings';

/**
 * Reads what the device remembers, in the shape the store takes. The scenarios let stored results
 * count for achievements (which option cited what, which decisions had a timer).
 */
export async function loadHydration(storage: GameStorage, scenarios: readonly Scenario[] = []): Promise<Hydration> {
  const [profiles, results, saves, settings, awarded, stored] = await Promise.all([
    storage.listProfiles(),
    storage.listResults(),
    storage.listSaves(),
    storage.getSettings(),
    storage.listAchievements(),
    storage.listCustomScenarios(),
  ]);
  const custom: NonNullable<Hydration['custom']> = [];
  for (const row of stored) {
    const entry = entryFromStored(row);
    // Kept on the device but not shown: this release reads the file differently. Nothing is lost.
    if (entry) custom.push(entry);
    else
      console.warn(
        `The scenario "${row.id}" opened from ${row.fileName} can no longer be read; it is kept but not shown.`,
      );
  }
  const known = [...scenarios, ...custom.map((c) => c.scenario)];
  const played: NonNullable<Hydration['played']> = {};
  for (const r of [...results].sort((a, b) => a.finishedAt - b.finishedAt)) {
    const scenario = known.find((s) => s.id === r.scenarioId);
    (played[r.profileId] ??= []).push(playedRunOf(r, scenario));
  }
  const achievements: NonNullable<Hydration['achievements']> = {};
  for (const a of awarded) (achievements[a.profileId] ??= []).push(a.achievementId);
  const progress: Hydration['progress'] = {};
  for (const r of results) {
    const mine = (progress[r.profileId] ??= {});
    mine[r.scenarioId] = betterProgress(mine[r.scenarioId], { bestScore: r.score.scaled, stars: r.score.stars });
  }
  const savedRuns: Hydration['saves'] = {};
  for (const s of saves) {
    (savedRuns[s.profileId] ??= {})[s.scenarioId] = {
      scenarioId: s.scenarioId,
      scenarioVersion: s.scenarioVersion,
      seed: s.seed,
      snapshot: s.snapshot,
      step: s.step,
      ...(s.timer ? { timer: s.timer } : {}),
    };
  }
  return {
    profiles: [...profiles].sort((a, b) => b.lastPlayedAt - a.lastPlayedAt).map((p) => ({ id: p.id, name: p.name })),
    progress,
    saves: savedRuns,
    played,
    achievements,
    custom,
    ...(settings ? { settings: settingsFrom(settings) } : {}),
  };
}

/** Settings read back are checked field by field: an older release may have written others. */
export function settingsFrom(raw: Readonly<Record<string, unknown>>): Settings {
  const language = LANGUAGES.find((l) => l === raw.language) ?? DEFAULT_SETTINGS.language;
  const textSize = TEXT_SIZES.find((t) => t === raw.textSize) ?? DEFAULT_SETTINGS.textSize;
  return {
    language,
    textSize,
    sound: typeof raw.sound === 'boolean' ? raw.sound : DEFAULT_SETTINGS.sound,
    reducedMotion: typeof raw.reducedMotion === 'boolean' ? raw.reducedMotion : DEFAULT_SETTINGS.reducedMotion,
  };
}

export interface StorageConnection {
  disconnect(): void;
  /** Resolves when every write started so far has reached storage (or its retry queue). */
  idle(): Promise<void>;
}

/**
 * Writes every change of the store that the device must keep. A run open in another tab is not
 * written from here: the other tab owns it.
 */
export function connectStorage(
  store: StoreApi<PlayState>,
  storage: GameStorage,
  options: { locks?: boolean } = {},
): StorageConnection {
  const useLocks = options.locks ?? true;
  const lockFor = new Map<string, Promise<RunLock | undefined>>();
  const ownLock = (key: string): Promise<boolean> => {
    if (!useLocks) return Promise.resolve(true);
    let lock = lockFor.get(key);
    if (!lock) {
      lock = RunLock.acquire(key).catch(() => undefined);
      lockFor.set(key, lock);
    }
    return lock.then((l) => l !== undefined);
  };
  const releaseAll = () => {
    for (const lock of lockFor.values()) void lock.then((l) => l?.release());
    lockFor.clear();
  };

  // Every write in flight, so `idle()` can wait for them.
  const pending = new Set<Promise<unknown>>();
  const trackWrites = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  // Writes of one run happen in order: a save must never land after the delete that follows it.
  const queues = new Map<string, Promise<unknown>>();
  const inOrder = (key: string, write: () => Promise<unknown>) => {
    const next = (queues.get(key) ?? Promise.resolve()).then(write, write);
    queues.set(key, next);
    trackWrites(next);
  };
  const writeSave = (profileId: string, save: SavedRun) => {
    const key = runLockName(profileId, save.scenarioId);
    inOrder(key, async () => {
      if (!(await ownLock(key))) {
        store.getState().setNotice('other-tab');
        return;
      }
      const record: Save = { profileId, ...save, savedAt: Date.now() };
      await storage.putSave(record);
    });
  };
  const deleteSave = (profileId: string, scenarioId: string) => {
    inOrder(runLockName(profileId, scenarioId), () => storage.deleteSave(profileId, scenarioId));
  };

  const unsubscribe = store.subscribe((state, before) => {
    if (state.settings !== before.settings) trackWrites(storage.putSettings({ ...state.settings }));

    for (const p of state.profiles) {
      if (!before.profiles.some((q) => q.id === p.id)) trackWrites(storage.createProfile(p.name, { id: p.id }));
    }
    // A removed player goes with all their saves, results and achievements, in one transaction.
    for (const p of before.profiles) {
      if (!state.profiles.some((q) => q.id === p.id)) trackWrites(storage.deleteProfile(p.id));
    }

    if (state.saves !== before.saves) {
      for (const [profileId, mine] of Object.entries(state.saves)) {
        const old = before.saves[profileId] ?? {};
        for (const [scenarioId, save] of Object.entries(mine)) {
          if (old[scenarioId] !== save) writeSave(profileId, save);
        }
        for (const scenarioId of Object.keys(old)) {
          if (!(scenarioId in mine)) deleteSave(profileId, scenarioId);
        }
      }
    }

    const finished = state.lastRun?.result;
    if (finished && state.lastRun !== before.lastRun && state.lastTiming) {
      const profileId = state.profileId ?? GUEST;
      const profile = state.profiles.find((p) => p.id === profileId) ?? { id: GUEST, name: '' };
      const result: Result = resultFromRun(finished, {
        profile,
        decisionAtMs: state.lastTiming.decisionAtMs,
        durationMs: state.lastTiming.durationMs,
        finishedAt: Date.now(),
      });
      trackWrites(storage.addResult(result));
    }

    if (state.achievements !== before.achievements) {
      for (const [profileId, ids] of Object.entries(state.achievements)) {
        if (ids === before.achievements[profileId]) continue;
        // `award` stores each one once, so handing it the whole list also stores any it missed.
        for (const id of ids) trackWrites(storage.award(profileId, id, Date.now()));
      }
    }

    if (state.custom !== before.custom) {
      for (const c of state.custom) {
        if (before.custom.includes(c)) continue;
        const { scenario, fileName, text, addedAt } = c;
        trackWrites(
          storage.putCustomScenario({ id: scenario.id, fileName, text, scenarioVersion: scenario.version, addedAt }),
        );
      }
      for (const c of before.custom) {
        const id = c.scenario.id;
        if (!state.custom.some((d) => d.scenario.id === id)) trackWrites(storage.deleteCustomScenario(id));
      }
    }

    if (state.screen.name !== 'play' && before.screen.name === 'play') releaseAll();
  });

  const offStatus = storage.subscribe(() => {
    store.getState().setStorageHealth(storage.getStatus().status);
  });
  store.getState().setStorageHealth(storage.getStatus().status);

  return {
    disconnect() {
      unsubscribe();
      offStatus();
      releaseAll();
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
