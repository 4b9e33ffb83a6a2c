// Static analysis on small hand-built scenarios whose answers are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_STATE_LIMIT, scoreRangeOf } from './analyze';
import { loadScenario } from './load';
import {
  branch,
  decision,
  ending,
  event,
  metric,
  narrative,
  option,
  outcome,
  scenario,
  toText,
  type ScenarioInput,
} from './test-support/scenario';
import { mustLoad } from './test-support/text';

const load = (input: ScenarioInput) => mustLoad(loadScenario(toText(input), 'analysis.json'));

describe('reachability and dead ends', () => {
  /**
   *   start → d: "leave" → end, "wander" → loop-a
   *   loop-a → loop-b → loop-a … (a cycle with no exit)
   *   orphan → end (nothing leads to orphan)
   */
  const s = load(
    scenario({
      nodes: [
        narrative('start', 'd'),
        decision('d', [option('leave', 'end'), option('wander', 'loop-a')]),
        narrative('loop-a', 'loop-b'),
        narrative('loop-b', 'loop-a'),
        narrative('orphan', 'end'),
        ending('end'),
      ],
    }),
  );
  const a = analyze(s);

  it('finds the unreachable node', () => {
    expect(a.reachable).toEqual(['start', 'd', 'loop-a', 'loop-b', 'end']);
    expect(a.unreachable).toEqual(['orphan']);
  });

  it('finds the cycle without an exit as dead ends', () => {
    expect(a.deadEnds).toEqual(['loop-a', 'loop-b']);
    expect(a.cyclic).toBe(true);
  });

  it('is exact: nothing is left undecided', () => {
    expect(a.exact).toBe(true);
    expect(a.undecided).toEqual([]);
    expect(a.statesExplored).toBeGreaterThan(0);
    expect(a.statesExplored).toBeLessThanOrEqual(2 * DEFAULT_STATE_LIMIT);
    expect(a.stateLimit).toBe(DEFAULT_STATE_LIMIT);
  });

  it('counts no paths through a cycle, and no most decisions either', () => {
    expect(a.pathCount).toBeUndefined();
    // The fewest decisions to an ending is still known: "leave" at once.
    expect(a.decisionsPerRun).toEqual({ min: 1, max: null });
    expect(a.scenarioId).toBe('fixture');
    expect(a.nodeCount).toBe(6);
    expect(a.decisionCount).toBe(1);
    expect(a.endings).toEqual([{ id: 'end', outcome: 'success', reachable: 'yes' }]);
  });
});

describe('an ending behind a branch that can never be true', () => {
  /**
   * budget starts at 50 and options change it by +10 or −10, so it is at most 60:
   * "budget >= 90" never holds, and "jackpot" is unreachable in play though linked in the graph.
   */
  const s = load(
    scenario({
      metrics: [metric('budget')],
      nodes: [
        decision('d', [
          option('up', 'gate', 'good', { effects: { budget: 10 } }),
          option('down', 'gate', 'good', { effects: { budget: -10 } }),
        ]),
        branch(
          'gate',
          [
            [{ metric: 'budget', op: '>=', value: 90 }, 'jackpot'],
            [{ metric: 'budget', op: '>', value: 50 }, 'fine'],
          ],
          'poor',
        ),
        ending('jackpot', 'success'),
        ending('fine', 'mixed'),
        ending('poor', 'failure'),
      ],
    }),
  );
  const a = analyze(s);

  it('marks the ending and the node unreachable', () => {
    expect(a.exact).toBe(true);
    expect(a.reachable).toEqual(['d', 'gate', 'fine', 'poor']);
    expect(a.unreachable).toEqual(['jackpot']);
    expect(a.undecided).toEqual([]);
    expect(a.endings).toEqual([
      { id: 'jackpot', outcome: 'success', reachable: 'no' },
      { id: 'fine', outcome: 'mixed', reachable: 'yes' },
      { id: 'poor', outcome: 'failure', reachable: 'yes' },
    ]);
    expect(a.deadEnds).toEqual([]);
  });

  it('reports which branch cases are taken', () => {
    expect(a.branchCases).toEqual([
      { node: 'gate', case: 0, next: 'jackpot', taken: 'no' },
      { node: 'gate', case: 1, next: 'fine', taken: 'yes' },
      { node: 'gate', case: 'otherwise', next: 'poor', taken: 'yes' },
    ]);
  });

  it('counts paths by the graph, ignoring conditions: 2 options × 3 ways out of the branch', () => {
    expect(a.pathCount).toEqual({ value: 6, capped: false });
    expect(a.cyclic).toBe(false);
  });

  it('proves the same with a tiny state limit: reachability does not depend on the score search', () => {
    const partial = analyze(s, { stateLimit: 1, samples: 50 });
    expect(partial.statesExplored).toBeLessThanOrEqual(2);
    expect(partial.unreachable).toEqual(['jackpot']);
    expect(partial.reachable).toEqual(['d', 'gate', 'fine', 'poor']);
  });
});

