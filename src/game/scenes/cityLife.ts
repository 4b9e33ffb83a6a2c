// Ambient life on the map — boats, clouds, a cyclist, a bus, gulls — started only when the
// player has not asked for reduced motion. Everything here is decoration; nothing is clickable.
import type Phaser from 'phaser';
import { cityBus, cloud, cloudShadow, cyclist, gull, rowboat, sailboat } from '../art/ambient';
import { RIVER, STREETS } from '../art/city';
import type { Ctx } from '../art/draw';
import { pointAlong } from '../path';
import { canvasTexture } from '../textures';

const SAIL_ROUTE = [480, -24, 400, 22, 250, 34, 120, 26, -40, 40];

function sprite(
  scene: Phaser.Scene,
  key: string,
  w: number,
  h: number,
  draw: (ctx: Ctx) => void,
): Phaser.GameObjects.Image {
  return scene.add.image(-200, -200, canvasTexture(scene, `life:${key}`, w, h, draw));
}

/** Moves an object along a polyline, over and over. */
function follow(
  scene: Phaser.Scene,
  object: Phaser.GameObjects.Image,
  points: readonly number[],
  duration: number,
  options: { delay?: number; faceTravel?: boolean; bob?: number } = {},
): void {
  scene.tweens.addCounter({
    from: 0,
    to: 1,
    duration,
    delay: options.delay ?? 0,
    repeat: -1,
    onUpdate: (tween) => {
      const t = tween.getValue() ?? 0;
      const p = pointAlong(points, t);
      object.setPosition(p.x, p.y + (options.bob ? Math.sin(t * 60) * options.bob : 0));
      if (options.faceTravel) object.setFlipX(Math.cos(p.angle) < 0);
    },
  });
}

function reversed(points: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = points.length - 2; i >= 0; i -= 2) out.push(points[i]!, points[i + 1]!);
  return out;
}

export function startAmbientLife(scene: Phaser.Scene, depth: { traffic: number; clouds: number }): void {
  const boat = sprite(scene, 'sailboat', 40, 40, sailboat).setDepth(depth.traffic);
  follow(scene, boat, SAIL_ROUTE, 70_000, { bob: 1 });

  const row = sprite(scene, 'rowboat', 24, 14, rowboat).setDepth(depth.traffic);
  follow(scene, row, reversed(RIVER), 110_000, { delay: 4000, faceTravel: true });

  const rider = sprite(scene, 'cyclist', 24, 24, cyclist).setDepth(depth.traffic);
  follow(
    scene,
    rider,
    STREETS[1]!.points.map((v, i) => (i % 2 === 1 ? v - 6 : v)),
    38_000,
    { faceTravel: true },
  );

  const bus = sprite(scene, 'bus', 36, 20, cityBus).setDepth(depth.traffic);
  follow(
    scene,
    bus,
    reversed(STREETS[9]!.points).map((v, i) => (i % 2 === 1 ? v - 6 : v)),
    46_000,
    { faceTravel: true, delay: 6000 },
  );

  for (const [i, y, duration] of [
    [0, 150, 150_000],
    [1, 390, 190_000],
  ] as const) {
    const shadow = sprite(scene, 'cloud-shadow', 120, 60, cloudShadow).setDepth(depth.clouds);
    const puff = sprite(scene, 'cloud', 120, 60, cloud)
      .setDepth(depth.clouds + 0.1)
      .setAlpha(0.85);
    scene.tweens.addCounter({
      from: -160,
      to: 1160,
      duration,
      repeat: -1,
      delay: 0,
      onUpdate: (tween) => {
        const x = tween.getValue() ?? 0;
        const cx = ((x + i * 700) % 1320) - 160;
        puff.setPosition(cx, y - 40);
        shadow.setPosition(cx + 24, y + 10);
      },
    });
  }

  for (let i = 0; i < 3; i++) {
    const bird = sprite(scene, 'gull', 16, 10, gull).setDepth(depth.clouds - 1);
    scene.tweens.addCounter({
      from: 0,
      to: Math.PI * 2,
      duration: 9000 + i * 1700,
      repeat: -1,
      onUpdate: (tween) => {
        const a = (tween.getValue() ?? 0) + i * 2.1;
        bird.setPosition(200 + Math.cos(a) * (70 + i * 14), 60 + Math.sin(a) * (26 + i * 6));
        bird.setScale(1, 0.7 + 0.3 * Math.abs(Math.sin(a * 6)));
      },
    });
  }
}
