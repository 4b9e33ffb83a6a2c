// Integration tests: a real hub on loopback, socket.io-client participants and facilitators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Run } from '../src/engine';
import type { TeamState } from '../src/session/protocol';
import type { HubApp } from './app';
import {
  call,
  client,
  hubOn,
  next,
  nextTally,
  nextTeam,
  ok,
  raw,
  tempDir,
  testScenarios,
  type Client,
} from './test-support';

let data: Awaited<ReturnType<typeof tempDir>>;
let app: HubApp;
const sockets: Client[] = [];

async function open(): Promise<Client> {
  const s = await client(app.url);
  sockets.push(s);
  return s;
}

beforeEach(async () => {
  data = await tempDir();
  app = await hubOn(data.dir);
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await app.close();
  await data.remove();
});

async function createSession(mode: 'lockstep' | 'free', timerSeconds = 0, grouping: 'teams' | 'individuals' = 'teams') {
  const facilitator = await open();
  const created = await ok(facilitator, 'facilitator:create', { scenarioId: 'tutorial', mode, grouping, timerSeconds });
  const auth = { sessionId: created.sessionId, facilitatorToken: created.facilitatorToken };
  return { facilitator, created, auth };
}

async function join(code: string, teamName: string) {
  const socket = await open();
  const reply = await ok(socket, 'participant:join', { code, teamName });
  return { socket, reply };
}

function decisionNode(state: TeamState): string {
  const last = state.story[state.story.length - 1];
  if (last?.kind !== 'decision') throw new Error(`not at a decision: ${last?.kind ?? 'nothing'}`);
  return last.node;
}

