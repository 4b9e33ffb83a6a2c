// The scenario file format, version 1: the contract with scenario authors.
// Parsed once at the boundary (see load.ts); everything past it works on these typed values.
import { z } from 'zod';
import { COMPETENCE_IDS } from './competences';
import {
  FORMAT_VERSION,
  MAX_NODES,
  MAX_TEXT_CHARS,
  SPEAKERS,
  PLACES,
  DIFFICULTIES,
  QUALITIES,
  OUTCOMES,
  COMPARISONS,
} from './vocabulary';
import type { Comparison } from './vocabulary';

// The format's plain values live in vocabulary.ts (no zod), so that code which needs only them
// (the UI, the game) does not load the schema.
export * from './vocabulary';

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Names the prototype chain knows: they cannot be keys in the file, so they cannot be ids. */
const RESERVED_IDS = new Set(['constructor', 'prototype']);
const ID_HINT = 'an id of lowercase letters, digits and single hyphens, starting with a letter, like "market-talk"';
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

const id = () =>
  z
    .string({ error: ID_HINT })
    .regex(ID_PATTERN, { error: ID_HINT })
    .max(64, { error: 'an id of at most 64 characters' })
    .refine((v) => !RESERVED_IDS.has(v), { error: 'an id other than "constructor" or "prototype" (reserved names)' });
const line = (what: string, max = 160) =>
  z
    .string({ error: `${what} as text` })
    .trim()
    .min(1, { error: `${what}, not empty` })
    .max(max, { error: `${what} of at most ${max} characters` });
