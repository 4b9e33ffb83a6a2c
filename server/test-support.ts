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
  type Tally,
  type TeamSummary,
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

/** The next team summary the facilitator hears of (in a `facilitator:update`) that passes `test`. */
export async function nextTeam(
  socket: Client,
  test: (team: TeamSummary) => boolean,
  timeoutMs = 5000,
): Promise<TeamSummary> {
  const update = await next(socket, 'facilitator:update', (u) => u.teams.some(test), timeoutMs);
  return update.teams.find(test)!;
}

/** The next tally the facilitator hears of (in a `facilitator:update`) that passes `test`. */
export async function nextTally(socket: Client, test: (tally: Tally) => boolean, timeoutMs = 5000): Promise<Tally> {
  const update = await next(socket, 'facilitator:update', (u) => u.tallies.some(test), timeoutMs);
  return update.tallies.find(test)!;
}

/** A private redis-server on a free loopback port, for scale-out tests and the bench. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
  const bin = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `tsx server/main.ts` as a separate process on a free port: a second hub, truly apart. */
export async function spawnHub(
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The hub process did not start:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /On this computer:\s+(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub process exited (${String(code)}):\n${out}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
