// Format errors a scenario author can make, each located by JSON pointer, line and column.
// Positions are found in the saved text by the test-support helpers, independently of the
// engine's reader; a few are also spelt out by hand against the base fixture's listing.
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { formatProblem } from './problems';
import { baseScenario, toText } from './test-support/scenario';
import { mustFail, mustLoad, openerOf, positionOf, removeAt, setAt, valuePosition } from './test-support/text';
import { FILE, onlyProblem, refused } from './test-support/refused';

const ID = 'an id of lowercase letters, digits and single hyphens, starting with a letter, like "market-talk"';
const MISSING = 'nothing (the field is missing)';
const UNKNOWN_FIELD = 'only the fields this part of the format defines';

describe('the base fixture', () => {
  it('loads, with defaults filled in', () => {
    const s = mustLoad(loadScenario(toText(baseScenario()), FILE));
    expect(s.id).toBe('tiny-town');
    expect(s.metrics.map((m) => m.better)).toEqual(['higher', 'lower']);
    expect(s.scoring).toEqual({ decisionQuality: 0.5 });
    const decide = s.nodes[1];
    if (decide?.kind !== 'decision') throw new Error('node 1 is the decision');
    expect(decide.options[1]).toMatchObject({ setFlags: [], clearFlags: [], effects: { budget: 10, risk: 30 } });
    const storm = s.nodes[2];
    if (storm?.kind !== 'event') throw new Error('node 2 is the event');
    expect(storm.outcomes[1]).toMatchObject({ effects: {}, setFlags: [], clearFlags: [] });
  });

  it('loads without flags or scoring, which are optional', () => {
    const s = baseScenario();
    removeAt(s, '/nodes/1/options/0/setFlags');
    removeAt(s, '/nodes/3/cases/0/when');
    setAt(s, '/nodes/3/cases/0/when', { metric: 'budget', op: '<', value: 50 });
    removeAt(s, '/flags');
    const loaded = mustLoad(loadScenario(toText(s), FILE));
    expect(loaded.flags).toEqual([]);
  });

  it('positions match a hand count of the listing in test-support/scenario.ts', () => {
    // Line 64 is `          "next": "storm"` in the first option: the value starts at column 19.
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/0/next', 'Storm');
    });
    expect(problem).toMatchObject({ pointer: '/nodes/1/options/0/next', line: 64, column: 19 });
    expect(valuePosition(text, '"next": "Storm"')).toEqual({ line: 64, column: 19 });
    // A missing field is located at the object that should hold it: node 0 opens on line 37, column 5.
    const missing = onlyProblem((s) => {
      removeAt(s, '/nodes/0/next');
    });
    expect(missing.problem).toMatchObject({ pointer: '/nodes/0/next', line: 37, column: 5 });
  });

  it('formats a problem the way compilers do', () => {
    const { problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/0/next', 'Storm');
    });
    expect(formatProblem(problem)).toBe(`town.json:64:19 /nodes/1/options/0/next: expected ${ID}, found "Storm"`);
    const hinted = refused((s) => {
      setAt(s, '/nodes/1/options/0/next', 'stormm');
    }).problems[0]!;
    expect(formatProblem(hinted)).toMatch(/ \(did you mean "storm"\?\)$/);
    const whole = mustFail(loadScenario('[]', 'x.json'))[0]!;
    expect(formatProblem(whole)).toBe(
      'x.json:1:1 (document): expected a scenario object {"format": 1, "id": ..., "nodes": [...]}, found an empty list',
    );
  });
});

