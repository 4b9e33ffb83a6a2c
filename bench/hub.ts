// `npm run bench:hub`: the session hub under a workshop's load, on loopback. A real hub process
// (`tsx server/main.ts`, file store in a temp folder) and socket.io-client participants in this
// process, as on a LAN where every participant has a device. Lockstep: each step opens for
// everyone at once; participants answer all at the same moment (burst, the worst case) or spread
// over a few seconds (as people do).
// Latency = from a participant sending its decision to the facilitator receiving the update of
// that team. The simulated devices share this process and the machine's cores with the hub, so
// a burst measures the hub and the simulation together: an upper bound for a real room.
// Reports, never asserts: machines differ. Aim: p99 < 100 ms at 300 participants.
// The hub warms its engine up before listening (server/warmup.ts); one row shows a hub without it.
//   --quick          fewer participants, for a smoke run
//   --scenario ID    the scenario played (default: tutorial, 3 decisions per run)
import type { CompiledScenario } from '../src/engine';
import type { SessionEvent } from '../src/session/events';
import { SessionState } from '../src/session/state';
import type { TeamState } from '../src/session/protocol';
import { readFileSync } from 'node:fs';
import { client, ok, raw, spawnHub, tempDir, testScenarios, type Client } from '../server/test-support';

const quick = process.argv.includes('--quick');
const scenarioFlag = process.argv.indexOf('--scenario');
const SCENARIO = scenarioFlag > 0 ? (process.argv[scenarioFlag + 1] ?? 'tutorial') : 'tutorial';

interface Result {
  latencies: number[];
  participants: number;
  sessions: number;
  ms: number;
  /** The hub's resident memory with every participant still connected. */
  rss: number;
  /** …and just after it started (scenarios loaded and warmed up). */
  idleRss: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function runSession(
  url: string,
  participants: number,
  spreadMs: number,
): Promise<{ latencies: number[]; sockets: Client[] }> {
  const facilitator = await client(url);
  const created = await ok(facilitator, 'facilitator:create', {
    scenarioId: SCENARIO,
    mode: 'lockstep',
    grouping: 'individuals',
    timerSeconds: 0,
  });
  const auth = { sessionId: created.sessionId, facilitatorToken: created.facilitatorToken };
  const players: { socket: Client; teamId: string; state: TeamState }[] = [];
  for (let i = 0; i < participants; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, participants - i) }, async (_, j) => {
        const socket = await client(url);
        const joined = await ok(socket, 'participant:join', { code: created.code, teamName: `P${i + j + 1}` });
        const player = { socket, teamId: joined.teamId, state: joined.state };
        socket.on('team:state', (s) => (player.state = s));
        return player;
      }),
    );
    players.push(...batch);
  }
  // The facilitator's updates: when did team X's n-th decision arrive?
  const waiting = new Map<string, { sent: number; resolve: (ms: number) => void }>();
  raw(facilitator).on('facilitator:update', (u: { teams: { teamId: string; decisions: number }[] }) => {
    const at = performance.now();
    for (const t of u.teams) {
      const w = waiting.get(`${t.teamId}#${t.decisions}`);
      if (w) {
        waiting.delete(`${t.teamId}#${t.decisions}`);
        w.resolve(at - w.sent);
      }
    }
  });
  const latencies: number[] = [];
  for (let step = 1; players.some((p) => p.state.phase !== 'finished'); step++) {
    const opened = players.map(
      (p) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (p.state.open?.step === step || p.state.phase === 'finished') {
              p.socket.off('team:state', check);
              resolve();
            }
          };
          p.socket.on('team:state', check);
          check();
        }),
    );
    await ok(facilitator, 'facilitator:control', { ...auth, action: step === 1 ? 'start' : 'next' });
    await Promise.all(opened);
    const answers = players.flatMap((p) => {
      const open = p.state.open;
      const view = p.state.story[p.state.story.length - 1];
      if (!open || view?.kind !== 'decision') return [];
      const option = view.options[(p.teamId.length + step) % view.options.length]!.id;
      const decisions = p.state.decisions + 1;
      return [
        new Promise<number>((resolve) => {
          const send = () => {
            waiting.set(`${p.teamId}#${decisions}`, { sent: performance.now(), resolve });
            p.socket.emit(
              'participant:decide',
              { step, node: open.node, option },
              (r: { ok: boolean; state?: TeamState }) => {
                if (r.ok && r.state) p.state = r.state;
              },
            );
          };
          if (spreadMs === 0) send();
          else setTimeout(send, Math.random() * spreadMs);
        }),
      ];
    });
    latencies.push(...(await Promise.all(answers)));
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'reveal' });
  }
  await ok(facilitator, 'facilitator:control', { ...auth, action: 'end' });
  return { latencies, sockets: [facilitator, ...players.map((p) => p.socket)] };
}

