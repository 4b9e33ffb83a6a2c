// The one door every write goes through. A write that fails is kept in memory and retried with
// capped exponential backoff, and again whenever another write comes in; callers never see the
// failure, only the storage status. The queue keeps the latest write per key, so a retry can never
// bring back an older state, and a finished result (critical) is never dropped.
import { classifyError, type FailureKind } from './errors';
import type { WriteOutcome } from './types';

export interface WriterOptions<I> {
  /** First retry delay; doubled after each failed attempt up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** False once retrying is pointless (the connection was closed for good). */
  canRetry: () => boolean;
  /** The pending writes or the last failure changed. */
  onChange: () => void;
  /** A non-critical write that can never succeed (its data cannot be stored) was given up. */
  onDropped: (intent: I, error: unknown) => void;
}

export interface WriteOptions<I> {
  /** Never dropped, whatever fails: finished results. */
  critical?: boolean;
  /** Pending writes this write makes moot (deleting a profile moots its pending saves). */
  supersedes?: (pending: I) => boolean;
}

interface Entry<I> {
  key: string;
  intent: I;
  critical: boolean;
  attempts: number;
  stored: boolean;
}

export type OnceResult<T> = { ok: true; value: T } | { ok: false; kind: FailureKind; error: unknown };

export class Writer<I> {
  private readonly queue = new Map<string, Entry<I>>();
  private chain: Promise<unknown> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failedRounds = 0;
  private lastFailure: FailureKind | undefined;
  private stopped = false;
  private retryDelay: number | undefined;

  constructor(
    private readonly apply: (intent: I) => Promise<void>,
    private readonly options: WriterOptions<I>,
  ) {}

  /** Every write not yet stored, oldest first: what reads must overlay on the database. */
  get pending(): I[] {
    return [...this.queue.values()].map((e) => e.intent);
  }

  /** Writes that failed at least once and wait to be retried. */
  get failedCount(): number {
    let n = 0;
    for (const e of this.queue.values()) if (e.attempts > 0) n++;
    return n;
  }

  /** Milliseconds until the scheduled retry was due when it was scheduled; undefined if none is. */
  get nextRetryMs(): number | undefined {
    return this.retryDelay;
  }

  /** Why the last attempt failed, while anything is still waiting. */
  get failure(): FailureKind | undefined {
    return this.queue.size > 0 ? this.lastFailure : undefined;
  }

  write(key: string, intent: I, options: WriteOptions<I> = {}): Promise<WriteOutcome> {
    const { supersedes } = options;
    if (supersedes) {
      for (const [k, e] of this.queue) if (supersedes(e.intent)) this.queue.delete(k);
    }
    // The latest write per key wins, and moves to the back so the queue keeps the order of writes.
    this.queue.delete(key);
    const entry: Entry<I> = { key, intent, critical: options.critical ?? false, attempts: 0, stored: false };
    this.queue.set(key, entry);
    // Replaced before it was tried, it shares the fate of the write that replaced it.
    return this.serially(() => this.flushOnce()).then(() =>
      entry.stored || !this.queue.has(key) ? 'stored' : 'queued',
    );
  }

  /** Runs a write that is not queued (an import: the file is still there to try again). */
  once<T>(operation: () => Promise<T>): Promise<OnceResult<T>> {
    return this.serially(async (): Promise<OnceResult<T>> => {
      try {
        return { ok: true, value: await operation() };
      } catch (error) {
        return { ok: false, kind: classifyError(error), error };
      }
    });
  }

  /** Tries every pending write now. True when nothing is left waiting. */
  async flush(): Promise<boolean> {
    await this.serially(() => this.flushOnce());
    return this.queue.size === 0;
  }

  /** Stops retrying. Pending writes stay readable through `pending`. */
  stop(): void {
    this.stopped = true;
    this.clearRetry();
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async flushOnce(): Promise<void> {
    this.clearRetry();
    let failure: FailureKind | undefined;
    const round = [...this.queue.values()];
    for (const entry of round) {
      // Replaced by a newer write, or mooted, while an earlier one was being stored.
      if (this.queue.get(entry.key) !== entry) continue;
      try {
        await this.apply(entry.intent);
        entry.stored = true;
        if (this.queue.get(entry.key) === entry) this.queue.delete(entry.key);
      } catch (error) {
        entry.attempts++;
        const kind = classifyError(error);
        if (kind === 'permanent' && !entry.critical) {
          if (this.queue.get(entry.key) === entry) this.queue.delete(entry.key);
          this.options.onDropped(entry.intent, error);
          continue;
        }
        failure = kind;
        // A full disk or a closed connection fails every write alike: wait, in order.
        if (kind === 'quota' || kind === 'closed') break;
      }
    }
    if (this.queue.size === 0) {
      this.failedRounds = 0;
      this.lastFailure = undefined;
    } else if (failure) {
      // Writes skipped after a full disk wait for the retry just like the one that failed.
      for (const entry of round) if (this.queue.get(entry.key) === entry) entry.attempts ||= 1;
      this.failedRounds++;
      this.lastFailure = failure;
      this.scheduleRetry();
    }
    this.options.onChange();
  }

  private scheduleRetry(): void {
    if (this.stopped || !this.options.canRetry()) return;
    const { retryBaseMs, retryCapMs } = this.options;
    const delay = Math.min(retryCapMs, retryBaseMs * 2 ** Math.min(this.failedRounds - 1, 30));
    this.retryDelay = delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryDelay = undefined;
      void this.serially(() => this.flushOnce());
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryDelay = undefined;
  }
}
