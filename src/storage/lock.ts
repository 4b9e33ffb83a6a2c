// One tab per run. A player who opens the same run in a second tab must learn that it is open
// elsewhere, and that tab must not write to it: two tabs autosaving one run would overwrite each
// other's decisions. The Web Locks API does this exactly and frees the lock when a tab closes or
// crashes; it exists only in secure contexts, so a workshop served over plain http on the LAN
// falls back to asking the other tabs over BroadcastChannel (best effort: two tabs asking within
// the same few milliseconds are settled by their ids, a tab too busy to answer in time is missed).
import { newId } from './ids';
import { CHANNEL_NAME } from './tabs';

export type LockMechanism = 'web-locks' | 'broadcast' | 'none';

export interface RunLockOptions {
  /** Default `navigator.locks`; `null` to skip Web Locks. */
  locks?: LockManager | null;
  /** The fallback's channel; `null` for no fallback (then the lock is always granted). */
  channelName?: string | null;
  /** How long the fallback waits for a tab holding the lock to answer. */
  answerWaitMs?: number;
}

export const LOCK_ANSWER_WAIT_MS = 150;

export function runLockName(profileId: string, scenarioId: string): string {
  return `ppi-quest run ${JSON.stringify([profileId, scenarioId])}`;
}

export class RunLock {
  private released = false;

  private constructor(
    readonly name: string,
    readonly mechanism: LockMechanism,
    private readonly letGo: () => void,
  ) {}

  /** The lock, or undefined when another tab (or another part of this one) holds it. */
  static async acquire(name: string, options: RunLockOptions = {}): Promise<RunLock | undefined> {
    const locks = options.locks === undefined ? platformLocks() : options.locks;
    if (locks) {
      try {
        const release = await viaWebLocks(locks, name);
        return release && new RunLock(name, 'web-locks', release);
      } catch {
        // A browser that has the API but refuses it here: try the fallback.
      }
    }
    const channelName = options.channelName === undefined ? CHANNEL_NAME : options.channelName;
    if (channelName !== null && typeof BroadcastChannel === 'function') {
      const release = await viaBroadcast(channelName, name, options.answerWaitMs ?? LOCK_ANSWER_WAIT_MS);
      return release && new RunLock(name, 'broadcast', release);
    }
    // Nothing to coordinate with: a browser without either API has no second tab to fear.
    return new RunLock(name, 'none', () => undefined);
  }

  get held(): boolean {
    return !this.released;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.letGo();
  }
}

function platformLocks(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

function viaWebLocks(locks: LockManager, name: string): Promise<(() => void) | undefined> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(undefined);
          return undefined;
        }
        // The lock is held until this promise settles: that is, until release().
        return new Promise<void>((letGo) => {
          resolve(letGo);
        });
      })
      .catch(reject);
  });
}

type LockMessage = { type: 'lock-query'; name: string; from: string } | { type: 'lock-held'; name: string; to: string };

function viaBroadcast(channelName: string, name: string, waitMs: number): Promise<(() => void) | undefined> {
  const id = newId();
  const channel = new BroadcastChannel(channelName);
  let state: 'asking' | 'held' | 'lost' = 'asking';
  const send = (message: LockMessage) => {
    channel.postMessage(message);
  };
  channel.onmessage = (event: MessageEvent) => {
    const m = event.data as Partial<LockMessage> | null;
    if (typeof m !== 'object' || m === null || m.name !== name) return;
    if (m.type === 'lock-query' && typeof m.from === 'string' && m.from !== id) {
      // A holder always answers; two tabs asking at once: the smaller id wins.
      if (state === 'held' || (state === 'asking' && id < m.from)) send({ type: 'lock-held', name, to: m.from });
      else if (state === 'asking') state = 'lost';
    } else if (m.type === 'lock-held' && m.to === id && state === 'asking') {
      state = 'lost';
    }
  };
  send({ type: 'lock-query', name, from: id });
  return new Promise((resolve) => {
    setTimeout(() => {
      if (state === 'lost') {
        channel.close();
        resolve(undefined);
        return;
      }
      state = 'held';
      resolve(() => {
        channel.close();
      });
    }, waitMs);
  });
}
