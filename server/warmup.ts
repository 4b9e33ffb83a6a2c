// Before the room arrives: play a few throwaway sessions of every scenario in memory, so the
// engine and the session state are compiled by V8's optimising compiler before the first real
// step opens. Without it the first step of a workshop answers about twice as slowly as the later
// ones (measured with `npm run bench:hub`). Nothing is stored or sent; nothing is kept.
import type { CompiledScenario } from '../src/engine';
import type { SessionEvent } from '../src/session/events';
import { SessionState } from '../src/session/state';

export interface WarmUpResult {
  decisions: number;
  /** Sessions played per scenario. */
  rounds: number;
  ms: number;
}

/**
 * Plays lockstep sessions of `teams` teams through each scenario until `budgetMs` has passed
 * (at least one session per scenario). Returns how many decisions were played and how long it took.
 */
export function warmUp(
  scenarios: Iterable<CompiledScenario>,
  budgetMs = 400,
  teams = 12,
  now: () => number = () => performance.now(),
): WarmUpResult {
  const start = now();
  const list = [...scenarios];
  let decisions = 0;
  let rounds = 0;
  while (list.length > 0) {
    for (const compiled of list) decisions += playOnce(compiled, teams, rounds);
    rounds++;
    if (now() - start >= budgetMs) break;
  }
  return { decisions, rounds, ms: now() - start };
}

/** One lockstep session in memory; teams pick different options, so different paths are played. */
function playOnce(compiled: CompiledScenario, teams: number, round: number): number {
  let at = 0;
  const state = new SessionState(compiled, {
    type: 'created',
    at,
    sessionId: 'warm-up',
    code: 'WARMWARM',
    facilitatorHash: '',
    scenarioId: compiled.scenario.id,
    scenarioVersion: compiled.scenario.version,
    mode: 'lockstep',
    grouping: 'individuals',
    timerSeconds: 0,
    title: 'warm-up',
  });
  const apply = (events: SessionEvent[]) => {
    for (const e of events) state.apply(e);
  };
  for (let i = 0; i < teams; i++) {
    const plan = state.planJoin(`W${i}`, ++at, { seed: round * teams + i, tokenHash: `w${i}` });
    if (plan.ok) apply(plan.events);
  }
  let decided = 0;
  let control = state.planControl('start', ++at);
  for (let guard = 0; control.ok && guard < 1000; guard++) {
    apply(control.events);
    for (const team of state.teams.values()) {
      const open = team.open;
      const view = team.story[team.story.length - 1];
      if (open && view?.kind === 'decision') {
        const option = view.options[(decided + round) % view.options.length]!.id;
        const plan = state.planDecide(team.id, { step: open.step, node: open.node, option }, ++at);
        if (plan.ok) {
          apply(plan.events);
          decided++;
        }
      }
      state.teamState(team, at);
      state.teamSummary(team, 1);
    }
    const reveal = state.planControl('reveal', ++at);
    if (reveal.ok) apply(reveal.events);
    state.allTallies();
    control = state.planControl('next', ++at);
  }
  return decided;
}
