// Every shipped language must carry every English key, the plural forms its own plural rules need,
// no stale keys, and every placeholder the English text uses. English is the reference.
// Plural keys follow i18next v4 JSON (`key_one`, `key_few`, `key_ordinal_two`, ...). A language gets
// exactly the categories Intl.PluralRules gives it: the optional i18next `_zero` form counts as stray
// unless a language's rules have a `zero` category.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../play/settings';
import { resources } from './all';
import { createI18n as createWith, switchLanguage } from './index';

const createI18n = (language: Language) => createWith(language, resources);

const PLURAL_SUFFIX = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

type Leaves = Map<string, unknown>;

/** Flattens nested JSON into dotted keys (i18next's default key separator). */
function flatten(value: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

interface Plural {
  base: string;
  type: Intl.PluralRuleType;
  category: string;
}

function pluralOf(key: string): Plural | undefined {
  const m = PLURAL_SUFFIX.exec(key);
  if (!m) return undefined;
  return { base: `${m[1]!}${m[2] ?? ''}`, type: m[2] ? 'ordinal' : 'cardinal', category: m[3]! };
}

/** Plural bases (with `_ordinal` kept) mapped to their rule type and the categories present. */
function pluralBases(leaves: Leaves): Map<string, { type: Intl.PluralRuleType; categories: Set<string> }> {
  const bases = new Map<string, { type: Intl.PluralRuleType; categories: Set<string> }>();
  for (const key of leaves.keys()) {
    const p = pluralOf(key);
    if (!p) continue;
    const entry = bases.get(p.base) ?? { type: p.type, categories: new Set<string>() };
    entry.categories.add(p.category);
    bases.set(p.base, entry);
  }
  return bases;
}

function categoriesFor(language: string, type: Intl.PluralRuleType): string[] {
  return [...new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories].sort();
}

/** Interpolation variable names: `{{name}}` and `{{name, format}}` both give `name`. */
function placeholders(text: unknown): Set<string> {
  if (typeof text !== 'string') return new Set();
  return new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!));
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const english = flatten(resources.en.translation);
const englishBases = pluralBases(english);
const others = (Object.keys(resources) as Language[]).filter((l) => l !== 'en');

/** Everything wrong with one language, as readable lines (empty when the language is complete). */
function problemsIn(language: Language, translation: unknown = resources[language].translation): string[] {
  const problems: string[] = [];
  const own = flatten(translation);
  const ownBases = pluralBases(own);

  for (const [key, value] of english) {
    if (pluralOf(key)) continue;
    const translated = own.get(key);
    if (!isText(translated)) {
      problems.push(`${key}: missing or empty`);
      continue;
    }
    for (const name of placeholders(value)) {
      if (!placeholders(translated).has(name)) problems.push(`${key}: lacks {{${name}}}`);
    }
    for (const name of placeholders(translated)) {
      if (!placeholders(value).has(name)) problems.push(`${key}: uses {{${name}}}, which English does not pass`);
    }
  }

  for (const [base, { type, categories }] of englishBases) {
    const suffix = (category: string) => `${base}_${category}`;
    const englishNames = new Set([...categories].flatMap((c) => [...placeholders(english.get(suffix(c)))]));
    const needed = categoriesFor(language, type);
    const present = [...(ownBases.get(base)?.categories ?? [])].sort();
    if (present.join() !== needed.join()) {
      problems.push(`${base}: plural forms [${present.join(', ')}], ${language} needs [${needed.join(', ')}]`);
    }
    for (const category of needed) {
      const translated = own.get(suffix(category));
      if (!isText(translated)) {
        if (present.includes(category)) problems.push(`${suffix(category)}: empty`);
        continue;
      }
      for (const name of englishNames) {
        if (!placeholders(translated).has(name)) problems.push(`${suffix(category)}: lacks {{${name}}}`);
      }
      for (const name of placeholders(translated)) {
        if (!englishNames.has(name))
          problems.push(`${suffix(category)}: uses {{${name}}}, which English does not pass`);
      }
    }
  }

  for (const key of own.keys()) {
    const p = pluralOf(key);
    const known = p ? englishBases.has(p.base) : english.has(key);
    if (!known) problems.push(`${key}: stale (English has no such key)`);
  }
  return problems;
}

