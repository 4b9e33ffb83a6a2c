// The session hub: Socket.IO handlers over the session state (src/session/state.ts) and a store
// (store.ts). Each command is validated with the protocol's schema, turned into events by the
// state's plan*, appended to the log (only if nobody appended meanwhile), applied, and broadcast.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import type { CompiledScenario } from '../src/engine';
import { parseEvent, type SessionEvent } from '../src/session/events';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_RATE_LIMIT,
  isClientCommand,
  parseCommand,
  tallyId,
  type ClientCommand,
  type ClientToHubEvents,
  type CommandPayload,
  type CommandReplies,
  type HubError,
  type HubToClientEvents,
  type Reply,
} from '../src/session/protocol';
import { SessionState, scenarioInfo, type Plan, type TeamRecord } from '../src/session/state';
import { RateLimiter } from './rate-limit';
import type { SessionStore, StoreMessage } from './store';

interface SocketData {
  /** The session and team this socket plays as (after join or resume). */
  team?: { sessionId: string; teamId: string };
}

type HubSocket = Socket<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;
export type HubNamespace = Namespace<ClientToHubEvents, HubToClientEvents, Record<string, never>, SocketData>;

export interface HubOptions {
  /** URLs the hub is reachable at, for the facilitator's QR code. */
  urls?: string[];
  joinRateLimit?: { attempts: number; windowMs: number };
  now?: () => number;
  log?: (message: string) => void;
}

