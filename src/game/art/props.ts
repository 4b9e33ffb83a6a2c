// Small pictures for the scenario stage: speech and reaction bubbles, coins, hearts, sparkles,
// a clock, rain, confetti, a lightning bolt, the sun and soft glows. No words: every sign is a
// symbol, so the stage needs no translation.
import { circle, ellipse, line, poly, roundRect, type Ctx } from './draw';
import { GOLD, INK } from './palette';

export const BUBBLE = { width: 64, height: 56 } as const;

function bubbleShape(ctx: Ctx, fill: string): void {
  roundRect(ctx, 4, 4, 56, 38, 16, fill, INK, 2.5);
  poly(ctx, [24, 40, 32, 52, 36, 40], fill);
  line(ctx, [24, 41, 32, 52, 37, 41], INK, 2.5);
}

export type BubbleKind = 'talk' | 'check' | 'alert' | 'question' | 'cross';

export function bubble(ctx: Ctx, kind: BubbleKind): void {
  bubbleShape(ctx, kind === 'alert' ? '#ffe3df' : kind === 'check' ? '#e3f6e3' : '#ffffff');
  switch (kind) {
    case 'talk':
      for (const x of [20, 32, 44]) circle(ctx, x, 23, 4, INK);
      return;
    case 'check':
      line(ctx, [20, 23, 29, 32, 45, 14], '#2f8f4a', 6);
      return;
    case 'cross':
      line(ctx, [22, 14, 42, 32], '#c9362c', 6);
      line(ctx, [42, 14, 22, 32], '#c9362c', 6);
      return;
    case 'alert':
      roundRect(ctx, 28.5, 10, 7, 17, 3.5, '#c9362c');
      circle(ctx, 32, 33, 4, '#c9362c');
      return;
    case 'question':
      ctx.beginPath();
      ctx.arc(32, 18, 7, Math.PI * 1.1, Math.PI * 0.45);
      ctx.strokeStyle = '#2f6fc0';
      ctx.lineWidth = 5;
      ctx.lineCap = 'round';
      ctx.stroke();
      circle(ctx, 32, 34, 3.5, '#2f6fc0');
      return;
  }
}

export function coin(ctx: Ctx): void {
  // 28 × 28.
  circle(ctx, 14, 14, 12, GOLD, '#a97d10', 2.5);
  circle(ctx, 14, 14, 7.5, undefined, '#d9a21a', 2);
  line(ctx, [11, 10, 17, 10], '#a97d10', 2);
  line(ctx, [11, 14, 16, 14], '#a97d10', 2);
  ctx.beginPath();
  ctx.arc(16, 14, 5, Math.PI * 0.6, Math.PI * 1.4, false);
  ctx.stroke();
  circle(ctx, 9, 9, 2.5, 'rgba(255,255,255,0.7)');
}

export function heart(ctx: Ctx): void {
  // 28 × 26.
  ctx.beginPath();
  ctx.moveTo(14, 24);
  ctx.bezierCurveTo(-2, 12, 4, -2, 14, 7);
  ctx.bezierCurveTo(24, -2, 30, 12, 14, 24);
  ctx.fillStyle = '#e8506a';
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.stroke();
  circle(ctx, 9, 9, 2.5, 'rgba(255,255,255,0.7)');
}

export function sparkle(ctx: Ctx): void {
  // 32 × 32: a four-pointed twinkle.
  poly(ctx, [16, 0, 19, 13, 32, 16, 19, 19, 16, 32, 13, 19, 0, 16, 13, 13], '#fff6c2');
  circle(ctx, 16, 16, 4, '#ffffff');
}

export function clock(ctx: Ctx, good: boolean): void {
  // 64 × 64: an alarm clock; a red mark when time slips, a green one when it is gained.
  line(ctx, [14, 54, 10, 60], INK, 4);
  line(ctx, [50, 54, 54, 60], INK, 4);
  circle(ctx, 14, 12, 8, good ? '#3f9a55' : '#d9473a', INK, 2);
  circle(ctx, 50, 12, 8, good ? '#3f9a55' : '#d9473a', INK, 2);
  circle(ctx, 32, 34, 24, '#ffffff', INK, 3);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    line(ctx, [32 + Math.cos(a) * 18, 34 + Math.sin(a) * 18, 32 + Math.cos(a) * 21, 34 + Math.sin(a) * 21], INK, 2);
  }
}

/** A clock hand, 64 × 64, pointing up from the centre; rotate the image to move it. */
export function clockHand(ctx: Ctx, length: number): void {
  line(ctx, [32, 32, 32, 32 - length], '#d9473a', 3.5);
  circle(ctx, 32, 32, 3.5, INK);
}

