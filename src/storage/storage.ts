// GameStorage: the one object the play store talks to for everything the game keeps. Plain async
// methods, no React. Writes never reject for storage failures: they go through the writer, which
// keeps and retries them, and the status says what is happening. Reads see pending writes.
import { Dexie } from 'dexie';
import {
  BEST_RANK_INDEX,
  compareRuns,
  compareTotals,
  DATABASE_NAME,
  TOTAL_RANK_INDEX,
  totalsOf,
  type PpiDatabase,
  type TotalRow,
} from './db';
import { describeError, StorageError } from './errors';
import { newId } from './ids';
import { applyIntent, keyOf, profileOf, SETTINGS_KEY, type Intent } from './intents';
import { mergeRecords, type RecordSet } from './merge';
import { memoryIndexedDB, openDatabase, type Opened } from './open';
import {
  overlayAchievements,
  overlayBests,
  overlayCustomScenarios,
  overlayProfiles,
  overlayResults,
  overlaySaves,
  overlaySettings,
  touches,
} from './overlay';
import { CHANNEL_NAME, TabChannel, type TabMessage } from './tabs';
import type {
  Achievement,
  CustomScenario,
  ImportSummary,
  LeaderboardEntry,
  OverallEntry,
  Profile,
  Result,
  Save,
  Settings,
  StatusReason,
  StatusReport,
  WriteOutcome,
} from './types';
import { Writer, type WriteOptions } from './writer';
import type { DatabaseDependencies } from './db';

export interface StorageOptions {
  /** Database name; tests use a fresh one (or a fresh `indexedDB`) each. */
  name?: string;
  /** The IndexedDB to use; default the browser's. `null` behaves as if there were none. */
  indexedDB?: IDBFactory | null;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Where the in-memory fallback comes from; default a lazily loaded fake-indexeddb. */
  memory?: () => Promise<DatabaseDependencies>;
  /** Give up on a hanging open after this long and play in memory. Generous: a migration may run. */
  openTimeoutMs?: number;
  /** How long an upgrade blocked by another tab waits for it before playing in memory. */
  blockedGraceMs?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /** BroadcastChannel name for telling other tabs about writes; `null` for none. */
  channelName?: string | null;
  /** Runs on the Dexie instance before it opens: middleware (tests inject disk failures here). */
  configure?: (db: Dexie) => void;
  /** Clock for `createdAt`; tests pin it. */
  now?: () => number;
}

export const OPEN_TIMEOUT_MS = 10_000;
export const BLOCKED_GRACE_MS = 2_000;
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 30_000;
export const PROFILE_NAME_MAX = 40;
export const DEFAULT_LEADERBOARD_SIZE = 10;

export async function openStorage(options: StorageOptions = {}): Promise<GameStorage> {
  const opened = await openDatabase({
    name: options.name ?? DATABASE_NAME,
    indexedDB: options.indexedDB,
    IDBKeyRange: options.IDBKeyRange,
    memory: options.memory ?? memoryIndexedDB,
    openTimeoutMs: options.openTimeoutMs ?? OPEN_TIMEOUT_MS,
    blockedGraceMs: options.blockedGraceMs ?? BLOCKED_GRACE_MS,
    configure: options.configure,
  });
  return new GameStorage(opened, options);
}

export interface ResultFilter {
  profileId?: string;
  scenarioId?: string;
}

export class GameStorage {
  /** False when the game plays in memory: nothing survives closing the tab. */
  readonly persistent: boolean;
  private readonly db: PpiDatabase;
  private readonly writer: Writer<Intent>;
  private readonly tabs: TabChannel;
  private readonly statusListeners = new Set<(report: StatusReport) => void>();
  private readonly awarding = new Map<string, Promise<boolean>>();
  private readonly now: () => number;
  private unavailable: StatusReason | undefined;
  private report: StatusReport;

