// The scenario stage: the place the scenario happens (a street at dusk, the market square, the
// city hall meeting room) and its people. Each step of the run is acted out: the speaker steps
// into the spotlight, decisions get a reaction, consequences and events show in the world.
// All of it is read from the play store; the scene decides nothing.
import Phaser from 'phaser';
import type { Scenario, Speaker } from '../../engine';
import { MAP_HEIGHT as H, MAP_WIDTH as W } from '../../play/layout';
import type { PlayState, RunSnapshot } from '../../play/store';
import { backdropFor, type BackdropArt } from '../art/backdrops';
import { LOOKS, type Look, type Mood } from '../art/characters';
import { mix, num } from '../art/color';
import { beam, glow, spotlight } from '../art/props';
import { castOf, slotsFor } from '../cast';
import { conceptOf, stageCue, type StageCue } from '../consequences';
import { SCENES, type GameContext } from '../context';
import { followLegibleScale } from '../legible';
import { canvasTexture } from '../textures';
import { Actor } from './stage';
import { actOut, ending, react, weather, type Stage } from './stageEffects';

/** Old sodium lamps glow orange; new LED lights white. */
const WARM = '#ffc46b';
const COOL = '#eaf6ff';

export class ScenarioScene extends Phaser.Scene {
  private reduced = false;
  private backdrop!: BackdropArt;
  private actors = new Map<string, Actor>();
  private extras: Actor[] = [];
  private temps: Phaser.GameObjects.GameObject[] = [];
  private timers: Phaser.Time.TimerEvent[] = [];
  private glows: Phaser.GameObjects.Image[] = [];
  private beams: (Phaser.GameObjects.Image | undefined)[] = [];
  private spot!: Phaser.GameObjects.Image;
  private shownStep = '';
  private scenario: Scenario | undefined;
  private lightLevel = -1;
  private bubbleScale = 1;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly context: GameContext) {
    super({ key: SCENES.scenario });
  }

  create(): void {
    const state = this.context.store.getState();
    this.reduced = state.settings.reducedMotion;
    this.actors = new Map();
    this.extras = [];
    this.temps = [];
    this.timers = [];
    this.glows = [];
    this.beams = [];
    this.shownStep = '';
    this.lightLevel = -1;

    const entry = state.catalogue.find((e) => e.scenario.id === state.run?.scenarioId);
    this.scenario = entry?.scenario;
    this.backdrop = backdropFor(entry?.place);
    this.add
      .image(
        0,
        0,
        canvasTexture(this, this.backdrop.key, W, H, (ctx) => this.backdrop.draw(ctx)),
      )
      .setOrigin(0)
      .setDepth(0);
    const glowKey = canvasTexture(this, 'fx:glow', 128, 128, glow);
    const beamKey = canvasTexture(this, 'fx:beam', 240, 256, beam);
    for (const light of this.backdrop.lights) {
      this.beams.push(
        light.beam === undefined
          ? undefined
          : this.add
              .image(light.x, light.y + 4, beamKey)
              .setOrigin(0.5, 0)
              .setScale(light.beam / 256)
              .setBlendMode(Phaser.BlendModes.ADD)
              .setDepth(4),
      );
      this.glows.push(
        this.add
          .image(light.x, light.y, glowKey)
          .setScale((light.r * 2) / 128)
          .setBlendMode(Phaser.BlendModes.ADD)
          .setDepth(5),
      );
    }
    this.spot = this.add
      .image(0, 0, canvasTexture(this, 'fx:spotlight', 200, 60, spotlight))
      .setVisible(false)
      .setDepth(6);

    const cast = castOf(entry?.scenario);
    const slots = slotsFor(cast.length, this.backdrop.floor, W);
    cast.forEach((speaker, i) =>
      this.actors.set(speaker, new Actor(this, speaker, LOOKS[speaker], slots[i]!, this.reduced)),
    );

    followLegibleScale(
      this,
      (scale) => {
        this.bubbleScale = scale;
        for (const actor of [...this.actors.values(), ...this.extras]) actor.setBubbleScale(scale);
      },
      1.5,
    );
    if (state.run) this.show(state.run);
    this.unsubscribe = this.context.store.subscribe((s) => this.sync(s));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.cleanup);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.cleanup);
    this.context.bus.emit('scene:ready', { scene: 'scenario' });
  }

  /** Stops listening to the store; runs on shutdown (a scene switch or restart) and on destroy. */
  private readonly cleanup = (): void => {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.cleanup);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.cleanup);
  };

  private sync(state: PlayState): void {
    if (state.settings.reducedMotion !== this.reduced) {
      this.scene.restart();
      return;
    }
    if (state.run) this.show(state.run);
  }

  private show(run: RunSnapshot): void {
    const step = `${run.step}:${run.view.node}:${run.view.kind}`;
    if (step === this.shownStep) return;
    this.shownStep = step;
    const cue = stageCue(run.view, run.metrics, this.speakerOf(run.view.node));
    this.clearStep();

    const inLight = cue.speaker ? this.actors.get(cue.speaker) : undefined;
    for (const actor of this.actors.values()) actor.spotlight(actor === inLight);
    this.showSpotlight(inLight);
    if (inLight && run.view.kind !== 'feedback') inLight.say('talk');

    this.setLights(this.lightLevelOf(run, cue), cue.ending === null);
    const stage = this.stage();
    if (cue.mood) react(stage, inLight, cue.mood);
    actOut(stage, cue.consequences, this.glows);
    if (cue.weather) weather(stage, cue.weather);
    if (cue.ending) ending(stage, cue.ending);
  }

  /** Who speaks at a node: feedback has no speaker of its own, but its decision node does. */
  private speakerOf(nodeId: string): Speaker | undefined {
    const node = this.scenario?.nodes.find((n) => n.id === nodeId);
    return node && 'speaker' in node ? node.speaker : undefined;
  }

  /** The lights follow the innovation metric; an ending switches them all on, or off. */
  private lightLevelOf(run: RunSnapshot, cue: StageCue): number {
    if (cue.ending === 'success') return 1;
    if (cue.ending === 'failure') return 0;
    const metric = run.metrics.find((m) => conceptOf(m) === 'innovation');
    if (!metric) return 0.5;
    const share = (metric.value - metric.min) / Math.max(1, metric.max - metric.min);
    return metric.better === 'lower' ? 1 - share : share;
  }

  private setLights(level: number, animate: boolean): void {
    if (Math.abs(level - this.lightLevel) < 0.001) return;
    this.lightLevel = level;
    const colour = num(mix(WARM, COOL, level));
    this.glows.forEach((g, i) => {
      const light = this.backdrop.lights[i]!;
      const alpha = level <= 0 ? 0 : 0.3 + 0.65 * level;
      const scale = ((light.r * 2) / 128) * (0.75 + 0.45 * level);
      g.setTint(colour);
      this.tweens.killTweensOf(g);
      if (this.reduced || !animate) g.setAlpha(alpha).setScale(scale);
      else this.tweens.add({ targets: g, alpha, scale, duration: 900, ease: 'Sine.easeInOut' });
      const b = this.beams[i];
      if (!b) return;
      b.setTint(colour);
      this.tweens.killTweensOf(b);
      if (this.reduced || !animate) b.setAlpha(alpha * 0.6);
      else this.tweens.add({ targets: b, alpha: alpha * 0.6, duration: 900, ease: 'Sine.easeInOut' });
    });
  }

  private showSpotlight(actor: Actor | undefined): void {
    this.tweens.killTweensOf(this.spot);
    if (!actor) {
      this.spot.setVisible(false);
      return;
    }
    const { x, y, scale } = actor.home;
    this.spot
      .setVisible(true)
      .setPosition(x, y + 18)
      .setScale(scale * 0.9);
    if (!this.reduced) {
      this.spot.setAlpha(0);
      this.tweens.add({ targets: this.spot, alpha: 1, duration: 300 });
    }
  }

  private clearStep(): void {
    for (const timer of this.timers) timer.remove();
    this.timers = [];
    for (const object of this.temps) {
      this.tweens.killTweensOf(object);
      object.destroy();
    }
    this.temps = [];
    for (const extra of this.extras) extra.destroy();
    this.extras = [];
    for (const actor of this.actors.values()) {
      actor.goHome();
      actor.setMood('neutral');
    }
  }

  private stage(): Stage {
    return {
      scene: this,
      reduced: this.reduced,
      backdrop: this.backdrop,
      actors: this.actors,
      temp: (object) => {
        this.temps.push(object);
        return object;
      },
      extra: (id: string, look: Look, mood: Mood, from, to, delay = 0) => {
        const actor = new Actor(this, id, look, { x: from.x, y: from.y, scale: to.scale }, this.reduced);
        actor.setMood(mood);
        actor.setBubbleScale(this.bubbleScale);
        this.extras.push(actor);
        if (this.reduced) actor.moveTo(to.x, to.y, to.scale, 0);
        else this.timers.push(this.time.delayedCall(delay, () => actor.moveTo(to.x, to.y, to.scale, 1600)));
        return actor;
      },
      later: (ms, run) => {
        this.timers.push(this.time.delayedCall(ms, run));
      },
    };
  }
}
