// Telling storage failures apart. A full disk must be recognised however it arrives: as a
// QuotaExceededError, wrapped by Dexie in `inner`, or as the AbortError of the transaction it
// aborted (some browsers signal quota that way), so we look through the chain of causes.

/** A failure the caller can show to a person: the message says what happened and what to do. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/**
 * - `quota`: the disk or the origin's quota is full; every write will fail until space is freed.
 * - `closed`: the connection is gone (another tab upgraded the database, or it was deleted).
 * - `permanent`: the data itself cannot be stored (a bug); retrying the same write cannot help.
 * - `transient`: anything else; worth retrying.
 */
export type FailureKind = 'quota' | 'closed' | 'permanent' | 'transient';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** The legacy DOMException code of QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError', 'InvalidStateError']);
const PERMANENT_NAMES = new Set([
  'DataCloneError',
  'DataError',
  'ConstraintError',
  'TypeError',
  'SchemaError',
  'InvalidTableError',
  'InvalidArgumentError',
]);
/** Causes nest shallowly in practice; the bound only protects against a cycle. */
const MAX_CAUSE_DEPTH = 8;

/** The error and its causes (`inner` from Dexie, `cause` from the platform), outermost first. */
function causesOf(error: unknown): { name: string; code: unknown }[] {
  const chain: { name: string; code: unknown }[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && chain.length < MAX_CAUSE_DEPTH) {
    const e = current as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown };
    chain.push({ name: typeof e.name === 'string' ? e.name : '', code: e.code });
    current = e.inner ?? e.cause;
  }
  return chain;
}

export function isQuotaError(error: unknown): boolean {
  return causesOf(error).some((c) => QUOTA_NAMES.has(c.name) || (c.code === QUOTA_CODE && c.name !== ''));
}

export function classifyError(error: unknown): FailureKind {
  const chain = causesOf(error);
  if (chain.some((c) => QUOTA_NAMES.has(c.name) || (c.code === QUOTA_CODE && c.name !== ''))) return 'quota';
  // The innermost cause says why; an AbortError is only the transaction reporting it.
  const root = chain[chain.length - 1]?.name ?? '';
  if (CLOSED_NAMES.has(root)) return 'closed';
  if (PERMANENT_NAMES.has(root)) return 'permanent';
  return 'transient';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
