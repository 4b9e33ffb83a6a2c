// Connects what players do in the canvas to the store's actions. Returns the disconnect.
import type { StoreApi } from 'zustand/vanilla';
import type { GameBus } from './bus';
import type { PlayState } from './store';

export function connectBus(store: StoreApi<PlayState>, bus: GameBus): () => void {
  const offSelect = bus.on('place:select', ({ scenarioId }) => {
    if (store.getState().screen.name === 'map') store.getState().selectPlace(scenarioId);
  });
  const offHover = bus.on('place:hover', ({ scenarioId }) => {
    if (store.getState().screen.name === 'map') store.getState().focusPlace(scenarioId);
  });
  return () => {
    offSelect();
    offHover();
  };
}
