// The home screen's view of the workshop, without the workshop's code in the home screen's chunk:
// the session store (and with it the protocol's zod schemas) is a chunk of its own, loaded right
// after the home screen is up. A QR code's ?join= or a kept place opens the workshop a moment later.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { hasJoinLink } from '../../session/links';
import type { WorkshopRole } from '../../session/store';

type SessionModule = typeof import('./useSession');

let loaded: SessionModule | null = null;
let loading: Promise<SessionModule> | null = null;

/** The session UI module, loaded once. */
export function loadSession(): Promise<SessionModule> {
  loading ??= import('./useSession').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null; // the next attempt tries again
      throw e;
    },
  );
  return loading;
}

const noop = () => undefined;

/**
 * The open workshop role, or null. While the session code is still loading: 'opening' if the page
 * came from a join link (so the home screen does not flash first), else null.
 */
export function useWorkshopRole(): WorkshopRole | 'opening' | null {
  const [session, setSession] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (session) return;
    let live = true;
    loadSession().then(
      (m) => {
        if (live) setSession(m);
      },
      () => {
        // The workshop's code did not load (a broken update, a lost connection): the home screen
        // shows instead of waiting for ever; its workshop buttons try again.
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [session]);
  const subscribe = useCallback(
    (onChange: () => void) => (session ? session.sessionStore().subscribe(onChange) : noop),
    [session],
  );
  const role = useSyncExternalStore(subscribe, () => (session ? session.sessionStore().getState().role : null));
  return session === null && !failed && hasJoinLink(window.location.search) ? 'opening' : role;
}
