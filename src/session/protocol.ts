// The facilitator-session protocol: every message between a browser and the session hub, with its
// zod schema and size limits. Pure TypeScript + zod: the hub (server/) and the React app import
// this same file. docs/sessions.md tells the flow in words.
//
// Transport: Socket.IO 4 on the namespace SESSION_NAMESPACE of the page's own origin (the hub
// serves the game). A client sends a command with `socket.emit(event, payload, ack)`; the hub
// validates the payload with the schema below and answers through `ack` with a Reply: either
// `{ ok: true, ...data }` or `{ ok: false, error: { code, message } }`. A message that is
// malformed, of an unknown event or too large is refused with an error reply (or, if it came
// without an ack, with a `hub:error` event); the socket stays connected and the session goes on.
// Pushes from the hub are plain events (HubEvents) with the payloads below.
import { z } from 'zod';
import { OUTCOMES, QUALITIES, SPEAKERS } from '../engine/schema';

export const PROTOCOL_VERSION = 1;
export const SESSION_NAMESPACE = '/session';

// ---------------------------------------------------------------------------------------------
// Limits

/** The hub refuses any Socket.IO packet larger than this (maxHttpBufferSize). */
export const MAX_PACKET_BYTES = 16 * 1024;
/** Any single client→hub payload, as JSON, must be at most this long. */
export const MAX_CLIENT_MESSAGE_BYTES = 2048;
export const MAX_TEAM_NAME = 40;
export const MAX_TITLE = 80;
export const MAX_TIMER_SECONDS = 3600;
export const MAX_TEAMS_PER_SESSION = 500;
/** Join attempts (join, and resume with a wrong token) per client address per window. */
export const JOIN_RATE_LIMIT = { attempts: 10, windowMs: 60_000 } as const;

/**
 * Join codes: 8 characters from 31 unambiguous ones (no 0/O, 1/I/L), drawn with a crypto random
 * source: 31^8 ≈ 8.5 × 10^11 codes. Shown as ABCD-EFGH; typed in any case, with or without the
 * hyphen or spaces.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** Facilitator and resume tokens: 128 random bits as 32 lowercase hex digits. */
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;
/** Session and team ids: opaque, url-safe. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Upper-cases and strips hyphens and spaces: "abcd-efgh" → "ABCDEFGH". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export function isJoinCode(code: string): boolean {
  return JOIN_CODE_PATTERN.test(code);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const sessionId = z.string().regex(ID_PATTERN, { error: 'a session id' });
const token = z.string().regex(TOKEN_PATTERN, { error: 'a token of 32 hex digits' });
const nodeId = z.string().min(1).max(64);
const step = z.int().min(1).max(10_000);

export const MODES = ['lockstep', 'free'] as const;
export type Mode = (typeof MODES)[number];
export const GROUPINGS = ['teams', 'individuals'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A team name: trimmed, 1–40 characters, no control characters. */
export const teamNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { error: 'a team name' })
      .max(MAX_TEAM_NAME, { error: `a team name of at most ${MAX_TEAM_NAME} characters` })
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'a team name without control characters' }),
  );

export const joinCodeSchema = z
  .string()
  .max(20)
  .transform(normalizeJoinCode)
  .refine(isJoinCode, { error: `a join code of ${JOIN_CODE_LENGTH} letters and digits` });

// ---------------------------------------------------------------------------------------------
// Client → hub commands (each answered through the ack)

export const createSessionSchema = z.strictObject({
  /** The id of a scenario the hub offers (see `hub:scenarios`). */
  scenarioId: nodeId,
  mode: z.enum(MODES),
  grouping: z.enum(GROUPINGS),
  /** Seconds per decision; 0 = no session timer (a scenario's own timer still applies). */
  timerSeconds: z.int().min(0).max(MAX_TIMER_SECONDS),
  title: z.string().trim().max(MAX_TITLE).optional(),
});

export const facilitatorAuthSchema = z.strictObject({ sessionId, facilitatorToken: token });

export const CONTROL_ACTIONS = ['start', 'pause', 'resume', 'reveal', 'next', 'end'] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export const controlSchema = z.strictObject({
  sessionId,
  facilitatorToken: token,
  action: z.enum(CONTROL_ACTIONS),
  /**
   * Lockstep: the step the facilitator's screen showed. A `next` or `reveal` meant for a step the
   * session has left changes nothing, so two facilitators (or a double click) move on once.
   */
  seenStep: z.int().min(0).max(10_000).optional(),
});

export const joinSchema = z.strictObject({ code: joinCodeSchema, teamName: teamNameSchema });

export const resumeSchema = z.strictObject({ sessionId, resumeToken: token });

/** Free pace: the team has read the story so far and opens its next decision (its timer starts). */
export const openSchema = z.strictObject({ step });

