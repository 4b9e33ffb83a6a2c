// Every shipped translation is valid, belongs to a shipped scenario, and is complete and current:
// the same judgement as `npm run ppi -- translate scenarios --check`. Coverage per language is
// printed as a table, and the languages each level promises are checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  isComplete,
  loadScenario,
  loadTranslation,
  translationStatus,
  type Scenario,
  type TranslationStatus,
} from '../../src/engine';
import { loadShippedTranslations, translatedLanguages } from '../../src/translations';

const FOLDER = 'scenarios/translations';
const NAME = /^([a-z][a-z0-9-]*)\.([a-z]{2,3}(?:-[A-Z]{2})?)\.json$/;

/** Every shipped level, by id. */
const LEVELS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

/**
 * Which levels must be fully translated into which languages (issue 7): every level into
 * Lithuanian, German and Polish.
 */
const PROMISED: Record<string, readonly string[]> = {
  lt: LEVELS,
  de: LEVELS,
  pl: LEVELS,
};

function scenarioById(id: string): Scenario {
  const file = `scenarios/${id}.json`;
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

const files = readdirSync(FOLDER).filter((f) => f.endsWith('.json'));

const statuses: TranslationStatus[] = files.flatMap((name) => {
  const match = NAME.exec(name);
  if (!match) return [];
  const file = join(FOLDER, name);
  const loaded = loadTranslation(readFileSync(file, 'utf8'), file, { scenario: match[1]!, lang: match[2]! });
  return loaded.ok ? [translationStatus(scenarioById(match[1]!), loaded.translation)] : [];
});

describe('shipped translations', () => {
  it('are named <scenario>.<lang>.json, read cleanly and name a shipped scenario', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(LEVELS).toEqual(expect.arrayContaining(['tutorial', 'street-lighting']));
    for (const name of files) {
      const match = NAME.exec(name);
      expect(match, `${name} is not named <scenario>.<lang>.json`).not.toBeNull();
      const file = join(FOLDER, name);
      const loaded = loadTranslation(readFileSync(file, 'utf8'), file, { scenario: match![1]!, lang: match![2]! });
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
      expect(() => scenarioById(match![1]!), `${name}: no scenarios/${match![1]!}.json`).not.toThrow();
    }
    expect(statuses).toHaveLength(files.length);
  });

  it('are complete and current: nothing missing, stale, too long or obsolete', () => {
    for (const s of statuses) {
      const where = `${s.scenario}.${s.lang}.json (run npm run ppi -- translate scenarios/${s.scenario}.json --lang ${s.lang})`;
      expect({ missing: s.missing, stale: s.stale, tooLong: s.tooLong, obsolete: s.obsolete }, where).toEqual({
        missing: [],
        stale: [],
        tooLong: [],
        obsolete: [],
      });
      expect(isComplete(s)).toBe(true);
    }
  });

  it('cover every level promised in each language, and report coverage per language', () => {
    const rows = statuses.map((s) => ({
      lang: s.lang,
      scenario: s.scenario,
      strings: s.total,
      coverage: `${Math.floor(s.coverage * 100)}%`,
    }));
    console.table(rows.sort((a, b) => a.lang.localeCompare(b.lang) || a.scenario.localeCompare(b.scenario)));
    for (const [lang, ids] of Object.entries(PROMISED)) {
      for (const id of ids) {
        const status = statuses.find((s) => s.lang === lang && s.scenario === id);
        expect(status?.coverage, `${id} in ${lang}`).toBe(1);
      }
    }
  });

  it('reach the game: the app loads a language’s translations from its chunks', async () => {
    expect(translatedLanguages).toEqual(expect.arrayContaining(Object.keys(PROMISED)));
    const lithuanian = await loadShippedTranslations('lt');
    expect(lithuanian.map((t) => t.scenario).sort()).toEqual(
      statuses
        .filter((s) => s.lang === 'lt')
        .map((s) => s.scenario)
        .sort(),
    );
    expect(lithuanian.every((t) => t.lang === 'lt')).toBe(true);
  });
});
