// Generic pieces of the townscape in a gentle top-down 2.5D: a roof seen from above with its
// front wall below it, trees, benches, people seen from above.
import { darken, lighten, type Tone } from './color';
import { circle, ellipse, poly, rect, roundRect, type Ctx } from './draw';
import { SHADOW, TREE, WINDOW } from './palette';

export interface HouseStyle {
  wall: string;
  roof: string;
  /** Ridge running north–south, with the gable facing the viewer (Hanseatic style). */
  gable?: boolean;
  /** Lit windows, for dusk. */
  lit?: boolean;
}

/**
 * A house whose roof covers (x, y, w, d) seen from above and whose front wall of height h hangs
 * below it. Windows are spaced along the wall.
 */
export function house(
  ctx: Ctx,
  x: number,
  y: number,
  w: number,
  d: number,
  h: number,
  s: HouseStyle,
  tone: Tone,
): void {
  const wall = tone(s.wall);
  const roof = tone(s.roof);
  ctx.fillStyle = SHADOW;
  ctx.fillRect(x + 3, y + 4, w + 2, d + h);
  // Front wall.
  rect(ctx, x, y + d, w, h, wall);
  rect(ctx, x, y + d + h - 1.5, w, 1.5, darken(wall, 0.25));
  const cols = Math.max(1, Math.floor((w - 4) / 7));
  const gap = (w - cols * 3.2) / (cols + 1);
  const windowColour = tone(s.lit ? WINDOW.lit : WINDOW.day);
  for (let i = 0; i < cols; i++) {
    const wx = x + gap + i * (3.2 + gap);
    rect(ctx, wx, y + d + h * 0.25, 3.2, Math.max(2.5, h * 0.38), windowColour);
  }
  if (s.gable) {
    // Ridge north–south: a light west slope, a darker east slope, and the gable in front.
    rect(ctx, x, y, w / 2, d, lighten(roof, 0.08));
    rect(ctx, x + w / 2, y, w / 2, d, darken(roof, 0.14));
    const gh = Math.min(d * 0.7, w * 0.55);
    poly(ctx, [x, y + d, x + w / 2, y + d - gh, x + w, y + d], wall);
    rect(ctx, x + w / 2 - 1.4, y + d - gh * 0.55, 2.8, 3, windowColour);
    poly(ctx, [x - 0.5, y + d, x + w / 2, y + d - gh, x + w + 0.5, y + d], undefined, darken(roof, 0.2), 1);
  } else {
    // Ridge east–west: the far slope darker, the near slope in full light.
    rect(ctx, x, y, w, d * 0.45, darken(roof, 0.12));
    rect(ctx, x, y + d * 0.45, w, d * 0.55, roof);
    rect(ctx, x, y + d * 0.45 - 0.8, w, 1.6, lighten(roof, 0.22));
    ctx.strokeStyle = darken(roof, 0.1);
    ctx.lineWidth = 0.6;
    for (let ty = y + d * 0.45 + 3; ty < y + d; ty += 3) {
      ctx.beginPath();
      ctx.moveTo(x, ty);
      ctx.lineTo(x + w, ty);
      ctx.stroke();
    }
  }
  ctx.strokeStyle = darken(roof, 0.3);
  ctx.lineWidth = 0.8;
  ctx.strokeRect(x + 0.4, y + 0.4, w - 0.8, d + h - 0.8);
}

/** A round tree crown with its shadow: r is the crown's radius. */
export function tree(ctx: Ctx, x: number, y: number, r: number, tone: Tone, autumn = false): void {
  ellipse(ctx, x + r * 0.35, y + r * 0.55, r * 1.05, r * 0.7, SHADOW);
  rect(ctx, x - 1, y, 2, r * 0.6, tone(TREE.trunk));
  const mid = tone(autumn ? '#d49a3a' : TREE.mid);
  circle(ctx, x, y - r * 0.1, r, tone(autumn ? '#b87a2c' : TREE.dark));
  circle(ctx, x - r * 0.18, y - r * 0.28, r * 0.78, mid);
  circle(ctx, x - r * 0.35, y - r * 0.45, r * 0.35, tone(autumn ? '#f0c15a' : TREE.light));
}

