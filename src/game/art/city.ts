// The townscape under the places: sea, coast, river, streets, blocks of houses, trees, a church
// and a lighthouse. Drawn once into one texture; the places and anything that moves go on top.
import type { Place } from '../../engine';
import { MAP_HEIGHT, MAP_WIDTH, PLACE_POSITIONS } from '../../play/layout';
import { darken, lighten, NATURAL } from './color';
import { fir, house, tree } from './buildings';
import { blob, circle, curve, ellipse, line, poly, rect, seeded, type Ctx } from './draw';
import { COPPER, LAND, ROOFS, SEA, SHADOW, STREET, WALLS } from './palette';
import { PLACE_ART } from './places';

/** The sea: everything above and left of this coastline (x, y pairs, west to east). */
export const COAST = [
  0, 222, 30, 204, 62, 168, 92, 146, 150, 140, 250, 140, 292, 126, 334, 100, 372, 72, 404, 54, 452, 32, 500, 14, 540, 0,
];
/** The river from its mouth eastwards, and its width. */
export const RIVER = [404, 54, 452, 74, 524, 90, 604, 98, 684, 114, 764, 128, 844, 132, 924, 122, 1000, 116];
const RIVER_WIDTH = 26;

interface Street {
  points: number[];
  width: number;
}

export const STREETS: Street[] = [
  { points: [30, 176, 150, 164, 260, 162, 330, 146, 380, 118, 420, 96], width: 12 },
  { points: [0, 336, 96, 338, 200, 366, 300, 380, 470, 374, 640, 374, 800, 370, 1000, 362], width: 16 },
  { points: [362, 148, 364, 260, 366, 374, 352, 470, 342, 560], width: 11 },
  { points: [290, 162, 292, 300, 298, 378], width: 10 },
  { points: [0, 300, 150, 304, 292, 310], width: 10 },
  { points: [664, 60, 662, 150, 654, 262, 602, 374, 588, 560], width: 11 },
  { points: [420, 96, 520, 136, 620, 146, 662, 150, 760, 164, 860, 172, 1000, 168], width: 11 },
  { points: [654, 250, 820, 240, 1000, 236], width: 10 },
  { points: [760, 374, 756, 560], width: 10 },
  { points: [0, 520, 342, 522, 588, 516, 756, 520, 1000, 514], width: 11 },
  { points: [860, 60, 858, 172], width: 10 },
  { points: [452, 40, 560, 58, 664, 62, 760, 90, 860, 96, 1000, 86], width: 9 },
];

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distToPolyline(px: number, py: number, pts: readonly number[]): number {
  let best = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    best = Math.min(best, distToSegment(px, py, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!));
  }
  return best;
}

/** The y of the coastline at x (the sea is above it). */
function coastY(x: number): number {
  if (x < COAST[0]!) return COAST[1]!;
  for (let i = 0; i + 3 < COAST.length; i += 2) {
    const [ax, ay, bx, by] = [COAST[i]!, COAST[i + 1]!, COAST[i + 2]!, COAST[i + 3]!];
    if (x >= ax && x <= bx) return ay + ((x - ax) / (bx - ax)) * (by - ay);
  }
  return -Infinity;
}

/** Landmarks drawn by the city itself, and the room they keep free. */
const CHURCH = { x: 724, y: 196, radius: 34 };
const LIGHTHOUSE = { x: 44, y: 70 };

/** Green squares and parks: trees and paths, no houses. */
const PARKS = [
  { x: 440, y: 196, rx: 34, ry: 22 },
  { x: 925, y: 300, rx: 62, ry: 40 },
  { x: 205, y: 470, rx: 52, ry: 30 },
  { x: 480, y: 540, rx: 70, ry: 22 },
  { x: 760, y: 30, rx: 80, ry: 24 },
] as const;

const inPark = (x: number, y: number, r: number) =>
  PARKS.some((p) => ((x - p.x) / (p.rx + r)) ** 2 + ((y - p.y) / (p.ry + r)) ** 2 < 1);

