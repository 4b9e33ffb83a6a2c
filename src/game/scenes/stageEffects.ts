// The consequences of a step, acted out on the scenario stage. Each effect builds its pictures
// for this step only (the stage clears them at the next step) and, when the player asked for
// reduced motion, shows its end state at once instead of moving.
import type Phaser from 'phaser';
import { MAP_HEIGHT as H, MAP_WIDTH as W } from '../../play/layout';
import type { BackdropArt } from '../art/backdrops';
import { CROWD, LOOKS, type Look, type Mood } from '../art/characters';
import type { Ctx } from '../art/draw';
import {
  arrow,
  bolt,
  clock,
  clockHand,
  coin,
  confetti,
  gloom,
  heart,
  puff,
  raindrop,
  sparkle,
  sun,
} from '../art/props';
import type { Consequence, StageCue, Weather } from '../consequences';
import { canvasTexture } from '../textures';
import { FIGURE_HEIGHT, type Actor } from './stage';

export interface Stage {
  scene: Phaser.Scene;
  reduced: boolean;
  backdrop: BackdropArt;
  actors: ReadonlyMap<string, Actor>;
  /** Registers an object made for this step, to be removed at the next one. */
  temp<T extends Phaser.GameObjects.GameObject>(object: T): T;
  /** Brings in someone who is not in the cast (a protester, a second supplier) for this step. */
  extra(
    id: string,
    look: Look,
    mood: Mood,
    from: { x: number; y: number },
    to: { x: number; y: number; scale: number },
    delay?: number,
  ): Actor;
  /** Runs something later in this step; cancelled if the step ends first. */
  later(ms: number, run: () => void): void;
}

export const DEPTH = { weather: 8, rain: 9, icons: 1000, confetti: 1100, flash: 1150, dim: 1200 } as const;

function image(
  stage: Stage,
  key: string,
  w: number,
  h: number,
  draw: (ctx: Ctx) => void,
  x: number,
  y: number,
): Phaser.GameObjects.Image {
  return stage.temp(
    stage.scene.add.image(x, y, canvasTexture(stage.scene, `fx:${key}`, w, h, draw)).setDepth(DEPTH.icons),
  );
}

/** A picture pops in where it stays; with motion it grows out of nothing first. */
function popIn(stage: Stage, object: Phaser.GameObjects.Image, delay = 0): void {
  if (stage.reduced) return;
  const scale = object.scale;
  object.setScale(0);
  stage.scene.tweens.add({ targets: object, scale, duration: 320, delay, ease: 'Back.easeOut' });
}

const rnd = (a: number, b: number) => a + Math.random() * (b - a);

function someone(stage: Stage, ...ids: string[]): Actor | undefined {
  for (const id of ids) {
    const a = stage.actors.get(id);
    if (a) return a;
  }
  return stage.actors.values().next().value;
}

function headOf(actor: Actor | undefined): { x: number; y: number } {
  if (!actor) return { x: W / 2, y: 300 };
  return { x: actor.home.x, y: actor.home.y - FIGURE_HEIGHT * actor.home.scale };
}

export function sparkles(stage: Stage, around: readonly { x: number; y: number }[], count: number, spread = 60): void {
  for (let i = 0; i < count; i++) {
    const at = around[i % around.length]!;
    const s = image(
      stage,
      'sparkle',
      32,
      32,
      sparkle,
      at.x + rnd(-spread, spread),
      at.y + rnd(-spread * 0.6, spread * 0.6),
    );
    if (stage.reduced) {
      s.setScale(0.8);
      continue;
    }
    s.setScale(0);
    stage.scene.tweens.add({
      targets: s,
      scale: rnd(0.7, 1.2),
      angle: 45,
      duration: 420,
      delay: i * 140,
      yoyo: true,
      repeat: 3,
      repeatDelay: rnd(200, 700),
      ease: 'Sine.easeInOut',
    });
  }
}

function lightsFlicker(stage: Stage, glows: readonly Phaser.GameObjects.Image[]): void {
  const light = stage.backdrop.lights[stage.backdrop.lights.length - 1];
  if (light) image(stage, 'puff', 60, 40, puff, light.x, light.y - 30);
  if (stage.reduced) return;
  for (const g of glows) {
    stage.scene.tweens.add({ targets: g, alpha: 0.05, duration: 90, yoyo: true, repeat: 4, repeatDelay: rnd(60, 260) });
  }
}

