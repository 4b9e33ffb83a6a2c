// Scale-out: two hub processes sharing sessions through a real redis-server: one in this test
// process, one spawned as `tsx server/main.ts`. Participants on one, the facilitator on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubApp } from './app';
import {
  call,
  client,
  hubOn,
  next,
  nextTally,
  nextTeam,
  ok,
  spawnHub,
  startRedis,
  tempDir,
  type Client,
} from './test-support';

let redis: Awaited<ReturnType<typeof startRedis>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let one: HubApp;
let two: { url: string; stop: () => Promise<void> };
const sockets: Client[] = [];

async function on(app: { url: string }): Promise<Client> {
  const s = await client(app.url);
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  redis = await startRedis();
  data = await tempDir();
  one = await hubOn(data.dir, { redisUrl: redis.url });
  two = await spawnHub({ REDIS_URL: redis.url, SESSIONS_DIR: data.dir, DIST_DIR: data.dir });
}, 90_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await one.close();
  await two.stop();
  await redis.stop();
  await data.remove();
}, 30_000);

describe('two hubs sharing sessions through Redis', () => {
  it('runs one lockstep session with participants on one hub and the facilitator on the other', async () => {
    const facilitator = await on(two);
    const created = await ok(facilitator, 'facilitator:create', {
      scenarioId: 'tutorial',
      mode: 'lockstep',
      grouping: 'teams',
      timerSeconds: 0,
    });
    const auth = { sessionId: created.sessionId, facilitatorToken: created.facilitatorToken };

    const arrived = nextTeam(facilitator, (t) => t.name === 'North' && t.connected === 1);
    const north = await on(one);
    const south = await on(one);
    const n = await ok(north, 'participant:join', { code: created.code, teamName: 'North' });
    await ok(south, 'participant:join', { code: created.code, teamName: 'South' });
    await arrived;

    const opened = [north, south].map((s) => next(s, 'team:state', (st) => st.open?.step === 1));
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    await Promise.all(opened);

    const seen = nextTally(facilitator, (t) => t.answered === 2);
    // Both hubs may take a command for the same step; only one answer counts.
    const [a, b] = await Promise.all([
      ok(north, 'participant:decide', { step: 1, node: 'need', option: 'outcome' }),
      ok(south, 'participant:decide', { step: 1, node: 'need', option: 'product' }),
    ]);
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
    const tally = await seen;
    expect(tally.options.map((o) => o.count)).toEqual([1, 1]);

    const revealed = next(north, 'session:reveal');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'reveal' });
    expect((await revealed).tallies[0]!.answered).toBe(2);

    // The facilitator's hub holds the answers the other hub took.
    const exported = await ok(facilitator, 'facilitator:export', auth);
    expect(exported.export.teams.map((t) => [t.name, t.decisions.map((d) => d.option)])).toEqual([
      ['North', ['outcome']],
      ['South', ['product']],
    ]);

    // A participant resumes on the other hub, with all progress; the facilitator attaches on the first.
    const moved = await on(two);
    const back = await ok(moved, 'participant:resume', { sessionId: created.sessionId, resumeToken: n.resumeToken });
    expect(back.state.decisions).toBe(1);
    const again = await on(one);
    const attached = await ok(again, 'facilitator:attach', auth);
    expect(attached.state.teams.map((t) => t.decisions)).toEqual([1, 1]);
  });

  it('applies a conflicting pair of commands from two hubs exactly once', async () => {
    const f = await on(one);
    const created = await ok(f, 'facilitator:create', {
      scenarioId: 'tutorial',
      mode: 'lockstep',
      grouping: 'teams',
      timerSeconds: 0,
    });
    const auth = { sessionId: created.sessionId, facilitatorToken: created.facilitatorToken };
    const p1 = await on(one);
    const joined = await ok(p1, 'participant:join', { code: created.code, teamName: 'Twin' });
    const p2 = await on(two);
    await ok(p2, 'participant:resume', { sessionId: created.sessionId, resumeToken: joined.resumeToken });
    await ok(f, 'facilitator:control', { ...auth, action: 'start' });
    // Two devices of the same team, on two hubs, answer differently at the same moment.
    const replies = await Promise.all([
      call(p1, 'participant:decide', { step: 1, node: 'need', option: 'outcome' }),
      call(p2, 'participant:decide', { step: 1, node: 'need', option: 'product' }),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.map((r) => (r.ok ? null : r.error.code)).filter(Boolean)).toEqual(['conflict']);
    const exported = await ok(f, 'facilitator:export', auth);
    expect(exported.export.teams[0]!.decisions).toHaveLength(1);
    // Commands taken by two hubs at once are applied one after the other: neither is lost.
    const starts = await Promise.all([
      call(f, 'facilitator:control', { ...auth, action: 'next' }),
      call(await on(two), 'facilitator:control', { ...auth, action: 'next' }),
    ]);
    expect(starts.every((r) => r.ok)).toBe(true);
    const after = await ok(f, 'facilitator:attach', auth);
    expect(after.state.status.step).toBe(3);
  });
});