/** Is there room for something of half-size r at (x, y)? */
function free(x: number, y: number, r: number): boolean {
  if (x < -10 || x > MAP_WIDTH + 10 || y > MAP_HEIGHT + 10) return false;
  if (y - r < coastY(x) + 8) return false;
  if (distToPolyline(x, y, RIVER) < RIVER_WIDTH / 2 + r + 6) return false;
  for (const s of STREETS) if (distToPolyline(x, y, s.points) < s.width / 2 + r + 2) return false;
  for (const place of Object.keys(PLACE_POSITIONS) as Place[]) {
    const p = PLACE_POSITIONS[place];
    if (Math.hypot(x - p.x, y - p.y) < PLACE_ART[place].radius + r) return false;
  }
  if (Math.hypot(x - CHURCH.x, y - CHURCH.y) < CHURCH.radius + r) return false;
  return true;
}

function sea(ctx: Ctx): void {
  const g = ctx.createLinearGradient(0, 0, 300, 260);
  g.addColorStop(0, SEA.deep);
  g.addColorStop(1, SEA.shallow);
  // Sand first, a little wider than the sea's edge.
  ctx.beginPath();
  ctx.moveTo(0, 0);
  for (let i = 0; i < COAST.length; i += 2) ctx.lineTo(COAST[i]!, COAST[i + 1]! + 9);
  ctx.lineTo(0, 0);
  ctx.fillStyle = LAND.sand;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, 0);
  for (let i = 0; i < COAST.length; i += 2) ctx.lineTo(COAST[i]!, COAST[i + 1]!);
  ctx.lineTo(0, 0);
  ctx.fillStyle = g;
  ctx.fill();
  curve(ctx, COAST, SEA.foam, 2);
  const rnd = seeded(7);
  for (let i = 0; i < 60; i++) {
    const x = rnd() * 520;
    const y = rnd() * 220;
    if (y > coastY(x) - 14) continue;
    line(ctx, [x, y, x + 5, y - 2, x + 10, y], SEA.wave, 1.2);
  }
  // Breakwater with the lighthouse.
  line(ctx, [8, 112, 30, 96, LIGHTHOUSE.x, LIGHTHOUSE.y + 8], '#9e978a', 6);
  line(ctx, [8, 112, 30, 96, LIGHTHOUSE.x, LIGHTHOUSE.y + 8], '#bdb5a6', 3);
}

function river(ctx: Ctx): void {
  curve(ctx, RIVER, darken(LAND.grass, 0.18), RIVER_WIDTH + 8);
  curve(ctx, RIVER, LAND.sand, RIVER_WIDTH + 3);
  curve(ctx, RIVER, SEA.shallow, RIVER_WIDTH);
  const rnd = seeded(11);
  for (let i = 0; i + 3 < RIVER.length; i += 2) {
    const x = (RIVER[i]! + RIVER[i + 2]!) / 2 + (rnd() - 0.5) * 20;
    const y = (RIVER[i + 1]! + RIVER[i + 3]!) / 2 + (rnd() - 0.5) * 8;
    line(ctx, [x, y, x + 6, y - 1], SEA.wave, 1.2);
  }
}

function streets(ctx: Ctx): void {
  for (const s of STREETS) curve(ctx, s.points, STREET.kerb, s.width + 3);
  for (const s of STREETS) curve(ctx, s.points, STREET.paving, s.width);
  // Bridges where streets cross the river.
  for (const s of STREETS) {
    for (let i = 0; i + 3 < s.points.length; i += 2) {
      const [ax, ay, bx, by] = [s.points[i]!, s.points[i + 1]!, s.points[i + 2]!, s.points[i + 3]!];
      for (let t = 0; t <= 1; t += 0.02) {
        const x = ax + (bx - ax) * t;
        const y = ay + (by - ay) * t;
        if (distToPolyline(x, y, RIVER) < 2) {
          const nx = (bx - ax) / Math.hypot(bx - ax, by - ay);
          const ny = (by - ay) / Math.hypot(bx - ax, by - ay);
          const len = RIVER_WIDTH / 2 + 6;
          const w = s.width / 2 + 2;
          const pts = [
            x - nx * len - ny * w,
            y - ny * len + nx * w,
            x + nx * len - ny * w,
            y + ny * len + nx * w,
            x + nx * len + ny * w,
            y + ny * len - nx * w,
            x - nx * len + ny * w,
            y - ny * len - nx * w,
          ];
          poly(ctx, pts, '#c9bfae', '#8c8478', 1.5);
          t = 2;
        }
      }
    }
  }
}

