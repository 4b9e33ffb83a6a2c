// Opening the database, and what to do when it cannot be opened. Play must never wait on storage:
// without IndexedDB (some private modes), when it refuses to open, when an old tab blocks the
// upgrade, or when opening simply hangs, the game runs on an in-memory database instead.
import type { Dexie } from 'dexie';
import { createDatabase, type DatabaseDependencies, type PpiDatabase } from './db';
import type { StatusReason } from './types';

export interface OpenSettings {
  name: string;
  /** `null`: behave as if the browser had no IndexedDB. */
  indexedDB: IDBFactory | null | undefined;
  IDBKeyRange: typeof IDBKeyRange | undefined;
  /** Where an in-memory IndexedDB comes from when the real one cannot be used. */
  memory: () => Promise<DatabaseDependencies>;
  openTimeoutMs: number;
  /** How long an upgrade blocked by another tab may wait for that tab to let go. */
  blockedGraceMs: number;
  configure: ((db: Dexie) => void) | undefined;
}

export type Opened =
  { db: PpiDatabase; persistent: true } | { db: PpiDatabase; persistent: false; reason: StatusReason; error?: unknown };

/** The in-memory IndexedDB, loaded only when needed: most players never download it. */
export async function memoryIndexedDB(): Promise<DatabaseDependencies> {
  const fake = await import('fake-indexeddb');
  return { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange };
}

export async function openDatabase(settings: OpenSettings): Promise<Opened> {
  const platform = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
  const factory = settings.indexedDB === undefined ? platform.indexedDB : settings.indexedDB;
  const keyRange = settings.IDBKeyRange ?? platform.IDBKeyRange;
  if (!factory || !keyRange) return openInMemory(settings, 'no-indexeddb', undefined);
  const attempt = await tryOpen(settings, { indexedDB: factory, IDBKeyRange: keyRange });
  if (attempt.ok) return { db: attempt.db, persistent: true };
  return openInMemory(settings, attempt.reason, attempt.error);
}

type Attempt = { ok: true; db: PpiDatabase } | { ok: false; reason: StatusReason; error?: unknown };

async function tryOpen(settings: OpenSettings, deps: DatabaseDependencies): Promise<Attempt> {
  let db: PpiDatabase;
  try {
    db = createDatabase(settings.name, deps);
    settings.configure?.(db);
  } catch (error) {
    return { ok: false, reason: 'open-failed', error };
  }
  const timers: ReturnType<typeof setTimeout>[] = [];
  const later = (ms: number, fn: () => void): void => {
    timers.push(setTimeout(fn, ms));
  };
  let onBlocked: (() => void) | undefined;
  const outcome = await new Promise<'opened' | 'blocked' | 'timeout' | { error: unknown }>((resolve) => {
    // Another tab holds an older version open. It is asked to close (and ours flushes its
    // pending writes first), so give it a moment; if it does not let go, do not wait for it.
    onBlocked = () => later(settings.blockedGraceMs, () => resolve('blocked'));
    db.on('blocked', onBlocked);
    // Some browsers have been known to leave an open request hanging for good.
    later(settings.openTimeoutMs, () => resolve('timeout'));
    db.open().then(
      () => resolve('opened'),
      (error: unknown) => resolve({ error }),
    );
  });
  for (const t of timers) clearTimeout(t);
  db.on('blocked').unsubscribe(onBlocked!);
  if (outcome === 'opened') return { ok: true, db };
  // Cancels an open still pending, so this tab never writes to a database it gave up on.
  db.close({ disableAutoOpen: true });
  if (outcome === 'blocked') return { ok: false, reason: 'blocked' };
  if (outcome === 'timeout')
    return { ok: false, reason: 'open-failed', error: new Error('Opening IndexedDB timed out') };
  return { ok: false, reason: 'open-failed', error: outcome.error };
}

async function openInMemory(settings: OpenSettings, reason: StatusReason, error: unknown): Promise<Opened> {
  const db = createDatabase(settings.name, await settings.memory());
  settings.configure?.(db);
  await db.open();
  return { db, persistent: false, reason, error };
}
