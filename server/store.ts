// Where session logs live. The hub needs: append-if-at-length (so two processes never both
// append on a stale state), read from a position, list sessions, join codes, and a channel that
// tells other processes a log grew or a presence count changed. FileStore is one process with
// one JSON Lines file per session; RedisStore (redis-store.ts) shares sessions across processes.
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionEvent } from '../src/session/events';

export type StoreMessage =
  | { kind: 'log'; sessionId: string; seq: number; origin: string }
  | { kind: 'presence'; sessionId: string; teamId: string; count: number; origin: string };

export interface SessionStore {
  /** True when other processes may append to the same logs. */
  readonly shared: boolean;
  /** Ids of every stored session. */
  list(): Promise<string[]>;
  /** The raw events of a session from index `from` (0 = the `created` event). */
  read(sessionId: string, from: number): Promise<unknown[]>;
  /** Appends `events` if the log holds exactly `expected` events; false if it holds more. */
  append(sessionId: string, expected: number, events: SessionEvent[]): Promise<boolean>;
  /** Claims a join code for a session; false if the code is taken. */
  claimCode(code: string, sessionId: string): Promise<boolean>;
  lookupCode(code: string): Promise<string | undefined>;
  /** Adds `delta` to the devices connected to a team; returns the new count. */
  presence(sessionId: string, teamId: string, delta: number): Promise<number>;
  presenceAll(sessionId: string): Promise<Record<string, number>>;
  publish(message: StoreMessage): Promise<void>;
  subscribe(listener: (message: StoreMessage) => void): Promise<void>;
  close(): Promise<void>;
}

interface Writer {
  lines: string[];
  waiters: { resolve: (ok: boolean) => void; reject: (e: unknown) => void }[];
  writing: Promise<void> | undefined;
}

const SESSION_FILE = /^([A-Za-z0-9_-]{1,64})\.jsonl$/;

export class FileStore implements SessionStore {
  readonly shared = false;
  private readonly lengths = new Map<string, number>();
  private readonly codes = new Map<string, string>();
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly writers = new Map<string, Writer>();

  constructor(readonly dir: string) {}

  private file(sessionId: string): string {
    return join(this.dir, `${sessionId}.jsonl`);
  }

  async list(): Promise<string[]> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    return names.flatMap((n) => {
      const m = SESSION_FILE.exec(n);
      return m ? [m[1]!] : [];
    });
  }

  async read(sessionId: string, from: number): Promise<unknown[]> {
    let text: string;
    try {
      text = await readFile(this.file(sessionId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const lines = text.split('\n');
    const events: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        // A line cut short by a crash can only be the last one; it was never acknowledged.
        if (i >= lines.length - 2) break;
        throw new Error(`${this.file(sessionId)}:${i + 1}: not JSON; the log is damaged.`);
      }
    }
    this.lengths.set(sessionId, events.length);
    const created = events[0] as { code?: unknown } | undefined;
    if (typeof created?.code === 'string') this.codes.set(created.code, sessionId);
    return events.slice(from);
  }

  /**
   * Checks the length and enqueues at once (synchronously), then writes: every append waiting
   * while a write runs goes into the next write together (group commit), in order.
   */
  append(sessionId: string, expected: number, events: SessionEvent[]): Promise<boolean> {
    const length = this.lengths.get(sessionId) ?? 0;
    if (length !== expected) return Promise.resolve(false);
    this.lengths.set(sessionId, length + events.length);
    let writer = this.writers.get(sessionId);
    if (!writer) this.writers.set(sessionId, (writer = { lines: [], waiters: [], writing: undefined }));
    writer.lines.push(...events.map((e) => JSON.stringify(e) + '\n'));
    const w = writer;
    const done = new Promise<boolean>((resolve, reject) => w.waiters.push({ resolve, reject }));
    w.writing ??= this.flush(sessionId, w);
    return done;
  }

  private async flush(sessionId: string, writer: Writer): Promise<void> {
    while (writer.lines.length > 0) {
      const lines = writer.lines.splice(0);
      const waiters = writer.waiters.splice(0);
      try {
        await mkdir(this.dir, { recursive: true });
        await appendFile(this.file(sessionId), lines.join(''), 'utf8');
        for (const w of waiters) w.resolve(true);
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    writer.writing = undefined;
  }

  claimCode(code: string, sessionId: string): Promise<boolean> {
    if (this.codes.has(code)) return Promise.resolve(false);
    this.codes.set(code, sessionId);
    return Promise.resolve(true);
  }

  lookupCode(code: string): Promise<string | undefined> {
    return Promise.resolve(this.codes.get(code));
  }

  presence(sessionId: string, teamId: string, delta: number): Promise<number> {
    let teams = this.counts.get(sessionId);
    if (!teams) this.counts.set(sessionId, (teams = new Map<string, number>()));
    const n = Math.max(0, (teams.get(teamId) ?? 0) + delta);
    teams.set(teamId, n);
    return Promise.resolve(n);
  }

  presenceAll(sessionId: string): Promise<Record<string, number>> {
    return Promise.resolve(Object.fromEntries(this.counts.get(sessionId) ?? []));
  }

  publish(): Promise<void> {
    return Promise.resolve(); // one process: nobody else to tell
  }

  subscribe(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map((w) => w.writing ?? Promise.resolve()));
  }
}
