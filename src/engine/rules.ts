// The rules of play, as pure functions shared by the state machine and the analysis, so what the
// analysis predicts is exactly what a player gets.
import { draw } from './random';
import type { Comparison, Condition, EventOutcome, Metric, Quality } from './schema';

export type MetricValues = Readonly<Record<string, number>>;

export interface WorldState {
  readonly metrics: MetricValues;
  readonly flags: readonly string[];
}

/** Adds each change to its metric and keeps the metric within its bounds. Returns the changes as applied. */
export function applyEffects(
  metrics: readonly Metric[],
  values: MetricValues,
  effects: Readonly<Record<string, number>>,
): { values: Record<string, number>; applied: Record<string, number> } {
  const next: Record<string, number> = { ...values };
  const applied: Record<string, number> = {};
  for (const m of metrics) {
    // Own keys only: a metric called "constructor" must not pick up Object.prototype.constructor.
    if (!Object.prototype.hasOwnProperty.call(effects, m.id)) continue;
    const delta = effects[m.id]!;
    const before = next[m.id] ?? m.initial;
    const after = Math.min(m.max, Math.max(m.min, before + delta));
    next[m.id] = after;
    if (after !== before) applied[m.id] = after - before;
  }
  return { values: next, applied };
}

export function applyFlags(flags: readonly string[], set: readonly string[], clear: readonly string[]): string[] {
  const out = new Set(flags);
  for (const f of clear) out.delete(f);
  for (const f of set) out.add(f);
  return [...out].sort();
}

function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

export function evaluate(condition: Condition, world: WorldState): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, world));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, world));
  if ('not' in condition) return !evaluate(condition.not, world);
  if ('metric' in condition) return compare(world.metrics[condition.metric] ?? 0, condition.op, condition.value);
  return world.flags.includes(condition.flag);
}

/** Which outcome of an event a generator state selects, and the state after the draw. */
export function rollOutcome(outcomes: readonly EventOutcome[], rng: number): { outcome: EventOutcome; rng: number } {
  const { value, state } = draw(rng);
  const point = value * 100;
  let upTo = 0;
  for (const o of outcomes) {
    upTo += o.chance;
    if (point < upTo) return { outcome: o, rng: state };
  }
  // Chances add up to 100 (checked at load), so this is only reached by rounding.
  return { outcome: outcomes[outcomes.length - 1]!, rng: state };
}

export const QUALITY_POINTS: Readonly<Record<Quality, number>> = { best: 3, good: 2, weak: 1, poor: 0 };
export const MAX_QUALITY_POINTS = 3;

export function initialMetrics(metrics: readonly Metric[]): Record<string, number> {
  return Object.fromEntries(metrics.map((m) => [m.id, m.initial]));
}
