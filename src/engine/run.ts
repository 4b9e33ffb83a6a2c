// A run: one play-through of a scenario. The one API that the browser, the CLI and the session
// hub share. It wraps the XState actor and speaks in the players' words: the current node as a
// view, choose, continue, time out, metrics, history, result.
import { createActor, type Actor, type Snapshot } from 'xstate';
import {
  answeredState,
  CHOOSING,
  outcomeState,
  type CompiledScenario,
  type RunMachine,
  type DecisionRecord,
  type EventRecord,
  type RunContext,
} from './compile';
import { shuffled } from './random';
import { QUALITY_POINTS } from './rules';
import { scoreRun, type Score } from './score';
import type { DecisionNode, EndingNode, Metric, Outcome, Quality, ScenarioNode, Speaker } from './schema';

export type NodeView =
  | { kind: 'narrative'; node: string; title?: string; speaker?: Speaker; text: string }
  | {
      kind: 'decision';
      node: string;
      title?: string;
      speaker?: Speaker;
      prompt: string;
      options: { id: string; text: string }[];
      timer?: { seconds: number; onTimeout: string };
    }
  | {
      kind: 'feedback';
      node: string;
      title?: string;
      prompt: string;
      chosen: { id: string; text: string };
      quality: Quality;
      timedOut: boolean;
      feedback: string;
      reference: string;
      changes: Record<string, number>;
      /** The best option, when the player chose another. */
      better?: { id: string; text: string; feedback: string; reference: string };
    }
  | {
      kind: 'event';
      node: string;
      title?: string;
      speaker?: Speaker;
      text?: string;
      outcome: { id: string; text: string };
      changes: Record<string, number>;
    }
  | { kind: 'ending'; node: string; title: string; speaker?: Speaker; text: string; outcome: Outcome };

export interface MetricView extends Metric {
  value: number;
}

export interface DecisionReview extends DecisionRecord {
  prompt: string;
  chosenText: string;
  feedback: string;
  reference: string;
  /** The best option of the decision, if the player did not take it. */
  better?: { id: string; text: string; feedback: string; reference: string };
}

export interface RunResult {
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  ending: string;
  outcome: Outcome;
  metrics: Record<string, number>;
  decisions: DecisionReview[];
  events: EventRecord[];
  score: Score;
  /** Nodes entered, in order. */
  trail: string[];
}

/** What a save holds: enough to resume the run exactly, and to refuse it for another scenario version. */
export interface PersistedRun {
  scenarioId: string;
  scenarioVersion: string;
  snapshot: Snapshot<unknown>;
}

export class RunError extends Error {
  override name = 'RunError';
}

type RunActor = Actor<RunMachine>;

export class Run {
  private readonly actor: RunActor;
  private steps = 0;

  private constructor(
    readonly compiled: CompiledScenario,
    actor: RunActor,
  ) {
    this.actor = actor;
    // Errors reach callers as a RunError from throwIfBroken. Without an error observer XState
    // also rethrows them from a timer, which would crash a Node process (CLI, session hub).
    this.actor.subscribe({ error: () => undefined });
    this.actor.start();
    this.throwIfBroken();
  }

  /** Starts a new run. The same seed and the same choices always give the same run. */
  static start(compiled: CompiledScenario, seed: number | string): Run {
    return new Run(compiled, createActor(compiled.machine, { input: { seed } }));
  }

