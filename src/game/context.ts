// What every scene is given: the play store to read and the bus to speak through.
import type { StoreApi } from 'zustand/vanilla';
import type { GameBus } from '../play/bus';
import type { PlayState } from '../play/store';

export interface GameContext {
  store: StoreApi<PlayState>;
  bus: GameBus;
}

export const SCENES = { city: 'city', scenario: 'scenario' } as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];
