// Shared by the hub's integration tests and the benchmark: real hubs on loopback and
// socket.io-client participants.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { CompiledScenario } from '../src/engine';
import {
  SESSION_NAMESPACE,
  type ClientCommand,
  type ClientToHubEvents,
  type CommandInput,
  type CommandReply,
  type HubEvent,
  type HubPayload,
  type HubToClientEvents,
} from '../src/session/protocol';
import { startHub, type HubApp, type HubAppOptions } from './app';
import { loadScenarios } from './scenarios';

export type Client = Socket<HubToClientEvents, ClientToHubEvents>;

/** The socket without its event typings, to send malformed messages and listen generically. */
export interface RawClient {
  on(event: string, listener: (payload: never) => void): unknown;
  off(event: string, listener: (payload: never) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
export const raw = (socket: Client): RawClient => socket as unknown as RawClient;

let scenarios: Promise<Map<string, CompiledScenario>> | undefined;
export function testScenarios(): Promise<Map<string, CompiledScenario>> {
  scenarios ??= loadScenarios('scenarios', () => undefined);
  return scenarios;
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ppi-hub-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function hubOn(dataDir: string, options: HubAppOptions = {}): Promise<HubApp> {
  return startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    scenarios: await testScenarios(),
    ...options,
    hub: { log: () => undefined, ...options.hub },
  });
}

export function client(url: string): Promise<Client> {
  const socket: Client = connect(url + SESSION_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sends a command and waits for its reply. */
export async function call<C extends ClientCommand>(
  socket: Client,
  event: C,
  payload: unknown,
): Promise<CommandReply<C>> {
  return (await raw(socket).timeout(5000).emitWithAck(event, payload)) as CommandReply<C>;
}

/** Like call, but throws unless the reply is ok. */
export async function ok<C extends ClientCommand>(
  socket: Client,
  event: C,
  payload: CommandInput<C>,
): Promise<Extract<CommandReply<C>, { ok: true }>> {
  const reply = await call(socket, event, payload);
  if (!reply.ok) throw new Error(`${event} refused: ${reply.error.code}: ${reply.error.message}`);
  return reply;
}

/** The next `event` on `socket` that satisfies `test`. */
export function next<E extends HubEvent>(
  socket: Client,
  event: E,
  test: (payload: HubPayload<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<HubPayload<E>> {
  return new Promise((resolve, reject) => {
    const r = raw(socket);
    const timer = setTimeout(() => {
      r.off(event, listener);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: HubPayload<E>) => {
      if (!test(payload)) return;
      clearTimeout(timer);
      r.off(event, listener);
      resolve(payload);
    };
    r.on(event, listener);
  });
}
