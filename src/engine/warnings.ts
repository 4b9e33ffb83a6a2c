// What an author would want to know about a valid scenario: places players never get to,
// choices that change nothing, and analysis that had to stop early.
import type { Analysis } from './analyze';
import type { Scenario } from './schema';

export interface ScenarioWarning {
  /** JSON pointer to the part of the file concerned. */
  pointer: string;
  message: string;
}

export function warningsFor(scenario: Scenario, analysis: Analysis): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const indexOf = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const at = (id: string) => `/nodes/${indexOf.get(id) ?? 0}`;

  if (!analysis.exact) {
    warnings.push({
      pointer: '',
      message: `the analysis could not prove everything within ${analysis.stateLimit.toLocaleString('en')} game states per search${analysis.cyclic ? ' (the scenario has a cycle)' : ''}: the best and worst scores are the best found, and undecided nodes are listed`,
    });
  }
  const isEnding = new Set(analysis.endings.map((e) => e.id));
  for (const id of analysis.unreachable) {
    warnings.push({ pointer: at(id), message: `${isEnding.has(id) ? 'ending' : 'node'} "${id}" can never be reached` });
  }
  for (const id of analysis.undecided) {
    warnings.push({ pointer: at(id), message: `node "${id}" was neither reached nor proven unreachable` });
  }
  for (const id of analysis.deadEnds)
    warnings.push({ pointer: at(id), message: `from node "${id}" no ending can be reached` });
  const unreachable = new Set(analysis.unreachable);
  for (const c of analysis.branchCases) {
    if (c.taken !== 'no' || unreachable.has(c.node)) continue;
    const which = c.case === 'otherwise' ? 'its "otherwise"' : `case ${c.case + 1}`;
    const pointer = c.case === 'otherwise' ? `${at(c.node)}/otherwise` : `${at(c.node)}/cases/${c.case}`;
    warnings.push({ pointer, message: `branch "${c.node}" never takes ${which} (to "${c.next}") in any play-through` });
  }
  const changed = new Set<string>();
  for (const n of scenario.nodes) {
    const parts = n.kind === 'decision' ? n.options : n.kind === 'event' ? n.outcomes : [];
    for (const p of parts) for (const [m, delta] of Object.entries(p.effects)) if (delta !== 0) changed.add(m);
  }
  scenario.metrics.forEach((m, i) => {
    if (!changed.has(m.id))
      warnings.push({ pointer: `/metrics/${i}`, message: `metric "${m.id}" is never changed by any option or event` });
  });
  return warnings;
}
