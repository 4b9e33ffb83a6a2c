// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlayStore } from '../play/store';
import { DEFAULT_SETTINGS } from '../play/settings';
import { bundledScenario, renderApp } from '../ui/test-support';
import { createPwaStatus, isMidRun, pwaStatus, reloadWhenSafe, shouldOfferUpdate } from './status';

const initial = pwaStatus.getState();
afterEach(() => {
  act(() => pwaStatus.setState(initial, true));
  setOnline(true);
});

function setOnline(value: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value });
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

/** From the home screen into the tutorial, up to its first decision. */
async function openTutorial(view: ReturnType<typeof renderApp>) {
  const { user } = view;
  await user.click(screen.getByRole('button', { name: 'Play without a name' }));
  await user.click(screen.getByRole('button', { name: /^First steps/ }));
  await user.click(screen.getByRole('button', { name: 'Start “First steps: the bench that does not exist”' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByRole('heading', { level: 2, name: 'What are we buying?' })).toBeInTheDocument();
}

describe('update available', () => {
  it('is offered on a menu screen, and activates the new version only when the player agrees', async () => {
    const view = renderApp();
    const activate = vi.fn(() => Promise.resolve());
    act(() => pwaStatus.getState().updateFound(activate));
    const status = screen.getByText('A new version of the game is ready.');
    expect(status.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(activate).not.toHaveBeenCalled();
    await view.user.click(screen.getByRole('button', { name: 'Update now' }));
    expect(activate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Updating…' })).toBeDisabled();
  });

  it('waits while a decision is open and appears when the player leaves the run', async () => {
    const view = renderApp();
    await openTutorial(view);
    act(() => pwaStatus.getState().updateFound(() => Promise.resolve()));
    expect(screen.queryByText('A new version of the game is ready.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Update now' })).not.toBeInTheDocument();
    // Leaving asks for confirmation once a decision was made; here none was made yet.
    await view.user.click(screen.getByRole('button', { name: 'Leave scenario' }));
    expect(view.store.getState().screen.name).toBe('map');
    expect(screen.getByText('A new version of the game is ready.')).toBeInTheDocument();
  });

  it('"Later" hides the offer for this version', async () => {
    const view = renderApp();
    act(() => pwaStatus.getState().updateFound(() => Promise.resolve()));
    await view.user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText('A new version of the game is ready.')).not.toBeInTheDocument();
  });

  it('is translated', () => {
    renderApp({ settings: { language: 'lt' } });
    act(() => pwaStatus.getState().updateFound(() => Promise.resolve()));
    expect(screen.getByText('Paruošta nauja žaidimo versija.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Atnaujinti dabar' })).toBeInTheDocument();
  });
});

describe('offline indicator', () => {
  it('follows the browser going offline and online, in a polite live region', () => {
    renderApp();
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
    act(() => setOnline(false));
    const note = screen.getByText(/You are offline/);
    expect(note.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    act(() => setOnline(true));
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });

  it('says once when the game is ready to play offline, and can be dismissed', async () => {
    const view = renderApp();
    act(() => pwaStatus.getState().readyOffline());
    expect(screen.getByText(/Ready to play offline/)).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Ready to play offline/)).not.toBeInTheDocument();
  });
});

describe('reload after a new version takes over', () => {
  function playStore() {
    return createPlayStore({
      scenarios: [bundledScenario('tutorial.json')],
      settings: DEFAULT_SETTINGS,
      newSeed: () => 3,
    });
  }

  it('reloads at once on a menu screen', () => {
    const play = playStore();
    const pwa = createPwaStatus();
    const reload = vi.fn();
    reloadWhenSafe(pwa, play, reload);
    pwa.getState().needReload();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits for an open run to be left, then reloads once', () => {
    const play = playStore();
    play.getState().startScenario('tutorial');
    expect(isMidRun(play.getState())).toBe(true);
    const pwa = createPwaStatus();
    const reload = vi.fn();
    reloadWhenSafe(pwa, play, reload);
    pwa.getState().needReload();
    expect(reload).not.toHaveBeenCalled();
    play.getState().leaveScenario();
    expect(reload).toHaveBeenCalledTimes(1);
    play.getState().goTo({ name: 'home' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offers nothing without a waiting version, and nothing mid-run', () => {
    const pwa = createPwaStatus().getState();
    const run = { result: undefined } as unknown as NonNullable<Parameters<typeof isMidRun>[0]['run']>;
    expect(shouldOfferUpdate(pwa, { screen: { name: 'home' }, run: null })).toBe(false);
    const waiting = { ...pwa, updateWaiting: true };
    expect(shouldOfferUpdate(waiting, { screen: { name: 'home' }, run: null })).toBe(true);
    expect(shouldOfferUpdate(waiting, { screen: { name: 'play', scenarioId: 'tutorial' }, run })).toBe(false);
    const ended = { result: {} } as unknown as typeof run;
    expect(shouldOfferUpdate(waiting, { screen: { name: 'play', scenarioId: 'tutorial' }, run: ended })).toBe(true);
  });
});
