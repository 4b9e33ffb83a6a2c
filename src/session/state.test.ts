import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario, type DecisionNode } from '../engine';
import type { SessionEvent } from './events';
import { parseEvent } from './events';
import { SessionState, weakestOption } from './state';

const loaded = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
if (!loaded.ok) throw new Error('tutorial does not load');
const compiled = compileScenario(loaded.scenario);

function created(mode: 'lockstep' | 'free', timerSeconds: number): SessionEvent {
  return {
    type: 'created',
    at: 0,
    sessionId: 's1',
    code: 'ABCDEFGH',
    facilitatorHash: 'f',
    scenarioId: 'tutorial',
    scenarioVersion: compiled.scenario.version,
    mode,
    grouping: 'teams',
    timerSeconds,
    title: 'Test',
  };
}

function replay(events: SessionEvent[]): SessionState {
  const state = new SessionState(compiled, events[0]!);
  for (const e of events.slice(1)) state.apply(e);
  return state;
}

/** Plans a command and applies its events, as the hub does; returns the events. */
function run(state: SessionState, log: SessionEvent[], plan: ReturnType<SessionState['planControl']>): SessionEvent[] {
  if (!plan.ok) throw new Error(plan.error.message);
  for (const e of plan.events) {
    state.apply(e);
    log.push(e);
  }
  return plan.events;
}

