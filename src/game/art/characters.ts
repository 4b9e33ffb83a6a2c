// The people of the scenarios: friendly, distinct figures drawn front-on, each with the thing
// that tells them apart (a chain of office, a folder, a briefcase, a clipboard...). Every figure
// is drawn in a CHARACTER_BOX canvas with its feet at the bottom centre.
import type { Speaker } from '../../engine';
import { darken, lighten } from './color';
import { circle, ellipse, line, poly, rect, roundRect, type Ctx } from './draw';
import { GOLD } from './palette';

export type Mood = 'neutral' | 'happy' | 'sad';
export type Cast = Exclude<Speaker, 'narrator'>;

export const CHARACTER_BOX = { width: 130, height: 210, footX: 65, footY: 204 } as const;

type HairStyle = 'short' | 'bob' | 'long' | 'bun' | 'curly' | 'side' | 'ponytail';
type Prop = 'folder' | 'briefcase' | 'clipboard' | 'book' | 'wrench' | 'tablet' | 'sign' | 'none';

export interface Look {
  skin: string;
  hair: string;
  hairStyle: HairStyle;
  coat: string;
  trousers: string;
  shirt: string;
  shoes?: string;
  tie?: string;
  hat?: 'helmet' | 'beanie';
  glasses?: 'round' | 'square';
  beard?: boolean;
  moustache?: boolean;
  chain?: boolean;
  vest?: boolean;
  scarf?: string;
  lanyard?: boolean;
  quilted?: boolean;
  prop: Prop;
  propColour?: string;
}

export const LOOKS: Readonly<Record<Cast, Look>> = {
  mayor: {
    skin: '#f0c4a0',
    hair: '#b9bcc2',
    hairStyle: 'side',
    coat: '#2c3e63',
    trousers: '#263552',
    shirt: '#f7f7f2',
    tie: '#b8323a',
    moustache: true,
    chain: true,
    prop: 'none',
  },
  'procurement-officer': {
    skin: '#d9a47e',
    hair: '#6b3f23',
    hairStyle: 'bob',
    coat: '#2f8f8a',
    trousers: '#34495e',
    shirt: '#f7f2e6',
    glasses: 'round',
    prop: 'folder',
    propColour: '#2f6fc0',
  },
  supplier: {
    skin: '#8d5a3b',
    hair: '#1f1a17',
    hairStyle: 'curly',
    coat: '#9aa3ad',
    trousers: '#5d6670',
    shirt: '#ffffff',
    tie: '#e08a2a',
    prop: 'briefcase',
    propColour: '#8a5a36',
  },
  citizen: {
    skin: '#f3cdb0',
    hair: '#c8703a',
    hairStyle: 'short',
    coat: '#d9473a',
    trousers: '#3f5f8f',
    shirt: '#ffffff',
    hat: 'beanie',
    scarf: '#f2c230',
    quilted: true,
    prop: 'none',
  },
  auditor: {
    skin: '#e6b48e',
    hair: '#9ea3a8',
    hairStyle: 'bun',
    coat: '#4a4f57',
    trousers: '#3a3e45',
    shirt: '#e9eef2',
    glasses: 'square',
    prop: 'clipboard',
    propColour: '#a0764a',
  },
  'legal-adviser': {
    skin: '#c98f6b',
    hair: '#2b1d16',
    hairStyle: 'long',
    coat: '#7d2e46',
    trousers: '#2f2a33',
    shirt: '#f3e7e9',
    prop: 'book',
    propColour: '#2f5d46',
  },
  engineer: {
    skin: '#a8734f',
    hair: '#2a1f1a',
    hairStyle: 'short',
    coat: '#2f4a6b',
    trousers: '#2f4a6b',
    shirt: '#2f4a6b',
    hat: 'helmet',
    vest: true,
    beard: true,
    prop: 'wrench',
  },
  'end-user': {
    skin: '#f0c8a8',
    hair: '#e0b45a',
    hairStyle: 'ponytail',
    coat: '#7b5ea7',
    trousers: '#3d3f58',
    shirt: '#ffffff',
    lanyard: true,
    prop: 'tablet',
  },
};

