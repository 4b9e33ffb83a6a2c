// Sessions shared by several hub processes through Redis: each session's log is a Redis list,
// appended only at the length the appender expects (a Lua script, atomic in Redis), so two
// processes never both apply conflicting commands. A channel tells the other processes that a
// log grew; Socket.IO's Redis adapter carries the broadcasts to sockets on every process.
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { SessionEvent } from '../src/session/events';
import type { SessionStore, StoreMessage } from './store';

const APPEND_IF_LENGTH = `
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
for i = 3, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('SADD', KEYS[2], ARGV[2])
return 1`;

type Client = ReturnType<typeof createClient>;

export class RedisStore implements SessionStore {
  readonly shared = true;
  private readonly channel: string;

  constructor(
    private readonly cmd: Client,
    private readonly sub: Client,
    private readonly prefix = 'ppi:',
  ) {
    this.channel = `${prefix}events`;
  }

  private logKey(sessionId: string): string {
    return `${this.prefix}log:${sessionId}`;
  }

  async list(): Promise<string[]> {
    return this.cmd.sMembers(`${this.prefix}sessions`);
  }

  async read(sessionId: string, from: number): Promise<unknown[]> {
    const items = await this.cmd.lRange(this.logKey(sessionId), from, -1);
    return items.map((s, i) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        throw new Error(`Redis ${this.logKey(sessionId)}[${from + i}]: not JSON; the log is damaged.`);
      }
    });
  }

  async append(sessionId: string, expected: number, events: SessionEvent[]): Promise<boolean> {
    const reply = await this.cmd.eval(APPEND_IF_LENGTH, {
      keys: [this.logKey(sessionId), `${this.prefix}sessions`],
      arguments: [String(expected), sessionId, ...events.map((e) => JSON.stringify(e))],
    });
    return reply === 1;
  }

  async claimCode(code: string, sessionId: string): Promise<boolean> {
    return (await this.cmd.hSetNX(`${this.prefix}codes`, code, sessionId)) === 1;
  }

  async lookupCode(code: string): Promise<string | undefined> {
    return (await this.cmd.hGet(`${this.prefix}codes`, code)) ?? undefined;
  }

  async presence(sessionId: string, teamId: string, delta: number): Promise<number> {
    const key = `${this.prefix}presence:${sessionId}`;
    const n = await this.cmd.hIncrBy(key, teamId, delta);
    if (n < 0) {
      await this.cmd.hSet(key, teamId, 0);
      return 0;
    }
    return n;
  }

  async presenceAll(sessionId: string): Promise<Record<string, number>> {
    const all = await this.cmd.hGetAll(`${this.prefix}presence:${sessionId}`);
    return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Math.max(0, Number(v))]));
  }

  async publish(message: StoreMessage): Promise<void> {
    await this.cmd.publish(this.channel, JSON.stringify(message));
  }

  async subscribe(listener: (message: StoreMessage) => void): Promise<void> {
    await this.sub.subscribe(this.channel, (raw) => {
      try {
        listener(JSON.parse(raw) as StoreMessage);
      } catch {
        // Not ours to understand: ignore.
      }
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Connects the store's and the adapter's clients. */
export async function connectRedis(url: string, prefix = process.env.REDIS_PREFIX ?? 'ppi:') {
  const cmd = createClient({ url });
  const sub = cmd.duplicate();
  const adapterPub = cmd.duplicate();
  const adapterSub = cmd.duplicate();
  const clients = [cmd, sub, adapterPub, adapterSub];
  for (const c of clients) c.on('error', (e: unknown) => console.error(`Redis: ${String(e)}`));
  await Promise.all(clients.map((c) => c.connect()));
  return {
    store: new RedisStore(cmd, sub, prefix),
    adapter: createAdapter(adapterPub, adapterSub, { key: `${prefix}socket.io` }),
    async close() {
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}
