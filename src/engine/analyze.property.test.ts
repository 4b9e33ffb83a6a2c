// The analysis prunes and abstracts; here it is checked against brute force. Small random
// scenarios are generated, every play-through is enumerated, and the analysis must agree exactly
// on the best and worst score, the reachable nodes and the branch cases taken.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { applyEffects, applyFlags, initialMetrics, QUALITY_POINTS } from './rules';
import { rawScore } from './score';
import { bruteForce, randomScenario } from './test-support/random-scenario';

describe('analysis agrees with brute force on random acyclic scenarios', () => {
  const seeds = Array.from({ length: 150 }, (_, i) => i + 1);
  it.each(seeds)('scenario %i', (seed) => {
    const s = randomScenario(seed);
    const truth = bruteForce(s);
    const a = analyze(s, { samples: 20 });
    expect(a.exact).toBe(true);
    expect(a.best?.raw).toBeCloseTo(truth.best, 10);
    expect(a.worst?.raw).toBeCloseTo(truth.worst, 10);
    expect(new Set(a.reachable)).toEqual(truth.nodes);
    expect(a.undecided).toEqual([]);
    const taken = new Set(a.branchCases.filter((c) => c.taken === 'yes').map((c) => `${c.node}#${c.case}`));
    expect(taken).toEqual(truth.cases);
    expect(a.branchCases.every((c) => c.taken !== 'undecided')).toBe(true);
  });

  it('the best path it reports, replayed, scores what it claims', () => {
    for (const seed of [3, 17, 42]) {
      const s = randomScenario(seed);
      const a = analyze(s);
      const byId = new Map(s.nodes.map((n) => [n.id, n]));
      let metrics = initialMetrics(s.metrics);
      let flags: string[] = [];
      let points = 0;
      let decisions = 0;
      for (const step of a.best!.steps) {
        const n = byId.get(step.node)!;
        if (n.kind === 'decision') {
          const o = n.options.find((x) => x.id === step.via)!;
          metrics = applyEffects(s.metrics, metrics, o.effects).values;
          flags = applyFlags(flags, o.setFlags, o.clearFlags);
          points += QUALITY_POINTS[o.quality];
          decisions++;
        } else if (n.kind === 'event') {
          const o = n.outcomes.find((x) => x.id === step.via)!;
          metrics = applyEffects(s.metrics, metrics, o.effects).values;
          flags = applyFlags(flags, o.setFlags, o.clearFlags);
        }
      }
      expect(a.best!.steps.at(-1)!.node).toBe(a.best!.ending);
      expect(rawScore(s, metrics, points, decisions)).toBeCloseTo(a.best!.raw, 10);
    }
  });
});
