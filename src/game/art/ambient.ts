// Things that move on the map when motion is welcome: a sailing boat, a rowing boat, clouds,
// a cyclist, a bus and gulls. Each drawn around the centre of its small canvas.
import { circle, ellipse, line, poly, roundRect, type Ctx } from './draw';
import { SHADOW } from './palette';

export function sailboat(ctx: Ctx): void {
  // 40 × 40, sailing west (bow to the left).
  ellipse(ctx, 20, 31, 15, 3, 'rgba(255,255,255,0.6)');
  poly(ctx, [6, 27, 34, 27, 30, 32, 10, 32], '#7a4a2a');
  line(ctx, [20, 27, 20, 4], '#5a5a5a', 1.2);
  poly(ctx, [21, 5, 21, 25, 33, 25], '#fbf7ef');
  poly(ctx, [19, 8, 19, 25, 9, 25], '#d9473a');
}

export function rowboat(ctx: Ctx): void {
  // 24 × 14.
  ellipse(ctx, 12, 7, 10, 4, '#a0693a');
  ellipse(ctx, 12, 7, 7, 2.5, '#c99a66');
  circle(ctx, 12, 5, 2.2, '#2f7dc0');
  circle(ctx, 12, 3, 1.6, '#e8b48e');
  line(ctx, [4, 2, 20, 12], '#6b4a2a', 1);
}

export function cloud(ctx: Ctx): void {
  // 120 × 60.
  ctx.globalAlpha = 0.92;
  for (const [x, y, r] of [
    [36, 36, 18],
    [58, 28, 22],
    [82, 34, 17],
    [98, 40, 12],
    [22, 42, 11],
  ] as const) {
    circle(ctx, x, y, r, '#ffffff');
  }
  roundRect(ctx, 14, 36, 92, 16, 8, '#ffffff');
  ctx.globalAlpha = 1;
}

export function cloudShadow(ctx: Ctx): void {
  ctx.globalAlpha = 0.16;
  roundRect(ctx, 12, 22, 96, 26, 13, '#243240');
  ctx.globalAlpha = 1;
}

export function cyclist(ctx: Ctx): void {
  // 24 × 24, riding east.
  ellipse(ctx, 13, 20, 9, 2.4, SHADOW);
  circle(ctx, 6, 17, 3.6, undefined, '#2f3640', 1.3);
  circle(ctx, 18, 17, 3.6, undefined, '#2f3640', 1.3);
  line(ctx, [6, 17, 11, 12, 17, 12, 18, 17], '#2f9e8f', 1.4);
  line(ctx, [11, 12, 12, 17], '#2f9e8f', 1.2);
  roundRect(ctx, 9, 4, 5, 8, 2, '#f2a541');
  circle(ctx, 13, 3.5, 2.4, '#e8b48e');
  ctx.beginPath();
  ctx.arc(13, 3, 2.6, Math.PI, 0);
  ctx.fillStyle = '#2f7dc0';
  ctx.fill();
  line(ctx, [12, 7, 17, 11], '#f2a541', 1.4);
}

export function cityBus(ctx: Ctx): void {
  // 36 × 20, driving east.
  roundRect(ctx, 3, 6, 32, 12, 3, SHADOW);
  roundRect(ctx, 1, 3, 32, 12, 3, '#2f7dc0');
  roundRect(ctx, 1, 3, 32, 5, [3, 3, 0, 0], '#5a9bd4');
  ctx.fillStyle = '#2b3a4a';
  for (let i = 0; i < 4; i++) ctx.fillRect(4 + i * 6, 8, 4, 3);
  ctx.fillRect(28, 8, 4, 4);
  circle(ctx, 7, 15, 2, '#222222');
  circle(ctx, 27, 15, 2, '#222222');
}

export function gull(ctx: Ctx): void {
  // 16 × 10.
  ctx.beginPath();
  ctx.moveTo(1, 4);
  ctx.quadraticCurveTo(5, 0, 8, 5);
  ctx.quadraticCurveTo(11, 0, 15, 4);
  ctx.strokeStyle = '#f7f7f7';
  ctx.lineWidth = 1.6;
  ctx.lineCap = 'round';
  ctx.stroke();
}