  /** Resumes a saved run. Refuses a save made for another scenario or version. */
  static resume(compiled: CompiledScenario, saved: PersistedRun): Run {
    const { id, version } = compiled.scenario;
    if (saved.scenarioId !== id || saved.scenarioVersion !== version) {
      throw new RunError(`This save belongs to ${saved.scenarioId} ${saved.scenarioVersion}, not ${id} ${version}.`);
    }
    if (!looksLikeSnapshot(saved.snapshot)) throw new RunError('This save is damaged: it holds no game state.');
    try {
      return new Run(compiled, createActor(compiled.machine, { snapshot: saved.snapshot, input: { seed: 0 } }));
    } catch (e) {
      throw new RunError(`This save cannot be resumed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private get context(): RunContext {
    return this.actor.getSnapshot().context;
  }

  private throwIfBroken(): void {
    const snap = this.actor.getSnapshot();
    if (snap.status === 'error') throw new RunError(`The scenario stopped with an error: ${String(snap.error)}`);
  }

  /** The node the player is at, and the sub-step within it. */
  private position(): { node: ScenarioNode; step: string | undefined } {
    const value = this.actor.getSnapshot().value;
    const [id, step] = typeof value === 'string' ? [value, undefined] : (Object.entries(value)[0] as [string, unknown]);
    const node = this.compiled.nodes.get(id);
    if (!node) throw new RunError(`The run is at an unknown node "${id}".`);
    return { node, step: typeof step === 'string' ? step : undefined };
  }

  get finished(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  get seed(): number {
    return this.context.seed;
  }

  view(): NodeView {
    const { node, step } = this.position();
    switch (node.kind) {
      case 'narrative':
        return { kind: 'narrative', node: node.id, title: node.title, speaker: node.speaker, text: node.text };
      case 'ending':
        return {
          kind: 'ending',
          node: node.id,
          title: node.title,
          speaker: node.speaker,
          text: node.text,
          outcome: node.outcome,
        };
      case 'decision': {
        if (step === CHOOSING) {
          return {
            kind: 'decision',
            node: node.id,
            title: node.title,
            speaker: node.speaker,
            prompt: node.prompt,
            options: shuffled(node.options, this.context.seed, node.id).map((o) => ({ id: o.id, text: o.text })),
            ...(node.timer ? { timer: { ...node.timer } } : {}),
          };
        }
        const record = this.context.decisions[this.context.decisions.length - 1]!;
        const review = reviewOf(node, record);
        return {
          kind: 'feedback',
          node: node.id,
          title: node.title,
          prompt: node.prompt,
          chosen: { id: record.option, text: review.chosenText },
          quality: record.quality,
          timedOut: record.timedOut,
          feedback: review.feedback,
          reference: review.reference,
          changes: record.changes,
          ...(review.better ? { better: review.better } : {}),
        };
      }
      case 'event': {
        const record = this.context.events[this.context.events.length - 1]!;
        const outcome = node.outcomes.find((o) => o.id === record.outcome)!;
        return {
          kind: 'event',
          node: node.id,
          title: node.title,
          speaker: node.speaker,
          text: node.text,
          outcome: { id: outcome.id, text: outcome.text },
          changes: record.changes,
        };
      }
      case 'branch':
        // Branches are passed instantly; a settled run is never at one.
        throw new RunError(`The run stopped at branch "${node.id}".`);
    }
  }

  choose(optionId: string): void {
    const { node, step } = this.position();
    if (node.kind !== 'decision' || step !== CHOOSING)
      throw new RunError(`There is no decision to make at "${node.id}" now.`);
    if (!node.options.some((o) => o.id === optionId)) {
      throw new RunError(`Decision "${node.id}" has no option "${optionId}".`);
    }
    this.send({ type: 'CHOOSE', option: optionId });
  }

  /** The decision's timer ran out: its timeout option is taken. */
  timeout(): void {
    const { node, step } = this.position();
    if (node.kind !== 'decision' || step !== CHOOSING || !node.timer)
      throw new RunError(`There is no timer running at "${node.id}".`);
    this.send({ type: 'TIMEOUT' });
  }

  /** Moves on from a scene, the feedback on a decision, or an event's outcome. */
  continue(): void {
    const { node, step } = this.position();
    const canContinue =
      node.kind === 'narrative' ||
      (node.kind === 'decision' && step?.startsWith(answeredState(''))) ||
      (node.kind === 'event' && step?.startsWith(outcomeState('')));
    if (!canContinue) throw new RunError(`Nothing to continue from at "${node.id}".`);
    this.send({ type: 'CONTINUE' });
  }

  /** Counts the player's actions in this session; changes whenever the view may have changed. */
  get step(): number {
    return this.steps;
  }

  private send(event: Parameters<RunActor['send']>[0]): void {
    this.steps++;
    this.actor.send(event);
    this.throwIfBroken();
  }

  metrics(): MetricView[] {
    const values = this.context.metrics;
    return this.compiled.scenario.metrics.map((m) => ({ ...m, value: values[m.id] ?? m.initial }));
  }

  flags(): readonly string[] {
    return this.context.flags;
  }

  /** Decisions made so far, with what was chosen and why it mattered. */
  history(): DecisionReview[] {
    return this.context.decisions.map((d) => reviewOf(this.compiled.nodes.get(d.node) as DecisionNode, d));
  }

  /** The latest decision, reviewed (what `history()` ends with, without reviewing the others). */
  lastDecision(): DecisionReview | undefined {
    const d = this.context.decisions[this.context.decisions.length - 1];
    return d && reviewOf(this.compiled.nodes.get(d.node) as DecisionNode, d);
  }

  result(): RunResult | undefined {
    if (!this.finished) return undefined;
    const { node } = this.position();
    const ending = node as EndingNode;
    const ctx = this.context;
    return {
      scenarioId: this.compiled.scenario.id,
      scenarioVersion: this.compiled.scenario.version,
      seed: ctx.seed,
      ending: ending.id,
      outcome: ending.outcome,
      metrics: { ...ctx.metrics },
      decisions: this.history(),
      events: [...ctx.events],
      score: this.scoreAt(ending.outcome),
      trail: [...ctx.trail],
    };
  }

  /** The score as if the run ended now, for the HUD; stars are not capped by an ending yet. */
  provisionalScore(): Score {
    return this.scoreAt('success');
  }

  private scoreAt(outcome: Outcome): Score {
    const ctx = this.context;
    const points = ctx.decisions.reduce((sum, d) => sum + QUALITY_POINTS[d.quality], 0);
    return scoreRun(
      this.compiled.scenario,
      ctx.metrics,
      points,
      ctx.decisions.length,
      outcome,
      this.compiled.scoreRange(),
    );
  }

  /** A JSON-safe copy of the run for saving. */
  persist(): PersistedRun {
    return {
      scenarioId: this.compiled.scenario.id,
      scenarioVersion: this.compiled.scenario.version,
      snapshot: this.actor.getPersistedSnapshot(),
    };
  }

  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    const sub = this.actor.subscribe({ next: listener, error: listener });
    return () => {
      sub.unsubscribe();
    };
  }

  stop(): void {
    this.actor.stop();
  }
}

function reviewOf(node: DecisionNode, record: DecisionRecord): DecisionReview {
  const chosen = node.options.find((o) => o.id === record.option)!;
  const best = node.options.find((o) => o.quality === 'best');
  return {
    ...record,
    prompt: node.prompt,
    chosenText: chosen.text,
    feedback: chosen.feedback,
    reference: chosen.reference,
    ...(best && best.id !== chosen.id && chosen.quality !== 'best'
      ? { better: { id: best.id, text: best.text, feedback: best.feedback, reference: best.reference } }
      : {}),
  };
}

/** The least a persisted snapshot must have before XState is asked to restore it. */
function looksLikeSnapshot(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { value?: unknown; context?: unknown; status?: unknown };
  const context = v.context as Partial<RunContext> | null | undefined;
  return (
    (typeof v.value === 'string' || (typeof v.value === 'object' && v.value !== null)) &&
    (v.status === 'active' || v.status === 'done') &&
    typeof context === 'object' &&
    context !== null &&
    typeof context.metrics === 'object' &&
    Array.isArray(context.decisions) &&
    Array.isArray(context.events) &&
    Array.isArray(context.trail) &&
    Array.isArray(context.flags) &&
    typeof context.rng === 'number'
  );
}
