// The scenario format's plain values: ids of speakers, places, difficulties, qualities, outcomes,
// comparisons and node kinds, and the format's limits. No zod here (schema.ts builds on these), so
// the UI and the game can use them without loading the schema.
import { DEFAULT_JSON_LIMITS } from './json';

export const FORMAT_VERSION = 1;

export const MAX_NODES = 20_000;
export const MAX_TEXT_CHARS = 4_000;
/** The largest scenario file the loader reads (bytes, or characters of text). */
export const MAX_FILE_BYTES = DEFAULT_JSON_LIMITS.maxChars;

export const SPEAKERS = [
  'narrator',
  'mayor',
  'procurement-officer',
  'supplier',
  'citizen',
  'auditor',
  'legal-adviser',
  'engineer',
  'end-user',
] as const;
export type Speaker = (typeof SPEAKERS)[number];

/** Places of the city map a scenario can stand at. */
export const PLACES = [
  'city-hall',
  'market-square',
  'street-lights',
  'care-home',
  'innovation-lab',
  'school-kitchen',
  'bus-depot',
  'bike-station',
  'reuse-centre',
  'harbour',
] as const;
export type Place = (typeof PLACES)[number];

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How good a decision is, as an expert would judge it from the cited source. */
export const QUALITIES = ['best', 'good', 'weak', 'poor'] as const;
export type Quality = (typeof QUALITIES)[number];

export const OUTCOMES = ['success', 'mixed', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const NODE_KINDS = ['narrative', 'decision', 'branch', 'event', 'ending'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