const room = {
  session: (sid: string) => `s:${sid}`,
  facilitators: (sid: string) => `f:${sid}`,
  team: (sid: string, tid: string) => `t:${sid}:${tid}`,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(16).toString('hex');
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET.charAt(randomInt(JOIN_CODE_ALPHABET.length));
  return code;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

interface PendingUpdate {
  teams: Set<string>;
  tallies: Map<string, { step: number | null; node: string }>;
}

class HubFailure extends Error {
  constructor(readonly error: HubError) {
    super(error.message);
  }
}

const fail = (code: HubError['code'], message: string): never => {
  throw new HubFailure({ code, message });
};

export class Hub {
  private readonly sessions = new Map<string, SessionState>();
  private readonly loading = new Map<string, Promise<SessionState | undefined>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastWrite = new Map<string, Promise<boolean>>();
  private readonly presence = new Map<string, Map<string, number>>();
  /** What the facilitators have not heard of yet, per session: sent once per tick, not once per answer. */
  private readonly pending = new Map<string, PendingUpdate>();
  private flushing: NodeJS.Immediate | null = null;
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  /** Tells this process's own store messages from other processes'. */
  readonly origin = randomBytes(8).toString('hex');
  urls: string[];
  private closed = false;

  constructor(
    readonly io: HubNamespace,
    readonly store: SessionStore,
    readonly scenarios: ReadonlyMap<string, CompiledScenario>,
    options: HubOptions = {},
  ) {
    const limit = options.joinRateLimit ?? JOIN_RATE_LIMIT;
    this.limiter = new RateLimiter(limit.attempts, limit.windowMs);
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m) => console.log(m));
    this.urls = options.urls ?? [];
    io.on('connection', (socket) => this.connect(socket));
  }

  /** Restores every stored session (after a restart) and listens to other processes. */
  async start(): Promise<void> {
    await this.store.subscribe((m) => this.onStoreMessage(m));
    for (const sessionId of await this.store.list()) {
      try {
        await this.session(sessionId);
      } catch (e) {
        this.log(`Session ${sessionId} not restored: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  stop(): void {
    this.closed = true;
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    this.pending.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Sessions in memory

  /** The session, loaded (or caught up) from the store. */
  private async session(sessionId: string): Promise<SessionState | undefined> {
    const known = this.sessions.get(sessionId);
    if (known) {
      // Shared logs: answer from the latest state, not from before another process's append.
      if (this.store.shared) await this.locked(sessionId, () => this.catchUp(known));
      return known;
    }
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  private async load(sessionId: string): Promise<SessionState | undefined> {
    const raw = await this.store.read(sessionId, 0);
    if (raw.length === 0) return undefined;
    const events = raw.map((e, i) => parseEvent(e, `session ${sessionId} event ${i + 1}`));
    const created = events[0]!;
    if (created.type !== 'created') throw new Error(`session ${sessionId} does not start with "created".`);
    const compiled = this.scenarios.get(created.scenarioId);
    if (!compiled)
      throw new Error(`session ${sessionId} needs scenario "${created.scenarioId}", which the hub does not offer.`);
    const state = new SessionState(compiled, created);
    for (const e of events.slice(1)) state.apply(e);
    this.sessions.set(sessionId, state);
    const counts = await this.store.presenceAll(sessionId);
    this.presence.set(sessionId, new Map(Object.entries(counts)));
    this.schedule(state);
    return state;
  }

  /** Applies what other processes appended since this process last looked. */
  private async catchUp(state: SessionState): Promise<SessionEvent[]> {
    const raw = await this.store.read(state.meta.sessionId, state.seq);
    const events = raw.map((e, i) => parseEvent(e, `session ${state.meta.sessionId} event ${state.seq + i + 1}`));
    for (const e of events) state.apply(e);
    if (events.length > 0) this.schedule(state);
    return events;
  }

  private onStoreMessage(m: StoreMessage): void {
    if (m.origin === this.origin) return;
    if (m.kind === 'presence') {
      this.connectedMap(m.sessionId).set(m.teamId, m.count);
      return;
    }
    const state = this.sessions.get(m.sessionId);
    if (!state || state.seq >= m.seq) return;
    void this.locked(m.sessionId, () => this.catchUp(state)).catch((e: unknown) => {
      this.log(`Session ${m.sessionId}: catching up failed: ${String(e)}`);
    });
  }

  /** Runs `fn` after every earlier task of the same session. */
  private locked<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sessionId) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.locks.set(sessionId, tail);
    void tail.then(() => {
      if (this.locks.get(sessionId) === tail) this.locks.delete(sessionId);
    });
    return next;
  }

  /**
   * Plans a command on the current state, appends its events, applies and broadcasts them. If
   * another process appended first, catches up and plans again.
   */
  private execute<T>(state: SessionState, plan: (s: SessionState) => Plan<T>, replied?: string): Promise<T> {
    const sid = state.meta.sessionId;
    if (!this.store.shared) return this.executeLocal(state, plan, replied);
    return this.locked(sid, async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const p = plan(state);
        if (!p.ok) throw new HubFailure(p.error);
        if (p.events.length === 0) return p.result;
        if (!(await this.store.append(sid, state.seq, p.events))) {
          await this.catchUp(state);
          continue;
        }
        for (const e of p.events) state.apply(e);
        this.publish({ kind: 'log', sessionId: sid, seq: state.seq, origin: this.origin });
        this.schedule(state);
        this.broadcast(state, p.events, replied);
        return p.result;
      }
      return fail('internal', 'The hub is too busy to apply this now; try again.');
    });
  }

  /**
   * One process owns the log: plan, enqueue and apply at once (no other command can come in
   * between), then wait for the write before anyone hears of it. Writes of a burst of commands
   * go to disk together.
   */
  private async executeLocal<T>(state: SessionState, plan: (s: SessionState) => Plan<T>, replied?: string): Promise<T> {
    const sid = state.meta.sessionId;
    const p = plan(state);
    if (!p.ok) throw new HubFailure(p.error);
    if (p.events.length === 0) {
      // A duplicate is acknowledged only once what it repeats is on disk.
      await this.lastWrite.get(sid);
      return p.result;
    }
    const written = this.store.append(sid, state.seq, p.events);
    for (const e of p.events) state.apply(e);
    const settled = written.then(
      (ok) => ok,
      () => false,
    );
    this.lastWrite.set(sid, settled);
    this.schedule(state);
    if (!(await settled)) {
      // The state is ahead of the disk: drop it and reload what was stored. Updates that were
      // waiting may hold the unstored change: the facilitators get the stored state instead.
      this.sessions.delete(sid);
      this.pending.delete(sid);
      const timer = this.timers.get(sid);
      if (timer) clearTimeout(timer);
      void this.session(sid).then(
        (stored) => {
          if (stored) this.io.to(room.facilitators(sid)).emit('facilitator:state', this.facilitatorState(stored));
        },
        (e: unknown) => this.log(`Session ${sid}: reloading after a failed write failed: ${String(e)}`),
      );
      return fail('internal', 'The hub could not store this; nothing was applied. Try again.');
    }
    this.broadcast(state, p.events, replied);
    return p.result;
  }

  // -------------------------------------------------------------------------------------------
  // Clocks

  private schedule(state: SessionState): void {
    const sid = state.meta.sessionId;
    const existing = this.timers.get(sid);
    if (existing) clearTimeout(existing);
    this.timers.delete(sid);
    if (this.closed) return;
    const next = state.nextDeadline();
    if (next === null) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(sid);
        this.execute(state, (s) => ({ ok: true, events: s.planTimeouts(this.now()), result: {} })).catch((e: unknown) =>
          this.log(`Session ${sid}: timeout failed: ${String(e)}`),
        );
      },
      Math.max(0, next - this.now() + 1),
    );
    timer.unref();
    this.timers.set(sid, timer);
  }

  // -------------------------------------------------------------------------------------------
  // Broadcasts

  private connectedMap(sid: string): Map<string, number> {
    let m = this.presence.get(sid);
    if (!m) this.presence.set(sid, (m = new Map<string, number>()));
    return m;
  }

  private connected(sid: string, teamId: string): number {
    return this.presence.get(sid)?.get(teamId) ?? 0;
  }

  private facilitatorState(state: SessionState) {
    const sid = state.meta.sessionId;
    return state.facilitatorState(this.now(), this.urls, (t) => this.connected(sid, t));
  }

  /**
   * Sends a team its state; `except` is a socket whose command reply carries that state already.
   * With one process, a team whose only device is `except` gets nothing more (nothing is encoded).
   */
  private sendTeam(state: SessionState, team: TeamRecord, except?: string): void {
    const name = room.team(state.meta.sessionId, team.id);
    if (!this.store.shared) {
      const here = this.io.adapter.rooms.get(name);
      if (!here || (except !== undefined && here.size === 1 && here.has(except))) return;
    }
    const to = this.io.to(name);
    (except === undefined ? to : to.except(except)).emit('team:state', state.teamState(team, this.now()));
  }

  /** A team (and maybe a tally) changed: the facilitators hear of it in the next update. */
  private updateSoon(sid: string, teamId: string, tally?: { step: number | null; node: string }): void {
    let p = this.pending.get(sid);
    if (!p) this.pending.set(sid, (p = { teams: new Set(), tallies: new Map() }));
    p.teams.add(teamId);
    if (tally) p.tallies.set(tallyId(tally), tally);
    this.flushing ??= setImmediate(() => {
      this.flushing = null;
      for (const id of [...this.pending.keys()]) this.flush(id);
    });
  }

  /** One message per session and tick: the latest summaries of the teams and tallies that changed. */
  private flush(sid: string): void {
    const p = this.pending.get(sid);
    this.pending.delete(sid);
    const state = this.sessions.get(sid);
    if (!p || !state) return;
    this.io.to(room.facilitators(sid)).emit('facilitator:update', {
      sessionId: sid,
      seq: state.seq,
      teams: [...p.teams].map((id) => state.teamSummary(state.team(id), this.connected(sid, id))),
      tallies: [...p.tallies.values()].map(({ step, node }) => state.tally(step, node)),
    });
  }

  /**
   * Tells everyone concerned what `events` changed. `replied` is the socket that sent the command,
   * if its reply carries its team's state (so that state is not sent to it twice).
   */
  private broadcast(state: SessionState, events: SessionEvent[], replied?: string): void {
    const sid = state.meta.sessionId;
    const teams = new Set<string>();
    let whole = false;
    for (const e of events) {
      if ('teamId' in e) teams.add(e.teamId);
      else whole = true;
    }
    if (whole) {
      // The facilitator's full state below supersedes whatever update was waiting.
      this.pending.delete(sid);
      const now = this.now();
      this.io.to(room.session(sid)).emit('session:status', state.sessionStatus(now));
      for (const team of state.teams.values()) this.sendTeam(state, team);
      const revealed = events.find((e) => e.type === 'revealed');
      if (revealed) {
        const tallies = state.allTallies().filter((t) => t.step === revealed.step);
        this.io.to(room.session(sid)).emit('session:reveal', { step: revealed.step, tallies });
      }
      this.io.to(room.facilitators(sid)).emit('facilitator:state', this.facilitatorState(state));
      return;
    }
    for (const teamId of teams) {
      const team = state.team(teamId);
      this.sendTeam(state, team, replied);
      const decided = events.some((e) => (e.type === 'decided' || e.type === 'teamTimedOut') && e.teamId === teamId);
      const last = decided ? team.decisions[team.decisions.length - 1] : undefined;
      this.updateSoon(
        sid,
        teamId,
        last && { step: state.meta.mode === 'lockstep' ? last.step : null, node: last.node },
      );
    }
  }

  private publish(message: StoreMessage): void {
    this.store.publish(message).catch((e: unknown) => {
      if (!this.closed) this.log(`Could not tell the other hubs: ${String(e)}`);
    });
  }

  private async changePresence(state: SessionState, teamId: string, delta: number): Promise<void> {
    const sid = state.meta.sessionId;
    const count = await this.store.presence(sid, teamId, delta);
    this.connectedMap(sid).set(teamId, count);
    this.publish({ kind: 'presence', sessionId: sid, teamId, count, origin: this.origin });
    if (state.teams.has(teamId)) this.updateSoon(sid, teamId);
  }

  // -------------------------------------------------------------------------------------------
  // Sockets

  private connect(socket: HubSocket): void {
    const address = socket.handshake.address;
    const on = <C extends ClientCommand>(
      event: C,
      handler: (payload: CommandPayload<C>, replied: string | undefined) => Promise<CommandReplies[C]>,
    ): void => {
      // Socket.IO's typed `on` cannot see through the generic C; the listener checks everything itself.
      (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, (...args: unknown[]) => {
        const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
        const reply = (r: Reply<CommandReplies[C]>) => {
          if (ack) ack(r);
          else if (!r.ok) socket.emit('hub:error', { event, ...r.error });
        };
        const parsed = args.length > 1 ? null : parseCommand(event, args[0]);
        if (parsed === null) {
          reply({ ok: false, error: { code: 'invalid', message: `${event} takes one payload.` } });
          return;
        }
        if (!parsed.ok) {
          reply(parsed);
          return;
        }
        // With an acknowledgement, the reply reaches this socket; without one, only errors do.
        handler(parsed.value, ack ? socket.id : undefined).then(
          (result) => reply({ ok: true, ...result }),
          (e: unknown) => {
            if (e instanceof HubFailure) reply({ ok: false, error: e.error });
            else {
              this.log(`${event} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
              reply({ ok: false, error: { code: 'internal', message: 'The hub failed; nothing was applied.' } });
            }
          },
        );
      });
    };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (isClientCommand(event)) return;
      const ack = args[args.length - 1];
      const error = { code: 'unknown-event' as const, message: `Unknown event ${JSON.stringify(event).slice(0, 60)}.` };
      if (typeof ack === 'function') (ack as (r: unknown) => void)({ ok: false, error });
      else socket.emit('hub:error', { event: String(event).slice(0, 60), ...error });
    });

    on('hub:scenarios', () => Promise.resolve({ scenarios: [...this.scenarios.values()].map((c) => scenarioInfo(c)) }));

    on('facilitator:create', async (p) => {
      const compiled = this.scenarios.get(p.scenarioId) ?? fail('not-found', `No scenario "${p.scenarioId}" here.`);
      const sessionId = randomBytes(12).toString('base64url');
      let code = newJoinCode();
      while (!(await this.store.claimCode(code, sessionId))) code = newJoinCode();
      const facilitatorToken = newToken();
      const created: SessionEvent = {
        type: 'created',
        at: this.now(),
        sessionId,
        code,
        facilitatorHash: hashToken(facilitatorToken),
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        mode: p.mode,
        grouping: p.grouping,
        timerSeconds: p.timerSeconds,
        title: p.title ?? compiled.scenario.title,
      };
      const state = new SessionState(compiled, created);
      if (!(await this.store.append(sessionId, 0, [created]))) fail('internal', 'The session could not be stored.');
      this.sessions.set(sessionId, state);
      this.bindFacilitator(socket, sessionId);
      this.log(`Session ${sessionId} (${code}) created: ${compiled.scenario.id}, ${p.mode}, ${p.grouping}.`);
      return { sessionId, code, facilitatorToken, state: this.facilitatorState(state) };
    });

    const asFacilitator = async (p: { sessionId: string; facilitatorToken: string }) => {
      const state = await this.session(p.sessionId);
      if (!state || !sameHash(state.meta.facilitatorHash, hashToken(p.facilitatorToken))) {
        // Same answer for "no such session" and "wrong token": neither tells which.
        return fail('forbidden', 'This facilitator token does not control that session.');
      }
      return state;
    };

    on('facilitator:attach', async (p) => {
      const state = await asFacilitator(p);
      this.bindFacilitator(socket, state.meta.sessionId);
      return { state: this.facilitatorState(state) };
    });

    on('facilitator:control', async (p) => {
      const state = await asFacilitator(p);
      this.bindFacilitator(socket, state.meta.sessionId);
      await this.execute(state, (s) => s.planControl(p.action, this.now(), p.seenStep));
      return { state: this.facilitatorState(state) };
    });

    on('facilitator:export', async (p) => {
      const state = await asFacilitator(p);
      return { export: state.exportData(this.now()) };
    });

    const limited = () => {
      if (!this.limiter.allowed(address, this.now())) {
        const seconds = Math.ceil(this.limiter.retryAfter(address, this.now()) / 1000);
        fail('rate-limited', `Too many attempts from this device; try again in ${seconds} s.`);
      }
    };

    on('participant:join', async (p) => {
      limited();
      const sessionId = await this.store.lookupCode(p.code);
      const state = sessionId === undefined ? undefined : await this.session(sessionId);
      if (!state) {
        this.limiter.fail(address, this.now());
        return fail('not-found', 'No session has this code. Check it with your facilitator.');
      }
      const resumeToken = newToken();
      const fresh = { seed: randomInt(1, 2 ** 31 - 1), tokenHash: hashToken(resumeToken) };
      const { teamId } = await this.execute(state, (s) => s.planJoin(p.teamName, this.now(), fresh));
      await this.bindTeam(socket, state, teamId);
      return {
        sessionId: state.meta.sessionId,
        teamId,
        resumeToken,
        state: state.teamState(state.team(teamId), this.now()),
      };
    });

    on('participant:resume', async (p) => {
      limited();
      const state = await this.session(p.sessionId);
      const team = state?.teamByToken(hashToken(p.resumeToken));
      if (!state || !team) {
        this.limiter.fail(address, this.now());
        return fail('forbidden', 'This resume token does not belong to a team of that session.');
      }
      await this.bindTeam(socket, state, team.id);
      return { teamId: team.id, state: state.teamState(team, this.now()) };
    });

    const asTeam = async () => {
      const bound = socket.data.team ?? fail('forbidden', 'Join or resume a session first.');
      const state = (await this.session(bound.sessionId)) ?? fail('not-found', 'This session is gone.');
      return { state, teamId: bound.teamId };
    };

    on('participant:open', async (p, replied) => {
      const { state, teamId } = await asTeam();
      await this.execute(state, (s) => s.planOpen(teamId, p.step, this.now()), replied);
      return { state: state.teamState(state.team(teamId), this.now()) };
    });

    on('participant:decide', async (p, replied) => {
      const { state, teamId } = await asTeam();
      const { duplicate } = await this.execute(state, (s) => s.planDecide(teamId, p, this.now()), replied);
      return { duplicate, state: state.teamState(state.team(teamId), this.now()) };
    });

    socket.on('disconnect', () => {
      const bound = socket.data.team;
      if (!bound || this.closed) return;
      const state = this.sessions.get(bound.sessionId);
      if (state) void this.changePresence(state, bound.teamId, -1).catch(() => undefined);
    });
  }

  /** Facilitator pushes reach this socket (control needs the token with every command anyway). */
  private bindFacilitator(socket: HubSocket, sessionId: string): void {
    void socket.join([room.facilitators(sessionId), room.session(sessionId)]);
  }

  private async bindTeam(socket: HubSocket, state: SessionState, teamId: string): Promise<void> {
    const sid = state.meta.sessionId;
    const previous = socket.data.team;
    if (previous && previous.sessionId === sid && previous.teamId === teamId) return;
    if (previous) {
      void socket.leave(room.team(previous.sessionId, previous.teamId));
      const old = this.sessions.get(previous.sessionId);
      if (old) await this.changePresence(old, previous.teamId, -1);
    }
    socket.data.team = { sessionId: sid, teamId };
    await socket.join([room.session(sid), room.team(sid, teamId)]);
    await this.changePresence(state, teamId, 1);
  }
}
