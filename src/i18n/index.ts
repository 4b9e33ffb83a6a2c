// All UI text goes through i18next. Every language ships with the app (no translation is fetched
// from a server), but only English, the fallback, is in the home screen's code: another language
// is a chunk of its own, loaded before the first render (src/main.tsx) or when a player picks it.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../play/settings';
import { formatterModule } from './format';
import en from './locales/en.json';

export type Translation = typeof en;
export type Resources = Partial<Record<Language, { translation: object }>>;

// One chunk per language file, English excepted (it is bundled above).
const chunks = import.meta.glob<Translation>(['./locales/*.json', '!./locales/en.json'], { import: 'default' });

/**
 * An i18next instance speaking `language`. English is always there; other languages are in it only
 * when `preloaded` has them (tests pass every language, src/i18n/all.ts); otherwise await
 * `switchLanguage` before rendering in a language other than English.
 */
export function createI18n(language: Language, preloaded: Resources = {}): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(formatterModule())
    .init({
      resources: { ...preloaded, en: { translation: en } },
      lng: language,
      fallbackLng: 'en',
      returnEmptyString: false,
      returnNull: false,
      // Every interpolated number and date is written the UI language's way (src/i18n/format.ts).
      interpolation: { escapeValue: false, alwaysFormat: true },
      initAsync: false,
    });
  return instance;
}

const wanted = new WeakMap<i18n, Language>();

/**
 * Switches `instance` to `language`, loading the language's chunk first when it is not loaded yet.
 * Synchronous when the language is already there. When another language was asked for while this
 * one loaded, the later request wins.
 */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  wanted.set(instance, language);
  if (!instance.hasResourceBundle(language, 'translation')) {
    const load = chunks[`./locales/${language}.json`];
    if (!load) throw new Error(`No UI translation for language "${language}"`);
    instance.addResourceBundle(language, 'translation', await load(), true, true);
    if (wanted.get(instance) !== language) return;
  }
  if (instance.language !== language) await instance.changeLanguage(language);
}
