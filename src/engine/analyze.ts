// Static analysis of a scenario: what can be reached, what cannot, where a player gets stuck,
// which endings happen, and the best and worst attainable score with the path to each.
//
// Two passes. The structural pass reads the graph and ignores conditions and chance: linear and
// always complete. The play pass explores every distinct game state (node, metrics, flags,
// decision quality so far) with the same rules the state machine uses, so it knows which branch
// cases really fire. It is exact when it runs out of states to explore; on cyclic or very large
// scenarios it stops at a state limit and says so.
import { nodeIndex, successors } from './graph';
import { applyEffects, applyFlags, evaluate, initialMetrics, QUALITY_POINTS } from './rules';
import { rawScore, type ScoreRange } from './score';
import type { Outcome, Scenario } from './schema';

export interface PathStep {
  node: string;
  /** The option, event outcome or branch case taken to leave the node, if any. */
  via?: string;
}

export interface ScoredPath {
  /** Raw score of the run, 0–1. */
  raw: number;
  ending: string;
  outcome: Outcome;
  steps: PathStep[];
}

export interface BranchCaseUse {
  node: string;
  /** Case index, or "otherwise". */
  case: number | 'otherwise';
  next: string;
  taken: boolean;
}

export interface Analysis {
  scenarioId: string;
  nodeCount: number;
  decisionCount: number;
  /** Nodes a player can reach (by play when the exploration was exhaustive, else by the graph). */
  reachable: string[];
  unreachable: string[];
  /** Reachable nodes that are not endings and from which no ending can be reached. */
  deadEnds: string[];
  endings: { id: string; outcome: Outcome; reachable: boolean }[];
  cyclic: boolean;
  /** True when every game state was explored: reachability and scores are then exact. */
  exhaustive: boolean;
  statesExplored: number;
  stateLimit: number;
  /** Complete play-throughs by the graph; capped, and undefined when a cycle makes it unbounded. */
  pathCount: { value: number; capped: boolean } | undefined;
  best: ScoredPath | undefined;
  worst: ScoredPath | undefined;
  /** Fewest and most decisions on a complete play-through found. */
  decisionsPerRun: { min: number; max: number } | undefined;
  branchCases: BranchCaseUse[];
}

export interface AnalyzeOptions {
  /** Most game states the play pass explores before it stops; default 50,000. */
  stateLimit?: number;
}

export const DEFAULT_STATE_LIMIT = 50_000;
const PATH_COUNT_CAP = 1e12;

export function scoreRangeOf(analysis: Analysis): ScoreRange {
  return { worst: analysis.worst?.raw ?? 0, best: analysis.best?.raw ?? 1 };
}

export function analyze(scenario: Scenario, options: AnalyzeOptions = {}): Analysis {
  const stateLimit = options.stateLimit ?? DEFAULT_STATE_LIMIT;
  const byId = nodeIndex(scenario);
  const structural = structuralPass(scenario);
  const play = playPass(scenario, stateLimit);

  const reachableSet = play.exhaustive ? play.nodes : structural.reachable;
  const reachable = scenario.nodes.filter((n) => reachableSet.has(n.id)).map((n) => n.id);
  const unreachable = scenario.nodes.filter((n) => !reachableSet.has(n.id)).map((n) => n.id);
  const deadEnds = reachable.filter((id) => byId.get(id)?.kind !== 'ending' && !structural.canEnd.has(id));
  const endings = scenario.nodes.flatMap((n) =>
    n.kind === 'ending'
      ? [
          {
            id: n.id,
            outcome: n.outcome,
            reachable: play.exhaustive ? play.nodes.has(n.id) : structural.reachable.has(n.id),
          },
        ]
      : [],
  );

  return {
    scenarioId: scenario.id,
    nodeCount: scenario.nodes.length,
    decisionCount: scenario.nodes.filter((n) => n.kind === 'decision').length,
    reachable,
    unreachable,
    deadEnds,
    endings,
    cyclic: structural.cyclic,
    exhaustive: play.exhaustive,
    statesExplored: play.states,
    stateLimit,
    pathCount: structural.pathCount,
    best: play.best,
    worst: play.worst,
    decisionsPerRun: play.decisionsPerRun,
    branchCases: play.branchCases,
  };
}

function structuralPass(scenario: Scenario) {
  const byId = nodeIndex(scenario);
  const reachable = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    const node = byId.get(queue.pop()!);
    if (!node) continue;
    for (const next of successors(node)) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }

  // Which nodes can still reach an ending: search backwards from the endings.
  const predecessors = new Map<string, string[]>();
  for (const n of scenario.nodes) {
    for (const next of successors(n)) {
      const list = predecessors.get(next);
      if (list) list.push(n.id);
      else predecessors.set(next, [n.id]);
    }
  }
  const canEnd = new Set(scenario.nodes.filter((n) => n.kind === 'ending').map((n) => n.id));
  const back = [...canEnd];
  while (back.length > 0) {
    for (const p of predecessors.get(back.pop()!) ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        back.push(p);
      }
    }
  }

  // Topological order of the reachable part (Kahn); a leftover means a cycle.
  const indegree = new Map<string, number>();
  for (const id of reachable) indegree.set(id, 0);
  for (const id of reachable)
    for (const next of successors(byId.get(id)!)) indegree.set(next, (indegree.get(next) ?? 0) + 1);
  const order: string[] = [];
  const ready = [...reachable].filter((id) => indegree.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.pop()!;
    order.push(id);
    for (const next of successors(byId.get(id)!)) {
      const d = indegree.get(next)! - 1;
      indegree.set(next, d);
      if (d === 0) ready.push(next);
    }
  }
  const cyclic = order.length < reachable.size;

  let pathCount: { value: number; capped: boolean } | undefined;
  if (!cyclic) {
    const count = new Map<string, number>();
    let capped = false;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = byId.get(order[i]!)!;
      if (node.kind === 'ending') {
        count.set(node.id, 1);
        continue;
      }
      let c = 0;
      for (const next of successors(node)) c += count.get(next) ?? 0;
      if (c > PATH_COUNT_CAP) {
        c = PATH_COUNT_CAP;
        capped = true;
      }
      count.set(node.id, c);
    }
    pathCount = { value: count.get(scenario.start) ?? 0, capped };
  }
  return { reachable, canEnd, cyclic, pathCount };
}

