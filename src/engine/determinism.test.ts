// Workshops must be reproducible: the same seed and the same choices give the same run, on every
// device. The frequency checks below are statistical, over fixed seeds, so they never flake.
import { describe, expect, it } from 'vitest';
import { compileScenario, type CompiledScenario } from './compile';
import { loadScenario } from './load';
import { draw, seedState } from './random';
import { Run, type RunResult } from './run';
import {
  baseScenario,
  decision,
  ending,
  event,
  metric,
  option,
  outcome,
  scenario,
  toText,
} from './test-support/scenario';
import { mustLoad } from './test-support/text';

/** Two decisions and three events: x 30 / y 70, then p 60 / q 25 / r 15, then s 50 / t 50. */
const chancy = scenario({
  metrics: [metric('budget')],
  nodes: [
    decision('d1', [
      option('a', 'e1', 'best', { effects: { budget: 5 } }),
      option('b', 'e1', 'poor', { effects: { budget: -5 } }),
    ]),
    event('e1', [outcome('x', 30, 'e2', { effects: { budget: 1 } }), outcome('y', 70, 'e2')]),
    event('e2', [
      outcome('p', 60, 'd2', { effects: { budget: 2 } }),
      outcome('q', 25, 'd2'),
      outcome('r', 15, 'd2', { effects: { budget: -2 } }),
    ]),
    decision('d2', [option('c', 'e3', 'good'), option('d', 'e3', 'weak')]),
    event('e3', [outcome('s', 50, 'end'), outcome('t', 50, 'end')]),
    ending('end'),
  ],
});

function compile(input = chancy): CompiledScenario {
  return compileScenario(mustLoad(loadScenario(toText(input), 'chancy.json')));
}

/** Plays to the end, taking the options named in turn at each decision. */
function play(compiled: CompiledScenario, seed: number | string, choices: readonly string[]): RunResult {
  const run = Run.start(compiled, seed);
  let next = 0;
  while (!run.finished) {
    if (run.view().kind === 'decision') run.choose(choices[next++]!);
    else run.continue();
  }
  return run.result()!;
}

const outcomes = (r: RunResult) => r.events.map((e) => e.outcome).join(' ');

describe('the seeded generator', () => {
  it('turns integers into themselves and text into its FNV-1a hash', () => {
    expect(seedState(42)).toBe(42);
    expect(seedState(-1)).toBe(0xffffffff);
    expect(seedState(2 ** 32 + 5)).toBe(5);
    // FNV-1a of "abc", a published test vector.
    expect(seedState('abc')).toBe(0x1a47e90b);
    expect(seedState('')).toBe(0x811c9dc5);
    // A number that is not whole is read as its text.
    expect(seedState(1.5)).toBe(seedState('1.5'));
  });

  it('draws numbers in [0, 1) and advances its state by a fixed step', () => {
    let state = seedState('workshop');
    let lowest = 1;
    let highest = 0;
    let steps = 0;
    for (let i = 0; i < 10_000; i++) {
      const { value, state: next } = draw(state);
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
      if (next === (state + 0x6d2b79f5) >>> 0) steps++;
      state = next;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(lowest).toBeLessThan(0.001);
    expect(highest).toBeLessThan(1);
    expect(highest).toBeGreaterThan(0.999);
    expect(steps).toBe(10_000);
    expect(draw(7)).toEqual(draw(7));
  });
});

describe('same seed and same choices, same run', () => {
  it('gives deep-equal results every time, with number and text seeds', () => {
    const compiled = compile();
    // The same scenario compiled again, as on another device.
    const elsewhere = compile();
    for (const seed of [0, 1, 99, 123_456_789, 'WORKSHOP-7', 'Rīga 2026']) {
      for (const choices of [
        ['a', 'c'],
        ['b', 'd'],
      ]) {
        const first = play(compiled, seed, choices);
        for (let i = 0; i < 20; i++) expect(play(compiled, seed, choices)).toEqual(first);
        expect(play(elsewhere, seed, choices)).toEqual(first);
      }
    }
  });

  it('a text seed is kept as its hash, and different texts give different seeds', () => {
    const compiled = compile();
    expect(play(compiled, 'WORKSHOP-7', ['a', 'c']).seed).toBe(seedState('WORKSHOP-7'));
    expect(seedState('WORKSHOP-7')).not.toBe(seedState('WORKSHOP-8'));
  });

  it('the choices do not change the draws: event outcomes depend on the seed alone', () => {
    const compiled = compile();
    for (let seed = 0; seed < 50; seed++) {
      expect(outcomes(play(compiled, seed, ['a', 'c']))).toBe(outcomes(play(compiled, seed, ['b', 'd'])));
    }
  });
});

describe('different seeds', () => {
  it('eventually give different event outcomes, and every combination occurs', () => {
    const compiled = compile();
    const seen = new Set<string>();
    for (let seed = 0; seed < 300; seed++) seen.add(outcomes(play(compiled, seed, ['a', 'c'])));
    // 2 × 3 × 2 combinations; the rarest (x, r, …) has a chance of 0.3 × 0.15 × 0.5 = 2.25 %.
    expect(seen.size).toBe(12);
  });

  it('event outcome frequencies over 2,000 seeds roughly match the chances', () => {
    const base = compileScenario(mustLoad(loadScenario(toText(baseScenario()), 'town.json')));
    let rain = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const run = Run.start(base, seed);
      run.continue();
      run.choose('talk');
      if (run.view().kind !== 'feedback') throw new Error('expected feedback');
      run.continue();
      const view = run.view();
      if (view.kind === 'event' && view.outcome.id === 'rain') rain++;
    }
    // 30 % ± 8 %.
    expect(rain / 2000).toBeGreaterThan(0.22);
    expect(rain / 2000).toBeLessThan(0.38);
  });

  it('later draws and text seeds are spread as well', () => {
    const compiled = compile();
    const counts: Record<string, number> = {};
    const n = 2000;
    for (let i = 0; i < n; i++) {
      for (const e of play(compiled, `team-${i}`, ['a', 'c']).events) {
        counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
      }
    }
    const expected: Record<string, number> = { x: 0.3, y: 0.7, p: 0.6, q: 0.25, r: 0.15, s: 0.5, t: 0.5 };
    for (const [id, chance] of Object.entries(expected)) {
      const share = (counts[id] ?? 0) / n;
      expect(share, id).toBeGreaterThan(chance - 0.08);
      expect(share, id).toBeLessThan(chance + 0.08);
    }
  });
});
