// The settings a scenario is played in: a street at dusk for street lighting, the market square,
// and the city hall meeting room for everything else. Each is drawn once at the map's size and
// says where its lights hang, so the scene can switch them on.
import type { Place } from '../../engine';
import { MAP_HEIGHT as H, MAP_WIDTH as W } from '../../play/layout';
import { darken, lighten, mix } from './color';
import { circle, ellipse, line, poly, rect, roundRect, seeded, type Ctx } from './draw';
import { COPPER, GOLD } from './palette';

export interface Light {
  x: number;
  y: number;
  /** Radius of the glow. */
  r: number;
  /** How far the light falls below it, as a beam (none for fairy lights). */
  beam?: number;
}

export interface BackdropArt {
  key: string;
  draw: (ctx: Ctx) => void;
  lights: readonly Light[];
  /** Windows (indoors) where the weather shows; outdoors the weather fills the sky. */
  windows: readonly { x: number; y: number; w: number; h: number }[];
  /** Where the people stand: the y of their feet. */
  floor: number;
  /** Night scenes show good weather as a clear, starry sky rather than the sun. */
  night?: boolean;
}

function sky(ctx: Ctx, stops: [number, string][], bottom: number): void {
  const g = ctx.createLinearGradient(0, 0, 0, bottom);
  for (const [at, c] of stops) g.addColorStop(at, c);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, bottom);
}

/** A row of gabled town houses standing on `base`: the Hanseatic street front. */
function townRow(ctx: Ctx, base: number, seed: number, shade: (c: string) => string, lit: number): void {
  const rnd = seeded(seed);
  const facades = ['#e9b872', '#d9734e', '#f1e3c6', '#9cc5b8', '#e8a9a0', '#c9d6e3', '#f2d06b', '#b98b6e'];
  let x = -20;
  while (x < W + 20) {
    const w = 86 + Math.floor(rnd() * 4) * 12;
    const h = 150 + Math.floor(rnd() * 5) * 16;
    const wall = shade(facades[Math.floor(rnd() * facades.length)]!);
    const top = base - h;
    const gable = Math.floor(rnd() * 3);
    rect(ctx, x, top, w, h, wall);
    if (gable === 0) {
      poly(ctx, [x, top, x + w / 2, top - w * 0.5, x + w, top], wall);
      poly(
        ctx,
        [x - 3, top + 2, x + w / 2, top - w * 0.5 - 3, x + w + 3, top + 2, x + w / 2, top - w * 0.5 + 5],
        shade('#8f3f31'),
      );
    } else if (gable === 1) {
      const step = w / 8;
      const pts = [x, top];
      for (let i = 0; i < 3; i++)
        pts.push(x + step * (i + 0.5), top - 14 * i, x + step * (i + 0.5), top - 14 * (i + 1));
      pts.push(x + w / 2 - step / 2, top - 42, x + w / 2 + step / 2, top - 42);
      for (let i = 2; i >= 0; i--)
        pts.push(x + w - step * (i + 0.5), top - 14 * (i + 1), x + w - step * (i + 0.5), top - 14 * i);
      pts.push(x + w, top);
      poly(ctx, pts, wall);
    } else {
      poly(ctx, [x - 4, top + 4, x + 10, top - 28, x + w - 10, top - 28, x + w + 4, top + 4], shade('#b5472f'));
      rect(ctx, x + w / 2 - 10, top - 40, 20, 20, wall);
      poly(ctx, [x + w / 2 - 13, top - 38, x + w / 2, top - 50, x + w / 2 + 13, top - 38], shade('#b5472f'));
    }
    rect(ctx, x + w - 3, top, 3, h, 'rgba(0,0,0,0.12)');
    const cols = Math.max(2, Math.floor(w / 30));
    const rows = Math.floor((h - 50) / 42);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const wx = x + ((c + 0.5) * w) / cols - 8;
        const wy = top + 22 + r * 42;
        const on = rnd() < lit;
        rect(ctx, wx - 2, wy - 2, 20, 30, shade('#f7f2e6'));
        rect(ctx, wx, wy, 16, 26, on ? '#ffd77a' : shade('#6f8ea3'));
        line(ctx, [wx + 8, wy, wx + 8, wy + 26], shade('#f7f2e6'), 1.5);
        line(ctx, [wx, wy + 11, wx + 16, wy + 11], shade('#f7f2e6'), 1.5);
      }
    }
    roundRect(ctx, x + w / 2 - 12, base - 44, 24, 44, [12, 12, 0, 0], shade('#5a3a2a'));
    x += w;
  }
}

