// Helpers that find places in JSON text and objects independently of the engine's own reader,
// so a test can say where a problem must be without trusting the code under test.

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column (UTF-16 code units) of a character index. */
export function positionAt(text: string, index: number): TextPosition {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

function indexOf(text: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence} times`);
  }
  return index;
}

/** Where the `occurrence`-th copy of `needle` starts; fails the test if it is not there. */
export function positionOf(text: string, needle: string, occurrence = 1): TextPosition {
  return positionAt(text, indexOf(text, needle, occurrence));
}

/**
 * Where the value of a property starts, found by its text as saved with two-space indentation:
 * `valuePosition(text, '"next": "nowhere"')` is the position of `"nowhere"`.
 */
export function valuePosition(text: string, property: string, occurrence = 1): TextPosition {
  const colon = property.indexOf('": ');
  if (colon === -1) throw new Error(`write the property as '"key": value', not ${property}`);
  const at = positionOf(text, property, occurrence);
  return { line: at.line, column: at.column + colon + 3 };
}

/**
 * Where the object or array that contains `needle` opens. Scans backwards counting brackets;
 * fixtures keep brackets out of their strings, so no string handling is needed.
 */
export function openerOf(text: string, needle: string, occurrence = 1): TextPosition {
  let index = indexOf(text, needle, occurrence);
  let depth = 0;
  while (--index >= 0) {
    const c = text[index];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) return positionAt(text, index);
      depth--;
    }
  }
  throw new Error(`no object or array encloses ${JSON.stringify(needle)}`);
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(root: unknown, pointer: string): { parent: Container; key: string } {
  const path = tokens(pointer);
  const key = path.pop();
  if (key === undefined) throw new Error('cannot change the document itself');
  let cur: unknown = root;
  for (const t of path) {
    if (cur === null || typeof cur !== 'object') throw new Error(`${pointer}: no container at ${t}`);
    cur = (cur as Record<string, unknown>)[t];
  }
  if (cur === null || typeof cur !== 'object') throw new Error(`${pointer}: no container`);
  return { parent: cur as Container, key };
}

export function getAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const t of tokens(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/** Sets a value by JSON pointer, creating nothing: the parent must exist. */
export function setAt(root: object, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
}

/** Removes a property, or an array item (later items move up). */
export function removeAt(root: object, pointer: string): void {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (!Object.prototype.hasOwnProperty.call(parent, key)) throw new Error(`${pointer} does not exist`);
  else Reflect.deleteProperty(parent, key);
}

/** A deep copy through JSON, as a file round trip would make it. */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface ProblemLike {
  file: string;
  pointer: string;
  line: number;
  column: number;
  expected: string;
  found: string;
  hint?: string;
}

type LoadResultLike<S> = { ok: true; scenario: S } | { ok: false; problems: ProblemLike[] };

/** The scenario of a load that must succeed; otherwise the test fails listing the problems. */
export function mustLoad<S>(result: LoadResultLike<S>): S {
  if (result.ok) return result.scenario;
  const list = result.problems.map((p) => `${p.line}:${p.column} ${p.pointer}: ${p.expected}, found ${p.found}`);
  throw new Error(`expected the scenario to load, but:\n${list.join('\n')}`);
}

/** The problems of a load that must fail. */
export function mustFail(result: LoadResultLike<unknown>): ProblemLike[] {
  if (result.ok) throw new Error('expected the scenario to be refused, but it loaded');
  return result.problems;
}
