// The ten places of the city map, each a distinctive building or object drawn around its own
// centre (0, 0) — the point in PLACE_POSITIONS where the DOM button sits.
import type { Place } from '../../engine';
import { darken, lighten, NATURAL, type Tone } from './color';
import { bench, flowers, house, lamp, person, tree } from './buildings';
import { circle, ellipse, line, poly, rect, roundRect, type Ctx } from './draw';
import { BRICK, COPPER, GOLD, SHADOW, STREET, WINDOW } from './palette';

export interface PlaceArt {
  /** Radius of the place on the map: the hit area, the focus ring, and where no house is built. */
  radius: number;
  /** Where the status marker (pin, padlock, stars) floats, relative to the centre. */
  markerY: number;
  draw: (ctx: Ctx, tone: Tone) => void;
}

/** Every place texture is this size, with the place's centre at ORIGIN. */
export const PLACE_BOX = { width: 220, height: 230, originX: 110, originY: 140 } as const;

function cityHall(ctx: Ctx, tone: Tone): void {
  // A brick Gothic town hall facing the market, with a clock tower and a copper spire.
  const brick = tone(BRICK);
  const roof = tone('#8f3f31');
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-54, -22, 116, 72);
  rect(ctx, -58, -30, 116, 40, roof);
  rect(ctx, -58, -30, 116, 16, darken(roof, 0.15));
  rect(ctx, -58, 10, 116, 32, brick);
  rect(ctx, -58, 40, 116, 3, darken(brick, 0.3));
  // Arcade of arched windows and a door.
  for (let i = 0; i < 9; i++) {
    const wx = -52 + i * 12;
    if (i === 4) continue;
    roundRect(ctx, wx, 16, 6, 11, [3, 3, 0, 0], tone(WINDOW.day));
    rect(ctx, wx, 31, 6, 5, tone(WINDOW.day));
  }
  roundRect(ctx, -5, 24, 10, 18, [5, 5, 0, 0], tone('#5a3324'));
  rect(ctx, -12, 42, 24, 3, tone('#d8cfc0'));
  // Stepped gables on both wings.
  for (const gx of [-46, 34]) {
    poly(
      ctx,
      [
        gx - 10,
        10,
        gx - 10,
        2,
        gx - 6,
        2,
        gx - 6,
        -4,
        gx - 2,
        -4,
        gx - 2,
        -9,
        gx + 2,
        -9,
        gx + 2,
        -4,
        gx + 6,
        -4,
        gx + 6,
        2,
        gx + 10,
        2,
        gx + 10,
        10,
      ],
      brick,
    );
    rect(ctx, gx - 1.5, -2, 3, 6, tone(WINDOW.day));
  }
  // Tower.
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-9, -70, 26, 80);
  rect(ctx, -13, -66, 26, 76, darken(brick, 0.05));
  rect(ctx, 3, -66, 10, 76, darken(brick, 0.18));
  circle(ctx, 0, -48, 8, tone('#f7f2e6'), tone('#3b3b3b'), 1.2);
  line(ctx, [0, -48, 0, -54], tone('#2f3640'), 1.4);
  line(ctx, [0, -48, 4, -46], tone('#2f3640'), 1.4);
  rect(ctx, -6, -30, 4, 9, tone(WINDOW.day));
  rect(ctx, 2, -30, 4, 9, tone(WINDOW.day));
  rect(ctx, -15, -68, 30, 4, tone('#f2e6cf'));
  // Copper spire with a golden ball and a flag.
  poly(ctx, [-13, -68, 0, -112, 13, -68], tone(COPPER));
  poly(ctx, [0, -112, 13, -68, 4, -68], darken(tone(COPPER), 0.18));
  circle(ctx, 0, -113, 2.2, tone(GOLD));
  line(ctx, [0, -114, 0, -126], tone('#3b3b3b'), 1.2);
  poly(ctx, [0, -126, 12, -122, 0, -118], tone('#2b6cb0'));
  poly(ctx, [0, -122.4, 12, -122, 0, -121], tone(GOLD));
}

