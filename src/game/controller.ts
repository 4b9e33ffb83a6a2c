// Which scene shows follows the store's screen: the play screen shows the scenario's place and
// people, every other screen the city map.
import type Phaser from 'phaser';
import type { PlayState } from '../play/store';
import { SCENES, type GameContext, type SceneKey } from './context';

interface Wanted {
  key: SceneKey;
  scenarioId: string | null;
}

export function wantedScene(state: PlayState): Wanted {
  if (state.screen.name === 'play' && state.run) return { key: SCENES.scenario, scenarioId: state.run.scenarioId };
  return { key: SCENES.city, scenarioId: null };
}

/** Starts following the store; returns the function that stops it. */
export function followScreen(game: Phaser.Game, context: GameContext): () => void {
  let current: Wanted | null = null;
  const sync = (state: PlayState) => {
    const wanted = wantedScene(state);
    if (current && current.key === wanted.key && current.scenarioId === wanted.scenarioId) return;
    if (current && current.key !== wanted.key) game.scene.stop(current.key);
    // Starting a running scene restarts it: a new scenario gets a fresh stage.
    game.scene.start(wanted.key);
    current = wanted;
  };
  sync(context.store.getState());
  return context.store.subscribe(sync);
}
