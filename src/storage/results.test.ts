import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario, Run } from '../engine';
import { resultFromRun } from './results';
import { freshStorage, makeResult, T0, withScore } from './test-support';

describe('results', () => {
  it('stores a result once, however often it is added', async () => {
    const { storage } = await freshStorage();
    const result = makeResult({ profileId: 'p', scenarioId: 'tutorial' });
    expect(await storage.addResult(result)).toBe('stored');
    expect(await storage.addResult(result)).toBe('stored');
    // Same id, other content: the first stored stays (a result is never edited).
    await storage.addResult({ ...result, score: { raw: 1, scaled: 1, stars: 0 } });
    expect(await storage.listResults()).toEqual([result]);
  });

  it('lists run history by profile and scenario, newest first', async () => {
    const { storage } = await freshStorage();
    const a1 = makeResult({ profileId: 'a', scenarioId: 'tutorial', finishedAt: T0 + 1 });
    const a2 = makeResult({ profileId: 'a', scenarioId: 'street-lighting', finishedAt: T0 + 2 });
    const a3 = makeResult({ profileId: 'a', scenarioId: 'tutorial', finishedAt: T0 + 3 });
    const b1 = makeResult({ profileId: 'b', scenarioId: 'tutorial', finishedAt: T0 + 4 });
    for (const r of [a1, a2, a3, b1]) await storage.addResult(r);
    const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
    expect(ids(await storage.listResults({ profileId: 'a', scenarioId: 'tutorial' }))).toEqual([a3.id, a1.id]);
    expect(ids(await storage.listResults({ profileId: 'a' }))).toEqual([a3.id, a2.id, a1.id]);
    expect(ids(await storage.listResults({ scenarioId: 'tutorial' }))).toEqual([b1.id, a3.id, a1.id]);
    expect(ids(await storage.listResults())).toEqual([b1.id, a3.id, a2.id, a1.id]);
  });

  it('keeps the personal best: higher score, then shorter, then earlier', async () => {
    const { storage } = await freshStorage();
    const p = { profileId: 'a', scenarioId: 'tutorial' };
    const slow = withScore(80, { ...p, durationMs: 90_000 });
    const fast = withScore(80, { ...p, durationMs: 60_000 });
    const low = withScore(40, { ...p, durationMs: 10_000 });
    for (const r of [slow, fast, low]) await storage.addResult(r);
    expect((await storage.personalBest('a', 'tutorial'))?.id).toBe(fast.id);
    expect(await storage.personalBest('a', 'street-lighting')).toBeUndefined();
  });
});

describe('leaderboards', () => {
  async function boardFixture() {
    const { storage } = await freshStorage();
    const [ada, bo, cy, di] = await Promise.all(['Ada', 'Bo', 'Cy', 'Di'].map((n) => storage.createProfile(n)));
    const t = 'tutorial';
    const s = 'street-lighting';
    const add = (profileId: string, scenarioId: string, scaled: number, durationMs: number, finishedAt: number) =>
      storage.addResult(withScore(scaled, { profileId, scenarioId, durationMs, finishedAt }));
    await add(ada!.id, t, 70, 60_000, T0 + 1);
    await add(ada!.id, t, 90, 120_000, T0 + 2);
    await add(bo!.id, t, 90, 100_000, T0 + 5);
    await add(cy!.id, t, 90, 100_000, T0 + 3); // same score and time as Bo, finished earlier
    await add(di!.id, t, 50, 10_000, T0 + 4);
    await add(ada!.id, s, 80, 60_000, T0 + 6);
    await add(bo!.id, s, 20, 60_000, T0 + 7);
    return { storage, ada: ada!, bo: bo!, cy: cy!, di: di! };
  }

  it('ranks the best run per profile, ties by shorter duration, then earlier finish', async () => {
    const { storage } = await boardFixture();
    const board = await storage.leaderboard('tutorial');
    expect(board.map((e) => [e.rank, e.profileName, e.scoreScaled, e.durationMs])).toEqual([
      [1, 'Cy', 90, 100_000],
      [2, 'Bo', 90, 100_000],
      [3, 'Ada', 90, 120_000],
      [4, 'Di', 50, 10_000],
    ]);
    expect((await storage.leaderboard('tutorial', 2)).map((e) => e.profileName)).toEqual(['Cy', 'Bo']);
    // With a limit, the index alone decides who makes the cut.
    expect((await storage.leaderboard('tutorial', 1)).map((e) => e.profileName)).toEqual(['Cy']);
    expect(await storage.leaderboard('unknown-scenario')).toEqual([]);
  });

  it('sums each profile’s bests for the overall board, ties by shorter total time', async () => {
    const { storage, ada } = await boardFixture();
    const eve = await storage.createProfile('Eve');
    // 170 like Ada (90 + 80), but in 1,000 s against Ada's 180 s.
    await storage.addResult(withScore(100, { profileId: eve.id, scenarioId: 'tutorial', durationMs: 500_000 }));
    await storage.addResult(withScore(70, { profileId: eve.id, scenarioId: 'street-lighting', durationMs: 500_000 }));
    const board = await storage.overallLeaderboard();
    expect(board.map((e) => [e.rank, e.profileName, e.total, e.scenarios])).toEqual([
      [1, 'Ada', 170, 2],
      [2, 'Eve', 170, 2],
      [3, 'Bo', 110, 2],
      [4, 'Cy', 90, 1],
      [5, 'Di', 50, 1],
    ]);
    expect(board[0]!.durationMs).toBe(180_000);
    expect(board[0]!.profileId).toBe(ada.id);
    // With a limit, the index alone decides who makes the cut.
    expect((await storage.overallLeaderboard(1)).map((e) => e.profileName)).toEqual(['Ada']);
  });

  it('shows the current name of a renamed profile', async () => {
    const { storage, cy } = await boardFixture();
    await storage.renameProfile(cy.id, 'Cyrus');
    expect((await storage.leaderboard('tutorial'))[0]!.profileName).toBe('Cyrus');
    expect((await storage.overallLeaderboard()).some((e) => e.profileName === 'Cyrus')).toBe(true);
  });
});

describe('resultFromRun', () => {
  it('keeps what the engine reported, with decision times', () => {
    const loaded = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
    if (!loaded.ok) throw new Error('tutorial.json does not load');
    const run = Run.start(compileScenario(loaded.scenario), 5);
    while (!run.finished) {
      const view = run.view();
      if (view.kind === 'decision') run.choose(view.options[0]!.id);
      else run.continue();
    }
    const engine = run.result()!;
    const times = engine.decisions.map((_, i) => (i + 1) * 1_000);
    const result = resultFromRun(engine, {
      id: 'r1',
      profile: { id: 'p', name: 'Ada' },
      decisionAtMs: times,
      durationMs: 42_000,
      finishedAt: T0,
    });
    expect(result).toMatchObject({
      id: 'r1',
      profileId: 'p',
      profileName: 'Ada',
      scenarioId: 'tutorial',
      seed: 5,
      outcome: engine.outcome,
      ending: engine.ending,
      metrics: engine.metrics,
      score: { raw: engine.score.raw, scaled: engine.score.scaled, stars: engine.score.stars },
    });
    expect(result.decisions.map((d) => [d.node, d.option, d.atMs])).toEqual(
      engine.decisions.map((d, i) => [d.node, d.option, times[i]]),
    );
    run.stop();
  });
});
