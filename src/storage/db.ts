// The IndexedDB schema and every migration, in one place. Old data is upgraded, never dropped:
// a version that has an upgrade() stays declared for as long as a device may still hold it.
//
// Adding a version: declare `db.version(n + 1)` with only the tables that change, write its
// upgrade, keep a fixture of the previous version's data and a test that opens it (see
// migration.test.ts).
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Achievement, CustomScenario, Profile, Result, Save } from './types';

export const DATABASE_NAME = 'ppi-quest';

/**
 * Version 1, the first schema. Kept verbatim: Dexie upgrades from the declared history, and the
 * migration test builds a version-1 database from this very object.
 */
export const SCHEMA_V1 = {
  profiles: 'id, createdAt',
  saves: '[profileId+scenarioId], profileId',
  results: 'id, profileId, scenarioId, finishedAt',
  achievements: '[profileId+achievementId], profileId',
  settings: 'key',
} as const;

/**
 * Version 2: fast leaderboards and a recently-played order.
 * - `bests` holds each profile's best run per scenario, so a leaderboard reads `limit` rows of
 *   an index instead of scanning every result. Its compound index sorts by score, then shorter
 *   duration, then earlier finish, with the last two negated so one reverse walk gives the order.
 * - `totals` holds each profile's sum of bests, indexed the same way for the overall board.
 * - `profiles.lastPlayedAt` (default: the latest finished run, else `createdAt`) and its index.
 * - `results[profileId+scenarioId]` for one player's history in one scenario.
 */
export const SCHEMA_V2 = {
  profiles: 'id, createdAt, lastPlayedAt',
  results: 'id, profileId, scenarioId, [profileId+scenarioId], finishedAt',
  bests: '[profileId+scenarioId], profileId, [scenarioId+scoreScaled+negDurationMs+negFinishedAt]',
  totals: 'profileId, [total+negDurationMs]',
} as const;

/**
 * Version 3: scenarios the player opened from a file. A row keeps the file's text as opened, so
 * each start reads it again through the engine's loader (a later release that checks more shows
 * problems instead of crashing). No upgrade: the table starts empty and nothing else changes.
 */
export const SCHEMA_V3 = {
  customScenarios: 'id, addedAt',
} as const;

export const SCHEMA_VERSION = 3;

/** The leaderboard index of `bests`. */
export const BEST_RANK_INDEX = '[scenarioId+scoreScaled+negDurationMs+negFinishedAt]';
/** The overall leaderboard index of `totals`. */
export const TOTAL_RANK_INDEX = '[total+negDurationMs]';

/** One profile's best result in one scenario: a derived row, rebuilt from `results` if ever needed. */
export interface BestRow {
  profileId: string;
  scenarioId: string;
  resultId: string;
  profileName: string;
  scoreScaled: number;
  stars: 0 | 1 | 2 | 3;
  durationMs: number;
  finishedAt: number;
  negDurationMs: number;
  negFinishedAt: number;
}

/** One profile's standing on the overall board: derived from its `bests` rows. */
export interface TotalRow {
  profileId: string;
  /** The name on its best runs: shown if the profile itself is gone. */
  profileName: string;
  /** Sum of the best scaled score in each scenario finished. */
  total: number;
  scenarios: number;
  /** Sum of the durations of those best runs. */
  durationMs: number;
  negDurationMs: number;
}

export interface SettingsRow {
  key: string;
  value: Record<string, unknown>;
}

export type PpiDatabase = Dexie & {
  profiles: EntityTable<Profile, 'id'>;
  saves: Table<Save, [string, string]>;
  results: EntityTable<Result, 'id'>;
  bests: Table<BestRow, [string, string]>;
  totals: EntityTable<TotalRow, 'profileId'>;
  achievements: Table<Achievement, [string, string]>;
  settings: EntityTable<SettingsRow, 'key'>;
  customScenarios: EntityTable<CustomScenario, 'id'>;
};

