// Translations of a scenario's player-visible text. Every string has a stable key built from ids
// (never from positions), so reordering nodes or options loses no translation. A translation
// remembers the source text each string was translated from: when the scenario's text changes,
// the string is stale and the game shows the source text until a translator revises it.
import type { Scenario } from './schema';
import { MAX_TEXT_CHARS } from './vocabulary';

export const TRANSLATION_FORMAT = 1;

/** One translatable string of a scenario. */
export interface ScenarioString {
  /** Stable id, like `node.market-talk.option.open-day.feedback`. */
  key: string;
  /** The text in the scenario's own language. */
  text: string;
  /** The longest translation the field accepts, the same limit as the scenario format's. */
  max: number;
}

export interface TranslationEntry {
  /** The scenario text this translation was made from. */
  source: string;
  /** The translation; empty while nobody has translated it. */
  text: string;
  /**
   * Set when the source changed after the translation was made: the source it was translated
   * from. The translator revises `text` and deletes this field.
   */
  previousSource?: string;
}

export interface Translation {
  $schema?: string;
  format: typeof TRANSLATION_FORMAT;
  /** The id of the scenario translated. */
  scenario: string;
  /** The language translated into, like "lt" or "pt-BR". */
  lang: string;
  strings: Record<string, TranslationEntry>;
}

/** Builds the keys; the UI uses the same functions to look strings up. */
export const textKey = {
  title: () => 'title',
  summary: () => 'summary',
  metric: (metric: string, field: 'label' | 'description') => `metric.${metric}.${field}`,
  node: (node: string, field: 'title' | 'text' | 'prompt') => `node.${node}.${field}`,
  option: (node: string, option: string, field: 'text' | 'feedback' | 'reference') =>
    `node.${node}.option.${option}.${field}`,
  outcome: (node: string, outcome: string) => `node.${node}.outcome.${outcome}.text`,
};

// The limits of the scenario schema, field by field (see schema.ts).
const LIMITS = {
  title: 80,
  summary: 600,
  label: 40,
  nodeTitle: 160,
  optionText: 300,
  reference: 200,
  prose: MAX_TEXT_CHARS,
};

/** Every player-visible string of the scenario, in the order a reader of the file meets them. */
export function scenarioStrings(scenario: Scenario): ScenarioString[] {
  const out: ScenarioString[] = [];
  const add = (key: string, text: string | undefined, max: number) => {
    if (text !== undefined) out.push({ key, text, max });
  };
  add(textKey.title(), scenario.title, LIMITS.title);
  add(textKey.summary(), scenario.summary, LIMITS.summary);
  for (const m of scenario.metrics) {
    add(textKey.metric(m.id, 'label'), m.label, LIMITS.label);
    add(textKey.metric(m.id, 'description'), m.description, LIMITS.prose);
  }
  for (const node of scenario.nodes) {
    if (node.kind === 'branch') continue;
    add(textKey.node(node.id, 'title'), node.title, LIMITS.nodeTitle);
    if (node.kind === 'decision') {
      add(textKey.node(node.id, 'prompt'), node.prompt, LIMITS.prose);
      for (const o of node.options) {
        add(textKey.option(node.id, o.id, 'text'), o.text, LIMITS.optionText);
        add(textKey.option(node.id, o.id, 'feedback'), o.feedback, LIMITS.prose);
        add(textKey.option(node.id, o.id, 'reference'), o.reference, LIMITS.reference);
      }
      continue;
    }
    add(textKey.node(node.id, 'text'), node.text, LIMITS.prose);
    if (node.kind === 'event') {
      for (const outcome of node.outcomes) add(textKey.outcome(node.id, outcome.id), outcome.text, LIMITS.prose);
    }
  }
  return out;
}

export type StringState = 'translated' | 'missing' | 'stale';

export interface TranslationStatus {
  scenario: string;
  lang: string;
  /** Strings the scenario has. */
  total: number;
  translated: string[];
  /** Not translated yet (no entry, or an empty text). */
  missing: string[];
  /** Translated from a source text that has changed since. */
  stale: string[];
  /** Keys of the translation the scenario no longer has (a node or option removed or renamed). */
  obsolete: string[];
  /** Translations longer than the field allows (the screen is laid out for the limit). */
  tooLong: string[];
  /** Share of strings translated and current, 0 to 1. */
  coverage: number;
}

