// Reads see the writes still waiting in memory. While the disk is full, a player who just
// finished a run still finds it in their history, their best and the leaderboard, and a backup
// exported now contains it: what is queued is part of the truth, just not on disk yet.
import { bestKey, foldBests, type BestRow } from './db';
import type { Intent } from './intents';
import type { Achievement, CustomScenario, Profile, Result, Save, Settings } from './types';

/** Whether any pending write could change what a read returns; reads skip the overlay if not. */
export function touches(pending: readonly Intent[], kinds: readonly Intent['kind'][]): boolean {
  return pending.some((i) => kinds.includes(i.kind));
}

export function overlayProfiles(stored: readonly Profile[], pending: readonly Intent[]): Profile[] {
  const byId = new Map(stored.map((p) => [p.id, p]));
  for (const intent of pending) {
    if (intent.kind === 'putProfile') {
      const before = byId.get(intent.profile.id);
      const lastPlayedAt = Math.max(intent.profile.lastPlayedAt, before?.lastPlayedAt ?? 0);
      byId.set(intent.profile.id, { ...intent.profile, lastPlayedAt });
    } else if (intent.kind === 'deleteProfile') byId.delete(intent.profileId);
    else if (intent.kind === 'addResult') {
      const p = byId.get(intent.result.profileId);
      if (p && p.lastPlayedAt < intent.result.finishedAt)
        byId.set(p.id, { ...p, lastPlayedAt: intent.result.finishedAt });
    }
  }
  return [...byId.values()];
}

export function overlaySaves(
  stored: readonly Save[],
  pending: readonly Intent[],
  wanted: (profileId: string, scenarioId: string) => boolean,
): Save[] {
  const byKey = new Map(stored.map((s) => [bestKey(s.profileId, s.scenarioId), s]));
  for (const intent of pending) {
    if (intent.kind === 'putSave' && wanted(intent.save.profileId, intent.save.scenarioId)) {
      byKey.set(bestKey(intent.save.profileId, intent.save.scenarioId), intent.save);
    } else if (intent.kind === 'deleteSave') byKey.delete(bestKey(intent.profileId, intent.scenarioId));
    else if (intent.kind === 'deleteProfile') {
      for (const [k, s] of byKey) if (s.profileId === intent.profileId) byKey.delete(k);
    } else if (intent.kind === 'deleteCustomScenario') {
      for (const [k, s] of byKey) if (s.scenarioId === intent.scenarioId) byKey.delete(k);
    }
  }
  return [...byKey.values()];
}

export function overlayResults(
  stored: readonly Result[],
  pending: readonly Intent[],
  wanted: (result: Result) => boolean,
): Result[] {
  const byId = new Map(stored.map((r) => [r.id, r]));
  for (const intent of pending) {
    if (intent.kind === 'addResult' && wanted(intent.result) && !byId.has(intent.result.id)) {
      byId.set(intent.result.id, intent.result);
    } else if (intent.kind === 'deleteProfile') {
      for (const [id, r] of byId) if (r.profileId === intent.profileId) byId.delete(id);
    }
  }
  return [...byId.values()];
}

export function overlayBests(
  stored: readonly BestRow[],
  pending: readonly Intent[],
  wanted: (scenarioId: string) => boolean,
): BestRow[] {
  let bests = new Map(stored.map((b) => [bestKey(b.profileId, b.scenarioId), b]));
  for (const intent of pending) {
    if (intent.kind === 'addResult' && wanted(intent.result.scenarioId)) {
      bests = foldBests(bests.values(), [intent.result]);
    } else if (intent.kind === 'deleteProfile') {
      for (const [k, b] of bests) if (b.profileId === intent.profileId) bests.delete(k);
    }
  }
  return [...bests.values()];
}

export function overlayAchievements(
  stored: readonly Achievement[],
  pending: readonly Intent[],
  profileId: string | undefined,
): Achievement[] {
  const byKey = new Map(stored.map((a) => [bestKey(a.profileId, a.achievementId), a]));
  for (const intent of pending) {
    if (intent.kind === 'award' && (profileId === undefined || intent.achievement.profileId === profileId)) {
      const key = bestKey(intent.achievement.profileId, intent.achievement.achievementId);
      if (!byKey.has(key)) byKey.set(key, intent.achievement);
    } else if (intent.kind === 'deleteProfile') {
      for (const [k, a] of byKey) if (a.profileId === intent.profileId) byKey.delete(k);
    }
  }
  return [...byKey.values()];
}

export function overlaySettings(stored: Settings | undefined, pending: readonly Intent[]): Settings | undefined {
  let settings = stored;
  for (const intent of pending) if (intent.kind === 'putSettings') settings = intent.settings;
  return settings;
}

export function overlayCustomScenarios(
  stored: readonly CustomScenario[],
  pending: readonly Intent[],
): CustomScenario[] {
  const byId = new Map(stored.map((c) => [c.id, c]));
  for (const intent of pending) {
    if (intent.kind === 'putCustomScenario') byId.set(intent.scenario.id, intent.scenario);
    else if (intent.kind === 'deleteCustomScenario') byId.delete(intent.scenarioId);
  }
  return [...byId.values()];
}
