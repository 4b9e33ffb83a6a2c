// What the service worker has told the app: the game is ready offline, a new version is waiting,
// or a new version has taken over (from another tab) and the page must reload. A new version is
// never offered, and the page never reloads, while the player is in the middle of a run.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlayState } from '../play/store';

export interface PwaState {
  /** The whole game is stored on this device (first install only). */
  offlineReady: boolean;
  /** A new version is installed and waits for the player's agreement. */
  updateWaiting: boolean;
  /** The player chose "Later" for the waiting version. */
  dismissed: boolean;
  /** The player agreed; the new version is taking over. */
  updating: boolean;
  /** A new version controls the page; it reloads as soon as no run is open. */
  reloadPending: boolean;
  /** Activates the waiting version (set by the registration). */
  activate: (() => Promise<void>) | null;
  updateFound: (activate: () => Promise<void>) => void;
  readyOffline: () => void;
  dismissOfflineReady: () => void;
  dismiss: () => void;
  update: () => Promise<void>;
  needReload: () => void;
}

export function createPwaStatus(): StoreApi<PwaState> {
  return createStore<PwaState>()((set, get) => ({
    offlineReady: false,
    updateWaiting: false,
    dismissed: false,
    updating: false,
    reloadPending: false,
    activate: null,
    updateFound: (activate) => set({ updateWaiting: true, dismissed: false, activate }),
    readyOffline: () => set({ offlineReady: true }),
    dismissOfflineReady: () => set({ offlineReady: false }),
    dismiss: () => set({ dismissed: true }),
    async update() {
      const { activate, updating } = get();
      if (!activate || updating) return;
      set({ updating: true });
      await activate();
    },
    needReload: () => set({ reloadPending: true }),
  }));
}

/** The app's one instance (main.tsx registers the service worker with it; App shows it). */
export const pwaStatus = createPwaStatus();

/** True while the player has a run open on the play screen that has not ended. */
export function isMidRun(play: Pick<PlayState, 'screen' | 'run'>): boolean {
  return play.screen.name === 'play' && play.run !== null && play.run.result === undefined;
}

/** Whether to show the "update available" prompt now: a version waits, and no run is open. */
export function shouldOfferUpdate(pwa: PwaState, play: Pick<PlayState, 'screen' | 'run'>): boolean {
  return pwa.updateWaiting && !pwa.dismissed && !isMidRun(play);
}

/**
 * Reloads the page once a new version controls it and no run is open: at once when the player
 * agreed on a menu screen, or when a run that was open (in this tab, while another tab
 * updated) ends or is left. Returns the unsubscribe function.
 */
export function reloadWhenSafe(pwa: StoreApi<PwaState>, play: StoreApi<PlayState>, reload: () => void): () => void {
  let done = false;
  const check = () => {
    if (done || !pwa.getState().reloadPending || isMidRun(play.getState())) return;
    done = true;
    reload();
  };
  const offPwa = pwa.subscribe(check);
  const offPlay = play.subscribe(check);
  check();
  return () => {
    offPwa();
    offPlay();
  };
}
