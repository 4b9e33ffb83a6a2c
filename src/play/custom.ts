// Scenarios a player opens from a file: read through the engine's loader exactly like the shipped
// ones, then kept beside them. Pure: the store and the map screen use it; tests run it as is.
import { loadScenario, loadScenarioBytes, type Scenario, type ScenarioProblem } from '../engine';

/** A scenario opened from a file, with the text it came from (what the device keeps). */
export interface CustomEntry {
  scenario: Scenario;
  fileName: string;
  text: string;
  /** Epoch milliseconds of the last time the file was opened. */
  addedAt: number;
}

/** A scenario file that could not be read, with every problem found. */
export interface BrokenFile {
  file: string;
  problems: ScenarioProblem[];
}

export type FileReading = { ok: true; scenario: Scenario; text: string } | { ok: false; problems: ScenarioProblem[] };

/** Reads a file's bytes as a scenario: size, encoding, JSON, format and references are all checked. */
export function readScenarioFile(bytes: Uint8Array, fileName: string): FileReading {
  const loaded = loadScenarioBytes(bytes, fileName);
  if (!loaded.ok) return loaded;
  // The loader has checked the bytes are UTF-8: decoding them again cannot fail.
  return { ok: true, scenario: loaded.scenario, text: new TextDecoder().decode(bytes) };
}

/** A stored custom scenario read again, as it must be on every start (the engine may check more now). */
export function entryFromStored(stored: {
  id: string;
  fileName: string;
  text: string;
  addedAt: number;
}): CustomEntry | undefined {
  const loaded = loadScenario(stored.text, stored.fileName);
  if (!loaded.ok || loaded.scenario.id !== stored.id) return undefined;
  return { scenario: loaded.scenario, fileName: stored.fileName, text: stored.text, addedAt: stored.addedAt };
}

/**
 * What opening a file did:
 * - `added`: a new place on the map.
 * - `replaced`: an earlier file with the same id was replaced. `runsEnded` counts unfinished runs
 *   that could not continue (same version, different content); with a new version they are set
 *   aside instead, and the player is told when they open it.
 * - `unchanged`: the very same file was opened again.
 * - `shipped`: the id belongs to a scenario that ships with the game; nothing was changed.
 */
export type OpenOutcome =
  | { kind: 'added'; scenarioId: string }
  | { kind: 'replaced'; scenarioId: string; runsEnded: number }
  | { kind: 'unchanged'; scenarioId: string }
  | { kind: 'shipped'; scenarioId: string };