/**
 * A decision. The team is the one the socket joined or resumed as; a payload cannot name another.
 * `step` is the step the option was chosen for: a duplicate of an applied submission is
 * acknowledged again (`duplicate: true`), never applied twice.
 */
export const decideSchema = z.strictObject({ step, node: nodeId, option: nodeId });

export const emptySchema = z.strictObject({});

/** Every command: its event name and payload schema. */
export const ClientCommands = {
  /** The scenarios the hub offers. Reply: { scenarios: ScenarioInfo[] }. */
  'hub:scenarios': emptySchema,
  /** Reply: { sessionId, code, facilitatorToken, state: FacilitatorState }. */
  'facilitator:create': createSessionSchema,
  /** Takes control again after a reload (the browser kept sessionId and token). Reply: { state }. */
  'facilitator:attach': facilitatorAuthSchema,
  /** Reply: { state }. */
  'facilitator:control': controlSchema,
  /** Reply: { export: SessionExport }. */
  'facilitator:export': facilitatorAuthSchema,
  /** Reply: { sessionId, teamId, resumeToken, state: TeamState }. Rate-limited per address. */
  'participant:join': joinSchema,
  /** Reply: { teamId, state: TeamState }. A wrong token counts against the join rate limit. */
  'participant:resume': resumeSchema,
  /** Reply: { state: TeamState }. */
  'participant:open': openSchema,
  /** Reply: { duplicate: boolean, state: TeamState }. */
  'participant:decide': decideSchema,
} as const;

export type ClientCommand = keyof typeof ClientCommands;
export type CommandPayload<C extends ClientCommand> = z.output<(typeof ClientCommands)[C]>;
export type CommandInput<C extends ClientCommand> = z.input<(typeof ClientCommands)[C]>;

// ---------------------------------------------------------------------------------------------
// Views the hub sends (the engine's NodeView, as data)

const speaker = z.enum(SPEAKERS).optional();
const quality = z.enum(QUALITIES);
const outcome = z.enum(OUTCOMES);
const changes = z.record(z.string(), z.number());
const choice = z.object({ id: z.string(), text: z.string() });

export const nodeViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('narrative'), node: z.string(), title: z.string().optional(), speaker, text: z.string() }),
  z.object({
    kind: z.literal('decision'),
    node: z.string(),
    title: z.string().optional(),
    speaker,
    prompt: z.string(),
    options: z.array(choice),
    timer: z.object({ seconds: z.number(), onTimeout: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal('feedback'),
    node: z.string(),
    title: z.string().optional(),
    prompt: z.string(),
    chosen: choice,
    quality,
    timedOut: z.boolean(),
    feedback: z.string(),
    reference: z.string(),
    changes,
    better: z.object({ id: z.string(), text: z.string(), feedback: z.string(), reference: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal('event'),
    node: z.string(),
    title: z.string().optional(),
    speaker,
    text: z.string().optional(),
    outcome: choice,
    changes,
  }),
  z.object({
    kind: z.literal('ending'),
    node: z.string(),
    title: z.string(),
    speaker,
    text: z.string(),
    outcome,
  }),
]);
export type SessionNodeView = z.infer<typeof nodeViewSchema>;

export const metricViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  min: z.number(),
  max: z.number(),
  better: z.enum(['higher', 'lower']),
});
export type SessionMetric = z.infer<typeof metricViewSchema>;

export const scoreSchema = z.object({
  raw: z.number(),
  scaled: z.number(),
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  metrics: z.number(),
  decisions: z.number(),
});

export const scenarioInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  summary: z.string(),
  lang: z.string(),
  minutes: z.number(),
  /** Decisions on the longest path: the most lockstep steps a session can need. */
  maxDecisions: z.number(),
});
export type ScenarioInfo = z.infer<typeof scenarioInfoSchema>;

export const SESSION_STATUSES = ['lobby', 'running', 'paused', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** Lockstep: a step is open (answers accepted), closed (timer ran out) or revealed. */
export const STEP_PHASES = ['open', 'closed', 'revealed'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

/** Times are the hub's epoch milliseconds; `remainingMs` is exact when sent, for skewed clocks. */
export const clockSchema = z.object({ deadline: z.number(), remainingMs: z.number() }).nullable();

export const sessionStatusSchema = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  mode: z.enum(MODES),
  /** Lockstep: the current step (0 before the first); free pace: 0. */
  step: z.int(),
  phase: z.enum(STEP_PHASES).nullable(),
  /** Lockstep: the open step's timer (paused: deadline as if resumed now). */
  clock: clockSchema,
  serverNow: z.number(),
});
export type SessionStatusMessage = z.infer<typeof sessionStatusSchema>;

