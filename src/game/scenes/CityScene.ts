// The city map: a Baltic harbour town with the places of the campaign. It reads the play store
// (which places are locked, open or completed; which one has the keyboard focus) and reports
// the pointer through the bus. It decides nothing.
import Phaser from 'phaser';
import { PLACES, type Place } from '../../engine';
import type { PlaceCard } from '../../play/catalogue';
import { MAP_HEIGHT, MAP_WIDTH, PLACE_POSITIONS } from '../../play/layout';
import type { PlayState } from '../../play/store';
import { LOCKED, NATURAL } from '../art/color';
import { drawCity } from '../art/city';
import { focusRing, halo, MARKER_SIZE, padlock, pin, star, STAR_SIZE, starPlate } from '../art/markers';
import { PLACE_ART, PLACE_BOX } from '../art/places';
import { SCENES, type GameContext } from '../context';
import { followLegibleScale } from '../legible';
import { canvasTexture } from '../textures';
import { startAmbientLife } from './cityLife';

type Status = PlaceCard['status'] | 'scenery';

interface PlaceView {
  place: Place;
  image: Phaser.GameObjects.Image;
  zone: Phaser.GameObjects.Zone;
  ring: Phaser.GameObjects.Image;
  marker: Phaser.GameObjects.Container;
  card: PlaceCard | undefined;
  /** What is drawn now (status and stars), to redraw only what changed. */
  shown: string;
}

const DEPTH = { base: 0, place: 10, traffic: 11, clouds: 20, ring: 29, marker: 30 } as const;