describe('syntax errors, through loadScenario', () => {
  const base = toText(baseScenario());
  const lines = base.split('\n');

  it('truncated JSON', () => {
    const text = base.slice(0, base.indexOf('"otherwise"'));
    const problems = mustFail(loadScenario(text, FILE));
    expect(problems).toEqual([
      {
        file: FILE,
        pointer: '/nodes/3',
        // After the last comma the reader wants a property name but meets the end of the text.
        line: 112,
        column: 7,
        expected: 'a property name in double quotes',
        found: 'the end of the file',
      },
    ]);
  });

  it('missing comma', () => {
    // Line 40 is `      "text": "Scene intro.",`; without its comma, line 41 is out of place.
    const text = lines.map((l, i) => (i === 39 ? l.replace(/,$/, '') : l)).join('\n');
    expect(mustFail(loadScenario(text, FILE))).toEqual([
      {
        file: FILE,
        pointer: '/nodes/0',
        line: 41,
        column: 7,
        expected: "',' or '}' after a property value",
        found: `'"'`,
      },
    ]);
  });

  it('trailing garbage', () => {
    expect(mustFail(loadScenario(base + '\n}', FILE))).toEqual([
      {
        file: FILE,
        pointer: '',
        line: 130,
        column: 1,
        expected: 'the end of the file after the top-level value',
        found: "'}'",
      },
    ]);
  });

  it('unterminated string', () => {
    const text = base.replace('"Scene intro.",', '"Scene intro.,');
    // The string runs on to the end of line 40, where a raw line break is not allowed.
    expect(mustFail(loadScenario(text, FILE))).toEqual([
      expect.objectContaining({ pointer: '/nodes/0/text', line: 40, column: 29, found: 'control character U+000A' }),
    ]);
  });

  it('bad escape', () => {
    const text = base.replace('"Scene intro."', String.raw`"Scene\x intro."`);
    expect(mustFail(loadScenario(text, FILE))).toEqual([
      expect.objectContaining({ pointer: '/nodes/0/text', line: 40, column: 22, found: "'x'" }),
    ]);
  });
});

describe('wrong types', () => {
  it.each([
    ['/minutes', '"5"', 'whole minutes'],
    ['/title', '42', 'a title as text'],
    ['/metrics/1/initial', '"twenty"', 'a number for the starting value'],
    ['/flags', '"talked"', 'a list [...]'],
    ['/metrics', '{}', 'a list [...]'],
    ['/nodes/1/options/1/effects/budget', '"ten"', 'a number: how much the metric changes (negative to lower it)'],
    ['/nodes/1/options/0/effects', '[]', 'an object of metric changes, like {"budget": -10, "trust": 5}'],
    ['/nodes/2/outcomes/0/chance', 'true', 'a whole percentage'],
    ['/nodes/1/timer/seconds', '2.5', 'whole seconds'],
    ['/scoring', '0.5', 'an object {...}'],
  ])('%s = %s', (pointer, raw, expected) => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, pointer, JSON.parse(raw));
    });
    const key = pointer.split('/').pop()!;
    const at = valuePosition(text, `"${key}": ${raw}`);
    expect(problem).toEqual({
      file: FILE,
      pointer,
      ...at,
      expected,
      found: raw === '{}' ? 'an object' : raw === '[]' ? 'an empty list' : raw,
    });
  });

  it('a node that is not an object', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/0', null);
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/0',
      ...positionOf(text, 'null'),
      expected: 'an object {...}',
      found: 'null',
    });
  });
});

describe('missing required fields: the pointer names the field, the position is its parent', () => {
  it.each([
    ['/title', '"format": 1', 'a title as text'],
    ['/nodes/0/next', '"id": "intro"', ID],
    ['/metrics/0/max', '"id": "budget"', 'a number for the highest value'],
    ['/nodes/1/options/0/feedback', '"id": "talk"', 'feedback that explains the consequence as text'],
    ['/nodes/1/timer/onTimeout', '"seconds": 30', ID],
    ['/nodes/2/outcomes/0/chance', '"id": "rain"', 'a whole percentage'],
    ['/nodes/3/otherwise', '"id": "gate"', ID],
    ['/nodes/5/outcome', '"id": "lose"', 'the outcome: one of "success", "mixed", "failure"'],
  ])('%s', (pointer, sibling, expected) => {
    const { text, problem } = onlyProblem((s) => {
      removeAt(s, pointer);
    });
    expect(problem).toEqual({ file: FILE, pointer, ...openerOf(text, sibling), expected, found: MISSING });
  });

  it('a missing list of nodes points at the document', () => {
    const { problem } = onlyProblem((s) => {
      removeAt(s, '/nodes');
    });
    expect(problem).toMatchObject({ pointer: '/nodes', line: 1, column: 1, expected: 'a list [...]', found: MISSING });
  });
});

