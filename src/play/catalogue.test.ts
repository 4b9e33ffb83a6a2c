import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../engine';
import { buildCatalogue, CAMPAIGN_ORDER, nextToPlay, placeCards } from './catalogue';

function scenario(id: string, extra: Record<string, unknown> = {}): Scenario {
  const r = loadScenario(
    JSON.stringify({
      format: 1,
      id,
      version: '1.0.0',
      lang: 'en',
      title: `Title ${id}`,
      summary: 'Summary.',
      difficulty: 'beginner',
      minutes: 5,
      competences: ['planning'],
      metrics: [{ id: 'budget', label: 'Budget', initial: 50, min: 0, max: 100, weight: 1 }],
      start: 'end',
      nodes: [
        { id: 'intro', kind: 'narrative', text: 'Hi.', next: 'end' },
        { id: 'end', kind: 'ending', title: 'End', text: 'Bye.', outcome: 'success' },
      ],
      ...extra,
    }),
    `${id}.json`,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('catalogue', () => {
  it('puts the campaign first, in order, then other scenarios by title', () => {
    const entries = buildCatalogue([
      scenario('zeta'),
      scenario('street-lighting'),
      scenario('alpha'),
      scenario('tutorial'),
    ]);
    expect(entries.map((e) => e.scenario.id)).toEqual(['tutorial', 'street-lighting', 'alpha', 'zeta']);
    expect(CAMPAIGN_ORDER[0]).toBe('tutorial');
  });

  it('gives each scenario its own place, the one it asks for when free', () => {
    const entries = buildCatalogue([
      scenario('tutorial', { place: 'market-square' }),
      scenario('street-lighting', { place: 'street-lights' }),
      scenario('other', { place: 'market-square' }),
    ]);
    const places = entries.map((e) => e.place);
    expect(places.slice(0, 2)).toEqual(['market-square', 'street-lights']);
    expect(new Set(places).size).toBe(3);
  });

  it('opens the tutorial first and every level once the tutorial is completed', () => {
    const entries = buildCatalogue([
      scenario('tutorial'),
      scenario('needs-not-solutions'),
      scenario('street-lighting'),
      scenario('extra'),
    ]);
    const fresh = placeCards(entries, {});
    expect(fresh.map((c) => c.status)).toEqual(['open', 'locked', 'locked', 'locked']);
    const afterTutorial = placeCards(entries, { tutorial: { bestScore: 70, stars: 2 } });
    expect(afterTutorial.map((c) => c.status)).toEqual(['completed', 'open', 'open', 'open']);
    expect(afterTutorial[0]).toMatchObject({ stars: 2, bestScore: 70 });
  });

  it('keeps custom scenarios open from the start', () => {
    const entries = buildCatalogue([scenario('tutorial'), scenario('my-city')], new Set(['my-city']));
    expect(placeCards(entries, {}).map((c) => c.status)).toEqual(['open', 'open']);
  });

  it('opens everything when no tutorial ships', () => {
    const entries = buildCatalogue([scenario('street-lighting'), scenario('extra')]);
    expect(placeCards(entries, {}).map((c) => c.status)).toEqual(['open', 'open']);
  });

  it('suggests the next open place after the one just played', () => {
    const entries = buildCatalogue([scenario('tutorial'), scenario('street-lighting')]);
    const cards = placeCards(entries, { tutorial: { bestScore: 50, stars: 1 } });
    expect(nextToPlay(cards, 'tutorial')?.scenarioId).toBe('street-lighting');
    const all = placeCards(entries, {
      tutorial: { bestScore: 50, stars: 1 },
      'street-lighting': { bestScore: 90, stars: 3 },
    });
    expect(nextToPlay(all, 'street-lighting')).toBeUndefined();
  });
});