function marketSquare(ctx: Ctx, tone: Tone): void {
  // Cobbled square with a fountain, market stalls with striped awnings, benches and people.
  roundRect(ctx, -68, -36, 136, 76, 14, tone(STREET.cobble));
  ctx.strokeStyle = tone(STREET.cobbleDark);
  ctx.lineWidth = 0.6;
  for (let y = -30; y < 38; y += 5) {
    ctx.beginPath();
    ctx.moveTo(-64, y);
    ctx.lineTo(64, y);
    ctx.stroke();
  }
  roundRect(ctx, -68, -36, 136, 76, 14, undefined, tone(STREET.kerb), 2);
  // Fountain.
  ellipse(ctx, 2, 6, 15, 9, tone('#b9b1a3'));
  ellipse(ctx, 2, 5, 12, 7, tone('#7fb9d6'));
  ellipse(ctx, 0, 3, 5, 3, tone('#d8eef5'));
  rect(ctx, 1, -6, 2, 10, tone('#b9b1a3'));
  circle(ctx, 2, -7, 2.4, tone('#d8eef5'));
  // Stalls: awning stripes, a valance and crates of produce.
  const stalls: [number, number, string][] = [
    [-56, -28, '#d9473a'],
    [-20, -30, '#2f7dc0'],
    [20, -28, '#3f9a55'],
    [-60, 18, '#e09a2a'],
  ];
  for (const [sx, sy, colour] of stalls) {
    rect(ctx, sx + 2, sy + 4, 30, 16, SHADOW);
    rect(ctx, sx, sy + 10, 28, 8, tone('#a37a50'));
    for (let i = 0; i < 4; i++)
      circle(ctx, sx + 5 + i * 6, sy + 12, 2.2, tone(['#e24a3b', '#f2c230', '#7cc04a', '#ff9a3c'][i]!));
    for (let i = 0; i < 7; i++) rect(ctx, sx + i * 4, sy, 4, 10, tone(i % 2 === 0 ? colour : '#fbf7ef'));
    for (let i = 0; i < 7; i++) ellipse(ctx, sx + 2 + i * 4, sy + 10, 2, 1.6, tone(i % 2 === 0 ? colour : '#fbf7ef'));
  }
  bench(ctx, 28, 14, 14, tone);
  bench(ctx, 28, 26, 14, tone);
  bench(ctx, -32, 30, 14, tone);
  tree(ctx, 54, 22, 8, tone);
  tree(ctx, 56, -8, 7, tone);
  person(ctx, -8, 22, '#c0504d', tone);
  person(ctx, 16, 0, '#4f6d8f', tone, '#a8734f');
  person(ctx, -30, 8, '#6b8e4e', tone);
  person(ctx, 22, 34, '#8a5aa8', tone, '#c98f6b');
}

function streetLights(ctx: Ctx, tone: Tone): void {
  // A tree-lined boulevard lit by two rows of street lamps.
  const lit = tone === NATURAL;
  roundRect(ctx, -64, -22, 128, 48, 6, tone('#ddd6c6'));
  rect(ctx, -64, -8, 128, 20, tone('#8f959c'));
  for (let x = -58; x < 62; x += 14) rect(ctx, x, 1, 7, 1.6, tone('#f4f1e8'));
  for (const x of [-40, 0, 40]) tree(ctx, x + 20, -16, 5, tone);
  for (let i = 0; i < 4; i++) lamp(ctx, -54 + i * 36, -12, 26, lit, tone);
  for (let i = 0; i < 4; i++) lamp(ctx, -36 + i * 36, 22, 26, lit, tone);
}

function careHome(ctx: Ctx, tone: Tone): void {
  // A calm L-shaped home with a garden, flower beds, benches and a heart on the door sign.
  ellipse(ctx, 0, 18, 66, 26, tone('#9cc27a'));
  house(ctx, -58, -34, 80, 22, 18, { wall: '#f3e3b8', roof: '#d08a3a' }, tone);
  house(ctx, 22, -34, 34, 42, 18, { wall: '#f3e3b8', roof: '#c9683c', gable: true }, tone);
  roundRect(ctx, -24, -4, 12, 6, 2, tone('#f7f2e6'));
  ctx.fillStyle = tone('#e0475c');
  ctx.beginPath();
  ctx.moveTo(-18, 1.8);
  ctx.bezierCurveTo(-23, -1.5, -20, -4, -18, -2);
  ctx.bezierCurveTo(-16, -4, -13, -1.5, -18, 1.8);
  ctx.fill();
  line(ctx, [-44, 10, -30, 4], tone('#d8cfc0'), 4);
  flowers(ctx, -50, 22, 22, 7, tone, 1);
  flowers(ctx, 18, 26, 22, 7, tone, 4);
  bench(ctx, -18, 22, 14, tone);
  tree(ctx, 50, 24, 8, tone);
  tree(ctx, -62, 14, 7, tone);
  person(ctx, -4, 30, '#8fb3d9', tone, '#e8c4a0');
  person(ctx, 4, 31, '#d98f8f', tone, '#a8734f');
}

