// Generates large, plausible scenarios for the benchmark: a spine of decisions whose options
// rejoin, short detours, branches on metrics and flags, seeded events, and three endings.
import { draw } from '../src/engine/random';

export function generateScenarioText(nodeCount: number, seed = 1): string {
  let rng = seed;
  const random = () => {
    const d = draw(rng);
    rng = d.state;
    return d.value;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const metrics = ['budget', 'innovation', 'risk', 'trust', 'market'];
  const effects = () => Object.fromEntries(metrics.filter(() => random() < 0.5).map((m) => [m, int(-8, 8)]));
  const qualities = ['best', 'good', 'weak', 'poor'];
  const nodes: object[] = [];
  const body = nodeCount - 3;
  const id = (i: number) => (i >= body ? 'end-check' : `n${i}`);
  let i = 0;
  while (i < body) {
    const here = i;
    const kind = here % 15 === 7 ? 'event' : here % 10 === 4 ? 'branch' : here % 6 === 5 ? 'narrative' : 'decision';
    if (kind === 'decision') {
      nodes.push({
        id: id(here),
        kind,
        title: `Decision ${here}`,
        speaker: 'procurement-officer',
        prompt: `What do you do at step ${here}? Each option moves the metrics differently.`,
        options: [0, 1, 2].map((k) => ({
          id: `o${k}`,
          text: `Option ${k} at step ${here}`,
          effects: effects(),
          setFlags: k === 0 && random() < 0.1 ? ['consulted'] : [],
          quality: qualities[int(0, 3)],
          feedback: `Feedback for option ${k}: what happened and why, with the legal basis.`,
          reference: 'Directive 2014/24/EU Art. 40',
          next: id(here + 1),
        })),
      });
    } else if (kind === 'branch') {
      nodes.push({
        id: id(here),
        kind,
        cases: [
          {
            when: { any: [{ flag: 'consulted' }, { metric: metrics[int(0, 4)], op: '>=', value: int(40, 70) }] },
            next: id(here + 1),
          },
        ],
        otherwise: id(Math.min(here + 2, body)),
      });
    } else if (kind === 'event') {
      nodes.push({
        id: id(here),
        kind,
        title: `Event ${here}`,
        outcomes: [
          { id: 'good', chance: 60, text: 'It goes well.', effects: effects(), next: id(here + 1) },
          { id: 'bad', chance: 40, text: 'It goes badly.', effects: effects(), next: id(here + 1) },
        ],
      });
    } else {
      nodes.push({
        id: id(here),
        kind,
        title: `Scene ${here}`,
        text: `Scene ${here} of the story.`,
        next: id(here + 1),
      });
    }
    i++;
  }
  nodes.push({
    id: 'end-check',
    kind: 'branch',
    cases: [
      { when: { metric: 'trust', op: '>=', value: 60 }, next: 'end-good' },
      { when: { metric: 'risk', op: '>=', value: 60 }, next: 'end-bad' },
    ],
    otherwise: 'end-mixed',
  });
  for (const [endId, outcome] of [
    ['end-good', 'success'],
    ['end-mixed', 'mixed'],
    ['end-bad', 'failure'],
  ] as const) {
    nodes.push({ id: endId, kind: 'ending', title: endId, text: 'The end.', outcome });
  }
  return JSON.stringify(
    {
      format: 1,
      id: `generated-${nodeCount}`,
      version: '1.0.0',
      lang: 'en',
      title: `Generated scenario of ${nodeCount} nodes`,
      summary: 'A generated scenario for benchmarks.',
      difficulty: 'expert',
      minutes: 240,
      competences: ['innovation-procurement'],
      metrics: metrics.map((m) => ({
        id: m,
        label: m,
        initial: 50,
        min: 0,
        max: 100,
        weight: 1,
        better: m === 'risk' ? 'lower' : 'higher',
      })),
      flags: ['consulted'],
      start: 'n0',
      nodes,
    },
    null,
    2,
  );
}
