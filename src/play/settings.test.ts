import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageFrom } from './settings';

describe('languageFrom (the language on a first visit)', () => {
  it('picks each of the nine languages from its browser tag, with or without a region', () => {
    expect(LANGUAGES).toHaveLength(9);
    for (const language of LANGUAGES) {
      expect(languageFrom([language])).toBe(language);
      expect(languageFrom([`${language.toUpperCase()}-XX`])).toBe(language);
    }
    expect(languageFrom(['sv-FI'])).toBe('sv');
    expect(languageFrom(['de-AT', 'en'])).toBe('de');
    expect(languageFrom(['pl-PL'])).toBe('pl');
    expect(languageFrom(['et-EE'])).toBe('et');
    expect(languageFrom(['lv-LV'])).toBe('lv');
    expect(languageFrom(['da-DK'])).toBe('da');
    expect(languageFrom(['fi-FI'])).toBe('fi');
  });

  it('takes the first of the browser’s languages that the game speaks', () => {
    expect(languageFrom(['nb-NO', 'sv-SE', 'en-GB'])).toBe('sv');
    expect(languageFrom(['ru', 'lt-LT', 'pl'])).toBe('lt');
    expect(languageFrom(['en-US', 'fi'])).toBe('en');
  });

  it('falls back to English for a language the game does not speak, or none', () => {
    expect(languageFrom(['nb'])).toBe('en');
    expect(languageFrom(['no', 'nn-NO'])).toBe('en');
    expect(languageFrom(['fr-FR', 'ru'])).toBe('en');
    expect(languageFrom([])).toBe('en');
    expect(languageFrom([''])).toBe('en');
  });

  it('does not mistake a longer code that starts like a shipped one', () => {
    // "fil" (Filipino) and "del" (Delaware) are not Finnish or German.
    expect(languageFrom(['fil-PH'])).toBe('en');
    expect(languageFrom(['del'])).toBe('en');
  });
});
