import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { bundledScenarios } from './bundled';
import { createI18n } from './i18n';
import { GameBus } from './play/bus';
import { DEFAULT_SETTINGS, languageFrom } from './play/settings';
import { createPlayStore } from './play/store';
import { connectBus } from './play/wire';
import { createTranslationStore } from './play/translations';
import { connectStorage, loadHydration } from './play/persist';
import { backupFileName, exportDevice, exportProfile, importBackup, openStorage, requestPersistence } from './storage';
import { App } from './ui/App';
import { registerServiceWorker } from './pwa/register';
import { pwaStatus, reloadWhenSafe } from './pwa/status';
import { ServicesProvider, type DataService } from './ui/context';
import './ui/app.css';

const scenarios = bundledScenarios.flatMap(({ file, result }) => {
  if (result.ok) return [result.scenario];
  // A broken bundled file must not take the game down; it is reported for its author.
  console.error(`${file} is not a valid scenario`, result.problems);
  return [];
});

const settings = {
  ...DEFAULT_SETTINGS,
  language: languageFrom(navigator.languages),
  reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
};
const store = createPlayStore({ scenarios, settings });
const bus = new GameBus();
connectBus(store, bus);
// Translations of scenario text: one chunk per file, fetched when a player picks the language.
const translations = createTranslationStore(async (lang) =>
  (await import('./translations')).loadShippedTranslations(lang),
);

// Storage opens in the background: the home screen is usable at once, and what the device
// remembers (players, progress, runs in progress, settings) arrives a moment later.
const storageReady = openStorage().then(async (storage) => {
  store.getState().hydrate(await loadHydration(storage, scenarios));
  connectStorage(store, storage);
  void requestPersistence();
  return storage;
});
const data: DataService = {
  async exportProfile(profileId) {
    const backup = await exportProfile(await storageReady, profileId);
    return { fileName: backupFileName(backup), text: JSON.stringify(backup, null, 2) };
  },
  async exportDevice() {
    const backup = await exportDevice(await storageReady);
    return { fileName: backupFileName(backup), text: JSON.stringify(backup, null, 2) };
  },
  async importBackup(text) {
    const storage = await storageReady;
    const outcome = await importBackup(storage, text);
    if (outcome.ok) store.getState().hydrate(await loadHydration(storage, scenarios));
    return outcome;
  },
};
const leaderboard = async (scenarioId: string) => (await storageReady).leaderboard(scenarioId);
const standings = {
  overall: async () => (await storageReady).overallLeaderboard(),
  history: async (profileId: string) =>
    (await (await storageReady).listResults({ profileId })).sort((a, b) => b.finishedAt - a.finishedAt),
};
const i18n = createI18n(settings.language);
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