/** A slim conifer, common in Nordic towns. */
export function fir(ctx: Ctx, x: number, y: number, h: number, tone: Tone): void {
  ellipse(ctx, x + h * 0.2, y + 1, h * 0.3, h * 0.12, SHADOW);
  const dark = tone('#3d6e45');
  const light = tone('#54895a');
  poly(ctx, [x, y - h, x - h * 0.3, y - h * 0.35, x + h * 0.3, y - h * 0.35], light);
  poly(ctx, [x, y - h * 0.7, x - h * 0.36, y, x + h * 0.36, y], dark);
  poly(ctx, [x, y - h * 0.7, x - h * 0.36, y, x, y], light);
}

export function bench(ctx: Ctx, x: number, y: number, w: number, tone: Tone): void {
  rect(ctx, x + 1, y + 2, w, 3, SHADOW);
  rect(ctx, x, y, w, 2, tone('#8a5a36'));
  rect(ctx, x, y + 2.6, w, 1.6, tone('#6d4328'));
  rect(ctx, x + 1, y + 4, 1, 2, tone('#3a3a3a'));
  rect(ctx, x + w - 2, y + 4, 1, 2, tone('#3a3a3a'));
}

/** A person seen from above and a little in front: body and head. */
export function person(ctx: Ctx, x: number, y: number, coat: string, tone: Tone, skin = '#e8b48e'): void {
  ellipse(ctx, x + 1.5, y + 3, 3, 1.5, SHADOW);
  roundRect(ctx, x - 2.2, y - 4, 4.4, 6, 2, tone(coat));
  circle(ctx, x, y - 5.5, 2, tone(skin));
}

/** A flower bed: an earth strip with dots of colour. */
export function flowers(ctx: Ctx, x: number, y: number, w: number, h: number, tone: Tone, seed = 0): void {
  roundRect(ctx, x, y, w, h, 2, tone('#8a6a48'));
  const colours = ['#e85d75', '#f2c230', '#f7f2e6', '#b070d0', '#ff8a4c'];
  let k = seed;
  for (let fx = x + 2; fx < x + w - 1; fx += 3) {
    for (let fy = y + 2; fy < y + h - 1; fy += 3) {
      circle(ctx, fx + (k % 2), fy, 1.1, tone(colours[k % colours.length]!));
      k += 3;
    }
  }
}

/** A street lamp seen from the side: post, lantern and, when lit, a glow. */
export function lamp(ctx: Ctx, x: number, y: number, h: number, lit: boolean, tone: Tone): void {
  if (lit) {
    const g = ctx.createRadialGradient(x, y - h, 1, x, y - h, h * 0.9);
    g.addColorStop(0, 'rgba(255, 226, 140, 0.85)');
    g.addColorStop(1, 'rgba(255, 226, 140, 0)');
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.arc(x, y - h, h * 0.9, 0, Math.PI * 2);
    ctx.fill();
    ellipse(ctx, x, y + 1, h * 0.55, h * 0.2, 'rgba(255, 230, 150, 0.45)');
  }
  ellipse(ctx, x + 2, y + 1, 3, 1.2, SHADOW);
  rect(ctx, x - 0.8, y - h, 1.6, h, tone('#2f4a48'));
  rect(ctx, x - 2, y - 1.5, 4, 1.5, tone('#2f4a48'));
  poly(
    ctx,
    [x - 3, y - h - 1, x + 3, y - h - 1, x + 2, y - h + 3, x - 2, y - h + 3],
    tone(lit ? '#fff1b8' : '#cfd6d4'),
  );
  poly(ctx, [x - 3.6, y - h - 1, x, y - h - 4, x + 3.6, y - h - 1], tone('#2f4a48'));
}