describe('best and worst runs, with their paths', () => {
  /**
   * budget 50 in 0..100, weight 1; decisions are half the score:
   *   raw = 0.5 × budget / 100 + 0.5 × points / (3 × decisions)
   *
   *   intro → d1: cheap (+20, weak 1) | bold (−20, best 3) → ev
   *   ev: boom 50 % (+30) | bust 50 % (−30) → d2
   *   d2: safe (±0, good 2) → ok | risky (+10, poor 0) → gate
   *   gate: budget >= 100 → lucky, otherwise → bad
   *
   *   d1     ev    d2     budget  points  raw                           ending
   *   cheap  boom  safe    100      3     0.5 + 0.25     = 0.75         ok      ← best
   *   cheap  boom  risky   100      1     0.5 + 0.0833   = 0.5833       lucky
   *   cheap  bust  safe     40      3     0.2 + 0.25     = 0.45         ok
   *   cheap  bust  risky    50      1     0.25 + 0.0833  = 0.3333       bad
   *   bold   boom  safe     60      5     0.3 + 0.41667  = 0.71667      ok
   *   bold   boom  risky    70      3     0.35 + 0.25    = 0.6          bad
   *   bold   bust  safe      0      5     0 + 0.41667    = 0.41667      ok
   *   bold   bust  risky    10      3     0.05 + 0.25    = 0.3          bad     ← worst
   */
  const s = load(
    scenario({
      metrics: [metric('budget')],
      nodes: [
        narrative('intro', 'd1'),
        decision('d1', [
          option('cheap', 'ev', 'weak', { effects: { budget: 20 } }),
          option('bold', 'ev', 'best', { effects: { budget: -20 } }),
        ]),
        event('ev', [
          outcome('boom', 50, 'd2', { effects: { budget: 30 } }),
          outcome('bust', 50, 'd2', { effects: { budget: -30 } }),
        ]),
        decision('d2', [option('safe', 'ok', 'good'), option('risky', 'gate', 'poor', { effects: { budget: 10 } })]),
        branch('gate', [[{ metric: 'budget', op: '>=', value: 100 }, 'lucky']], 'bad'),
        ending('ok', 'success'),
        ending('lucky', 'mixed'),
        ending('bad', 'failure'),
      ],
    }),
  );
  const a = analyze(s);

  it('finds the best run and the exact way to it', () => {
    expect(a.best).toEqual({
      raw: 0.75,
      ending: 'ok',
      outcome: 'success',
      steps: [
        { node: 'intro' },
        { node: 'd1', via: 'cheap' },
        { node: 'ev', via: 'boom' },
        { node: 'd2', via: 'safe' },
        { node: 'ok' },
      ],
    });
  });

  it('finds the worst run and the exact way to it, branch case included', () => {
    expect(a.worst?.raw).toBeCloseTo(0.3, 12);
    expect(a.worst).toMatchObject({
      ending: 'bad',
      outcome: 'failure',
      steps: [
        { node: 'intro' },
        { node: 'd1', via: 'bold' },
        { node: 'ev', via: 'bust' },
        { node: 'd2', via: 'risky' },
        { node: 'gate', via: 'otherwise' },
        { node: 'bad' },
      ],
    });
    expect(scoreRangeOf(a)).toEqual({ worst: a.worst!.raw, best: 0.75 });
  });

  it('takes every branch case that some run reaches', () => {
    expect(a.exact).toBe(true);
    expect(a.branchCases).toEqual([
      { node: 'gate', case: 0, next: 'lucky', taken: 'yes' },
      { node: 'gate', case: 'otherwise', next: 'bad', taken: 'yes' },
    ]);
    expect(a.best?.steps.find((step) => step.node === 'gate')).toBeUndefined();
  });

  it('counts the paths through the graph: 2 × 2 × (1 + 2) = 12', () => {
    expect(a.pathCount).toEqual({ value: 12, capped: false });
    expect(a.decisionsPerRun).toEqual({ min: 2, max: 2 });
    expect(a.unreachable).toEqual([]);
    expect(a.deadEnds).toEqual([]);
  });
});

