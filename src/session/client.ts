// The browser's link to the session hub: Socket.IO on the namespace /session of the page's own
// origin. Commands are typed and answered through acks with a timeout; every push is checked
// against the protocol's schema before anyone sees it (a malformed push is dropped and reported).
// socket.io-client is imported only when a workshop is opened, so single-player never loads it.
import {
  HubEvents,
  SESSION_NAMESPACE,
  type ClientCommand,
  type CommandInput,
  type CommandReplies,
  type ErrorCode,
  type HubEvent,
  type HubPayload,
} from './protocol';

/** idle: not connected yet; unreachable: no hub answered (e.g. a static server, or offline). */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'unreachable';

/** A reply's error, or a local one: `timeout` (no reply in time), `offline` (not connected). */
export class SessionError extends Error {
  constructor(
    readonly code: ErrorCode | 'timeout' | 'offline',
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

/** The part of a socket.io-client Socket the client uses (a test may hand in a fake). */
export interface SessionSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener?: (...args: never[]) => void): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, ack: (err: unknown, reply: unknown) => void): unknown };
  connect(): unknown;
  disconnect(): unknown;
  readonly io: { on(event: string, listener: (...args: never[]) => void): unknown };
}

export interface SessionClientOptions {
  /** Milliseconds to wait for a reply. */
  timeoutMs?: number;
  /** Failed connection attempts, with no connection ever made, before the hub counts as unreachable. */
  unreachableAfter?: number;
}

type Listener<E extends HubEvent> = (payload: HubPayload<E>) => void;

export class SessionClient {
  private status: ConnectionStatus = 'connecting';
  private everConnected = false;
  private failures = 0;
  private statusListeners = new Set<(status: ConnectionStatus) => void>();
  private connectListeners = new Set<() => void>();
  private readonly timeoutMs: number;
  private readonly unreachableAfter: number;
  /** Pushes that failed their schema, for tests and the console. */
  readonly dropped: { event: string; issue: string }[] = [];

  constructor(
    readonly socket: SessionSocket,
    options: SessionClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.unreachableAfter = options.unreachableAfter ?? 2;
    socket.on('connect', () => {
      this.everConnected = true;
      this.failures = 0;
      this.setStatus('connected');
      for (const listener of this.connectListeners) listener();
    });
    socket.on('disconnect', () => {
      this.setStatus('reconnecting');
    });
    socket.on('connect_error', () => {
      this.failures += 1;
      if (!this.everConnected && this.failures >= this.unreachableAfter) this.setStatus('unreachable');
      else if (this.everConnected) this.setStatus('reconnecting');
    });
    if (socket.connected) {
      this.everConnected = true;
      this.status = 'connected';
    }
  }

  get connectionStatus(): ConnectionStatus {
    return this.status;
  }

  private setStatus(status: ConnectionStatus) {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called on every connection, the first and each reconnection: the place to resume or attach. */
  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }

  /** Listens to a push; the handler only ever sees a payload that passed the protocol's schema. */
  on<E extends HubEvent>(event: E, listener: Listener<E>): () => void {
    const wrapped = (payload: unknown) => {
      const parsed = HubEvents[event].safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.dropped.push({ event, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
        return;
      }
      listener(parsed.data as HubPayload<E>);
    };
    this.socket.on(event, wrapped);
    return () => this.socket.off(event, wrapped);
  }

  /** Sends a command; resolves with the reply's data, or rejects with a SessionError. */
  call<C extends ClientCommand>(event: C, payload: CommandInput<C>): Promise<CommandReplies[C]> {
    if (!this.socket.connected) {
      if (this.status === 'unreachable') {
        return Promise.reject(new SessionError('offline', 'No session hub answers at this address.'));
      }
      // Still connecting (or reconnecting): send once connected, or give up after the timeout.
      return this.connected().then(() => this.call(event, payload));
    }
    return new Promise((resolve, reject) => {
      this.socket.timeout(this.timeoutMs).emit(event, payload, (err: unknown, reply: unknown) => {
        if (err) {
          reject(new SessionError('timeout', `No reply to ${event} within ${this.timeoutMs} ms.`));
          return;
        }
        if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
          reject(new SessionError('internal', `A malformed reply to ${event}.`));
          return;
        }
        const r = reply as { ok: boolean; error?: { code?: unknown; message?: unknown } };
        if (r.ok) {
          resolve(reply as unknown as CommandReplies[C]);
        } else {
          const code = typeof r.error?.code === 'string' ? (r.error.code as ErrorCode) : 'internal';
          const message = typeof r.error?.message === 'string' ? r.error.message : 'The hub refused.';
          reject(new SessionError(code, message));
        }
      });
    });
  }

  /** Resolves on the next connection; rejects with `offline` after the timeout or when unreachable. */
  private connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: SessionError) => {
        clearTimeout(timer);
        offConnect();
        offStatus();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => {
        done(new SessionError('offline', 'Not connected to the hub.'));
      }, this.timeoutMs);
      const offConnect = this.onConnect(() => {
        done();
      });
      const offStatus = this.onStatus((status) => {
        if (status === 'unreachable') done(new SessionError('offline', 'No session hub answers at this address.'));
      });
    });
  }

  close(): void {
    this.socket.disconnect();
    this.statusListeners.clear();
    this.connectListeners.clear();
  }
}

/** Connects to the hub at `origin` (default: the page's own). Reconnects on its own, forever. */
export async function connectSession(origin?: string, options?: SessionClientOptions): Promise<SessionClient> {
  const { io } = await import('socket.io-client');
  const socket = io(origin ? origin + SESSION_NAMESPACE : SESSION_NAMESPACE, {
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 5000,
  });
  return new SessionClient(socket, options);
}
