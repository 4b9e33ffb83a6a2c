import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { bundledScenarios } from './bundled';
import { createI18n } from './i18n';
import { GameBus } from './play/bus';
import { DEFAULT_SETTINGS, languageFrom } from './play/settings';
import { createPlayStore } from './play/store';
import { connectBus } from './play/wire';
import { connectStorage, loadHydration } from './play/persist';
import { openStorage, requestPersistence } from './storage';
import { App } from './ui/App';
import { ServicesProvider } from './ui/context';
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

// Storage opens in the background: the home screen is usable at once, and what the device
// remembers (players, progress, runs in progress, settings) arrives a moment later.
void openStorage().then(async (storage) => {
  store.getState().hydrate(await loadHydration(storage));
  connectStorage(store, storage);
  void requestPersistence();
});
const i18n = createI18n(settings.language);
// Phaser arrives after the home screen is interactive, in its own chunk.
const loadGame = () => import('./game');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ServicesProvider store={store} bus={bus} loadGame={loadGame}>
        <App />
      </ServicesProvider>
    </I18nextProvider>
  </StrictMode>,
);