function cobbles(ctx: Ctx, top: number, base: string, seed: number): void {
  const g = ctx.createLinearGradient(0, top, 0, H);
  g.addColorStop(0, base);
  g.addColorStop(1, darken(base, 0.12));
  ctx.fillStyle = g;
  ctx.fillRect(0, top, W, H - top);
  const rnd = seeded(seed);
  for (let y = top + 6; y < H; y += 9 + (y - top) * 0.04) {
    const size = 7 + (y - top) * 0.06;
    for (let x = (y * 7) % size; x < W; x += size * 1.6) {
      ellipse(ctx, x + rnd() * 3, y, size * 0.7, size * 0.32, darken(base, 0.06 + rnd() * 0.06));
    }
  }
}

const duskShade = (c: string) => mix(c, '#3b3566', 0.42);

function streetLamp(ctx: Ctx, x: number, ground: number, top: number): void {
  ellipse(ctx, x, ground + 4, 26, 6, 'rgba(0,0,0,0.25)');
  rect(ctx, x - 9, ground - 18, 18, 18, '#2c3a3a');
  rect(ctx, x - 4, top + 20, 8, ground - top - 20, '#2c3a3a');
  rect(ctx, x - 2, top + 20, 2, ground - top - 20, '#3f5252');
  line(ctx, [x, top + 30, x + 26, top + 10, x + 44, top + 14], '#2c3a3a', 5);
  // The lamp head: a modern LED luminaire on a classic post.
  poly(ctx, [x + 30, top + 10, x + 62, top + 10, x + 58, top + 22, x + 34, top + 22], '#2c3a3a');
  rect(ctx, x + 35, top + 21, 22, 4, '#d9d4c2');
}

/** Where each street lamp's light shines from (its lamp head). */
const STREET_LAMPS = [60, 300, 640, 880].map((x) => ({ x: x + 46, y: 185, r: 110, beam: 265 }));

function duskStreet(ctx: Ctx): void {
  sky(
    ctx,
    [
      [0, '#222b58'],
      [0.45, '#574a8a'],
      [0.8, '#e9846a'],
      [1, '#f6c177'],
    ],
    400,
  );
  const rnd = seeded(3);
  for (let i = 0; i < 70; i++)
    circle(ctx, rnd() * W, rnd() * 170, rnd() * 1.3 + 0.3, `rgba(255,255,255,${0.4 + rnd() * 0.5})`);
  circle(ctx, 820, 80, 26, '#fbf1c7');
  circle(ctx, 832, 72, 23, '#2a3360');
  // Far skyline: roofs, the town hall tower and a church spire.
  const far = '#473f73';
  ctx.fillStyle = far;
  ctx.beginPath();
  ctx.moveTo(0, 330);
  let x = 0;
  while (x < W) {
    const w = 40 + rnd() * 50;
    const h = 30 + rnd() * 50;
    ctx.lineTo(x, 330 - h);
    ctx.lineTo(x + w / 2, 330 - h - 20);
    ctx.lineTo(x + w, 330 - h);
    x += w;
  }
  ctx.lineTo(W, 400);
  ctx.lineTo(0, 400);
  ctx.fill();
  rect(ctx, 470, 150, 40, 200, far);
  poly(ctx, [466, 152, 490, 80, 514, 152], far);
  rect(ctx, 150, 200, 30, 150, far);
  poly(ctx, [146, 202, 165, 110, 184, 202], far);
  townRow(ctx, 410, 21, duskShade, 0.45);
  rect(ctx, 0, 410, W, 18, '#8d88a0');
  rect(ctx, 0, 426, W, 4, '#6d6884');
  cobbles(ctx, 430, '#6f6a86', 5);
  for (const lampX of [60, 300, 640, 880]) streetLamp(ctx, lampX, 440, 160);
}