export function raindrop(ctx: Ctx): void {
  // 6 × 22.
  line(ctx, [4, 1, 2, 21], 'rgba(200, 225, 255, 0.85)', 2);
}

export function confetti(ctx: Ctx, colour: string): void {
  // 12 × 8.
  roundRect(ctx, 0, 0, 12, 8, 2, colour);
}

export function bolt(ctx: Ctx): void {
  // 70 × 140.
  poly(ctx, [40, 0, 12, 66, 34, 66, 20, 140, 62, 50, 38, 50, 56, 0], '#fff5a8', '#f2c230', 3);
}

export function sun(ctx: Ctx): void {
  // 200 × 200: a soft sun with rays.
  const g = ctx.createRadialGradient(100, 100, 10, 100, 100, 100);
  g.addColorStop(0, 'rgba(255, 240, 170, 0.95)');
  g.addColorStop(0.35, 'rgba(255, 214, 110, 0.6)');
  g.addColorStop(1, 'rgba(255, 214, 110, 0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 200, 200);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    poly(
      ctx,
      [
        100 + Math.cos(a - 0.08) * 42,
        100 + Math.sin(a - 0.08) * 42,
        100 + Math.cos(a) * 78,
        100 + Math.sin(a) * 78,
        100 + Math.cos(a + 0.08) * 42,
        100 + Math.sin(a + 0.08) * 42,
      ],
      'rgba(255, 226, 120, 0.8)',
    );
  }
  circle(ctx, 100, 100, 34, '#ffe27a', '#ffd24a', 3);
}

/** A soft round glow, white: tint it. 128 × 128. */
export function glow(ctx: Ctx): void {
  const g = ctx.createRadialGradient(64, 64, 2, 64, 64, 64);
  g.addColorStop(0, 'rgba(255,255,255,1)');
  g.addColorStop(0.25, 'rgba(255,255,255,0.55)');
  g.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 128, 128);
}

/** The spotlight on the floor under whoever speaks. 200 × 60. */
export function spotlight(ctx: Ctx): void {
  ctx.save();
  ctx.scale(1, 0.3);
  const g = ctx.createRadialGradient(100, 100, 4, 100, 100, 100);
  g.addColorStop(0, 'rgba(255, 246, 200, 0.9)');
  g.addColorStop(0.6, 'rgba(255, 240, 180, 0.45)');
  g.addColorStop(1, 'rgba(255, 240, 180, 0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 200, 200);
  ctx.restore();
}

/** A small grey cloud, 80 × 50, for a gloomy moment. */
export function gloom(ctx: Ctx): void {
  for (const [x, y, r] of [
    [24, 28, 14],
    [40, 20, 17],
    [58, 28, 13],
  ] as const) {
    circle(ctx, x, y, r, '#8a94a0');
  }
  roundRect(ctx, 12, 26, 58, 16, 8, '#8a94a0');
  for (const x of [26, 40, 54]) line(ctx, [x, 44, x - 3, 50], '#6fa8dc', 2);
}

/** A grey puff of smoke, 60 × 40. */
export function puff(ctx: Ctx): void {
  for (const [x, y, r] of [
    [18, 24, 12],
    [32, 16, 14],
    [44, 24, 11],
  ] as const) {
    circle(ctx, x, y, r, 'rgba(120, 126, 134, 0.85)');
  }
}

/** A red arrow pointing down (or, turned over, a green one pointing up). 40 × 48. */
export function arrow(ctx: Ctx, up: boolean): void {
  const c = up ? '#3f9a55' : '#d9473a';
  ctx.save();
  if (up) {
    ctx.translate(0, 48);
    ctx.scale(1, -1);
  }
  poly(ctx, [12, 2, 28, 2, 28, 24, 38, 24, 20, 46, 2, 24, 12, 24], c, '#ffffff', 2.5);
  ctx.restore();
}

/** A soft shadow ellipse for props standing on the floor. */
export function floorShadow(ctx: Ctx): void {
  ellipse(ctx, 30, 8, 28, 6, 'rgba(0,0,0,0.2)');
}

/** A cone of light falling from a lamp, white: tint it. 240 × 256, the lamp at the top centre. */
export function beam(ctx: Ctx): void {
  const g = ctx.createLinearGradient(0, 0, 0, 256);
  g.addColorStop(0, 'rgba(255,255,255,0.7)');
  g.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.moveTo(108, 0);
  ctx.lineTo(132, 0);
  ctx.lineTo(240, 256);
  ctx.lineTo(0, 256);
  ctx.closePath();
  ctx.fill();
}