interface PlayState {
  node: string;
  metrics: Record<string, number>;
  flags: string[];
  points: number;
  decisions: number;
}

interface Visit {
  parent: string | undefined;
  step: PathStep;
}

function keyOf(s: PlayState, metricIds: readonly string[]): string {
  let k = s.node + '|';
  for (const id of metricIds) k += `${s.metrics[id] ?? 0},`;
  return `${k}|${s.flags.join(',')}|${s.points}|${s.decisions}`;
}

function playPass(scenario: Scenario, stateLimit: number) {
  const byId = nodeIndex(scenario);
  const metricIds = scenario.metrics.map((m) => m.id);
  const visits = new Map<string, Visit>();
  const nodes = new Set<string>();
  const caseTaken = new Set<string>();
  let best: { raw: number; key: string; ending: string; outcome: Outcome } | undefined;
  let worst: typeof best;
  let minDecisions = Infinity;
  let maxDecisions = -Infinity;
  let exhaustive = true;

  const initial: PlayState = {
    node: scenario.start,
    metrics: initialMetrics(scenario.metrics),
    flags: [],
    points: 0,
    decisions: 0,
  };
  const stack: { state: PlayState; key: string }[] = [];
  const push = (state: PlayState, parent: string | undefined, via: string | undefined, from: string | undefined) => {
    const key = keyOf(state, metricIds);
    if (visits.has(key)) return;
    if (visits.size >= stateLimit) {
      exhaustive = false;
      return;
    }
    visits.set(key, {
      parent,
      step: via === undefined ? { node: from ?? state.node } : { node: from ?? state.node, via },
    });
    stack.push({ state, key });
  };
  push(initial, undefined, undefined, undefined);

  while (stack.length > 0) {
    const { state, key } = stack.pop()!;
    const node = byId.get(state.node);
    if (!node) continue;
    nodes.add(node.id);
    switch (node.kind) {
      case 'ending': {
        const raw = rawScore(scenario, state.metrics, state.points, state.decisions);
        if (!best || raw > best.raw) best = { raw, key, ending: node.id, outcome: node.outcome };
        if (!worst || raw < worst.raw) worst = { raw, key, ending: node.id, outcome: node.outcome };
        minDecisions = Math.min(minDecisions, state.decisions);
        maxDecisions = Math.max(maxDecisions, state.decisions);
        break;
      }
      case 'narrative':
        push({ ...state, node: node.next }, key, undefined, node.id);
        break;
      case 'decision':
        for (const o of node.options) {
          push(
            {
              node: o.next,
              metrics: applyEffects(scenario.metrics, state.metrics, o.effects).values,
              flags: applyFlags(state.flags, o.setFlags, o.clearFlags),
              points: state.points + QUALITY_POINTS[o.quality],
              decisions: state.decisions + 1,
            },
            key,
            o.id,
            node.id,
          );
        }
        break;
      case 'branch': {
        const index = node.cases.findIndex((c) => evaluate(c.when, state));
        caseTaken.add(`${node.id}#${index === -1 ? 'otherwise' : index}`);
        const next = index === -1 ? node.otherwise : node.cases[index]!.next;
        push({ ...state, node: next }, key, index === -1 ? 'otherwise' : `case ${index + 1}`, node.id);
        break;
      }
      case 'event':
        for (const o of node.outcomes) {
          push(
            {
              ...state,
              node: o.next,
              metrics: applyEffects(scenario.metrics, state.metrics, o.effects).values,
              flags: applyFlags(state.flags, o.setFlags, o.clearFlags),
            },
            key,
            o.id,
            node.id,
          );
        }
        break;
    }
  }

  const pathTo = (key: string, ending: string): PathStep[] => {
    const steps: PathStep[] = [{ node: ending }];
    let visit = visits.get(key);
    while (visit && visit.parent !== undefined) {
      steps.push(visit.step);
      visit = visits.get(visit.parent);
    }
    return steps.reverse();
  };
  const scored = (b: typeof best): ScoredPath | undefined =>
    b && { raw: b.raw, ending: b.ending, outcome: b.outcome, steps: pathTo(b.key, b.ending) };

  const branchCases: BranchCaseUse[] = scenario.nodes.flatMap((n) =>
    n.kind === 'branch'
      ? [
          ...n.cases.map((c, i) => ({ node: n.id, case: i, next: c.next, taken: caseTaken.has(`${n.id}#${i}`) })),
          { node: n.id, case: 'otherwise' as const, next: n.otherwise, taken: caseTaken.has(`${n.id}#otherwise`) },
        ]
      : [],
  );

  return {
    nodes,
    exhaustive,
    states: visits.size,
    best: scored(best),
    worst: scored(worst),
    decisionsPerRun: Number.isFinite(minDecisions) ? { min: minDecisions, max: maxDecisions } : undefined,
    branchCases,
  };
}