function church(ctx: Ctx): void {
  // A white church with a red roof and a tall copper-green spire.
  const { x, y } = CHURCH;
  ellipse(ctx, x + 6, y + 14, 30, 12, SHADOW);
  house(ctx, x - 26, y - 10, 44, 16, 16, { wall: '#f6f1e4', roof: '#b5472f' }, NATURAL);
  ctx.fillStyle = SHADOW;
  ctx.fillRect(x + 20, y - 40, 14, 46);
  rect(ctx, x + 16, y - 42, 16, 64, '#f6f1e4');
  rect(ctx, x + 26, y - 42, 6, 64, '#e2dccb');
  roundRect2(ctx, x + 21, y - 30, 6, 10);
  circle(ctx, x + 24, y - 6, 3, '#7f9fb3');
  poly(ctx, [x + 15, y - 42, x + 24, y - 92, x + 33, y - 42], COPPER);
  poly(ctx, [x + 24, y - 92, x + 33, y - 42, x + 27, y - 42], darken(COPPER, 0.18));
  line(ctx, [x + 24, y - 92, x + 24, y - 102], '#d9b030', 1.4);
  line(ctx, [x + 20, y - 98, x + 28, y - 98], '#d9b030', 1.4);
}

function roundRect2(ctx: Ctx, x: number, y: number, w: number, h: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, [3, 3, 0, 0]);
  ctx.fillStyle = '#5a3324';
  ctx.fill();
}

function lighthouse(ctx: Ctx): void {
  const { x, y } = LIGHTHOUSE;
  ellipse(ctx, x, y + 8, 12, 6, '#9e978a');
  ellipse(ctx, x + 5, y + 6, 8, 3, SHADOW);
  poly(ctx, [x - 5, y + 6, x + 5, y + 6, x + 3.5, y - 26, x - 3.5, y - 26], '#f7f2e6');
  for (const band of [-4, -16])
    poly(ctx, [x - 4.7, band + y, x + 4.7, band + y, x + 4.4, band + y - 5, x - 4.4, band + y - 5], '#d9473a');
  rect(ctx, x - 4, y - 32, 8, 6, '#ffe08a');
  poly(ctx, [x - 5, y - 32, x, y - 38, x + 5, y - 32], '#2f3640');
}

interface Drawable {
  y: number;
  draw: () => void;
}

