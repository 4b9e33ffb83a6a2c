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
    const one = warmUp(scenarios.values(), 0, 2);
    const more = warmUp(scenarios.values(), 50, 2);
    expect(more.ms).toBeGreaterThanOrEqual(50);
    expect(more.decisions).toBeGreaterThan(one.decisions);
  });

  it('does nothing without scenarios', () => {
    expect(warmUp([], 1000).decisions).toBe(0);
  });
});
