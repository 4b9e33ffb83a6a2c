// The scenario as a Graphviz DOT graph (`dot -Tsvg story.dot > story.svg`). Node kinds differ in
// shape and colour; endings are coloured by outcome; chance edges are dashed.
import { storyDiagram, type DiagramEdge, type DiagramNode } from './diagram';
import type { NodeKind, Outcome, Scenario } from './schema';

const NODE_STYLES: Readonly<Record<NodeKind, string>> = {
  narrative: 'shape=box, style="rounded,filled", fillcolor="#f5f5f5", color="#616161"',
  decision: 'shape=box, style="filled,bold", penwidth=2, fillcolor="#e3f2fd", color="#1565c0"',
  branch: 'shape=diamond, style=filled, fillcolor="#fff8e1", color="#f9a825"',
  event: 'shape=hexagon, style="filled,dashed", fillcolor="#f3e5f5", color="#6a1b9a"',
  ending: 'shape=box, style="rounded,filled,bold", penwidth=2',
};

const ENDING_COLOURS: Readonly<Record<Outcome, string>> = {
  success: 'fillcolor="#c8e6c9", color="#2e7d32"',
  mixed: 'fillcolor="#ffe0b2", color="#ef6c00"',
  failure: 'fillcolor="#ffcdd2", color="#c62828"',
};

/** A DOT double-quoted string: backslashes and quotes escaped, whitespace made single spaces. */
export function dotString(text: string): string {
  return `"${text.replace(/\s+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Label lines, each centred (DOT's "\n" line break). */
const label = (lines: readonly string[]) => `"${lines.map((l) => dotString(l).slice(1, -1)).join('\\n')}"`;

function nodeLine(node: DiagramNode): string {
  const colours = node.outcome ? `, ${ENDING_COLOURS[node.outcome]}` : '';
  return `  ${dotString(node.id)} [label=${label(node.lines)}, ${NODE_STYLES[node.kind]}${colours}];`;
}

function edgeLine(edge: DiagramEdge): string {
  const attributes: string[] = [];
  if (edge.lines.length > 0) attributes.push(`label=${label(edge.lines)}`);
  if (edge.kind === 'outcome') attributes.push('style=dashed');
  if (edge.kind === 'otherwise') attributes.push('style=dotted');
  const list = attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
  return `  ${dotString(edge.from)} -> ${dotString(edge.to)}${list};`;
}

/**
 * @example
 * toDot(scenario) // "digraph \"tutorial\" {\n  label=\"First steps…\";\n…"
 */
export function toDot(scenario: Scenario): string {
  const diagram = storyDiagram(scenario);
  // "__start" cannot clash with a scenario id: ids have no underscores.
  const out = [
    `// ${diagram.id} ${diagram.version}: drawn by npm run ppi -- graph --format dot`,
    `digraph ${dotString(diagram.id)} {`,
    `  label=${dotString(diagram.title)};`,
    '  labelloc=t;',
    '  fontname="Helvetica";',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
    '  "__start" [label="start", shape=circle, style=filled, fillcolor="#212121", fontcolor="#ffffff"];',
    ...diagram.nodes.map(nodeLine),
    `  "__start" -> ${dotString(diagram.start)};`,
    ...diagram.edges.map(edgeLine),
    '}',
  ];
  return out.join('\n') + '\n';
}
