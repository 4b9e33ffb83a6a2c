// Numbers, dates and durations per UI language. The expected strings are what Intl (CLDR through
// Node's ICU) writes; NBSP is U+00A0 and MINUS is U+2212, the signs some languages use.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../play/settings';
import i18next from 'i18next';
import { formatterModule, formatsFor } from './format';
import { createI18n } from './index';
import de from './locales/de.json';
import en from './locales/en.json';
import fi from './locales/fi.json';
import lt from './locales/lt.json';
import pl from './locales/pl.json';
import sv from './locales/sv.json';

/** An i18next instance with the app's formatter, as createI18n sets it up, in any language. */
function i18nIn(lng: string) {
  const instance = i18next.createInstance();
  void instance.use(formatterModule()).init({
    resources: {
      en: { translation: en },
      de: { translation: de },
      fi: { translation: fi },
      lt: { translation: lt },
      pl: { translation: pl },
      sv: { translation: sv },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false, alwaysFormat: true },
    initAsync: false,
  });
  return instance;
}

const NBSP = '\u00a0';
const MINUS = '\u2212';
const at = new Date(2026, 10, 27, 14, 5);

describe('formatsFor', () => {
  it('groups thousands and writes decimals the language’s way', () => {
    const big = Object.fromEntries(LANGUAGES.map((l) => [l, formatsFor(l).number(1234567.5)]));
    expect(big).toEqual({
      en: '1,234,567.5',
      de: '1.234.567,5',
      da: '1.234.567,5',
      lt: `1${NBSP}234${NBSP}567,5`,
      lv: `1${NBSP}234${NBSP}567,5`,
      et: `1${NBSP}234${NBSP}567,5`,
      fi: `1${NBSP}234${NBSP}567,5`,
      sv: `1${NBSP}234${NBSP}567,5`,
      pl: `1${NBSP}234${NBSP}567,5`,
    });
    // Polish, Estonian and Latvian leave a four-digit number ungrouped; Finnish and Swedish do not.
    expect(formatsFor('pl').number(1234)).toBe('1234');
    expect(formatsFor('fi').number(1234)).toBe(`1${NBSP}234`);
    expect(formatsFor('de').number(12.25)).toBe('12,3');
    expect(formatsFor('de').number(12.25, 2)).toBe('12,25');
    expect(formatsFor('en').number(7)).toBe('7');
  });

  it('signs changes, with the minus sign the language uses', () => {
    expect(formatsFor('en').signed(4)).toBe('+4');
    expect(formatsFor('en').signed(-3)).toBe('-3');
    expect(formatsFor('fi').signed(-3)).toBe(`${MINUS}3`);
    expect(formatsFor('sv').signed(-2.5)).toBe(`${MINUS}2,5`);
    expect(formatsFor('de').signed(-2.5)).toBe('-2,5');
    expect(formatsFor('pl').signed(0)).toBe('0');
  });

  it('writes percentages and euros', () => {
    expect(formatsFor('en').percent(0.425)).toBe('42.5%');
    expect(formatsFor('de').percent(0.425)).toBe(`42,5${NBSP}%`);
    expect(formatsFor('pl').percent(0.42)).toBe('42%');
    expect(formatsFor('en').currency(1234.5)).toBe('€1,234.50');
    expect(formatsFor('de').currency(1234.5)).toBe(`1.234,50${NBSP}€`);
    expect(formatsFor('fi').currency(1234.5)).toBe(`1${NBSP}234,50${NBSP}€`);
    expect(formatsFor('lv').currency(250000, true)).toBe(`250${NBSP}000${NBSP}€`);
  });

  it('writes dates and times in each language’s order and words', () => {
    expect(formatsFor('en').dateTime(at)).toBe('Nov 27, 2026, 2:05 PM');
    expect(formatsFor('de').dateTime(at)).toBe('27.11.2026, 14:05');
    expect(formatsFor('fi').dateTime(at)).toBe('27.11.2026 klo 14.05');
    expect(formatsFor('lt').dateTime(at)).toBe('2026-11-27 14:05');
    expect(formatsFor('pl').date(at)).toBe('27 lis 2026');
    expect(formatsFor('sv').date(at)).toBe('27 nov. 2026');
    expect(formatsFor('lv').date(at)).toBe('2026. gada 27. nov.');
  });

  it('writes durations in hours, minutes and seconds, rounded to the second', () => {
    expect(formatsFor('en').duration(125_000)).toBe('2 min 5 sec');
    expect(formatsFor('fi').duration(125_000)).toBe('2 min 5 s');
    expect(formatsFor('da').duration(125_000)).toBe('2 min. og 5 sek.');
    expect(formatsFor('pl').duration(3_725_000)).toBe('1 godz., 2 min i 5 sek.');
    expect(formatsFor('de').duration(45_400)).toBe('45 Sek.');
    expect(formatsFor('sv').duration(120_000)).toBe('2 min');
    expect(formatsFor('et').duration(0)).toBe('0 sek');
    expect(formatsFor('et').duration(-5)).toBe('0 sek');
  });

  it('writes file sizes in decimal units with the language’s decimal sign and unit', () => {
    expect(formatsFor('en').fileSize(2_500_000)).toBe('2.5 MB');
    expect(formatsFor('de').fileSize(2_500_000)).toBe('2,5 MB');
    expect(formatsFor('fi').fileSize(2_500_000)).toBe('2,5 Mt');
    expect(formatsFor('pl').fileSize(512_000)).toBe('512 kB');
    expect(formatsFor('en').fileSize(80)).toBe('80 byte');
  });

  it('writes times relative to now', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(formatsFor('en').relative(now - 86_400_000, now)).toBe('yesterday');
    expect(formatsFor('de').relative(now + 3 * 3_600_000, now)).toBe('in 3 Stunden');
    expect(formatsFor('pl').relative(now - 5 * 60_000, now)).toBe('5 minut temu');
    expect(formatsFor('sv').relative(now - 400 * 86_400_000, now)).toBe('förra året');
  });

  it('keeps one set of formats per language', () => {
    expect(formatsFor('de')).toBe(formatsFor('de'));
    expect(formatsFor('de')).not.toBe(formatsFor('da'));
    expect(formatsFor('da').language).toBe('da');
  });
});

