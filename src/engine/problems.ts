// What is wrong with a scenario file, said so that its author can fix it without reading code.
import type { Position } from './json';

export interface ScenarioProblem {
  /** The file as the user named it. */
  file: string;
  /** RFC 6901 JSON pointer to the value at fault ("" is the whole document). */
  pointer: string;
  line: number;
  column: number;
  /** What the format expects there, as a phrase: "a number for the starting value". */
  expected: string;
  /** What the file has there, as a phrase: '"twelve"'. */
  found: string;
  /** An optional suggestion: 'did you mean "market-talk"?' */
  hint?: string;
}

export function problemAt(
  file: string,
  pointer: string,
  position: Position,
  expected: string,
  found: string,
  hint?: string,
): ScenarioProblem {
  return { file, pointer, line: position.line, column: position.column, expected, found, ...(hint ? { hint } : {}) };
}

/** One line per problem, like compilers print them, so editors and terminals can jump to it. */
export function formatProblem(p: ScenarioProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const pointer = p.pointer === '' ? '(document)' : p.pointer;
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where} ${pointer}: expected ${p.expected}, found ${p.found}${hint}`;
}

/** Describes a JSON value briefly, for the "found" part of a problem. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? value.slice(0, 37) + '...' : value;
    return value.length === 0 ? 'an empty string' : JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}
