import { describe, expect, it } from 'vitest';
import { discussionPoints, turningPoints } from './debrief';
import { csvField, exportFileName, exportToCsv } from './export';
import type { SessionExport, Tally } from './protocol';

const score = (scaled: number) => ({ raw: scaled, scaled, stars: 1 as const, metrics: 0, decisions: 0 });
const opt = (id: string, quality: 'best' | 'good' | 'weak' | 'poor', count: number) => ({
  id,
  text: `Option ${id}`,
  quality,
  feedback: `Because ${id}`,
  reference: `Art. ${id}`,
  count,
  timedOut: 0,
});
const decision = (node: string, option: string, step = 1) => ({
  step,
  node,
  option,
  quality: 'good' as const,
  timedOut: false,
  changes: {},
  ms: 1200,
  at: 0,
});

function sample(): SessionExport {
  const tallies: Tally[] = [
    { step: 1, node: 'easy', prompt: 'Easy?', options: [opt('a', 'best', 3), opt('b', 'poor', 0)], answered: 3 },
    { step: 2, node: 'hard', prompt: 'Hard?', options: [opt('c', 'best', 1), opt('d', 'weak', 2)], answered: 3 },
  ];
  return {
    format: 'ppi-session-export',
    version: 1,
    exportedAt: Date.UTC(2026, 10, 27),
    session: {
      sessionId: 's1',
      code: 'ABCDEFGH',
      title: 'Room, "one"',
      scenarioId: 'tutorial',
      scenarioVersion: '1',
      mode: 'lockstep',
      grouping: 'teams',
      timerSeconds: 60,
      status: 'ended',
      createdAt: 0,
      endedAt: 1,
    },
    teams: [
      {
        teamId: 't1',
        name: 'Red',
        seed: 1,
        joinedAt: 0,
        finished: true,
        ending: { node: 'end', outcome: 'success' },
        score: score(90),
        metrics: {},
        decisions: [decision('easy', 'a'), decision('hard', 'c', 2)],
      },
      {
        teamId: 't2',
        name: '=HYPERLINK("x")',
        seed: 2,
        joinedAt: 0,
        finished: true,
        ending: null,
        score: score(40),
        metrics: {},
        decisions: [decision('easy', 'a'), decision('hard', 'd', 2)],
      },
      {
        teamId: 't3',
        name: 'Late',
        seed: 3,
        joinedAt: 0,
        finished: false,
        ending: null,
        score: score(50),
        metrics: {},
        decisions: [],
      },
    ],
    tallies,
  };
}

describe('export', () => {
  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
  });

  it('writes one row per team and decision, best score first, and a row for a team with none', () => {
    const rows = exportToCsv(sample()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 2 + 1 + 2);
    expect(rows[1]).toBe('ABCDEFGH,"Room, ""one""",tutorial,lockstep,Red,t1,1,easy,a,good,false,1200,90,1,end,success');
    expect(rows[3]).toBe('ABCDEFGH,"Room, ""one""",tutorial,lockstep,Late,t3,,,,,,,50,1,,');
    expect(rows[4]).toContain(`,"'=HYPERLINK(""x"")",t2,1,easy,a,`);
    expect(exportFileName(sample(), 'csv')).toBe('ppi-session-ABCDEFGH-2026-11-27.csv');
  });
});

describe('turning points', () => {
  it('puts the decision the room most often missed first, with its score spread', () => {
    const points = turningPoints(sample());
    expect(points.map((p) => p.node)).toEqual(['hard', 'easy']);
    expect(points[0]!.missed).toBeCloseTo(2 / 3);
    expect(points[0]!.popular?.id).toBe('d');
    expect(points[0]!.best.map((b) => b.id)).toEqual(['c']);
    expect(points[0]!.scoreSpread).toBe(50);
    expect(points[1]!.missed).toBe(0);
    expect(points[1]!.scoreSpread).toBe(0);
  });

  it('leaves out of the discussion a decision every team got right with no difference in score', () => {
    expect(discussionPoints(sample()).map((p) => p.node)).toEqual(['hard']);
    expect(discussionPoints(sample(), 0)).toEqual([]);
  });

  it('adds up a node asked at several steps', () => {
    const data = sample();
    data.tallies.push({
      step: 3,
      node: 'easy',
      prompt: 'Easy?',
      options: [opt('a', 'best', 0), opt('b', 'poor', 1)],
      answered: 1,
    });
    const easy = turningPoints(data).find((p) => p.node === 'easy')!;
    expect(easy.answered).toBe(4);
    expect(easy.missed).toBeCloseTo(1 / 4);
  });
});
