// The home screen's view of the workshop, without the workshop's code in the home screen's chunk:
// the session store (and with it the protocol's zod schemas) is a chunk of its own, loaded right
// after the home screen is up. A QR code's ?join= or a kept place opens the workshop a moment later.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { WorkshopRole } from '../../session/store';

type SessionModule = typeof import('./useSession');

let loaded: SessionModule | null = null;
let loading: Promise<SessionModule> | null = null;

/** The session UI module, loaded once. */
export function loadSession(): Promise<SessionModule> {
  loading ??= import('./useSession').then((m) => (loaded = m));
  return loading;
}

const noop = () => undefined;

/** The open workshop role, or null (also while the session code is still loading). */
export function useWorkshopRole(): WorkshopRole | null {
  const [session, setSession] = useState(loaded);
  useEffect(() => {
    if (session) return;
    let live = true;
    void loadSession().then((m) => {
      if (live) setSession(m);
    });
    return () => {
      live = false;
    };
  }, [session]);
  const subscribe = useCallback(
    (onChange: () => void) => (session ? session.sessionStore().subscribe(onChange) : noop),
    [session],
  );
  return useSyncExternalStore(subscribe, () => (session ? session.sessionStore().getState().role : null));
}
