// Shared by the storage tests: a fresh in-memory IndexedDB per test (real IndexedDB semantics
// from fake-indexeddb), results to store, and a disk that can be made to fail on demand.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest, Dexie } from 'dexie';
import { afterEach } from 'vitest';
import type { DatabaseDependencies } from './db';
import { openStorage, type GameStorage, type StorageOptions } from './storage';
import type { Result, ResultDecision } from './types';

/** 1 November 2026, noon UTC: timestamps in tests are readable offsets from here. */
export const T0 = Date.UTC(2026, 10, 1, 12);

export function freshIndexedDB(): DatabaseDependencies {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

const opened: GameStorage[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** A storage on its own fresh IndexedDB, closed after the test. */
export async function freshStorage(
  options: StorageOptions = {},
): Promise<{ storage: GameStorage; deps: DatabaseDependencies }> {
  const deps = freshIndexedDB();
  const storage = await track(
    openStorage({ ...deps, channelName: null, memory: () => Promise.resolve(freshIndexedDB()), ...options }),
  );
  return { storage, deps };
}

/** Closes the storage after the test. */
export async function track(storage: Promise<GameStorage>): Promise<GameStorage> {
  const s = await storage;
  opened.push(s);
  return s;
}

let counter = 0;

export function makeResult(fields: Partial<Result> & Pick<Result, 'profileId' | 'scenarioId'>): Result {
  counter++;
  const decisions: ResultDecision[] = [
    { node: 'need', option: 'outcome', quality: 'best', timedOut: false, atMs: 4_000 },
    { node: 'market', option: 'open-dialogue', quality: 'good', timedOut: false, atMs: 9_500 },
  ];
  return {
    id: `result-${counter}`,
    profileName: 'Player',
    scenarioVersion: '1.0.0',
    seed: 7,
    decisions,
    metrics: { budget: 80, innovation: 60 },
    score: { raw: 70, scaled: 70, stars: 2 },
    outcome: 'success',
    ending: 'good-ending',
    durationMs: 60_000,
    finishedAt: T0 + counter * 1_000,
    ...fields,
  };
}

export function withScore(scaled: number, fields: Partial<Result> & Pick<Result, 'profileId' | 'scenarioId'>): Result {
  return makeResult({ score: { raw: scaled, scaled, stars: scaled >= 85 ? 3 : scaled >= 60 ? 2 : 1 }, ...fields });
}

/**
 * A disk that fails on demand: Dexie middleware at the lowest level (DBCore), so a failure
 * travels through Dexie's transactions exactly as the browser's would.
 */
export class FaultyDisk {
  private failure: (() => Error) | undefined;
  private tables: readonly string[] | undefined;
  /** Writes refused so far. */
  refused = 0;

  readonly configure = (db: Dexie): void => {
    db.use({
      stack: 'dbcore',
      name: 'faulty-disk',
      create: (down: DBCore): Partial<DBCore> => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              if (this.failure && (!this.tables || this.tables.includes(name))) {
                this.refused++;
                return Promise.reject(this.failure());
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
  };

  /** From now on, writes (to `tables`, or all) fail with what `failure` makes. */
  fail(failure: () => Error, tables?: readonly string[]): void {
    this.failure = failure;
    this.tables = tables;
  }

  heal(): void {
    this.failure = undefined;
  }
}

export const quotaExceeded = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
