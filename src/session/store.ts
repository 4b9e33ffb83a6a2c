// The session UI's state (zustand, vanilla): who this browser is in a workshop (facilitator or
// participant), the connection, and the latest state the hub sent. Credentials are kept in
// localStorage — participants {sessionId, resumeToken}, facilitators {sessionId, facilitatorToken}
// — and used again on every reconnection and after a reload, so a phone that slept comes back to
// its team and a facilitator who reloads keeps control.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SessionError, type ConnectionStatus, type SessionClient } from './client';
import {
  normalizeJoinCode,
  sessionExportSchema,
  tallyId,
  type ControlAction,
  type FacilitatorState,
  type Grouping,
  type Mode,
  type ScenarioInfo,
  type SessionExport,
  type SessionStatusMessage,
  type TeamState,
  type TeamSummary,
} from './protocol';
import { JOIN_QUERY } from './links';
import type { WorkshopRecord, WorkshopRecords } from './records';

export type WorkshopRole = 'participant' | 'facilitator';

export const PARTICIPANT_KEY = 'ppi-quest.workshop.participant';
export const FACILITATOR_KEY = 'ppi-quest.workshop.facilitator';

export interface ParticipantCredentials {
  sessionId: string;
  resumeToken: string;
  teamId: string;
}
export interface FacilitatorCredentials {
  sessionId: string;
  facilitatorToken: string;
}

export interface SessionProblem {
  /** A protocol error code, or timeout/offline. */
  code: string;
  message: string;
}

export interface CreateInput {
  scenarioId: string;
  mode: Mode;
  grouping: Grouping;
  timerSeconds: number;
  title: string;
}

export interface SessionUiState {
  role: WorkshopRole | null;
  connection: ConnectionStatus;
  /** The code to fill in the join form (from ?join=). */
  joinCode: string;
  scenarios: ScenarioInfo[] | null;
  facilitator: FacilitatorState | null;
  team: TeamState | null;
  /** Local time (Date.now()) at which the open decision closes, from the hub's remaining time. */
  deadline: number | null;
  busy: boolean;
  problem: SessionProblem | null;
  lastExport: SessionExport | null;
  past: WorkshopRecord[];

  openJoin(code?: string): void;
  openFacilitator(): void;
  /** Leaves the workshop screens; the credentials stay, so coming back resumes. */
  close(): void;
  /** Forgets this browser's place in the session. */
  leave(): void;
  join(code: string, teamName: string): Promise<boolean>;
  create(input: CreateInput): Promise<boolean>;
  control(action: ControlAction): Promise<boolean>;
  decide(option: string): Promise<boolean>;
  openDecision(): Promise<boolean>;
  exportResults(): Promise<SessionExport | null>;
  refreshPast(): Promise<void>;
  clearProblem(): void;
}

export interface SessionStoreDeps {
  connect: () => Promise<SessionClient>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** The facilitator's IndexedDB copy; a loader keeps Dexie out of the page until a workshop needs it. */
  records: WorkshopRecords | null | (() => Promise<WorkshopRecords | null>);
  now?: () => number;
}

function read<T>(storage: SessionStoreDeps['storage'], key: string, keys: (keyof T)[]): T | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Record<string, unknown>;
    return keys.every((k) => typeof value[k as string] === 'string') ? (value as T) : null;
  } catch {
    return null;
  }
}