/** Blocks of houses and parks wherever nothing else stands, seeded so every visit looks the same. */
function buildings(ctx: Ctx): Drawable[] {
  const rnd = seeded(2026);
  const out: Drawable[] = [];
  const taken: [number, number, number][] = [];
  const clear = (x: number, y: number, r: number) =>
    free(x, y, r) && taken.every(([tx, ty, tr]) => Math.hypot(x - tx, y - ty) > tr + r - 2);
  for (let y = -4; y < MAP_HEIGHT + 20; y += 19) {
    for (let x = -10; x < MAP_WIDTH + 20; x += 4) {
      const w = 18 + Math.floor(rnd() * 3) * 5;
      const d = 10 + Math.floor(rnd() * 3) * 2;
      const h = 7 + Math.floor(rnd() * 3) * 2;
      const cx = x + w / 2;
      const cy = y + (d + h) / 2;
      const r = Math.max(w, d + h) / 2;
      if (!clear(cx, cy, r * 0.8) || inPark(cx, cy, r * 0.5)) continue;
      if (rnd() < 0.16) {
        x += w * 0.6;
        continue;
      }
      const style = {
        wall: WALLS[Math.floor(rnd() * WALLS.length)]!,
        roof: ROOFS[Math.floor(rnd() * ROOFS.length)]!,
        gable: rnd() < 0.35,
      };
      taken.push([cx, cy, r * 0.8]);
      out.push({ y: y + d + h, draw: () => house(ctx, x, y, w, d, h, style, NATURAL) });
      x += w + (rnd() < 0.4 ? 2 + rnd() * 6 : 0);
    }
  }
  // Trees in what is left: parks, courtyards, the river banks.
  for (let i = 0; i < 1400; i++) {
    const x = rnd() * MAP_WIDTH;
    const y = rnd() * MAP_HEIGHT;
    const r = 5 + rnd() * 4;
    if (!clear(x, y, r)) continue;
    taken.push([x, y, r]);
    const kind = rnd();
    out.push({
      y: y + r,
      draw: () => (kind < 0.2 ? fir(ctx, x, y + r, r * 2.6, NATURAL) : tree(ctx, x, y, r, NATURAL, kind > 0.93)),
    });
  }
  return out;
}

function parks(ctx: Ctx): void {
  const rnd = seeded(13);
  for (const p of PARKS) {
    ellipse(ctx, p.x, p.y, p.rx + 4, p.ry + 4, darken(LAND.park, 0.06));
    ellipse(ctx, p.x, p.y, p.rx, p.ry, LAND.park);
    ctx.save();
    ctx.beginPath();
    ctx.ellipse(p.x, p.y, p.rx, p.ry, 0, 0, Math.PI * 2);
    ctx.clip();
    curve(ctx, [p.x - p.rx, p.y + p.ry * 0.3, p.x, p.y - p.ry * 0.2, p.x + p.rx, p.y + p.ry * 0.1], STREET.paving, 3);
    curve(ctx, [p.x - p.rx * 0.3, p.y - p.ry, p.x - p.rx * 0.1, p.y, p.x + p.rx * 0.2, p.y + p.ry], STREET.paving, 3);
    ctx.restore();
    if (rnd() < 0.6) {
      const px = p.x + p.rx * 0.35;
      const py = p.y + p.ry * 0.35;
      ellipse(ctx, px, py, p.rx * 0.22, p.ry * 0.28, SEA.shallow, LAND.sand, 1.5);
    }
  }
}

function meadows(ctx: Ctx): void {
  const rnd = seeded(5);
  for (let i = 0; i < 26; i++) {
    const x = rnd() * MAP_WIDTH;
    const y = 100 + rnd() * (MAP_HEIGHT - 100);
    const r = 30 + rnd() * 50;
    const pts: number[] = [];
    for (let k = 0; k < 7; k++) {
      const a = (k / 7) * Math.PI * 2;
      const rr = r * (0.7 + rnd() * 0.4);
      pts.push(x + Math.cos(a) * rr, y + Math.sin(a) * rr * 0.6);
    }
    blob(ctx, pts, i % 3 === 0 ? LAND.meadow : lighten(LAND.grass, 0.05));
  }
}

/** Draws the whole city base (MAP_WIDTH × MAP_HEIGHT). */
export function drawCity(ctx: Ctx): void {
  rect(ctx, 0, 0, MAP_WIDTH, MAP_HEIGHT, LAND.grass);
  meadows(ctx);
  parks(ctx);
  sea(ctx);
  river(ctx);
  streets(ctx);
  const items: Drawable[] = [
    ...buildings(ctx),
    { y: CHURCH.y + 22, draw: () => church(ctx) },
    { y: LIGHTHOUSE.y + 8, draw: () => lighthouse(ctx) },
  ];
  items.sort((a, b) => a.y - b.y);
  for (const item of items) item.draw();
}
