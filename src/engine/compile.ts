// Compiles a parsed scenario into an XState v5 state machine.
//
// Each node becomes a top-level state whose XState id is the node id. The JSON never names code:
// the compiler refers to a fixed set of guards and actions supplied through setup(), and checks
// that every name it used exists before any actor runs (XState ignores an unknown action name).
import { assign, setup } from 'xstate';
import { analyze, scoreRangeOf, type Analysis } from './analyze';
import { nodeIndex } from './graph';
import { seedState } from './random';
import { applyEffects, applyFlags, evaluate, initialMetrics, rollOutcome } from './rules';
import type { Condition, DecisionNode, EventNode, Quality, Scenario, ScenarioNode } from './schema';
import type { ScoreRange } from './score';

export interface DecisionRecord {
  node: string;
  option: string;
  quality: Quality;
  timedOut: boolean;
  /** Metric changes as applied, after keeping each metric within its bounds. */
  changes: Record<string, number>;
}

export interface EventRecord {
  node: string;
  outcome: string;
  changes: Record<string, number>;
}

export interface RunContext {
  seed: number;
  /** State of the seeded generator; advances once per event. */
  rng: number;
  metrics: Record<string, number>;
  flags: string[];
  /** Every node entered, in order. */
  trail: string[];
  decisions: DecisionRecord[];
  events: EventRecord[];
}

export type RunEvent = { type: 'CHOOSE'; option: string } | { type: 'CONTINUE' } | { type: 'TIMEOUT' };

export interface RunInput {
  seed: number | string;
}

export class CompileError extends Error {
  override name = 'CompileError';
}

/** Name of the sub-state a decision is in once an option was chosen. */
export const answeredState = (option: string) => `answered_${option}`;
export const outcomeState = (outcome: string) => `outcome_${outcome}`;
export const CHOOSING = 'choosing';
export const ROLLING = 'rolling';

function buildSetup(scenario: Scenario, byId: ReadonlyMap<string, ScenarioNode>) {
  const decision = (id: string) => byId.get(id) as DecisionNode;
  const event = (id: string) => byId.get(id) as EventNode;
  return setup({
    types: {
      context: {} as RunContext,
      events: {} as RunEvent,
      input: {} as RunInput,
    },
    guards: {
      isOption: ({ event: e }, params: { option: string }) => e.type === 'CHOOSE' && e.option === params.option,
      check: ({ context }, params: { when: Condition }) => evaluate(params.when, context),
      rolled: ({ context }, params: { node: string; outcome: string }) =>
        rollOutcome(event(params.node).outcomes, context.rng).outcome.id === params.outcome,
    },
    actions: {
      enter: assign(({ context }, params: { node: string }) => ({ trail: [...context.trail, params.node] })),
      applyOption: assign(({ context }, params: { node: string; option: string; timedOut: boolean }) => {
        const option = decision(params.node).options.find((o) => o.id === params.option)!;
        const { values, applied } = applyEffects(scenario.metrics, context.metrics, option.effects);
        return {
          metrics: values,
          flags: applyFlags(context.flags, option.setFlags, option.clearFlags),
          decisions: [
            ...context.decisions,
            {
              node: params.node,
              option: option.id,
              quality: option.quality,
              timedOut: params.timedOut,
              changes: applied,
            },
          ],
        };
      }),
      applyOutcome: assign(({ context }, params: { node: string; outcome: string }) => {
        const rolled = rollOutcome(event(params.node).outcomes, context.rng);
        const outcome = rolled.outcome;
        const { values, applied } = applyEffects(scenario.metrics, context.metrics, outcome.effects);
        return {
          rng: rolled.rng,
          metrics: values,
          flags: applyFlags(context.flags, outcome.setFlags, outcome.clearFlags),
          events: [...context.events, { node: params.node, outcome: outcome.id, changes: applied }],
        };
      }),
    },
  });
}

type MachineSetup = ReturnType<typeof buildSetup>;
type MachineConfig = Parameters<MachineSetup['createMachine']>[0];
type StateConfig = NonNullable<MachineConfig['states']>[string];

/** Names the compiler may use; checked against the config it produced. */
const GUARDS = ['isOption', 'check', 'rolled'] as const;
const ACTIONS = ['enter', 'applyOption', 'applyOutcome'] as const;

const goTo = (node: string) => ({ target: `#${node}`, reenter: true });