describe('shipped languages', () => {
  it('are exactly the languages the settings offer', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });

  it('name every language in that language itself, whatever the UI language', () => {
    const selfNames = Object.fromEntries(LANGUAGES.map((l) => [l, resources[l].translation.languages[l]]));
    expect(selfNames).toEqual({
      en: 'English',
      lt: 'Lietuvių',
      lv: 'Latviešu',
      et: 'Eesti',
      fi: 'Suomi',
      sv: 'Svenska',
      de: 'Deutsch',
      da: 'Dansk',
      pl: 'Polski',
    });
    for (const language of LANGUAGES) expect(resources[language].translation.languages).toEqual(selfNames);
  });

  it('keep the game name untranslated', () => {
    for (const language of LANGUAGES) expect(resources[language].translation.app.name).toBe('PPI Quest');
  });

  it('have at least one language besides English to check', () => {
    expect(others.length).toBeGreaterThan(0);
  });
});

describe('English (the reference)', () => {
  it('has only non-empty strings', () => {
    const bad = [...english].filter(([, v]) => !isText(v)).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('uses plural forms', () => {
    expect(englishBases.size).toBeGreaterThan(0);
  });

  it('gives every plural base exactly the English categories (_one and _other)', () => {
    const bad = [...englishBases]
      .filter(([, { type, categories }]) => [...categories].sort().join() !== categoriesFor('en', type).join())
      .map(([base, { categories }]) => `${base}: [${[...categories].join(', ')}]`);
    expect(bad).toEqual([]);
    for (const [base, { type }] of englishBases) {
      if (type === 'cardinal') {
        expect(english.has(`${base}_one`)).toBe(true);
        expect(english.has(`${base}_other`)).toBe(true);
      }
    }
  });

  it('never uses a key both as a plural base and as a plain key', () => {
    expect([...englishBases.keys()].filter((base) => english.has(base))).toEqual([]);
  });
});

describe.each(others)('%s', (language) => {
  it('matches the English keys, plural forms and placeholders', () => {
    expect(problemsIn(language)).toEqual([]);
  });
});

describe('the checks can fail', () => {
  // Run the checker against damaged copies of the real data, so a check that silently passes
  // everything shows up here. Only the problems the damage adds are returned.
  function damaged(edit: (lt: Record<string, Record<string, unknown>>) => void): string[] {
    const before = new Set(problemsIn('lt'));
    const copy = structuredClone(resources.lt.translation) as unknown as Record<string, Record<string, unknown>>;
    edit(copy);
    return problemsIn('lt', copy).filter((problem) => !before.has(problem));
  }

  it('reports a missing key', () => {
    expect(damaged((lt) => delete lt.settings!.sound)).toEqual(['settings.sound: missing or empty']);
  });

  it('reports an empty string', () => {
    expect(damaged((lt) => (lt.settings!.sound = ' '))).toEqual(['settings.sound: missing or empty']);
  });

  it('reports a missing plural category', () => {
    expect(damaged((lt) => delete lt.map!.stars_few)).toEqual([
      'map.stars: plural forms [many, one, other], lt needs [few, many, one, other]',
    ]);
  });

  it('reports a stray plural category and a stale key', () => {
    expect(
      damaged((lt) => {
        lt.map!.stars_two = '{{count}} žvaigždutės';
        lt.map!.gone = 'Nebėra';
      }),
    ).toEqual([
      'map.stars: plural forms [few, many, one, other, two], lt needs [few, many, one, other]',
      'map.gone: stale (English has no such key)',
    ]);
  });

  it('reports a lost or misspelt placeholder', () => {
    expect(
      damaged((lt) => {
        lt.nav!.player = 'Žaidžia: {{nmae}}';
        lt.map!.stars_other = 'žvaigždučių';
      }),
    ).toEqual([
      'nav.player: lacks {{name}}',
      'nav.player: uses {{nmae}}, which English does not pass',
      'map.stars_other: lacks {{count}}',
    ]);
  });
});

describe('switchLanguage', () => {
  it('loads a language that is not bundled before switching to it', async () => {
    const i18n = createWith('en');
    expect(i18n.hasResourceBundle('lt', 'translation')).toBe(false);
    await switchLanguage(i18n, 'lt');
    expect(i18n.language).toBe('lt');
    expect(i18n.t('map.stars', { count: 2 })).toBe('2 žvaigždutės');
  });

  it('lets the later of two requests win when the first is still loading', async () => {
    const i18n = createWith('en');
    const first = switchLanguage(i18n, 'fi'); // loads a chunk first
    const second = switchLanguage(i18n, 'de'); // loads a chunk too
    const third = switchLanguage(i18n, 'en'); // bundled: no wait
    await Promise.all([first, second, third]);
    expect(i18n.language).toBe('en');
    expect(i18n.t('map.title')).toBe(resources.en.translation.map.title);
    await switchLanguage(i18n, 'fi');
    expect(i18n.t('map.title')).toBe(resources.fi.translation.map.title);
    expect(resources.fi.translation.map.title).not.toBe(resources.en.translation.map.title);
  });
});

describe('createI18n', () => {
  it('picks the Lithuanian plural form by Intl.PluralRules', () => {
    const { t } = createI18n('lt');
    const stars = (count: number) => t('map.stars', { count });
    expect(stars(1)).toBe('1 žvaigždutė');
    expect(stars(2)).toBe('2 žvaigždutės');
    expect(stars(10)).toBe('10 žvaigždučių');
    expect(stars(21)).toBe('21 žvaigždutė');
    expect(stars(22)).toBe('22 žvaigždutės');
    expect(stars(25)).toBe('25 žvaigždutės');
    expect(stars(0)).toBe('0 žvaigždučių');
    expect(stars(11)).toBe('11 žvaigždučių');
    // Fractions are `many` (genitive singular), written with a decimal comma (src/i18n/format.ts).
    expect(stars(1.5)).toBe('1,5 žvaigždutės');
    expect(t('map.minutes', { count: 5 })).toBe('apie 5 minutes');
    expect(t('map.minutes', { count: 15 })).toBe('apie 15 minučių');
    expect(t('play.secondsLeft', { count: 1 })).toBe('Liko 1 sekundė');
    expect(t('play.decisionsMade', { count: 12 })).toBe('kol kas 12 sprendimų');
  });

  it('uses a key without plural forms when one is called with a count', () => {
    expect(createI18n('lt').t('results.stars', { count: 2 })).toBe('2 iš 3 žvaigždučių');
    expect(createI18n('en').t('results.stars', { count: 1 })).toBe('1 of 3 stars');
  });

  it('speaks English in English', () => {
    const { t } = createI18n('en');
    expect(t('map.stars', { count: 1 })).toBe('1 star');
    expect(t('map.stars', { count: 2 })).toBe('2 stars');
    expect(t('settings.title')).toBe('Settings');
  });

  it('picks the Polish plural form by Intl.PluralRules', () => {
    const { t } = createI18n('pl');
    const stars = (count: number) => t('map.stars', { count });
    expect(stars(1)).toBe('1 gwiazdka');
    expect(stars(2)).toBe('2 gwiazdki');
    expect(stars(5)).toBe('5 gwiazdek');
    expect(stars(12)).toBe('12 gwiazdek');
    expect(stars(22)).toBe('22 gwiazdki');
    expect(stars(0)).toBe('0 gwiazdek');
    expect(t('play.secondsLeft', { count: 3 })).toBe('Zostały 3 sekundy');
    expect(t('play.secondsLeft', { count: 30 })).toBe('Zostało 30 sekund');
  });

  it('picks the Latvian zero, one and other forms by Intl.PluralRules', () => {
    const { t } = createI18n('lv');
    const stars = (count: number) => t('map.stars', { count });
    expect(stars(0)).toBe('0 zvaigžņu');
    expect(stars(1)).toBe('1 zvaigzne');
    expect(stars(2)).toBe('2 zvaigznes');
    expect(stars(10)).toBe('10 zvaigžņu');
    expect(stars(11)).toBe('11 zvaigžņu');
    expect(stars(21)).toBe('21 zvaigzne');
  });

  it('speaks every shipped language in that language', () => {
    const titles = Object.fromEntries(LANGUAGES.map((l) => [l, createI18n(l).t('settings.title')]));
    expect(titles).toEqual({
      en: 'Settings',
      lt: 'Nustatymai',
      lv: 'Iestatījumi',
      et: 'Seaded',
      fi: 'Asetukset',
      sv: 'Inställningar',
      de: 'Einstellungen',
      da: 'Indstillinger',
      pl: 'Ustawienia',
    });
    expect(createI18n('fi').t('map.stars', { count: 2 })).toBe('2 tähteä');
    expect(createI18n('de').t('play.secondsLeft', { count: 1 })).toBe('Noch 1 Sekunde');
  });

  it('falls back to English for a language that is not shipped', () => {
    const { t } = createI18n('nb' as Language);
    expect(t('settings.title')).toBe('Settings');
    expect(t('map.stars', { count: 3 })).toBe('3 stars');
  });
});
