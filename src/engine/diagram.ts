// The scenario as a picture an author can read: every node with a short label, every way out of it
// with what leads there (an option, a branch case in words, an event's chance). Format-neutral;
// mermaid.ts and dot.ts turn it into text for those tools.
import type { Comparison, Condition, NodeKind, Outcome, Quality, Scenario } from './schema';

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  /** Label lines, unescaped: the id first, then a short title or text, then details. */
  lines: string[];
  /** For endings: how the story ended, which colours the node. */
  outcome?: Outcome;
}

export type DiagramEdgeKind = 'next' | 'option' | 'case' | 'otherwise' | 'outcome';

export interface DiagramEdge {
  from: string;
  to: string;
  kind: DiagramEdgeKind;
  /** Label lines, unescaped; empty for a narrative's plain "next". */
  lines: string[];
  /** For options: how an expert judges the choice. */
  quality?: Quality;
}

export interface Diagram {
  id: string;
  version: string;
  title: string;
  start: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Longest node text shown, in characters; the full text is in the file. */
export const NODE_TEXT_CHARS = 40;
/** Longest option text shown on an edge, in characters. */
export const EDGE_TEXT_CHARS = 32;

const OPERATOR_TEXT: Readonly<Record<Comparison, string>> = {
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  '==': '=',
  '!=': '≠',
};

/**
 * A condition in words, for people: `market-heard and innovation ≥ 45`.
 *
 * @example describeCondition({ not: { flag: 'late' } }) // "not late"
 */
export function describeCondition(condition: Condition): string {
  if ('metric' in condition) return `${condition.metric} ${OPERATOR_TEXT[condition.op]} ${condition.value}`;
  if ('flag' in condition) return condition.flag;
  if ('not' in condition) return `not ${grouped(condition.not)}`;
  if ('all' in condition) return condition.all.map(grouped).join(' and ');
  return condition.any.map(grouped).join(' or ');
}

/** A part of a larger condition, in brackets when it is itself a list of two or more. */
function grouped(condition: Condition): string {
  const text = describeCondition(condition);
  const list = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  return list && list.length > 1 ? `(${text})` : text;
}

/** One line of at most `max` characters, cut at a word where possible, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function storyDiagram(scenario: Scenario): Diagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const node of scenario.nodes) {
    switch (node.kind) {
      case 'narrative':
        nodes.push({
          id: node.id,
          kind: node.kind,
          lines: [node.id, shorten(node.title ?? node.text, NODE_TEXT_CHARS)],
        });
        edges.push({ from: node.id, to: node.next, kind: 'next', lines: [] });
        break;
      case 'decision': {
        const lines = [node.id, shorten(node.title ?? node.prompt, NODE_TEXT_CHARS)];
        if (node.timer) lines.push(`timer ${node.timer.seconds} s, then ${node.timer.onTimeout}`);
        nodes.push({ id: node.id, kind: node.kind, lines });
        node.options.forEach((o, i) => {
          const timeout = node.timer?.onTimeout === o.id ? ', on time-out' : '';
          edges.push({
            from: node.id,
            to: o.next,
            kind: 'option',
            lines: [`${i + 1}. ${o.id} (${o.quality}${timeout})`, shorten(o.text, EDGE_TEXT_CHARS)],
            quality: o.quality,
          });
        });
        break;
      }
      case 'branch':
        nodes.push({ id: node.id, kind: node.kind, lines: [node.id, 'branch'] });
        node.cases.forEach((c, i) => {
          edges.push({ from: node.id, to: c.next, kind: 'case', lines: [`${i + 1}. if ${describeCondition(c.when)}`] });
        });
        edges.push({ from: node.id, to: node.otherwise, kind: 'otherwise', lines: ['otherwise'] });
        break;
      case 'event':
        nodes.push({
          id: node.id,
          kind: node.kind,
          lines: [node.id, shorten(node.title ?? node.text ?? 'chance', NODE_TEXT_CHARS)],
        });
        for (const o of node.outcomes) {
          edges.push({ from: node.id, to: o.next, kind: 'outcome', lines: [`${o.chance}%: ${o.id}`] });
        }
        break;
      case 'ending':
        nodes.push({
          id: node.id,
          kind: node.kind,
          lines: [node.id, shorten(node.title, NODE_TEXT_CHARS), node.outcome],
          outcome: node.outcome,
        });
        break;
    }
  }
  return { id: scenario.id, version: scenario.version, title: scenario.title, start: scenario.start, nodes, edges };
}