describe('lockstep round', () => {
  it('opens a step for every team, takes answers, reveals how the room chose and moves on', async () => {
    const { facilitator, created, auth } = await createSession('lockstep');
    expect(created.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(created.state.status.status).toBe('lobby');

    const joinedSeen = nextTeam(facilitator, (t) => t.name === 'Blue');
    const a = await join(created.code, 'Red');
    const b = await join(created.code.toLowerCase(), 'Green');
    const c = await join(`${created.code.slice(0, 4)}-${created.code.slice(4)}`, 'Blue');
    expect((await joinedSeen).phase).toBe('waiting');
    expect(a.reply.state.phase).toBe('waiting');
    expect(a.reply.state.open).toBeNull();

    const opened = [a, b, c].map((p) => next(p.socket, 'team:state', (s) => s.open?.step === 1));
    const started = await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    expect(started.state.status).toMatchObject({ status: 'running', step: 1, phase: 'open' });
    const states = await Promise.all(opened);
    for (const s of states) expect(s).toMatchObject({ phase: 'deciding', open: { step: 1, node: 'need' } });

    // Two answer the best option, one the poor one; the facilitator sees each answer.
    const tallySeen = nextTally(facilitator, (t) => t.answered === 3);
    const r1 = await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    await ok(b.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    await ok(c.socket, 'participant:decide', { step: 1, node: 'need', option: 'product' });
    expect(r1.duplicate).toBe(false);
    expect(r1.state.phase).toBe('decided');
    expect(r1.state.story[0]).toMatchObject({ kind: 'feedback', chosen: { id: 'outcome' }, quality: 'best' });
    const tally = await tallySeen;
    expect(tally).toMatchObject({ step: 1, node: 'need' });
    // Charts list options in the session's own order, so compare by id.
    expect(Object.fromEntries(tally.options.map((o) => [o.id, o.count]))).toEqual({ outcome: 2, product: 1 });

    // A late answer to a closed step is refused.
    const revealSeen = next(c.socket, 'session:reveal');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'reveal' });
    const reveal = await revealSeen;
    expect(reveal.step).toBe(1);
    expect(reveal.tallies[0]!.options.find((o) => o.id === 'product')).toMatchObject({ count: 1, quality: 'poor' });
    expect(reveal.tallies[0]!.options[0]!.feedback.length).toBeGreaterThan(10);

    const step2 = next(a.socket, 'team:state', (s) => s.open?.step === 2);
    // Two facilitator screens (a reload, a co-facilitator) press "next" on step 1 at once: one step.
    const second = await open();
    await ok(second, 'facilitator:attach', auth);
    const [moved, twice] = await Promise.all([
      ok(facilitator, 'facilitator:control', { ...auth, action: 'next', seenStep: 1 }),
      ok(second, 'facilitator:control', { ...auth, action: 'next', seenStep: 1 }),
    ]);
    expect(moved.state.status).toMatchObject({ step: 2, phase: 'open' });
    expect(twice.state.status).toMatchObject({ step: 2, phase: 'open' });
    // …and a reveal meant for step 1 does not close step 2.
    const stale = await ok(second, 'facilitator:control', { ...auth, action: 'reveal', seenStep: 1 });
    expect(stale.state.status).toMatchObject({ step: 2, phase: 'open' });
    const s2 = await step2;
    expect(s2.open!.node).toBe(decisionNode(s2));
    const late = await call(c.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Team scores come from the hub's own runs: replaying the export's seeds and choices agrees.
    const exported = await ok(facilitator, 'facilitator:export', auth);
    const compiled = (await testScenarios()).get('tutorial')!;
    for (const team of exported.export.teams) {
      const run = Run.start(compiled, team.seed);
      for (let i = 0; run.view().kind !== 'decision' && i < 50; i++) run.continue();
      run.choose(team.decisions[0]!.option);
      expect(run.provisionalScore()).toEqual(team.score);
      expect(Object.fromEntries(run.metrics().map((m) => [m.id, m.value]))).toEqual(team.metrics);
    }
  });

  it('closes the step with the timer: a team that did not answer takes the timeout path', async () => {
    const { facilitator, created, auth } = await createSession('lockstep', 1);
    const a = await join(created.code, 'Fast');
    const b = await join(created.code, 'Asleep');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    const closed = await next(b.socket, 'team:state', (s) => s.decisions === 1, 4000);
    expect(closed.story[0]).toMatchObject({ kind: 'feedback', timedOut: true, chosen: { id: 'product' } });
    expect(closed.status.phase).toBe('closed');
    const late = await call(b.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(late).toMatchObject({ ok: false, error: { code: 'closed' } });
  });
});

describe('free pace', () => {
  it('lets each team open and answer its own decisions, with the clock enforced by the hub', async () => {
    const { facilitator, created, auth } = await createSession('free', 1);
    const a = await join(created.code, 'Solo');
    const notStarted = await call(a.socket, 'participant:open', { step: 1 });
    expect(notStarted).toMatchObject({ ok: false, error: { code: 'closed' } });
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    const reveal = await call(facilitator, 'facilitator:control', { ...auth, action: 'reveal' });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'state' } });

    const opened = await ok(a.socket, 'participant:open', { step: 1 });
    expect(opened.state).toMatchObject({ phase: 'deciding', open: { step: 1, node: 'need' } });
    expect(opened.state.open!.clock!.remainingMs).toBeLessThanOrEqual(1000);
    const decided = await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(decided.state.phase).toBe('reading');
    expect(decided.state.decisions).toBe(1);

    // Step 2: opened and left to run out.
    const wrongStep = await call(a.socket, 'participant:open', { step: 3 });
    expect(wrongStep).toMatchObject({ ok: false, error: { code: 'closed' } });
    const s2 = await ok(a.socket, 'participant:open', { step: 2 });
    const node2 = s2.state.open!.node;
    const timedOut = await next(a.socket, 'team:state', (s) => s.decisions === 2, 4000);
    expect(timedOut.story[0]).toMatchObject({ kind: 'feedback', node: node2, timedOut: true });

    const exported = await ok(facilitator, 'facilitator:export', auth);
    const decisions = exported.export.teams[0]!.decisions;
    expect(decisions.map((d) => [d.step, d.node, d.timedOut])).toEqual([
      [1, 'need', false],
      [2, node2, true],
    ]);
    expect(decisions[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(exported.export.tallies.find((t) => t.node === 'need')).toMatchObject({ step: null, answered: 1 });
  });

  it('pauses every clock and refuses answers until resumed', async () => {
    const { facilitator, created, auth } = await createSession('free', 2);
    const a = await join(created.code, 'P');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    await ok(a.socket, 'participant:open', { step: 1 });
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'pause' });
    await new Promise((r) => setTimeout(r, 2200));
    const paused = await call(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(paused).toMatchObject({ ok: false, error: { code: 'closed', message: 'The session is paused.' } });
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'resume' });
    const answered = await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(answered.state.story[0]).toMatchObject({ kind: 'feedback', timedOut: false });
  });
});