function marketSquare(ctx: Ctx): void {
  sky(
    ctx,
    [
      [0, '#7fbfe0'],
      [1, '#d7eef6'],
    ],
    380,
  );
  for (const [cx, cy, s] of [
    [150, 80, 1],
    [760, 60, 1.3],
    [520, 120, 0.8],
  ] as const) {
    for (const [dx, dy, r] of [
      [0, 0, 22],
      [24, -8, 26],
      [50, 2, 20],
      [22, 8, 20],
    ] as const) {
      circle(ctx, cx + dx * s, cy + dy * s, r * s, 'rgba(255,255,255,0.92)');
    }
  }
  // Town hall tower behind the square.
  rect(ctx, 460, 90, 80, 300, '#b65a3e');
  rect(ctx, 500, 90, 40, 300, '#a24e35');
  circle(ctx, 500, 160, 22, '#f7f2e6', '#3b3b3b', 3);
  line(ctx, [500, 160, 500, 144], '#2f3640', 3);
  line(ctx, [500, 160, 512, 166], '#2f3640', 3);
  poly(ctx, [452, 92, 500, -20, 548, 92], COPPER);
  poly(ctx, [500, -20, 548, 92, 516, 92], darken(COPPER, 0.18));
  townRow(ctx, 390, 8, (c) => c, 0.05);
  cobbles(ctx, 390, '#d8c49c', 9);
  // Stalls at both sides.
  const stall = (sx: number, colour: string) => {
    rect(ctx, sx + 8, 330, 6, 110, '#7a5a3a');
    rect(ctx, sx + 186, 330, 6, 110, '#7a5a3a');
    rect(ctx, sx, 400, 200, 44, '#a37a50');
    rect(ctx, sx, 396, 200, 8, '#8a6440');
    const fruit = ['#e24a3b', '#f2c230', '#7cc04a', '#ff9a3c', '#8a5ab0'];
    for (let i = 0; i < 5; i++) {
      roundRect(ctx, sx + 8 + i * 38, 380, 34, 20, 3, '#c49a66');
      for (let k = 0; k < 5; k++) circle(ctx, sx + 14 + i * 38 + k * 6, 382 + (k % 2) * 3, 5, fruit[(i + k) % 5]);
    }
    for (let i = 0; i < 10; i++) rect(ctx, sx - 10 + i * 22, 300, 22, 36, i % 2 === 0 ? colour : '#fbf7ef');
    for (let i = 0; i < 10; i++) ellipse(ctx, sx + 1 + i * 22, 336, 11, 8, i % 2 === 0 ? colour : '#fbf7ef');
  };
  stall(-20, '#d9473a');
  stall(820, '#2f7dc0');
  // Bunting with light bulbs across the square.
  ctx.beginPath();
  ctx.moveTo(0, 200);
  ctx.quadraticCurveTo(W / 2, 300, W, 200);
  ctx.strokeStyle = '#4a4a4a';
  ctx.lineWidth = 2;
  ctx.stroke();
  const flags = ['#d9473a', '#f2c230', '#3f9a55', '#2f7dc0'];
  for (let i = 0; i < 19; i++) {
    const t = (i + 0.5) / 19;
    const fx = t * W;
    const fy = (1 - t) * (1 - t) * 200 + 2 * (1 - t) * t * 300 + t * t * 200;
    if (i % 2 === 0) poly(ctx, [fx - 10, fy, fx + 10, fy, fx, fy + 20], flags[(i / 2) % 4]);
    else circle(ctx, fx, fy + 5, 5, '#fff3c4', '#9a8a5a', 1.2);
  }
}

