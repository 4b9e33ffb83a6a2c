// Translations of scenario text, loaded once per language when a player first needs them, so a
// language nobody uses is never downloaded. The game shows the scenario's own text for anything a
// translation lacks (see useScenarioText).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Translation } from '../engine';

/** Reads every translation into one language; the app's loader fetches its chunks lazily. */
export type TranslationLoader = (lang: string) => Promise<readonly Translation[]>;

export interface TranslationState {
  /** Per language, per scenario id: the translations loaded so far. */
  byLang: Readonly<Record<string, Readonly<Record<string, Translation>>>>;
  /** Loads the translations into `lang` unless they are loaded or on their way. */
  ensure: (lang: string) => void;
}

export function createTranslationStore(load: TranslationLoader): StoreApi<TranslationState> {
  const asked = new Set<string>();
  return createStore<TranslationState>((set, get) => ({
    byLang: {},
    ensure(lang) {
      if (asked.has(lang)) return;
      asked.add(lang);
      const keep = (list: readonly Translation[]) => {
        const forLang = Object.fromEntries(list.filter((t) => t.lang === lang).map((t) => [t.scenario, t]));
        set({ byLang: { ...get().byLang, [lang]: forLang } });
      };
      load(lang).then(keep, (e: unknown) => {
        // Without its translations a level is still playable in its own language, and says so.
        console.error(`Translations into ${lang} could not be loaded`, e);
        keep([]);
      });
    },
  }));
}
