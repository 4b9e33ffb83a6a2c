// Merging records from a backup into the database, in one transaction: a file is imported
// entirely or not at all. What is already here wins: profiles by id, results by id,
// achievements by profile and id; a save or a custom scenario replaces one only if it is newer.
import { bestKey, foldBests, refreshTotals, type PpiDatabase } from './db';
import type { Achievement, CustomScenario, ImportSummary, Profile, Result, Save } from './types';

export interface RecordSet {
  profiles: Profile[];
  results: Result[];
  achievements: Achievement[];
  saves: Save[];
  customScenarios?: CustomScenario[];
}

export async function mergeRecords(db: PpiDatabase, records: RecordSet): Promise<ImportSummary> {
  const summary: ImportSummary = {
    profilesAdded: 0,
    resultsAdded: 0,
    achievementsAdded: 0,
    savesAdded: 0,
    scenariosAdded: 0,
    duplicatesSkipped: 0,
  };
  const tables = [db.profiles, db.results, db.bests, db.totals, db.achievements, db.saves, db.customScenarios];
  await db.transaction('rw', tables, async () => {
    const profiles = unique(records.profiles, (p) => p.id);
    const knownProfiles = await db.profiles.bulkGet(profiles.map((p) => p.id));
    const newProfiles = profiles.filter((_, i) => knownProfiles[i] === undefined);
    await db.profiles.bulkAdd(newProfiles);
    summary.profilesAdded = newProfiles.length;

    const results = unique(records.results, (r) => r.id);
    const knownResults = await db.results.bulkGet(results.map((r) => r.id));
    const newResults = results.filter((_, i) => knownResults[i] === undefined);
    await db.results.bulkAdd(newResults);
    summary.resultsAdded = newResults.length;
    await updateBests(db, newResults);
    await updateLastPlayed(db, newResults);

    const achievements = unique(records.achievements, (a) => bestKey(a.profileId, a.achievementId));
    const knownAchievements = await db.achievements.bulkGet(achievements.map((a) => [a.profileId, a.achievementId]));
    const newAchievements = achievements.filter((_, i) => knownAchievements[i] === undefined);
    await db.achievements.bulkAdd(newAchievements);
    summary.achievementsAdded = newAchievements.length;

    const saves = unique(records.saves, (s) => bestKey(s.profileId, s.scenarioId));
    const knownSaves = await db.saves.bulkGet(saves.map((s) => [s.profileId, s.scenarioId]));
    const newerSaves = saves.filter((s, i) => (knownSaves[i]?.savedAt ?? -Infinity) < s.savedAt);
    await db.saves.bulkPut(newerSaves);
    summary.savesAdded = newerSaves.length;

    const scenarios = unique(records.customScenarios ?? [], (c) => c.id);
    const knownScenarios = await db.customScenarios.bulkGet(scenarios.map((c) => c.id));
    const newerScenarios = scenarios.filter((c, i) => (knownScenarios[i]?.addedAt ?? -Infinity) < c.addedAt);
    await db.customScenarios.bulkPut(newerScenarios);
    summary.scenariosAdded = newerScenarios.length;

    const total =
      records.profiles.length +
      records.results.length +
      records.achievements.length +
      records.saves.length +
      (records.customScenarios?.length ?? 0);
    summary.duplicatesSkipped =
      total -
      summary.profilesAdded -
      summary.resultsAdded -
      summary.achievementsAdded -
      summary.savesAdded -
      summary.scenariosAdded;
  });
  return summary;
}

async function updateBests(db: PpiDatabase, results: readonly Result[]): Promise<void> {
  if (results.length === 0) return;
  const pairs = unique(
    results.map((r): [string, string] => [r.profileId, r.scenarioId]),
    (k) => bestKey(...k),
  );
  const known = (await db.bests.bulkGet(pairs)).filter((b) => b !== undefined);
  const folded = foldBests(known, results);
  const knownById = new Set(known.map((b) => b.resultId));
  const changed = [...folded.values()].filter((b) => !knownById.has(b.resultId));
  await db.bests.bulkPut(changed);
  await refreshTotals(
    db,
    changed.map((b) => b.profileId),
  );
}

async function updateLastPlayed(db: PpiDatabase, results: readonly Result[]): Promise<void> {
  const latest = new Map<string, number>();
  for (const r of results) latest.set(r.profileId, Math.max(latest.get(r.profileId) ?? 0, r.finishedAt));
  const ids = [...latest.keys()];
  const profiles = await db.profiles.bulkGet(ids);
  const changed = profiles
    .filter((p) => p !== undefined && p.lastPlayedAt < latest.get(p.id)!)
    .map((p) => ({ ...p!, lastPlayedAt: latest.get(p!.id)! }));
  await db.profiles.bulkPut(changed);
}

/** First occurrence wins: a file that repeats a record counts the repeats as duplicates. */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
