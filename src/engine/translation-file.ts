// The translation file format: read with the same strict JSON reader as scenario files, so a
// broken translation is reported with file, JSON pointer and line:column, never half-applied.
import { z } from 'zod';
import { readJson, pointerOf, type Position, type PositionIndex } from './json';
import { describeValue, problemAt, type ScenarioProblem } from './problems';
import { MAX_TEXT_CHARS, ScenarioSchema } from './schema';
import { TRANSLATION_FORMAT, type Translation } from './translate';

/** Largest translation file accepted, in characters. */
export const MAX_TRANSLATION_CHARS = 8_000_000;

const KEY_HINT = 'a string key like "node.market-talk.prompt"';
const KEY_PATTERN = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;

const text = (what: string) =>
  z
    .string({ error: `${what} as text` })
    .max(MAX_TEXT_CHARS, { error: `${what} of at most ${MAX_TEXT_CHARS} characters` });

export const TranslationSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(TRANSLATION_FORMAT, {
    error: `"format": ${TRANSLATION_FORMAT} (the only translation format this version reads)`,
  }),
  scenario: ScenarioSchema.shape.id,
  lang: ScenarioSchema.shape.lang,
  strings: z.record(
    z.string().regex(KEY_PATTERN, { error: KEY_HINT }),
    z.strictObject(
      {
        source: text('the source text'),
        text: text('the translation'),
        previousSource: text('the source text the translation was made from').optional(),
      },
      { error: 'an object {"source": ..., "text": ...}' },
    ),
    { error: 'an object of strings by key, like {"title": {"source": ..., "text": ...}}' },
  ),
}) satisfies z.ZodType<Translation>;

export type TranslationLoadResult = { ok: true; translation: Translation } | { ok: false; problems: ScenarioProblem[] };

const START: Position = { line: 1, column: 1 };

/** What the file's name or place says it must hold. */
export interface TranslationExpectation {
  scenario?: string;
  lang?: string;
}

/**
 * Reads a translation file; every problem is reported, located. `expected` is what its name says
 * (`<scenario>.<lang>.json`): a file that claims otherwise is refused rather than misapplied.
 */
export function loadTranslation(
  textOfFile: string,
  file: string,
  expected: TranslationExpectation = {},
): TranslationLoadResult {
  if (textOfFile.length > MAX_TRANSLATION_CHARS) {
    return {
      ok: false,
      problems: [
        problemAt(
          file,
          '',
          START,
          `a translation file of at most ${MAX_TRANSLATION_CHARS.toLocaleString('en')} characters`,
          `${textOfFile.length.toLocaleString('en')} characters`,
        ),
      ],
    };
  }
  const read = readJson(textOfFile, { maxChars: MAX_TRANSLATION_CHARS, maxDepth: 8 });
  if (!read.ok) {
    const { pointer, position, expected, found } = read.problem;
    return { ok: false, problems: [problemAt(file, pointer, position, expected, found)] };
  }
  const { value, positions } = read;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        problemAt(
          file,
          '',
          START,
          'a translation object {"format": 1, "scenario": ..., "lang": ..., "strings": {...}}',
          describeValue(value),
        ),
      ],
    };
  }
  const parsed = TranslationSchema.safeParse(value);
  if (parsed.success) {
    const mismatched = (['scenario', 'lang'] as const).flatMap((field) => {
      const want = expected[field];
      if (want === undefined || parsed.data[field] === want) return [];
      const pointer = `/${field}`;
      return [
        problemAt(
          file,
          pointer,
          nearest(positions, pointer),
          `"${want}", as the file name says`,
          JSON.stringify(parsed.data[field]),
        ),
      ];
    });
    return mismatched.length > 0 ? { ok: false, problems: mismatched } : { ok: true, translation: parsed.data };
  }
  const problems = parsed.error.issues.flatMap((issue): ScenarioProblem[] => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? '' : k));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const pointer = pointerOf([...path, key]);
        return problemAt(
          file,
          pointer,
          positions.getKey(pointer) ?? nearest(positions, pointer),
          path.length === 0
            ? 'only "$schema", "format", "scenario", "lang" and "strings"'
            : 'only "source", "text" and "previousSource" in a string',
          `an unknown field "${key}"`,
        );
      });
    }
    const pointer = pointerOf(path);
    if (issue.code === 'invalid_key') {
      return [
        problemAt(
          file,
          pointer,
          positions.getKey(pointer) ?? nearest(positions, pointer),
          KEY_HINT,
          `the key ${JSON.stringify(String(path[path.length - 1]))}`,
        ),
      ];
    }
    return [problemAt(file, pointer, nearest(positions, pointer), issue.message, describeValue(valueAt(value, path)))];
  });
  return { ok: false, problems };
}

/** A missing field has no position: point at the object that should hold it. */
function nearest(positions: PositionIndex, pointer: string): Position {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const found = positions.get(p);
    if (found) return found;
    if (p === '') return START;
  }
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The file as written by `ppi translate`: two-space JSON, strings in the scenario's order. */
export function translationText(translation: Translation): string {
  const { $schema, format, scenario, lang, strings } = translation;
  return (
    JSON.stringify({ ...($schema !== undefined ? { $schema } : {}), format, scenario, lang, strings }, null, 2) + '\n'
  );
}

/** Where a scenario's translation into `lang` lives, relative to the scenario's folder. */
export function translationFileName(scenarioId: string, lang: string): string {
  return `translations/${scenarioId}.${lang}.json`;
}
