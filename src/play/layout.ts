// Where each place stands on the city map, shared by the Phaser drawing and the DOM buttons laid
// over it, so the keyboard and the mouse reach the same spot. Units: the map's logical size.
import type { Place } from '../engine';

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 560;

export const PLACE_POSITIONS: Readonly<Record<Place, { x: number; y: number }>> = {
  'market-square': { x: 470, y: 300 },
  'city-hall': { x: 560, y: 215 },
  'street-lights': { x: 300, y: 385 },
  'care-home': { x: 760, y: 300 },
  'innovation-lab': { x: 660, y: 420 },
  'school-kitchen': { x: 210, y: 245 },
  'bus-depot': { x: 860, y: 430 },
  'bike-station': { x: 420, y: 455 },
  'reuse-centre': { x: 120, y: 410 },
  harbour: { x: 160, y: 120 },
};