function stateFor(node: ScenarioNode): StateConfig {
  const entry = { type: 'enter', params: { node: node.id } } as const;
  switch (node.kind) {
    case 'narrative':
      return { id: node.id, entry, on: { CONTINUE: goTo(node.next) } };
    case 'ending':
      return { id: node.id, entry, type: 'final' };
    case 'branch':
      return {
        id: node.id,
        entry,
        always: [
          ...node.cases.map((c) => ({ guard: { type: 'check', params: { when: c.when } } as const, ...goTo(c.next) })),
          goTo(node.otherwise),
        ],
      };
    case 'decision': {
      const choose = (option: string, timedOut: boolean) =>
        ({ type: 'applyOption', params: { node: node.id, option, timedOut } }) as const;
      const states: Record<string, StateConfig> = {
        [CHOOSING]: {
          on: {
            CHOOSE: node.options.map((o) => ({
              guard: { type: 'isOption', params: { option: o.id } } as const,
              target: answeredState(o.id),
              actions: choose(o.id, false),
            })),
            ...(node.timer
              ? {
                  TIMEOUT: { target: answeredState(node.timer.onTimeout), actions: choose(node.timer.onTimeout, true) },
                }
              : {}),
          },
        },
      };
      for (const o of node.options) states[answeredState(o.id)] = { on: { CONTINUE: goTo(o.next) } };
      return { id: node.id, entry, initial: CHOOSING, states };
    }
    case 'event': {
      const states: Record<string, StateConfig> = {
        [ROLLING]: {
          always: node.outcomes.map((o) => ({
            guard: { type: 'rolled', params: { node: node.id, outcome: o.id } } as const,
            target: outcomeState(o.id),
            actions: { type: 'applyOutcome', params: { node: node.id, outcome: o.id } } as const,
          })),
        },
      };
      for (const o of node.outcomes) states[outcomeState(o.id)] = { on: { CONTINUE: goTo(o.next) } };
      return { id: node.id, entry, initial: ROLLING, states };
    }
  }
}

/** Every guard and action name used anywhere in a machine config. */
export function implementationNames(config: unknown): { guards: Set<string>; actions: Set<string> } {
  const guards = new Set<string>();
  const actions = new Set<string>();
  const stack: unknown[] = [config];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      stack.push(...(v as unknown[]));
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const [key, value] of Object.entries(o)) {
      const refs = Array.isArray(value) ? (value as unknown[]) : [value];
      for (const ref of refs) {
        const name =
          typeof ref === 'string' ? ref : ref && typeof ref === 'object' ? (ref as { type?: unknown }).type : undefined;
        if (typeof name !== 'string') continue;
        if (key === 'guard') guards.add(name);
        if (key === 'entry' || key === 'exit' || key === 'actions') actions.add(name);
      }
      if (key !== 'params') stack.push(value);
    }
  }
  return { guards, actions };
}

export function checkImplementationNames(config: unknown): void {
  const used = implementationNames(config);
  const missingGuards = [...used.guards].filter((g) => !(GUARDS as readonly string[]).includes(g));
  const missingActions = [...used.actions].filter((a) => !(ACTIONS as readonly string[]).includes(a));
  if (missingGuards.length + missingActions.length > 0) {
    throw new CompileError(
      `The machine refers to unknown guards [${missingGuards.join(', ')}] or actions [${missingActions.join(', ')}]`,
    );
  }
}

function buildMachine(scenario: Scenario, byId: ReadonlyMap<string, ScenarioNode>) {
  const s = buildSetup(scenario, byId);
  const states: Record<string, StateConfig> = {};
  for (const node of scenario.nodes) states[node.id] = stateFor(node);
  const config: MachineConfig = {
    id: `scenario:${scenario.id}`,
    initial: scenario.start,
    context: ({ input }) => {
      const seed = seedState(input.seed);
      return {
        seed,
        rng: seed,
        metrics: initialMetrics(scenario.metrics),
        flags: [],
        trail: [],
        decisions: [],
        events: [],
      };
    },
    states,
  };
  checkImplementationNames(config);
  return s.createMachine(config);
}

export type RunMachine = ReturnType<typeof buildMachine>;

export interface CompiledScenario {
  scenario: Scenario;
  machine: RunMachine;
  nodes: ReadonlyMap<string, ScenarioNode>;
  /** The analysis, computed on first use (it is what scales scores). */
  analysis(): Analysis;
  scoreRange(): ScoreRange;
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const byId = nodeIndex(scenario);
  const machine = buildMachine(scenario, byId);
  let analysis: Analysis | undefined;
  return {
    scenario,
    machine,
    nodes: byId,
    analysis: () => (analysis ??= analyze(scenario)),
    scoreRange() {
      return scoreRangeOf(this.analysis());
    },
  };
}
