import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { successors } from '../src/engine/graph';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, loadFile } from './commands';
import { ppi } from './testing';

const SPECIAL = 'cli/fixtures/special-characters.json';

describe('ppi graph (Mermaid)', () => {
  it('draws each node kind in its own shape and colours endings by outcome', async () => {
    const r = await ppi(['graph', 'scenarios/tutorial.json']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        'flowchart TD',
        '  accTitle: First steps: the bench that does not exist',
        '  start0(("start"))',
        '  n0("welcome<br/>Welcome to City Hall")',
        '  n1["need<br/>What are we buying?"]',
        '  n2["market<br/>Talking to the market<br/>timer 60 s, then private"]',
        '  n3{{"storm<br/>A test in the rain"}}',
        '  n5{"check<br/>branch"}',
        '  n6(["end-great<br/>The square comes alive<br/>success"])',
        '  start0 --> n0',
        '  n0 --> n1',
        '  n1 -->|"1. outcome (best)<br/>Describe the outcome: seating…"| n2',
        '  n2 -->|"2. private (poor, on time-out)<br/>Accept the firm\'s help and let…"| n3',
        '  n3 -.->|"60%: sunny"| n4',
        '  n5 -->|"1. if market-heard and innovation ≥ 45"| n6',
        '  n5 -->|"2. if risk ≥ 40"| n8',
        '  n5 -->|"otherwise"| n7',
        '  class n1,n2,n4 decision',
        '  class n6 success',
        '  class n7 mixed',
        '  class n8 failure',
      ]),
    );
  });

  it('has every node and every edge of a large scenario', async () => {
    const file = 'scenarios/street-lighting.json';
    const loaded = loadFile(file);
    if (!loaded.ok) throw new Error('street-lighting must load');
    const nodes = loaded.scenario.nodes;
    const r = await ppi(['graph', file]);
    const defined = r.lines.flatMap((l) => /^ {2}n(\d+)[([{]/.exec(l)?.[1] ?? []).map((i) => nodes[Number(i)]!.id);
    expect(defined).toEqual(nodes.map((n) => n.id));
    const edges = r.lines.flatMap((l) => {
      const m = /^ {2}n(\d+) -\.?->(?:\|"[^"]*"\|)? n(\d+)$/.exec(l);
      return m ? [`${nodes[Number(m[1])]!.id}>${nodes[Number(m[2])]!.id}`] : [];
    });
    expect(edges).toEqual(nodes.flatMap((n) => successors(n).map((to) => `${n.id}>${to}`)));
  });

  it('escapes quotes, tags, ampersands, pipes and Markdown in titles and texts', async () => {
    const r = await ppi(['graph', SPECIAL]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        '  accTitle: The #34;quoted#34; #60;b#62;bench#60;/b#62; #38; #35;35; C:#92;new #124; #42;stars#42; #96;code#96;',
        '  n0("node<br/>Say #34;hello#34; to #60;script#62;alert(1)#60;/script#62;")',
        '  n1["subgraph<br/>A #124; pipe; a #35;quot; and %% not a comment<br/>timer 30 s, then end"]',
        '  n1 -->|"1. ask (best)<br/>Ask #34;why?#34; -#62; then [wait]…"| n2',
        '  n3 -->|"1. if asked and (budget #60; 45 or not budget = 40)"| n4',
        '  n1 -->|"2. end (poor, on time-out)<br/>Back#92;slash#92;n and #95;under#95; #126;tilde#126;"| n3',
      ]),
    );
    // A label is one quoted string: no quote of the text survives to end it early.
    for (const line of r.lines.filter((l) => /^ {2}n\d+/.test(l))) {
      expect(line.split('"').length, line).toBe(line.includes('-->') && !line.includes('|') ? 1 : 3);
    }
  });
});

describe('ppi graph --format dot', () => {
  it('draws kinds as shapes, outcomes as colours and chance as dashed edges', async () => {
    const r = await ppi(['graph', '--format', 'dot', 'scenarios/tutorial.json']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        'digraph "tutorial" {',
        '  "__start" -> "welcome";',
        '  "check" [label="check\\nbranch", shape=diamond, style=filled, fillcolor="#fff8e1", color="#f9a825"];',
        '  "storm" -> "award" [label="60%: sunny", style=dashed];',
        '  "check" -> "end-ok" [label="otherwise", style=dotted];',
        '  "check" -> "end-great" [label="1. if market-heard and innovation ≥ 45"];',
        '  "end-complaint" [label="end-complaint\\nA complaint stops the tender\\nfailure", shape=box, style="rounded,filled,bold", penwidth=2, fillcolor="#ffcdd2", color="#c62828"];',
      ]),
    );
    expect(r.lines.filter((l) => l.includes('shape=box, style="filled,bold"'))).toHaveLength(3);
    expect(r.lines.at(-1)).toBe('}');
  });

  it('escapes quotes and backslashes', async () => {
    const r = await ppi(['graph', '--format=dot', SPECIAL]);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        '  label="The \\"quoted\\" <b>bench</b> & #35; C:\\\\new | *stars* `code`";',
        '  "subgraph" -> "check" [label="2. end (poor, on time-out)\\nBack\\\\slash\\\\n and _under_ ~tilde~"];',
        '  "graph" [label="graph\\n\\"Done\\" <ok>\\nsuccess", shape=box, style="rounded,filled,bold", penwidth=2, fillcolor="#c8e6c9", color="#2e7d32"];',
      ]),
    );
  });
});

describe('ppi graph --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ppi-graph-'));

  it('writes the file, choosing DOT for .dot and .gv and a fenced block for Markdown', async () => {
    const dot = await ppi(['graph', 'scenarios/tutorial.json', '--out', join(dir, 'story.gv')]);
    expect(dot.out).toMatch(/wrote .*story\.gv \(dot, 9 nodes\)/);
    expect(readFileSync(join(dir, 'story.gv'), 'utf8')).toMatch(/^\/\/ tutorial 1\.0\.0.*\ndigraph "tutorial" \{\n/);

    await ppi(['graph', 'scenarios/tutorial.json', '--out', join(dir, 'deep', 'story.md')]);
    const md = readFileSync(join(dir, 'deep', 'story.md'), 'utf8');
    expect(md).toMatch(/^# First steps: the bench that does not exist\n\n```mermaid\n%% tutorial/);
    expect(md.endsWith('```\n')).toBe(true);

    await ppi(['graph', 'scenarios/tutorial.json', '--format', 'mermaid', '--out', join(dir, 'story.dot')]);
    expect(readFileSync(join(dir, 'story.dot'), 'utf8')).toContain('flowchart TD');
  });

  it('refuses an unknown format, a wrong option and an invalid scenario', async () => {
    const svg = await ppi(['graph', '--format', 'svg', 'scenarios/tutorial.json']);
    expect(svg.code).toBe(EXIT_USAGE);
    expect(svg.err).toContain('--format must be one of mermaid, dot, not "svg"');
    expect((await ppi(['graph', '--seed', '1', 'scenarios/tutorial.json'])).err).toContain(
      '--seed does not apply to graph',
    );
    expect((await ppi(['graph', '--out'])).err).toContain('--out needs a file path');
    const broken = await ppi(['graph', 'cli/fixtures/broken.json']);
    expect(broken.code).toBe(EXIT_INVALID);
    expect(broken.out).toContain('FAIL  cli/fixtures/broken.json  (3 problems)');
  });
});