/** Resident memory of a process, from /proc (Linux). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function scenarioRun(
  sessions: number,
  perSession: number,
  spreadMs: number,
  env: Record<string, string> = {},
): Promise<Result> {
  const data = await tempDir();
  const hub = await spawnHub({
    SESSIONS_DIR: data.dir,
    DIST_DIR: data.dir,
    JOIN_ATTEMPTS_PER_MINUTE: '1000000',
    ...env,
  });
  const idleRss = rssOf(hub.pid);
  const t0 = performance.now();
  try {
    const runs = await Promise.all(Array.from({ length: sessions }, () => runSession(hub.url, perSession, spreadMs)));
    const rss = rssOf(hub.pid);
    for (const r of runs) for (const s of r.sockets) s.disconnect();
    return {
      latencies: runs.flatMap((r) => r.latencies),
      participants: sessions * perSession,
      sessions,
      ms: performance.now() - t0,
      rss,
      idleRss,
    };
  } finally {
    await hub.stop();
    await data.remove();
  }
}

/** Heap held by a session's state per team: 300 joined teams, each one decision in. */
function statePerTeam(compiled: CompiledScenario, teams: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const created: SessionEvent = {
    type: 'created',
    at: 0,
    sessionId: 'bench',
    code: 'BENCHBEN',
    facilitatorHash: 'x',
    scenarioId: compiled.scenario.id,
    scenarioVersion: compiled.scenario.version,
    mode: 'lockstep',
    grouping: 'individuals',
    timerSeconds: 0,
    title: 'bench',
  };
  const state = new SessionState(compiled, created);
  for (let i = 1; i <= teams; i++) {
    state.apply({ type: 'joined', at: i, teamId: `t${i}`, name: `P${i}`, seed: i, tokenHash: `h${i}` });
  }
  state.apply({ type: 'started', at: 1 });
  state.apply({ type: 'stepOpened', at: 1, step: 1 });
  state.apply({ type: 'stepClosed', at: 2, step: 1 });
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (state.teams.size !== teams) throw new Error('state lost teams');
  return (after - before) / teams;
}

const compiled = (await testScenarios()).get(SCENARIO)!;
const rows: string[][] = [];
const cold = { WARM_UP_MS: '0' };
const plans: [string, number, number, number, Record<string, string>?][] = quick
  ? [
      ['1 session × 60, burst', 1, 60, 0],
      ['5 sessions × 12, burst', 5, 12, 0],
    ]
  : [
      ['1 session × 300, burst', 1, 300, 0],
      ['1 session × 300, burst, no warm-up', 1, 300, 0, cold],
      ['1 session × 300, over 5 s', 1, 300, 5000],
      ['20 sessions × 30, burst', 20, 30, 0],
      ['20 sessions × 30, over 5 s', 20, 30, 5000],
    ];
for (const [label, sessions, per, spread, env] of plans) {
  const r = await scenarioRun(sessions, per, spread, env);
  rows.push([
    label,
    String(r.latencies.length),
    percentile(r.latencies, 50).toFixed(1),
    percentile(r.latencies, 99).toFixed(1),
    Math.max(...r.latencies).toFixed(1),
    (r.ms / 1000).toFixed(1),
    `${(r.idleRss / 1024 / 1024).toFixed(0)} → ${(r.rss / 1024 / 1024).toFixed(0)}`,
  ]);
}

const header = [
  `load (lockstep, ${SCENARIO})`,
  'decisions',
  'p50 ms',
  'p99 ms',
  'max ms',
  'total s',
  'hub RSS MiB (idle → loaded)',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log('\nDecision → facilitator update (loopback; burst: everyone answers at the same moment):\n');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const perTeam = statePerTeam(compiled, 300);
console.log(
  `\nMemory: session state ≈ ${(perTeam / 1024).toFixed(1)} KiB per participant (300 teams, engine run each${
    (globalThis as { gc?: () => void }).gc ? '' : '; run with node --expose-gc for a steadier figure'
  }).`,
);
console.log('Aim: p99 under 100 ms at 300 participants on loopback.');
process.exit(0);
