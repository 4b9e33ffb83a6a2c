// All UI text goes through i18next. Resources are bundled: no translation is fetched.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../play/settings';
import { formatterModule } from './format';
import en from './locales/en.json';
import lt from './locales/lt.json';
import lv from './locales/lv.json';
import et from './locales/et.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';
import de from './locales/de.json';
import da from './locales/da.json';
import pl from './locales/pl.json';

export const resources = {
  en: { translation: en },
  lt: { translation: lt },
  lv: { translation: lv },
  et: { translation: et },
  fi: { translation: fi },
  sv: { translation: sv },
  de: { translation: de },
  da: { translation: da },
  pl: { translation: pl },
} as const;

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(formatterModule())
    .init({
      resources,
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