function innovationLab(ctx: Ctx, tone: Tone): void {
  // A glass cube with solar panels, a rooftop dome and a light-bulb sign.
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-42, -24, 92, 70);
  rect(ctx, -46, -28, 92, 36, tone('#d7dde2'));
  for (let i = 0; i < 4; i++) {
    const px = -40 + i * 15;
    rect(ctx, px, -24, 13, 12, tone('#2d4f7c'));
    ctx.strokeStyle = tone('#6f95c4');
    ctx.lineWidth = 0.5;
    ctx.strokeRect(px + 0.5, -23.5, 12, 11);
    line(ctx, [px + 6.5, -24, px + 6.5, -12], tone('#6f95c4'), 0.5);
  }
  circle(ctx, 28, -12, 10, tone('#eef3f6'), tone('#aab6bf'), 1);
  ellipse(ctx, 26, -15, 4, 3, tone('#ffffff'));
  // Glass façade with reflections.
  const glass = ctx.createLinearGradient(-46, 8, 46, 44);
  glass.addColorStop(0, tone('#7fc6d9'));
  glass.addColorStop(1, tone('#3f83a8'));
  ctx.fillStyle = glass;
  ctx.fillRect(-46, 8, 92, 36);
  ctx.strokeStyle = tone('#e8f4f8');
  ctx.lineWidth = 1;
  for (let x = -46; x <= 46; x += 11.5) line(ctx, [x, 8, x, 44], tone('#e8f4f8'), 1);
  line(ctx, [-46, 26, 46, 26], tone('#e8f4f8'), 1);
  poly(ctx, [-30, 8, -20, 8, -40, 44, -46, 44, -46, 36], 'rgba(255,255,255,0.25)');
  poly(ctx, [10, 8, 16, 8, -2, 44, -8, 44], 'rgba(255,255,255,0.2)');
  rect(ctx, -6, 30, 12, 14, tone('#22526e'));
  // A light bulb on the façade.
  circle(ctx, 26, 18, 6, tone('#ffe27a'), tone('#ffffff'), 1.5);
  rect(ctx, 23.5, 23, 5, 4, tone('#e8eef2'));
  line(ctx, [24, 18, 26, 21, 28, 18], tone('#c77b12'), 1);
  tree(ctx, 54, 30, 8, tone);
  tree(ctx, -54, 36, 7, tone);
}

function schoolKitchen(ctx: Ctx, tone: Tone): void {
  // A brick school with a kitchen wing (chimney, steam), vegetable beds and a small pitch.
  rect(ctx, -64, 18, 50, 28, tone('#6fb25a'));
  ctx.strokeStyle = tone('#f4f1e8');
  ctx.lineWidth = 1;
  ctx.strokeRect(-61, 21, 44, 22);
  line(ctx, [-39, 21, -39, 43], tone('#f4f1e8'), 1);
  circle(ctx, -39, 32, 4, undefined, tone('#f4f1e8'), 1);
  house(ctx, -54, -42, 74, 26, 22, { wall: '#c9694a', roof: '#8f3f31' }, tone);
  house(ctx, 22, -30, 38, 22, 16, { wall: '#f3e7cb', roof: '#d08a3a' }, tone);
  rect(ctx, 44, -44, 7, 20, tone('#9a9a9a'));
  rect(ctx, 43, -46, 9, 3, tone('#7a7a7a'));
  circle(ctx, -17, -8, 5, tone('#f7f2e6'), tone('#3b3b3b'), 0.8);
  roundRect(ctx, -21, -4, 8, 11, [4, 4, 0, 0], tone('#5a3324'));
  // An apple on the kitchen door.
  circle(ctx, 34, -2, 3.4, tone('#d9473a'));
  line(ctx, [34, -5, 35, -7], tone('#5a3324'), 1);
  ellipse(ctx, 36.4, -6.4, 1.6, 0.8, tone('#5aa045'));
  for (let i = 0; i < 3; i++) {
    const by = 18 + i * 10;
    roundRect(ctx, 2, by, 48, 7, 2, tone('#8a6a48'));
    for (let k = 0; k < 8; k++) circle(ctx, 6 + k * 6, by + 3.5, 2, tone(i === 1 ? '#e07a30' : '#5fa84a'));
  }
  person(ctx, -48, 30, '#e24a3b', tone);
  person(ctx, -30, 36, '#2f7dc0', tone, '#a8734f');
}

