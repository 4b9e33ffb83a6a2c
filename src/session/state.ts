// The state of one session: a reducer over its event log (events.ts), plus the checks that turn
// a command into events (plan*), and the views the hub sends (protocol.ts). Pure: no I/O, no
// clock, no randomness — the hub passes the time, seeds and token hashes in. Every team's run is
// the engine's Run, so metrics and scores are recomputed from decisions, never taken from a client.
import { Run, seedState, shuffled, type CompiledScenario, type DecisionNode, type NodeView } from '../engine';
import type { SessionEvent, SessionEventOf } from './events';
import {
  MAX_TEAMS_PER_SESSION,
  type ControlAction,
  type ErrorCode,
  type FacilitatorState,
  type Grouping,
  type HubError,
  type Mode,
  type ScenarioInfo,
  type SessionExport,
  type SessionNodeView,
  type SessionStatus,
  type SessionStatusMessage,
  type StepPhase,
  type Tally,
  type TeamPhase,
  type TeamState,
  type TeamSummary,
} from './protocol';

export type Plan<T = object> = { ok: true; events: SessionEvent[]; result: T } | { ok: false; error: HubError };

function refuse(code: ErrorCode, message: string): { ok: false; error: HubError } {
  return { ok: false, error: { code, message } };
}

type ExportDecision = SessionExport['teams'][number]['decisions'][number];

interface OpenDecision {
  step: number;
  node: string;
  openedAt: number;
  /** Free pace: the team's own deadline (lockstep uses the session's clock). */
  deadline: number | null;
  /** While paused: the time that was left. */
  remainingMs: number | null;
}

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
  readonly seed: number;
  readonly joinedAt: number;
  readonly run: Run;
  story: SessionNodeView[];
  readonly decisions: ExportDecision[];
  open: OpenDecision | null;
  answer: { step: number; option: string } | null;
  /**
   * Lockstep: the score, stars and ending as they stood when the current step opened (or when the
   * team joined during it). The projector's leaderboard shows these until the step is revealed, so
   * it never tells who chose well before the reveal.
   */
  standing: Standing | null;
}

interface Standing {
  score: number;
  stars: number;
  ending: TeamSummary['ending'];
}

interface TallyCounts {
  step: number | null;
  node: string;
  answered: number;
  counts: Map<string, { count: number; timedOut: number }>;
}

export interface SessionMeta {
  sessionId: string;
  code: string;
  facilitatorHash: string;
  title: string;
  mode: Mode;
  grouping: Grouping;
  timerSeconds: number;
  createdAt: number;
}