/** Extras for crowds (a protest, a cheering street): plain people, holding a sign. */
export const CROWD: readonly Look[] = [
  {
    skin: '#f3cdb0',
    hair: '#3a2a20',
    hairStyle: 'short',
    coat: '#3f9a55',
    trousers: '#34495e',
    shirt: '#fff',
    prop: 'sign',
    scarf: '#d9473a',
  },
  {
    skin: '#8d5a3b',
    hair: '#1f1a17',
    hairStyle: 'ponytail',
    coat: '#e8b030',
    trousers: '#3d3f58',
    shirt: '#fff',
    prop: 'sign',
  },
  {
    skin: '#e0ac86',
    hair: '#8a8a8a',
    hairStyle: 'side',
    coat: '#2f7dc0',
    trousers: '#4a4f57',
    shirt: '#fff',
    prop: 'sign',
    hat: 'beanie',
  },
];

const CX = CHARACTER_BOX.footX;
const FEET = CHARACTER_BOX.footY;
const HEAD_Y = FEET - 140;
const SHOULDER_Y = FEET - 104;
const HIP_Y = FEET - 50;

function legs(ctx: Ctx, l: Look): void {
  ellipse(ctx, CX, FEET - 2, 34, 7, 'rgba(0,0,0,0.18)');
  roundRect(ctx, CX - 17, HIP_Y - 4, 15, 50, 5, l.trousers);
  roundRect(ctx, CX + 2, HIP_Y - 4, 15, 50, 5, darken(l.trousers, 0.08));
  const shoes = l.shoes ?? '#2a2522';
  ellipse(ctx, CX - 10, FEET - 4, 11, 5.5, shoes);
  ellipse(ctx, CX + 10, FEET - 4, 11, 5.5, shoes);
}

function torso(ctx: Ctx, l: Look): void {
  const top = SHOULDER_Y;
  // A rounded trapezoid: shoulders, waist, hips.
  ctx.beginPath();
  ctx.moveTo(CX - 24, top);
  ctx.quadraticCurveTo(CX - 33, top + 2, CX - 32, top + 14);
  ctx.lineTo(CX - 27, HIP_Y + 4);
  ctx.quadraticCurveTo(CX, HIP_Y + 10, CX + 27, HIP_Y + 4);
  ctx.lineTo(CX + 32, top + 14);
  ctx.quadraticCurveTo(CX + 33, top + 2, CX + 24, top);
  ctx.closePath();
  ctx.fillStyle = l.coat;
  ctx.fill();
  if (l.quilted) {
    for (let y = top + 14; y < HIP_Y; y += 11) line(ctx, [CX - 30, y, CX + 30, y], darken(l.coat, 0.15), 1.5);
  }
  // Shirt opening and lapels.
  if (!l.quilted && !l.vest) {
    poly(ctx, [CX - 10, top, CX + 10, top, CX, top + 26], l.shirt);
    if (l.tie) poly(ctx, [CX - 3, top + 4, CX + 3, top + 4, CX + 4, top + 22, CX, top + 28, CX - 4, top + 22], l.tie);
    poly(ctx, [CX - 12, top, CX - 2, top + 30, CX - 8, top + 30, CX - 17, top + 4], darken(l.coat, 0.18));
    poly(ctx, [CX + 12, top, CX + 2, top + 30, CX + 8, top + 30, CX + 17, top + 4], darken(l.coat, 0.18));
  }
  if (l.vest) {
    ctx.beginPath();
    ctx.moveTo(CX - 26, top + 4);
    ctx.lineTo(CX - 8, top + 2);
    ctx.lineTo(CX - 6, HIP_Y + 6);
    ctx.lineTo(CX - 27, HIP_Y + 3);
    ctx.closePath();
    ctx.moveTo(CX + 26, top + 4);
    ctx.lineTo(CX + 8, top + 2);
    ctx.lineTo(CX + 6, HIP_Y + 6);
    ctx.lineTo(CX + 27, HIP_Y + 3);
    ctx.closePath();
    ctx.fillStyle = '#f28c28';
    ctx.fill();
    for (const y of [top + 26, top + 40]) {
      rect(ctx, CX - 28, y, 21, 4, '#e8eef2');
      rect(ctx, CX + 7, y, 21, 4, '#e8eef2');
    }
  }
  if (l.scarf) {
    roundRect(ctx, CX - 17, top - 4, 34, 10, 5, l.scarf);
    roundRect(ctx, CX + 4, top + 2, 9, 26, 3, darken(l.scarf, 0.1));
  }
  if (l.lanyard) {
    line(ctx, [CX - 10, top, CX, top + 28, CX + 10, top], '#2f7dc0', 2);
    roundRect(ctx, CX - 6, top + 26, 12, 15, 2, '#ffffff', '#2f7dc0', 1.5);
    rect(ctx, CX - 3, top + 30, 6, 5, '#9ec3e6');
  }
  if (l.chain) {
    ctx.beginPath();
    ctx.moveTo(CX - 23, top + 1);
    ctx.quadraticCurveTo(CX, top + 44, CX + 23, top + 1);
    ctx.strokeStyle = GOLD;
    ctx.lineWidth = 4;
    ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
    circle(ctx, CX, top + 27, 8, GOLD, '#a97d10', 1.5);
    circle(ctx, CX, top + 27, 3.5, '#d9473a');
  }
}