describe('bad enum values', () => {
  it.each([
    ['/difficulty', 'easy', 'the difficulty: one of "beginner", "intermediate", "advanced", "expert"'],
    ['/nodes/1/options/0/quality', 'great', 'the quality of this choice: one of "best", "good", "weak", "poor"'],
    ['/nodes/4/outcome', 'win', 'the outcome: one of "success", "mixed", "failure"'],
    ['/metrics/0/better', 'up', 'which way is better: one of "higher", "lower"'],
    ['/nodes/3/cases/0/when', { metric: 'budget', op: '=>', value: 3 }, undefined],
  ])('%s', (pointer, value, expected) => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, pointer, value);
    });
    if (typeof value === 'string') {
      expect(problem).toEqual({
        file: FILE,
        pointer,
        ...valuePosition(text, `"${pointer.split('/').pop()!}": "${value}"`),
        expected,
        found: `"${value}"`,
      });
    } else {
      expect(problem).toEqual({
        file: FILE,
        pointer: `${pointer}/op`,
        ...valuePosition(text, '"op": "=>"'),
        expected: 'a comparison: one of "<", "<=", ">", ">=", "==", "!="',
        found: '"=>"',
      });
    }
  });

  it('a speaker, a competence and the format number', () => {
    const speaker = onlyProblem((s) => {
      setAt(s, '/nodes/0/speaker', 'robot');
    });
    expect(speaker.problem).toMatchObject({ pointer: '/nodes/0/speaker', found: '"robot"' });
    expect(speaker.problem.expected).toMatch(/^a speaker: one of "narrator", "mayor", /);

    const competence = onlyProblem((s) => {
      s.competences = ['innovation'];
    });
    expect(competence.problem).toMatchObject({
      pointer: '/competences/0',
      ...positionOf(competence.text, '"innovation"'),
      found: '"innovation"',
    });
    expect(competence.problem.expected).toContain('"innovation-procurement"');

    const format = onlyProblem((s) => {
      s.format = 2;
    });
    expect(format.problem).toEqual({
      file: FILE,
      pointer: '/format',
      line: 2,
      column: 13,
      expected: '"format": 1 (the only file format this version reads)',
      found: '2',
    });
  });
});

describe('bad ids', () => {
  it.each([
    ['/id', 'Tiny Town'],
    ['/nodes/0/id', '1st-scene'],
    ['/nodes/1/options/0/id', 'talk--more'],
    ['/nodes/2/outcomes/0/id', 'rain!'],
    ['/flags/0', 'Talked'],
    ['/start', 'in tro'],
    ['/nodes/1/options/0/next', '-storm'],
  ])('%s = "%s"', (pointer, value) => {
    const { text, problems } = refused((s) => {
      setAt(s, pointer, value);
    });
    // Reference checks wait until the shapes are right, so the bad id is the only problem.
    expect(problems).toEqual([
      { file: FILE, pointer, ...positionOf(text, `"${value}"`), expected: ID, found: `"${value}"` },
    ]);
  });

  it('an id longer than 64 characters', () => {
    const long = 'a'.repeat(65);
    const { problem } = onlyProblem((s) => {
      s.id = long;
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/id',
      line: 3,
      column: 9,
      expected: 'an id of at most 64 characters',
      found: `"${'a'.repeat(37)}..."`,
    });
  });

  it('a metric name in effects that is not an id is reported at its key', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/1/options/0/effects', { Budget: -10 });
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/options/0/effects/Budget',
      ...valuePosition(text, '"Budget": -10'),
      expected: ID,
      found: 'the key "Budget"',
    });
  });

  it('accepts ids with digits and single hyphens, and refuses underscores', () => {
    const s = baseScenario();
    s.id = 'city-2026-pilot';
    expect(mustLoad(loadScenario(toText(s), FILE)).id).toBe('city-2026-pilot');
    s.id = 'city_pilot';
    expect(mustFail(loadScenario(toText(s), FILE))).toEqual([
      expect.objectContaining({ pointer: '/id', expected: ID, found: '"city_pilot"' }),
    ]);
  });
});

describe('bad semver and language codes', () => {
  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0.0', ''])('version "%s" is refused', (version) => {
    const { text, problem } = onlyProblem((s) => {
      s.version = version;
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/version',
      ...valuePosition(text, `"version": "${version}"`),
      expected: 'a semantic version like "1.0.0"',
      found: version === '' ? 'an empty string' : `"${version}"`,
    });
  });

  it.each(['0.0.0', '1.0.0-beta.1', '2.10.3+build.5', '1.0.0-rc.1+sha.abc'])('version "%s" is accepted', (v) => {
    const s = baseScenario();
    s.version = v;
    expect(mustLoad(loadScenario(toText(s), FILE)).version).toBe(v);
  });

  it('a version that is a number, and a language that is a word', () => {
    const version = onlyProblem((s) => {
      setAt(s, '/version', 1);
    });
    expect(version.problem).toMatchObject({ pointer: '/version', line: 4, column: 14, found: '1' });
    expect(version.problem.expected).toBe('a version like "1.0.0"');
    const lang = onlyProblem((s) => {
      s.lang = 'english';
    });
    expect(lang.problem).toMatchObject({
      pointer: '/lang',
      line: 5,
      column: 11,
      expected: 'a language code like "en" or "pt-BR"',
    });
  });
});

