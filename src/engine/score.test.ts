// Scoring on small hand-built scenarios; every expected number is worked out in the comments.
import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile';
import { loadScenario } from './load';
import { Run } from './run';
import { decisionPart, metricPart, rawScore, scaleScore, scoreRun, starsFor, STAR_THRESHOLDS } from './score';
import { decision, ending, metric, option, scenario, toText, type ScenarioInput } from './test-support/scenario';
import { mustLoad } from './test-support/text';

const load = (input: ScenarioInput) => mustLoad(loadScenario(toText(input), 'score.json'));

/**
 * budget: 0..200, weight 2, higher is better
 * risk:   0..50,  weight 1, lower is better
 * fame:   0..10,  weight 0 (never counts)
 * Decisions are a quarter of the score.
 */
const weighted = load(
  scenario({
    metrics: [
      metric('budget', { initial: 100, min: 0, max: 200, weight: 2 }),
      metric('risk', { initial: 25, min: 0, max: 50, weight: 1, better: 'lower' }),
      metric('fame', { initial: 5, min: 0, max: 10, weight: 0 }),
    ],
    scoring: { decisionQuality: 0.25 },
    nodes: [decision('d', [option('a', 'end'), option('b', 'end')]), ending('end')],
  }),
);

describe('metricPart', () => {
  it('normalises each metric, turns "lower is better" around and averages by weight', () => {
    // budget 150 → 150/200 = 0.75, × 2 = 1.5; risk 10 → 1 − 10/50 = 0.8, × 1 = 0.8; fame ignored.
    // (1.5 + 0.8) / (2 + 1) = 2.3 / 3
    expect(metricPart(weighted, { budget: 150, risk: 10, fame: 0 })).toBeCloseTo(2.3 / 3, 12);
    expect(metricPart(weighted, { budget: 150, risk: 10, fame: 10 })).toBeCloseTo(2.3 / 3, 12);
  });

  it('is 1 at the best bounds and 0 at the worst', () => {
    expect(metricPart(weighted, { budget: 200, risk: 0, fame: 0 })).toBe(1);
    expect(metricPart(weighted, { budget: 0, risk: 50, fame: 10 })).toBe(0);
  });

  it('takes the starting value for a metric it is not given', () => {
    // budget 100 → 0.5 × 2 = 1; risk 25 → 0.5 × 1 = 0.5; (1 + 0.5) / 3 = 0.5
    expect(metricPart(weighted, {})).toBe(0.5);
  });

  it('is 0 when no metric has weight (decisions are then the whole score)', () => {
    const decisionsOnly = load(
      scenario({
        metrics: [metric('budget', { weight: 0 })],
        scoring: { decisionQuality: 1 },
        nodes: [decision('d', [option('a', 'end', 'best'), option('b', 'end', 'poor')]), ending('end')],
      }),
    );
    expect(metricPart(decisionsOnly, { budget: 100 })).toBe(0);
    // Then only quality counts: 2 points of 3.
    expect(rawScore(decisionsOnly, { budget: 100 }, 2, 1)).toBeCloseTo(2 / 3, 12);
  });
});

describe('decisionPart', () => {
  it('averages best = 3, good = 2, weak = 1, poor = 0 over the decisions made', () => {
    // best + good + poor = 3 + 2 + 0 = 5 points of 3 × 3 = 9
    expect(decisionPart(5, 3)).toBeCloseTo(5 / 9, 12);
    expect(decisionPart(3, 1)).toBe(1);
    expect(decisionPart(0, 4)).toBe(0);
    // weak + weak = 2 of 6
    expect(decisionPart(2, 2)).toBeCloseTo(1 / 3, 12);
  });

  it('marks nothing down when no decision was made', () => {
    expect(decisionPart(0, 0)).toBe(1);
  });
});

describe('rawScore', () => {
  it('mixes the metric part and the decision part by scoring.decisionQuality', () => {
    // metric part 2.3/3 ≈ 0.766667, decision part 5/9 ≈ 0.555556
    // 0.75 × 0.766667 + 0.25 × 0.555556 = 0.575 + 0.138889 = 0.713889
    const raw = rawScore(weighted, { budget: 150, risk: 10, fame: 0 }, 5, 3);
    expect(raw).toBeCloseTo(0.75 * (2.3 / 3) + 0.25 * (5 / 9), 12);
    expect(raw).toBeCloseTo(0.713889, 6);
  });
});