function arm(ctx: Ctx, l: Look, side: -1 | 1, raised: boolean): void {
  const sx = CX + side * 28;
  const sy = SHOULDER_Y + 8;
  if (raised) {
    line(ctx, [sx, sy, sx + side * 14, sy - 22, sx + side * 14, sy - 44], l.coat, 13);
    circle(ctx, sx + side * 14, sy - 50, 7, l.skin);
    roundRect(ctx, sx + side * 14 - 2.5, sy - 62, 5, 10, 2.5, l.skin);
    return;
  }
  line(ctx, [sx, sy, sx + side * 5, sy + 26, sx + side * 3, sy + 48], l.coat, 13);
  circle(ctx, sx + side * 3, sy + 53, 7, l.skin);
}

/** Arms bent so both hands hold something in front of the chest. */
function holdingArms(ctx: Ctx, l: Look, raisedRight: boolean): void {
  const sy = SHOULDER_Y + 8;
  line(ctx, [CX - 28, sy, CX - 32, sy + 28, CX - 14, sy + 42], l.coat, 13);
  if (raisedRight) arm(ctx, l, 1, true);
  else line(ctx, [CX + 28, sy, CX + 32, sy + 28, CX + 14, sy + 42], l.coat, 13);
}

function prop(ctx: Ctx, l: Look, raisedRight: boolean): void {
  const y = SHOULDER_Y + 30;
  const handL = () => circle(ctx, CX - 14, SHOULDER_Y + 52, 7, l.skin);
  const handR = () => !raisedRight && circle(ctx, CX + 14, SHOULDER_Y + 52, 7, l.skin);
  switch (l.prop) {
    case 'folder': {
      const c = l.propColour ?? '#2f6fc0';
      roundRect(ctx, CX - 20, y, 40, 30, 3, c);
      rect(ctx, CX - 20, y, 40, 5, darken(c, 0.2));
      roundRect(ctx, CX - 10, y + 10, 20, 9, 2, '#ffffff');
      line(ctx, [CX - 7, y + 14.5, CX + 7, y + 14.5], '#9aa6b2', 1.5);
      handL();
      handR();
      return;
    }
    case 'clipboard': {
      roundRect(ctx, CX - 17, y - 4, 34, 40, 3, l.propColour ?? '#a0764a');
      rect(ctx, CX - 13, y + 2, 26, 30, '#ffffff');
      roundRect(ctx, CX - 7, y - 7, 14, 6, 2, '#8a8f96');
      for (let i = 0; i < 3; i++) {
        const ly = y + 9 + i * 8;
        line(ctx, [CX - 10, ly, CX - 7, ly + 3, CX - 3, ly - 3], '#3f9a55', 1.6);
        line(ctx, [CX, ly, CX + 9, ly], '#9aa6b2', 1.5);
      }
      handL();
      handR();
      return;
    }
    case 'book': {
      const c = l.propColour ?? '#2f5d46';
      roundRect(ctx, CX - 18, y - 2, 36, 34, 3, c);
      rect(ctx, CX - 18, y + 27, 36, 5, '#f3ead6');
      rect(ctx, CX - 18, y - 2, 4, 34, darken(c, 0.25));
      ctx.fillStyle = GOLD;
      ctx.font = 'bold 22px Georgia, "Times New Roman", serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('§', CX + 2, y + 13);
      handL();
      handR();
      return;
    }
    case 'tablet': {
      roundRect(ctx, CX - 17, y, 34, 26, 4, '#2f3640');
      roundRect(ctx, CX - 14, y + 3, 28, 20, 2, '#8fd0e8');
      rect(ctx, CX - 10, y + 14, 5, 6, '#2f7dc0');
      rect(ctx, CX - 3, y + 10, 5, 10, '#3f9a55');
      rect(ctx, CX + 4, y + 7, 5, 13, '#f2a541');
      handL();
      handR();
      return;
    }
    case 'sign': {
      line(ctx, [CX + 30, SHOULDER_Y + 60, CX + 30, SHOULDER_Y - 66], '#8a5a36', 4);
      roundRect(ctx, CX + 4, SHOULDER_Y - 86, 52, 38, 4, '#fbf7ef', '#5a3a22', 2);
      // A crossed-out light bulb: "not like this" without words.
      circle(ctx, CX + 30, SHOULDER_Y - 70, 9, '#ffe27a', '#8a6a2a', 1.5);
      rect(ctx, CX + 26, SHOULDER_Y - 62, 8, 6, '#8a8f96');
      line(ctx, [CX + 16, SHOULDER_Y - 56, CX + 44, SHOULDER_Y - 80], '#d9473a', 4);
      circle(ctx, CX + 30, SHOULDER_Y + 6, 7, l.skin);
      return;
    }
    default:
      return;
  }
}

