// Failed join attempts per client address, in a sliding window. An address over the limit is
// refused even with a right code, so guessing cannot go on faster than the limit.
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly attempts: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** True when `key` may try now. */
  allowed(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length < this.attempts;
  }

  /** Counts a failed attempt. */
  fail(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }

  /** Milliseconds until `key` may try again. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length < this.attempts ? 0 : this.windowMs - (now - list[0]!);
  }
}
