// The people on the scenario stage: one Actor per speaker, with an idle breath, a step forward
// into the spotlight when they speak, and a face that shows their mood.
import type Phaser from 'phaser';
import { CHARACTER_BOX, drawCharacter, type Look, type Mood } from '../art/characters';
import { BUBBLE, bubble, type BubbleKind } from '../art/props';
import type { Slot } from '../cast';
import { canvasTexture } from '../textures';

export function characterTexture(scene: Phaser.Scene, id: string, look: Look, mood: Mood): string {
  return canvasTexture(scene, `character:${id}:${mood}`, CHARACTER_BOX.width, CHARACTER_BOX.height, (ctx) =>
    drawCharacter(ctx, look, mood),
  );
}

export function bubbleTexture(scene: Phaser.Scene, kind: BubbleKind): string {
  return canvasTexture(scene, `bubble:${kind}`, BUBBLE.width, BUBBLE.height, (ctx) => bubble(ctx, kind));
}

/** Height of a figure's head top above its feet, at scale 1. */
export const FIGURE_HEIGHT = 172;

export class Actor {
  readonly root: Phaser.GameObjects.Container;
  readonly body: Phaser.GameObjects.Image;
  private bubble: Phaser.GameObjects.Image | undefined;
  private idle: Phaser.Tweens.Tween | undefined;
  mood: Mood = 'neutral';
  /** Bubbles grow when the canvas is shown small; see legible.ts. */
  private bubbleScale = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly id: string,
    private readonly look: Look,
    readonly home: Slot,
    private readonly reduced: boolean,
  ) {
    this.body = scene.add
      .image(0, 0, characterTexture(scene, id, look, 'neutral'))
      .setOrigin(CHARACTER_BOX.footX / CHARACTER_BOX.width, CHARACTER_BOX.footY / CHARACTER_BOX.height);
    this.root = scene.add.container(home.x, home.y, [this.body]).setScale(home.scale).setDepth(home.y);
    if (!reduced) {
      this.idle = scene.tweens.add({
        targets: this.body,
        scaleY: 1.018,
        scaleX: 0.992,
        duration: 1300 + Math.random() * 500,
        delay: Math.random() * 800,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
  }

  setMood(mood: Mood): void {
    if (mood === this.mood) return;
    this.mood = mood;
    this.body.setTexture(characterTexture(this.scene, this.id, this.look, mood));
  }

  /** Shows a bubble over the head (or none). */
  say(kind: BubbleKind | null): void {
    if (this.bubble) {
      this.scene.tweens.killTweensOf(this.bubble);
      this.bubble.destroy();
      this.bubble = undefined;
    }
    if (!kind) return;
    const y = -FIGURE_HEIGHT - 8;
    this.bubble = this.scene.add
      .image(24, y, bubbleTexture(this.scene, kind))
      .setOrigin(0.4, 0.9)
      .setScale(this.bubbleScale);
    this.root.add(this.bubble);
    if (this.reduced) return;
    this.bubble.setScale(0.2);
    this.scene.tweens.add({ targets: this.bubble, scale: this.bubbleScale, duration: 260, ease: 'Back.easeOut' });
    this.scene.tweens.add({
      targets: this.bubble,
      y: y - 5,
      duration: 700,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
      delay: 260,
    });
  }

  setBubbleScale(scale: number): void {
    this.bubbleScale = scale;
    if (this.bubble) {
      this.scene.tweens.killTweensOf(this.bubble);
      this.bubble.setScale(scale).setY(-FIGURE_HEIGHT - 8);
    }
  }

  /** Moves to a place on the stage, walking (with a little bounce) unless motion is reduced. */
  moveTo(x: number, y: number, scale: number, duration = 500, onDone?: () => void): void {
    this.scene.tweens.killTweensOf(this.root);
    this.root.setDepth(y);
    if (this.reduced || duration === 0) {
      this.root.setPosition(x, y).setScale(scale);
      onDone?.();
      return;
    }
    const far = Math.abs(x - this.root.x) > 60;
    this.scene.tweens.add({
      targets: this.root,
      x,
      y,
      scale,
      duration,
      ease: far ? 'Linear' : 'Sine.easeOut',
      onComplete: () => onDone?.(),
    });
    if (far) {
      this.scene.tweens.add({
        targets: this.body,
        y: -6,
        duration: 140,
        yoyo: true,
        repeat: Math.max(0, Math.round(duration / 280) - 1),
        ease: 'Sine.easeOut',
      });
    }
  }

  /** Steps into the spotlight, or back to its place. */
  spotlight(on: boolean): void {
    const { x, y, scale } = this.home;
    this.moveTo(x, on ? y + 18 : y, on ? scale * 1.1 : scale, 320);
  }

  goHome(): void {
    this.say(null);
    this.root.setAlpha(1).setVisible(true);
    this.body.setY(0);
    this.moveTo(this.home.x, this.home.y, this.home.scale, 300);
  }

  /** A short nod: good news. */
  nod(): void {
    if (this.reduced) return;
    this.scene.tweens.add({
      targets: this.body,
      angle: { from: 0, to: 4 },
      duration: 160,
      yoyo: true,
      repeat: 1,
      ease: 'Sine.easeInOut',
    });
  }

  destroy(): void {
    this.idle?.remove();
    this.scene.tweens.killTweensOf([this.root, this.body]);
    this.root.destroy();
  }
}
