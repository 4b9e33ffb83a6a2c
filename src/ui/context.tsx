// Gives components the play store and the game bus; tests provide their own.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { GameBus } from '../play/bus';
import { placeCards, type PlaceCard } from '../play/catalogue';
import type { PlayState } from '../play/store';
import type { TranslationState } from '../play/translations';
import type { LeaderboardEntry, OverallEntry, Result } from '../storage';

export interface GameHandle {
  destroy(): void;
}

/** The Phaser world, loaded on demand so the home screen never waits for it. */
export type GameLoader = () => Promise<{
  startGame(parent: HTMLElement, store: StoreApi<PlayState>, bus: GameBus): GameHandle;
}>;

/** Backups and the like, where the device's storage is open; absent in component tests. */
export interface DataService {
  exportProfile(profileId: string): Promise<{ fileName: string; text: string }>;
  exportDevice(): Promise<{ fileName: string; text: string }>;
  importBackup(text: string): Promise<
    | {
        ok: true;
        summary: { profilesAdded: number; resultsAdded: number; achievementsAdded: number; duplicatesSkipped: number };
      }
    | { ok: false; message: string }
  >;
}

interface Services {
  store: StoreApi<PlayState>;
  bus: GameBus;
  /** Absent where no canvas can run (component tests): the stage then shows its fallback. */
  loadGame?: GameLoader;
  /** The scenario's local leaderboard (best run per profile); absent in tests that do not need it. */
  leaderboard?: (scenarioId: string) => Promise<LeaderboardEntry[]>;
  /** All players' totals over their best runs, and one player's finished runs, newest first. */
  standings?: {
    overall: () => Promise<OverallEntry[]>;
    history: (profileId: string) => Promise<Result[]>;
  };
  data?: DataService;
  /** Translations of scenario text, loaded per language; absent, every level shows its own text. */
  translations?: StoreApi<TranslationState>;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ children, ...services }: Services & { children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** Reads a slice of the play store and re-renders when it changes. */
export function usePlay<T>(selector: (state: PlayState) => T): T {
  return useStore(useServices().store, selector);
}

/** The places of the map with their status for the current player, recomputed only on change. */
export function useCards(): PlaceCard[] {
  const catalogue = usePlay((s) => s.catalogue);
  const progress = usePlay((s) => s.progress);
  const profileId = usePlay((s) => s.profileId);
  return useMemo(() => placeCards(catalogue, progress[profileId ?? 'guest'] ?? {}), [catalogue, progress, profileId]);
}