describe('unknown fields', () => {
  it('"setFlag" → did you mean "setFlags"?', () => {
    const { text, problem } = onlyProblem((s) => {
      removeAt(s, '/nodes/1/options/0/setFlags');
      setAt(s, '/nodes/1/options/0/setFlag', ['talked']);
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/1/options/0/setFlag',
      // The position is that of the field's name: the name is what is wrong.
      ...positionOf(text, '"setFlag": ['),
      expected: UNKNOWN_FIELD,
      found: 'an unknown field "setFlag"',
      hint: 'did you mean "setFlags"?',
    });
  });

  it('a misspelt top-level field, and one with no near match', () => {
    const { text, problems } = refused((s) => {
      Object.assign(s, { tittle: 'Town', colour: 'blue' });
    });
    expect(problems).toEqual([
      {
        file: FILE,
        pointer: '/tittle',
        ...positionOf(text, '"tittle": "Town"'),
        expected: UNKNOWN_FIELD,
        found: 'an unknown field "tittle"',
        hint: 'did you mean "title"?',
      },
      {
        file: FILE,
        pointer: '/colour',
        ...positionOf(text, '"colour": "blue"'),
        expected: UNKNOWN_FIELD,
        found: 'an unknown field "colour"',
      },
    ]);
  });

  it('a renamed field is reported both as unknown and as missing', () => {
    const { text, problems } = refused((s) => {
      removeAt(s, '/metrics/0/weight');
      setAt(s, '/metrics/0/weigth', 1);
    });
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual({
      file: FILE,
      pointer: '/metrics/0/weight',
      ...openerOf(text, '"id": "budget"'),
      expected: 'a number of 0 or more for the weight in the score',
      found: MISSING,
    });
    expect(problems).toContainEqual({
      file: FILE,
      pointer: '/metrics/0/weigth',
      ...positionOf(text, '"weigth": 1'),
      expected: UNKNOWN_FIELD,
      found: 'an unknown field "weigth"',
      hint: 'did you mean "weight"?',
    });
  });

  it('a field of another kind of node is unknown here', () => {
    // "otherwise" belongs to branch nodes; a narrative node does not know it.
    const { problem } = onlyProblem((s) => {
      setAt(s, '/nodes/0/otherwise', 'lose');
    });
    expect(problem).toMatchObject({ pointer: '/nodes/0/otherwise', found: 'an unknown field "otherwise"' });
    expect(problem.hint).toBeUndefined();
  });
});

describe('unknown node kind', () => {
  const KINDS = 'a node kind: one of "narrative", "decision", "branch", "event", "ending"';

  it('a misspelt kind is reported at the kind', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, '/nodes/2/kind', 'evnt');
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/2/kind',
      ...valuePosition(text, '"kind": "evnt"'),
      expected: KINDS,
      found: '"evnt"',
    });
  });

  it('a missing kind is reported at the node', () => {
    const { text, problem } = onlyProblem((s) => {
      removeAt(s, '/nodes/2/kind');
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: '/nodes/2/kind',
      ...openerOf(text, '"id": "storm"'),
      expected: KINDS,
      found: MISSING,
    });
  });
});

describe('bad condition shapes', () => {
  const WHEN = '/nodes/3/cases/0/when';
  const HINT =
    'a condition: {"metric": ID, "op": ">=", "value": N}, {"flag": ID}, {"all": [...]}, {"any": [...]} or {"not": {...}}';

  it.each([
    ['an empty object', {}, 'an object'],
    ['a string', 'budget > 3', '"budget > 3"'],
    ['a list', [{ flag: 'talked' }], 'a list of 1 item'],
    ['a number', 1, '1'],
  ])('%s matches no shape: the whole condition is reported with the shapes it may take', (_, when, found) => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, WHEN, when);
    });
    expect(problem).toEqual({ file: FILE, pointer: WHEN, ...valuePosition(text, '"when": '), expected: HINT, found });
  });

  it('an almost-right comparison is reported at the part that is wrong', () => {
    const { text, problem } = onlyProblem((s) => {
      setAt(s, WHEN, { all: [{ not: { metric: 'budget', op: '>', value: 'x' } }] });
    });
    expect(problem).toEqual({
      file: FILE,
      pointer: `${WHEN}/all/0/not/value`,
      ...valuePosition(text, '"value": "x"'),
      expected: 'a number to compare with',
      found: '"x"',
    });
  });

  it('an empty "all" or "any"', () => {
    for (const key of ['all', 'any']) {
      const { text, problem } = onlyProblem((s) => {
        setAt(s, WHEN, { [key]: [] });
      });
      expect(problem).toEqual({
        file: FILE,
        pointer: `${WHEN}/${key}`,
        ...valuePosition(text, `"${key}": []`),
        expected: `at least one condition in "${key}"`,
        found: 'an empty list',
      });
    }
  });

  it('a flag condition with an extra "metric" field gets no nonsensical hint', () => {
    const { problem } = onlyProblem((s) => {
      setAt(s, WHEN, { flag: 'talked', metric: 'budget' });
    });
    expect(problem).toMatchObject({ pointer: `${WHEN}/metric`, found: 'an unknown field "metric"' });
    // Before the fix the hint was 'did you mean "metric"?' for the field "metric" itself.
    expect(problem.hint).toBeUndefined();
  });
});