function bus(ctx: Ctx, x: number, y: number, colour: string, tone: Tone): void {
  // A city bus seen from above and the front-left: roof, side windows, front.
  rect(ctx, x + 2, y + 3, 40, 16, SHADOW);
  roundRect(ctx, x, y, 40, 10, 3, tone(lighten(colour, 0.15)));
  rect(ctx, x + 4, y + 2, 10, 4, tone('#e7eef2'));
  rect(ctx, x + 18, y + 2, 6, 4, tone('#e7eef2'));
  roundRect(ctx, x, y + 8, 40, 9, [0, 0, 3, 3], tone(colour));
  for (let i = 0; i < 5; i++) rect(ctx, x + 3 + i * 7, y + 9, 5, 4, tone('#2b3a4a'));
  circle(ctx, x + 8, y + 17, 2.2, tone('#222222'));
  circle(ctx, x + 32, y + 17, 2.2, tone('#222222'));
}

function busDepot(ctx: Ctx, tone: Tone): void {
  // A depot hall with a barrel roof, an asphalt yard, electric buses at their chargers.
  roundRect(ctx, -70, -14, 140, 58, 6, tone('#a9acb0'));
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-56, -42, 114, 44);
  const roof = ctx.createLinearGradient(0, -50, 0, -18);
  roof.addColorStop(0, tone('#8c98a4'));
  roof.addColorStop(0.5, tone('#c9d1d8'));
  roof.addColorStop(1, tone('#7d8894'));
  ctx.fillStyle = roof;
  ctx.beginPath();
  ctx.roundRect(-60, -50, 112, 32, 10);
  ctx.fill();
  for (let x = -52; x < 50; x += 8) line(ctx, [x, -48, x, -20], tone('#9aa5b0'), 0.6);
  rect(ctx, -60, -18, 112, 16, tone('#dfe3e6'));
  for (let i = 0; i < 4; i++) roundRect(ctx, -54 + i * 27, -16, 22, 14, [6, 6, 0, 0], tone('#47525c'));
  bus(ctx, -64, 4, '#2f7dc0', tone);
  bus(ctx, -18, 4, '#e8b030', tone);
  bus(ctx, 28, 4, '#3f9a55', tone);
  for (const cx of [-22, 24]) {
    rect(ctx, cx - 1, 26, 4, 10, tone('#3f9a55'));
    rect(ctx, cx, 28, 2, 2, tone('#b8f0a0'));
  }
  bus(ctx, -30, 26, '#d9473a', tone);
}

function bike(ctx: Ctx, x: number, y: number, colour: string, tone: Tone): void {
  circle(ctx, x - 5, y, 3.4, undefined, tone('#2f3640'), 1.2);
  circle(ctx, x + 5, y, 3.4, undefined, tone('#2f3640'), 1.2);
  line(ctx, [x - 5, y, x - 1, y - 5, x + 4, y - 5, x + 5, y, x, y, x - 1, y - 5], tone(colour), 1.3);
  line(ctx, [x + 4, y - 5, x + 3, y - 8, x + 5, y - 8], tone('#2f3640'), 1);
  line(ctx, [x - 2, y - 6, x, y - 6], tone('#2f3640'), 1.4);
}

