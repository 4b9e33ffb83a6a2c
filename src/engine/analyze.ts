// Static analysis of a scenario: what can be reached, what cannot, where a player gets stuck,
// which endings happen, and the best and worst attainable score with the path to each.
//
// A scenario of 14 decisions has billions of play-throughs, so nothing here enumerates them.
// Four passes, each cheap, together exact on ordinary scenarios:
//  1. graph:     reachability ignoring conditions, dead ends, cycles, path counts, and per node
//                the most any metric or the decision quality can still change (for bounds);
//  2. intervals: abstract interpretation with a range per metric and may/must sets of flags;
//                sound, so what it calls impossible (a node, a branch case) really is;
//  3. samples:   seeded random play-throughs, which witness what is possible;
//  4. search:    branch-and-bound over real game states for the best and the worst score,
//                pruned by the bounds of pass 1; exact when it finishes within its state limit,
//                and it also witnesses what it passes;
//  5. coverage:  only for what is still undecided, a search over control states (node, flags
//                and the metrics conditions read) that either witnesses it or, by running out
//                of states to visit, proves it impossible.
// Whatever passes 2–4 leave undecided is named, never guessed.
import { draw } from './random';
import { nodeIndex, successors } from './graph';
import { applyEffects, applyFlags, evaluate, initialMetrics, MAX_QUALITY_POINTS, QUALITY_POINTS } from './rules';
import { rawScore, type ScoreRange } from './score';
import type { BranchNode, Condition, Metric, Outcome, Scenario, ScenarioNode } from './schema';

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

export type Decided = 'yes' | 'no' | 'undecided';

export interface BranchCaseUse {
  node: string;
  /** Case index, or "otherwise". */
  case: number | 'otherwise';
  next: string;
  /** Whether some play-through takes this case. */
  taken: Decided;
}

export interface Analysis {
  scenarioId: string;
  nodeCount: number;
  decisionCount: number;
  /** Nodes some play-through reaches (witnessed by a real run of the rules). */
  reachable: string[];
  /** Nodes no play-through can reach (proven). */
  unreachable: string[];
  /** Nodes the analysis could neither reach nor prove unreachable within its limits. */
  undecided: string[];
  /** Nodes that are not endings and from which no ending can be reached. */
  deadEnds: string[];
  endings: { id: string; outcome: Outcome; reachable: Decided }[];
  cyclic: boolean;
  /** True when everything above and the best and worst scores are proven, not estimated. */
  exact: boolean;
  statesExplored: number;
  stateLimit: number;
  /** Complete play-throughs by the graph; capped, and undefined when a cycle makes it unbounded. */
  pathCount: { value: number; capped: boolean } | undefined;
  best: ScoredPath | undefined;
  worst: ScoredPath | undefined;
  /** Fewest and most decisions on a complete play-through, by the graph (max is null with a cycle). */
  decisionsPerRun: { min: number; max: number | null } | undefined;
  branchCases: BranchCaseUse[];
}

export interface AnalyzeOptions {
  /** Most game states each search (best score, worst score, coverage) explores; default 50,000. */
  stateLimit?: number;
  /** Random play-throughs sampled; by default 500, fewer for very large scenarios. */
  samples?: number;
}

export const DEFAULT_STATE_LIMIT = 50_000;
const DEFAULT_SAMPLES = 500;
/** Sampling stops near this many steps in all, so huge scenarios are not sampled for seconds. */
const SAMPLED_STEPS = 50_000;
const PATH_COUNT_CAP = 1e12;
const EPSILON = 1e-12;

export function scoreRangeOf(analysis: Analysis): ScoreRange {
  return { worst: analysis.worst?.raw ?? 0, best: analysis.best?.raw ?? 1 };
}

/** Witnessed nodes, branch cases and scored endings, shared by the sampling and the search. */
class Witness {
  readonly nodes = new Set<string>();
  readonly cases = new Set<string>();
  best: ScoredPath | undefined;
  worst: ScoredPath | undefined;