describe('numbers out of range and counts', () => {
  it.each([
    ['/nodes/1/timer/seconds', 4, 'at least 5 seconds'],
    ['/nodes/1/timer/seconds', 3601, 'at most 3600 seconds'],
    ['/nodes/2/outcomes/0/chance', 0, 'a chance of at least 1 (percent)'],
    ['/nodes/2/outcomes/0/chance', 101, 'a chance of at most 100 (percent)'],
    ['/minutes', 0, 'at least 1 minute'],
    ['/metrics/0/weight', -1, 'a weight of 0 or more'],
  ])('%s = %s', (pointer, value, expected) => {
    const { text, problems } = refused((s) => {
      setAt(s, pointer, value);
    });
    expect(problems).toContainEqual({
      file: FILE,
      pointer,
      ...valuePosition(text, `"${pointer.split('/').pop()!}": ${value}`),
      expected,
      found: String(value),
    });
  });

  it('empty and overlong text', () => {
    const blank = onlyProblem((s) => {
      s.title = '   ';
    });
    expect(blank.problem).toMatchObject({ pointer: '/title', line: 6, column: 12, expected: 'a title, not empty' });
    const long = onlyProblem((s) => {
      s.title = 'T'.repeat(81);
    });
    expect(long.problem).toMatchObject({ pointer: '/title', expected: 'a title of at most 80 characters' });
  });

  it('a decision with one option, and an event with one outcome', () => {
    const { text, problems } = refused((s) => {
      removeAt(s, '/nodes/1/options/1');
      removeAt(s, '/nodes/2/outcomes/1');
    });
    expect(problems).toEqual([
      {
        file: FILE,
        pointer: '/nodes/1/options',
        ...valuePosition(text, '"options": ['),
        expected: 'at least 2 options (a single path is a narrative node)',
        found: 'a list of 1 item',
      },
      {
        file: FILE,
        pointer: '/nodes/2/outcomes',
        ...valuePosition(text, '"outcomes": ['),
        expected: 'at least 2 outcomes',
        found: 'a list of 1 item',
      },
    ]);
  });
});

describe('several errors in one file', () => {
  it('every shape problem is reported, each at its own place', () => {
    const { text, problems } = refused((s) => {
      s.minutes = -3;
      setAt(s, '/metrics/1/initial', 'twenty');
      setAt(s, '/nodes/0/kind', 'scene');
      setAt(s, '/nodes/1/options/1/quality', 'awful');
      setAt(s, '/nodes/2/outcomes/1/chance', 70.5);
      setAt(s, '/nodes/5/title', '');
    });
    expect(problems).toEqual([
      expect.objectContaining({ pointer: '/minutes', ...valuePosition(text, '"minutes": -3') }),
      expect.objectContaining({ pointer: '/metrics/1/initial', ...valuePosition(text, '"initial": "twenty"') }),
      expect.objectContaining({ pointer: '/nodes/0/kind', ...valuePosition(text, '"kind": "scene"') }),
      expect.objectContaining({ pointer: '/nodes/1/options/1/quality', ...valuePosition(text, '"quality": "awful"') }),
      expect.objectContaining({ pointer: '/nodes/2/outcomes/1/chance', ...valuePosition(text, '"chance": 70.5') }),
      expect.objectContaining({ pointer: '/nodes/5/title', ...valuePosition(text, '"title": ""') }),
    ]);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set([FILE]));
  });
});
