// Symbols (status markers, speech bubbles) must stay legible when the canvas is shown small, as
// on a phone: they grow as the canvas shrinks, up to a limit.
import Phaser from 'phaser';

/** 1 on a laptop; up to `max` when the canvas is shown much smaller than its logical size. */
export function legibleScale(scene: Phaser.Scene, max = 2): number {
  const unitsPerPixel = scene.scale.displayScale.x;
  return Math.min(max, Math.max(1, unitsPerPixel * 0.7));
}

/** Calls `apply` now and whenever the canvas is resized, until the scene shuts down. */
export function followLegibleScale(scene: Phaser.Scene, apply: (scale: number) => void, max?: number): void {
  const update = () => apply(legibleScale(scene, max));
  update();
  scene.scale.on(Phaser.Scale.Events.RESIZE, update);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.scale.off(Phaser.Scale.Events.RESIZE, update));
}
