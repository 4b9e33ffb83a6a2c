// The debrief's turning points, computed from a session export: the decisions where the room
// most often missed the best option, and those where the choice went with the biggest difference
// in final score. Pure, for the facilitator's debrief view and the tests.
import type { SessionExport, Tally } from './protocol';
import { QUALITIES } from '../engine/schema';

export interface TurningPoint {
  node: string;
  prompt: string;
  /** Teams that answered this decision (over every step it was asked at). */
  answered: number;
  /** Share of answers that were not of the best quality the decision offers (0–1). */
  missed: number;
  /** The option most teams chose. */
  popular: { id: string; text: string; count: number } | null;
  /** The best option(s) the decision offers. */
  best: { id: string; text: string; feedback: string; reference: string }[];
  /** Largest difference between the average final scores of teams that chose different options. */
  scoreSpread: number;
}

/** Merges the tallies of a node over steps (lockstep teams may meet a node at different steps). */
function mergeTallies(tallies: readonly Tally[]): Map<string, Tally> {
  const byNode = new Map<string, Tally>();
  for (const tally of tallies) {
    const seen = byNode.get(tally.node);
    if (!seen) {
      byNode.set(tally.node, { ...tally, step: null, options: tally.options.map((o) => ({ ...o })) });
      continue;
    }
    seen.answered += tally.answered;
    for (const o of tally.options) {
      const mine = seen.options.find((x) => x.id === o.id);
      if (mine) {
        mine.count += o.count;
        mine.timedOut += o.timedOut;
      } else seen.options.push({ ...o });
    }
  }
  return byNode;
}

const rank = (q: string) => QUALITIES.indexOf(q as (typeof QUALITIES)[number]);

export function turningPoints(data: SessionExport): TurningPoint[] {
  const points: TurningPoint[] = [];
  for (const tally of mergeTallies(data.tallies).values()) {
    if (tally.answered === 0 || tally.options.length === 0) continue;
    const top = Math.min(...tally.options.map((o) => rank(o.quality)));
    const best = tally.options.filter((o) => rank(o.quality) === top);
    const bestCount = best.reduce((sum, o) => sum + o.count, 0);
    const popular = [...tally.options].sort((a, b) => b.count - a.count)[0];
    const scores = new Map<string, number[]>();
    for (const team of data.teams) {
      const d = team.decisions.find((x) => x.node === tally.node);
      if (!d) continue;
      const list = scores.get(d.option) ?? [];
      list.push(team.score.scaled);
      scores.set(d.option, list);
    }
    const means = [...scores.values()].map((l) => l.reduce((a, b) => a + b, 0) / l.length);
    points.push({
      node: tally.node,
      prompt: tally.prompt,
      answered: tally.answered,
      missed: 1 - bestCount / tally.answered,
      popular: popular && popular.count > 0 ? { id: popular.id, text: popular.text, count: popular.count } : null,
      best: best.map(({ id, text, feedback, reference }) => ({ id, text, feedback, reference })),
      scoreSpread: means.length > 1 ? Math.max(...means) - Math.min(...means) : 0,
    });
  }
  return points.sort((a, b) => b.missed - a.missed || b.scoreSpread - a.scoreSpread || a.node.localeCompare(b.node));
}

/**
 * The turning points worth the debrief's time: decisions some teams missed, or where the choice
 * went with a difference in final score; at most `max`, the most missed first.
 */
export function discussionPoints(data: SessionExport, max = 5): TurningPoint[] {
  return turningPoints(data)
    .filter((p) => p.missed > 0 || p.scoreSpread > 0)
    .slice(0, max);
}