/** Bulbs on the bunting across the market square. */
const BUNTING_BULBS: Light[] = Array.from({ length: 9 }, (_, k) => {
  const i = k * 2 + 1;
  const t = (i + 0.5) / 19;
  return { x: t * W, y: (1 - t) * (1 - t) * 200 + 2 * (1 - t) * t * 300 + t * t * 200 + 5, r: 36 };
});

const MEETING_WINDOWS = [
  { x: 90, y: 60, w: 170, h: 230 },
  { x: 415, y: 60, w: 170, h: 230 },
  { x: 740, y: 60, w: 170, h: 230 },
];

function meetingRoom(ctx: Ctx): void {
  rect(ctx, 0, 0, W, 330, '#efe4cf');
  for (let x = 0; x < W; x += 40) rect(ctx, x, 0, 20, 330, '#ebdfc8');
  rect(ctx, 0, 0, W, 24, '#d9ccb2');
  rect(ctx, 0, 320, W, 90, '#9b7352');
  for (let x = 10; x < W; x += 100) roundRect(ctx, x, 334, 80, 62, 4, undefined, '#87613f', 3);
  rect(ctx, 0, 318, W, 6, '#7a5638');
  // Windows onto the city.
  for (const win of MEETING_WINDOWS) {
    rect(ctx, win.x - 10, win.y - 10, win.w + 20, win.h + 20, '#f7f2e6');
    const g = ctx.createLinearGradient(0, win.y, 0, win.y + win.h);
    g.addColorStop(0, '#8ecae6');
    g.addColorStop(1, '#dff1f8');
    ctx.fillStyle = g;
    ctx.fillRect(win.x, win.y, win.w, win.h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(win.x, win.y, win.w, win.h);
    ctx.clip();
    const rnd = seeded(win.x);
    for (let x = win.x - 10; x < win.x + win.w; x += 30) {
      const h = 50 + rnd() * 50;
      const c = ['#e9b872', '#d9734e', '#f1e3c6', '#9cc5b8'][Math.floor(rnd() * 4)]!;
      rect(ctx, x, win.y + win.h - h, 30, h, c);
      poly(ctx, [x, win.y + win.h - h, x + 15, win.y + win.h - h - 16, x + 30, win.y + win.h - h], '#b5472f');
    }
    if (win.x === 415) {
      rect(ctx, 490, 120, 20, 120, '#f6f1e4');
      poly(ctx, [488, 122, 500, 70, 512, 122], COPPER);
    }
    ctx.restore();
    line(ctx, [win.x + win.w / 2, win.y, win.x + win.w / 2, win.y + win.h], '#f7f2e6', 6);
    line(ctx, [win.x, win.y + win.h * 0.42, win.x + win.w, win.y + win.h * 0.42], '#f7f2e6', 6);
    rect(ctx, win.x - 14, win.y + win.h + 8, win.w + 28, 8, '#e2d8c4');
    // Curtains.
    rect(ctx, win.x - 26, win.y - 16, 22, win.h + 30, '#b8474a');
    rect(ctx, win.x + win.w + 4, win.y - 16, 22, win.h + 30, '#b8474a');
    rect(ctx, win.x - 20, win.y - 16, 4, win.h + 30, '#a03c40');
    rect(ctx, win.x + win.w + 16, win.y - 16, 4, win.h + 30, '#a03c40');
  }
  // City arms: a shield with a ship on waves.
  const ax = 338;
  const ay = 130;
  ctx.beginPath();
  ctx.moveTo(ax - 30, ay - 36);
  ctx.lineTo(ax + 30, ay - 36);
  ctx.lineTo(ax + 30, ay + 6);
  ctx.quadraticCurveTo(ax + 30, ay + 34, ax, ay + 46);
  ctx.quadraticCurveTo(ax - 30, ay + 34, ax - 30, ay + 6);
  ctx.closePath();
  ctx.fillStyle = '#2f5d9a';
  ctx.fill();
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 4;
  ctx.stroke();
  poly(ctx, [ax - 18, ay + 4, ax + 18, ay + 4, ax + 12, ay + 14, ax - 12, ay + 14], GOLD);
  line(ctx, [ax, ay + 4, ax, ay - 24], GOLD, 2.5);
  poly(ctx, [ax + 2, ay - 22, ax + 2, ay, ax + 16, ay], '#f7f2e6');
  for (const wx of [-16, 0, 16]) {
    ctx.beginPath();
    ctx.arc(ax + wx, ay + 24, 6, Math.PI, 0);
    ctx.strokeStyle = '#f7f2e6';
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }
  // A screen with a chart.
  roundRect(ctx, 618, 96, 96, 70, 4, '#2f3640');
  rect(ctx, 624, 102, 84, 58, '#f7f7f2');
  const bars = ['#2f7dc0', '#3f9a55', '#f2a541', '#d9473a'];
  bars.forEach((c, i) => {
    const h = [30, 42, 22, 36][i]!;
    rect(ctx, 632 + i * 19, 154 - h, 12, h, c);
  });
  rect(ctx, 662, 166, 8, 12, '#2f3640');
  // Floor, table edge, a plant.
  const floor = ctx.createLinearGradient(0, 410, 0, H);
  floor.addColorStop(0, '#b98457');
  floor.addColorStop(1, '#8f6140');
  ctx.fillStyle = floor;
  ctx.fillRect(0, 410, W, H - 410);
  for (let y = 418; y < H; y += 16 + (y - 410) * 0.06) line(ctx, [0, y, W, y], 'rgba(90, 55, 30, 0.35)', 1.5);
  roundRect(ctx, 130, 388, 740, 26, 6, '#6b4a2f');
  rect(ctx, 130, 388, 740, 8, '#845c3a');
  roundRect(ctx, 190, 376, 50, 14, 2, '#f7f7f2');
  roundRect(ctx, 700, 372, 58, 18, 3, '#3a3f48');
  roundRect(ctx, 440, 366, 22, 24, 4, 'rgba(190, 225, 240, 0.9)', '#9ab', 1.5);
  roundRect(ctx, 560, 378, 40, 12, 2, '#2f7dc0');
  roundRect(ctx, 920, 396, 50, 50, 6, '#c96a4a');
  for (const [lx, ly, r] of [
    [945, 380, 26],
    [925, 360, 20],
    [965, 356, 20],
    [945, 336, 18],
  ] as const) {
    circle(ctx, lx, ly, r, '#4e8a43');
    circle(ctx, lx - 5, ly - 5, r * 0.5, '#6aa85a');
  }
  // Pendant lamps.
  for (const lamp of MEETING_LAMPS) {
    line(ctx, [lamp.x, 0, lamp.x, lamp.y - 14], '#4a4a4a', 2);
    ctx.beginPath();
    ctx.moveTo(lamp.x - 24, lamp.y);
    ctx.quadraticCurveTo(lamp.x, lamp.y - 28, lamp.x + 24, lamp.y);
    ctx.closePath();
    ctx.fillStyle = '#2f5d5a';
    ctx.fill();
    ellipse(ctx, lamp.x, lamp.y, 24, 4, lighten('#f3e2a8', 0.2));
  }
}

const MEETING_LAMPS: Light[] = [
  { x: 300, y: 40, r: 100, beam: 350 },
  { x: 700, y: 40, r: 100, beam: 350 },
];

export const BACKDROPS = {
  dusk: { key: 'backdrop:dusk-street', draw: duskStreet, lights: STREET_LAMPS, windows: [], floor: 520, night: true },
  market: { key: 'backdrop:market', draw: marketSquare, lights: BUNTING_BULBS, windows: [], floor: 520 },
  meeting: {
    key: 'backdrop:meeting-room',
    draw: meetingRoom,
    lights: MEETING_LAMPS,
    windows: MEETING_WINDOWS,
    floor: 524,
  },
} as const satisfies Record<string, BackdropArt>;

export function backdropFor(place: Place | undefined): BackdropArt {
  if (place === 'street-lights') return BACKDROPS.dusk;
  if (place === 'market-square') return BACKDROPS.market;
  return BACKDROPS.meeting;
}