const prose = (what: string) => line(what, MAX_TEXT_CHARS);

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what}: one of ${values.map((v) => `"${v}"`).join(', ')}` });

export const MetricSchema = z.strictObject({
  id: id(),
  label: line('a metric label', 40),
  description: prose('a description').optional(),
  initial: z.number({ error: 'a number for the starting value' }),
  min: z.number({ error: 'a number for the lowest value' }),
  max: z.number({ error: 'a number for the highest value' }),
  weight: z
    .number({ error: 'a number of 0 or more for the weight in the score' })
    .min(0, { error: 'a weight of 0 or more' }),
  better: enumOf(['higher', 'lower'], 'which way is better').default('higher'),
});
export type Metric = z.infer<typeof MetricSchema>;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { metric: string; op: Comparison; value: number }
  | { flag: string };

const CONDITION_HINT =
  'a condition: {"metric": ID, "op": ">=", "value": N}, {"flag": ID}, {"all": [...]}, {"any": [...]} or {"not": {...}}';

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(ConditionSchema).min(1, { error: 'at least one condition in "all"' }) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1, { error: 'at least one condition in "any"' }) }),
      z.strictObject({ not: ConditionSchema }),
      z.strictObject({
        metric: id(),
        op: enumOf(COMPARISONS, 'a comparison'),
        value: z.number({ error: 'a number to compare with' }),
      }),
      z.strictObject({ flag: id() }),
    ],
    { error: CONDITION_HINT },
  ),
);

const effects = z
  .record(id(), z.number({ error: 'a number: how much the metric changes (negative to lower it)' }), {
    error: 'an object of metric changes, like {"budget": -10, "trust": 5}',
  })
  .default({});
const flagList = z.array(id()).default([]);

export const OptionSchema = z.strictObject({
  id: id(),
  text: line('the option as the player reads it', 300),
  effects,
  setFlags: flagList,
  clearFlags: flagList,
  quality: enumOf(QUALITIES, 'the quality of this choice'),
  feedback: prose('feedback that explains the consequence'),
  reference: line('the legal basis or real case, like "Directive 2014/24/EU Art. 40"', 200),
  next: id(),
});
export type Option = z.infer<typeof OptionSchema>;

const speaker = enumOf(SPEAKERS, 'a speaker').optional();

export const NarrativeNodeSchema = z.strictObject({
  id: id(),
  kind: z.literal('narrative'),
  title: line('a title').optional(),
  speaker,
  text: prose('the text of the scene'),
  next: id(),
});

export const DecisionNodeSchema = z.strictObject({
  id: id(),
  kind: z.literal('decision'),
  title: line('a title').optional(),
  speaker,
  prompt: prose('the question put to the player'),
  timer: z
    .strictObject({
      seconds: z
        .int({ error: 'whole seconds' })
        .min(5, { error: 'at least 5 seconds' })
        .max(3600, { error: 'at most 3600 seconds' }),
      onTimeout: id(),
    })
    .optional(),
  options: z
    .array(OptionSchema)
    .min(2, { error: 'at least 2 options (a single path is a narrative node)' })
    .max(8, { error: 'at most 8 options' }),
});

export const BranchNodeSchema = z.strictObject({
  id: id(),
  kind: z.literal('branch'),
  cases: z
    .array(z.strictObject({ when: ConditionSchema, next: id() }))
    .min(1, { error: 'at least one case' })
    .max(16, { error: 'at most 16 cases' }),
  otherwise: id(),
});

export const EventOutcomeSchema = z.strictObject({
  id: id(),
  chance: z
    .int({ error: 'a whole percentage' })
    .min(1, { error: 'a chance of at least 1 (percent)' })
    .max(100, { error: 'a chance of at most 100 (percent)' }),
  text: prose('what happened'),
  effects,
  setFlags: flagList,
  clearFlags: flagList,
  next: id(),
});
export type EventOutcome = z.infer<typeof EventOutcomeSchema>;

export const EventNodeSchema = z.strictObject({
  id: id(),
  kind: z.literal('event'),
  title: line('a title').optional(),
  speaker,
  text: prose('the text before the outcome').optional(),
  outcomes: z
    .array(EventOutcomeSchema)
    .min(2, { error: 'at least 2 outcomes' })
    .max(10, { error: 'at most 10 outcomes' }),
});

export const EndingNodeSchema = z.strictObject({
  id: id(),
  kind: z.literal('ending'),
  title: line('a title'),
  speaker,
  text: prose('the text of the ending'),
  outcome: enumOf(OUTCOMES, 'the outcome'),
});

export const NodeSchema = z.discriminatedUnion('kind', [
  NarrativeNodeSchema,
  DecisionNodeSchema,
  BranchNodeSchema,
  EventNodeSchema,
  EndingNodeSchema,
]);

export type NarrativeNode = z.infer<typeof NarrativeNodeSchema>;
export type DecisionNode = z.infer<typeof DecisionNodeSchema>;
export type BranchNode = z.infer<typeof BranchNodeSchema>;
export type EventNode = z.infer<typeof EventNodeSchema>;
export type EndingNode = z.infer<typeof EndingNodeSchema>;
export type ScenarioNode = z.infer<typeof NodeSchema>;

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT_VERSION, { error: `"format": ${FORMAT_VERSION} (the only file format this version reads)` }),
  id: id(),
  version: z
    .string({ error: 'a version like "1.0.0"' })
    .regex(SEMVER_PATTERN, { error: 'a semantic version like "1.0.0"' }),
  lang: z
    .string({ error: 'a language code like "en"' })
    .regex(LANG_PATTERN, { error: 'a language code like "en" or "pt-BR"' }),
  title: line('a title', 80),
  summary: line('a summary', 600),
  difficulty: enumOf(DIFFICULTIES, 'the difficulty'),
  place: enumOf(PLACES, 'a place on the city map').optional(),
  minutes: z
    .int({ error: 'whole minutes' })
    .min(1, { error: 'at least 1 minute' })
    .max(240, { error: 'at most 240 minutes' }),
  competences: z
    .array(enumOf(COMPETENCE_IDS, 'a ProcurCompEU competence'))
    .min(1, { error: 'at least one ProcurCompEU competence' }),
  metrics: z.array(MetricSchema).min(1, { error: 'at least one metric' }).max(12, { error: 'at most 12 metrics' }),
  flags: z.array(id()).max(200, { error: 'at most 200 flags' }).default([]),
  scoring: z
    .strictObject({
      decisionQuality: z
        .number({ error: 'a share between 0 and 1' })
        .min(0, { error: 'a share of at least 0' })
        .max(1, { error: 'a share of at most 1' }),
    })
    .default({ decisionQuality: 0.5 }),
  start: id(),
  nodes: z
    .array(NodeSchema)
    .min(2, { error: 'at least 2 nodes (a start and an ending)' })
    .max(MAX_NODES, { error: `at most ${MAX_NODES} nodes` }),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