describe('scaleScore', () => {
  const range = { worst: 0.2, best: 0.8 };

  it('rescales between the worst and best attainable raw scores, rounded', () => {
    // (0.713889 − 0.2) / 0.6 × 100 = 85.65 → 86
    expect(scaleScore(0.713889, range)).toBe(86);
    expect(scaleScore(0.2, range)).toBe(0);
    expect(scaleScore(0.8, range)).toBe(100);
    expect(scaleScore(0.5, range)).toBe(50);
  });

  it('keeps the result within 0–100', () => {
    expect(scaleScore(0.95, range)).toBe(100);
    expect(scaleScore(0.05, range)).toBe(0);
  });

  it('gives 100 when best and worst are the same', () => {
    expect(scaleScore(0.4, { worst: 0.4, best: 0.4 })).toBe(100);
    expect(scaleScore(0, { worst: 0.7, best: 0.7 })).toBe(100);
  });
});

describe('stars', () => {
  it('are earned at 30, 60 and 85', () => {
    expect(STAR_THRESHOLDS).toEqual([30, 60, 85]);
    expect([0, 29, 30, 59, 60, 84, 85, 100].map((s) => starsFor(s, 'success'))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('are capped by the outcome: a failure at most 1, a mixed ending at most 2', () => {
    expect(starsFor(100, 'failure')).toBe(1);
    expect(starsFor(70, 'failure')).toBe(1);
    expect(starsFor(10, 'failure')).toBe(0);
    expect(starsFor(100, 'mixed')).toBe(2);
    expect(starsFor(45, 'mixed')).toBe(1);
    expect(starsFor(100, 'success')).toBe(3);
  });
});

describe('scoreRun', () => {
  it('puts the parts together, the raw score in percent to one decimal', () => {
    const score = scoreRun(weighted, { budget: 150, risk: 10, fame: 0 }, 5, 3, 'mixed', { worst: 0.2, best: 0.8 });
    // raw 0.713889 → 71.4; scaled 86 would be 3 stars, but a mixed ending caps them at 2.
    expect(score).toEqual({
      raw: 71.4,
      scaled: 86,
      stars: 2,
      metrics: expect.closeTo(2.3 / 3, 12) as number,
      decisions: expect.closeTo(5 / 9, 12) as number,
    });
  });
});

describe('a run is scored against the range the analysis finds', () => {
  /**
   * budget 50 in 0..100, weight 1; decisions are half the score.
   *   great: budget +50 → 100, best (3 of 3)  → win (success)   raw 0.5 × 1   + 0.5 × 1   = 1
   *   fair:  budget ±0  →  50, weak (1 of 3)  → meh (mixed)     raw 0.5 × 0.5 + 0.5 × 1/3 = 0.416667
   *   awful: budget −50 →   0, poor (0 of 3)  → lose (failure)  raw 0
   * So the range is worst 0, best 1, and scaled = raw × 100.
   */
  const compiled = compileScenario(
    load(
      scenario({
        metrics: [metric('budget')],
        nodes: [
          decision('d', [
            option('great', 'win', 'best', { effects: { budget: 50 } }),
            option('fair', 'meh', 'weak'),
            option('awful', 'lose', 'poor', { effects: { budget: -50 } }),
          ]),
          ending('win', 'success'),
          ending('meh', 'mixed'),
          ending('lose', 'failure'),
        ],
      }),
    ),
  );

  const scoreOf = (choice: string) => {
    const run = Run.start(compiled, 1);
    run.choose(choice);
    run.continue();
    return run.result()!.score;
  };

  it('the range', () => {
    expect(compiled.scoreRange()).toEqual({ worst: 0, best: 1 });
  });

  it.each([
    ['great', { raw: 100, scaled: 100, stars: 3, metrics: 1, decisions: 1 }],
    ['fair', { raw: 41.7, scaled: 42, stars: 1, metrics: 0.5, decisions: 1 / 3 }],
    ['awful', { raw: 0, scaled: 0, stars: 0, metrics: 0, decisions: 0 }],
  ])('%s', (choice, expected) => {
    expect(scoreOf(choice)).toEqual(expected);
  });
});