/** Whitespace-insensitive, case-insensitive key of a team name. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
}

export function scenarioInfo(compiled: CompiledScenario): ScenarioInfo {
  const s = compiled.scenario;
  const analysis = compiled.analysis();
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    summary: s.summary,
    lang: s.lang,
    minutes: s.minutes,
    maxDecisions: analysis.decisionsPerRun?.max ?? analysis.decisionCount,
  };
}

export class SessionState {
  readonly meta: SessionMeta;
  readonly info: ScenarioInfo;
  status: SessionStatus = 'lobby';
  /** Lockstep: the current step; 0 before the first. */
  step = 0;
  phase: StepPhase | null = null;
  /** Lockstep clock of the open step. */
  private deadline: number | null = null;
  private remainingMs: number | null = null;
  endedAt: number | null = null;
  /** Events applied so far (the log's length). */
  seq = 0;
  readonly teams = new Map<string, TeamRecord>();
  private readonly byName = new Map<string, string>();
  private readonly byToken = new Map<string, string>();
  private readonly tallies = new Map<string, TallyCounts>();
  /** Lockstep: the tallies of each revealed step. */
  private readonly reveals = new Map<number, Tally[]>();
  private readonly results = new WeakMap<TeamRecord, NonNullable<ReturnType<Run['result']>>>();
  /** Orders the options in charts (see tally()): from the session id, so the same on every hub. */
  private readonly chartSeed: number;

  /** Starts a state from the log's first event, which must be `created`. */
  constructor(
    readonly compiled: CompiledScenario,
    created: SessionEvent,
  ) {
    if (created.type !== 'created') throw new Error(`A session log starts with "created", not "${created.type}".`);
    const { scenario } = compiled;
    if (created.scenarioId !== scenario.id || created.scenarioVersion !== scenario.version) {
      throw new Error(
        `Session ${created.sessionId} was played with ${created.scenarioId} ${created.scenarioVersion}; the hub has ${scenario.id} ${scenario.version}.`,
      );
    }
    this.chartSeed = seedState(created.sessionId);
    this.meta = {
      sessionId: created.sessionId,
      code: created.code,
      facilitatorHash: created.facilitatorHash,
      title: created.title,
      mode: created.mode,
      grouping: created.grouping,
      timerSeconds: created.timerSeconds,
      createdAt: created.at,
    };
    this.info = scenarioInfo(compiled);
    this.seq = 1;
  }

  // -------------------------------------------------------------------------------------------
  // The reducer

  /** Applies the next event of the log. Throws if the event cannot follow (a damaged log). */
  apply(event: SessionEvent): void {
    switch (event.type) {
      case 'created':
        throw new Error('A session is created only once.');
      case 'joined':
        this.onJoined(event);
        break;
      case 'device':
        this.team(event.teamId);
        this.byToken.set(event.tokenHash, event.teamId);
        break;
      case 'started':
        this.status = 'running';
        break;
      case 'paused':
        this.onPaused(event.at);
        break;
      case 'resumed':
        this.onResumed(event.at);
        break;
      case 'stepOpened':
        this.onStepOpened(event);
        break;
      case 'stepClosed':
        for (const team of this.teams.values()) {
          if (team.open) this.timeOut(team, event.at);
        }
        this.phase = 'closed';
        this.deadline = null;
        this.remainingMs = null;
        break;
      case 'revealed':
        this.phase = 'revealed';
        this.reveals.set(event.step, this.talliesOfStep(event.step));
        break;
      case 'opened': {
        const team = this.team(event.teamId);
        const node = this.decisionAt(team);
        const seconds = this.timerFor(node);
        team.open = {
          step: event.step,
          node: node.id,
          openedAt: event.at,
          deadline: seconds > 0 ? event.at + seconds * 1000 : null,
          remainingMs: null,
        };
        break;
      }
      case 'decided':
        this.onDecided(event);
        break;
      case 'teamTimedOut': {
        const team = this.team(event.teamId);
        if (team.open) this.timeOut(team, event.at);
        break;
      }
      case 'ended':
        this.status = 'ended';
        this.endedAt = event.at;
        this.deadline = null;
        this.remainingMs = null;
        for (const team of this.teams.values()) team.open = null;
        break;
    }
    this.seq++;
  }

  private onJoined(event: SessionEventOf<'joined'>): void {
    if (this.teams.has(event.teamId)) throw new Error(`Team ${event.teamId} joined twice.`);
    const run = Run.start(this.compiled, event.seed);
    const team: TeamRecord = {
      id: event.teamId,
      name: event.name,
      seed: event.seed,
      joinedAt: event.at,
      run,
      story: advance(run),
      decisions: [],
      open: null,
      answer: null,
      standing: null,
    };
    this.teams.set(team.id, team);
    this.byName.set(nameKey(team.name), team.id);
    this.byToken.set(event.tokenHash, team.id);
    // Lockstep: a team that joins while a step is open answers it like everyone else.
    if (this.meta.mode === 'lockstep' && this.phase === 'open' && !run.finished) {
      team.standing = this.liveStanding(team);
      team.open = {
        step: this.step,
        node: this.decisionAt(team).id,
        openedAt: event.at,
        deadline: null,
        remainingMs: null,
      };
    }
  }

  private onPaused(at: number): void {
    this.status = 'paused';
    if (this.deadline !== null) {
      this.remainingMs = Math.max(0, this.deadline - at);
      this.deadline = null;
    }
    for (const team of this.teams.values()) {
      if (team.open?.deadline != null) {
        team.open.remainingMs = Math.max(0, team.open.deadline - at);
        team.open.deadline = null;
      }
    }
  }

  private onResumed(at: number): void {
    this.status = 'running';
    if (this.remainingMs !== null) {
      this.deadline = at + this.remainingMs;
      this.remainingMs = null;
    }
    for (const team of this.teams.values()) {
      if (team.open?.remainingMs != null) {
        team.open.deadline = at + team.open.remainingMs;
        team.open.remainingMs = null;
      }
    }
  }

  private onStepOpened(event: SessionEventOf<'stepOpened'>): void {
    this.step = event.step;
    this.phase = 'open';
    this.deadline = this.meta.timerSeconds > 0 ? event.at + this.meta.timerSeconds * 1000 : null;
    this.remainingMs = null;
    for (const team of this.teams.values()) {
      team.answer = null;
      team.standing = this.liveStanding(team);
      team.open = team.run.finished
        ? null
        : { step: event.step, node: this.decisionAt(team).id, openedAt: event.at, deadline: null, remainingMs: null };
    }
  }

  private onDecided(event: SessionEventOf<'decided'>): void {
    const team = this.team(event.teamId);
    const open = team.open;
    if (!open || open.step !== event.step || open.node !== event.node) {
      throw new Error(`Team ${team.id} decided step ${event.step} at ${event.node}, which was not open.`);
    }
    team.run.choose(event.option);
    this.record(team, open, event.at, false);
    team.answer = { step: event.step, option: event.option };
  }

  /** The timeout path: the decision's onTimeout option, or else its weakest option. */
  private timeOut(team: TeamRecord, at: number): void {
    const open = team.open!;
    const node = this.decisionAt(team);
    if (node.timer) team.run.timeout();
    else team.run.choose(weakestOption(node));
    this.record(team, open, at, true);
  }

  private record(team: TeamRecord, open: OpenDecision, at: number, timedOut: boolean): void {
    const last = team.run.lastDecision()!;
    team.decisions.push({
      step: open.step,
      node: last.node,
      option: last.option,
      quality: last.quality,
      timedOut,
      changes: last.changes,
      ms: timedOut ? null : at - open.openedAt,
      at,
    });
    team.open = null;
    team.story = advance(team.run, timedOut);
    const key = this.tallyKey(open.step, last.node);
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        step: this.meta.mode === 'lockstep' ? open.step : null,
        node: last.node,
        answered: 0,
        counts: new Map(),
      };
      this.tallies.set(key, tally);
    }
    tally.answered++;
    const c = tally.counts.get(last.option) ?? { count: 0, timedOut: 0 };
    c.count++;
    if (timedOut) c.timedOut++;
    tally.counts.set(last.option, c);
  }

  private tallyKey(step: number, node: string): string {
    return this.meta.mode === 'lockstep' ? `${step}\u0000${node}` : node;
  }

  team(teamId: string): TeamRecord {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`No team ${teamId} in session ${this.meta.sessionId}.`);
    return team;
  }

  /** Where the team's run stands: the end of its story (advance() always stops at a decision or an ending). */
  private current(team: TeamRecord): SessionNodeView {
    return team.story[team.story.length - 1]!;
  }

  private decisionAt(team: TeamRecord): DecisionNode {
    const view = this.current(team);
    if (view.kind !== 'decision') throw new Error(`Team ${team.id} is not at a decision (at ${view.node}).`);
    return this.compiled.nodes.get(view.node) as DecisionNode;
  }

  /** Seconds per decision: the session's timer, or in free pace the decision's own timer. */
  private timerFor(node: DecisionNode): number {
    if (this.meta.timerSeconds > 0) return this.meta.timerSeconds;
    return this.meta.mode === 'free' ? (node.timer?.seconds ?? 0) : 0;
  }

  // -------------------------------------------------------------------------------------------
  // Lookups

  teamByToken(tokenHash: string): TeamRecord | undefined {
    const id = this.byToken.get(tokenHash);
    return id === undefined ? undefined : this.teams.get(id);
  }

  /** The earliest deadline still to enforce, if any (paused: none). */
  nextDeadline(): number | null {
    if (this.status !== 'running') return null;
    let next = this.phase === 'open' ? this.deadline : null;
    if (this.meta.mode === 'free') {
      for (const team of this.teams.values()) {
        const d = team.open?.deadline;
        if (d != null && (next === null || d < next)) next = d;
      }
    }
    return next;
  }

  // -------------------------------------------------------------------------------------------
  // Commands → events

  planJoin(
    name: string,
    now: number,
    fresh: { seed: number; tokenHash: string },
  ): Plan<{ teamId: string; created: boolean }> {
    if (this.status === 'ended') return refuse('closed', 'This session has ended.');
    const existing = this.byName.get(nameKey(name));
    if (existing !== undefined) {
      if (this.meta.grouping === 'individuals') {
        return refuse('name-taken', `The name "${name}" is taken in this session; choose another.`);
      }
      return {
        ok: true,
        events: [{ type: 'device', at: now, teamId: existing, tokenHash: fresh.tokenHash }],
        result: { teamId: existing, created: false },
      };
    }
    if (this.teams.size >= MAX_TEAMS_PER_SESSION) {
      return refuse('full', `This session is full (${MAX_TEAMS_PER_SESSION} teams).`);
    }
    const teamId = `t${this.teams.size + 1}`;
    return {
      ok: true,
      events: [{ type: 'joined', at: now, teamId, name, seed: fresh.seed, tokenHash: fresh.tokenHash }],
      result: { teamId, created: true },
    };
  }

  /**
   * `seenStep`: the step the facilitator's screen showed (see controlSchema); a `next` or `reveal`
   * for a step already left is a no-op.
   */
  planControl(action: ControlAction, now: number, seenStep?: number): Plan {
    const lockstep = this.meta.mode === 'lockstep';
    const ok = (...events: SessionEvent[]): Plan => ({ ok: true, events, result: {} });
    if (this.status === 'ended') return refuse('state', 'This session has ended.');
    if ((action === 'next' || action === 'reveal') && seenStep !== undefined && seenStep !== this.step) return ok();
    switch (action) {
      case 'start':
        if (this.status !== 'lobby') return refuse('state', 'The session has already started.');
        return lockstep
          ? ok({ type: 'started', at: now }, { type: 'stepOpened', at: now, step: 1 })
          : ok({ type: 'started', at: now });
      case 'pause':
        if (this.status !== 'running') return refuse('state', 'Only a running session can be paused.');
        return ok({ type: 'paused', at: now });
      case 'resume':
        if (this.status !== 'paused') return refuse('state', 'The session is not paused.');
        return ok({ type: 'resumed', at: now });
      case 'reveal': {
        if (!lockstep) return refuse('state', 'Reveal is for lockstep sessions; in free pace the tallies are live.');
        if (this.phase === null) return refuse('state', 'No step to reveal yet.');
        if (this.phase === 'revealed') return ok();
        const events: SessionEvent[] = [];
        if (this.phase === 'open') events.push({ type: 'stepClosed', at: now, step: this.step });
        events.push({ type: 'revealed', at: now, step: this.step });
        return ok(...events);
      }
      case 'next': {
        if (!lockstep) return refuse('state', 'Next is for lockstep sessions; in free pace teams move on themselves.');
        if (this.status !== 'running') return refuse('state', 'Start or resume the session first.');
        if (this.teams.size > 0 && [...this.teams.values()].every((t) => t.run.finished)) {
          return refuse('state', 'Every team has reached an ending; end the session.');
        }
        const events: SessionEvent[] = [];
        if (this.phase === 'open') events.push({ type: 'stepClosed', at: now, step: this.step });
        events.push({ type: 'stepOpened', at: now, step: this.step + 1 });
        return ok(...events);
      }
      case 'end': {
        const events: SessionEvent[] = [];
        if (lockstep && this.phase === 'open') events.push({ type: 'stepClosed', at: now, step: this.step });
        events.push({ type: 'ended', at: now });
        return ok(...events);
      }
    }
  }

  private answeredNow(team: TeamRecord): boolean {
    return team.answer !== null && team.answer.step === this.step;
  }

  planOpen(teamId: string, step: number, now: number): Plan {
    const team = this.team(teamId);
    if (this.meta.mode !== 'free') return refuse('state', 'In lockstep the facilitator opens each step.');
    if (this.status !== 'running') return refuse('closed', this.closedReason());
    if (team.run.finished) return refuse('closed', 'Your team has reached an ending.');
    const expected = team.decisions.length + 1;
    if (team.open) {
      if (team.open.step === step) return { ok: true, events: [], result: {} };
      return refuse('closed', `Decision ${team.open.step} is open, not ${step}.`);
    }
    if (step !== expected) return refuse('closed', `Your next decision is step ${expected}, not ${step}.`);
    return { ok: true, events: [{ type: 'opened', at: now, teamId, step }], result: {} };
  }

  planDecide(
    teamId: string,
    input: { step: number; node: string; option: string },
    now: number,
  ): Plan<{ duplicate: boolean }> {
    const team = this.team(teamId);
    const done = team.decisions.find((d) => d.step === input.step);
    if (done) {
      if (done.timedOut) return refuse('closed', `Time ran out for step ${input.step}; the timeout path applied.`);
      if (done.node === input.node && done.option === input.option) {
        return { ok: true, events: [], result: { duplicate: true } };
      }
      return refuse('conflict', `Step ${input.step} was already answered with "${done.option}".`);
    }
    if (this.status !== 'running') return refuse('closed', this.closedReason());
    const open = team.open;
    if (!open || open.step !== input.step) {
      return refuse(
        'closed',
        open ? `Step ${open.step} is open, not ${input.step}.` : `Step ${input.step} is not open.`,
      );
    }
    if (open.node !== input.node) return refuse('closed', `Your decision now is "${open.node}", not "${input.node}".`);
    const deadline = this.meta.mode === 'lockstep' ? this.deadline : open.deadline;
    if (deadline !== null && now > deadline) return refuse('closed', `Time ran out for step ${input.step}.`);
    const node = this.compiled.nodes.get(open.node) as DecisionNode;
    if (!node.options.some((o) => o.id === input.option)) {
      return refuse('invalid', `Decision "${node.id}" has no option "${input.option}".`);
    }
    return {
      ok: true,
      events: [{ type: 'decided', at: now, teamId, step: input.step, node: input.node, option: input.option }],
      result: { duplicate: false },
    };
  }

  /** The events that clocks past their deadline call for. */
  planTimeouts(now: number): SessionEvent[] {
    if (this.status !== 'running') return [];
    if (this.meta.mode === 'lockstep') {
      return this.phase === 'open' && this.deadline !== null && now >= this.deadline
        ? [{ type: 'stepClosed', at: now, step: this.step }]
        : [];
    }
    const events: SessionEvent[] = [];
    for (const team of this.teams.values()) {
      if (team.open?.deadline != null && now >= team.open.deadline) {
        events.push({ type: 'teamTimedOut', at: now, teamId: team.id, step: team.open.step });
      }
    }
    return events;
  }

  private closedReason(): string {
    if (this.status === 'lobby') return 'The session has not started yet.';
    if (this.status === 'paused') return 'The session is paused.';
    return 'This session has ended.';
  }

  // -------------------------------------------------------------------------------------------
  // Views

  sessionStatus(now: number): SessionStatusMessage {
    return {
      sessionId: this.meta.sessionId,
      status: this.status,
      mode: this.meta.mode,
      step: this.step,
      phase: this.phase,
      clock: clock(this.deadline, this.remainingMs, now),
      serverNow: now,
    };
  }

  teamPhase(team: TeamRecord): TeamPhase {
    if (this.status === 'ended' || team.run.finished) return 'finished';
    if (this.status !== 'running') return 'waiting';
    if (team.open) return 'deciding';
    if (this.meta.mode === 'lockstep') return this.answeredNow(team) ? 'decided' : 'waiting';
    return 'reading';
  }

  /** A finished run's result (it cannot change any more, so it is worked out once). */
  private result(team: TeamRecord) {
    if (!team.run.finished) return undefined;
    let result = this.results.get(team);
    if (!result) this.results.set(team, (result = team.run.result()!));
    return result;
  }

  private ending(team: TeamRecord): { node: string; outcome: 'success' | 'mixed' | 'failure' } | null {
    const result = this.result(team);
    return result ? { node: result.ending, outcome: result.outcome } : null;
  }

  score(team: TeamRecord) {
    return this.result(team)?.score ?? team.run.provisionalScore();
  }

  /** The leaderboard's view of a team: no points before its first decision (not the metrics' guess). */
  private liveStanding(team: TeamRecord): Standing {
    if (team.decisions.length === 0) return { score: 0, stars: 0, ending: null };
    const score = this.score(team);
    return { score: score.scaled, stars: score.stars, ending: this.ending(team) };
  }

  /** Lockstep, from a step's opening to its reveal: what the projector may show is frozen. */
  private get beforeReveal(): boolean {
    return (
      this.meta.mode === 'lockstep' && this.status !== 'ended' && (this.phase === 'open' || this.phase === 'closed')
    );
  }

  teamSummary(team: TeamRecord, connected: number): TeamSummary {
    const frozen = this.beforeReveal ? team.standing : null;
    const shown = frozen ?? this.liveStanding(team);
    const view = this.current(team);
    const phase = this.teamPhase(team);
    return {
      teamId: team.id,
      name: team.name,
      connected,
      // A team whose answer ended its run shows as having answered, not finished, until the reveal.
      phase: frozen && phase === 'finished' && frozen.ending === null ? 'decided' : phase,
      decisions: team.decisions.length,
      node: view.kind === 'decision' ? view.node : null,
      answered: this.meta.mode === 'lockstep' && this.answeredNow(team),
      score: shown.score,
      stars: shown.stars,
      ending: shown.ending,
      joinedAt: team.joinedAt,
    };
  }

  teamState(team: TeamRecord, now: number): TeamState {
    const open = team.open;
    const lockstep = this.meta.mode === 'lockstep';
    const lastReveal = lockstep && this.phase === 'revealed' ? (this.reveals.get(this.step) ?? null) : null;
    return {
      sessionId: this.meta.sessionId,
      teamId: team.id,
      name: team.name,
      grouping: this.meta.grouping,
      scenario: this.info,
      status: this.sessionStatus(now),
      phase: this.teamPhase(team),
      decisions: team.decisions.length,
      story: team.story,
      open: open
        ? {
            step: open.step,
            node: open.node,
            clock: lockstep ? clock(this.deadline, this.remainingMs, now) : clock(open.deadline, open.remainingMs, now),
          }
        : null,
      answer: team.answer && (!lockstep || team.answer.step === this.step) ? team.answer : null,
      metrics: team.run.metrics().map((m) => ({
        id: m.id,
        label: m.label,
        value: m.value,
        min: m.min,
        max: m.max,
        better: m.better === 'lower' ? 'lower' : 'higher',
      })),
      score: this.score(team),
      ending: this.ending(team),
      reveal: lastReveal,
    };
  }

  tally(step: number | null, node: string): Tally {
    const counts = this.tallies.get(step === null ? node : this.tallyKey(step, node));
    const decision = this.compiled.nodes.get(node) as DecisionNode;
    return {
      step,
      node,
      prompt: decision.prompt,
      answered: counts?.answered ?? 0,
      // In an order of the session's own: most scenarios list the best option first, and the room
      // must not learn to read the top row of the projector's chart as the answer.
      options: shuffled(decision.options, this.chartSeed, node).map((o) => ({
        id: o.id,
        text: o.text,
        quality: o.quality,
        feedback: o.feedback,
        reference: o.reference,
        count: counts?.counts.get(o.id)?.count ?? 0,
        timedOut: counts?.counts.get(o.id)?.timedOut ?? 0,
      })),
    };
  }

  allTallies(): Tally[] {
    return [...this.tallies.values()].map((t) => this.tally(t.step, t.node));
  }

  private talliesOfStep(step: number): Tally[] {
    return [...this.tallies.values()].filter((t) => t.step === step).map((t) => this.tally(step, t.node));
  }

  facilitatorState(now: number, urls: string[], connected: (teamId: string) => number): FacilitatorState {
    return {
      sessionId: this.meta.sessionId,
      code: this.meta.code,
      title: this.meta.title,
      scenario: this.info,
      grouping: this.meta.grouping,
      timerSeconds: this.meta.timerSeconds,
      createdAt: this.meta.createdAt,
      urls,
      status: this.sessionStatus(now),
      teams: [...this.teams.values()].map((t) => this.teamSummary(t, connected(t.id))),
      tallies: this.allTallies(),
      seq: this.seq,
    };
  }

  exportData(now: number): SessionExport {
    const m = this.meta;
    return {
      format: 'ppi-session-export',
      version: 1,
      exportedAt: now,
      session: {
        sessionId: m.sessionId,
        code: m.code,
        title: m.title,
        scenarioId: this.info.id,
        scenarioVersion: this.info.version,
        mode: m.mode,
        grouping: m.grouping,
        timerSeconds: m.timerSeconds,
        status: this.status,
        createdAt: m.createdAt,
        endedAt: this.endedAt,
      },
      teams: [...this.teams.values()].map((t) => ({
        teamId: t.id,
        name: t.name,
        seed: t.seed,
        joinedAt: t.joinedAt,
        finished: t.run.finished,
        ending: this.ending(t),
        score: this.score(t),
        metrics: Object.fromEntries(t.run.metrics().map((x) => [x.id, x.value])),
        decisions: t.decisions.map((d) => ({ ...d, changes: { ...d.changes } })),
      })),
      tallies: this.allTallies(),
    };
  }
}

function clock(deadline: number | null, remainingMs: number | null, now: number) {
  if (deadline !== null) return { deadline, remainingMs: Math.max(0, deadline - now) };
  if (remainingMs !== null) return { deadline: now + remainingMs, remainingMs };
  return null;
}

const QUALITY_RANK = { best: 0, good: 1, weak: 2, poor: 3 } as const;

/** The first option of the lowest quality: what a team that did not answer an untimed decision gets. */
export function weakestOption(node: DecisionNode): string {
  let worst = node.options[0]!;
  for (const o of node.options) if (QUALITY_RANK[o.quality] > QUALITY_RANK[worst.quality]) worst = o;
  return worst.id;
}

/**
 * Moves a run on from where it stands to the next decision or ending, and returns what the team
 * reads on the way: the feedback of the decision just made, events, scenes, then the decision.
 */
export function advance(run: Run, timedOut = false): SessionNodeView[] {
  const story: SessionNodeView[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const view: NodeView = run.view();
    story.push(view.kind === 'feedback' && timedOut ? { ...view, timedOut: true } : view);
    if (view.kind === 'decision' || view.kind === 'ending') return story;
    run.continue();
  }
  throw new Error('The scenario does not reach a decision or an ending.');
}