  offer(raw: number, ending: string, outcome: Outcome, steps: () => PathStep[]): void {
    if (!this.best || raw > this.best.raw + EPSILON) this.best = { raw, ending, outcome, steps: steps() };
    if (!this.worst || raw < this.worst.raw - EPSILON) this.worst = { raw, ending, outcome, steps: steps() };
  }
}

const caseKey = (node: string, c: number | 'otherwise') => `${node}#${c}`;

export function analyze(scenario: Scenario, options: AnalyzeOptions = {}): Analysis {
  const stateLimit = options.stateLimit ?? DEFAULT_STATE_LIMIT;
  const byId = nodeIndex(scenario);
  const graph = graphPass(scenario, byId);
  const possible = intervalPass(scenario, byId);
  const witness = new Witness();
  samplePass(
    scenario,
    byId,
    options.samples ?? Math.max(20, Math.min(DEFAULT_SAMPLES, Math.floor(SAMPLED_STEPS / scenario.nodes.length))),
    witness,
  );
  const maxBudget = { left: stateLimit };
  const minBudget = { left: stateLimit };
  const maxDone = searchPass(scenario, byId, graph.bounds, 'max', maxBudget, witness);
  const minDone = searchPass(scenario, byId, graph.bounds, 'min', minBudget, witness);
  const coverBudget = { left: stateLimit };
  coveragePass(scenario, byId, possible, coverBudget, witness);

  const status = (witnessed: boolean, maybe: boolean): Decided => (witnessed ? 'yes' : maybe ? 'undecided' : 'no');
  const nodeStatus = new Map(
    scenario.nodes.map((n) => [n.id, status(witness.nodes.has(n.id), possible.nodes.has(n.id))]),
  );
  const pick = (s: Decided) => scenario.nodes.filter((n) => nodeStatus.get(n.id) === s).map((n) => n.id);
  const branchCases: BranchCaseUse[] = scenario.nodes.flatMap((n) =>
    n.kind === 'branch'
      ? [...n.cases.map((c, i) => ({ c: i, next: c.next })), { c: 'otherwise' as const, next: n.otherwise }].map(
          ({ c, next }) => ({
            node: n.id,
            case: c,
            next,
            taken: status(witness.cases.has(caseKey(n.id, c)), possible.cases.has(caseKey(n.id, c))),
          }),
        )
      : [],
  );
  const undecided = pick('undecided');
  const reachable = pick('yes');

  return {
    scenarioId: scenario.id,
    nodeCount: scenario.nodes.length,
    decisionCount: scenario.nodes.filter((n) => n.kind === 'decision').length,
    reachable,
    unreachable: pick('no'),
    undecided,
    deadEnds: scenario.nodes
      .filter((n) => n.kind !== 'ending' && nodeStatus.get(n.id) !== 'no' && !graph.canEnd.has(n.id))
      .map((n) => n.id),
    endings: scenario.nodes.flatMap((n) =>
      n.kind === 'ending' ? [{ id: n.id, outcome: n.outcome, reachable: nodeStatus.get(n.id)! }] : [],
    ),
    cyclic: graph.cyclic,
    exact: maxDone && minDone && undecided.length === 0 && branchCases.every((c) => c.taken !== 'undecided'),
    statesExplored: 3 * stateLimit - maxBudget.left - minBudget.left - coverBudget.left,
    stateLimit,
    pathCount: graph.pathCount,
    best: witness.best,
    worst: witness.worst,
    decisionsPerRun: graph.decisionsPerRun,
    branchCases,
  };
}

// ---------------------------------------------------------------------------------------------
// Pass 1: the graph.

/** For one node: how much can still change on the way to an ending. */
interface NodeBounds {
  /** Per metric: the most its value can still move in the better (up) or worse (down) direction. */
  up: number[];
  down: number[];
  maxPoints: number;
  minPoints: number;
  maxDecisions: number;
  minDecisions: number;
}

function orientedDelta(metric: Metric, delta: number): number {
  return metric.better === 'higher' ? delta : -delta;
}

