// The event log of a session: what happened, in order. The hub appends events and never edits
// them; the session state (state.ts) is a reducer over them, so replaying a log rebuilds the
// session exactly: teams, runs, clocks, tallies. Tokens appear only as hashes.
import { z } from 'zod';
import { GROUPINGS, MODES } from './protocol';

const at = z.number();
const step = z.int().min(1);
const id = z.string().min(1).max(64);

export const sessionEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('created'),
    at,
    sessionId: id,
    code: z.string(),
    facilitatorHash: z.string(),
    scenarioId: id,
    scenarioVersion: z.string(),
    mode: z.enum(MODES),
    grouping: z.enum(GROUPINGS),
    timerSeconds: z.int().min(0),
    title: z.string(),
  }),
  /** A new team; `seed` is the hub's choice for its run. */
  z.object({ type: z.literal('joined'), at, teamId: id, name: z.string(), seed: z.int(), tokenHash: z.string() }),
  /** Another device joined an existing team (grouping "teams"): it gets its own resume token. */
  z.object({ type: z.literal('device'), at, teamId: id, tokenHash: z.string() }),
  z.object({ type: z.literal('started'), at }),
  z.object({ type: z.literal('paused'), at }),
  z.object({ type: z.literal('resumed'), at }),
  /** Lockstep: step `step` opens for every team that has not finished. */
  z.object({ type: z.literal('stepOpened'), at, step }),
  /** Lockstep: the step closes; every team that did not answer takes the timeout path. */
  z.object({ type: z.literal('stepClosed'), at, step }),
  z.object({ type: z.literal('revealed'), at, step }),
  /** Free pace: a team opens its next decision. */
  z.object({ type: z.literal('opened'), at, teamId: id, step }),
  z.object({ type: z.literal('decided'), at, teamId: id, step, node: id, option: id }),
  /** Free pace: a team's clock ran out; it takes the timeout path. */
  z.object({ type: z.literal('teamTimedOut'), at, teamId: id, step }),
  z.object({ type: z.literal('ended'), at }),
]);

export type SessionEvent = z.infer<typeof sessionEventSchema>;
export type SessionEventOf<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;

/** Parses one stored event; throws a clear error for a damaged one. */
export function parseEvent(value: unknown, where: string): SessionEvent {
  const r = sessionEventSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${where}: not a session event (${issue?.path.join('.') ?? ''} ${issue?.message ?? ''})`.trim());
  }
  return r.data;
}
