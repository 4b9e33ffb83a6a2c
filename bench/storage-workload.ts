// The storage benchmark's workload, shared by the Chromium page and the Node fallback: fill the
// database with results, then time what a player waits for. Uses the real engine for saves.
import { compileScenario, loadScenario, Run } from '../src/engine';
import type { GameStorage, Profile, Result, ResultDecision } from '../src/storage';

export interface WorkloadParams {
  results: number;
  profiles: number;
  scenarios: number;
  /** Autosaves to time, one after each decision. */
  saves: number;
  /** Repetitions of each query. */
  queries: number;
  /** Results per import transaction while filling. */
  chunk: number;
  /** Pause between filling and timing. */
  settleMs: number;
}

export interface Figure {
  measure: string;
  median: number;
  p95: number;
  runs: number;
  aim: string;
  note: string;
}

export interface WorkloadReport {
  figures: Figure[];
  fillMs: number;
  snapshotBytes: number;
}

export const DEFAULT_PARAMS: WorkloadParams = {
  results: 100_000,
  profiles: 200,
  scenarios: 8,
  saves: 300,
  queries: 30,
  chunk: 5_000,
  settleMs: 3_000,
};

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]!;
}

/** A small seeded generator: the same database every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

function figure(measure: string, times: number[], aim: string, note: string): Figure {
  return { measure, median: percentile(times, 0.5), p95: percentile(times, 0.95), runs: times.length, aim, note };
}

export async function runStorageWorkload(
  storage: GameStorage,
  scenarioText: string,
  params: WorkloadParams,
): Promise<WorkloadReport> {
  const rand = random(20261101);
  const profiles: Profile[] = [];
  for (let i = 0; i < params.profiles; i++) profiles.push(await storage.createProfile(`Player ${i + 1}`));
  const scenarioIds = Array.from({ length: params.scenarios }, (_, i) =>
    i === 0 ? 'street-lighting' : `scenario-${i}`,
  );

  const start = Date.UTC(2026, 0, 1);
  const fillStart = performance.now();
  for (let done = 0; done < params.results; done += params.chunk) {
    const results: Result[] = [];
    for (let i = done; i < Math.min(params.results, done + params.chunk); i++) {
      const profile = profiles[Math.floor(rand() * profiles.length)]!;
      const scaled = Math.round(rand() * 100);
      const decisions: ResultDecision[] = Array.from({ length: 12 }, (_, d) => ({
        node: `decision-${d}`,
        option: `option-${Math.floor(rand() * 3)}`,
        quality: (['best', 'good', 'weak', 'poor'] as const)[Math.floor(rand() * 4)]!,
        timedOut: rand() < 0.05,
        atMs: (d + 1) * 20_000,
      }));
      results.push({
        id: `bench-${i}`,
        profileId: profile.id,
        profileName: profile.name,
        scenarioId: scenarioIds[Math.floor(rand() * scenarioIds.length)]!,
        scenarioVersion: '1.0.0',
        seed: i,
        decisions,
        metrics: { budget: rand() * 100, time: rand() * 100, innovation: rand() * 100, trust: rand() * 100 },
        score: { raw: scaled, scaled, stars: scaled >= 85 ? 3 : scaled >= 60 ? 2 : scaled >= 30 ? 1 : 0 },
        outcome: scaled >= 50 ? 'success' : 'mixed',
        ending: 'ending',
        durationMs: 120_000 + Math.floor(rand() * 900_000),
        finishedAt: start + i * 60_000,
      });
    }
    await storage.importRecords({ profiles: [], results, achievements: [], saves: [] });
  }
  const fillMs = performance.now() - fillStart;
  // Let the browser finish writing behind the scenes (compaction): a player does not start
  // playing the instant a hundred thousand results have been imported.
  await new Promise((resolve) => setTimeout(resolve, params.settleMs));

  // Autosave after every decision of real runs of a real scenario.
  const loaded = loadScenario(scenarioText, 'street-lighting.json');
  if (!loaded.ok) throw new Error('The scenario does not load');
  const compiled = compileScenario(loaded.scenario);
  const player = profiles[0]!;
  let run = Run.start(compiled, 1);
  let snapshotBytes = 0;
  const saveTimes = await time(params.saves, async (i) => {
    if (run.finished) {
      run.stop();
      run = Run.start(compiled, i + 2);
    }
    for (;;) {
      const view = run.view();
      if (view.kind === 'decision') {
        run.choose(view.options[Math.floor(rand() * view.options.length)]!.id);
        break;
      }
      run.continue();
      if (run.finished) {
        run.stop();
        run = Run.start(compiled, i + 3);
      }
    }
    const { scenarioId, scenarioVersion, snapshot } = run.persist();
    snapshotBytes = JSON.stringify(snapshot).length;
    return storage.putSave({
      profileId: player.id,
      scenarioId,
      scenarioVersion,
      seed: run.seed,
      snapshot,
      step: run.step,
      savedAt: Date.now(),
    });
  });
  run.stop();

  const board = await time(params.queries, (i) =>
    storage.leaderboard(scenarioIds[Math.abs(i) % scenarioIds.length]!, 10),
  );
  const overall = await time(params.queries, () => storage.overallLeaderboard(10));
  const best = await time(params.queries, (i) =>
    storage.personalBest(profiles[Math.abs(i) % profiles.length]!.id, scenarioIds[0]!),
  );
  const history = await time(params.queries, (i) =>
    storage.listResults({ profileId: profiles[Math.abs(i) % profiles.length]!.id, scenarioId: scenarioIds[0]! }),
  );
  const perPlayer = Math.round(params.results / (params.profiles * params.scenarios));
  const stored = `${params.results.toLocaleString('en')} results`;
  return {
    fillMs,
    snapshotBytes,
    figures: [
      figure(
        'autosave (putSave) per decision',
        saveTimes,
        '< 5 ms',
        `street-lighting, snapshot ${snapshotBytes.toLocaleString('en')} B`,
      ),
      figure('leaderboard(scenario, 10)', board, '< 20 ms', `${stored}, ${params.profiles} profiles`),
      figure('overallLeaderboard(10)', overall, '< 20 ms', `${params.scenarios} scenarios`),
      figure('personalBest(profile, scenario)', best, '', ''),
      figure('listResults(profile, scenario)', history, '', `~${perPlayer} runs each, full records`),
    ],
  };
}
