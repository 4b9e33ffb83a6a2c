// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OverallEntry, Result } from '../../storage';
import { renderApp } from '../test-support';

const overall: OverallEntry[] = [
  { rank: 1, profileId: 'p-ona', profileName: 'Ona', total: 180, scenarios: 2, durationMs: 900_000 },
  { rank: 2, profileId: 'guest', profileName: '', total: 70, scenarios: 1, durationMs: 300_000 },
];

function result(id: string, scenarioId: string, scaled: number, finishedAt: number): Result {
  return {
    id,
    profileId: 'guest',
    profileName: '',
    scenarioId,
    scenarioVersion: '1.0.0',
    seed: 1,
    decisions: [],
    metrics: {},
    score: { raw: scaled, scaled, stars: 2 },
    outcome: 'mixed',
    ending: 'end',
    durationMs: 125_000,
    finishedAt,
  };
}

describe('standings on the map', () => {
  it('shows every player on the device and the player’s own runs when opened', async () => {
    const asked: string[] = [];
    const { user } = renderApp({
      standings: {
        overall: () => Promise.resolve(overall),
        history: (profileId) => {
          asked.push(profileId);
          return Promise.resolve([
            result('r2', 'street-lighting', 64, Date.UTC(2026, 10, 20, 9)),
            result('r1', 'tutorial', 70, Date.UTC(2026, 10, 19, 9)),
          ]);
        },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    expect(asked).toEqual([]); // nothing is read until the player opens it
    await user.click(screen.getByText('Standings and your runs'));
    const tables = await screen.findAllByRole('table');
    const players = within(tables[0]!).getAllByRole('row').slice(1);
    expect(players.map((r) => r.textContent)).toEqual(['1Ona1802', '2Guest (you)701']);
    const runs = within(tables[1]!).getAllByRole('row').slice(1);
    expect(runs.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Smart lights for Ventava',
      'First steps: the bench that does not exist',
    ]);
    expect(runs[0]).toHaveTextContent('2 min 5 sec');
    expect(asked).toEqual(['guest']);
  });
});
