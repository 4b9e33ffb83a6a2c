// Builders for small scenario files, as plain JSON objects. They import nothing from the engine
// on purpose: a fixture is what an author would write, not what the engine's types allow.

export type Quality = 'best' | 'good' | 'weak' | 'poor';
export type Outcome = 'success' | 'mixed' | 'failure';

export type ConditionInput =
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput }
  | { metric: string; op: '<' | '<=' | '>' | '>=' | '==' | '!='; value: number }
  | { flag: string };

export interface MetricInput {
  id: string;
  label: string;
  initial: number;
  min: number;
  max: number;
  weight: number;
  better?: 'higher' | 'lower';
}

interface Consequences {
  effects?: Record<string, number>;
  setFlags?: string[];
  clearFlags?: string[];
}

export interface OptionInput extends Consequences {
  id: string;
  text: string;
  quality: Quality;
  feedback: string;
  reference: string;
  next: string;
}

export interface OutcomeInput extends Consequences {
  id: string;
  chance: number;
  text: string;
  next: string;
}

export type NodeInput =
  | { id: string; kind: 'narrative'; title?: string; text: string; next: string }
  | {
      id: string;
      kind: 'decision';
      title?: string;
      prompt: string;
      timer?: { seconds: number; onTimeout: string };
      options: OptionInput[];
    }
  | { id: string; kind: 'branch'; cases: { when: ConditionInput; next: string }[]; otherwise: string }
  | { id: string; kind: 'event'; title?: string; text?: string; outcomes: OutcomeInput[] }
  | { id: string; kind: 'ending'; title: string; text: string; outcome: Outcome };

export interface ScenarioInput {
  format: number;
  id: string;
  version: string;
  lang: string;
  title: string;
  summary: string;
  difficulty: string;
  minutes: number;
  competences: string[];
  metrics: MetricInput[];
  flags?: string[];
  scoring?: { decisionQuality: number };
  start: string;
  nodes: NodeInput[];
}

export const metric = (id: string, extra: Partial<MetricInput> = {}): MetricInput => ({
  id,
  label: id,
  initial: 50,
  min: 0,
  max: 100,
  weight: 1,
  ...extra,
});

export const narrative = (id: string, next: string): NodeInput => ({
  id,
  kind: 'narrative',
  text: `Scene ${id}.`,
  next,
});

export const option = (id: string, next: string, quality: Quality = 'good', extra: Consequences = {}): OptionInput => ({
  id,
  text: `Option ${id}`,
  ...extra,
  quality,
  feedback: `Feedback on ${id}.`,
  reference: 'Directive 2014/24/EU Art. 31',
  next,
});

export const decision = (
  id: string,
  options: OptionInput[],
  timer?: { seconds: number; onTimeout: string },
): NodeInput => ({
  id,
  kind: 'decision',
  prompt: `Question ${id}?`,
  ...(timer ? { timer } : {}),
  options,
});

export const outcome = (id: string, chance: number, next: string, extra: Consequences = {}): OutcomeInput => ({
  id,
  chance,
  text: `Outcome ${id}.`,
  ...extra,
  next,
});

export const event = (id: string, outcomes: OutcomeInput[]): NodeInput => ({ id, kind: 'event', outcomes });

export const branch = (id: string, cases: [ConditionInput, string][], otherwise: string): NodeInput => ({
  id,
  kind: 'branch',
  cases: cases.map(([when, next]) => ({ when, next })),
  otherwise,
});

export const ending = (id: string, result: Outcome = 'success'): NodeInput => ({
  id,
  kind: 'ending',
  title: `Ending ${id}`,
  text: `The end (${id}).`,
  outcome: result,
});

/** A scenario with sensible header fields around the given metrics, flags and nodes. */
export function scenario(parts: {
  nodes: NodeInput[];
  metrics?: MetricInput[];
  flags?: string[];
  start?: string;
  scoring?: { decisionQuality: number };
  id?: string;
  version?: string;
}): ScenarioInput {
  return {
    format: 1,
    id: parts.id ?? 'fixture',
    version: parts.version ?? '1.0.0',
    lang: 'en',
    title: 'Fixture',
    summary: 'A scenario built by a test.',
    difficulty: 'beginner',
    minutes: 5,
    competences: ['innovation-procurement'],
    metrics: parts.metrics ?? [metric('budget')],
    ...(parts.flags ? { flags: parts.flags } : {}),
    ...(parts.scoring ? { scoring: parts.scoring } : {}),
    start: parts.start ?? parts.nodes[0]?.id ?? 'start',
    nodes: parts.nodes,
  };
}

/**
 * The base fixture: one node of every kind.
 *
 *   0 intro (narrative) → 1 decide (decision, 30 s timer, times out to "skip")
 *       talk: budget −10, sets "talked", best      → storm
 *       skip: budget +10, risk +30, poor           → storm
 *   2 storm (event): rain 30 % (risk +10) | calm 70 % → gate
 *   3 gate (branch): flag "talked" → win, otherwise → lose
 *   4 win (ending, success)   5 lose (ending, failure)
 *
 * Metrics: budget 50 in 0..100, weight 1; risk 20 in 0..100, weight 1, lower is better.
 */
export function baseScenario(): ScenarioInput {
  return scenario({
    id: 'tiny-town',
    metrics: [metric('budget'), metric('risk', { initial: 20, better: 'lower' })],
    flags: ['talked'],
    start: 'intro',
    nodes: [
      narrative('intro', 'decide'),
      decision(
        'decide',
        [
          option('talk', 'storm', 'best', { effects: { budget: -10 }, setFlags: ['talked'] }),
          option('skip', 'storm', 'poor', { effects: { budget: 10, risk: 30 } }),
        ],
        { seconds: 30, onTimeout: 'skip' },
      ),
      event('storm', [outcome('rain', 30, 'gate', { effects: { risk: 10 } }), outcome('calm', 70, 'gate')]),
      branch('gate', [[{ flag: 'talked' }, 'win']], 'lose'),
      ending('win', 'success'),
      ending('lose', 'failure'),
    ],
  });
}

/** Serialises like an editor would save it, so line numbers are predictable. */
export function toText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