function sideProp(ctx: Ctx, l: Look): void {
  const hx = CX + 31;
  const hy = SHOULDER_Y + 61;
  if (l.prop === 'briefcase') {
    const c = l.propColour ?? '#8a5a36';
    roundRect(ctx, hx - 6, hy - 6, 14, 8, 3, undefined, darken(c, 0.3), 3);
    roundRect(ctx, hx - 16, hy, 34, 26, 4, c);
    rect(ctx, hx - 16, hy + 9, 34, 3, darken(c, 0.25));
    rect(ctx, hx - 2, hy + 7, 6, 6, GOLD);
  }
  if (l.prop === 'wrench') {
    line(ctx, [hx, hy - 4, hx + 4, hy + 30], '#8a949e', 5);
    circle(ctx, hx + 4, hy + 32, 6, '#8a949e');
    circle(ctx, hx + 4, hy + 35, 3, l.vest ? '#f28c28' : '#ffffff');
  }
}

function head(ctx: Ctx, l: Look, mood: Mood): void {
  const hy = HEAD_Y;
  rect(ctx, CX - 6, hy + 22, 12, 14, darken(l.skin, 0.08));
  // Hair behind the head.
  if (l.hairStyle === 'long') {
    roundRect(ctx, CX - 31, hy - 14, 20, 60, 10, l.hair);
    roundRect(ctx, CX + 11, hy - 14, 20, 60, 10, l.hair);
  }
  if (l.hairStyle === 'bob') roundRect(ctx, CX - 29, hy - 18, 58, 46, 20, l.hair);
  if (l.hairStyle === 'ponytail') ellipse(ctx, CX + 27, hy + 6, 9, 16, l.hair);
  circle(ctx, CX - 26, hy + 4, 6, l.skin);
  circle(ctx, CX + 26, hy + 4, 6, l.skin);
  ellipse(ctx, CX, hy, 27, 28, l.skin);
  hair(ctx, l);
  face(ctx, l, mood);
  if (l.hat === 'helmet') {
    ctx.beginPath();
    ctx.ellipse(CX, hy - 10, 30, 24, 0, Math.PI, 0);
    ctx.fillStyle = '#f7c531';
    ctx.fill();
    roundRect(ctx, CX - 36, hy - 12, 72, 8, 4, '#e8b020');
    rect(ctx, CX - 4, hy - 33, 8, 22, '#ffd95a');
  }
  if (l.hat === 'beanie') {
    ctx.beginPath();
    ctx.ellipse(CX, hy - 10, 28, 24, 0, Math.PI, 0);
    ctx.fillStyle = '#2f6fc0';
    ctx.fill();
    roundRect(ctx, CX - 29, hy - 14, 58, 10, 4, '#24579a');
    circle(ctx, CX, hy - 36, 7, '#f7f2e6');
  }
}

