// Cross-reference problems: the shapes are right, but ids, numbers or loops do not agree.
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { baseScenario, branch, decision, ending, option, toText } from './test-support/scenario';
import { mustLoad, openerOf, positionOf, setAt, valuePosition } from './test-support/text';
import { FILE, onlyProblem, refused } from './test-support/refused';

const NODE = 'the id of a node in this scenario';
const METRIC = 'the id of a metric declared in "metrics"';
const FLAG = 'the id of a flag declared in "flags"';

describe('unknown node ids', () => {
  it('an unknown `next` target, with a hint', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/0/next', 'stromm');
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/options/0/next',
      ...valuePosition(text, '"next": "stromm"'),
      expected: NODE,
      found: '"stromm" (no node has this id)',
      hint: 'did you mean "storm"?',
    });
  });

  it('an unknown target with no similar id has no hint', () => {
    const { problem } = onlyProblem((s) => {
      setAt(s, '/nodes/0/next', 'elsewhere');
    });
    expect(problem).toMatchObject({ pointer: '/nodes/0/next', found: '"elsewhere" (no node has this id)' });
    expect(problem.hint).toBeUndefined();
  });

  it('an unknown start', () => {
    const { text, problem } = onlyProblem((s) => {
      s.start = 'intor';
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/start',
      ...valuePosition(text, '"start": "intor"'),
      expected: NODE,
      found: '"intor" (no node has this id)',
      hint: 'did you mean "intro"?',
    });
  });

  it('every kind of link is checked, and all unknown targets are reported together', () => {
    const { text, problems } = refused((s) => {
      setAt(s, '/nodes/0/next', 'decid');
      setAt(s, '/nodes/2/outcomes/1/next', 'gat');
      setAt(s, '/nodes/3/cases/0/next', 'winn');
      setAt(s, '/nodes/3/otherwise', 'loose');
    });
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/nodes/0/next',
        ...valuePosition(text, '"next": "decid"'),
        hint: 'did you mean "decide"?',
      }),
      expect.objectContaining({
        pointer: '/nodes/2/outcomes/1/next',
        ...valuePosition(text, '"next": "gat"'),
        hint: 'did you mean "gate"?',
      }),
      expect.objectContaining({
        pointer: '/nodes/3/cases/0/next',
        ...valuePosition(text, '"next": "winn"'),
        hint: 'did you mean "win"?',
      }),
      expect.objectContaining({
        pointer: '/nodes/3/otherwise',
        ...valuePosition(text, '"otherwise": "loose"'),
        hint: 'did you mean "lose"?',
      }),
    ]);
  });
});

describe('unknown metrics and undeclared flags', () => {
  it("an unknown metric in an option's effects, at its value", () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/0/effects', { budgt: -10 });
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/options/0/effects/budgt',
      ...valuePosition(text, '"budgt": -10'),
      expected: METRIC,
      found: '"budgt"',
      hint: 'did you mean "budget"?',
    });
  });

  it("an unknown metric in an outcome's effects and in a condition", () => {
    const { text, problems } = refused((s) => {
      setAt(s, '/nodes/2/outcomes/0/effects', { risks: 10 });
      setAt(s, '/nodes/3/cases/0/when', { all: [{ flag: 'talked' }, { metric: 'trust', op: '>=', value: 5 }] });
    });
    expect(problems).toEqual([
      {
        file: FILE,
        pointer: '/nodes/2/outcomes/0/effects/risks',
        ...valuePosition(text, '"risks": 10'),
        expected: METRIC,
        found: '"risks"',
        hint: 'did you mean "risk"?',
      },
      {
        file: FILE,
        pointer: '/nodes/3/cases/0/when/all/1/metric',
        ...valuePosition(text, '"metric": "trust"'),
        expected: METRIC,
        found: '"trust"',
      },
    ]);
  });

  it('undeclared flags in setFlags, clearFlags and nested conditions', () => {
    const { text, problems } = refused((s) => {
      setAt(s, '/nodes/1/options/0/setFlags', ['talked', 'talkd']);
      setAt(s, '/nodes/1/options/1/clearFlags', ['skipped']);
      setAt(s, '/nodes/3/cases/0/when', { any: [{ not: { flag: 'talker' } }, { flag: 'talked' }] });
    });
    expect(problems).toEqual([
      {
        file: FILE,
        pointer: '/nodes/1/options/0/setFlags/1',
        ...positionOf(text, '"talkd"'),
        expected: FLAG,
        found: '"talkd"',
        hint: 'did you mean "talked"?',
      },
      {
        file: FILE,
        pointer: '/nodes/1/options/1/clearFlags/0',
        ...positionOf(text, '"skipped"'),
        expected: FLAG,
        found: '"skipped"',
      },
      {
        file: FILE,
        pointer: '/nodes/3/cases/0/when/any/0/not/flag',
        ...valuePosition(text, '"flag": "talker"'),
        expected: FLAG,
        found: '"talker"',
        hint: 'did you mean "talked"?',
      },
    ]);
  });
});