function problemOf(e: unknown): SessionProblem {
  if (e instanceof SessionError) return { code: e.code, message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** `list` with `updates` put in place of the items they share a key with, new ones appended. */
function merge<T>(list: T[], updates: readonly T[], key: (item: T) => string): T[] {
  if (updates.length === 0) return list;
  const fresh = new Map(updates.map((u) => [key(u), u]));
  const next = list.map((item) => {
    const k = key(item);
    const u = fresh.get(k);
    if (u === undefined) return item;
    fresh.delete(k);
    return u;
  });
  return fresh.size === 0 ? next : [...next, ...fresh.values()];
}

const teamKey = (t: TeamSummary) => t.teamId;

export type SessionStore = StoreApi<SessionUiState>;

export function createSessionStore(deps: SessionStoreDeps): SessionStore {
  const now = deps.now ?? Date.now;
  let client: SessionClient | null = null;
  let connecting: Promise<SessionClient> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let recordsLoaded: Promise<WorkshopRecords | null> | null = null;
  const records = (): Promise<WorkshopRecords | null> => {
    const source = deps.records;
    recordsLoaded ??= typeof source === 'function' ? source().catch(() => null) : Promise.resolve(source);
    return recordsLoaded;
  };

  const participantCredentials = () =>
    read<ParticipantCredentials>(deps.storage, PARTICIPANT_KEY, ['sessionId', 'resumeToken', 'teamId']);
  const facilitatorCredentials = () =>
    read<FacilitatorCredentials>(deps.storage, FACILITATOR_KEY, ['sessionId', 'facilitatorToken']);

  const store = createStore<SessionUiState>()((set, get) => {
    const deadlineOf = (clock: { remainingMs: number } | null | undefined) =>
      clock ? now() + Math.max(0, clock.remainingMs) : null;

    const setTeam = (team: TeamState) => {
      const mine = participantCredentials();
      if (mine && mine.sessionId !== team.sessionId) return;
      set({ team, deadline: deadlineOf(team.open?.clock ?? team.status.clock) });
    };

    const saveSoon = () => {
      if (!deps.records || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = null;
        const state = get().facilitator;
        if (state) {
          void records().then((r) => r?.saveState(state).catch(() => undefined));
        }
      }, 500);
    };

    // The log's length of the last full facilitator state: with several hub processes, an update
    // made on a process that had not caught up yet may arrive after it, and is then stale.
    let fullSeq = 0;
    const setFacilitator = (state: FacilitatorState) => {
      const mine = facilitatorCredentials();
      if (mine && mine.sessionId !== state.sessionId) return;
      fullSeq = state.seq ?? 0;
      const ended = state.status.status === 'ended' && get().facilitator?.status.status !== 'ended';
      set({ facilitator: state, deadline: deadlineOf(state.status.clock) });
      saveSoon();
      // Keep a copy of the final results at once, in case the hub goes away.
      if (ended) void get().exportResults();
    };

    const setStatus = (status: SessionStatusMessage) => {
      const { facilitator, team } = get();
      if (facilitator?.sessionId === status.sessionId) {
        const ended = status.status === 'ended' && facilitator.status.status !== 'ended';
        set({ facilitator: { ...facilitator, status }, deadline: deadlineOf(status.clock) });
        saveSoon();
        if (ended) void get().exportResults();
      }
      if (team?.sessionId === status.sessionId) {
        set({ team: { ...team, status }, deadline: deadlineOf(team.open?.clock ?? status.clock) });
      }
    };

    /** Resumes or attaches with the kept credentials (after each connection). */
    const restore = async () => {
      const c = client;
      if (!c) return;
      const role = get().role;
      if (role === 'participant') {
        const creds = participantCredentials();
        if (!creds) return;
        try {
          const reply = await c.call('participant:resume', {
            sessionId: creds.sessionId,
            resumeToken: creds.resumeToken,
          });
          setTeam(reply.state);
          set({ problem: null });
        } catch (e) {
          const problem = problemOf(e);
          if (problem.code === 'forbidden' || problem.code === 'not-found' || problem.code === 'invalid') {
            deps.storage?.removeItem(PARTICIPANT_KEY);
            set({ team: null });
          }
          set({ problem });
        }
      } else if (role === 'facilitator') {
        const creds = facilitatorCredentials();
        if (creds) {
          try {
            const reply = await c.call('facilitator:attach', creds);
            setFacilitator(reply.state);
            set({ problem: null });
          } catch (e) {
            const problem = problemOf(e);
            if (problem.code === 'forbidden' || problem.code === 'not-found' || problem.code === 'invalid') {
              deps.storage?.removeItem(FACILITATOR_KEY);
              set({ facilitator: null });
            }
            set({ problem });
          }
        }
        if (!get().facilitator && !get().scenarios) {
          try {
            const reply = await c.call('hub:scenarios', {});
            set({ scenarios: reply.scenarios });
          } catch (e) {
            set({ problem: problemOf(e) });
          }
        }
      }
    };

    const ensureClient = async (): Promise<SessionClient> => {
      if (client) return client;
      connecting ??= deps.connect().then((c) => {
        client = c;
        set({ connection: c.connectionStatus });
        c.onStatus((connection) => set({ connection }));
        c.onConnect(() => void restore());
        c.on('team:state', setTeam);
        c.on('session:status', setStatus);
        c.on('session:reveal', (reveal) => {
          const team = get().team;
          if (team) set({ team: { ...team, reveal: reveal.tallies } });
        });
        c.on('facilitator:state', setFacilitator);
        c.on('facilitator:update', (update) => {
          const f = get().facilitator;
          // Updates of a session this screen left, or older than its last full state, are dropped.
          if (!f || update.sessionId !== f.sessionId || update.seq < fullSeq) return;
          set({
            facilitator: {
              ...f,
              teams: merge(f.teams, update.teams, teamKey),
              tallies: merge(f.tallies, update.tallies, tallyId),
            },
          });
          saveSoon();
        });
        if (c.connectionStatus === 'connected') void restore();
        return c;
      });
      return connecting;
    };

    /** Runs a command; a refusal becomes `problem`, shown by the screens. */
    const attempt = async <T>(work: (c: SessionClient) => Promise<T>): Promise<T | null> => {
      set({ busy: true, problem: null });
      try {
        const c = await ensureClient();
        return await work(c);
      } catch (e) {
        set({ problem: problemOf(e) });
        return null;
      } finally {
        set({ busy: false });
      }
    };

    return {
      role: null,
      connection: 'idle',
      joinCode: '',
      scenarios: null,
      facilitator: null,
      team: null,
      deadline: null,
      busy: false,
      problem: null,
      lastExport: null,
      past: [],

      openJoin(code) {
        set({ role: 'participant', joinCode: code ?? get().joinCode, problem: null });
        void ensureClient().then(() => restore());
      },
      openFacilitator() {
        set({ role: 'facilitator', problem: null });
        void get().refreshPast();
        void ensureClient().then(() => restore());
      },
      close() {
        set({ role: null, problem: null });
      },
      leave() {
        const role = get().role;
        if (role === 'participant') deps.storage?.removeItem(PARTICIPANT_KEY);
        if (role === 'facilitator') deps.storage?.removeItem(FACILITATOR_KEY);
        set({ team: null, facilitator: null, deadline: null, lastExport: null, problem: null });
        if (role === 'facilitator') void restore();
      },
      async join(code, teamName) {
        const reply = await attempt((c) => c.call('participant:join', { code: normalizeJoinCode(code), teamName }));
        if (!reply) return false;
        deps.storage?.setItem(
          PARTICIPANT_KEY,
          JSON.stringify({ sessionId: reply.sessionId, resumeToken: reply.resumeToken, teamId: reply.teamId }),
        );
        setTeam(reply.state);
        return true;
      },
      async create(input) {
        const title = input.title.trim();
        const reply = await attempt((c) =>
          c.call('facilitator:create', {
            scenarioId: input.scenarioId,
            mode: input.mode,
            grouping: input.grouping,
            timerSeconds: input.timerSeconds,
            ...(title ? { title } : {}),
          }),
        );
        if (!reply) return false;
        deps.storage?.setItem(
          FACILITATOR_KEY,
          JSON.stringify({ sessionId: reply.sessionId, facilitatorToken: reply.facilitatorToken }),
        );
        setFacilitator(reply.state);
        return true;
      },
      async control(action) {
        const creds = facilitatorCredentials();
        if (!creds) return false;
        const seenStep = get().facilitator?.status.step;
        const reply = await attempt((c) =>
          c.call('facilitator:control', { ...creds, action, ...(seenStep === undefined ? {} : { seenStep }) }),
        );
        if (!reply) return false;
        setFacilitator(reply.state);
        return true;
      },
      async decide(option) {
        const open = get().team?.open;
        if (!open) return false;
        const reply = await attempt((c) => c.call('participant:decide', { step: open.step, node: open.node, option }));
        if (!reply) return false;
        setTeam(reply.state);
        return true;
      },
      async openDecision() {
        const team = get().team;
        if (!team) return false;
        const reply = await attempt((c) => c.call('participant:open', { step: team.decisions + 1 }));
        if (!reply) return false;
        setTeam(reply.state);
        return true;
      },
      async exportResults() {
        const creds = facilitatorCredentials();
        if (!creds) return null;
        const reply = await attempt((c) => c.call('facilitator:export', creds));
        if (!reply) return null;
        const parsed = sessionExportSchema.safeParse(reply.export);
        if (!parsed.success) {
          set({ problem: { code: 'invalid', message: 'The hub sent results that are not a session export.' } });
          return null;
        }
        set({ lastExport: parsed.data });
        const saved = await records();
        if (saved) {
          await saved
            .saveExport(parsed.data, get().facilitator?.scenario.title ?? parsed.data.session.scenarioId)
            .catch(() => undefined);
          await get().refreshPast();
        }
        return parsed.data;
      },
      async refreshPast() {
        try {
          const saved = await records();
          if (saved) set({ past: await saved.list() });
        } catch {
          // IndexedDB unavailable (private mode): the list stays empty.
        }
      },
      clearProblem() {
        set({ problem: null });
      },
    };
  });
  return store;
}

/** Where the workshop screens start from the page's address and what this browser kept. */
export function initialRole(
  search: string,
  storage: SessionStoreDeps['storage'],
): { role: WorkshopRole; code?: string } | null {
  const code = new URLSearchParams(search).get(JOIN_QUERY);
  if (code !== null) return { role: 'participant', code: code.slice(0, 20) };
  if (read<ParticipantCredentials>(storage, PARTICIPANT_KEY, ['sessionId', 'resumeToken', 'teamId'])) {
    return { role: 'participant' };
  }
  if (read<FacilitatorCredentials>(storage, FACILITATOR_KEY, ['sessionId', 'facilitatorToken'])) {
    return { role: 'facilitator' };
  }
  return null;
}