/** Each way out of a node: where it goes, the metric changes, quality points and whether it is a decision. */
function edgesOf(
  node: ScenarioNode,
): { next: string; effects: Readonly<Record<string, number>>; points: number; decision: boolean }[] {
  switch (node.kind) {
    case 'decision':
      return node.options.map((o) => ({
        next: o.next,
        effects: o.effects,
        points: QUALITY_POINTS[o.quality],
        decision: true,
      }));
    case 'event':
      return node.outcomes.map((o) => ({ next: o.next, effects: o.effects, points: 0, decision: false }));
    default:
      return successors(node).map((next) => ({ next, effects: {}, points: 0, decision: false }));
  }
}

function graphPass(scenario: Scenario, byId: ReadonlyMap<string, ScenarioNode>) {
  const reachable = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    for (const next of successors(byId.get(queue.pop()!)!)) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }

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

  // Topological order (Kahn) of the nodes reachable by the graph; a leftover means a cycle.
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

  const metrics = scenario.metrics;
  const bounds = new Map<string, NodeBounds>();
  let pathCount: { value: number; capped: boolean } | undefined;
  let decisionsPerRun: { min: number; max: number | null } | undefined;

  if (!cyclic) {
    const count = new Map<string, number>();
    let capped = false;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = byId.get(order[i]!)!;
      if (!canEnd.has(node.id)) continue;
      if (node.kind === 'ending') {
        count.set(node.id, 1);
        bounds.set(node.id, {
          up: metrics.map(() => 0),
          down: metrics.map(() => 0),
          maxPoints: 0,
          minPoints: 0,
          maxDecisions: 0,
          minDecisions: 0,
        });
        continue;
      }
      let c = 0;
      const b: NodeBounds = {
        up: metrics.map(() => 0),
        down: metrics.map(() => 0),
        maxPoints: 0,
        minPoints: Infinity,
        maxDecisions: 0,
        minDecisions: Infinity,
      };
      for (const edge of edgesOf(node)) {
        const after = bounds.get(edge.next);
        if (!after) continue;
        c += count.get(edge.next) ?? 0;
        metrics.forEach((m, k) => {
          const od = orientedDelta(m, edge.effects[m.id] ?? 0);
          b.up[k] = Math.max(b.up[k]!, Math.max(0, od) + after.up[k]!);
          b.down[k] = Math.max(b.down[k]!, Math.max(0, -od) + after.down[k]!);
        });
        const d = edge.decision ? 1 : 0;
        b.maxPoints = Math.max(b.maxPoints, edge.points + after.maxPoints);
        b.minPoints = Math.min(b.minPoints, edge.points + after.minPoints);
        b.maxDecisions = Math.max(b.maxDecisions, d + after.maxDecisions);
        b.minDecisions = Math.min(b.minDecisions, d + after.minDecisions);
      }
      if (c > PATH_COUNT_CAP) {
        c = PATH_COUNT_CAP;
        capped = true;
      }
      count.set(node.id, c);
      bounds.set(node.id, b);
    }
    pathCount = { value: count.get(scenario.start) ?? 0, capped };
    const s = bounds.get(scenario.start);
    if (s) decisionsPerRun = { min: s.minDecisions, max: s.maxDecisions };
  } else {
    // With a cycle nothing bounds the future: every node gets the loosest bounds.
    const loose: NodeBounds = {
      up: metrics.map((m) => m.max - m.min),
      down: metrics.map((m) => m.max - m.min),
      maxPoints: Infinity,
      minPoints: 0,
      maxDecisions: Infinity,
      minDecisions: 0,
    };
    for (const id of canEnd) bounds.set(id, loose);
    decisionsPerRun = canEnd.has(scenario.start)
      ? { min: minDecisionsCyclic(scenario, byId, canEnd), max: null }
      : undefined;
  }
  return { canEnd, cyclic, bounds, pathCount, decisionsPerRun };
}

