// Between a save and the engine: whether a save can be resumed by the scenario as it is now.
import type { PersistedRun } from '../engine';
import type { Save } from './types';

/**
 * `outdated`: the save was made for another version of the scenario (or another scenario). The
 * engine refuses it anyway; the UI sets it aside, says why, and offers to start again.
 */
export type SaveCheck = 'ok' | 'outdated';

export function checkSave(
  save: Pick<Save, 'scenarioId' | 'scenarioVersion'>,
  scenarioId: string,
  version: string,
): SaveCheck {
  return save.scenarioId === scenarioId && save.scenarioVersion === version ? 'ok' : 'outdated';
}

/** What `Run.resume` takes. */
export function persistedRunOf(save: Save): PersistedRun {
  return {
    scenarioId: save.scenarioId,
    scenarioVersion: save.scenarioVersion,
    snapshot: save.snapshot as PersistedRun['snapshot'],
  };
}
