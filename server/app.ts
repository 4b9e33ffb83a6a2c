// One hub process: node:http serving the built game, Socket.IO on the same port, the session
// store (files, or Redis when redisUrl is set) and the hub. Used by main.ts, the tests and the bench.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Server } from 'socket.io';
import type { CompiledScenario } from '../src/engine';
import { MAX_PACKET_BYTES, SESSION_NAMESPACE } from '../src/session/protocol';
import { Hub, type HubNamespace, type HubOptions } from './hub';
import { loadScenarios } from './scenarios';
import { staticHandler } from './static';
import { FileStore, type SessionStore } from './store';
import { warmUp } from './warmup';

export interface HubAppOptions {
  host?: string;
  port?: number;
  /** The built game to serve; omitted: sockets only. */
  distDir?: string;
  scenariosDir?: string;
  /** Preloaded scenarios (tests and bench share one compilation). */
  scenarios?: ReadonlyMap<string, CompiledScenario>;
  dataDir?: string;
  redisUrl?: string;
  hub?: Omit<HubOptions, 'urls'>;
  /** Milliseconds of throwaway play before listening (see warmup.ts); 0 or omitted: none. */
  warmUpMs?: number;
}

export interface HubApp {
  http: HttpServer;
  io: Server;
  hub: Hub;
  store: SessionStore;
  port: number;
  /** http://localhost:port */
  url: string;
  /** The LAN URLs to share. */
  lanUrls: string[];
  close(): Promise<void>;
}

/** The IPv4 addresses of this machine that others on the LAN can reach. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export async function startHub(options: HubAppOptions = {}): Promise<HubApp> {
  const scenarios = options.scenarios ?? (await loadScenarios(options.scenariosDir ?? 'scenarios'));
  if (options.warmUpMs) warmUp(scenarios.values(), options.warmUpMs);
  const serveStatic = options.distDir ? staticHandler(options.distDir) : undefined;
  const http = createServer((req, res) => {
    if (serveStatic) {
      serveStatic(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    } else res.writeHead(404).end();
  });
  const io = new Server(http, {
    maxHttpBufferSize: MAX_PACKET_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  let store: SessionStore;
  let closeAdapter = async () => {};
  if (options.redisUrl) {
    const { connectRedis } = await import('./redis-store');
    const redis = await connectRedis(options.redisUrl);
    store = redis.store;
    io.adapter(redis.adapter);
    closeAdapter = () => redis.close();
  } else {
    store = new FileStore(options.dataDir ?? '.sessions');
  }
  const hub = new Hub(io.of(SESSION_NAMESPACE) as HubNamespace, store, scenarios, options.hub);
  await hub.start();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const lanUrls = lanAddresses().map((a) => `http://${a}:${port}`);
  hub.urls = lanUrls.length > 0 ? lanUrls : [`http://localhost:${port}`];
  return {
    http,
    io,
    hub,
    store,
    port,
    url: `http://localhost:${port}`,
    lanUrls,
    async close() {
      hub.stop();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await store.close();
      await closeAdapter();
    },
  };
}
