// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LeaderboardEntry } from '../../storage';
import { renderApp } from '../test-support';

const entry = (rank: number, profileId: string, profileName: string, scoreScaled: number): LeaderboardEntry => ({
  rank,
  profileId,
  profileName,
  resultId: `r${rank}`,
  scoreScaled,
  stars: 3,
  durationMs: 95_000,
  finishedAt: 0,
});

/** Plays the tutorial taking the option the scenario marks best at every decision. */
async function playBest(user: ReturnType<typeof renderApp>['user']) {
  const best = ['Describe the outcome', 'Announce an open market day', 'Best price-quality ratio'];
  for (let i = 0; i < 40; i++) {
    if (screen.queryByRole('heading', { level: 2, name: 'Your decisions, reviewed' })) return;
    const options = screen.queryAllByRole('button').filter((b) => b.classList.contains('option'));
    const pick = options.find((b) => best.some((text) => b.textContent.includes(text)));
    if (pick) await user.click(pick);
    else await user.click(screen.getByRole('button', { name: /Continue|See the results/ }));
  }
  throw new Error('never reached the results');
}

describe('rewards', () => {
  it('celebrates achievements, shows XP and the leaderboard after the best tutorial run', async () => {
    const leaderboard = vi.fn(() => Promise.resolve([entry(1, 'other', 'Bo', 100), entry(2, 'guest', '', 90)]));
    const { user, store } = renderApp({ leaderboard });
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    expect(screen.getByText('Level 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: /^Start/ }));
    await playBest(user);

    expect(store.getState().lastRun!.result!.decisions.every((d) => d.quality === 'best')).toBe(true);
    const celebration = within(screen.getByRole('region', { name: 'New achievements' }));
    for (const title of ['First steps', 'By the book', 'Best practice', 'Quick thinker', 'Life-cycle thinker']) {
      expect(celebration.getByText(title)).toBeInTheDocument();
    }
    expect(celebration.getByText(/life-cycle cost over price \(Art\. 68\)/)).toBeInTheDocument();
    expect(celebration.queryByText('Completionist')).not.toBeInTheDocument();
    expect(await screen.findByText('Achievement earned: First steps.', { exact: false })).toHaveAttribute(
      'aria-live',
      'polite',
    );

    const { scaled, stars } = store.getState().lastRun!.result!.score;
    const xp = scaled + 50 * stars + 100;
    expect(screen.getByText(`${xp} XP`)).toBeInTheDocument();
    expect(screen.getByText(xp >= 250 ? 'Level 2' : 'Level 1')).toBeInTheDocument();

    expect(leaderboard).toHaveBeenCalledWith('tutorial');
    const table = within(await screen.findByRole('table'));
    const rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/1\s*Bo\s*100\s*3\s*1 min 35 sec/);
    expect(rows[1]).toHaveTextContent('Guest (you)');

    await user.click(screen.getByRole('button', { name: 'Back to the city map' }));
    const earned = store.getState().achievements.guest!;
    expect(earned).toEqual(expect.arrayContaining(['first-steps', 'best-practice', 'life-cycle-thinker']));
    const summary = screen.getByText(`Achievements: ${earned.length} of 8 earned`);
    expect(summary.closest('details')).toBeInTheDocument();
    expect(screen.getByText(`${xp} XP`)).toBeInTheDocument();

    // A second run earns nothing new: nothing is celebrated again.
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: /^Play “First steps/ }));
    await playBest(user);
    expect(screen.queryByRole('region', { name: 'New achievements' })).not.toBeInTheDocument();
  });

  it('shows no leaderboard without the service', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: /^Start/ }));
    await playBest(user);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
