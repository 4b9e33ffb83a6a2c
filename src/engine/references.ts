// Cross-reference checks the schema cannot make: ids that must exist, ids that must be unique,
// numbers that must agree with each other, and loops the player could never leave.
import type { Position } from './json';
import { problemAt, type ScenarioProblem } from './problems';
import type { Condition, Scenario, ScenarioNode } from './schema';
import { didYouMean } from './suggest';
import { successors } from './graph';

export function checkReferences(
  scenario: Scenario,
  file: string,
  locate: (pointer: string) => Position,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (pointer: string, expected: string, found: string, hint?: string) => {
    problems.push(problemAt(file, pointer, locate(pointer), expected, found, hint));
  };

  const metricIds = uniqueIds(
    scenario.metrics.map((m) => m.id),
    'metric',
    add,
    (i) => `/metrics/${i}/id`,
  );
  const flagIds = uniqueIds(scenario.flags, 'flag', add, (i) => `/flags/${i}`);
  const nodeIds = uniqueIds(
    scenario.nodes.map((n) => n.id),
    'node',
    add,
    (i) => `/nodes/${i}/id`,
  );

  scenario.metrics.forEach((m, i) => {
    if (m.min >= m.max) add(`/metrics/${i}/max`, `a highest value above the lowest (${m.min})`, String(m.max));
    else if (m.initial < m.min || m.initial > m.max)
      add(`/metrics/${i}/initial`, `a starting value between ${m.min} and ${m.max}`, String(m.initial));
  });
  if (scenario.metrics.every((m) => m.weight === 0) && scenario.scoring.decisionQuality < 1) {
    add(
      '/metrics',
      'at least one metric with a weight above 0 (or "scoring": {"decisionQuality": 1})',
      'every weight 0',
    );
  }

  const node = (pointer: string, target: string) => {
    if (!nodeIds.has(target))
      add(
        pointer,
        'the id of a node in this scenario',
        `"${target}" (no node has this id)`,
        didYouMean(target, nodeIds.keys()),
      );
  };
  const metric = (pointer: string, name: string) => {
    if (!metricIds.has(name))
      add(pointer, 'the id of a metric declared in "metrics"', `"${name}"`, didYouMean(name, metricIds.keys()));
  };
  const flag = (pointer: string, name: string) => {
    if (!flagIds.has(name))
      add(pointer, 'the id of a flag declared in "flags"', `"${name}"`, didYouMean(name, flagIds.keys()));
  };
  const effects = (base: string, e: { effects: Record<string, number>; setFlags: string[]; clearFlags: string[] }) => {
    for (const name of Object.keys(e.effects)) metric(`${base}/effects/${name}`, name);
    e.setFlags.forEach((f, k) => {
      flag(`${base}/setFlags/${k}`, f);
    });
    e.clearFlags.forEach((f, k) => {
      flag(`${base}/clearFlags/${k}`, f);
    });
  };
  const condition = (pointer: string, c: Condition) => {
    if ('all' in c)
      c.all.forEach((x, k) => {
        condition(`${pointer}/all/${k}`, x);
      });
    else if ('any' in c)
      c.any.forEach((x, k) => {
        condition(`${pointer}/any/${k}`, x);
      });
    else if ('not' in c) condition(`${pointer}/not`, c.not);
    else if ('metric' in c) metric(`${pointer}/metric`, c.metric);
    else flag(`${pointer}/flag`, c.flag);
  };

  node('/start', scenario.start);

  scenario.nodes.forEach((n, i) => {
    const base = `/nodes/${i}`;
    switch (n.kind) {
      case 'narrative':
        node(`${base}/next`, n.next);
        break;
      case 'decision': {
        const optionIds = uniqueIds(
          n.options.map((o) => o.id),
          'option',
          add,
          (k) => `${base}/options/${k}/id`,
        );
        n.options.forEach((o, k) => {
          effects(`${base}/options/${k}`, o);
          node(`${base}/options/${k}/next`, o.next);
        });
        if (n.timer && !optionIds.has(n.timer.onTimeout)) {
          add(
            `${base}/timer/onTimeout`,
            "the id of one of this decision's options",
            `"${n.timer.onTimeout}"`,
            didYouMean(n.timer.onTimeout, optionIds.keys()),
          );
        }
        break;
      }
      case 'branch':
        n.cases.forEach((c, k) => {
          condition(`${base}/cases/${k}/when`, c.when);
          node(`${base}/cases/${k}/next`, c.next);
        });
        node(`${base}/otherwise`, n.otherwise);
        break;
      case 'event': {
        uniqueIds(
          n.outcomes.map((o) => o.id),
          'outcome',
          add,
          (k) => `${base}/outcomes/${k}/id`,
        );
        n.outcomes.forEach((o, k) => {
          effects(`${base}/outcomes/${k}`, o);
          node(`${base}/outcomes/${k}/next`, o.next);
        });
        const total = n.outcomes.reduce((sum, o) => sum + o.chance, 0);
        if (total !== 100) add(`${base}/outcomes`, 'chances that add up to 100 (percent)', `a total of ${total}`);
        break;
      }
      case 'ending':
        break;
    }
  });

  if (problems.length === 0) {
    const loop = findBranchLoop(scenario.nodes);
    if (loop) {
      const i = scenario.nodes.findIndex((n) => n.id === loop[0]);
      add(
        `/nodes/${i}`,
        'a path out of every loop of branch nodes (the player would be stuck without a decision)',
        `the loop ${loop.join(' → ')}`,
      );
    }
  }
  return problems;
}

/** Collects ids, reporting each repeat at the place it is repeated. */
function uniqueIds(
  ids: readonly string[],
  what: string,
  add: (pointer: string, expected: string, found: string) => void,
  pointerOf: (index: number) => string,
): Map<string, number> {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined)
      add(
        pointerOf(i),
        `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id used only once`,
        `"${id}", already used at ${pointerOf(first)}`,
      );
    else seen.set(id, i);
  });
  return seen;
}

/** Branches are passed through instantly: a cycle made only of branches would never stop. */
function findBranchLoop(nodes: readonly ScenarioNode[]): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'open' | 'done'>();
  for (const start of nodes) {
    if (start.kind !== 'branch' || state.has(start.id)) continue;
    // Iterative DFS over branch nodes only.
    const stack: { id: string; next: string[] }[] = [{ id: start.id, next: successors(start) }];
    state.set(start.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const nextId = top.next.pop();
      if (nextId === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const next = byId.get(nextId);
      if (!next || next.kind !== 'branch') continue;
      const s = state.get(nextId);
      if (s === 'open') {
        const from = stack.findIndex((f) => f.id === nextId);
        return [...stack.slice(from).map((f) => f.id), nextId];
      }
      if (s === undefined) {
        state.set(nextId, 'open');
        stack.push({ id: nextId, next: successors(next) });
      }
    }
  }
  return undefined;
}
