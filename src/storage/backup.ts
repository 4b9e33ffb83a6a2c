// Backups: all progress of one profile or of the device as a JSON file, and importing such a file
// on another device. Import reads the text with the engine's hardened JSON reader (size, depth,
// no prototype keys), checks it with the zod schema, then merges it without duplicates.
import { loadScenario } from '../engine';
import { readJson } from '../engine/json';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  MAX_BACKUP_CHARS,
  MAX_BACKUP_DEPTH,
  type Backup,
} from './backup-schema';
import { StorageError } from './errors';
import type { GameStorage } from './storage';
import type { ImportSummary } from './types';

export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type Backup };

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; message: string };

/** Everything of one profile, including what still waits to be written. */
export async function exportProfile(storage: GameStorage, profileId: string): Promise<Backup> {
  const profile = await storage.getProfile(profileId);
  if (!profile) throw new StorageError('This profile no longer exists, so there is nothing to export.');
  const [results, achievements, saves, customScenarios] = await Promise.all([
    storage.listResults({ profileId }),
    storage.listAchievements(profileId),
    storage.listSaves(profileId),
    storage.listCustomScenarios(),
  ]);
  // The device's custom scenarios go along: the player's runs of them are worth little without them.
  return envelope({ profiles: [profile], results, achievements, saves, customScenarios });
}

/** Everything on this device. */
export async function exportDevice(storage: GameStorage): Promise<Backup> {
  const [profiles, results, achievements, saves, customScenarios] = await Promise.all([
    storage.listProfiles(),
    storage.listResults(),
    storage.listAchievements(),
    storage.listSaves(),
    storage.listCustomScenarios(),
  ]);
  return envelope({ profiles, results, achievements, saves, customScenarios });
}

/** A file name that sorts by date, for the download. */
export function backupFileName(backup: Backup): string {
  return `ppi-quest-backup-${backup.exportedAt.slice(0, 10)}.json`;
}

/** Checks a backup file's text; a readable message says what is wrong with it if anything is. */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; message: string } {
  if (text.length > MAX_BACKUP_CHARS) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MB`;
    return {
      ok: false,
      message: `This file is too large for a PPI Quest backup (${mb(text.length)}; at most ${mb(MAX_BACKUP_CHARS)}).`,
    };
  }
  const json = readJson(text, { maxChars: MAX_BACKUP_CHARS, maxDepth: MAX_BACKUP_DEPTH });
  if (!json.ok) {
    const { position, expected, found } = json.problem;
    return {
      ok: false,
      message: `This file is not a readable backup: at line ${position.line}, column ${position.column} we expected ${expected} but found ${found}.`,
    };
  }
  const value = json.value;
  const head = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  if (head.format !== BACKUP_FORMAT) return { ok: false, message: 'This file is not a PPI Quest backup.' };
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of PPI Quest (backup format ${head.version}). Update the game, then import it again.`,
    };
  }
  const parsed = BackupSchema.safeParse(value);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const more = parsed.error.issues.length - 1;
    const where = first && first.path.length > 0 ? `At ${pathText(first.path)}: ` : '';
    const what = first ? first.message.charAt(0).toLowerCase() + first.message.slice(1) : 'not valid';
    const rest = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    return {
      ok: false,
      message: `This backup is damaged or was edited, so nothing was imported. ${where}${what}${rest}.`,
    };
  }
  for (const [index, custom] of (parsed.data.customScenarios ?? []).entries()) {
    const loaded = loadScenario(custom.text, custom.fileName);
    if (!loaded.ok || loaded.scenario.id !== custom.id || loaded.scenario.version !== custom.scenarioVersion) {
      return {
        ok: false,
        message: `This backup is damaged or was edited, so nothing was imported. At customScenarios[${index}]: the scenario "${custom.id}" is not a valid scenario file.`,
      };
    }
  }
  return { ok: true, backup: parsed.data };
}

/** Validates and merges a backup file: all of it or, if anything is wrong, none of it. */
export async function importBackup(storage: GameStorage, text: string): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { profiles, results, achievements, saves = [], customScenarios = [] } = parsed.backup;
  try {
    return {
      ok: true,
      summary: await storage.importRecords({ profiles, results, achievements, saves, customScenarios }),
    };
  } catch (error) {
    if (error instanceof StorageError) return { ok: false, message: error.message };
    throw error;
  }
}

function envelope(records: Omit<Backup, 'format' | 'version' | 'exportedAt'>): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), ...records };
}

/** `results[3].score.scaled`: how a person finds the place in the file. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