describe('duplicates and identity', () => {
  it('acknowledges a repeated answer without applying it twice, and refuses a different one', async () => {
    const { facilitator, created, auth } = await createSession('lockstep');
    const a = await join(created.code, 'Dup');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    const payload = { step: 1, node: 'need', option: 'product' };
    const [first, second] = await Promise.all([
      ok(a.socket, 'participant:decide', payload),
      ok(a.socket, 'participant:decide', payload),
    ]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(second.state.decisions).toBe(1);
    const other = await call(a.socket, 'participant:decide', { ...payload, option: 'outcome' });
    expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const exported = await ok(facilitator, 'facilitator:export', auth);
    expect(exported.export.teams[0]!.decisions).toHaveLength(1);
  });

  it('puts devices with the same team name on one team, and refuses a taken name for individuals', async () => {
    const teams = await createSession('lockstep');
    const a = await join(teams.created.code, 'Harbour');
    const b = await join(teams.created.code, '  harbour ');
    expect(b.reply.teamId).toBe(a.reply.teamId);
    expect(b.reply.resumeToken).not.toBe(a.reply.resumeToken);
    // One device answers; the other hears of it (the reply goes only to the one that asked).
    const opened = next(b.socket, 'team:state', (s) => s.open?.step === 1);
    await ok(teams.facilitator, 'facilitator:control', { ...teams.auth, action: 'start' });
    const step1 = await opened;
    const heard = next(b.socket, 'team:state', (s) => s.decisions === 1);
    await ok(a.socket, 'participant:decide', { step: 1, node: decisionNode(step1), option: 'outcome' });
    expect((await heard).answer).toEqual({ step: 1, option: 'outcome' });

    const solo = await createSession('lockstep', 0, 'individuals');
    await join(solo.created.code, 'Ana');
    const again = await call(await open(), 'participant:join', { code: solo.created.code, teamName: 'ANA' });
    expect(again).toMatchObject({ ok: false, error: { code: 'name-taken' } });
  });

  it('lets no one act without joining, post a score, or control without the token', async () => {
    const { created, auth } = await createSession('lockstep');
    const stranger = await open();
    const decide = await call(stranger, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(decide).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const a = await join(created.code, 'Cheat');
    const score = await call(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome', score: 100 });
    expect(score).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const asOther = await call(a.socket, 'participant:decide', {
      step: 1,
      node: 'need',
      option: 'outcome',
      teamId: 't2',
    });
    expect(asOther).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const wrong = { ...auth, facilitatorToken: 'f'.repeat(32) };
    for (const action of ['start', 'end'] as const) {
      expect(await call(a.socket, 'facilitator:control', { ...wrong, action })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await call(a.socket, 'facilitator:export', wrong)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(a.socket, 'facilitator:attach', wrong)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('faults', () => {
  it('refuses an answer it could not store, tells the facilitator what is stored, and takes it again', async () => {
    const { facilitator, created, auth } = await createSession('lockstep');
    const red = await join(created.code, 'Red');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    // A full disk, once: nothing else can make a write fail here.
    const store = app.store;
    const append = store.append.bind(store);
    store.append = () => Promise.reject(new Error('ENOSPC: no space left on device'));
    const reloaded = next(facilitator, 'facilitator:state', (s) => s.status.step === 1);
    const refused = await call(red.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    store.append = append;
    expect((await reloaded).teams).toMatchObject([{ name: 'Red', decisions: 0 }]);
    const again = await ok(red.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(again).toMatchObject({ duplicate: false, state: { decisions: 1 } });
    const exported = await ok(facilitator, 'facilitator:export', auth);
    expect(exported.export.teams[0]!.decisions.map((d) => d.option)).toEqual(['outcome']);
  });

  it('refuses malformed, unknown and oversized messages and keeps the session going', async () => {
    const { facilitator, created, auth } = await createSession('lockstep');
    const a = await join(created.code, 'Noisy');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    const r = raw(a.socket);
    expect(await r.timeout(2000).emitWithAck('participant:decide', 'nonsense')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(
      await r.timeout(2000).emitWithAck('participant:decide', { step: '1', node: 'need', option: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('step') as unknown },
    });
    expect(
      await r.timeout(2000).emitWithAck('participant:decide', { step: 1, node: 'need', option: 'nope' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('nope') as unknown },
    });
    expect(await r.timeout(2000).emitWithAck('admin:wipe', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    });
    expect(
      await r.timeout(2000).emitWithAck('participant:decide', { step: 1, node: 'need', option: 'x'.repeat(5000) }),
    ).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const noAck = next(a.socket, 'hub:error');
    r.emit('participant:join', { code: 42 });
    expect(await noAck).toMatchObject({ event: 'participant:join', code: 'invalid' });

    // A packet over the Socket.IO limit costs that connection only.
    const big = await open();
    const dropped = new Promise((resolve) => big.once('disconnect', resolve));
    raw(big).emit('participant:join', { code: created.code, teamName: 'x'.repeat(40_000) });
    await dropped;

    const answered = await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    expect(answered.state.decisions).toBe(1);
  });

  it('rate-limits wrong join codes and resume tokens per address', async () => {
    await app.close();
    app = await hubOn(data.dir, { hub: { joinRateLimit: { attempts: 3, windowMs: 60_000 } } });
    const { created } = await createSession('lockstep');
    const s = await open();
    for (let i = 0; i < 2; i++) {
      expect(await call(s, 'participant:join', { code: 'ZZZZZZZZ', teamName: 'guess' })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    expect(
      await call(s, 'participant:resume', { sessionId: created.sessionId, resumeToken: 'a'.repeat(32) }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(s, 'participant:join', { code: created.code, teamName: 'right code' })).toMatchObject({
      ok: false,
      error: { code: 'rate-limited' },
    });
  });
});

describe('reconnection', () => {
  it('brings a participant back to the same team with all progress, and a reloaded facilitator keeps control', async () => {
    const { facilitator, created, auth } = await createSession('lockstep', 30);
    const a = await join(created.code, 'Sleepy');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'next' });

    const gone = nextTeam(facilitator, (t) => t.connected === 0);
    a.socket.disconnect();
    expect((await gone).name).toBe('Sleepy');

    const phone = await open();
    const back = await ok(phone, 'participant:resume', {
      sessionId: created.sessionId,
      resumeToken: a.reply.resumeToken,
    });
    expect(back.teamId).toBe(a.reply.teamId);
    expect(back.state).toMatchObject({ decisions: 1, phase: 'deciding', open: { step: 2 } });
    expect(back.state.open!.clock!.remainingMs).toBeGreaterThan(20_000);

    facilitator.disconnect();
    const reloaded = await open();
    const attached = await ok(reloaded, 'facilitator:attach', auth);
    expect(attached.state.teams).toMatchObject([{ name: 'Sleepy', connected: 1, decisions: 1 }]);
    const teamSeen = nextTeam(reloaded, (t) => t.decisions === 2);
    await ok(phone, 'participant:decide', {
      step: 2,
      node: back.state.open!.node,
      option: back.state.open!.node === 'market' ? 'open-day' : 'quality-price',
    });
    expect((await teamSeen).answered).toBe(true);
    const ended = await ok(reloaded, 'facilitator:control', { ...auth, action: 'end' });
    expect(ended.state.status.status).toBe('ended');
  });
});

describe('hub restart', () => {
  it('restores every session from disk: teams, progress, clocks and control', async () => {
    const { facilitator, created, auth } = await createSession('lockstep', 1);
    const a = await join(created.code, 'Survivor');
    const b = await join(created.code, 'Idle');
    await ok(facilitator, 'facilitator:control', { ...auth, action: 'start' });
    await ok(a.socket, 'participant:decide', { step: 1, node: 'need', option: 'outcome' });
    const second = await createSession('free');
    const before = (await ok(facilitator, 'facilitator:export', auth)).export;

    for (const s of sockets.splice(0)) s.disconnect();
    await app.close();
    await new Promise((r) => setTimeout(r, 1100)); // the step's deadline passes while the hub is down
    app = await hubOn(data.dir);
    expect(app.hub.sessionCount).toBe(2);

    const f2 = await open();
    const attached = await ok(f2, 'facilitator:attach', auth);
    expect(attached.state.code).toBe(created.code);
    expect(attached.state.teams.map((t) => t.name)).toEqual(['Survivor', 'Idle']);
    // The missed deadline closed the step at once: Idle took the timeout path.
    const exported = await ok(f2, 'facilitator:export', auth);
    const survivor = exported.export.teams.find((t) => t.name === 'Survivor')!;
    expect(survivor.decisions).toEqual(before.teams.find((t) => t.name === 'Survivor')!.decisions);
    expect(exported.export.teams.find((t) => t.name === 'Idle')!.decisions).toMatchObject([{ timedOut: true }]);

    const phone = await open();
    const back = await ok(phone, 'participant:resume', {
      sessionId: created.sessionId,
      resumeToken: b.reply.resumeToken,
    });
    expect(back.state.decisions).toBe(1);
    expect(await call(await open(), 'facilitator:attach', second.auth)).toMatchObject({ ok: true });
    const rejoin = await call(await open(), 'participant:join', { code: second.created.code, teamName: 'New' });
    expect(rejoin).toMatchObject({ ok: true });
  });
});