export class CityScene extends Phaser.Scene {
  private views = new Map<Place, PlaceView>();
  private reducedMotion = false;
  private focused: string | null = null;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly context: GameContext) {
    super({ key: SCENES.city });
  }

  create(): void {
    const state = this.context.store.getState();
    this.reducedMotion = state.settings.reducedMotion;
    this.views = new Map();
    this.focused = null;

    this.add
      .image(0, 0, canvasTexture(this, 'city:base', MAP_WIDTH, MAP_HEIGHT, drawCity))
      .setOrigin(0)
      .setDepth(DEPTH.base);
    for (const place of PLACES) this.views.set(place, this.createPlace(place));
    if (!this.reducedMotion) startAmbientLife(this, { traffic: DEPTH.traffic, clouds: DEPTH.clouds });

    followLegibleScale(this, (scale) => {
      for (const view of this.views.values()) view.marker.setScale(scale);
    });
    this.sync(state);
    this.unsubscribe = this.context.store.subscribe((s) => this.sync(s));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.cleanup);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.cleanup);
    this.context.bus.emit('scene:ready', { scene: 'city' });
  }

  /** Stops listening to the store; runs on shutdown (a scene switch or restart) and on destroy. */
  private readonly cleanup = (): void => {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.cleanup);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.cleanup);
  };

  private placeTexture(place: Place, locked: boolean): string {
    const art = PLACE_ART[place];
    const tone = locked ? LOCKED : NATURAL;
    return canvasTexture(
      this,
      `place:${place}:${locked ? 'locked' : 'natural'}`,
      PLACE_BOX.width,
      PLACE_BOX.height,
      (ctx) => {
        ctx.translate(PLACE_BOX.originX, PLACE_BOX.originY);
        art.draw(ctx, tone);
      },
    );
  }

  private createPlace(place: Place): PlaceView {
    const { x, y } = PLACE_POSITIONS[place];
    const art = PLACE_ART[place];
    const image = this.add
      .image(x, y, this.placeTexture(place, false))
      .setOrigin(PLACE_BOX.originX / PLACE_BOX.width, PLACE_BOX.originY / PLACE_BOX.height)
      .setDepth(DEPTH.place + y / 1000);
    const rx = art.radius + 6;
    const ry = art.radius * 0.72;
    const ringKey = canvasTexture(this, `ring:${place}`, rx * 2 + 12, ry * 2 + 12, (ctx) => focusRing(ctx, rx, ry));
    const ring = this.add.image(x, y, ringKey).setDepth(DEPTH.ring).setVisible(false);
    const zone = this.add.zone(x, y, art.radius * 2, art.radius * 2);
    const marker = this.add.container(x, y + art.markerY).setDepth(DEPTH.marker);
    const view: PlaceView = { place, image, zone, ring, marker, card: undefined, shown: '' };

    zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => {
      if (!view.card) return;
      this.lift(view, true);
      this.context.bus.emit('place:hover', { scenarioId: view.card.scenarioId });
    });
    zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      if (!view.card) return;
      this.lift(view, false);
      this.context.bus.emit('place:hover', { scenarioId: null });
    });
    zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => {
      if (view.card) this.context.bus.emit('place:select', { scenarioId: view.card.scenarioId });
    });
    return view;
  }

  /** A small lift under the pointer: feedback only, the store's focus draws the ring. */
  private lift(view: PlaceView, up: boolean): void {
    const scale = up ? 1.05 : 1;
    this.tweens.killTweensOf(view.image);
    if (this.reducedMotion) view.image.setScale(scale);
    else this.tweens.add({ targets: view.image, scale, duration: 140, ease: 'Sine.easeOut' });
  }

  private sync(state: PlayState): void {
    if (state.settings.reducedMotion !== this.reducedMotion) {
      this.scene.restart();
      return;
    }
    const cards = new Map<Place, PlaceCard>();
    for (const card of state.cards()) if (!cards.has(card.place)) cards.set(card.place, card);
    for (const view of this.views.values()) this.showStatus(view, cards.get(view.place));
    if (state.focusedPlace !== this.focused) {
      this.focused = state.focusedPlace;
      for (const view of this.views.values())
        this.showFocus(view, view.card !== undefined && view.card.scenarioId === this.focused);
    }
  }

  private showStatus(view: PlaceView, card: PlaceCard | undefined): void {
    view.card = card;
    const status: Status = card?.status ?? 'scenery';
    const shown = `${status}:${card?.stars ?? 0}`;
    if (shown === view.shown) return;
    view.shown = shown;
    view.image.setTexture(this.placeTexture(view.place, status === 'locked'));
    const art = PLACE_ART[view.place];
    if (card) {
      if (!view.zone.input)
        view.zone.setInteractive(
          new Phaser.Geom.Circle(art.radius, art.radius, art.radius),
          (area: Phaser.Geom.Circle, x: number, y: number) => area.contains(x, y),
        );
      if (view.zone.input) view.zone.input.cursor = 'pointer';
    } else if (view.zone.input) {
      view.zone.disableInteractive();
    }
    for (const child of view.marker.list) this.tweens.killTweensOf(child);
    view.marker.removeAll(true);
    if (status === 'open') this.openMarker(view.marker);
    else if (status === 'locked')
      view.marker.add(this.add.image(0, 0, canvasTexture(this, 'marker:lock', MARKER_SIZE, MARKER_SIZE, padlock)));
    else if (status === 'completed') this.starsMarker(view.marker, card?.stars ?? 0);
  }

  private openMarker(marker: Phaser.GameObjects.Container): void {
    const ring = this.add.image(0, 4, canvasTexture(this, 'marker:halo', MARKER_SIZE, MARKER_SIZE, halo));
    const badge = this.add.image(0, 0, canvasTexture(this, 'marker:pin', MARKER_SIZE, MARKER_SIZE, pin));
    marker.add([ring, badge]);
    if (this.reducedMotion) {
      ring.setAlpha(0.7).setScale(1.1);
      return;
    }
    this.tweens.add({ targets: badge, y: -6, duration: 900, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    this.tweens.add({
      targets: ring,
      scale: { from: 0.7, to: 1.8 },
      alpha: { from: 0.9, to: 0 },
      duration: 1600,
      repeat: -1,
      ease: 'Sine.easeOut',
    });
  }

  private starsMarker(marker: Phaser.GameObjects.Container, stars: number): void {
    const width = 3 * STAR_SIZE + 10;
    marker.add(
      this.add.image(
        0,
        0,
        canvasTexture(this, 'marker:plate', width, 30, (ctx) => starPlate(ctx, width)),
      ),
    );
    for (let i = 0; i < 3; i++) {
      const earned = i < stars;
      const key = canvasTexture(this, `marker:star:${earned ? 'on' : 'off'}`, STAR_SIZE, STAR_SIZE, (ctx) =>
        star(ctx, earned),
      );
      marker.add(this.add.image((i - 1) * STAR_SIZE, 0, key));
    }
  }

  private showFocus(view: PlaceView, focused: boolean): void {
    this.tweens.killTweensOf(view.ring);
    view.ring.setVisible(focused).setScale(1).setAlpha(1);
    if (focused && !this.reducedMotion) {
      this.tweens.add({
        targets: view.ring,
        scale: 1.04,
        duration: 700,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
  }
}
