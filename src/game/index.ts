// The Phaser world: the city map and the scenario stage. React mounts it with startGame and
// tears it down with destroy(); everything it shows comes from the play store, and everything
// the player does in the canvas goes out through the bus.
import Phaser from 'phaser';
import type { StoreApi } from 'zustand/vanilla';
import type { GameBus } from '../play/bus';
import { MAP_HEIGHT, MAP_WIDTH } from '../play/layout';
import type { PlayState } from '../play/store';
import { SCENES, type GameContext } from './context';
import { followScreen } from './controller';
import { CityScene } from './scenes/CityScene';
import { ScenarioScene } from './scenes/ScenarioScene';

export interface GameHandle {
  destroy(): void;
}

export function startGame(parent: HTMLElement, store: StoreApi<PlayState>, bus: GameBus): GameHandle {
  const context: GameContext = { store, bus };
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    banner: false,
    backgroundColor: '#a3c47f',
    audio: { noAudio: true },
    input: { keyboard: false, gamepad: false },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: MAP_WIDTH,
      height: MAP_HEIGHT,
    },
    scene: [],
  });
  game.scene.add(SCENES.city, new CityScene(context), false);
  game.scene.add(SCENES.scenario, new ScenarioScene(context), false);

  let stopFollowing: (() => void) | undefined;
  let destroyed = false;
  const begin = () => {
    if (!destroyed) stopFollowing = followScreen(game, context);
  };
  if (game.isRunning) begin();
  else game.events.once(Phaser.Core.Events.READY, begin);

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopFollowing?.();
      game.events.off(Phaser.Core.Events.READY, begin);
      const gl = game.renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? game.renderer.gl : null;
      // Phaser destroys on its next frame; the canvas leaves the page now, so a remount never
      // shows two. A game destroyed before its loop started is destroyed once it starts.
      game.canvas.remove();
      game.events.once(Phaser.Core.Events.DESTROY, () => {
        // Give the WebGL context back right away rather than when the garbage collector runs.
        queueMicrotask(() => gl?.getExtension('WEBGL_lose_context')?.loseContext());
      });
      game.destroy(true);
    },
  };
}
