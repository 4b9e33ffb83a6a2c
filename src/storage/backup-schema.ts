// The backup file format, version 1, as a zod schema. A backup crosses a boundary (it may have
// been edited, truncated or forged), so every field is checked for type and for a sane range
// before anything reaches the database.
import { z } from 'zod';
import { MAX_FILE_BYTES, OUTCOMES, QUALITIES } from '../engine';
import type { Achievement, CustomScenario, Profile, Result, Save } from './types';

export const BACKUP_FORMAT = 'ppi-quest-backup';
export const BACKUP_VERSION = 1;

/** Enough for years of workshops on one laptop; far below what would hang a phone. */
export const MAX_BACKUP_CHARS = 32 * 1024 * 1024;
/** Saved snapshots nest a few levels; nothing legitimate comes near this. */
export const MAX_BACKUP_DEPTH = 32;

const MAX_ID_CHARS = 128;
const MAX_NAME_CHARS = 40;
const MAX_VERSION_CHARS = 64;
/** Epoch milliseconds: from 2020 (before the game existed) to 2200. */
const MIN_TIME = Date.UTC(2020, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);
/** A run left open for a month is the longest that still makes sense. */
const MAX_DURATION_MS = 31 * 24 * 3600 * 1000;
const MAX_METRIC = 1e9;
const MAX_FILE_NAME_CHARS = 255;
/** Far more than anyone authors; each may be large, and all must fit in one backup file. */
const MAX_CUSTOM_SCENARIOS = 1_000;

// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const text = (max: number) =>
  z.string().min(1, 'must not be empty').max(max).regex(NO_CONTROL, 'must not contain control characters');
const id = text(MAX_ID_CHARS);
const time = z.number().int().min(MIN_TIME, 'not a plausible date').max(MAX_TIME, 'not a plausible date');
const duration = z.number().int().min(0).max(MAX_DURATION_MS);
const seed = z.number().int().min(0).max(0xffffffff);

const ProfileSchema = z
  .object({ id, name: text(MAX_NAME_CHARS), createdAt: time, lastPlayedAt: time.optional() })
  .transform((p): Profile => ({ ...p, lastPlayedAt: Math.max(p.createdAt, p.lastPlayedAt ?? p.createdAt) }));

const ResultSchema = z.object({
  id,
  profileId: id,
  profileName: text(MAX_NAME_CHARS),
  scenarioId: id,
  scenarioVersion: text(MAX_VERSION_CHARS),
  seed,
  decisions: z
    .array(
      z.object({
        node: id,
        option: id,
        quality: z.enum(QUALITIES),
        timedOut: z.boolean(),
        atMs: duration,
      }),
    )
    .max(10_000),
  metrics: z
    .record(id, z.number().min(-MAX_METRIC).max(MAX_METRIC))
    .refine((m) => Object.keys(m).length <= 1_000, 'too many metrics'),
  score: z.object({
    raw: z.number().min(0).max(100),
    scaled: z.number().min(0).max(100),
    stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  }),
  outcome: z.enum(OUTCOMES),
  ending: id,
  durationMs: duration,
  finishedAt: time,
}) satisfies z.ZodType<Result>;

const AchievementSchema = z.object({ profileId: id, achievementId: id, at: time }) satisfies z.ZodType<Achievement>;

const SaveSchema = z.object({
  profileId: id,
  scenarioId: id,
  scenarioVersion: text(MAX_VERSION_CHARS),
  seed,
  // The engine checks a snapshot's shape when it resumes it and refuses a damaged one.
  snapshot: z.record(z.string(), z.unknown()),
  step: z.number().int().min(0).max(10_000_000),
  timer: z.object({ node: id, remainingMs: duration }).optional(),
  savedAt: time,
}) satisfies z.ZodType<Save>;

// The text is checked as a scenario by backup.ts (with the engine's loader) after this schema.
const CustomScenarioSchema = z.object({
  id,
  fileName: z.string().min(1).max(MAX_FILE_NAME_CHARS).regex(NO_CONTROL, 'must not contain control characters'),
  text: z.string().max(MAX_FILE_BYTES),
  scenarioVersion: text(MAX_VERSION_CHARS),
  addedAt: time,
}) satisfies z.ZodType<CustomScenario>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  profiles: Profile[];
  results: Result[];
  achievements: Achievement[];
  saves?: Save[];
  /** Scenarios the players opened from files (added in the same format version: optional). */
  customScenarios?: CustomScenario[];
}

export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string().max(64),
    profiles: z.array(ProfileSchema).max(10_000),
    results: z.array(ResultSchema).max(500_000),
    achievements: z.array(AchievementSchema).max(100_000),
    saves: z.array(SaveSchema).max(10_000).optional(),
    customScenarios: z.array(CustomScenarioSchema).max(MAX_CUSTOM_SCENARIOS).optional(),
  })
  .superRefine((backup, ctx) => {
    // Every record belongs to a profile in the file: a stray one would be an orphan here.
    const profiles = new Set(backup.profiles.map((p) => p.id));
    const lists = { results: backup.results, achievements: backup.achievements, saves: backup.saves ?? [] };
    for (const [list, items] of Object.entries(lists)) {
      const index = items.findIndex((item) => !profiles.has(item.profileId));
      if (index !== -1) {
        ctx.addIssue({
          code: 'custom',
          path: [list, index, 'profileId'],
          message: 'names a profile the file does not contain',
        });
        return;
      }
    }
  }) satisfies z.ZodType<Backup>;
