// The scenarios a player can pick, in campaign order, and which are open. Pure: the store and the
// map read it; tests run it without a browser.
import { compileScenario } from '../engine/compile';
import { PLACES } from '../engine/vocabulary';
import type { CompiledScenario, Place, Scenario } from '../engine';

/**
 * The campaign, in the order a procurement team meets the steps: the tutorial first; once it is
 * completed every level is open (a trainee or a workshop can go straight to the topic they need),
 * and this order is the one the game suggests. Ids listed here but not shipped are skipped.
 */
export const CAMPAIGN_ORDER: readonly string[] = [
  'tutorial',
  'needs-not-solutions',
  'market-consultation',
  'street-lighting',
  'care-robotics-pcp',
  'innovation-partnership',
  'school-kitchens',
  'bike-share-rescue',
  'circular-office',
];

/** A scenario's place in the campaign; scenarios outside it come after, in one group. */
export function campaignRank(scenarioId: string): number {
  const i = CAMPAIGN_ORDER.indexOf(scenarioId);
  return i === -1 ? CAMPAIGN_ORDER.length : i;
}

export type PlaceStatus = 'locked' | 'open' | 'completed';

export interface ScenarioEntry {
  scenario: Scenario;
  place: Place;
  /** True for scenarios the player opened from a file rather than shipped ones. */
  custom: boolean;
}

export interface ScenarioProgress {
  /** Best scaled score, 0–100. */
  bestScore: number;
  stars: 0 | 1 | 2 | 3;
}

/** The better of two progress records: the best score and the most stars, each on its own. */
export function betterProgress(a: ScenarioProgress | undefined, b: ScenarioProgress): ScenarioProgress {
  if (!a) return b;
  return {
    bestScore: Math.max(a.bestScore, b.bestScore),
    stars: Math.max(a.stars, b.stars) as ScenarioProgress['stars'],
  };
}

export interface PlaceCard {
  scenarioId: string;
  place: Place;
  title: string;
  summary: string;
  difficulty: Scenario['difficulty'];
  minutes: number;
  status: PlaceStatus;
  stars: 0 | 1 | 2 | 3;
  bestScore: number | undefined;
  /** The player's own scenario, opened from a file. */
  custom: boolean;
}

/** Orders scenarios by the campaign, then the rest by title, and gives each a free place. */
export function buildCatalogue(
  scenarios: readonly Scenario[],
  custom: ReadonlySet<string> = new Set(),
): ScenarioEntry[] {
  const sorted = [...scenarios].sort(
    (a, b) => campaignRank(a.id) - campaignRank(b.id) || a.title.localeCompare(b.title),
  );
  const taken = new Set<Place>();
  const entries: ScenarioEntry[] = [];
  for (const s of sorted) {
    let place = s.place && !taken.has(s.place) ? s.place : PLACES.find((p) => !taken.has(p));
    place ??= s.place ?? 'city-hall';
    taken.add(place);
    entries.push({ scenario: s, place, custom: custom.has(s.id) });
  }
  return entries;
}

export function placeCards(
  entries: readonly ScenarioEntry[],
  progress: Readonly<Record<string, ScenarioProgress>>,
): PlaceCard[] {
  const tutorialId = CAMPAIGN_ORDER[0]!;
  const hasTutorial = entries.some((e) => e.scenario.id === tutorialId);
  const tutorialDone = !hasTutorial || progress[tutorialId] !== undefined;
  return entries.map((e) => {
    const id = e.scenario.id;
    const done = progress[id];
    const open = id === tutorialId || e.custom || tutorialDone;
    return {
      scenarioId: id,
      place: e.place,
      title: e.scenario.title,
      summary: e.scenario.summary,
      difficulty: e.scenario.difficulty,
      minutes: e.scenario.minutes,
      status: done ? 'completed' : open ? 'open' : 'locked',
      stars: done?.stars ?? 0,
      bestScore: done?.bestScore,
      custom: e.custom,
    };
  });
}

/** The first open, not yet completed scenario after `afterId`, or any open one. */
export function nextToPlay(cards: readonly PlaceCard[], afterId?: string): PlaceCard | undefined {
  const from = afterId ? cards.findIndex((c) => c.scenarioId === afterId) + 1 : 0;
  return [...cards.slice(from), ...cards.slice(0, from)].find((c) => c.status === 'open');
}

const compiled = new WeakMap<Scenario, CompiledScenario>();

/** Compiles a scenario once and keeps it for as long as the scenario object lives. */
export function compiledOf(scenario: Scenario): CompiledScenario {
  let c = compiled.get(scenario);
  if (!c) {
    c = compileScenario(scenario);
    compiled.set(scenario, c);
  }
  return c;
}
