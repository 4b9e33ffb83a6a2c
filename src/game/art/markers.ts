// Map markers: the pin over an open place, the padlock over a locked one, stars for a completed
// one, and the focus ring. Each is drawn around its own centre in a small square canvas.
import { circle, ellipse, line, poly, roundRect, type Ctx } from './draw';
import { GOLD, INK } from './palette';

export const MARKER_SIZE = 48;

/** A gold badge with a flag: "play here". */
export function pin(ctx: Ctx): void {
  const c = MARKER_SIZE / 2;
  ellipse(ctx, c, c + 19, 7, 2.5, 'rgba(0,0,0,0.25)');
  ctx.beginPath();
  ctx.moveTo(c, c + 18);
  ctx.bezierCurveTo(c - 6, c + 8, c - 15, c + 2, c - 15, c - 7);
  ctx.arc(c, c - 7, 15, Math.PI, 0);
  ctx.bezierCurveTo(c + 15, c + 2, c + 6, c + 8, c, c + 18);
  ctx.fillStyle = GOLD;
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2.5;
  ctx.stroke();
  circle(ctx, c, c - 7, 9.5, '#ffffff');
  // A play triangle.
  poly(ctx, [c - 3, c - 12.5, c + 5.5, c - 7, c - 3, c - 1.5], '#c9721c');
}

export function padlock(ctx: Ctx): void {
  const c = MARKER_SIZE / 2;
  circle(ctx, c, c, 15, 'rgba(60, 66, 74, 0.92)', '#ffffff', 2);
  ctx.beginPath();
  ctx.arc(c, c - 3, 5.5, Math.PI, 0);
  ctx.strokeStyle = '#e7ebef';
  ctx.lineWidth = 2.6;
  ctx.stroke();
  line(ctx, [c - 5.5, c - 3, c - 5.5, c], '#e7ebef', 2.6);
  line(ctx, [c + 5.5, c - 3, c + 5.5, c], '#e7ebef', 2.6);
  roundRect(ctx, c - 8, c - 1, 16, 11, 2, '#e7ebef');
  circle(ctx, c, c + 3.5, 1.8, INK);
}

function starPath(ctx: Ctx, cx: number, cy: number, outer: number, inner: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = cx + Math.cos(a) * r;
    const y = cy + Math.sin(a) * r;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
}

export const STAR_SIZE = 26;

export function star(ctx: Ctx, earned: boolean): void {
  const c = STAR_SIZE / 2;
  starPath(ctx, c, c + 0.5, 11.5, 5);
  ctx.fillStyle = earned ? GOLD : 'rgba(255,255,255,0.55)';
  ctx.fill();
  ctx.strokeStyle = earned ? '#9a6b0c' : 'rgba(60, 66, 74, 0.75)';
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.stroke();
  if (earned) {
    starPath(ctx, c - 1.5, c - 1, 4, 1.8);
    ctx.fillStyle = 'rgba(255,255,255,0.75)';
    ctx.fill();
  }
}

/** A rounded plate that holds the stars of a completed place, with a tick. */
export function starPlate(ctx: Ctx, width: number): void {
  roundRect(ctx, 1, 1, width - 2, 28, 14, 'rgba(47, 54, 64, 0.82)', '#ffffff', 2);
}

/** The focus ring: a bright ellipse with a dark outline, readable on any ground. */
export function focusRing(ctx: Ctx, rx: number, ry: number): void {
  const cx = rx + 6;
  const cy = ry + 6;
  ellipse(ctx, cx, cy, rx, ry, 'rgba(255, 236, 150, 0.18)', 'rgba(20, 30, 40, 0.8)', 7);
  ellipse(ctx, cx, cy, rx, ry, undefined, '#ffd54a', 4);
  ctx.setLineDash([10, 8]);
  ellipse(ctx, cx, cy, rx, ry, undefined, '#ffffff', 2);
  ctx.setLineDash([]);
}

/** A soft ring that grows out of an open marker. */
export function halo(ctx: Ctx): void {
  const c = MARKER_SIZE / 2;
  circle(ctx, c, c, 20, undefined, 'rgba(255, 214, 80, 0.9)', 3);
}
