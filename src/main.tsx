import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, switchLanguage } from './i18n';
import { GameBus } from './play/bus';
import { DEFAULT_SETTINGS, languageFrom } from './play/settings';
import { createPlayStore } from './play/store';
import { connectBus } from './play/wire';
import { createTranslationStore } from './play/translations';
import type { Scenario } from './engine';
import { App } from './ui/App';
import { registerServiceWorker } from './pwa/register';
import { pwaStatus, reloadWhenSafe } from './pwa/status';
import { ServicesProvider, type DataService } from './ui/context';
import './ui/app.css';

const settings = {
  ...DEFAULT_SETTINGS,
  language: languageFrom(navigator.languages),
  reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
};
// The home screen needs neither the scenarios nor storage: they load in chunks of their own right
// after it (the service worker has them too), and the map and the players fill in a moment later.
const store = createPlayStore({ scenarios: [], settings });
const bus = new GameBus();
connectBus(store, bus);
// Translations of scenario text: one chunk per file, fetched when a player picks the language.
const translations = createTranslationStore(async (lang) =>
  (await import('./translations')).loadShippedTranslations(lang),
);

// The shipped scenarios, read through the validating loader (with zod) in their own chunk.
const scenariosReady: Promise<Scenario[]> = import('./bundled').then(
  ({ bundledScenarios, splitBundled, onBundledChange }) => {
    // A broken bundled file must not take the game down; the map lists its problems for its author.
    const { scenarios, broken } = splitBundled(bundledScenarios);
    for (const b of broken) console.error(`${b.file} is not a valid scenario`, b.problems);
    store.getState().replaceBundled(scenarios, broken);
    // Development: a file saved in scenarios/ reaches the running game at once.
    if (import.meta.hot) {
      onBundledChange((next) => {
        const fresh = splitBundled(next);
        store.getState().replaceBundled(fresh.scenarios, fresh.broken);
      });
    }
    return scenarios;
  },
);

// Storage (Dexie) opens in the background: what the device remembers (players, progress, runs
// in progress, settings) arrives once it and the scenarios are there.
const storageReady = Promise.all([import('./storage'), import('./play/persist'), scenariosReady]).then(
  async ([api, persist, scenarios]) => {
    const storage = await api.openStorage();
    const hydration = await persist.loadHydration(storage, scenarios);
    store.getState().hydrate(hydration);
    persist.connectStorage(store, storage);
    // A player added on the home screen before storage was open is saved now (the connection
    // only writes what changes after it).
    for (const p of store.getState().profiles)
      if (!hydration.profiles.some((q) => q.id === p.id)) void storage.createProfile(p.name, { id: p.id });
    void api.requestPersistence();
    return { storage, api, persist, scenarios };
  },
);
const data: DataService = {
  async exportProfile(profileId) {
    const { storage, api } = await storageReady;
    const backup = await api.exportProfile(storage, profileId);
    return { fileName: api.backupFileName(backup), text: JSON.stringify(backup, null, 2) };
  },
  async exportDevice() {
    const { storage, api } = await storageReady;
    const backup = await api.exportDevice(storage);
    return { fileName: api.backupFileName(backup), text: JSON.stringify(backup, null, 2) };
  },
  async importBackup(text) {
    const { storage, api, persist, scenarios } = await storageReady;
    const outcome = await api.importBackup(storage, text);
    if (outcome.ok) store.getState().hydrate(await persist.loadHydration(storage, scenarios));
    return outcome;
  },
};
const leaderboard = async (scenarioId: string) => (await storageReady).storage.leaderboard(scenarioId);
const standings = {
  overall: async () => (await storageReady).storage.overallLeaderboard(),
  history: async (profileId: string) =>
    (await (await storageReady).storage.listResults({ profileId })).sort((a, b) => b.finishedAt - a.finishedAt),
};
const i18n = createI18n(settings.language);
// The player's language arrives before the first render (English is in the home screen's code).
await switchLanguage(i18n, settings.language);
// Phaser arrives after the home screen is interactive, in its own chunk.
const loadGame = () => import('./game');

// Offline after the first visit; a new version waits for the player, never mid-run.
registerServiceWorker(pwaStatus);
reloadWhenSafe(pwaStatus, store, () => window.location.reload());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ServicesProvider
        store={store}
        bus={bus}
        loadGame={loadGame}
        translations={translations}
        data={data}
        leaderboard={leaderboard}
        standings={standings}
      >
        <App />
      </ServicesProvider>
    </I18nextProvider>
  </StrictMode>,
);
