// What the scenario stage should show for the current step, as plain data: who is speaking,
// how they feel about the last decision, which consequences to act out, the weather of an
// event and the mood of an ending. Pure, so it is tested without a browser; the scene only draws.
import type { MetricView, NodeView, Outcome, Quality, Speaker } from '../engine';

/** The ideas a metric can stand for; each has its own picture on the stage. */
export type Concept = 'budget' | 'schedule' | 'innovation' | 'risk' | 'trust' | 'market' | 'other';

export interface Consequence {
  metric: string;
  concept: Concept;
  delta: number;
  /** Whether the change is good news (a risk going down is good news). */
  good: boolean;
  /** 1 small, 2 clear, 3 large, relative to the metric's range. */
  strength: 1 | 2 | 3;
}

export type Mood = 'happy' | 'neutral' | 'sad';
export type Weather = 'storm' | 'rain' | 'sun';

export interface StageCue {
  /** Who is in the spotlight; null for the narrator or nobody. */
  speaker: Exclude<Speaker, 'narrator'> | null;
  /** How the person in the spotlight reacts to the decision just made (feedback only). */
  mood: Mood | null;
  consequences: Consequence[];
  weather: Weather | null;
  ending: Outcome | null;
}

const CONCEPTS: [Concept, RegExp][] = [
  ['risk', /risk|legal|complian|audit|law/i],
  ['budget', /budget|cost|money|fund|price|spend|saving|euro|finance/i],
  ['schedule', /schedule|time|deadline|delay|speed|pace/i],
  ['innovation', /innov|quality|tech|solution|novel|smart|energy|sustain/i],
  ['trust', /trust|public|citizen|satisf|support|reputation|acceptance|stakeholder/i],
  ['market', /market|supplier|bid|tender|compet|sme|vendor|business/i],
];

/** Which concept a metric stands for, read from its id, then its label. */
export function conceptOf(metric: { id: string; label: string }): Concept {
  for (const text of [metric.id, metric.label]) {
    for (const [concept, pattern] of CONCEPTS) if (pattern.test(text)) return concept;
  }
  return 'other';
}

export function consequencesOf(
  changes: Readonly<Record<string, number>>,
  metrics: readonly MetricView[],
): Consequence[] {
  const out: Consequence[] = [];
  for (const [id, delta] of Object.entries(changes)) {
    if (delta === 0) continue;
    const metric = metrics.find((m) => m.id === id);
    if (!metric) continue;
    const range = Math.max(1, metric.max - metric.min);
    const share = Math.abs(delta) / range;
    out.push({
      metric: id,
      concept: conceptOf(metric),
      delta,
      good: metric.better === 'lower' ? delta < 0 : delta > 0,
      strength: share < 0.05 ? 1 : share < 0.12 ? 2 : 3,
    });
  }
  // The biggest news first: the stage has room for a few pictures at once.
  return out.sort((a, b) => b.strength - a.strength || Math.abs(b.delta) - Math.abs(a.delta));
}

const MOODS: Record<Quality, Mood> = { best: 'happy', good: 'happy', weak: 'neutral', poor: 'sad' };

/** Good news minus bad news, weighted by strength. */
function balance(consequences: readonly Consequence[]): number {
  return consequences.reduce((sum, c) => sum + (c.good ? c.strength : -c.strength), 0);
}

/**
 * The cue for a view. `askedBy` is who put the decision: feedback has no speaker of its own, so
 * the person who asked the question stays in the spotlight to react.
 */
export function stageCue(view: NodeView, metrics: readonly MetricView[], askedBy?: Speaker): StageCue {
  const speakerOf = (s: Speaker | undefined) => (s && s !== 'narrator' ? s : null);
  switch (view.kind) {
    case 'narrative':
    case 'decision':
      return { speaker: speakerOf(view.speaker), mood: null, consequences: [], weather: null, ending: null };
    case 'feedback':
      return {
        speaker: speakerOf(askedBy),
        mood: MOODS[view.quality],
        consequences: consequencesOf(view.changes, metrics),
        weather: null,
        ending: null,
      };
    case 'event': {
      const consequences = consequencesOf(view.changes, metrics);
      const score = balance(consequences);
      return {
        speaker: speakerOf(view.speaker),
        mood: null,
        consequences,
        weather: score < -3 ? 'storm' : score < 0 ? 'rain' : 'sun',
        ending: null,
      };
    }
    case 'ending':
      return { speaker: speakerOf(view.speaker), mood: null, consequences: [], weather: null, ending: view.outcome };
  }
}
