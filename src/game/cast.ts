// Who stands on the scenario stage and where: everyone who speaks in the scenario, in a line
// across the stage, staggered in two rows when there are many. Pure.
import { SPEAKERS, type Scenario } from '../engine';
import type { Cast } from './art/characters';

export function castOf(scenario: Scenario | undefined): Cast[] {
  const speaking = new Set<string>();
  for (const node of scenario?.nodes ?? []) if ('speaker' in node && node.speaker) speaking.add(node.speaker);
  return SPEAKERS.filter((s): s is Cast => s !== 'narrator' && speaking.has(s));
}

export interface Slot {
  x: number;
  /** The y of the feet. */
  y: number;
  scale: number;
}

export function slotsFor(count: number, floor: number, width: number): Slot[] {
  if (count === 0) return [];
  const margin = count > 5 ? 90 : 160;
  const span = width - margin * 2;
  const spacing = count === 1 ? 0 : Math.min(190, span / (count - 1));
  const start = width / 2 - (spacing * (count - 1)) / 2;
  return Array.from({ length: count }, (_, i) => {
    const back = count > 5 && i % 2 === 0;
    return { x: start + i * spacing, y: back ? floor - 22 : floor, scale: back ? 0.82 : 0.9 };
  });
}
