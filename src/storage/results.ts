// Turning the engine's result of a finished run into the record the game keeps.
import type { RunResult } from '../engine';
import { newId } from './ids';
import type { Profile, Result } from './types';

export interface RunFacts {
  profile: Pick<Profile, 'id' | 'name'>;
  /** Milliseconds from the start of the run to each decision, in order. */
  decisionAtMs: readonly number[];
  durationMs: number;
  /** Epoch milliseconds. */
  finishedAt: number;
  /** Made once when the run ends and kept, so a retried store cannot duplicate the result. */
  id?: string;
}

export function resultFromRun(run: RunResult, facts: RunFacts): Result {
  return {
    id: facts.id ?? newId(),
    profileId: facts.profile.id,
    profileName: facts.profile.name,
    scenarioId: run.scenarioId,
    scenarioVersion: run.scenarioVersion,
    seed: run.seed,
    decisions: run.decisions.map((d, i) => ({
      node: d.node,
      option: d.option,
      quality: d.quality,
      timedOut: d.timedOut,
      atMs: facts.decisionAtMs[i] ?? 0,
    })),
    metrics: { ...run.metrics },
    score: { raw: run.score.raw, scaled: run.score.scaled, stars: run.score.stars },
    outcome: run.outcome,
    ending: run.ending,
    durationMs: facts.durationMs,
    finishedAt: facts.finishedAt,
  };
}