/** How the room chose at one decision node (lockstep: within one step; free pace: overall). */
export const tallySchema = z.object({
  step: z.int().nullable(),
  node: z.string(),
  prompt: z.string(),
  options: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      quality,
      feedback: z.string(),
      reference: z.string(),
      count: z.int(),
      /** Of `count`, how many were the hub's timeout path (the team did not answer in time). */
      timedOut: z.int(),
    }),
  ),
  answered: z.int(),
});
export type Tally = z.infer<typeof tallySchema>;

/** Which chart a tally is: one per (step, node) in lockstep, one per node (step null) in free pace. */
export function tallyId(t: { step: number | null; node: string }): string {
  return `${String(t.step)}\u0000${t.node}`;
}

export const TEAM_PHASES = ['waiting', 'reading', 'deciding', 'decided', 'finished'] as const;
/**
 * waiting: nothing to do now (lobby, paused, lockstep step not open);
 * reading: free pace, the next decision is ready to open;
 * deciding: a decision is open for this team; decided: answered this lockstep step;
 * finished: the team reached an ending (or the session ended).
 */
export type TeamPhase = (typeof TEAM_PHASES)[number];

/** One row of the facilitator's lobby and leaderboard. */
export const teamSummarySchema = z.object({
  teamId: z.string(),
  name: z.string(),
  /** Devices connected to this team now. */
  connected: z.int(),
  phase: z.enum(TEAM_PHASES),
  decisions: z.int(),
  /** The decision node the team is at, if any. */
  node: z.string().nullable(),
  /** Lockstep: answered the current step. */
  answered: z.boolean(),
  score: z.number(),
  stars: z.int(),
  ending: z.object({ node: z.string(), outcome }).nullable(),
  joinedAt: z.number(),
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;

export const facilitatorStateSchema = z.object({
  sessionId: z.string(),
  code: z.string(),
  title: z.string(),
  scenario: scenarioInfoSchema,
  grouping: z.enum(GROUPINGS),
  timerSeconds: z.int(),
  createdAt: z.number(),
  /** URLs the hub is reachable at on the LAN (join page = url + JOIN_PATH + code). */
  urls: z.array(z.string()),
  status: sessionStatusSchema,
  teams: z.array(teamSummarySchema),
  tallies: z.array(tallySchema),
  /** Events in the session's log when this state was made (absent in copies kept before it existed). */
  seq: z.int().min(0).optional(),
});
export type FacilitatorState = z.infer<typeof facilitatorStateSchema>;

export { JOIN_QUERY } from './links';

export const teamStateSchema = z.object({
  sessionId: z.string(),
  teamId: z.string(),
  name: z.string(),
  grouping: z.enum(GROUPINGS),
  scenario: scenarioInfoSchema,
  status: sessionStatusSchema,
  phase: z.enum(TEAM_PHASES),
  /** The team's decisions so far; in free pace the next one is step `decisions + 1`. */
  decisions: z.int(),
  /** What happened since the previous decision: its feedback, events, scenes; then the decision or ending. */
  story: z.array(nodeViewSchema),
  /** The open decision: the step to send with `participant:decide`, and its clock. */
  open: z.object({ step: z.int(), node: z.string(), clock: clockSchema }).nullable(),
  /** This step's answer once given (lockstep: until the next step opens). */
  answer: z.object({ step: z.int(), option: z.string() }).nullable(),
  metrics: z.array(metricViewSchema),
  score: scoreSchema,
  ending: z.object({ node: z.string(), outcome }).nullable(),
  /** The latest reveal: how the room chose at the step, for discussion. */
  reveal: z.array(tallySchema).nullable(),
});
export type TeamState = z.infer<typeof teamStateSchema>;

// ---------------------------------------------------------------------------------------------
// Export (JSON; CSV is derived from it by src/session/export.ts)

export const exportDecisionSchema = z.object({
  step: z.int(),
  node: z.string(),
  option: z.string(),
  quality,
  timedOut: z.boolean(),
  changes,
  /** Milliseconds from the decision opening to the answer (null when timed out or not measured). */
  ms: z.number().nullable(),
  at: z.number(),
});

export const sessionExportSchema = z.object({
  format: z.literal('ppi-session-export'),
  version: z.literal(1),
  exportedAt: z.number(),
  session: z.object({
    sessionId: z.string(),
    code: z.string(),
    title: z.string(),
    scenarioId: z.string(),
    scenarioVersion: z.string(),
    mode: z.enum(MODES),
    grouping: z.enum(GROUPINGS),
    timerSeconds: z.int(),
    status: z.enum(SESSION_STATUSES),
    createdAt: z.number(),
    endedAt: z.number().nullable(),
  }),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      seed: z.number(),
      joinedAt: z.number(),
      finished: z.boolean(),
      ending: z.object({ node: z.string(), outcome }).nullable(),
      score: scoreSchema,
      metrics: z.record(z.string(), z.number()),
      decisions: z.array(exportDecisionSchema),
    }),
  ),
  tallies: z.array(tallySchema),
});
export type SessionExport = z.infer<typeof sessionExportSchema>;