describe('decisions per run', () => {
  it('are the fewest and most decisions on any complete run', () => {
    // Short way: d1 → end (1 decision). Long way: d1 → d2 → d3 → end (3 decisions).
    const s = load(
      scenario({
        nodes: [
          decision('d1', [option('short', 'end'), option('long', 'd2')]),
          decision('d2', [option('a', 'd3'), option('b', 'd3')]),
          decision('d3', [option('c', 'end'), option('d', 'end')]),
          ending('end'),
        ],
      }),
    );
    expect(analyze(s).decisionsPerRun).toEqual({ min: 1, max: 3 });
  });
});

describe('a cyclic scenario whose states never repeat', () => {
  /**
   * "again" adds 1 to a budget that can grow to a million, and every decision counts towards the
   * score, so no two visits of "d" are the same game state: the play pass must stop at the limit.
   */
  const s = load(
    scenario({
      metrics: [metric('budget', { initial: 0, min: 0, max: 1_000_000 })],
      nodes: [
        decision('d', [option('again', 'd', 'good', { effects: { budget: 1 } }), option('stop', 'end', 'best')]),
        ending('end'),
      ],
    }),
  );

  it('terminates at the state limit and says it is not exact', () => {
    const t0 = performance.now();
    const a = analyze(s, { stateLimit: 100 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(a.exact).toBe(false);
    expect(a.stateLimit).toBe(100);
    // Two searches (best and worst), each stopped at the limit.
    expect(a.statesExplored).toBe(200);
    expect(a.cyclic).toBe(true);
    expect(a.pathCount).toBeUndefined();
    expect(a.decisionsPerRun).toEqual({ min: 1, max: null });
    expect(a.reachable).toEqual(['d', 'end']);
    expect(a.endings).toEqual([{ id: 'end', outcome: 'success', reachable: 'yes' }]);
    expect(a.deadEnds).toEqual([]);
    // Runs completed within the limit still count: stopping at once scores 0.5 × 0 + 0.5 × 1.
    expect(a.best?.raw).toBeGreaterThanOrEqual(0.5);
    expect(a.worst?.raw).toBeLessThanOrEqual(0.5);
  });
});

describe('what the analysis can neither witness nor disprove', () => {
  it('is never called reachable, and makes the analysis inexact', () => {
    // budget moves in steps of 10 from 50, so it is never 55; a range of 30..70 cannot tell.
    const s = load(
      scenario({
        metrics: [metric('budget')],
        nodes: [
          decision('d1', [
            option('up', 'd2', 'good', { effects: { budget: 10 } }),
            option('down', 'd2', 'good', { effects: { budget: -10 } }),
          ]),
          decision('d2', [
            option('up2', 'gate', 'good', { effects: { budget: 10 } }),
            option('down2', 'gate', 'good', { effects: { budget: -10 } }),
          ]),
          branch('gate', [[{ metric: 'budget', op: '==', value: 55 }, 'odd']], 'end'),
          ending('odd', 'mixed'),
          ending('end'),
        ],
      }),
    );
    const a = analyze(s);
    expect(a.reachable).toEqual(['d1', 'd2', 'gate', 'end']);
    expect([...a.unreachable, ...a.undecided]).toEqual(['odd']);
    expect(a.branchCases[0]!.taken).not.toBe('yes');
    if (a.undecided.length > 0) expect(a.exact).toBe(false);
  });
});