describe('SessionState', () => {
  it('rebuilds the same session from its log: teams, runs, scores and tallies', () => {
    const log: SessionEvent[] = [created('lockstep', 30)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 1, { seed: 11, tokenHash: 'a' }));
    run(state, log, state.planJoin('Blue', 2, { seed: 22, tokenHash: 'b' }));
    run(state, log, state.planControl('start', 3));
    run(state, log, state.planDecide('t1', { step: 1, node: 'need', option: 'outcome' }, 4));
    run(state, log, state.planControl('next', 5)); // Blue did not answer: the timeout path
    const again = replay(log.map((e) => parseEvent(JSON.parse(JSON.stringify(e)), 'test')));
    expect(again.exportData(9)).toEqual(state.exportData(9));
    expect(again.exportData(9).teams[1]!.decisions).toMatchObject([{ option: 'product', timedOut: true }]);
    expect(again.allTallies()).toEqual(state.allTallies());
    expect(again.seq).toBe(log.length);
  });

  it('moves on once when "next" or "reveal" comes for a step already left', () => {
    const log: SessionEvent[] = [created('lockstep', 0)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 1, { seed: 11, tokenHash: 'a' }));
    run(state, log, state.planControl('start', 2));
    expect(run(state, log, state.planControl('next', 3, 1)).map((e) => e.type)).toEqual(['stepClosed', 'stepOpened']);
    expect(state.sessionStatus(4)).toMatchObject({ step: 2, phase: 'open' });
    expect(run(state, log, state.planControl('next', 4, 1))).toEqual([]);
    expect(run(state, log, state.planControl('reveal', 4, 1))).toEqual([]);
    expect(state.sessionStatus(5)).toMatchObject({ step: 2, phase: 'open' });
    // Without seenStep (an older client), "next" still moves on.
    expect(run(state, log, state.planControl('next', 5)).map((e) => e.type)).toEqual(['stepClosed', 'stepOpened']);
    expect(state.sessionStatus(6)).toMatchObject({ step: 3 });
  });

  it('keeps the leaderboard as it stood while a lockstep step is open, and moves it when the step closes', () => {
    const log: SessionEvent[] = [created('lockstep', 0)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 1, { seed: 11, tokenHash: 'a' }));
    run(state, log, state.planControl('start', 2));
    const red = state.team('t1');
    const before = state.teamSummary(red, 1);
    expect(before).toMatchObject({ score: 0, stars: 0 }); // no points before a first decision
    run(state, log, state.planDecide('t1', { step: 1, node: 'need', option: 'outcome' }, 3));
    const live = state.teamState(red, 3).score;
    expect(live.scaled).not.toBe(before.score);
    // The team sees its own score; the projector does not yet.
    expect(state.teamSummary(red, 1)).toMatchObject({ decisions: 1, answered: true, score: before.score });
    // A team joining mid-step is frozen too: its answer does not show before the reveal.
    run(state, log, state.planJoin('Late', 4, { seed: 5, tokenHash: 'late' }));
    const late = state.team('t2');
    const lateBefore = state.teamSummary(late, 1).score;
    run(state, log, state.planDecide('t2', { step: 1, node: 'need', option: 'outcome' }, 4));
    expect(state.teamState(late, 4).score.scaled).not.toBe(lateBefore);
    expect(state.teamSummary(late, 1).score).toBe(lateBefore);
    run(state, log, state.planControl('reveal', 5));
    expect(state.teamSummary(red, 1)).toMatchObject({ score: live.scaled, stars: live.stars });
    // Replayed from the log, the same.
    const again = replay(log);
    expect(again.teamSummary(again.team('t1'), 1).score).toBe(live.scaled);
  });

  it('keeps the leaderboard frozen when the timer closes the step, until the reveal', () => {
    const log: SessionEvent[] = [created('lockstep', 30)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 1, { seed: 11, tokenHash: 'a' }));
    run(state, log, state.planControl('start', 0));
    const red = state.team('t1');
    const before = state.teamSummary(red, 1).score;
    run(state, log, state.planDecide('t1', { step: 1, node: 'need', option: 'outcome' }, 1000));
    for (const e of state.planTimeouts(31_000)) {
      state.apply(e);
      log.push(e);
    }
    expect(state.sessionStatus(31_000).phase).toBe('closed');
    expect(state.teamSummary(red, 1).score).toBe(before);
    run(state, log, state.planControl('reveal', 32_000));
    expect(state.teamSummary(red, 1).score).toBe(state.teamState(red, 32_000).score.scaled);
  });

  it("lists a chart's options in an order of the session's own, the same after a replay", () => {
    const orders = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const log: SessionEvent[] = [{ ...created('lockstep', 0), sessionId: `session-${i}` } as SessionEvent];
      const state = replay(log);
      const order = state.tally(1, 'need').options.map((o) => o.id);
      expect([...order].sort()).toEqual(['outcome', 'product']);
      expect(
        replay(log)
          .tally(1, 'need')
          .options.map((o) => o.id),
      ).toEqual(order);
      orders.add(order.join());
    }
    // The best option ("outcome") is not always the top row.
    expect(orders.size).toBe(2);
  });

  it('refuses an answer after the deadline, at another node, or for a step not open', () => {
    const log: SessionEvent[] = [created('lockstep', 10)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 0, { seed: 1, tokenHash: 'a' }));
    run(state, log, state.planControl('start', 1000));
    expect(state.planDecide('t1', { step: 1, node: 'need', option: 'outcome' }, 11_001)).toMatchObject({
      ok: false,
      error: { code: 'closed' },
    });
    expect(state.planDecide('t1', { step: 1, node: 'award', option: 'quality-price' }, 2000)).toMatchObject({
      ok: false,
      error: { code: 'closed' },
    });
    expect(state.planDecide('t1', { step: 2, node: 'need', option: 'outcome' }, 2000)).toMatchObject({
      ok: false,
      error: { code: 'closed' },
    });
    expect(state.planTimeouts(10_999)).toEqual([]);
    expect(state.planTimeouts(11_000)).toEqual([{ type: 'stepClosed', at: 11_000, step: 1 }]);
  });

  it('keeps the time left over a pause', () => {
    const log: SessionEvent[] = [created('free', 10)];
    const state = replay(log);
    run(state, log, state.planJoin('Red', 0, { seed: 1, tokenHash: 'a' }));
    run(state, log, state.planControl('start', 0));
    run(state, log, state.planOpen('t1', 1, 1000));
    run(state, log, state.planControl('pause', 4000)); // 7 s left
    expect(state.nextDeadline()).toBeNull();
    run(state, log, state.planControl('resume', 60_000));
    expect(state.nextDeadline()).toBe(67_000);
    expect(state.teamState(state.team('t1'), 60_000).open!.clock).toEqual({ deadline: 67_000, remainingMs: 7000 });
  });

  it('refuses a log for another scenario version', () => {
    expect(
      () => new SessionState(compiled, { ...created('free', 0), scenarioVersion: '0.0.0-other' } as SessionEvent),
    ).toThrow(/was played with tutorial 0\.0\.0-other/);
  });

  it('lets a team that did not answer an untimed decision take its weakest option', () => {
    const need = compiled.nodes.get('need') as DecisionNode;
    expect(weakestOption(need)).toBe('product');
    const award = compiled.nodes.get('award') as DecisionNode;
    expect(weakestOption(award)).toBe('lowest-price');
  });
});
