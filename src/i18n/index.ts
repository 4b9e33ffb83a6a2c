// All UI text goes through i18next. Resources are bundled: no translation is fetched.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../play/settings';
import en from './locales/en.json';
import lt from './locales/lt.json';

export const resources = {
  en: { translation: en },
  lt: { translation: lt },
} as const;

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    returnEmptyString: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