function hair(ctx: Ctx, l: Look): void {
  const hy = HEAD_Y;
  const c = l.hair;
  switch (l.hairStyle) {
    case 'short':
      if (l.hat) return;
      ctx.fillStyle = c;
      ctx.beginPath();
      ctx.ellipse(CX, hy - 8, 28, 22, 0, Math.PI, 0);
      ctx.fill();
      return;
    case 'side':
      if (l.hat) {
        ellipse(ctx, CX - 24, hy, 5, 9, c);
        ellipse(ctx, CX + 24, hy, 5, 9, c);
        return;
      }
      ellipse(ctx, CX - 24, hy - 4, 6, 12, c);
      ellipse(ctx, CX + 24, hy - 4, 6, 12, c);
      ctx.beginPath();
      ctx.ellipse(CX + 4, hy - 16, 22, 12, -0.15, Math.PI, 0);
      ctx.fillStyle = c;
      ctx.fill();
      return;
    case 'curly':
      for (let i = 0; i < 9; i++) {
        const a = Math.PI + (i / 8) * Math.PI;
        circle(ctx, CX + Math.cos(a) * 24, hy - 4 + Math.sin(a) * 24, 9, c);
      }
      return;
    case 'bun':
      circle(ctx, CX, hy - 34, 11, c);
      ctx.beginPath();
      ctx.ellipse(CX, hy - 8, 28, 22, 0, Math.PI, 0);
      ctx.fillStyle = c;
      ctx.fill();
      return;
    case 'bob':
    case 'long':
      ctx.beginPath();
      ctx.ellipse(CX, hy - 8, 29, 22, 0, Math.PI, 0);
      ctx.fillStyle = c;
      ctx.fill();
      poly(ctx, [CX - 28, hy - 8, CX - 4, hy - 12, CX - 26, hy + 6], c);
      return;
    case 'ponytail':
      ctx.beginPath();
      ctx.ellipse(CX, hy - 8, 28, 22, 0, Math.PI, 0);
      ctx.fillStyle = c;
      ctx.fill();
      circle(ctx, CX + 24, hy - 12, 5, lighten(c, 0.1));
      return;
  }
}

