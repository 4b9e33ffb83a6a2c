import { describe, expect, it } from 'vitest';
import type { MetricView, NodeView } from '../engine';
import { conceptOf, consequencesOf, stageCue } from './consequences';

const metric = (id: string, label: string, better: 'higher' | 'lower' = 'higher'): MetricView => ({
  id,
  label,
  initial: 50,
  min: 0,
  max: 100,
  weight: 1,
  better,
  value: 50,
});

const METRICS = [
  metric('budget', 'Budget'),
  metric('innovation', 'Innovation'),
  metric('legal-risk', 'Legal risk', 'lower'),
  metric('trust', 'Public trust'),
  metric('market', 'Market response'),
  metric('schedule', 'Schedule'),
];

describe('conceptOf', () => {
  it('reads the concept from the id, then the label', () => {
    expect(conceptOf({ id: 'risk', label: 'Legal risk' })).toBe('risk');
    expect(conceptOf({ id: 'm1', label: 'Public trust' })).toBe('trust');
    expect(conceptOf({ id: 'smes', label: 'SME participation' })).toBe('market');
    expect(conceptOf({ id: 'x', label: 'Mood of the council' })).toBe('other');
  });
});

describe('consequencesOf', () => {
  it('judges good and bad news by the direction that is better', () => {
    const c = consequencesOf({ 'legal-risk': 10, budget: -3, trust: 0, unknown: 5 }, METRICS);
    expect(c).toEqual([
      { metric: 'legal-risk', concept: 'risk', delta: 10, good: false, strength: 2 },
      { metric: 'budget', concept: 'budget', delta: -3, good: false, strength: 1 },
    ]);
    expect(consequencesOf({ 'legal-risk': -20 }, METRICS)[0]).toMatchObject({ good: true, strength: 3 });
  });
});

describe('stageCue', () => {
  it('keeps the asker in the spotlight to react to the feedback', () => {
    const view: NodeView = {
      kind: 'feedback',
      node: 'd1',
      prompt: 'p',
      chosen: { id: 'a', text: 'a' },
      quality: 'poor',
      timedOut: false,
      feedback: 'f',
      reference: 'r',
      changes: { trust: -12 },
    };
    const cue = stageCue(view, METRICS, 'mayor');
    expect(cue.speaker).toBe('mayor');
    expect(cue.mood).toBe('sad');
    expect(cue.consequences[0]).toMatchObject({ concept: 'trust', good: false, strength: 3 });
  });

  it('turns a bad event into a storm and a good one into sunshine', () => {
    const event = (changes: Record<string, number>): NodeView => ({
      kind: 'event',
      node: 'e',
      speaker: 'narrator',
      outcome: { id: 'o', text: 't' },
      changes,
    });
    expect(stageCue(event({ trust: -8, budget: -8, schedule: -5 }), METRICS)).toMatchObject({
      speaker: null,
      weather: 'storm',
    });
    expect(stageCue(event({ trust: -2 }), METRICS).weather).toBe('rain');
    expect(stageCue(event({ trust: 3, innovation: 3 }), METRICS).weather).toBe('sun');
  });

  it('drops the narrator from the spotlight and passes the ending on', () => {
    const view: NodeView = {
      kind: 'ending',
      node: 'end',
      title: 't',
      speaker: 'narrator',
      text: 'x',
      outcome: 'failure',
    };
    expect(stageCue(view, METRICS, 'mayor')).toMatchObject({ speaker: null, ending: 'failure' });
  });
});
