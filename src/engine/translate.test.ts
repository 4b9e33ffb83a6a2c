import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { formatProblem } from './problems';
import type { Scenario } from './schema';
import {
  isComplete,
  scenarioStrings,
  textKey,
  textLookup,
  translationStatus,
  updateTranslation,
  type Translation,
} from './translate';
import { loadTranslation, translationText } from './translation-file';
import {
  decision,
  ending,
  event,
  metric,
  option,
  outcome,
  scenario,
  toText,
  type ScenarioInput,
} from './test-support/scenario';

function base(): ScenarioInput {
  const s = scenario({
    metrics: [{ ...metric('budget'), label: 'Budget' }],
    nodes: [
      { id: 'start', kind: 'narrative', title: 'Welcome', text: 'Hello.', next: 'ask' },
      decision('ask', [option('open', 'luck', 'best'), option('closed', 'done', 'poor')]),
      event('luck', [outcome('rain', 50, 'done'), outcome('sun', 50, 'done')]),
      ending('done'),
    ],
    start: 'start',
  });
  s.metrics[0] = { ...s.metrics[0]!, description: 'Money left.' } as ScenarioInput['metrics'][number];
  return s;
}

function load(s: ScenarioInput): Scenario {
  const r = loadScenario(toText(s), 'town.json');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

/** Translates every string as "<lang>: <source>". */
function translateAll(t: Translation): Translation {
  const strings = Object.fromEntries(
    Object.entries(t.strings).map(([k, e]) => [k, { source: e.source, text: `${t.lang}: ${e.source}` }]),
  );
  return { ...t, strings };
}

describe('scenarioStrings', () => {
  it('keys every player-visible string by ids, in the order of the file', () => {
    const keys = scenarioStrings(load(base())).map((s) => s.key);
    expect(keys).toEqual([
      'title',
      'summary',
      'metric.budget.label',
      'metric.budget.description',
      'node.start.title',
      'node.start.text',
      'node.ask.prompt',
      'node.ask.option.open.text',
      'node.ask.option.open.feedback',
      'node.ask.option.open.reference',
      'node.ask.option.closed.text',
      'node.ask.option.closed.feedback',
      'node.ask.option.closed.reference',
      'node.luck.outcome.rain.text',
      'node.luck.outcome.sun.text',
      'node.done.title',
      'node.done.text',
    ]);
    expect(keys).toContain(textKey.option('ask', 'open', 'feedback'));
  });

  it('carries the source text and the field limit', () => {
    const strings = scenarioStrings(load(base()));
    expect(strings.find((s) => s.key === 'metric.budget.label')).toEqual({
      key: 'metric.budget.label',
      text: 'Budget',
      max: 40,
    });
  });
});

describe('updateTranslation and translationStatus', () => {
  it('extracts every string with an empty text: nothing translated yet', () => {
    const s = load(base());
    const { translation, added } = updateTranslation(s, undefined, 'lt');
    expect(added).toHaveLength(scenarioStrings(s).length);
    expect(translation.strings.title).toEqual({ source: s.title, text: '' });
    const status = translationStatus(s, translation);
    expect(status.missing).toHaveLength(status.total);
    expect(status.coverage).toBe(0);
    expect(isComplete(status)).toBe(false);
  });

  it('counts a full translation as complete', () => {
    const s = load(base());
    const t = translateAll(updateTranslation(s, undefined, 'lt').translation);
    const status = translationStatus(s, t);
    expect(status.coverage).toBe(1);
    expect(isComplete(status)).toBe(true);
  });

  it('keeps every translation when nodes and options are reordered', () => {
    const s = base();
    const t = translateAll(updateTranslation(load(s), undefined, 'lt').translation);
    const reordered = structuredClone(s);
    reordered.nodes.reverse();
    const ask = reordered.nodes.find((n) => n.id === 'ask');
    if (ask?.kind === 'decision') ask.options.reverse();
    const update = updateTranslation(load(reordered), t, 'lt');
    expect(update.added).toEqual([]);
    expect(update.removed).toEqual([]);
    expect(update.changed).toEqual([]);
    expect(isComplete(translationStatus(load(reordered), update.translation))).toBe(true);
    // The file follows the new order of the scenario.
    expect(Object.keys(update.translation.strings).indexOf('node.done.title')).toBeLessThan(
      Object.keys(update.translation.strings).indexOf('node.start.title'),
    );
  });

  it('marks a translation stale when its source changes, keeping the old translation and source', () => {
    const s = base();
    const t = translateAll(updateTranslation(load(s), undefined, 'lt').translation);
    s.nodes[0] = { id: 'start', kind: 'narrative', title: 'Welcome', text: 'Hello, officer.', next: 'ask' };
    const changed = load(s);
    expect(translationStatus(changed, t).stale).toEqual(['node.start.text']);

    const update = updateTranslation(changed, t, 'lt');
    expect(update.changed).toEqual(['node.start.text']);
    expect(update.translation.strings['node.start.text']).toEqual({
      source: 'Hello, officer.',
      text: 'lt: Hello.',
      previousSource: 'Hello.',
    });
    // Still stale after the update, until a translator revises it and removes previousSource.
    expect(translationStatus(changed, update.translation).stale).toEqual(['node.start.text']);
    // A second change keeps the source the translation was really made from.
    s.nodes[0] = { id: 'start', kind: 'narrative', title: 'Welcome', text: 'Hello again.', next: 'ask' };
    expect(updateTranslation(load(s), update.translation, 'lt').translation.strings['node.start.text']).toEqual({
      source: 'Hello again.',
      text: 'lt: Hello.',
      previousSource: 'Hello.',
    });

    const revised = structuredClone(update.translation);
    revised.strings['node.start.text'] = { source: 'Hello, officer.', text: 'Labas, pareigūne.' };
    expect(isComplete(translationStatus(changed, revised))).toBe(true);
  });

  it('drops and returns the strings of a removed node, reporting them obsolete before', () => {
    const s = base();
    const t = translateAll(updateTranslation(load(s), undefined, 'lt').translation);
    s.nodes = s.nodes.filter((n) => n.id !== 'luck');
    const ask = s.nodes.find((n) => n.id === 'ask');
    if (ask?.kind === 'decision') for (const o of ask.options) o.next = 'done';
    const without = load(s);
    const status = translationStatus(without, t);
    expect(status.obsolete).toEqual(['node.luck.outcome.rain.text', 'node.luck.outcome.sun.text']);
    expect(isComplete(status)).toBe(true);

    const update = updateTranslation(without, t, 'lt');
    expect(update.removed).toEqual([
      { key: 'node.luck.outcome.rain.text', entry: { source: 'Outcome rain.', text: 'lt: Outcome rain.' } },
      { key: 'node.luck.outcome.sun.text', entry: { source: 'Outcome sun.', text: 'lt: Outcome sun.' } },
    ]);
    expect(translationStatus(without, update.translation).obsolete).toEqual([]);
  });

  it('reports a translation longer than its field allows', () => {
    const s = load(base());
    const t = translateAll(updateTranslation(s, undefined, 'lt').translation);
    t.strings['metric.budget.label'] = { source: 'Budget', text: 'B'.repeat(41) };
    const status = translationStatus(s, t);
    expect(status.tooLong).toEqual(['metric.budget.label']);
    expect(isComplete(status)).toBe(false);
  });
});

describe('textLookup', () => {
  it('gives the translation, or the source text in the scenario language when missing or stale', () => {
    const s = load(base());
    const t = updateTranslation(s, undefined, 'lt').translation;
    t.strings.title = { source: s.title, text: 'Miestas' };
    t.strings.summary = { source: 'an older summary', text: 'Sena santrauka' };
    const lookup = textLookup(s, t);
    expect(lookup('title', s.title)).toEqual({ text: 'Miestas', lang: 'lt', translated: true });
    expect(lookup('summary', s.summary)).toEqual({ text: s.summary, lang: 'en', translated: false });
    expect(lookup('node.start.text', 'Hello.')).toEqual({ text: 'Hello.', lang: 'en', translated: false });
    expect(textLookup(s, undefined)('title', s.title)).toEqual({ text: s.title, lang: 'en', translated: false });
  });
});

describe('loadTranslation', () => {
  it('reads what translationText writes', () => {
    const t = translateAll(updateTranslation(load(base()), undefined, 'lt').translation);
    const r = loadTranslation(translationText(t), 'town.lt.json');
    expect(r).toEqual({ ok: true, translation: t });
  });

  it('reports a syntax error with line and column', () => {
    const r = loadTranslation('{\n  "format": 1,\n  "scenario": "town"\n  "lang": "lt"\n}', 'town.lt.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0]!)).toMatch(/^town\.lt\.json:4:3 /);
  });

  it('reports every wrong field with its pointer and position', () => {
    const text = [
      '{',
      '  "format": 2,',
      '  "scenario": "town",',
      '  "lang": "Lithuanian",',
      '  "strings": {',
      '    "title": { "source": "Town", "txt": "Miestas" },',
      '    "Bad Key": { "source": "x", "text": "y" },',
      '    "summary": { "source": 3, "text": "" }',
      '  }',
      '}',
    ].join('\n');
    const r = loadTranslation(text, 'town.lt.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    expect(lines).toEqual([
      'town.lt.json:2:13 /format: expected "format": 1 (the only translation format this version reads), found 2',
      'town.lt.json:4:11 /lang: expected a language code like "en" or "pt-BR", found "Lithuanian"',
      'town.lt.json:6:14 /strings/title/text: expected the translation as text, found nothing (the field is missing)',
      'town.lt.json:6:34 /strings/title/txt: expected only "source", "text" and "previousSource" in a string, found an unknown field "txt"',
      'town.lt.json:7:5 /strings/Bad Key: expected a string key like "node.market-talk.prompt", found the key "Bad Key"',
      'town.lt.json:8:28 /strings/summary/source: expected the source text as text, found 3',
    ]);
  });

  it('refuses a document that is not an object', () => {
    const r = loadTranslation('[]', 'x.json');
    expect(r.ok).toBe(false);
  });
});