describe('numbers inside translations', () => {
  it('are written the UI language’s way, with the formatter createI18n installs', () => {
    expect(createI18n('en').t('rewards.xp', { xp: 12500 })).toBe('12,500 XP');
    expect(i18nIn('de').t('map.bestScore', { score: 1234.5 })).toBe('Bestes Ergebnis: 1.234,5');
    expect(createI18n('en').t('map.bestScore', { score: 1234.5 })).toBe('Best score 1,234.5');
    expect(i18nIn('fi').t('rewards.xp', { xp: 12500 })).toBe(`12${NBSP}500 XP`);
    expect(i18nIn('pl').t('rewards.xp', { xp: 12500 })).toBe(`12${NBSP}500 PD`);
  });

  it('keep the plural form chosen from the raw count', () => {
    expect(i18nIn('de').t('map.minutes', { count: 1 })).toBe('etwa 1 Minute');
    expect(i18nIn('de').t('map.minutes', { count: 1.5 })).toBe('etwa 1,5 Minuten');
    expect(i18nIn('lt').t('map.stars', { count: 1.5 })).toBe('1,5 žvaigždutės');
    expect(i18nIn('pl').t('play.decisionsMade', { count: 1000 })).toBe(`dotąd 1000 decyzji`);
    expect(i18nIn('sv').t('play.decisionsMade', { count: 12000 })).toBe(`12${NBSP}000 beslut hittills`);
  });

  it('leave text as it is and still notice a missing variable', () => {
    expect(i18nIn('de').t('nav.player', { name: '1234' })).toBe('Spieler: 1234');
    expect(createI18n('en').t('nav.player')).toBe('Player: {{name}}');
  });
});