function bikeStation(ctx: Ctx, tone: Tone): void {
  // A docking station: a green canopy over a row of shared bikes, and a sign with a bike.
  roundRect(ctx, -52, -22, 104, 48, 6, tone('#ddd6c6'));
  rect(ctx, -46, 8, 92, 3, tone('#7a8088'));
  const colours = ['#2f9e8f', '#2f9e8f', '#f2a541', '#2f9e8f', '#2f9e8f', '#f2a541', '#2f9e8f'];
  colours.forEach((c, i) => bike(ctx, -39 + i * 13, 12, c, tone));
  rect(ctx, -48, -14, 96, 4, SHADOW);
  roundRect(ctx, -50, -22, 100, 10, 3, tone('#4f9a5a'));
  rect(ctx, -50, -14, 100, 2, darken(tone('#4f9a5a'), 0.25));
  for (const px of [-44, 0, 44]) rect(ctx, px - 1, -12, 2, 18, tone('#5a6068'));
  // Sign post.
  rect(ctx, 55, -30, 2, 46, tone('#5a6068'));
  roundRect(ctx, 46, -42, 20, 16, 3, tone('#2f7dc0'));
  circle(ctx, 51, -31, 3, undefined, tone('#ffffff'), 1.2);
  circle(ctx, 61, -31, 3, undefined, tone('#ffffff'), 1.2);
  line(ctx, [51, -31, 55, -36, 61, -31, 56, -31, 55, -36], tone('#ffffff'), 1.2);
}

function reuseCentre(ctx: Ctx, tone: Tone): void {
  // A warehouse with a green roof and a circular-arrows sign, skips and second-hand furniture.
  roundRect(ctx, -62, -10, 124, 56, 6, tone('#c9c3b4'));
  ctx.fillStyle = SHADOW;
  ctx.fillRect(-50, -38, 92, 44);
  rect(ctx, -54, -42, 92, 26, tone('#6da35a'));
  rect(ctx, -54, -42, 92, 10, darken(tone('#6da35a'), 0.15));
  rect(ctx, -54, -16, 92, 20, tone('#e9dcc0'));
  roundRect(ctx, -26, -12, 28, 16, [3, 3, 0, 0], tone('#5b5248'));
  for (let y = -10; y < 4; y += 3) line(ctx, [-25, y, 1, y], tone('#70665a'), 0.8);
  // Circular arrows sign.
  circle(ctx, 22, -6, 8, tone('#f7f2e6'));
  ctx.strokeStyle = tone('#3f9a55');
  ctx.lineWidth = 2;
  for (let k = 0; k < 3; k++) {
    const a = (k * Math.PI * 2) / 3;
    ctx.beginPath();
    ctx.arc(22, -6, 5, a + 0.2, a + 1.7);
    ctx.stroke();
    const ex = 22 + Math.cos(a + 1.7) * 5;
    const ey = -6 + Math.sin(a + 1.7) * 5;
    circle(ctx, ex, ey, 1.4, tone('#3f9a55'));
  }
  const skips: [number, string][] = [
    [-56, '#3f9a55'],
    [-36, '#2f7dc0'],
    [-16, '#e8b030'],
  ];
  for (const [sx, c] of skips) {
    rect(ctx, sx + 2, 14, 18, 14, SHADOW);
    poly(ctx, [sx, 12, sx + 18, 12, sx + 16, 26, sx + 2, 26], tone(c));
    rect(ctx, sx, 10, 18, 3, darken(tone(c), 0.25));
  }
  // A sofa, a chair and a lamp waiting for a new home.
  roundRect(ctx, 10, 16, 26, 10, 3, tone('#b0584a'));
  roundRect(ctx, 10, 12, 26, 6, 3, tone('#c96a5a'));
  rect(ctx, 42, 14, 8, 8, tone('#8a5a36'));
  rect(ctx, 42, 8, 8, 3, tone('#8a5a36'));
  line(ctx, [56, 26, 56, 12], tone('#5a5a5a'), 1);
  poly(ctx, [52, 12, 60, 12, 58, 6, 54, 6], tone('#f2c230'));
  tree(ctx, -60, 36, 7, tone);
}