  constructor(opened: Opened, options: StorageOptions = {}) {
    this.db = opened.db;
    this.persistent = opened.persistent;
    this.unavailable = opened.persistent ? undefined : opened.reason;
    this.now = options.now ?? Date.now;
    this.writer = new Writer<Intent>((intent) => applyIntent(this.db, intent), {
      retryBaseMs: options.retryBaseMs ?? RETRY_BASE_MS,
      retryCapMs: options.retryCapMs ?? RETRY_CAP_MS,
      canRetry: () => this.unavailable !== 'versionchange',
      onChange: () => {
        this.refreshStatus();
      },
      onDropped: (intent, error) => {
        console.error(`PPI Quest could not store a ${intent.kind} and gave it up: ${describeError(error)}`);
      },
    });
    this.tabs = new TabChannel(options.channelName === undefined ? CHANNEL_NAME : options.channelName);
    if (this.persistent) this.db.on('versionchange', this.onVersionChange);
    this.report = this.computeReport();
  }

  // --- status -------------------------------------------------------------------------------

  /** The same object until something changes, so React's useSyncExternalStore can use it. */
  getStatus(): StatusReport {
    return this.report;
  }

  get status(): StatusReport['status'] {
    return this.report.status;
  }

  /** Calls `listener` whenever the status report changes; returns the unsubscribe function. */
  subscribe(listener: (report: StatusReport) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Messages from the game's other tabs (saves and results they wrote). */
  onOtherTab(listener: (message: TabMessage) => void): () => void {
    return this.tabs.subscribe(listener);
  }

  /** Retries pending writes now (say, after the player freed disk space). True if none remain. */
  flush(): Promise<boolean> {
    return this.writer.flush();
  }

  /** Tries the pending writes once more, then lets go of the database and the channel. */
  async close(): Promise<void> {
    if (this.unavailable !== 'versionchange') await this.writer.flush();
    this.writer.stop();
    this.tabs.close();
    this.statusListeners.clear();
    this.db.close({ disableAutoOpen: true });
  }

  // --- profiles -----------------------------------------------------------------------------

  /** Most recently played first. */
  async listProfiles(): Promise<Profile[]> {
    const pending = this.writer.pending;
    const stored = await this.read(() => this.db.profiles.toArray());
    const profiles = touches(pending, ['putProfile', 'deleteProfile', 'addResult'])
      ? overlayProfiles(stored, pending)
      : stored;
    return profiles.sort((a, b) => b.lastPlayedAt - a.lastPlayedAt || a.name.localeCompare(b.name));
  }

  async getProfile(profileId: string): Promise<Profile | undefined> {
    const pending = this.writer.pending;
    const stored = await this.read(() => this.db.profiles.get(profileId));
    return overlayProfiles(stored ? [stored] : [], pending).find((p) => p.id === profileId);
  }

  /** Creates a profile; the caller may choose its id (the play store makes one synchronously). */
  async createProfile(name: string, options: { id?: string } = {}): Promise<Profile> {
    const now = this.now();
    const profile: Profile = { id: options.id ?? newId(), name: cleanName(name), createdAt: now, lastPlayedAt: now };
    await this.write({ kind: 'putProfile', profile });
    this.tabs.post({ type: 'profiles' });
    return profile;
  }

  async renameProfile(profileId: string, name: string): Promise<WriteOutcome> {
    const clean = cleanName(name);
    const profile = await this.getProfile(profileId);
    if (!profile) throw new StorageError('This profile no longer exists.');
    const outcome = await this.write({ kind: 'putProfile', profile: { ...profile, name: clean } });
    this.tabs.post({ type: 'profiles' });
    return outcome;
  }

  /** Deletes the profile with all its saves, results and achievements, in one transaction. */
  async deleteProfile(profileId: string): Promise<WriteOutcome> {
    const outcome = await this.write(
      { kind: 'deleteProfile', profileId },
      // Its waiting writes would only bring parts of it back.
      { critical: true, supersedes: (pending) => profileOf(pending) === profileId },
    );
    this.tabs.post({ type: 'profiles' });
    return outcome;
  }

  // --- saves --------------------------------------------------------------------------------

  /** The autosave after every decision: one per profile and scenario, the latest wins. */
  async putSave(save: Save): Promise<WriteOutcome> {
    const outcome = await this.write({ kind: 'putSave', save });
    const { profileId, scenarioId, step, savedAt } = save;
    this.tabs.post({ type: 'save', profileId, scenarioId, step, savedAt });
    return outcome;
  }

  async getSave(profileId: string, scenarioId: string): Promise<Save | undefined> {
    const pending = this.writer.pending;
    const stored = await this.read(() => this.db.saves.get([profileId, scenarioId]));
    if (!touches(pending, ['putSave', 'deleteSave', 'deleteProfile', 'deleteCustomScenario'])) return stored;
    const wanted = (p: string, s: string) => p === profileId && s === scenarioId;
    return overlaySaves(stored ? [stored] : [], pending, wanted)[0];
  }

  /** The saves of one profile, or of everyone; most recent first. */
  async listSaves(profileId?: string): Promise<Save[]> {
    const pending = this.writer.pending;
    const stored = await this.read(() =>
      profileId === undefined ? this.db.saves.toArray() : this.db.saves.where('profileId').equals(profileId).toArray(),
    );
    const saves = overlaySaves(stored, pending, (p) => profileId === undefined || p === profileId);
    return saves.sort((a, b) => b.savedAt - a.savedAt);
  }

  async deleteSave(profileId: string, scenarioId: string): Promise<WriteOutcome> {
    const outcome = await this.write({ kind: 'deleteSave', profileId, scenarioId });
    this.tabs.post({ type: 'save-deleted', profileId, scenarioId });
    return outcome;
  }

  // --- results ------------------------------------------------------------------------------

  /** Stores a finished run. Storing the same result (same id) again changes nothing. */
  async addResult(result: Result): Promise<WriteOutcome> {
    const outcome = await this.write({ kind: 'addResult', result }, { critical: true });
    this.tabs.post({ type: 'result', profileId: result.profileId, scenarioId: result.scenarioId, resultId: result.id });
    return outcome;
  }

  /** Run history, newest first. */
  async listResults(filter: ResultFilter = {}): Promise<Result[]> {
    const { profileId, scenarioId } = filter;
    const pending = this.writer.pending;
    const stored = await this.read(() => {
      const t = this.db.results;
      if (profileId !== undefined && scenarioId !== undefined) {
        return t.where('[profileId+scenarioId]').equals([profileId, scenarioId]).toArray();
      }
      if (profileId !== undefined) return t.where('profileId').equals(profileId).toArray();
      if (scenarioId !== undefined) return t.where('scenarioId').equals(scenarioId).toArray();
      return t.toArray();
    });
    const results = touches(pending, ['addResult', 'deleteProfile'])
      ? overlayResults(stored, pending, (r) => matches(r, filter))
      : stored;
    return results.sort((a, b) => b.finishedAt - a.finishedAt);
  }

  async personalBest(profileId: string, scenarioId: string): Promise<Result | undefined> {
    const pending = this.writer.pending;
    const stored = await this.read(() => this.db.bests.get([profileId, scenarioId]));
    const best = overlayBests(stored ? [stored] : [], pending, (s) => s === scenarioId).find(
      (b) => b.profileId === profileId,
    );
    return best && this.getResult(best.resultId, pending);
  }

  /** Best run per profile in one scenario: higher score, then shorter, then earlier. */
  async leaderboard(scenarioId: string, limit = DEFAULT_LEADERBOARD_SIZE): Promise<LeaderboardEntry[]> {
    const pending = this.writer.pending;
    const overlay = touches(pending, ['addResult', 'deleteProfile']);
    const range = this.db.bests
      .where(BEST_RANK_INDEX)
      .between(
        [scenarioId, Dexie.minKey, Dexie.minKey, Dexie.minKey],
        [scenarioId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
      )
      .reverse();
    // Without waiting writes the index gives the order and only `limit` rows are read.
    let rows = await this.read(() => (overlay ? range.toArray() : range.limit(limit).toArray()));
    if (overlay) rows = overlayBests(rows, pending, (s) => s === scenarioId);
    rows = rows.sort(compareRuns).slice(0, limit);
    const names = await this.namesOf(
      rows.map((r) => r.profileId),
      pending,
    );
    return rows.map((row, i) => ({
      rank: i + 1,
      profileId: row.profileId,
      profileName: names.get(row.profileId) ?? row.profileName,
      resultId: row.resultId,
      scoreScaled: row.scoreScaled,
      stars: row.stars,
      durationMs: row.durationMs,
      finishedAt: row.finishedAt,
    }));
  }

  /** Sum of each profile's best scaled score per scenario; ties go to the shorter total time. */
  async overallLeaderboard(limit = DEFAULT_LEADERBOARD_SIZE): Promise<OverallEntry[]> {
    const pending = this.writer.pending;
    let rows: TotalRow[];
    if (touches(pending, ['addResult', 'deleteProfile'])) {
      // While writes wait (rarely): rebuilt from every best, with the waiting results folded in.
      const bests = overlayBests(await this.read(() => this.db.bests.toArray()), pending, () => true);
      rows = [...totalsOf(bests).values()];
    } else {
      rows = await this.read(() => this.db.totals.orderBy(TOTAL_RANK_INDEX).reverse().limit(limit).toArray());
    }
    rows = rows.sort(compareTotals).slice(0, limit);
    const names = await this.namesOf(
      rows.map((r) => r.profileId),
      pending,
    );
    return rows.map((t, i) => ({
      rank: i + 1,
      profileId: t.profileId,
      profileName: names.get(t.profileId) ?? t.profileName,
      total: t.total,
      scenarios: t.scenarios,
      durationMs: t.durationMs,
    }));
  }

  // --- achievements -------------------------------------------------------------------------

  /** Records an achievement once. True the first time, so the game can celebrate it. */
  award(profileId: string, achievementId: string, at: number): Promise<boolean> {
    const achievement: Achievement = { profileId, achievementId, at };
    const key = keyOf({ kind: 'award', achievement });
    // A second call while the first is deciding must not celebrate twice.
    const running = this.awarding.get(key);
    if (running) return running.then(() => false);
    const deciding = (async () => {
      const pending = this.writer.pending;
      const known =
        pending.some((i) => i.kind === 'award' && keyOf(i) === key) ||
        (await this.read(() => this.db.achievements.get([profileId, achievementId]))) !== undefined;
      if (known) return false;
      await this.write({ kind: 'award', achievement });
      return true;
    })().finally(() => this.awarding.delete(key));
    this.awarding.set(key, deciding);
    return deciding;
  }

  /** The achievements of one profile, or of everyone; in the order they were earned. */
  async listAchievements(profileId?: string): Promise<Achievement[]> {
    const pending = this.writer.pending;
    const stored = await this.read(() =>
      profileId === undefined
        ? this.db.achievements.toArray()
        : this.db.achievements.where('profileId').equals(profileId).toArray(),
    );
    return overlayAchievements(stored, pending, profileId).sort((a, b) => a.at - b.at);
  }

  // --- settings -----------------------------------------------------------------------------

  async getSettings(): Promise<Settings | undefined> {
    const pending = this.writer.pending;
    const row = await this.read(() => this.db.settings.get(SETTINGS_KEY));
    return overlaySettings(row?.value, pending);
  }

  /** Replaces the device settings with this plain, cloneable object. */
  putSettings(settings: object): Promise<WriteOutcome> {
    return this.write({ kind: 'putSettings', settings: { ...(settings as Settings) } });
  }

  // --- custom scenarios ---------------------------------------------------------------------

  /** Keeps a scenario opened from a file; one with the same id is replaced. */
  putCustomScenario(scenario: CustomScenario): Promise<WriteOutcome> {
    return this.write({ kind: 'putCustomScenario', scenario: { ...scenario } });
  }

  /** Oldest first, as they were opened. */
  async listCustomScenarios(): Promise<CustomScenario[]> {
    const pending = this.writer.pending;
    const stored = await this.read(() => this.db.customScenarios.toArray());
    return overlayCustomScenarios(stored, pending).sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
  }

  /** Deletes a custom scenario with every unfinished run of it; finished results stay in the history. */
  deleteCustomScenario(scenarioId: string): Promise<WriteOutcome> {
    return this.write(
      { kind: 'deleteCustomScenario', scenarioId },
      // A waiting autosave of it would bring a run back that can no longer be played.
      { supersedes: (pending) => pending.kind === 'putSave' && pending.save.scenarioId === scenarioId },
    );
  }

  // --- bulk ---------------------------------------------------------------------------------

  /**
   * Merges records (from a validated backup) in one transaction: all or nothing. Not queued on
   * failure: the file is still there to import again. Rejects with a StorageError saying why.
   */
  async importRecords(records: RecordSet): Promise<ImportSummary> {
    const outcome = await this.writer.once(() => mergeRecords(this.db, records));
    if (!outcome.ok) {
      throw new StorageError(
        outcome.kind === 'quota'
          ? 'The device storage is full, so nothing was imported. Free some space and try again.'
          : `Nothing was imported: the browser refused to store the data (${describeError(outcome.error)}).`,
      );
    }
    this.tabs.post({ type: 'profiles' });
    return outcome.value;
  }

  // --- inside -------------------------------------------------------------------------------

  private write(intent: Intent, options?: WriteOptions<Intent>): Promise<WriteOutcome> {
    return this.writer.write(keyOf(intent), intent, options);
  }

  private async read<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      if (this.unavailable === 'versionchange') {
        throw new StorageError('The game was updated in another tab. Reload this page to continue.');
      }
      throw new StorageError(`Saved progress could not be read (${describeError(error)}).`);
    }
  }