function face(ctx: Ctx, l: Look, mood: Mood): void {
  const hy = HEAD_Y;
  const ink = '#2b2622';
  ellipse(ctx, CX - 15, hy + 11, 5, 3.4, 'rgba(232, 110, 110, 0.35)');
  ellipse(ctx, CX + 15, hy + 11, 5, 3.4, 'rgba(232, 110, 110, 0.35)');
  if (mood === 'happy') {
    for (const ex of [CX - 10, CX + 10]) {
      ctx.beginPath();
      ctx.arc(ex, hy + 3, 4, Math.PI * 1.1, Math.PI * 1.9);
      ctx.strokeStyle = ink;
      ctx.lineWidth = 2.4;
      ctx.lineCap = 'round';
      ctx.stroke();
    }
  } else {
    circle(ctx, CX - 10, hy + 1, 3.4, ink);
    circle(ctx, CX + 10, hy + 1, 3.4, ink);
    circle(ctx, CX - 9, hy, 1.1, '#ffffff');
    circle(ctx, CX + 11, hy, 1.1, '#ffffff');
  }
  const brow = darken(l.hair, 0.2);
  if (mood === 'sad') {
    line(ctx, [CX - 15, hy - 6, CX - 6, hy - 9], brow, 2.4);
    line(ctx, [CX + 15, hy - 6, CX + 6, hy - 9], brow, 2.4);
  } else {
    line(ctx, [CX - 14, hy - 8, CX - 6, hy - 9], brow, 2.2);
    line(ctx, [CX + 14, hy - 8, CX + 6, hy - 9], brow, 2.2);
  }
  if (l.glasses === 'round') {
    circle(ctx, CX - 10, hy + 1, 7, 'rgba(255,255,255,0.15)', '#3a3a3a', 1.8);
    circle(ctx, CX + 10, hy + 1, 7, 'rgba(255,255,255,0.15)', '#3a3a3a', 1.8);
    line(ctx, [CX - 3, hy, CX + 3, hy], '#3a3a3a', 1.6);
  }
  if (l.glasses === 'square') {
    roundRect(ctx, CX - 18, hy - 5, 15, 11, 2, 'rgba(255,255,255,0.15)', '#3a3a3a', 1.8);
    roundRect(ctx, CX + 3, hy - 5, 15, 11, 2, 'rgba(255,255,255,0.15)', '#3a3a3a', 1.8);
    line(ctx, [CX - 3, hy, CX + 3, hy], '#3a3a3a', 1.6);
  }
  if (l.beard) {
    ctx.beginPath();
    ctx.moveTo(CX - 25, hy + 4);
    ctx.quadraticCurveTo(CX - 22, hy + 30, CX, hy + 30);
    ctx.quadraticCurveTo(CX + 22, hy + 30, CX + 25, hy + 4);
    ctx.quadraticCurveTo(CX, hy + 16, CX - 25, hy + 4);
    ctx.fillStyle = l.hair;
    ctx.fill();
  }
  if (l.moustache) {
    ellipse(ctx, CX - 6, hy + 12, 7, 3.2, l.hair);
    ellipse(ctx, CX + 6, hy + 12, 7, 3.2, l.hair);
  }
  const my = hy + (l.moustache ? 18 : 15);
  if (mood === 'happy') {
    ctx.beginPath();
    ctx.arc(CX, my - 2, 7, 0.1, Math.PI - 0.1);
    ctx.closePath();
    ctx.fillStyle = '#8a2f2f';
    ctx.fill();
    ellipse(ctx, CX, my + 2.5, 3.5, 1.8, '#e07070');
  } else if (mood === 'sad') {
    ctx.beginPath();
    ctx.arc(CX, my + 6, 6, Math.PI * 1.15, Math.PI * 1.85);
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2.4;
    ctx.lineCap = 'round';
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(CX, my - 3, 6, Math.PI * 0.2, Math.PI * 0.8);
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2.4;
    ctx.lineCap = 'round';
    ctx.stroke();
  }
}

/** Draws a figure; `happy` raises an arm with a thumbs-up. */
export function drawCharacter(ctx: Ctx, look: Look, mood: Mood): void {
  const raised = mood === 'happy';
  const sideHolder = look.prop === 'briefcase' || look.prop === 'wrench';
  const holds = look.prop === 'folder' || look.prop === 'clipboard' || look.prop === 'book' || look.prop === 'tablet';
  legs(ctx, look);
  if (look.prop === 'sign') arm(ctx, look, -1, false);
  torso(ctx, look);
  if (holds) holdingArms(ctx, look, raised);
  else if (look.prop !== 'sign') {
    // Whoever carries something at their side cheers with the other hand.
    arm(ctx, look, -1, raised && sideHolder);
    arm(ctx, look, 1, raised && !sideHolder);
  }
  prop(ctx, look, raised);
  sideProp(ctx, look);
  head(ctx, look, mood);
}