function protest(stage: Stage): void {
  const floor = stage.backdrop.floor;
  CROWD.forEach((look, i) => {
    const to = { x: 800 + i * 70, y: floor - 56 + (i % 2) * 8, scale: 0.6 };
    const a = stage.extra(`protester-${i}`, look, 'sad', { x: W + 80 + i * 60, y: to.y }, to, i * 300);
    if (!stage.reduced) {
      stage.scene.tweens.add({
        targets: a.body,
        angle: { from: -3, to: 3 },
        duration: 500 + i * 90,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
  });
}

function hearts(stage: Stage): void {
  const heads = [...stage.actors.values()].map(headOf);
  const count = stage.reduced ? 3 : 7;
  for (let i = 0; i < count; i++) {
    const at = heads[i % Math.max(1, heads.length)] ?? { x: W / 2, y: 300 };
    const h = image(stage, 'heart', 28, 26, heart, at.x + rnd(-30, 30), at.y - 20);
    if (stage.reduced) {
      h.setY(at.y - 40 - i * 10);
      continue;
    }
    h.setAlpha(0);
    stage.scene.tweens.add({
      targets: h,
      y: at.y - 130,
      alpha: { from: 1, to: 0 },
      duration: 1800,
      delay: i * 260,
      repeat: 2,
      ease: 'Sine.easeOut',
    });
  }
}

const SUPPLIER_GUEST: Look = {
  ...LOOKS.supplier,
  skin: '#f0c8a8',
  hair: '#c9a25a',
  hairStyle: 'side',
  coat: '#3f7f5a',
  tie: '#f2c230',
};

function supplierLeaves(stage: Stage): void {
  const floor = stage.backdrop.floor;
  let actor = stage.actors.get('supplier');
  if (!actor)
    actor = stage.extra(
      'supplier-guest',
      LOOKS.supplier,
      'sad',
      { x: 760, y: floor - 30 },
      { x: 760, y: floor - 30, scale: 0.75 },
    );
  actor.setMood('sad');
  actor.say('cross');
  if (stage.reduced) {
    actor.moveTo(W - 60, actor.root.y, actor.root.scale, 0);
    return;
  }
  const leaving = actor;
  stage.later(900, () => {
    leaving.say(null);
    leaving.moveTo(W + 120, leaving.root.y, leaving.root.scale, 2200);
  });
}

function suppliersArrive(stage: Stage): void {
  const floor = stage.backdrop.floor;
  const supplier = stage.actors.get('supplier');
  supplier?.setMood('happy');
  supplier?.say('check');
  const guest = stage.extra(
    'supplier-guest',
    SUPPLIER_GUEST,
    'happy',
    { x: W + 80, y: floor - 40 },
    { x: 930, y: floor - 40, scale: 0.72 },
  );
  guest.say('talk');
}

function auditorAlert(stage: Stage): void {
  const floor = stage.backdrop.floor;
  let auditor = stage.actors.get('auditor');
  if (auditor) {
    auditor.moveTo(auditor.home.x, auditor.home.y + 18, auditor.home.scale * 1.1, 400);
  } else {
    auditor = stage.extra(
      'auditor-guest',
      LOOKS.auditor,
      'neutral',
      { x: -80, y: floor - 10 },
      { x: 80, y: floor - 10, scale: 0.86 },
    );
  }
  auditor.say('alert');
}

function riskCleared(stage: Stage): void {
  someone(stage, 'auditor', 'legal-adviser', 'procurement-officer')?.say('check');
}

function coinsFly(stage: Stage, spot: { x: number; y: number }, good: boolean): void {
  const officer = someone(stage, 'procurement-officer', 'mayor');
  const from = officer ? { x: officer.home.x + 30, y: officer.home.y - 90 } : spot;
  const count = stage.reduced ? 4 : 9;
  for (let i = 0; i < count; i++) {
    const c = image(stage, 'coin', 28, 28, coin, from.x, from.y);
    if (good) {
      const pile = { x: from.x + 44 + (i % 3) * 10 - 10, y: (officer?.home.y ?? 520) - 8 - Math.floor(i / 3) * 7 };
      if (stage.reduced) {
        c.setPosition(pile.x, pile.y).setScale(0.8);
        continue;
      }
      c.setPosition(pile.x + rnd(-40, 40), -30).setScale(0.8);
      stage.scene.tweens.add({
        targets: c,
        x: pile.x,
        y: pile.y,
        duration: 700,
        delay: i * 120,
        ease: 'Bounce.easeOut',
      });
    } else {
      const t = (i + 1) / (count + 1);
      const to = { x: from.x + 120 + t * 320, y: from.y - 140 - Math.sin(t * Math.PI) * 60 };
      if (stage.reduced) {
        c.setPosition(from.x + 30 + t * 140, from.y - 30 - Math.sin(t * Math.PI) * 50).setScale(0.85);
        continue;
      }
      stage.scene.tweens.add({
        targets: c,
        x: to.x,
        y: to.y,
        alpha: { from: 1, to: 0 },
        duration: 1300,
        delay: i * 110,
        ease: 'Quad.easeOut',
        repeat: 1,
        repeatDelay: 300,
      });
      stage.scene.tweens.add({
        targets: c,
        scaleX: { from: 1, to: 0.15 },
        duration: 180,
        yoyo: true,
        repeat: 7,
        delay: i * 110,
      });
    }
  }
  const head = headOf(officer);
  const a = image(stage, `arrow-${good ? 'up' : 'down'}`, 40, 48, (ctx) => arrow(ctx, good), head.x - 62, head.y - 30);
  const c = image(stage, 'coin', 28, 28, coin, head.x - 62, head.y - 66);
  popIn(stage, a, 200);
  popIn(stage, c, 100);
}

function clockEffect(stage: Stage, spot: { x: number; y: number }, good: boolean): void {
  const face = image(stage, `clock-${good ? 'good' : 'bad'}`, 64, 64, (ctx) => clock(ctx, good), spot.x, spot.y);
  const long = image(stage, 'hand-long', 64, 64, (ctx) => clockHand(ctx, 17), spot.x, spot.y + 2);
  const short = image(stage, 'hand-short', 64, 64, (ctx) => clockHand(ctx, 11), spot.x, spot.y + 2).setAngle(120);
  const a = image(stage, `arrow-${good ? 'up' : 'down'}`, 40, 48, (ctx) => arrow(ctx, good), spot.x + 48, spot.y + 10);
  popIn(stage, face);
  popIn(stage, a, 200);
  if (stage.reduced) {
    long.setAngle(good ? 0 : 300);
    return;
  }
  stage.scene.tweens.add({ targets: long, angle: 360, duration: good ? 2400 : 500, repeat: good ? 1 : 5 });
  stage.scene.tweens.add({ targets: short, angle: 480, duration: good ? 4800 : 3000 });
}

function somethingElse(stage: Stage, spot: { x: number; y: number }, good: boolean): void {
  if (good) sparkles(stage, [spot], 4, 40);
  else popIn(stage, image(stage, 'puff', 60, 40, puff, spot.x, spot.y));
}

/** Icons that float over the stage go to different corners, so three at once stay readable. */
const SPOTS = [
  { x: 160, y: 130 },
  { x: 840, y: 130 },
  { x: 500, y: 96 },
];

export function actOut(
  stage: Stage,
  consequences: readonly Consequence[],
  glows: readonly Phaser.GameObjects.Image[],
): void {
  const shown = new Set<string>();
  let spot = 0;
  for (const c of consequences) {
    const key = `${c.concept}:${c.good}`;
    if (shown.has(key) || shown.size >= 3) continue;
    shown.add(key);
    const at = SPOTS[spot % SPOTS.length]!;
    switch (c.concept) {
      case 'innovation':
        if (c.good)
          sparkles(stage, stage.backdrop.lights.length > 0 ? stage.backdrop.lights : [at], 6 + c.strength * 2);
        else lightsFlicker(stage, glows);
        break;
      case 'trust':
        if (c.good) hearts(stage);
        else protest(stage);
        break;
      case 'market':
        if (c.good) suppliersArrive(stage);
        else supplierLeaves(stage);
        break;
      case 'risk':
        if (c.good) riskCleared(stage);
        else auditorAlert(stage);
        break;
      case 'budget':
        coinsFly(stage, at, c.good);
        break;
      case 'schedule':
        clockEffect(stage, at, c.good);
        spot++;
        break;
      case 'other':
        somethingElse(stage, at, c.good);
        spot++;
        break;
    }
  }
}

/** How the person in the spotlight takes the decision just made. */
export function react(stage: Stage, actor: Actor | undefined, mood: Mood): void {
  const who = actor ?? someone(stage, 'procurement-officer', 'mayor');
  if (!who) return;
  who.setMood(mood);
  who.say(mood === 'happy' ? 'check' : mood === 'sad' ? 'cross' : 'question');
  if (mood === 'happy') for (const a of stage.actors.values()) if (a !== who) a.nod();
  if (mood === 'sad') {
    const head = headOf(who);
    const cloud = image(stage, 'gloom', 80, 50, gloom, head.x - 40, head.y - 24);
    popIn(stage, cloud);
    if (!stage.reduced)
      stage.scene.tweens.add({
        targets: cloud,
        x: head.x - 30,
        duration: 1200,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
  }
}

export function weather(stage: Stage, kind: Weather): void {
  const { scene, backdrop } = stage;
  const indoor = backdrop.windows.length > 0;
  if (kind === 'sun' && backdrop.night) {
    const sky = Array.from({ length: 6 }, (_, i) => ({ x: 90 + i * 165, y: 70 + (i % 2) * 50 }));
    sparkles(stage, sky, 12, 70);
    return;
  }
  if (kind === 'sun') {
    const win = backdrop.windows[backdrop.windows.length - 1];
    const s = image(stage, 'sun', 200, 200, sun, win ? win.x + win.w / 2 : 860, win ? win.y + 60 : 90).setDepth(
      DEPTH.weather,
    );
    if (win) s.setScale(0.6);
    popIn(stage, s);
    if (!stage.reduced) scene.tweens.add({ targets: s, angle: 360, duration: 40_000, repeat: -1 });
    return;
  }
  const storm = kind === 'storm';
  const shade = 0x1d2433;
  if (indoor) {
    for (const w of backdrop.windows)
      stage.temp(
        scene.add
          .rectangle(w.x, w.y, w.w, w.h, shade, storm ? 0.7 : 0.45)
          .setOrigin(0)
          .setDepth(DEPTH.weather),
      );
  } else {
    stage.temp(
      scene.add
        .rectangle(0, 0, W, H, shade, storm ? 0.42 : 0.26)
        .setOrigin(0)
        .setDepth(DEPTH.weather),
    );
  }
  const areas = indoor ? backdrop.windows : [{ x: 0, y: 0, w: W + 60, h: H }];
  const drops = storm ? 90 : 45;
  const key = canvasTexture(scene, 'fx:raindrop', 6, 22, raindrop);
  for (let i = 0; i < drops; i++) {
    const area = areas[i % areas.length]!;
    const x = area.x + Math.random() * area.w;
    const drop = stage.temp(
      scene.add
        .image(x, area.y + 12 + Math.random() * (area.h - 24), key)
        .setDepth(indoor ? DEPTH.weather : DEPTH.rain)
        .setAngle(12),
    );
    if (stage.reduced) continue;
    // Indoors the rain stays inside the window panes.
    const fall = indoor ? area.h - 24 : area.h + 20;
    drop.setY(indoor ? area.y + 12 : area.y - 10);
    scene.tweens.add({
      targets: drop,
      y: drop.y + fall,
      x: x - fall * (indoor ? 0.05 : 0.2),
      duration: 420 + Math.random() * 200,
      delay: Math.random() * 700,
      repeat: -1,
    });
  }
  if (storm && !stage.reduced) {
    const win = backdrop.windows[1] ?? backdrop.windows[0];
    const b = image(stage, 'bolt', 70, 140, bolt, win ? win.x + win.w / 2 : 700, win ? win.y + win.h / 2 : 110)
      .setAlpha(0)
      .setDepth(indoor ? DEPTH.weather : DEPTH.rain);
    if (win) b.setScale(0.8);
    const flash = stage.temp(
      scene.add.rectangle(0, 0, W, H, 0xffffff, 1).setOrigin(0).setAlpha(0).setDepth(DEPTH.flash),
    );
    // Two soft flashes, once: a storm, not a strobe.
    scene.tweens.add({
      targets: [flash],
      alpha: 0.4,
      duration: 90,
      yoyo: true,
      repeat: 1,
      delay: 500,
      repeatDelay: 160,
    });
    scene.tweens.add({ targets: b, alpha: 1, duration: 90, yoyo: true, hold: 260, delay: 500 });
  }
}

const CONFETTI = ['#d9473a', '#f2c230', '#3f9a55', '#2f7dc0', '#e8506a', '#8a5ab0'];

export function ending(stage: Stage, outcome: StageCue['ending']): void {
  const { scene } = stage;
  const mood: Mood = outcome === 'success' ? 'happy' : outcome === 'failure' ? 'sad' : 'neutral';
  for (const a of stage.actors.values()) a.setMood(mood);
  if (outcome === 'success') {
    const count = stage.reduced ? 40 : 90;
    for (let i = 0; i < count; i++) {
      const colour = CONFETTI[i % CONFETTI.length]!;
      const key = canvasTexture(scene, `fx:confetti-${colour}`, 12, 8, (ctx) => confetti(ctx, colour));
      const x = Math.random() * W;
      const piece = stage.temp(
        scene.add
          .image(x, Math.random() * H * 0.55, key)
          .setDepth(DEPTH.confetti)
          .setAngle(Math.random() * 360),
      );
      if (stage.reduced) continue;
      piece.setY(-20 - Math.random() * 200);
      scene.tweens.add({
        targets: piece,
        y: H + 20,
        x: x + rnd(-80, 80),
        angle: piece.angle + rnd(-540, 540),
        duration: rnd(2600, 4200),
        delay: rnd(0, 1200),
        repeat: 2,
      });
      scene.tweens.add({ targets: piece, scaleX: 0.2, duration: rnd(200, 400), yoyo: true, repeat: -1 });
    }
    for (const a of stage.actors.values()) a.nod();
  }
  if (outcome === 'failure') {
    const dim = stage.temp(scene.add.rectangle(0, 0, W, H, 0x10141c, 0.5).setOrigin(0).setDepth(DEPTH.dim));
    if (!stage.reduced) {
      dim.setAlpha(0);
      scene.tweens.add({ targets: dim, alpha: 1, duration: 1200 });
    }
  }
}
