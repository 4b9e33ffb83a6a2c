/// <reference types="vite-plugin-pwa/vanillajs" />
// Registers the service worker that vite-plugin-pwa generates (Workbox, precaching the whole
// game) and reports what it says to the PWA status. Only in production builds: the dev server
// has no service worker, so stale code never hides an edit.
import type { StoreApi } from 'zustand/vanilla';
import { registerSW } from 'virtual:pwa-register';
import type { PwaState } from './status';

export function registerServiceWorker(pwa: StoreApi<PwaState>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const activate = registerSW({
    onOfflineReady: () => pwa.getState().readyOffline(),
    onNeedRefresh: () => pwa.getState().updateFound(() => activate()),
    // Called when a new version took control, whether this tab's player agreed or another tab's
    // did: the page reloads once no run is open (see reloadWhenSafe).
    onNeedReload: () => pwa.getState().needReload(),
    onRegisterError: (error: unknown) => console.error('The offline service worker could not be registered', error),
  });
}
