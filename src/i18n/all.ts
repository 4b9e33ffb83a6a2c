// Every UI language at once, for tests and checks (the game itself loads them one at a time:
// src/i18n/index.ts). Not imported by the app.
import type { Language } from '../play/settings';
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
} as const satisfies Record<Language, { translation: object }>;
