// Generators and a brute-force oracle for small random scenarios, shared by the property test
// and the benchmark.
import { draw } from '../random';
import { applyEffects, applyFlags, evaluate, initialMetrics, QUALITY_POINTS } from '../rules';
import { rawScore } from '../score';
import { ScenarioSchema, QUALITIES, type Condition, type Scenario } from '../schema';

export function generator(seed: number) {
  let state = seed;
  const next = () => {
    const d = draw(state);
    state = d.state;
    return d.value;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

/** A random acyclic scenario: nodes only point forward, ending in three endings. */
export function randomScenario(seed: number): Scenario {
  const g = generator(seed);
  const metrics = ['a', 'b', 'c'];
  const flags = ['f', 'g'];
  const body = g.int(4, 9);
  const endings = ['end-1', 'end-2', 'end-3'];
  const ids = Array.from({ length: body }, (_, i) => `n${i}`);
  const forward = (i: number) =>
    i + 1 < body ? g.pick([...ids.slice(i + 1, i + 4), ...endings.slice(0, 1)]) : g.pick(endings);
  const effects = () => Object.fromEntries(metrics.filter(() => g.next() < 0.6).map((m) => [m, g.int(-30, 30)]));
  const condition = (): Condition =>
    g.next() < 0.6
      ? { metric: g.pick(metrics), op: g.pick(['<', '<=', '>', '>=', '==', '!='] as const), value: g.int(0, 10) * 10 }
      : g.next() < 0.5
        ? { flag: g.pick(flags) }
        : { all: [{ flag: g.pick(flags) }, { not: { metric: g.pick(metrics), op: '>', value: 50 } }] };
  const nodes: unknown[] = ids.map((id, i) => {
    const kind = g.pick(['decision', 'decision', 'decision', 'branch', 'event', 'narrative']);
    if (kind === 'decision') {
      return {
        id,
        kind,
        prompt: 'Choose.',
        options: Array.from({ length: g.int(2, 3) }, (_, k) => ({
          id: `o${k}`,
          text: `Option ${k}`,
          effects: effects(),
          setFlags: g.next() < 0.3 ? [g.pick(flags)] : [],
          clearFlags: g.next() < 0.15 ? [g.pick(flags)] : [],
          quality: g.pick(QUALITIES),
          feedback: 'Because.',
          reference: 'Test',
          next: forward(i),
        })),
      };
    }
    if (kind === 'branch') {
      return {
        id,
        kind,
        cases: [
          { when: condition(), next: forward(i) },
          { when: condition(), next: forward(i) },
        ],
        otherwise: forward(i),
      };
    }
    if (kind === 'event') {
      return {
        id,
        kind,
        outcomes: [
          {
            id: 'x',
            chance: 40,
            text: 'X',
            effects: effects(),
            setFlags: g.next() < 0.3 ? [g.pick(flags)] : [],
            next: forward(i),
          },
          { id: 'y', chance: 60, text: 'Y', effects: effects(), next: forward(i) },
        ],
      };
    }
    return { id, kind, text: 'Scene.', next: forward(i) };
  });
  const outcomes = ['success', 'mixed', 'failure'] as const;
  endings.forEach((id, k) => nodes.push({ id, kind: 'ending', title: id, text: 'End.', outcome: outcomes[k] }));
  return ScenarioSchema.parse({
    format: 1,
    id: `random-${seed}`,
    version: '1.0.0',
    lang: 'en',
    title: 'Random',
    summary: 'Generated.',
    difficulty: 'beginner',
    minutes: 5,
    competences: ['planning'],
    metrics: metrics.map((id, k) => ({
      id,
      label: id,
      initial: 50,
      min: 0,
      max: 100,
      weight: k + 1,
      better: k === 2 ? 'lower' : 'higher',
    })),
    flags,
    scoring: { decisionQuality: g.pick([0, 0.3, 0.5, 1]) },
    start: 'n0',
    nodes,
  });
}

/** Every play-through, by plain enumeration. */
export function bruteForce(s: Scenario) {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const nodes = new Set<string>();
  const cases = new Set<string>();
  let best = -Infinity;
  let worst = Infinity;
  const walk = (
    id: string,
    metrics: Record<string, number>,
    flags: string[],
    points: number,
    decisions: number,
  ): void => {
    const n = byId.get(id)!;
    nodes.add(id);
    switch (n.kind) {
      case 'ending': {
        const raw = rawScore(s, metrics, points, decisions);
        best = Math.max(best, raw);
        worst = Math.min(worst, raw);
        return;
      }
      case 'narrative': {
        walk(n.next, metrics, flags, points, decisions);
        return;
      }
      case 'decision':
        for (const o of n.options) {
          walk(
            o.next,
            applyEffects(s.metrics, metrics, o.effects).values,
            applyFlags(flags, o.setFlags, o.clearFlags),
            points + QUALITY_POINTS[o.quality],
            decisions + 1,
          );
        }
        return;
      case 'event':
        for (const o of n.outcomes)
          walk(
            o.next,
            applyEffects(s.metrics, metrics, o.effects).values,
            applyFlags(flags, o.setFlags, o.clearFlags),
            points,
            decisions,
          );
        return;
      case 'branch': {
        const i = n.cases.findIndex((c) => evaluate(c.when, { metrics, flags }));
        cases.add(`${n.id}#${i === -1 ? 'otherwise' : i}`);
        walk(i === -1 ? n.otherwise : n.cases[i]!.next, metrics, flags, points, decisions);
        return;
      }
    }
  };
  walk(s.start, initialMetrics(s.metrics), [], 0, 0);
  return { nodes, cases, best, worst };
}
