import { describe, expect, it } from 'vitest';
import { describeCondition, shorten, storyDiagram } from './diagram';
import { dotString, toDot } from './dot';
import { successors } from './graph';
import { mermaidText, toMermaid } from './mermaid';
import { randomScenario } from './test-support/random-scenario';

describe('describeCondition', () => {
  it('says comparisons and flags in words, with brackets only where they matter', () => {
    expect(describeCondition({ metric: 'budget', op: '>=', value: 40 })).toBe('budget ≥ 40');
    expect(describeCondition({ metric: 'risk', op: '!=', value: 0 })).toBe('risk ≠ 0');
    expect(describeCondition({ not: { flag: 'late' } })).toBe('not late');
    expect(
      describeCondition({
        all: [{ flag: 'heard' }, { any: [{ metric: 'a', op: '<', value: 1 }, { not: { flag: 'x' } }] }],
      }),
    ).toBe('heard and (a < 1 or not x)');
    expect(describeCondition({ not: { any: [{ flag: 'a' }, { flag: 'b' }] } })).toBe('not (a or b)');
    expect(describeCondition({ any: [{ all: [{ flag: 'a' }] }] })).toBe('a');
  });
});

describe('shorten', () => {
  it('keeps short text, flattens whitespace, and cuts long text at a word with an ellipsis', () => {
    expect(shorten('  Hello\n  world ', 40)).toBe('Hello world');
    expect(shorten('Describe the outcome: seating, shade and phone charging', 32)).toBe(
      'Describe the outcome: seating…',
    );
    expect(shorten('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });
});

describe('escaping', () => {
  it('writes every character special to a quoted Mermaid label as an entity code', () => {
    expect(mermaidText('say "hi" <b> & #1; | *x* _y_ `z` ~w~')).toBe(
      'say #34;hi#34; #60;b#62; #38; #35;1; #124; #42;x#42; #95;y#95; #96;z#96; #126;w#126;',
    );
    expect(mermaidText('two\nlines, C:\\new')).toBe('two lines, C:#92;new');
  });

  it('escapes quotes and backslashes in DOT strings', () => {
    expect(dotString('say "hi" C:\\new')).toBe('"say \\"hi\\" C:\\\\new"');
  });
});

describe('the story diagram', () => {
  it('has every node once and every way out of every node, in both formats', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const scenario = randomScenario(seed);
      const diagram = storyDiagram(scenario);
      expect(diagram.nodes.map((n) => n.id)).toEqual(scenario.nodes.map((n) => n.id));
      const expected = scenario.nodes.flatMap((n) => successors(n).map((to) => `${n.id}>${to}`));
      expect(diagram.edges.map((e) => `${e.from}>${e.to}`)).toEqual(expected);

      const mermaid = toMermaid(scenario);
      const ref = new Map(scenario.nodes.map((n, i) => [`n${i}`, n.id]));
      const mermaidEdges = [...mermaid.matchAll(/^ {2}(n\d+) -\.?->(?:\|"[^"]*"\|)? (n\d+)$/gm)].map(
        (m) => `${ref.get(m[1]!)!}>${ref.get(m[2]!)!}`,
      );
      expect(mermaidEdges).toEqual(expected);

      const dotEdges = [...toDot(scenario).matchAll(/^ {2}"([^"]+)" -> "([^"]+)"/gm)].map((m) => `${m[1]!}>${m[2]!}`);
      expect(dotEdges).toEqual([`__start>${scenario.start}`, ...expected]);
    }
  });
});
