// Player settings: language, sound, motion and text size. Pure data and defaults.

export const LANGUAGES = ['en', 'lt', 'lv', 'et', 'fi', 'sv', 'de', 'da', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Settings {
  language: Language;
  sound: boolean;
  reducedMotion: boolean;
  textSize: TextSize;
}

export const DEFAULT_SETTINGS: Settings = { language: 'en', sound: true, reducedMotion: false, textSize: 'normal' };

/** The first shipped language the browser prefers, else English. */
export function languageFrom(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}
