// The curriculum's bar (issue 7): every shipped scenario loads cleanly and analyses without a
// warning; every level besides the tutorial is a full lesson: enough decisions, endings, a branch,
// a seeded event, real trade-offs, cited feedback, a best path an expert would defend.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  formatProblem,
  PROCURCOMPEU_COMPETENCES,
  loadScenario,
  warningsFor,
  type DecisionNode,
  type Metric,
  type Option,
  type Scenario,
} from '../../src/engine';
import { CAMPAIGN_ORDER } from '../../src/play/catalogue';

const folder = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort();

function load(file: string): Scenario {
  const result = loadScenario(readFileSync(folder + file, 'utf8'), `scenarios/${file}`);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/** True when the change moves the metric the way the scenario calls better. */
const helps = (metric: Metric, change: number) => (metric.better === 'lower' ? change < 0 : change > 0);
const hurts = (metric: Metric, change: number) => (metric.better === 'lower' ? change > 0 : change < 0);

const decisions = (s: Scenario) => s.nodes.filter((n): n is DecisionNode => n.kind === 'decision');

describe.each(files)('scenarios/%s', (file) => {
  const scenario = load(file);
  const analysis = analyze(scenario);

  it('is named after its id and listed in the campaign', () => {
    expect(file).toBe(`${scenario.id}.json`);
    expect(CAMPAIGN_ORDER).toContain(scenario.id);
  });

  it('analyses exactly, with no warning an editor would want', () => {
    expect(analysis.exact).toBe(true);
    expect(warningsFor(scenario, analysis)).toEqual([]);
    expect(analysis.unreachable).toEqual([]);
    expect(analysis.deadEnds).toEqual([]);
  });

  it('cites a source for every option and explains it', () => {
    for (const d of decisions(scenario)) {
      for (const o of d.options) {
        expect(o.reference.trim(), `${d.id}/${o.id}`).not.toBe('');
        expect(o.feedback.length, `${d.id}/${o.id} feedback`).toBeGreaterThan(60);
      }
    }
  });

  it('has no option that is good on every metric', () => {
    for (const d of decisions(scenario)) {
      for (const o of d.options) {
        const improvesAll = scenario.metrics.every((m) => helps(m, o.effects[m.id] ?? 0));
        expect(improvesAll, `${d.id}/${o.id} improves every metric`).toBe(false);
      }
    }
  });

  it('ends its best path in success and its worst in failure', () => {
    expect(analysis.best?.outcome).toBe('success');
    expect(analysis.worst?.outcome).toBe('failure');
  });

  it('takes only best or good options on its best path', () => {
    const byNode = new Map(decisions(scenario).map((d) => [d.id, d]));
    const chosen: Option[] = [];
    for (const step of analysis.best?.steps ?? []) {
      const option = byNode.get(step.node)?.options.find((o) => o.id === step.via);
      if (option) chosen.push(option);
    }
    expect(chosen.length).toBeGreaterThan(0);
    for (const o of chosen) expect(['best', 'good'], o.id).toContain(o.quality);
  });

  if (scenario.id === 'tutorial') return;

  it('is a full lesson: 10+ decisions, 3+ endings, a branch, a seeded event, 10–20 minutes', () => {
    expect(decisions(scenario).length).toBeGreaterThanOrEqual(10);
    expect(scenario.nodes.filter((n) => n.kind === 'ending').length).toBeGreaterThanOrEqual(3);
    expect(scenario.nodes.some((n) => n.kind === 'branch')).toBe(true);
    expect(scenario.nodes.some((n) => n.kind === 'event')).toBe(true);
    expect(scenario.minutes).toBeGreaterThanOrEqual(10);
    expect(scenario.minutes).toBeLessThanOrEqual(20);
    const outcomes = new Set(analysis.endings.filter((e) => e.reachable === 'yes').map((e) => e.outcome));
    expect([...outcomes].sort()).toEqual(['failure', 'mixed', 'success']);
  });

  it('names ProcurCompEU competences', () => {
    expect(scenario.competences.length).toBeGreaterThan(0);
    for (const c of scenario.competences) expect(Object.keys(PROCURCOMPEU_COMPETENCES)).toContain(c);
  });

  it('makes its trade-offs real: most best choices cost something', () => {
    const best = decisions(scenario).flatMap((d) => d.options.filter((o) => o.quality === 'best'));
    const costly = best.filter((o) => scenario.metrics.some((m) => hurts(m, o.effects[m.id] ?? 0)));
    expect(costly.length / best.length).toBeGreaterThanOrEqual(1 / 3);
  });
});
