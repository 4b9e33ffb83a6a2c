// The scenario as a plain directed graph of node ids, for checks and analysis.
import type { Scenario, ScenarioNode } from './schema';

/** The ids a node can lead to, in file order, without regard to conditions or chance. */
export function successors(node: ScenarioNode): string[] {
  switch (node.kind) {
    case 'narrative':
      return [node.next];
    case 'decision':
      return node.options.map((o) => o.next);
    case 'branch':
      return [...node.cases.map((c) => c.next), node.otherwise];
    case 'event':
      return node.outcomes.map((o) => o.next);
    case 'ending':
      return [];
  }
}

export function nodeIndex(scenario: Scenario): ReadonlyMap<string, ScenarioNode> {
  return new Map(scenario.nodes.map((n) => [n.id, n]));
}
