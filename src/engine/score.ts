// Scoring: weighted metrics plus the quality of the decisions, on a 0–100 scale with stars.
//
// The raw score (0–1) is what a run earned in absolute terms. Because scenarios differ in how much
// of that range is attainable, the score a player sees is rescaled between the worst and the best
// score the analysis finds attainable: 100 means "the best anyone can do here" in every scenario.
import { MAX_QUALITY_POINTS, type MetricValues } from './rules';
import type { Outcome, Scenario } from './schema';

export interface ScoreRange {
  /** Lowest attainable raw score, 0–1. */
  worst: number;
  /** Highest attainable raw score, 0–1. */
  best: number;
}

export interface Score {
  /** Absolute score, 0–100. */
  raw: number;
  /** Score rescaled between the worst and best attainable runs, 0–100 (what players see). */
  scaled: number;
  stars: 0 | 1 | 2 | 3;
  /** The metrics' part of the raw score, 0–1. */
  metrics: number;
  /** The decisions' part of the raw score, 0–1. */
  decisions: number;
}

/** Stars by scaled score; an ending that failed caps the stars, whatever the numbers say. */
export const STAR_THRESHOLDS = [30, 60, 85] as const;
const STAR_CAP: Record<Outcome, 1 | 2 | 3> = { failure: 1, mixed: 2, success: 3 };

/** Each metric normalised to 0–1 (1 = best) and averaged by weight. */
export function metricPart(scenario: Scenario, values: MetricValues): number {
  let total = 0;
  let weights = 0;
  for (const m of scenario.metrics) {
    if (m.weight === 0) continue;
    const v = values[m.id] ?? m.initial;
    const norm = (v - m.min) / (m.max - m.min);
    total += m.weight * (m.better === 'higher' ? norm : 1 - norm);
    weights += m.weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** Average quality of the decisions made, 0–1; a run without decisions has nothing to mark down. */
export function decisionPart(qualityPoints: number, decisions: number): number {
  return decisions === 0 ? 1 : qualityPoints / (decisions * MAX_QUALITY_POINTS);
}

/** Raw score, 0–1. */
export function rawScore(scenario: Scenario, values: MetricValues, qualityPoints: number, decisions: number): number {
  const share = scenario.scoring.decisionQuality;
  return (1 - share) * metricPart(scenario, values) + share * decisionPart(qualityPoints, decisions);
}

export function scaleScore(raw: number, range: ScoreRange): number {
  if (range.best - range.worst < 1e-9) return 100;
  const scaled = ((raw - range.worst) / (range.best - range.worst)) * 100;
  return Math.round(Math.min(100, Math.max(0, scaled)));
}

export function starsFor(scaled: number, outcome: Outcome): 0 | 1 | 2 | 3 {
  const earned = STAR_THRESHOLDS.filter((t) => scaled >= t).length as 0 | 1 | 2 | 3;
  return Math.min(earned, STAR_CAP[outcome]) as 0 | 1 | 2 | 3;
}

export function scoreRun(
  scenario: Scenario,
  values: MetricValues,
  qualityPoints: number,
  decisions: number,
  outcome: Outcome,
  range: ScoreRange,
): Score {
  const raw = rawScore(scenario, values, qualityPoints, decisions);
  const scaled = scaleScore(raw, range);
  return {
    raw: Math.round(raw * 1000) / 10,
    scaled,
    stars: starsFor(scaled, outcome),
    metrics: metricPart(scenario, values),
    decisions: decisionPart(qualityPoints, decisions),
  };
}