/** The state of one string of the scenario in a translation. */
export function stringState(entry: TranslationEntry | undefined, source: string): StringState {
  if (!entry || entry.text.trim() === '') return 'missing';
  if (entry.source !== source || entry.previousSource !== undefined) return 'stale';
  return 'translated';
}

/** How complete and current a translation is. A missing translation file is `undefined`. */
export function translationStatus(
  scenario: Scenario,
  translation: Translation | undefined,
  lang = translation?.lang ?? '',
): TranslationStatus {
  const strings = scenarioStrings(scenario);
  const entries = translation?.strings ?? {};
  const status: TranslationStatus = {
    scenario: scenario.id,
    lang,
    total: strings.length,
    translated: [],
    missing: [],
    stale: [],
    obsolete: [],
    tooLong: [],
    coverage: 0,
  };
  const known = new Set<string>();
  for (const s of strings) {
    known.add(s.key);
    const entry = Object.hasOwn(entries, s.key) ? entries[s.key] : undefined;
    status[stringState(entry, s.text)].push(s.key);
    if (entry && entry.text.length > s.max) status.tooLong.push(s.key);
  }
  status.obsolete = Object.keys(entries).filter((k) => !known.has(k));
  status.coverage = strings.length === 0 ? 1 : status.translated.length / strings.length;
  return status;
}

/** Whether a translation can ship: every string translated and current, none too long. */
export function isComplete(status: TranslationStatus): boolean {
  return status.missing.length === 0 && status.stale.length === 0 && status.tooLong.length === 0;
}

export interface TranslationUpdate {
  translation: Translation;
  /** Keys new to the translation, waiting for a translator. */
  added: string[];
  /** Keys whose source changed since they were translated (marked with `previousSource`). */
  changed: string[];
  /** Entries dropped because the scenario no longer has them, with what they held. */
  removed: { key: string; entry: TranslationEntry }[];
}

/**
 * Brings a translation in line with the scenario: new strings are added with an empty text,
 * translations kept, translations of a changed source kept but marked stale (with the source they
 * were made from), strings the scenario no longer has dropped and returned. Keys follow the
 * scenario's order, so the file reads like the scenario.
 */
export function updateTranslation(
  scenario: Scenario,
  existing: Translation | undefined,
  lang: string,
): TranslationUpdate {
  const old = existing?.strings ?? {};
  const strings: Record<string, TranslationEntry> = {};
  const added: string[] = [];
  const changed: string[] = [];
  const known = new Set<string>();
  for (const s of scenarioStrings(scenario)) {
    known.add(s.key);
    const entry = Object.hasOwn(old, s.key) ? old[s.key] : undefined;
    if (!entry) {
      added.push(s.key);
      strings[s.key] = { source: s.text, text: '' };
    } else if (entry.source === s.text) {
      strings[s.key] = { ...entry };
    } else if (entry.text.trim() === '') {
      strings[s.key] = { source: s.text, text: '' };
    } else {
      changed.push(s.key);
      // The oldest source is the one the translation was really made from.
      strings[s.key] = { source: s.text, text: entry.text, previousSource: entry.previousSource ?? entry.source };
    }
  }
  const removed = Object.entries(old)
    .filter(([key]) => !known.has(key))
    .map(([key, entry]) => ({ key, entry }));
  return {
    translation: {
      ...(existing?.$schema !== undefined ? { $schema: existing.$schema } : {}),
      format: TRANSLATION_FORMAT,
      scenario: scenario.id,
      lang,
      strings,
    },
    added,
    changed,
    removed,
  };
}

/** A string as the player sees it: the translation, or the source text when there is none. */
export interface LocalizedText {
  text: string;
  /** The language the text is in. */
  lang: string;
  translated: boolean;
}

/**
 * Looks strings up by key. `source` is the text as the scenario (or the run's view) has it: a
 * translation made from another source is stale and the source is shown instead.
 */
export type TextLookup = (key: string, source: string) => LocalizedText;

export function textLookup(scenario: Pick<Scenario, 'lang'>, translation: Translation | undefined): TextLookup {
  const entries = translation?.strings ?? {};
  return (key, source) => {
    const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
    if (translation && stringState(entry, source) === 'translated') {
      return { text: entry!.text, lang: translation.lang, translated: true };
    }
    return { text: source, lang: scenario.lang, translated: false };
  };
}
