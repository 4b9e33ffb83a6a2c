// Everything the game keeps on the device: profiles, autosaves, results, achievements, settings,
// backups. The play store opens one GameStorage and calls it; nothing here imports React.
export { openStorage, GameStorage, type StorageOptions, type ResultFilter } from './storage';
export type {
  Achievement,
  CustomScenario,
  ImportSummary,
  LeaderboardEntry,
  OverallEntry,
  Profile,
  Result,
  ResultDecision,
  Save,
  Settings,
  StatusReason,
  StatusReport,
  StorageStatus,
  WriteOutcome,
} from './types';
export { checkSave, persistedRunOf, type SaveCheck } from './saves';
export { resultFromRun, type RunFacts } from './results';
export {
  exportDevice,
  exportProfile,
  importBackup,
  parseBackup,
  backupFileName,
  type Backup,
  type ImportOutcome,
} from './backup';
export { RunLock, runLockName, type LockMechanism, type RunLockOptions } from './lock';
export { requestPersistence } from './persistence';
export { isQuotaError, StorageError } from './errors';
export type { TabMessage } from './tabs';
export { DATABASE_NAME, SCHEMA_VERSION } from './db';
