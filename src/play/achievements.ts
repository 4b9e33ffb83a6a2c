// Achievements that teach, XP and levels. Pure: rules over the player's finished runs, so the store,
// the map and tests compute them the same way. Titles and descriptions are i18n keys
// (`achievements.<id>.title` / `.description`); each description says why the habit matters.
import type { Quality, Scenario } from '../engine';

/** One decision of a finished run, as the rules need it. */
export interface PlayedDecision {
  quality: Quality;
  timedOut: boolean;
  /** The legal basis or case the chosen option cites ('' when unknown). */
  reference: string;
  /** The decision had a timer. */
  timed: boolean;
}

/** A finished run, reduced to what achievements and XP look at. */
export interface PlayedRun {
  scenarioId: string;
  scaled: number;
  stars: 0 | 1 | 2 | 3;
  decisions: PlayedDecision[];
}

export interface AchievementContext {
  /** The player's finished runs, oldest first. */
  runs: readonly PlayedRun[];
  /** Ids of the scenarios shipped with the game (the ones `completionist` asks for). */
  bundled: readonly string[];
}

export interface AchievementDef {
  id: string;
  earned: (ctx: AchievementContext) => boolean;
}

/** Scenarios in which a player must consult the market (Art. 40) for `market-listener`. */
export const MARKET_LISTENER_SCENARIOS = 3;

/** Article numbers a reference cites: "Directive 2014/24/EU Art. 42(3) and 68; …" gives 42 and 68. */
export function citedArticles(reference: string): number[] {
  const out: number[] = [];
  for (const m of reference.matchAll(/Art\.\s*([^;]*)/g)) {
    const list = m[1]!.replace(/\([^)]*\)/g, '');
    for (const n of list.matchAll(/\b(\d+)\b/g)) out.push(Number(n[1]));
  }
  return out;
}

/** A decision that cites the article and was not a poor choice. */
const cites = (d: PlayedDecision, article: number) =>
  d.quality !== 'poor' && citedArticles(d.reference).includes(article);

const someRun = (f: (run: PlayedRun) => boolean) => (ctx: AchievementContext) => ctx.runs.some(f);

export const ACHIEVEMENTS: readonly AchievementDef[] = [
  { id: 'first-steps', earned: someRun((r) => r.scenarioId === 'tutorial') },
  {
    id: 'by-the-book',
    earned: someRun((r) => r.decisions.length > 0 && r.decisions.every((d) => d.quality !== 'poor')),
  },
  {
    id: 'best-practice',
    earned: someRun((r) => r.decisions.length > 0 && r.decisions.every((d) => d.quality === 'best')),
  },
  { id: 'three-stars', earned: someRun((r) => r.stars === 3) },
  {
    id: 'quick-thinker',
    earned: someRun((r) => r.decisions.some((d) => d.timed) && r.decisions.every((d) => !d.timedOut)),
  },
  { id: 'life-cycle-thinker', earned: someRun((r) => r.decisions.some((d) => cites(d, 68))) },
  {
    id: 'market-listener',
    earned: (ctx) =>
      new Set(ctx.runs.filter((r) => r.decisions.some((d) => cites(d, 40))).map((r) => r.scenarioId)).size >=
      MARKET_LISTENER_SCENARIOS,
  },
  {
    id: 'completionist',
    earned: (ctx) => ctx.bundled.length > 0 && ctx.bundled.every((id) => ctx.runs.some((r) => r.scenarioId === id)),
  },
];

/** Ids of every achievement the runs earn, in the order of `ACHIEVEMENTS`. */
export function earnedAchievements(ctx: AchievementContext): string[] {
  return ACHIEVEMENTS.filter((a) => a.earned(ctx)).map((a) => a.id);
}

/** Achievements the runs earn that are not in `already`. */
export function newlyEarned(ctx: AchievementContext, already: readonly string[]): string[] {
  return earnedAchievements(ctx).filter((id) => !already.includes(id));
}

// --- XP and levels ---------------------------------------------------------------------------

export const XP_PER_STAR = 50;
export const XP_FIRST_COMPLETION = 100;

/** XP of one run: its scaled score, 50 per star, and a bonus the first time the scenario is done. */
export function xpForRun(run: PlayedRun, firstCompletion: boolean): number {
  return run.scaled + XP_PER_STAR * run.stars + (firstCompletion ? XP_FIRST_COMPLETION : 0);
}

/** Total XP of the runs (oldest first). */
export function xpFor(runs: readonly PlayedRun[]): number {
  const seen = new Set<string>();
  let xp = 0;
  for (const run of runs) {
    xp += xpForRun(run, !seen.has(run.scenarioId));
    seen.add(run.scenarioId);
  }
  return xp;
}

/** XP needed to reach `level` (level 1 at 0 XP; each level asks 250 XP more than the one before). */
export function xpToReach(level: number): number {
  return 125 * (level - 1) * level;
}

export interface Level {
  level: number;
  xp: number;
  /** XP at which this level began. */
  floor: number;
  /** XP at which the next level begins. */
  next: number;
  /** 0 to 1: how far the player is from this level to the next. */
  progress: number;
}

export function levelFor(xp: number): Level {
  const total = Math.max(0, Math.floor(xp));
  let level = 1;
  while (xpToReach(level + 1) <= total) level++;
  const floor = xpToReach(level);
  const next = xpToReach(level + 1);
  return { level, xp: total, floor, next, progress: (total - floor) / (next - floor) };
}

// --- from engine and storage data ------------------------------------------------------------

/** The decisions of a finished run as the engine or storage report them. */
export interface RunLike {
  scenarioId: string;
  score: { scaled: number; stars: 0 | 1 | 2 | 3 };
  decisions: readonly { node: string; option: string; quality: Quality; timedOut: boolean; reference?: string }[];
}

/**
 * Reduces a run to a `PlayedRun`. The scenario (when known) tells which decisions had a timer and,
 * for stored results that do not keep it, which reference the chosen option cites.
 */
export function playedRunOf(run: RunLike, scenario?: Scenario): PlayedRun {
  const node = (id: string) => {
    const n = scenario?.nodes.find((x) => x.id === id);
    return n?.kind === 'decision' ? n : undefined;
  };
  return {
    scenarioId: run.scenarioId,
    scaled: run.score.scaled,
    stars: run.score.stars,
    decisions: run.decisions.map((d) => {
      const decision = node(d.node);
      return {
        quality: d.quality,
        timedOut: d.timedOut,
        reference: d.reference ?? decision?.options.find((o) => o.id === d.option)?.reference ?? '',
        timed: decision?.timer !== undefined || d.timedOut,
      };
    }),
  };
}