function harbour(ctx: Ctx, tone: Tone): void {
  // The quay: warehouses with stepped gables, a red gantry crane, a ferry and a pier with a boat.
  rect(ctx, -80, 4, 160, 48, tone('#cfc6b2'));
  rect(ctx, -80, 2, 160, 5, tone('#8c8478'));
  for (let x = -74; x < 80; x += 18) circle(ctx, x, 4, 1.6, tone('#3b3b3b'));
  // Pier into the water.
  rect(ctx, 46, -44, 10, 48, tone('#a07a52'));
  for (let y = -42; y < 2; y += 4) line(ctx, [46, y, 56, y], tone('#805c3a'), 0.6);
  // Ferry at the quay.
  ellipse(ctx, -18, -18, 52, 14, 'rgba(20, 60, 90, 0.25)');
  poly(ctx, [-66, -30, 30, -30, 40, -20, 30, -6, -66, -6, -72, -18], tone('#24476b'));
  rect(ctx, -66, -12, 96, 3, tone('#d9473a'));
  roundRect(ctx, -52, -42, 60, 14, 3, tone('#f7f2e6'));
  for (let i = 0; i < 8; i++) rect(ctx, -48 + i * 7, -38, 4, 4, tone('#2b3a4a'));
  roundRect(ctx, -40, -52, 30, 10, 3, tone('#f7f2e6'));
  rect(ctx, -30, -62, 8, 12, tone('#d9473a'));
  rect(ctx, -30, -62, 8, 3, tone('#2f3640'));
  // Little sailing boat at the pier.
  poly(ctx, [60, -22, 76, -22, 72, -16, 62, -16], tone('#f7f2e6'));
  line(ctx, [67, -22, 67, -40], tone('#5a5a5a'), 1);
  poly(ctx, [68, -40, 68, -24, 77, -24], tone('#f7f2e6'));
  // Warehouses.
  house(ctx, -78, 10, 26, 18, 16, { wall: '#c9694a', roof: '#8f3f31', gable: true }, tone);
  house(ctx, -50, 10, 26, 18, 16, { wall: '#e0a94a', roof: '#a8432f', gable: true }, tone);
  house(ctx, -22, 10, 26, 18, 16, { wall: '#d8cbb0', roof: '#8f3f31', gable: true }, tone);
  // Containers.
  const boxes: [number, number, string][] = [
    [14, 30, '#2f7dc0'],
    [14, 22, '#d9473a'],
    [34, 30, '#3f9a55'],
    [54, 30, '#e8b030'],
    [34, 22, '#e8b030'],
  ];
  for (const [bx, by, c] of boxes) {
    rect(ctx, bx, by, 18, 8, tone(c));
    for (let x = bx + 2; x < bx + 18; x += 3) line(ctx, [x, by + 1, x, by + 7], darken(tone(c), 0.2), 0.6);
  }
  // Gantry crane over the quay edge.
  const red = tone('#d9473a');
  line(ctx, [14, 20, 14, -30], red, 3);
  line(ctx, [36, 20, 36, -30], red, 3);
  line(ctx, [0, -30, 62, -30], red, 4);
  line(ctx, [14, -8, 36, -8], red, 2);
  rect(ctx, 20, -36, 12, 7, tone('#f2c230'));
  line(ctx, [8, -30, 8, -14], tone('#3b3b3b'), 1);
  rect(ctx, 4, -14, 8, 6, tone('#3f9a55'));
}

export const PLACE_ART: Readonly<Record<Place, PlaceArt>> = {
  'city-hall': { radius: 62, markerY: -132, draw: cityHall },
  'market-square': { radius: 64, markerY: -50, draw: marketSquare },
  'street-lights': { radius: 56, markerY: -56, draw: streetLights },
  'care-home': { radius: 64, markerY: -54, draw: careHome },
  'innovation-lab': { radius: 54, markerY: -58, draw: innovationLab },
  'school-kitchen': { radius: 62, markerY: -58, draw: schoolKitchen },
  'bus-depot': { radius: 68, markerY: -62, draw: busDepot },
  'bike-station': { radius: 52, markerY: -50, draw: bikeStation },
  'reuse-centre': { radius: 60, markerY: -54, draw: reuseCentre },
  harbour: { radius: 76, markerY: -72, draw: harbour },
};
