import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, type Quality } from '../engine';
import {
  ACHIEVEMENTS,
  citedArticles,
  earnedAchievements,
  levelFor,
  newlyEarned,
  playedRunOf,
  xpFor,
  xpToReach,
  type PlayedDecision,
  type PlayedRun,
} from './achievements';

const d = (quality: Quality, reference = '', extra: Partial<PlayedDecision> = {}): PlayedDecision => ({
  quality,
  reference,
  timedOut: false,
  timed: false,
  ...extra,
});

const run = (
  scenarioId: string,
  decisions: PlayedDecision[],
  stars: PlayedRun['stars'] = 1,
  scaled = 50,
): PlayedRun => ({
  scenarioId,
  scaled,
  stars,
  decisions,
});

const earned = (runs: PlayedRun[], bundled = ['tutorial', 'street-lighting']) => earnedAchievements({ runs, bundled });

describe('citedArticles', () => {
  it('reads article numbers, ignoring paragraphs and cases', () => {
    expect(citedArticles('Directive 2014/24/EU Art. 42(3) and 68; San Diego smart lights case')).toEqual([42, 68]);
    expect(citedArticles('San Diego smart lights case; Directive 2014/24/EU Art. 21')).toEqual([21]);
    expect(citedArticles('Directive 2014/24/EU Art. 40 and 42(3)(b)')).toEqual([40, 42]);
    expect(citedArticles('San Francisco smart lighting case')).toEqual([]);
    expect(citedArticles('Art. 400')).toEqual([400]);
  });
});

describe('achievements', () => {
  it('has a unique id for each', () => {
    expect(new Set(ACHIEVEMENTS.map((a) => a.id)).size).toBe(ACHIEVEMENTS.length);
  });

  it('earns nothing without runs', () => {
    expect(earned([])).toEqual([]);
  });

  it('first-steps, by-the-book and best-practice from a clean tutorial run', () => {
    const ids = earned([run('tutorial', [d('best'), d('best')])]);
    expect(ids).toEqual(expect.arrayContaining(['first-steps', 'by-the-book', 'best-practice']));
    expect(ids).not.toContain('three-stars');
  });

  it('by-the-book allows weak choices but not poor ones; best-practice needs every best', () => {
    expect(earned([run('x', [d('best'), d('weak')])])).toEqual(['by-the-book']);
    expect(earned([run('x', [d('best'), d('poor')])])).toEqual([]);
  });

  it('three-stars from any run with three stars', () => {
    expect(earned([run('x', [d('poor')], 3)])).toEqual(['three-stars']);
  });

  it('quick-thinker needs a timed decision and no timeout', () => {
    expect(earned([run('x', [d('poor', '', { timed: true })])])).toEqual(['quick-thinker']);
    expect(earned([run('x', [d('poor', '', { timed: true, timedOut: true })])])).toEqual([]);
    expect(earned([run('x', [d('poor')])])).toEqual([]);
  });

  it('life-cycle-thinker from a non-poor option citing Art. 68', () => {
    expect(earned([run('x', [d('poor'), d('good', 'Directive 2014/24/EU Art. 67 and 68')])])).toContain(
      'life-cycle-thinker',
    );
    expect(earned([run('x', [d('poor', 'Directive 2014/24/EU Art. 68')])])).not.toContain('life-cycle-thinker');
    expect(earned([run('x', [d('poor'), d('good', 'Art. 168')])])).not.toContain('life-cycle-thinker');
  });

  it('market-listener counts different scenarios citing Art. 40', () => {
    const consult = d('best', 'Directive 2014/24/EU Art. 40');
    const a = run('a', [consult, d('poor')]);
    const b = run('b', [consult, d('poor')]);
    expect(earned([a, a, a])).not.toContain('market-listener');
    expect(earned([a, b])).not.toContain('market-listener');
    expect(earned([a, b, run('c', [d('poor'), consult])])).toContain('market-listener');
  });

  it('completionist when every bundled scenario has a finished run', () => {
    expect(earned([run('tutorial', [d('poor')])])).not.toContain('completionist');
    expect(earned([run('tutorial', [d('poor')]), run('street-lighting', [d('poor')])])).toContain('completionist');
    expect(earned([run('x', [d('poor')])], [])).not.toContain('completionist');
  });

  it('newlyEarned leaves out what the player already has', () => {
    const runs = [run('tutorial', [d('best')])];
    expect(newlyEarned({ runs, bundled: [] }, ['first-steps', 'best-practice'])).toEqual(['by-the-book']);
  });
});

describe('XP and levels', () => {
  it('gives score, 50 per star, and 100 the first time a scenario is completed', () => {
    expect(xpFor([])).toBe(0);
    expect(xpFor([run('a', [], 2, 80)])).toBe(80 + 100 + 100);
    expect(xpFor([run('a', [], 2, 80), run('a', [], 3, 90)])).toBe(280 + 90 + 150);
    expect(xpFor([run('a', [], 0, 10), run('b', [], 0, 10)])).toBe(220);
  });

  it('levels from thresholds, with progress to the next', () => {
    expect([1, 2, 3, 4].map(xpToReach)).toEqual([0, 250, 750, 1500]);
    expect(levelFor(0)).toEqual({ level: 1, xp: 0, floor: 0, next: 250, progress: 0 });
    expect(levelFor(249).level).toBe(1);
    expect(levelFor(250)).toMatchObject({ level: 2, floor: 250, next: 750, progress: 0 });
    expect(levelFor(500)).toMatchObject({ level: 2, progress: 0.5 });
    expect(levelFor(-5).level).toBe(1);
  });
});

describe('playedRunOf', () => {
  it('looks up references and timers in the scenario for stored results', () => {
    const loaded = loadScenario(readFileSync('scenarios/tutorial.json', 'utf8'), 'tutorial.json');
    if (!loaded.ok) throw new Error('tutorial invalid');
    const tutorial = loaded.scenario;
    const played = playedRunOf(
      {
        scenarioId: 'tutorial',
        score: { scaled: 100, stars: 3 },
        decisions: [
          { node: 'market', option: 'open-day', quality: 'best', timedOut: false },
          { node: 'award', option: 'quality-price', quality: 'best', timedOut: false },
        ],
      },
      tutorial,
    );
    expect(played.decisions).toEqual([
      { quality: 'best', timedOut: false, timed: true, reference: 'Directive 2014/24/EU Art. 40' },
      { quality: 'best', timedOut: false, timed: false, reference: 'Directive 2014/24/EU Art. 67 and 68' },
    ]);
  });

  it('works without the scenario', () => {
    const played = playedRunOf({
      scenarioId: 'gone',
      score: { scaled: 1, stars: 0 },
      decisions: [{ node: 'n', option: 'o', quality: 'poor', timedOut: true }],
    });
    expect(played.decisions).toEqual([{ quality: 'poor', timedOut: true, timed: true, reference: '' }]);
  });
});
