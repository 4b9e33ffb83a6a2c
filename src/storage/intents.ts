// Every kind of write, as data. A write is described before it is attempted so that it can wait
// in the writer's queue, be retried, and be overlaid on reads while it waits. Each one is
// idempotent: applying it twice leaves the same database as applying it once.
import { bestKey, bestRowOf, compareRuns, refreshTotals, type PpiDatabase } from './db';
import type { Achievement, CustomScenario, Profile, Result, Save, Settings } from './types';

export type Intent =
  | { kind: 'putProfile'; profile: Profile }
  | { kind: 'deleteProfile'; profileId: string }
  | { kind: 'putSave'; save: Save }
  | { kind: 'deleteSave'; profileId: string; scenarioId: string }
  | { kind: 'addResult'; result: Result }
  | { kind: 'award'; achievement: Achievement }
  | { kind: 'putSettings'; settings: Settings }
  | { kind: 'putCustomScenario'; scenario: CustomScenario }
  | { kind: 'deleteCustomScenario'; scenarioId: string };

export const SETTINGS_KEY = 'device';

/** Writes with the same key replace each other in the queue: only the latest state matters. */
export function keyOf(intent: Intent): string {
  switch (intent.kind) {
    case 'putProfile':
    case 'deleteProfile':
      return `profile ${profileOf(intent)}`;
    case 'putSave':
      return `save ${bestKey(intent.save.profileId, intent.save.scenarioId)}`;
    case 'deleteSave':
      return `save ${bestKey(intent.profileId, intent.scenarioId)}`;
    case 'addResult':
      return `result ${intent.result.id}`;
    case 'award':
      return `award ${bestKey(intent.achievement.profileId, intent.achievement.achievementId)}`;
    case 'putSettings':
      return 'settings';
    case 'putCustomScenario':
      return `custom ${intent.scenario.id}`;
    case 'deleteCustomScenario':
      return `custom ${intent.scenarioId}`;
  }
}

/** The profile a write belongs to, if any. */
export function profileOf(intent: Intent): string | undefined {
  switch (intent.kind) {
    case 'putProfile':
      return intent.profile.id;
    case 'deleteProfile':
    case 'deleteSave':
      return intent.profileId;
    case 'putSave':
      return intent.save.profileId;
    case 'addResult':
      return intent.result.profileId;
    case 'award':
      return intent.achievement.profileId;
    case 'putSettings':
    case 'putCustomScenario':
    case 'deleteCustomScenario':
      return undefined;
  }
}

export async function applyIntent(db: PpiDatabase, intent: Intent): Promise<void> {
  switch (intent.kind) {
    case 'putProfile':
      return putProfile(db, intent.profile);
    case 'deleteProfile':
      return deleteProfile(db, intent.profileId);
    case 'putSave':
      await db.saves.put(intent.save);
      return;
    case 'deleteSave':
      return db.saves.delete([intent.profileId, intent.scenarioId]);
    case 'addResult':
      return addResult(db, intent.result);
    case 'award':
      return award(db, intent.achievement);
    case 'putSettings':
      await db.settings.put({ key: SETTINGS_KEY, value: { ...intent.settings } });
      return;
    case 'putCustomScenario':
      await db.customScenarios.put(intent.scenario);
      return;
    case 'deleteCustomScenario':
      return deleteCustomScenario(db, intent.scenarioId);
  }
}

function deleteCustomScenario(db: PpiDatabase, scenarioId: string): Promise<void> {
  // The scenario and every unfinished run of it go together. Finished results stay: they are the
  // players' history, and their rows name the scenario by id only.
  return db.transaction('rw', [db.customScenarios, db.saves], async () => {
    await db.customScenarios.delete(scenarioId);
    await db.saves.filter((s) => s.scenarioId === scenarioId).delete();
  });
}

function putProfile(db: PpiDatabase, profile: Profile): Promise<void> {
  return db.transaction('rw', db.profiles, async () => {
    // A rename that waited in the queue must not undo a later `lastPlayedAt`.
    const existing = await db.profiles.get(profile.id);
    await db.profiles.put({ ...profile, lastPlayedAt: Math.max(profile.lastPlayedAt, existing?.lastPlayedAt ?? 0) });
  });
}

function deleteProfile(db: PpiDatabase, profileId: string): Promise<void> {
  // One transaction: a profile is never half deleted.
  const tables = [db.profiles, db.saves, db.results, db.bests, db.totals, db.achievements];
  return db.transaction('rw', tables, async () => {
    await db.profiles.delete(profileId);
    await db.totals.delete(profileId);
    await db.saves.where('profileId').equals(profileId).delete();
    await db.results.where('profileId').equals(profileId).delete();
    await db.bests.where('profileId').equals(profileId).delete();
    await db.achievements.where('profileId').equals(profileId).delete();
  });
}

function addResult(db: PpiDatabase, result: Result): Promise<void> {
  return db.transaction('rw', [db.results, db.bests, db.totals, db.profiles], async () => {
    if ((await db.results.get(result.id)) !== undefined) return;
    await db.results.add(result);
    const best = await db.bests.get([result.profileId, result.scenarioId]);
    const candidate = bestRowOf(result);
    if (!best || compareRuns(candidate, best) < 0) {
      await db.bests.put(candidate);
      await refreshTotals(db, [result.profileId]);
    }
    const profile = await db.profiles.get(result.profileId);
    if (profile && profile.lastPlayedAt < result.finishedAt) {
      await db.profiles.update(result.profileId, { lastPlayedAt: result.finishedAt });
    }
  });
}

function award(db: PpiDatabase, achievement: Achievement): Promise<void> {
  return db.transaction('rw', db.achievements, async () => {
    const key: [string, string] = [achievement.profileId, achievement.achievementId];
    // The first time it was earned is the one that counts.
    if ((await db.achievements.get(key)) === undefined) await db.achievements.add(achievement);
  });
}
