// Asking the browser not to evict the game's data under storage pressure. Best effort: browsers
// decide by their own rules (headless Chromium says no), and the API exists only in secure contexts.

/** True if the browser promised to keep the data; false if it declined or cannot promise. */
export async function requestPersistence(): Promise<boolean> {
  const storage = (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage;
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
