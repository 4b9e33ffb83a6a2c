// What the game keeps on the device, in the players' words. Plain data: every value here survives
// IndexedDB's structured clone and JSON (backups), so no classes, dates or functions.
import type { Outcome, Quality } from '../engine';

/** A player on this device. A workshop laptop holds several. */
export interface Profile {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last finished run, or of creation. Orders the profile picker. */
  lastPlayedAt: number;
}

/** The autosave of one run in progress: one per profile and scenario. */
export interface Save {
  profileId: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  /** The engine's persisted XState snapshot (`Run.persist().snapshot`): JSON data, opaque here. */
  snapshot: unknown;
  /** `Run.step` when saved: the player's actions since this session started or resumed. */
  step: number;
  /** A decision timer that was running, so a reload resumes it instead of restarting it. */
  timer?: { node: string; remainingMs: number };
  /** Epoch milliseconds. */
  savedAt: number;
}

/**
 * A scenario the player opened from a file, kept on the device. Its text is stored as opened and
 * read again through the engine's loader on every start: storage never trusts it as a Scenario.
 */
export interface CustomScenario {
  /** The scenario's own id (its `id` field): opening a file with the same id replaces it. */
  id: string;
  /** The file's name as the player picked it, for messages ("opened from lighting.json"). */
  fileName: string;
  text: string;
  /** The scenario's `version` when it was opened, so a replacement can tell what changed. */
  scenarioVersion: string;
  /** Epoch milliseconds of the last time the file was opened. */
  addedAt: number;
}

export interface ResultDecision {
  node: string;
  option: string;
  quality: Quality;
  timedOut: boolean;
  /** Milliseconds from the start of the run to the choice. */
  atMs: number;
}

/** A finished run. Never edited after it is stored; deleted only with its profile. */
export interface Result {
  /** Made by the client when the run ends, so storing the same result twice stores it once. */
  id: string;
  profileId: string;
  /** The profile's name when the run ended, so an exported result still says who played it. */
  profileName: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  decisions: ResultDecision[];
  /** Final metric values by metric id. */
  metrics: Record<string, number>;
  score: { raw: number; scaled: number; stars: 0 | 1 | 2 | 3 };
  outcome: Outcome;
  /** The ending node's id. */
  ending: string;
  durationMs: number;
  /** Epoch milliseconds. */
  finishedAt: number;
}

export interface Achievement {
  profileId: string;
  achievementId: string;
  /** Epoch milliseconds of the first time it was earned. */
  at: number;
}

/**
 * Device-wide settings as read back. Their shape belongs to the play store, which writes any
 * plain object and validates what it reads (an older release may have written other fields).
 */
export type Settings = Readonly<Record<string, unknown>>;

export interface LeaderboardEntry {
  rank: number;
  profileId: string;
  profileName: string;
  resultId: string;
  scoreScaled: number;
  stars: 0 | 1 | 2 | 3;
  durationMs: number;
  finishedAt: number;
}

export interface OverallEntry {
  rank: number;
  profileId: string;
  profileName: string;
  /** Sum of the profile's best scaled score in each scenario it finished. */
  total: number;
  /** Scenarios finished at least once. */
  scenarios: number;
  /** Sum of the durations of those best runs: the tie-break. */
  durationMs: number;
}

/**
 * - `ok`: everything written is on disk.
 * - `failing`: some writes failed (full disk, say) and wait in memory to be retried.
 * - `unavailable`: nothing reaches the disk (no IndexedDB, blocked, or the database was upgraded
 *   by another tab): play continues in memory until the tab closes.
 */
export type StorageStatus = 'ok' | 'failing' | 'unavailable';

export type StatusReason = 'quota' | 'write-error' | 'no-indexeddb' | 'open-failed' | 'blocked' | 'versionchange';

export interface StatusReport {
  status: StorageStatus;
  reason?: StatusReason;
  /** Writes waiting in memory to be retried. */
  pendingWrites: number;
}

/** `stored` reached the database; `queued` is kept in memory and retried (see `StatusReport`). */
export type WriteOutcome = 'stored' | 'queued';

export interface ImportSummary {
  profilesAdded: number;
  resultsAdded: number;
  achievementsAdded: number;
  savesAdded: number;
  /** Custom scenarios the file brought that this device did not have. */
  scenariosAdded: number;
  duplicatesSkipped: number;
}