describe('duplicate ids are reported where they are repeated', () => {
  it('a node id', () => {
    const { text, problem } = onlyProblem((s) => {
      s.nodes.push(ending('win', 'mixed'));
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/6/id',
      ...valuePosition(text, '"id": "win"', 2),
      expected: 'a node id used only once',
      found: '"win", already used at /nodes/4/id',
    });
  });

  it('an option id', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/1/id', 'talk');
      setAt(s, '/nodes/1/timer/onTimeout', 'talk');
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/options/1/id',
      ...valuePosition(text, '"id": "talk"', 2),
      expected: 'an option id used only once',
      found: '"talk", already used at /nodes/1/options/0/id',
    });
  });

  it('a metric id, a flag id and an outcome id, all in one file', () => {
    const { text, problems } = refused((s) => {
      s.metrics.push({ ...s.metrics[0]! });
      s.flags = ['talked', 'talked'];
      setAt(s, '/nodes/2/outcomes/1/id', 'rain');
    });
    expect(problems).toEqual([
      expect.objectContaining({
        pointer: '/metrics/2/id',
        expected: 'a metric id used only once',
        ...valuePosition(text, '"id": "budget"', 2),
        found: '"budget", already used at /metrics/0/id',
      }),
      expect.objectContaining({
        pointer: '/flags/1',
        ...positionOf(text, '"talked"', 2),
        found: '"talked", already used at /flags/0',
      }),
      expect.objectContaining({
        pointer: '/nodes/2/outcomes/1/id',
        ...valuePosition(text, '"id": "rain"', 2),
        expected: 'an outcome id used only once',
      }),
    ]);
  });
});

describe('numbers that must agree', () => {
  it("a timer's onTimeout that is not one of the decision's options", () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/timer/onTimeout', 'skp');
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/timer/onTimeout',
      ...valuePosition(text, '"onTimeout": "skp"'),
      expected: "the id of one of this decision's options",
      found: '"skp"',
      hint: 'did you mean "skip"?',
    });
  });

  it("an event's chances that do not add up to 100", () => {
    for (const [rain, total] of [
      [40, 110],
      [29, 99],
    ]) {
      const { text, problem } = onlyProblem((s) => {
        setAt(s, '/nodes/2/outcomes/0/chance', rain);
      });
      expect(problem).toEqual({
        file: FILE,
        pointer: '/nodes/2/outcomes',
        ...valuePosition(text, '"outcomes": ['),
        expected: 'chances that add up to 100 (percent)',
        found: `a total of ${total}`,
      });
    }
  });

  it('a starting value outside the bounds', () => {
    for (const initial of [150, -1]) {
      const { text, problem } = onlyProblem((s) => {
        setAt(s, '/metrics/0/initial', initial);
      });
      expect(problem).toEqual({
        file: FILE,
        pointer: '/metrics/0/initial',
        ...valuePosition(text, `"initial": ${initial}`),
        expected: 'a starting value between 0 and 100',
        found: String(initial),
      });
    }
  });

  it('a lowest value not below the highest', () => {
    for (const min of [100, 120]) {
      const { text, problem } = onlyProblem((s) => {
        setAt(s, '/metrics/0/min', min);
      });
      expect(problem).toEqual({
        file: FILE,
        pointer: '/metrics/0/max',
        ...valuePosition(text, '"max": 100'),
        expected: `a highest value above the lowest (${min})`,
        found: '100',
      });
    }
  });

  it('every metric weighted 0, unless decisions are the whole score', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/metrics/0/weight', 0);
      setAt(s, '/metrics/1/weight', 0);
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/metrics',
      ...valuePosition(text, '"metrics": ['),
      expected: 'at least one metric with a weight above 0 (or "scoring": {"decisionQuality": 1})',
      found: 'every weight 0',
    });
    const s = baseScenario();
    setAt(s, '/metrics/0/weight', 0);
    setAt(s, '/metrics/1/weight', 0);
    s.scoring = { decisionQuality: 1 };
    expect(mustLoad(loadScenario(toText(s), FILE)).scoring.decisionQuality).toBe(1);
  });
});

describe('loops made only of branch nodes', () => {
  it('a loop through two branches is refused at the first branch of the loop', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/3', branch('gate', [[{ flag: 'talked' }, 'win']], 'regate'));
      s.nodes.push(branch('regate', [[{ metric: 'budget', op: '>', value: 10 }, 'gate']], 'lose'));
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/3',
      ...openerOf(text, '"id": "gate"'),
      expected: 'a path out of every loop of branch nodes (the player would be stuck without a decision)',
      found: 'the loop gate → regate → gate',
    });
  });

  it('a branch that leads to itself', () => {
    const { problem } = onlyProblem((s) => {
      setAt(s, '/nodes/3/otherwise', 'gate');
    });
    expect(problem).toMatchObject({ pointer: '/nodes/3', found: 'the loop gate → gate' });
  });

  it('a loop that passes a decision is allowed', () => {
    const s = baseScenario();
    setAt(s, '/nodes/3/otherwise', 'retry');
    s.nodes.push(decision('retry', [option('again', 'gate'), option('give-up', 'lose')]));
    expect(mustLoad(loadScenario(toText(s), FILE)).nodes).toHaveLength(7);
  });
});

describe('several reference problems in one file', () => {
  it('are all reported, in file order', () => {
    const { problems } = refused((s) => {
      s.start = 'nowhere';
      setAt(s, '/metrics/1/initial', 200);
      setAt(s, '/nodes/1/timer/onTimeout', 'wait');
      setAt(s, '/nodes/1/options/1/effects', { cost: 5 });
      setAt(s, '/nodes/2/outcomes/1/chance', 60);
      setAt(s, '/nodes/3/cases/0/when', { flag: 'agreed' });
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/metrics/1/initial',
      '/start',
      '/nodes/1/options/1/effects/cost',
      '/nodes/1/timer/onTimeout',
      '/nodes/2/outcomes',
      '/nodes/3/cases/0/when/flag',
    ]);
    for (const p of problems) {
      expect(p.file).toBe(FILE);
      expect(p.line).toBeGreaterThan(1);
      expect(p.column).toBeGreaterThan(1);
    }
  });
});
