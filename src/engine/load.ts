// The boundary: text or bytes in, a typed Scenario or every problem found out.
import type { z } from 'zod';
import { readJson, pointerOf, type JsonValue, type Position, type PositionIndex } from './json';
import { describeValue, problemAt, type ScenarioProblem } from './problems';
import { checkReferences } from './references';
import {
  BranchNodeSchema,
  DecisionNodeSchema,
  EndingNodeSchema,
  EventNodeSchema,
  EventOutcomeSchema,
  MetricSchema,
  NarrativeNodeSchema,
  NODE_KINDS,
  OptionSchema,
  ScenarioSchema,
  type Scenario,
} from './schema';
import { didYouMean } from './suggest';

/** Largest scenario file accepted, in bytes. The largest real scenario is far below this. */
import { MAX_FILE_BYTES } from './vocabulary';

export { MAX_FILE_BYTES };

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const START: Position = { line: 1, column: 1 };

/**
 * Reads a scenario from raw bytes as they come from a disk or a file picker: refuses files that
 * are too large or not UTF-8 text before any parsing happens.
 */
export function loadScenarioBytes(bytes: Uint8Array, file: string): LoadResult {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(problemAt(file, '', START, tooLargeExpectation(), formatBytes(bytes.byteLength)));
  }
  if (bytes.includes(0)) {
    return fail(problemAt(file, '', START, 'a JSON text file', 'binary data (the file contains NUL bytes)'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      problemAt(
        file,
        '',
        START,
        'a JSON text file in UTF-8',
        'bytes that are not valid UTF-8 (binary data or another encoding)',
      ),
    );
  }
  return loadScenario(text, file);
}

/** Reads a scenario from text; all problems of the file are reported, not only the first. */
export function loadScenario(text: string, file: string): LoadResult {
  if (text.length > MAX_FILE_BYTES) {
    return fail(problemAt(file, '', START, tooLargeExpectation(), `${text.length.toLocaleString('en')} characters`));
  }
  const read = readJson(text);
  if (!read.ok) {
    const { pointer, position, expected, found } = read.problem;
    return fail(problemAt(file, pointer, position, expected, found));
  }
  const { value, positions } = read;
  const locate = (pointer: string): Position => nearestPosition(positions, pointer);
  const locateKey = (pointer: string): Position => positions.getKey(pointer) ?? locate(pointer);

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      problemAt(
        file,
        '',
        locate(''),
        'a scenario object {"format": 1, "id": ..., "nodes": [...]}',
        describeValue(value),
      ),
    );
  }

  const parsed = ScenarioSchema.safeParse(value, { error: defaultExpectation });
  if (!parsed.success) {
    const problems: ScenarioProblem[] = [];
    for (const issue of parsed.error.issues) collectIssue(issue, [], value, file, { locate, locateKey }, problems);
    return { ok: false, problems: dedupe(problems) };
  }
  const problems = checkReferences(parsed.data, file, locate);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
}

function fail(problem: ScenarioProblem): LoadResult {
  return { ok: false, problems: [problem] };
}

function tooLargeExpectation(): string {
  return `a scenario file of at most ${formatBytes(MAX_FILE_BYTES)}`;
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1_000) return `${(n / 1_000).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** A missing field has no position of its own: point at the object that should hold it. */
function nearestPosition(positions: PositionIndex, pointer: string): Position {
  let p = pointer;
  for (;;) {
    const found = positions.get(p);
    if (found) return found;
    if (p === '') return START;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [...]',
  object: 'an object {...}',
  record: 'an object {...}',
};

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** Phrases for issues the schema did not word itself. */
function defaultExpectation(issue: RawIssue): string | undefined {
  if (issue.code === 'invalid_type') return TYPE_PHRASES[issue.expected] ?? issue.expected;
  return undefined;
}

/** Every field name the format knows, for "did you mean" on an unknown field. */
const KNOWN_FIELDS = new Set<string>(
  [
    ScenarioSchema,
    MetricSchema,
    OptionSchema,
    NarrativeNodeSchema,
    DecisionNodeSchema,
    BranchNodeSchema,
    EventNodeSchema,
    EventOutcomeSchema,
    EndingNodeSchema,
  ].flatMap((s) => Object.keys(s.shape)),
);
for (const f of [
  'seconds',
  'onTimeout',
  'when',
  'all',
  'any',
  'not',
  'metric',
  'op',
  'value',
  'flag',
  'decisionQuality',
])
  KNOWN_FIELDS.add(f);

function valueAt(root: JsonValue, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const k = typeof key === 'symbol' ? '' : key;
    cur = Object.prototype.hasOwnProperty.call(cur, k) ? (cur as Record<string, unknown>)[k as string] : undefined;
  }
  return cur;
}

function collectIssue(
  issue: Issue,
  prefix: readonly PropertyKey[],
  root: JsonValue,
  file: string,
  where: { locate: (pointer: string) => Position; locateKey: (pointer: string) => Position },
  out: ScenarioProblem[],
): void {
  const { locate, locateKey } = where;
  const path = [...prefix, ...issue.path];
  const tokens = path.map((k) => (typeof k === 'symbol' ? '' : k));
  const pointer = pointerOf(tokens);
  const found = describeValue(valueAt(root, path));

  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const keyPointer = pointerOf([...tokens, key]);
        out.push(
          problemAt(
            file,
            keyPointer,
            // The name is what is wrong: point at it, not at its value.
            locateKey(keyPointer),
            'only the fields this part of the format defines',
            `an unknown field "${key}"`,
            // A known field in the wrong place is no typo: suggesting its own name would say nothing.
            KNOWN_FIELDS.has(key) ? undefined : didYouMean(key, KNOWN_FIELDS),
          ),
        );
      }
      return;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        // zod already puts the discriminator in the path.
        out.push(
          problemAt(
            file,
            pointer,
            locate(pointer),
            `a node kind: one of ${NODE_KINDS.map((k) => `"${k}"`).join(', ')}`,
            found,
          ),
        );
        return;
      }
      // Pick the alternative whose shape the value matches, and report its problems instead
      // of "matches none of five shapes".
      const fitting = issue.errors.filter((branch) => branch.every((i) => i.path.length > 0));
      if (fitting.length === 1) {
        for (const inner of fitting[0]!) collectIssue(inner, path, root, file, where, out);
        return;
      }
      out.push(problemAt(file, pointer, locate(pointer), issue.message, found));
      return;
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      out.push(
        problemAt(
          file,
          pointer,
          locate(pointer),
          inner?.message ?? issue.message,
          `the key ${JSON.stringify(String(tokens[tokens.length - 1]))}`,
        ),
      );
      return;
    }
    default:
      out.push(problemAt(file, pointer, locate(pointer), issue.message, found));
  }
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
