// Renders the app around a real play store, for component tests in jsdom. No canvas is loaded
// there: the stage shows its fallback, and everything is still playable from the DOM.
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/react';
import type { ComponentProps } from 'react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { loadScenario, type Scenario, type Translation } from '../engine';
import { createI18n } from '../i18n';
import { resources } from '../i18n/all';
import { GameBus } from '../play/bus';
import { DEFAULT_SETTINGS, type Settings } from '../play/settings';
import { createPlayStore } from '../play/store';
import { createTranslationStore } from '../play/translations';
import { App } from './App';
import type { LeaderboardEntry } from '../storage';
import { ServicesProvider } from './context';

export function bundledScenario(file: string): Scenario {
  const r = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.scenario;
}

export function renderApp(
  options: {
    settings?: Partial<Settings>;
    seed?: number;
    leaderboard?: (scenarioId: string) => Promise<LeaderboardEntry[]>;
    standings?: ComponentProps<typeof ServicesProvider>['standings'];
    /** Translations of scenario text the app can load (none by default: scenarios show in English). */
    translations?: Translation[];
  } = {},
) {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const store = createPlayStore({
    scenarios: [bundledScenario('tutorial.json'), bundledScenario('street-lighting.json')],
    settings,
    newSeed: () => options.seed ?? 11,
  });
  const bus = new GameBus();
  const translations = createTranslationStore((lang) =>
    Promise.resolve((options.translations ?? []).filter((t) => t.lang === lang)),
  );
  const i18n = createI18n(settings.language, resources);
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ServicesProvider
        store={store}
        bus={bus}
        translations={translations}
        {...(options.leaderboard ? { leaderboard: options.leaderboard } : {})}
        {...(options.standings ? { standings: options.standings } : {})}
      >
        <App />
      </ServicesProvider>
    </I18nextProvider>,
  );
  return { ...view, store, bus, user, i18n, translations };
}