  private async getResult(resultId: string, pending: readonly Intent[]): Promise<Result | undefined> {
    for (const i of pending) if (i.kind === 'addResult' && i.result.id === resultId) return i.result;
    return this.read(() => this.db.results.get(resultId));
  }

  /** Current names: a renamed player shows under the new name on every board. */
  private async namesOf(profileIds: readonly string[], pending: readonly Intent[]): Promise<Map<string, string>> {
    const ids = [...new Set(profileIds)];
    const stored = (await this.read(() => this.db.profiles.bulkGet(ids))).filter((p) => p !== undefined);
    return new Map(overlayProfiles(stored, pending).map((p) => [p.id, p.name]));
  }

  /**
   * Another tab opened a newer schema. Store what is waiting, then let go so its upgrade can run;
   * this tab can no longer write, so the player is asked to reload.
   */
  private readonly onVersionChange = (): false => {
    this.unavailable = 'versionchange';
    void this.writer.flush().finally(() => {
      this.db.close({ disableAutoOpen: true });
      this.writer.stop();
      this.refreshStatus();
    });
    this.refreshStatus();
    // Dexie would close at once; we close ourselves after the flush.
    return false;
  };

  private computeReport(): StatusReport {
    const pendingWrites = this.writer.failedCount;
    if (this.unavailable) return { status: 'unavailable', reason: this.unavailable, pendingWrites };
    const failure = this.writer.failure;
    if (failure && pendingWrites > 0) {
      return { status: 'failing', reason: failure === 'quota' ? 'quota' : 'write-error', pendingWrites };
    }
    return { status: 'ok', pendingWrites };
  }

  private refreshStatus(): void {
    const next = this.computeReport();
    const now = this.report;
    if (next.status === now.status && next.reason === now.reason && next.pendingWrites === now.pendingWrites) return;
    this.report = next;
    for (const listener of this.statusListeners) {
      try {
        listener(next);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

function cleanName(name: string): string {
  // Control characters would break the layout of the boards and of exported files.
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean === '') throw new StorageError('A profile needs a name.');
  if (clean.length > PROFILE_NAME_MAX) {
    throw new StorageError(`A profile name can have at most ${PROFILE_NAME_MAX} characters.`);
  }
  return clean;
}

function matches(result: Result, filter: ResultFilter): boolean {
  return (
    (filter.profileId === undefined || result.profileId === filter.profileId) &&
    (filter.scenarioId === undefined || result.scenarioId === filter.scenarioId)
  );
}
