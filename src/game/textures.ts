// Textures drawn in code: a canvas, a drawing function, and Phaser keeps the result under a key.
// Each key is drawn once per game; scenes that restart reuse it.
import type Phaser from 'phaser';
import type { Ctx } from './art/draw';

export function canvasTexture(
  scene: Phaser.Scene,
  key: string,
  width: number,
  height: number,
  draw: (ctx: Ctx) => void,
): string {
  if (scene.textures.exists(key)) return key;
  const texture = scene.textures.createCanvas(key, Math.ceil(width), Math.ceil(height));
  if (!texture) throw new Error(`Could not create the texture "${key}"`);
  draw(texture.getContext());
  texture.refresh();
  return key;
}
