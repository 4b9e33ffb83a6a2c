import { describe, expect, it } from 'vitest';
import { testScenarios } from './test-support';
import { warmUp } from './warmup';

describe('warm-up before the room arrives', () => {
  it('plays every scenario at least once, whatever the budget', async () => {
    const scenarios = await testScenarios();
    const teams = 3;
    const { decisions } = warmUp(scenarios.values(), 0, teams);
    // One session per scenario; every team makes at least one decision in each.
    expect(decisions).toBeGreaterThanOrEqual(scenarios.size * teams);
    // Runs end: no scenario needs more decisions than its longest path.
    const longest = [...scenarios.values()].reduce((n, c) => {
      const a = c.analysis();
      return n + (a.decisionsPerRun?.max ?? a.decisionCount);
    }, 0);
    expect(decisions).toBeLessThanOrEqual(longest * teams);
  });

  it('keeps playing rounds until the budget is spent', async () => {
    const scenarios = await testScenarios();
    // A clock that moves 5 ms each time it is read (once per round): 25 ms are spent after round 5.
    let clock = 0;
    const result = warmUp(scenarios.values(), 25, 2, () => (clock += 5));
    expect(result.rounds).toBe(5);
    const one = warmUp(scenarios.values(), 0, 2);
    expect(one.rounds).toBe(1);
    expect(result.decisions).toBeGreaterThan(2 * one.decisions);
  });

  it('does nothing without scenarios', () => {
    expect(warmUp([], 1000).decisions).toBe(0);
  });
});
