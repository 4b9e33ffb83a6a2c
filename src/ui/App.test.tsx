// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lt from '../i18n/locales/lt.json';
import { renderApp } from './test-support';

afterEach(() => {
  vi.useRealTimers();
});

describe('home', () => {
  it('asks for a name before adding a player, then opens the city map', async () => {
    const { user, store } = renderApp();
    expect(screen.getByRole('heading', { name: 'Who is playing?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add player' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Please enter a name.');
    expect(screen.getByLabelText('Your name or team name')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Your name or team name'), 'Ana{Enter}');
    expect(store.getState().screen).toEqual({ name: 'map' });
    expect(screen.getByRole('heading', { level: 1, name: 'Your city' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Player: Ana' })).toBeInTheDocument();
  });
});

describe('city map', () => {
  it('lists every place as a button that says its status, difficulty and length', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    const places = within(screen.getByRole('list', { name: 'Places' })).getAllByRole('button');
    expect(places.map((b) => b.getAttribute('aria-label'))).toEqual([
      'First steps: the bench that does not exist: Open, beginner, about 5 minutes',
      expect.stringMatching(/^Smart lights for Ventava: Locked, intermediate, about \d+ minutes$/),
    ]);
    await user.click(places[1]!);
    expect(screen.getByRole('heading', { level: 2, name: 'Smart lights for Ventava' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Start/ })).not.toBeInTheDocument();
    expect(screen.getAllByText('Complete the place before it to open this one.').length).toBeGreaterThan(0);
  });
});

/** Plays with the first option each time until the results screen. */
async function playThrough(user: ReturnType<typeof renderApp>['user']) {
  for (let i = 0; i < 40; i++) {
    const results = screen.queryByRole('heading', { level: 2, name: 'Your decisions, reviewed' });
    if (results) return;
    const options = screen.queryAllByRole('button', { name: /^[A-H]/ }).filter((b) => b.classList.contains('option'));
    if (options.length > 0) await user.click(options[0]!);
    else await user.click(screen.getByRole('button', { name: /Continue|See the results/ }));
  }
  throw new Error('never reached the results');
}

describe('playing the tutorial', () => {
  it('shows scenes, decisions as buttons, feedback with the legal basis, and the results', async () => {
    const { user, store } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: 'Start “First steps: the bench that does not exist”' }));

    expect(screen.getByRole('heading', { level: 2, name: 'Welcome to City Hall' })).toHaveFocus();
    expect(screen.getByText('Mayor')).toBeInTheDocument();
    expect(screen.queryByText(/^Score \d+$/)).not.toBeInTheDocument(); // nothing decided, nothing scored
    expect(screen.getByRole('meter', { name: 'Innovation' })).toHaveAttribute('aria-valuenow', '20');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(screen.getByRole('heading', { level: 2, name: 'What are we buying?' })).toHaveFocus();
    const options = within(screen.getByRole('list', { name: /write down what the city needs/ })).getAllByRole('button');
    expect(options).toHaveLength(2);
    await user.click(options[0]!);

    expect(screen.getByRole('heading', { level: 2, name: 'Best choice' })).toHaveFocus();
    const feedback = within(screen.getByRole('region', { name: 'Best choice' }));
    expect(feedback.getByText('Basis: Directive 2014/24/EU Art. 42(3)')).toBeInTheDocument();
    const changes = within(feedback.getByRole('list', { name: 'What changed' }));
    expect(changes.getByText(/Innovation \+15/)).toHaveTextContent('(better)');
    expect(changes.getByText(/Budget -5/)).toHaveTextContent('(worse)');
    expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
      'Budget -5, worse. Innovation +15, better',
    );
    expect(screen.getByRole('meter', { name: 'Innovation' })).toHaveAttribute('aria-valuenow', '35');
    expect(screen.getByText('Journal · 1 decision so far')).toBeInTheDocument();
    expect(screen.getByText(/^Score \d+$/)).toBeInTheDocument();

    await playThrough(user);
    const result = store.getState().lastRun!.result!;
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.getByText(`Score ${result.score.scaled} of 100`)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: `${result.score.stars} of 3 stars` })).toBeInTheDocument();
    const review = screen.getAllByRole('listitem').filter((li) => li.closest('.review'));
    expect(review).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Back to the city map' }));
    expect(store.getState().cards()[0]!.status).toBe('completed');
  });

  it('shows the better option after a weaker choice', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: /^Start/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: /Copy the data sheet/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Poor choice' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'A better option' })).toBeInTheDocument();
    expect(screen.getByText(/Describe the outcome: seating/)).toBeInTheDocument();
  });

  it('takes the timeout option when the decision timer runs out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, store } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    await user.click(screen.getByRole('button', { name: /^First steps/ }));
    await user.click(screen.getByRole('button', { name: /^Start/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: /Describe the outcome/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText('60 seconds left')).toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(61_000);
    });
    expect(screen.getByRole('heading', { level: 2, name: /^Time ran out\.\s+Poor choice$/ })).toBeInTheDocument();
    expect(store.getState().run!.history.at(-1)).toMatchObject({ option: 'private', timedOut: true });
  });
});

describe('settings', () => {
  it('switches the language of the whole interface', async () => {
    const { user, store } = renderApp();
    await user.selectOptions(within(screen.getByRole('main')).getByLabelText('Language'), 'lt');
    expect(store.getState().settings.language).toBe('lt');
    expect(document.documentElement.lang).toBe('lt');
    expect(screen.getByRole('heading', { level: 2, name: lt.home.title })).toBeInTheDocument();
  });

  it('applies text size and reduced motion to the page', () => {
    const { store } = renderApp({ settings: { textSize: 'larger' } });
    expect(document.documentElement.dataset.textSize).toBe('larger');
    act(() => store.getState().updateSettings({ reducedMotion: true, textSize: 'normal' }));
    expect(document.documentElement.dataset.reducedMotion).toBe('true');
    expect(document.documentElement.dataset.textSize).toBe('normal');
  });
});

describe('saving problems', () => {
  it('says so when storage fails or is missing, without stopping play', async () => {
    const { store, user } = renderApp();
    act(() => store.getState().setStorageHealth('failing'));
    expect(screen.getByText(/Your progress cannot be saved right now/)).toBeInTheDocument();
    act(() => store.getState().setStorageHealth('unavailable'));
    expect(screen.getByText(/does not let the game save on this device/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Your city' })).toBeInTheDocument();
    act(() => store.getState().setStorageHealth('ok'));
    expect(screen.queryByText(/does not let the game save/)).not.toBeInTheDocument();
  });
});