export interface DatabaseDependencies {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export function createDatabase(name: string, deps: DatabaseDependencies): PpiDatabase {
  // Opened explicitly by open.ts, which must see failures and 'blocked' before anything waits on it.
  const db = new Dexie(name, { ...deps, autoOpen: false }) as PpiDatabase;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  return db;
}

/** Orders two runs: negative when `a` ranks above `b`. Score, then shorter, then earlier. */
export function compareRuns(
  a: Pick<BestRow, 'scoreScaled' | 'durationMs' | 'finishedAt' | 'resultId'>,
  b: Pick<BestRow, 'scoreScaled' | 'durationMs' | 'finishedAt' | 'resultId'>,
): number {
  return (
    b.scoreScaled - a.scoreScaled ||
    a.durationMs - b.durationMs ||
    a.finishedAt - b.finishedAt ||
    // Identical runs still get a stable order.
    (a.resultId < b.resultId ? -1 : a.resultId > b.resultId ? 1 : 0)
  );
}

export function bestRowOf(result: Result): BestRow {
  return {
    profileId: result.profileId,
    scenarioId: result.scenarioId,
    resultId: result.id,
    profileName: result.profileName,
    scoreScaled: result.score.scaled,
    stars: result.score.stars,
    durationMs: result.durationMs,
    finishedAt: result.finishedAt,
    negDurationMs: -result.durationMs,
    negFinishedAt: -result.finishedAt,
  };
}

/** Folds results into the best row per profile and scenario, starting from `known`. */
export function foldBests(known: Iterable<BestRow>, results: Iterable<Result>): Map<string, BestRow> {
  const bests = new Map<string, BestRow>();
  for (const row of known) bests.set(bestKey(row.profileId, row.scenarioId), row);
  for (const result of results) {
    const key = bestKey(result.profileId, result.scenarioId);
    const candidate = bestRowOf(result);
    const current = bests.get(key);
    if (!current || compareRuns(candidate, current) < 0) bests.set(key, candidate);
  }
  return bests;
}

/** Orders two profiles on the overall board: higher total, then shorter total time. */
export function compareTotals(
  a: Pick<TotalRow, 'total' | 'durationMs' | 'profileId'>,
  b: Pick<TotalRow, 'total' | 'durationMs' | 'profileId'>,
): number {
  return (
    b.total - a.total ||
    a.durationMs - b.durationMs ||
    (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0)
  );
}

/** Sums best rows per profile. */
export function totalsOf(bests: Iterable<BestRow>): Map<string, TotalRow> {
  const totals = new Map<string, TotalRow>();
  for (const b of bests) {
    const t = totals.get(b.profileId) ?? {
      profileId: b.profileId,
      profileName: b.profileName,
      total: 0,
      scenarios: 0,
      durationMs: 0,
      negDurationMs: 0,
    };
    t.total += b.scoreScaled;
    t.scenarios += 1;
    t.durationMs += b.durationMs;
    t.negDurationMs = -t.durationMs;
    totals.set(b.profileId, t);
  }
  return totals;
}

/** Recomputes the totals of these profiles from their bests (inside a transaction on both). */
export async function refreshTotals(db: PpiDatabase, profileIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(profileIds)];
  if (ids.length === 0) return;
  const totals = totalsOf(await db.bests.where('profileId').anyOf(ids).toArray());
  await db.totals.bulkPut([...totals.values()]);
  const gone = ids.filter((id) => !totals.has(id));
  if (gone.length > 0) await db.totals.bulkDelete(gone);
}

export function bestKey(profileId: string, scenarioId: string): string {
  return JSON.stringify([profileId, scenarioId]);
}

/** Version 1 profiles had no `lastPlayedAt`. */
type ProfileV1 = Omit<Profile, 'lastPlayedAt'> & { lastPlayedAt?: number };

async function upgradeToV2(tx: Transaction): Promise<void> {
  const results = tx.table<Result, string>('results');
  const lastPlayed = new Map<string, number>();
  const all: Result[] = [];
  await results.each((r) => {
    all.push(r);
    lastPlayed.set(r.profileId, Math.max(lastPlayed.get(r.profileId) ?? 0, r.finishedAt));
  });
  const bests = [...foldBests([], all).values()];
  await tx.table<BestRow, [string, string]>('bests').bulkPut(bests);
  await tx.table<TotalRow, string>('totals').bulkPut([...totalsOf(bests).values()]);
  await tx
    .table<ProfileV1, string>('profiles')
    .toCollection()
    .modify((p) => {
      p.lastPlayedAt = Math.max(p.createdAt, lastPlayed.get(p.id) ?? 0);
    });
}
