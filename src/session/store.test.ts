// The session client and UI store against a real hub on loopback (server/test-support): a
// facilitator store and three participant stores run a lockstep round, a participant's
// connection drops and comes back to the same team, and the results are exported and kept in
// IndexedDB (fake-indexeddb) even after the hub is gone.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubApp } from '../../server/app';
import { hubOn, tempDir } from '../../server/test-support';
import { connectSession, SessionError, type SessionClient } from './client';
import { turningPoints } from './debrief';
import { CSV_COLUMNS, exportToCsv } from './export';
import type { TeamState } from './protocol';
import { WorkshopRecords } from './records';
import { createSessionStore, FACILITATOR_KEY, initialRole, PARTICIPANT_KEY, type SessionStore } from './store';

class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

let data: Awaited<ReturnType<typeof tempDir>>;
let app: HubApp;
const clients: SessionClient[] = [];

beforeEach(async () => {
  data = await tempDir();
  app = await hubOn(data.dir);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await app.close();
  await data.remove();
});

function storeFor(storage = new MemoryStorage(), records: WorkshopRecords | null = null) {
  const store = createSessionStore({
    connect: async () => {
      const c = await connectSession(app.url, { timeoutMs: 3000 });
      clients.push(c);
      return c;
    },
    storage,
    records,
  });
  return { store, storage };
}

async function until<T>(
  store: SessionStore,
  pick: (s: ReturnType<SessionStore['getState']>) => T | null | undefined | false,
) {
  for (let i = 0; i < 200; i++) {
    const value = pick(store.getState());
    if (value) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out; state: ${JSON.stringify({ ...store.getState(), past: undefined }).slice(0, 400)}`);
}

function decision(team: TeamState) {
  const last = team.story[team.story.length - 1];
  if (last?.kind !== 'decision') throw new Error(`not at a decision: ${last?.kind ?? 'none'}`);
  return last;
}

describe('session store with a real hub', () => {
  it('runs a lockstep round, survives a dropped connection and keeps the export after the hub is gone', async () => {
    const records = new WorkshopRecords({ indexedDB: new IDBFactory(), IDBKeyRange });
    const f = storeFor(new MemoryStorage(), records);
    f.store.getState().openFacilitator();
    const scenarios = await until(f.store, (s) => s.scenarios);
    expect(scenarios.map((s) => s.id)).toContain('tutorial');
    expect(
      await f.store.getState().create({
        scenarioId: 'tutorial',
        mode: 'lockstep',
        grouping: 'teams',
        timerSeconds: 0,
        title: 'Test room',
      }),
    ).toBe(true);
    const code = f.store.getState().facilitator!.code;
    expect(JSON.parse(f.storage.getItem(FACILITATOR_KEY)!)).toHaveProperty(
      'sessionId',
      f.store.getState().facilitator!.sessionId,
    );

    const names = ['Red', 'Green', 'Blue'];
    const players = names.map(() => storeFor());
    for (const [i, p] of players.entries()) {
      p.store.getState().openJoin();
      expect(await p.store.getState().join(code.toLowerCase(), names[i]!)).toBe(true);
    }
    await until(f.store, (s) => s.facilitator?.teams.length === 3);

    expect(await f.store.getState().control('start')).toBe(true);
    for (const p of players) await until(p.store, (s) => s.team?.phase === 'deciding');
    for (const p of players) {
      const d = decision(p.store.getState().team!);
      expect(await p.store.getState().decide(d.options[0]!.id)).toBe(true);
      expect(p.store.getState().team!.phase).toBe('decided');
    }
    await until(f.store, (s) => s.facilitator?.tallies.some((t) => t.step === 1 && t.answered === 3));
    // The batched updates replaced each team's row in place: three rows, each one decision in.
    await until(f.store, (s) => s.facilitator?.teams.every((t) => t.decisions === 1 && t.answered));
    expect(f.store.getState().facilitator!.teams.map((t) => t.name)).toEqual(names);

    expect(await f.store.getState().control('reveal')).toBe(true);
    const reveal = await until(players[1]!.store, (s) => s.team?.reveal);
    expect(reveal[0]!.answered).toBe(3);

    // Blue's connection drops; the client reconnects on its own and resumes as the same team.
    const blue = players[2]!;
    const teamId = blue.store.getState().team!.teamId;
    // Clients connect in order: the facilitator's, then Red's, Green's and Blue's.
    const blueClient = clients[3]!;
    (blueClient.socket as unknown as { io: { engine: { close(): void } } }).io.engine.close();
    await until(blue.store, (s) => s.connection === 'reconnecting');
    await until(blue.store, (s) => s.connection === 'connected');
    expect(await f.store.getState().control('next')).toBe(true);
    await until(blue.store, (s) => s.team?.phase === 'deciding' && s.team.teamId === teamId);
    expect(blue.store.getState().team!.decisions).toBe(1);

    // A reload: a new store with the same storage resumes the team.
    const reloaded = storeFor(blue.storage);
    expect(initialRole('', blue.storage)).toEqual({ role: 'participant' });
    reloaded.store.getState().openJoin();
    const again = await until(reloaded.store, (s) => s.team);
    expect(again.teamId).toBe(teamId);
    expect(again.decisions).toBe(1);

    // A facilitator who reloads keeps control.
    const f2 = storeFor(f.storage, records);
    expect(initialRole('?join=abcd-efgh', f.storage)).toEqual({ role: 'participant', code: 'abcd-efgh' });
    expect(initialRole('', f.storage)).toEqual({ role: 'facilitator' });
    f2.store.getState().openFacilitator();
    await until(f2.store, (s) => s.facilitator?.teams.length === 3);
    expect(await f2.store.getState().control('end')).toBe(true);
    const exported = await until(f2.store, (s) => s.lastExport);
    expect(exported.teams).toHaveLength(3);

    const csv = exportToCsv(exported).trim().split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    // Three teams, each with two decisions (step 1 answered, step 2 taken by the timeout path at end).
    expect(csv.length - 1).toBe(exported.teams.reduce((n, t) => n + Math.max(1, t.decisions.length), 0));
    expect(csv.filter((r) => r.includes(',Blue,')).length).toBeGreaterThanOrEqual(1);
    expect(turningPoints(exported).length).toBeGreaterThan(0);

    // The hub goes away; the facilitator's copy stays.
    for (const c of clients.splice(0)) c.close();
    await app.close();
    app = await hubOn(data.dir);
    const saved = await records.get(exported.session.sessionId);
    expect(saved?.export?.teams.map((t) => t.name).sort()).toEqual(['Blue', 'Green', 'Red']);
    expect((await records.list()).map((r) => r.code)).toEqual([code]);
    records.close();
  });

  it('refuses a wrong code with not-found and keeps no credentials', async () => {
    const p = storeFor();
    p.store.getState().openJoin('2222-2222');
    expect(await p.store.getState().join('2222-2222', 'Red')).toBe(false);
    expect(p.store.getState().problem?.code).toBe('not-found');
    expect(p.storage.getItem(PARTICIPANT_KEY)).toBeNull();
  });

  it('says the hub is unreachable when nothing answers, instead of waiting forever', async () => {
    const port = app.port;
    await app.close();
    const client = await connectSession(`http://127.0.0.1:${port}`, { unreachableAfter: 1 });
    clients.push(client);
    const status = await new Promise((resolve) => client.onStatus(resolve));
    expect(status).toBe('unreachable');
    await expect(client.call('hub:scenarios', {})).rejects.toBeInstanceOf(SessionError);
    app = await hubOn(data.dir);
  });
});
