// `npm run serve`: the game and the session hub on the LAN, on one port, with no internet.
// Environment: PORT (default 8080), HOST (default 0.0.0.0), SESSIONS_DIR (default ./.sessions),
// REDIS_URL (share sessions between several hub processes), DIST_DIR (default ./dist),
// JOIN_ATTEMPTS_PER_MINUTE (failed joins allowed per address, default 10), WARM_UP_MS (throwaway
// play before listening so the first step is as quick as the rest, default 400; 0: none).
import QRCode from 'qrcode';
import { JOIN_RATE_LIMIT } from '../src/session/protocol';
import { startHub } from './app';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT ?? ''}".`);
  process.exit(1);
}

const attempts = Number(process.env.JOIN_ATTEMPTS_PER_MINUTE ?? JOIN_RATE_LIMIT.attempts);
if (!Number.isInteger(attempts) || attempts < 1) {
  console.error(`JOIN_ATTEMPTS_PER_MINUTE must be a whole number of 1 or more.`);
  process.exit(1);
}

const warmUpMs = Number(process.env.WARM_UP_MS ?? 400);
if (!Number.isFinite(warmUpMs) || warmUpMs < 0) {
  console.error(`WARM_UP_MS must be a number of milliseconds (0 or more).`);
  process.exit(1);
}

const app = await startHub({
  hub: { joinRateLimit: { attempts, windowMs: 60_000 } },
  port,
  host: process.env.HOST ?? '0.0.0.0',
  distDir: process.env.DIST_DIR ?? 'dist',
  dataDir: process.env.SESSIONS_DIR ?? '.sessions',
  redisUrl: process.env.REDIS_URL,
  scenariosDir: process.env.SCENARIOS_DIR ?? 'scenarios',
  warmUpMs,
});

const share = app.lanUrls[0] ?? app.url;
console.log(`\nPPI Quest workshop hub — ${app.hub.sessionCount} session(s) restored.`);
console.log(`\n  On this computer:  ${app.url}`);
for (const url of app.lanUrls) console.log(`  On the network:    ${url}`);
if (app.lanUrls.length === 0) console.log('  No network found: connect this computer to the Wi-Fi or LAN first.');
console.log(`\nShare ${share} — scan to open it:\n`);
console.log(await QRCode.toString(share, { type: 'terminal', small: true }));
if (process.env.REDIS_URL) console.log('Sessions are shared through Redis.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the hub; sessions are kept on disk.');
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