// ---------------------------------------------------------------------------------------------
// Hub → client pushes

export const HubEvents = {
  /** To everyone in the session when its status, step, phase or clock changes. */
  'session:status': sessionStatusSchema,
  /** To each team's devices whenever its state changes (and to a device that resumes). */
  'team:state': teamStateSchema,
  /** To every team after the facilitator reveals a lockstep step: how the room chose. */
  'session:reveal': z.object({ step: z.int(), tallies: z.array(tallySchema) }),
  /**
   * To the facilitator: teams that joined, connected, disconnected, decided or finished, and the
   * tallies their decisions changed. Sent at most once per hub tick, however many answers came in.
   */
  'facilitator:update': z.object({
    sessionId: z.string(),
    /** The log's length it was made at: an update older than the last full state is stale. */
    seq: z.int().min(0),
    teams: z.array(teamSummarySchema),
    tallies: z.array(tallySchema),
  }),
  /** To the facilitator: the full state (after attach and control actions). */
  'facilitator:state': facilitatorStateSchema,
  /** A refused message that came without an ack. */
  'hub:error': z.object({ event: z.string(), code: z.string(), message: z.string() }),
} as const;
export type HubEvent = keyof typeof HubEvents;
export type HubPayload<E extends HubEvent> = z.infer<(typeof HubEvents)[E]>;

// ---------------------------------------------------------------------------------------------
// Replies

export const ERROR_CODES = [
  /** The payload does not match the schema (the message says what is wrong). */
  'invalid',
  /** The payload is larger than MAX_CLIENT_MESSAGE_BYTES. */
  'too-large',
  /** No such event. */
  'unknown-event',
  /** Too many join attempts from this address; try again later. */
  'rate-limited',
  /** No session with this code or id (or it has ended). */
  'not-found',
  /** Wrong facilitator or resume token, or a command this socket may not send. */
  'forbidden',
  /** Individuals: the name is taken in this session. */
  'name-taken',
  /** The session is full. */
  'full',
  /** Not possible now: step not open, time is up, paused, ended, wrong node… */
  'closed',
  /** This step was already answered with another option. */
  'conflict',
  /** Not possible in this session state (e.g. reveal in free pace, next before start). */
  'state',
  /** The hub failed; the message was not applied. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HubError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: HubError };

export interface CommandReplies {
  'hub:scenarios': { scenarios: ScenarioInfo[] };
  'facilitator:create': { sessionId: string; code: string; facilitatorToken: string; state: FacilitatorState };
  'facilitator:attach': { state: FacilitatorState };
  'facilitator:control': { state: FacilitatorState };
  'facilitator:export': { export: SessionExport };
  'participant:join': { sessionId: string; teamId: string; resumeToken: string; state: TeamState };
  'participant:resume': { teamId: string; state: TeamState };
  'participant:open': { state: TeamState };
  'participant:decide': { duplicate: boolean; state: TeamState };
}

export type CommandReply<C extends ClientCommand> = Reply<CommandReplies[C]>;

/** Socket.IO typings for both ends. */
export type ClientToHubEvents = {
  [C in ClientCommand]: (payload: CommandInput<C>, ack: (reply: CommandReply<C>) => void) => void;
};
export type HubToClientEvents = { [E in HubEvent]: (payload: HubPayload<E>) => void };

// ---------------------------------------------------------------------------------------------
// Validation

export type Parsed<C extends ClientCommand> = { ok: true; value: CommandPayload<C> } | { ok: false; error: HubError };

export function isClientCommand(event: unknown): event is ClientCommand {
  return typeof event === 'string' && Object.prototype.hasOwnProperty.call(ClientCommands, event);
}

/** Validates one inbound payload: size first, then the schema. Never throws. */
export function parseCommand<C extends ClientCommand>(event: C, payload: unknown): Parsed<C> {
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return { ok: false, error: { code: 'invalid', message: 'The payload is not JSON data.' } };
  }
  if (size > MAX_CLIENT_MESSAGE_BYTES) {
    return {
      ok: false,
      error: { code: 'too-large', message: `The payload is ${size} bytes; at most ${MAX_CLIENT_MESSAGE_BYTES}.` },
    };
  }
  const result = ClientCommands[event].safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      error: { code: 'invalid', message: `Invalid ${event}: ${where}${issue?.message ?? 'malformed payload'}.` },
    };
  }
  return { ok: true, value: result.data as CommandPayload<C> };
}
