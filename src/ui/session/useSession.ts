// The session UI store the screens use: one per page, created on first use, wired to the page's
// own origin, localStorage and the facilitator's IndexedDB records. Tests install their own.
import { useStore } from 'zustand';
import { connectSession } from '../../session/client';
import { createSessionStore, initialRole, type SessionStore, type SessionUiState } from '../../session/store';

let current: SessionStore | null = null;

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function sessionStore(): SessionStore {
  if (current) return current;
  const storage = safeStorage();
  current = createSessionStore({
    connect: () => connectSession(),
    storage,
    // Dexie is loaded only when a workshop needs the facilitator's records.
    records: () =>
      typeof indexedDB === 'undefined'
        ? Promise.resolve(null)
        : import('../../session/records').then((m) => new m.WorkshopRecords()),
  });
  // A QR code's ?join=, or a place this browser kept in a session, opens the workshop screens.
  const start = initialRole(typeof location === 'undefined' ? '' : location.search, storage);
  if (start?.role === 'participant') current.getState().openJoin(start.code);
  else if (start?.role === 'facilitator') current.getState().openFacilitator();
  return current;
}

/** For tests: use this store (or a fresh default one with null). */
export function setSessionStore(store: SessionStore | null): void {
  current = store;
}

export function useSession<T>(selector: (state: SessionUiState) => T): T {
  return useStore(sessionStore(), selector);
}
