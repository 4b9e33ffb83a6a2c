import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Translation } from '../src/engine';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './commands';
import { ppi } from './testing';

const FIXTURE = 'cli/fixtures/translate';

/** A copy of the fixture folder (scenario + translations/) to write into. */
function workspace(withBrokenGerman = false): { dir: string; scenario: string; file: (lang: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ppi-translate-'));
  cpSync(join(FIXTURE, 'bench.json'), join(dir, 'bench.json'));
  if (withBrokenGerman) cpSync(join(FIXTURE, 'translations'), join(dir, 'translations'), { recursive: true });
  return { dir, scenario: join(dir, 'bench.json'), file: (lang) => join(dir, 'translations', `bench.${lang}.json`) };
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Translation;
const write = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2));
type Json = Record<string, unknown> & { nodes: Record<string, unknown>[] };
const readScenario = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** Fills every empty text with "<lang>: <source>", as a translator would fill the file in. */
function translateFile(file: string): void {
  const t = read(file);
  for (const entry of Object.values(t.strings)) if (entry.text === '') entry.text = `${t.lang}: ${entry.source}`;
  write(file, t);
}

describe('ppi translate', () => {
  it('extracts every string of a scenario into a new translation file', async () => {
    const w = workspace();
    const run = await ppi(['translate', w.scenario, '--lang', 'lt']);
    expect(run.code).toBe(EXIT_OK);
    expect(run.out).toContain(`wrote ${w.file('lt')}`);
    expect(run.out).toContain('18 new strings to translate, 0 changed in the scenario (now stale), 0 removed');
    expect(run.out).toMatch(/ {2}lt {6}0% {2}0 translated, 18 missing/);
    const t = read(w.file('lt'));
    expect(t).toMatchObject({ format: 1, scenario: 'bench', lang: 'lt' });
    expect(Object.keys(t.strings)).toHaveLength(18);
    expect(t.strings['node.ask.option.need.reference']).toEqual({
      source: 'Directive 2014/24/EU Art. 42(3)',
      text: '',
    });
  });

  it('check fails while strings are missing and passes once all are translated', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    const before = await ppi(['translate', w.scenario, '--lang', 'lt', '--check']);
    expect(before.code).toBe(EXIT_INVALID);
    expect(before.out).toContain('    missing   node.welcome.text');

    translateFile(w.file('lt'));
    const after = await ppi(['translate', w.scenario, '--lang', 'lt', '--check']);
    expect(after.code).toBe(EXIT_OK);
    expect(after.out).toMatch(/ {2}lt {4}100% {2}18 translated {2}/);
    expect(after.out).not.toContain('missing');
  });

  it('check fails for a language that has no translation file yet', async () => {
    const w = workspace();
    const run = await ppi(['translate', w.scenario, '--lang', 'pl', '--check']);
    expect(run.code).toBe(EXIT_INVALID);
    expect(run.out).toContain(`no translation into "pl" yet: run  npm run ppi -- translate ${w.scenario} --lang pl`);
    expect(existsSync(w.file('pl'))).toBe(false);
  });

  it('loses no translation when nodes and options are reordered', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    translateFile(w.file('lt'));
    const translated = read(w.file('lt')).strings;

    const s = readScenario(w.scenario);
    s.nodes.reverse();
    const ask = s.nodes.find((n) => n.id === 'ask') as { options: unknown[] };
    ask.options.reverse();
    write(w.scenario, s);

    const run = await ppi(['translate', w.scenario, '--lang', 'lt']);
    expect(run.out).toContain('0 new strings to translate, 0 changed in the scenario (now stale), 0 removed');
    const after = read(w.file('lt')).strings;
    expect(Object.keys(after)).not.toEqual(Object.keys(translated));
    expect(Object.fromEntries(Object.entries(after).sort())).toEqual(
      Object.fromEntries(Object.entries(translated).sort()),
    );
    expect((await ppi(['translate', w.scenario, '--lang', 'lt', '--check'])).code).toBe(EXIT_OK);
  });

  it('marks a string stale when its source changes, keeping the old translation for the translator', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    translateFile(w.file('lt'));
    const s = readScenario(w.scenario);
    s.nodes[0]!.text = 'The square needs a place to sit.';
    write(w.scenario, s);

    const check = await ppi(['translate', w.scenario, '--check']);
    expect(check.code).toBe(EXIT_INVALID);
    expect(check.out).toContain('    stale     node.welcome.text');

    const run = await ppi(['translate', w.scenario, '--lang', 'lt']);
    expect(run.out).toContain('0 new strings to translate, 1 changed in the scenario (now stale), 0 removed');
    expect(read(w.file('lt')).strings['node.welcome.text']).toEqual({
      source: 'The square needs a place to sit.',
      text: 'lt: The square needs a bench.',
      previousSource: 'The square needs a bench.',
    });
    expect((await ppi(['translate', w.scenario, '--lang', 'lt', '--check'])).code).toBe(EXIT_INVALID);

    // The translator revises the text and deletes previousSource.
    const t = read(w.file('lt'));
    t.strings['node.welcome.text'] = {
      source: 'The square needs a place to sit.',
      text: 'Aikštei reikia kur prisėsti.',
    };
    write(w.file('lt'), t);
    expect((await ppi(['translate', w.scenario, '--lang', 'lt', '--check'])).code).toBe(EXIT_OK);
  });

  it('reports the strings of a removed node as obsolete, then drops them and says what they held', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    translateFile(w.file('lt'));
    const s = readScenario(w.scenario);
    s.nodes = s.nodes.filter((n) => n.id !== 'weather');
    for (const o of (s.nodes.find((n) => n.id === 'ask') as { options: { next: string }[] }).options) o.next = 'done';
    write(w.scenario, s);

    const report = await ppi(['translate', w.scenario]);
    expect(report.code).toBe(EXIT_OK);
    expect(report.out).toMatch(/ {2}lt {4}100% {2}15 translated, 3 obsolete/);

    const run = await ppi(['translate', w.scenario, '--lang', 'lt']);
    expect(run.out).toContain('0 new strings to translate, 0 changed in the scenario (now stale), 3 removed');
    expect(run.out).toContain('  removed node.weather.outcome.rain.text: "lt: It rains."');
    expect(Object.keys(read(w.file('lt')).strings)).not.toContain('node.weather.title');
  });

  it('reports coverage for every language of the scenario, and JSON for tools', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    translateFile(w.file('lt'));
    await ppi(['translate', w.scenario, '--lang', 'pl']);
    const t = read(w.file('pl'));
    t.strings.title!.text = 'Ławka na rynek';
    write(w.file('pl'), t);

    const text = await ppi(['translate', w.scenario]);
    expect(text.code).toBe(EXIT_OK);
    expect(text.lines.slice(0, 3)).toEqual([
      `bench (${w.scenario}): 18 strings`,
      `  lt    100%  18 translated  ${w.file('lt')}`,
      `  pl      5%  1 translated, 17 missing  ${w.file('pl')}`,
    ]);
    expect((await ppi(['translate', w.scenario, '--check'])).code).toBe(EXIT_INVALID);

    const json = await ppi(['translate', w.scenario, '--json']);
    const parsed = JSON.parse(json.out) as {
      ok: boolean;
      scenarios: { languages: { lang: string; complete: boolean; status: { coverage: number } }[] }[];
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.scenarios[0]!.languages.map((l) => [l.lang, l.complete, l.status.coverage])).toEqual([
      ['lt', true, 1],
      ['pl', false, 1 / 18],
    ]);
  });

  it('reports a broken translation file with line:column and never overwrites it', async () => {
    const w = workspace(true);
    const before = readFileSync(w.file('de'), 'utf8');
    const run = await ppi(['translate', w.scenario, '--lang', 'de']);
    expect(run.code).toBe(EXIT_INVALID);
    expect(run.out).toContain(`${w.file('de')}:7:83 /strings/summary/text: expected the translation as text, found 42`);
    expect(readFileSync(w.file('de'), 'utf8')).toBe(before);

    writeFileSync(w.file('de'), '{\n  "format": 1,\n  "scenario": "bench"\n  "lang": "de"\n}\n');
    const syntax = await ppi(['translate', w.scenario]);
    expect(syntax.code).toBe(EXIT_INVALID);
    expect(syntax.out).toContain(`${w.file('de')}:4:3 `);
  });

  it('refuses a file that names another scenario or language than its file name', async () => {
    const w = workspace();
    await ppi(['translate', w.scenario, '--lang', 'lt']);
    const t = read(w.file('lt'));
    write(w.file('lt'), { ...t, lang: 'lv' });
    const run = await ppi(['translate', w.scenario, '--lang', 'lt', '--check']);
    expect(run.code).toBe(EXIT_INVALID);
    expect(run.out).toContain(`${w.file('lt')}:4:11 /lang: expected "lt", as the file name says, found "lv"`);
  });

  it('refuses the scenario’s own language and malformed language codes', async () => {
    const w = workspace();
    const same = await ppi(['translate', w.scenario, '--lang', 'en']);
    expect(same.code).toBe(EXIT_INVALID);
    expect(same.out).toContain(`expected a --lang other than the scenario's own language "en"`);
    const bad = await ppi(['translate', w.scenario, '--lang', 'Lithuanian']);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toContain('--lang needs a language code like "lt" or "pt-BR", not "Lithuanian"');
    expect((await ppi(['translate', '--lang', 'lt'])).code).toBe(EXIT_USAGE);
  });
});