/** Fewest decisions to an ending in a graph with cycles (0–1 breadth-first search). */
function minDecisionsCyclic(
  scenario: Scenario,
  byId: ReadonlyMap<string, ScenarioNode>,
  canEnd: ReadonlySet<string>,
): number {
  const dist = new Map<string, number>([[scenario.start, 0]]);
  const deque: string[] = [scenario.start];
  while (deque.length > 0) {
    const id = deque.shift()!;
    const node = byId.get(id)!;
    if (node.kind === 'ending') return dist.get(id)!;
    const cost = node.kind === 'decision' ? 1 : 0;
    for (const next of successors(node)) {
      if (!canEnd.has(next)) continue;
      const d = dist.get(id)! + cost;
      if (d < (dist.get(next) ?? Infinity)) {
        dist.set(next, d);
        if (cost === 0) deque.unshift(next);
        else deque.push(next);
      }
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: intervals. Sound: it may say "possible" for the impossible, never the reverse.

interface Abstract {
  lo: number[];
  hi: number[];
  may: Set<string>;
  must: Set<string>;
}

type Tri = 'true' | 'false' | 'unknown';

function evaluate3(c: Condition, s: Abstract, metricIndex: ReadonlyMap<string, number>): Tri {
  if ('all' in c) {
    const parts = c.all.map((x) => evaluate3(x, s, metricIndex));
    return parts.includes('false') ? 'false' : parts.every((p) => p === 'true') ? 'true' : 'unknown';
  }
  if ('any' in c) {
    const parts = c.any.map((x) => evaluate3(x, s, metricIndex));
    return parts.includes('true') ? 'true' : parts.every((p) => p === 'false') ? 'false' : 'unknown';
  }
  if ('not' in c) {
    const v = evaluate3(c.not, s, metricIndex);
    return v === 'true' ? 'false' : v === 'false' ? 'true' : 'unknown';
  }
  if ('flag' in c) return s.must.has(c.flag) ? 'true' : s.may.has(c.flag) ? 'unknown' : 'false';
  const k = metricIndex.get(c.metric)!;
  const lo = s.lo[k]!;
  const hi = s.hi[k]!;
  const v = c.value;
  const tri = (always: boolean, never: boolean): Tri => (always ? 'true' : never ? 'false' : 'unknown');
  switch (c.op) {
    case '<':
      return tri(hi < v, lo >= v);
    case '<=':
      return tri(hi <= v, lo > v);
    case '>':
      return tri(lo > v, hi <= v);
    case '>=':
      return tri(lo >= v, hi < v);
    case '==':
      return tri(lo === v && hi === v, v < lo || v > hi);
    case '!=':
      return tri(v < lo || v > hi, lo === v && hi === v);
  }
}

const WIDEN_AFTER = 30;

function intervalPass(scenario: Scenario, byId: ReadonlyMap<string, ScenarioNode>) {
  const metrics = scenario.metrics;
  const metricIndex = new Map(metrics.map((m, k) => [m.id, k]));
  const states = new Map<string, Abstract>();
  const updates = new Map<string, number>();
  const cases = new Set<string>();
  const work: string[] = [];

  const clamp = (k: number, v: number) => Math.min(metrics[k]!.max, Math.max(metrics[k]!.min, v));
  const flow = (to: string, s: Abstract) => {
    const old = states.get(to);
    if (!old) {
      states.set(to, s);
      work.push(to);
      return;
    }
    let changed = false;
    const n = (updates.get(to) ?? 0) + 1;
    updates.set(to, n);
    metrics.forEach((m, k) => {
      if (s.lo[k]! < old.lo[k]!) {
        old.lo[k] = n > WIDEN_AFTER ? m.min : s.lo[k]!;
        changed = true;
      }
      if (s.hi[k]! > old.hi[k]!) {
        old.hi[k] = n > WIDEN_AFTER ? m.max : s.hi[k]!;
        changed = true;
      }
    });
    for (const f of s.may) {
      if (!old.may.has(f)) {
        old.may.add(f);
        changed = true;
      }
    }
    for (const f of old.must) {
      if (!s.must.has(f)) {
        old.must.delete(f);
        changed = true;
      }
    }
    if (changed) work.push(to);
  };
  const apply = (
    s: Abstract,
    effects: Readonly<Record<string, number>>,
    set: readonly string[],
    clear: readonly string[],
  ): Abstract => {
    const may = new Set(s.may);
    const must = new Set(s.must);
    for (const f of clear) {
      may.delete(f);
      must.delete(f);
    }
    for (const f of set) {
      may.add(f);
      must.add(f);
    }
    return {
      lo: s.lo.map((v, k) => clamp(k, v + (effects[metrics[k]!.id] ?? 0))),
      hi: s.hi.map((v, k) => clamp(k, v + (effects[metrics[k]!.id] ?? 0))),
      may,
      must,
    };
  };
  const copy = (s: Abstract): Abstract => ({
    lo: [...s.lo],
    hi: [...s.hi],
    may: new Set(s.may),
    must: new Set(s.must),
  });

  const start = metrics.map((m) => m.initial);
  flow(scenario.start, { lo: [...start], hi: [...start], may: new Set(), must: new Set() });
  while (work.length > 0) {
    const id = work.pop()!;
    const node = byId.get(id);
    const s = states.get(id);
    if (!node || !s) continue;
    switch (node.kind) {
      case 'narrative':
        flow(node.next, copy(s));
        break;
      case 'decision':
        for (const o of node.options) flow(o.next, apply(s, o.effects, o.setFlags, o.clearFlags));
        break;
      case 'event':
        for (const o of node.outcomes) flow(o.next, apply(s, o.effects, o.setFlags, o.clearFlags));
        break;
      case 'branch': {
        let settled = false;
        for (let i = 0; i < node.cases.length && !settled; i++) {
          const v = evaluate3(node.cases[i]!.when, s, metricIndex);
          if (v === 'false') continue;
          cases.add(caseKey(node.id, i));
          flow(node.cases[i]!.next, copy(s));
          settled = v === 'true';
        }
        if (!settled) {
          cases.add(caseKey(node.id, 'otherwise'));
          flow(node.otherwise, copy(s));
        }
        break;
      }
      case 'ending':
        break;
    }
  }
  return { nodes: new Set(states.keys()), cases };
}

// ---------------------------------------------------------------------------------------------
// Passes 3 and 4: real play by the rules.

interface State {
  node: string;
  metrics: Record<string, number>;
  flags: string[];
  points: number;
  decisions: number;
}

/** The case a branch takes in a state: the first whose condition holds. */
function branchChoice(node: BranchNode, s: State): number | 'otherwise' {
  const index = node.cases.findIndex((c) => evaluate(c.when, s));
  return index === -1 ? 'otherwise' : index;
}

/** One step of play from a state: every way on, as the rules would apply it. */
function stepsFrom(
  scenario: Scenario,
  node: ScenarioNode,
  s: State,
  witness: Witness,
): { via: string | undefined; state: State; points: number }[] {
  switch (node.kind) {
    case 'narrative':
      return [{ via: undefined, state: { ...s, node: node.next }, points: 0 }];
    case 'decision':
      return node.options.map((o) => ({
        via: o.id,
        points: QUALITY_POINTS[o.quality],
        state: {
          node: o.next,
          metrics: applyEffects(scenario.metrics, s.metrics, o.effects).values,
          flags: applyFlags(s.flags, o.setFlags, o.clearFlags),
          points: s.points + QUALITY_POINTS[o.quality],
          decisions: s.decisions + 1,
        },
      }));
    case 'event':
      return node.outcomes.map((o) => ({
        via: o.id,
        points: 0,
        state: {
          ...s,
          node: o.next,
          metrics: applyEffects(scenario.metrics, s.metrics, o.effects).values,
          flags: applyFlags(s.flags, o.setFlags, o.clearFlags),
        },
      }));
    case 'branch': {
      const choice = branchChoice(node, s);
      witness.cases.add(caseKey(node.id, choice));
      const next = choice === 'otherwise' ? node.otherwise : node.cases[choice]!.next;
      return [{ via: choice === 'otherwise' ? choice : `case ${choice + 1}`, state: { ...s, node: next }, points: 0 }];
    }
    case 'ending':
      return [];
  }
}

function initialState(scenario: Scenario): State {
  return { node: scenario.start, metrics: initialMetrics(scenario.metrics), flags: [], points: 0, decisions: 0 };
}

function samplePass(
  scenario: Scenario,
  byId: ReadonlyMap<string, ScenarioNode>,
  samples: number,
  witness: Witness,
): void {
  let rng = 0x5eed;
  const maxSteps = 4 * scenario.nodes.length + 16;
  for (let run = 0; run < samples; run++) {
    let s = initialState(scenario);
    const steps: PathStep[] = [];
    for (let n = 0; n < maxSteps; n++) {
      const node = byId.get(s.node)!;
      witness.nodes.add(node.id);
      if (node.kind === 'ending') {
        witness.offer(rawScore(scenario, s.metrics, s.points, s.decisions), node.id, node.outcome, () => [
          ...steps,
          { node: node.id },
        ]);
        break;
      }
      const ways = stepsFrom(scenario, node, s, witness);
      const d = draw(rng);
      rng = d.state;
      const way = ways[Math.floor(d.value * ways.length)]!;
      steps.push(way.via === undefined ? { node: node.id } : { node: node.id, via: way.via });
      s = way.state;
    }
  }
}

interface Frame {
  state: State;
  parent: Frame | undefined;
  step: PathStep | undefined;
}

function pathOf(frame: Frame, ending: string): PathStep[] {
  const steps: PathStep[] = [{ node: ending }];
  for (let f: Frame | undefined = frame; f?.step; f = f.parent) steps.push(f.step);
  return steps.reverse();
}

/** Best (or worst) raw score any state at `node` can still reach: an optimistic bound. */
function bound(scenario: Scenario, s: State, b: NodeBounds, direction: 'max' | 'min'): number {
  const share = scenario.scoring.decisionQuality;
  let total = 0;
  let weights = 0;
  scenario.metrics.forEach((m, k) => {
    if (m.weight === 0) return;
    const v = s.metrics[m.id] ?? m.initial;
    const oriented = (m.better === 'higher' ? v - m.min : m.max - v) / (m.max - m.min);
    const moved = direction === 'max' ? oriented + b.up[k]! / (m.max - m.min) : oriented - b.down[k]! / (m.max - m.min);
    total += m.weight * Math.min(1, Math.max(0, moved));
    weights += m.weight;
  });
  const metricPart = weights === 0 ? 0 : total / weights;
  let quality: number;
  if (direction === 'max') {
    const decisions = s.decisions + b.minDecisions;
    quality = decisions === 0 ? 1 : Math.min(1, (s.points + b.maxPoints) / (MAX_QUALITY_POINTS * decisions));
  } else {
    const decisions = s.decisions + b.maxDecisions;
    quality =
      s.decisions === 0 && b.minDecisions === 0
        ? 0
        : decisions === Infinity
          ? 0
          : (s.points + b.minPoints) / (MAX_QUALITY_POINTS * decisions);
  }
  return (1 - share) * metricPart + share * quality;
}

/**
 * Depth-first branch and bound over real game states. Returns true when it finished (the
 * result is then exact), false when it ran out of states.
 */
function searchPass(
  scenario: Scenario,
  byId: ReadonlyMap<string, ScenarioNode>,
  bounds: ReadonlyMap<string, NodeBounds>,
  direction: 'max' | 'min',
  budget: { left: number },
  witness: Witness,
): boolean {
  const metricIds = scenario.metrics.map((m) => m.id);
  const keyOf = (s: State) => {
    let k = s.node + '|';
    for (const id of metricIds) k += `${s.metrics[id] ?? 0},`;
    return `${k}|${s.flags.join(',')}|${s.points}|${s.decisions}`;
  };
  const seen = new Set<string>();
  const better = (a: number, b: number) => (direction === 'max' ? a > b + EPSILON : a < b - EPSILON);
  const incumbent = () => (direction === 'max' ? witness.best?.raw : witness.worst?.raw);
  const stack: Frame[] = [{ state: initialState(scenario), parent: undefined, step: undefined }];

  while (stack.length > 0) {
    const frame = stack.pop()!;
    const s = frame.state;
    const b = bounds.get(s.node);
    if (!b) continue; // no ending reachable from here
    const key = keyOf(s);
    if (seen.has(key)) continue;
    if (budget.left <= 0) return false;
    budget.left--;
    seen.add(key);
    const node = byId.get(s.node)!;
    witness.nodes.add(node.id);
    if (node.kind === 'ending') {
      witness.offer(rawScore(scenario, s.metrics, s.points, s.decisions), node.id, node.outcome, () =>
        pathOf(frame, node.id),
      );
      continue;
    }
    const best = incumbent();
    if (best !== undefined && !better(bound(scenario, s, b, direction), best)) {
      // Still record which branch case this state takes: it is a real, reachable state.
      if (node.kind === 'branch') stepsFrom(scenario, node, s, witness);
      continue;
    }
    const ways = stepsFrom(scenario, node, s, witness);
    // Try the most promising way first (pushed last): good options for the best, poor for the worst.
    ways.sort((x, y) => (direction === 'max' ? x.points - y.points : y.points - x.points));
    for (const way of ways) {
      stack.push({
        state: way.state,
        parent: frame,
        step: way.via === undefined ? { node: node.id } : { node: node.id, via: way.via },
      });
    }
  }
  return true;
}

/** Metrics that some branch condition reads: the only ones that steer play. */
function steeringMetrics(scenario: Scenario): string[] {
  const found = new Set<string>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('metric' in c) found.add(c.metric);
  };
  for (const n of scenario.nodes) if (n.kind === 'branch') for (const c of n.cases) visit(c.when);
  return scenario.metrics.map((m) => m.id).filter((id) => found.has(id));
}

/**
 * Settles what passes 2–4 left open. Explores states that differ in what steers play, so it
 * stops as soon as everything open is witnessed; if it runs out of states instead, whatever is
 * still open is impossible, and is removed from `possible`.
 */
function coveragePass(
  scenario: Scenario,
  byId: ReadonlyMap<string, ScenarioNode>,
  possible: { nodes: Set<string>; cases: Set<string> },
  budget: { left: number },
  witness: Witness,
): void {
  const open = new Set<string>();
  for (const id of possible.nodes) if (!witness.nodes.has(id)) open.add(`node:${id}`);
  for (const c of possible.cases) if (!witness.cases.has(c)) open.add(`case:${c}`);
  if (open.size === 0) return;
  const steering = steeringMetrics(scenario);
  const keyOf = (s: State) => {
    let k = s.node + '|';
    for (const id of steering) k += `${s.metrics[id] ?? 0},`;
    return `${k}|${s.flags.join(',')}`;
  };
  const seen = new Set<string>();
  const stack: State[] = [initialState(scenario)];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const key = keyOf(s);
    if (seen.has(key)) continue;
    if (budget.left <= 0) return;
    budget.left--;
    seen.add(key);
    const node = byId.get(s.node)!;
    witness.nodes.add(node.id);
    open.delete(`node:${node.id}`);
    if (node.kind === 'branch') open.delete(`case:${caseKey(node.id, branchChoice(node, s))}`);
    if (open.size === 0) return;
    const ways = stepsFrom(scenario, node, s, witness);
    for (const way of ways) stack.push(way.state);
  }
  // Every state that steers play was visited: what is still open cannot happen.
  for (const item of open) {
    if (item.startsWith('node:')) possible.nodes.delete(item.slice(5));
    else possible.cases.delete(item.slice(5));
  }
}
