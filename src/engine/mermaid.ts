// The scenario as a Mermaid flowchart (GitHub, GitLab and many editors draw it from a fenced
// ```mermaid block). Node kinds differ in shape and colour; endings are coloured by outcome.
import { storyDiagram, type DiagramEdgeKind, type DiagramNode } from './diagram';
import type { NodeKind, Scenario } from './schema';

/** Opening and closing bracket of each node shape, around a quoted label. */
const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  narrative: ['(', ')'], // rounded box: a scene
  decision: ['[', ']'], // box with a heavy border: the player chooses
  branch: ['{', '}'], // rhombus: the game checks a condition
  event: ['{{', '}}'], // hexagon: chance
  ending: ['([', '])'], // stadium: the end, coloured by outcome
};

const ARROWS: Readonly<Record<DiagramEdgeKind, string>> = {
  next: '-->',
  option: '-->',
  case: '-->',
  otherwise: '-->',
  outcome: '-.->', // dotted: chance decides
};

const CLASS_DEFS = [
  'classDef start fill:#212121,stroke:#212121,color:#ffffff',
  'classDef narrative fill:#f5f5f5,stroke:#616161',
  'classDef decision fill:#e3f2fd,stroke:#1565c0,stroke-width:3px',
  'classDef branch fill:#fff8e1,stroke:#f9a825',
  'classDef event fill:#f3e5f5,stroke:#6a1b9a,stroke-dasharray:5',
  'classDef success fill:#c8e6c9,stroke:#2e7d32,stroke-width:2px',
  'classDef mixed fill:#ffe0b2,stroke:#ef6c00,stroke-width:2px',
  'classDef failure fill:#ffcdd2,stroke:#c62828,stroke-width:2px',
];

/**
 * Characters that would end a quoted label, start an entity or HTML, turn into Markdown (GitHub
 * renders label text as Markdown) or into a line break (Mermaid reads a backslash and "n" as
 * one), written as Mermaid entity codes (`#35;` is "#").
 */
const ESCAPED = /["#&<>*_`|~\\]/g;

/** Text for inside a double-quoted Mermaid label. */
export function mermaidText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(ESCAPED, (c) => `#${c.charCodeAt(0)};`);
}

const label = (lines: readonly string[]) => `"${lines.map(mermaidText).join('<br/>')}"`;

/** The class that colours a node: its kind, or for an ending its outcome. */
function classOf(node: DiagramNode): string {
  return node.outcome ?? node.kind;
}

/**
 * @example
 * toMermaid(scenario) // "flowchart TD\n  start0((\"start\"))\n  n0(\"welcome<br/>Welcome…\")\n…"
 */
export function toMermaid(scenario: Scenario): string {
  const diagram = storyDiagram(scenario);
  // Mermaid ids are generated: scenario ids such as "end" or "o-ring" mean something to Mermaid.
  const ref = new Map(diagram.nodes.map((n, i) => [n.id, `n${i}`]));
  const out = [
    `%% ${diagram.id} ${diagram.version}: drawn by npm run ppi -- graph`,
    'flowchart TD',
    // Read out by screen readers in place of the picture.
    `  accTitle: ${mermaidText(diagram.title)}`,
    `  accDescr: the story of scenario ${diagram.id}, with ${diagram.nodes.length} nodes`,
    '  start0(("start"))',
  ];
  for (const node of diagram.nodes) {
    const [open, close] = SHAPES[node.kind];
    out.push(`  ${ref.get(node.id)!}${open}${label(node.lines)}${close}`);
  }
  out.push(`  start0 --> ${ref.get(diagram.start)!}`);
  for (const edge of diagram.edges) {
    const text = edge.lines.length > 0 ? `|${label(edge.lines)}|` : '';
    out.push(`  ${ref.get(edge.from)!} ${ARROWS[edge.kind]}${text} ${ref.get(edge.to)!}`);
  }
  for (const def of CLASS_DEFS) out.push(`  ${def}`);
  out.push('  class start0 start');
  const byClass = new Map<string, string[]>();
  for (const node of diagram.nodes) {
    const list = byClass.get(classOf(node)) ?? [];
    list.push(ref.get(node.id)!);
    byClass.set(classOf(node), list);
  }
  for (const [name, ids] of byClass) out.push(`  class ${ids.join(',')} ${name}`);
  return out.join('\n') + '\n';
}
