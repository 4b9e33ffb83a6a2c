// A strict JSON reader that remembers where every value starts (line:column by JSON pointer).
// JSON.parse gives neither positions nor protection: this reader refuses what a scenario file
// must never be (too large, too deep, binary, prototype keys) with a located, readable message.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  column: number;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonReadLimits {
  /** Longest text accepted, in characters. */
  maxChars: number;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: JsonReadLimits = {
  maxChars: 16_000_000,
  maxDepth: 64,
};

/** What sends a string to the careful path: a backslash or a control character. */
// eslint-disable-next-line no-control-regex
const PLAIN_STRING_BREAKERS = /[\\\u0000-\u001f]/;

/** Keys that would reach an object's prototype if ever copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonSyntaxProblem {
  pointer: string;
  position: Position;
  expected: string;
  found: string;
}

export type JsonReadResult =
  { ok: true; value: JsonValue; positions: PositionIndex } | { ok: false; problem: JsonSyntaxProblem };

/** Where each value starts, by JSON pointer. Lines and columns are worked out only when asked. */
export class PositionIndex {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly offsets: ReadonlyMap<string, number>,
    private readonly keyOffsets: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** Where the property name of the value at `pointer` starts, for problems with the name itself. */
  getKey(pointer: string): Position | undefined {
    const offset = this.keyOffsets.get(pointer);
    return offset === undefined ? undefined : this.at(offset);
  }

  get size(): number {
    return this.offsets.size;
  }

  get(pointer: string): Position | undefined {
    const offset = this.offsets.get(pointer);
    return offset === undefined ? undefined : this.at(offset);
  }

  /** Line and column of a character offset. */
  at(offset: number): Position {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  // A byte-order mark is not a column.
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

class JsonStop extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.expected);
  }
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((t) => '/' + escapePointerToken(t)).join('');
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${ch}'`;
}

/**
 * Reads JSON text. Never throws for bad input; never recurses deeper than `maxDepth`, so a
 * hostile file cannot overflow the stack, and never builds objects with a live prototype chain.
 */
export function readJson(text: string, limits: JsonReadLimits = DEFAULT_JSON_LIMITS): JsonReadResult {
  const start: Position = { line: 1, column: 1 };
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      problem: {
        pointer: '',
        position: start,
        expected: `a file of at most ${limits.maxChars.toLocaleString('en')} characters`,
        found: `${text.length.toLocaleString('en')} characters`,
      },
    };
  }
  const reader = new Reader(text, limits);
  try {
    const value = reader.readDocument();
    return { ok: true, value, positions: new PositionIndex(text, reader.offsets, reader.keyOffsets) };
  } catch (e) {
    if (e instanceof JsonStop) return { ok: false, problem: e.problem };
    throw e;
  }
}

class Reader {
  readonly offsets = new Map<string, number>();
  readonly keyOffsets = new Map<string, number>();
  private i = 0;
  private index: PositionIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: JsonReadLimits,
  ) {
    // A byte-order mark is harmless and common in files saved by Windows editors.
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  private fail(pointer: string, expected: string, found?: string, atOffset?: number): never {
    this.index ??= new PositionIndex(this.text, this.offsets);
    throw new JsonStop({
      pointer,
      position: this.index.at(atOffset ?? this.i),
      expected,
      found: found ?? describeChar(this.text[this.i]),
    });
  }

  private skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) this.i++;
      else return;
    }
  }

  readDocument(): JsonValue {
    this.skipSpace();
    if (this.i >= this.text.length) {
      this.fail('', 'a JSON object', this.text.length === 0 ? 'an empty file' : 'only white space');
    }
    const value = this.readValue('', 0);
    this.skipSpace();
    if (this.i < this.text.length) {
      this.fail('', 'the end of the file after the top-level value', describeChar(this.text[this.i]));
    }
    return value;
  }

  private readValue(pointer: string, depth: number): JsonValue {
    this.offsets.set(pointer, this.i);
    const ch = this.text[this.i];
    switch (ch) {
      case '{':
        return this.readObject(pointer, depth + 1);
      case '[':
        return this.readArray(pointer, depth + 1);
      case '"':
        return this.readString(pointer);
      case 't':
        return this.readWord('true', true, pointer);
      case 'f':
        return this.readWord('false', false, pointer);
      case 'n':
        return this.readWord('null', null, pointer);
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.readNumber(pointer);
        return this.fail(pointer, 'a JSON value (object, array, string, number, true, false or null)');
    }
  }

  private enter(pointer: string, depth: number): void {
    if (depth > this.limits.maxDepth) {
      this.fail(pointer, `at most ${this.limits.maxDepth} levels of nesting`, 'deeper nesting');
    }
  }

  private readObject(pointer: string, depth: number): JsonValue {
    this.enter(pointer, depth);
    this.i++; // {
    // A null-prototype object: no key can reach Object.prototype.
    const out = Object.create(null) as Record<string, JsonValue>;
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] !== '"') {
        this.fail(pointer, 'a property name in double quotes');
      }
      const keyAt = this.i;
      const key = this.readString(pointer);
      const child = pointer + '/' + escapePointerToken(key);
      this.keyOffsets.set(child, keyAt);
      if (FORBIDDEN_KEYS.has(key)) {
        this.fail(child, 'a property name other than __proto__, constructor or prototype', `"${key}"`, keyAt);
      }
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.fail(child, 'each property name once per object', `a second "${key}"`, keyAt);
      }
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail(child, `':' after the property name "${key}"`);
      this.i++;
      this.skipSpace();
      out[key] = this.readValue(child, depth);
      this.skipSpace();
      const c = this.text[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return out;
      }
      this.fail(pointer, "',' or '}' after a property value");
    }
  }

  private readArray(pointer: string, depth: number): JsonValue {
    this.enter(pointer, depth);
    this.i++; // [
    const out: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.readValue(`${pointer}/${out.length}`, depth));
      this.skipSpace();
      const c = this.text[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      this.fail(pointer, "',' or ']' after an array item");
    }
  }

  private readWord<T extends JsonValue>(word: string, value: T, pointer: string): T {
    if (this.text.startsWith(word, this.i)) {
      this.i += word.length;
      return value;
    }
    return this.fail(pointer, 'a JSON value (object, array, string, number, true, false or null)');
  }

  private readNumber(pointer: string): number {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m) return this.fail(pointer, 'a number such as 12, -3 or 0.5');
    const n = Number(m[0]);
    // Located at the number's first character, like every other value problem.
    if (!Number.isFinite(n)) this.fail(pointer, 'a number of ordinary size', m[0]);
    this.i += m[0].length;
    return n;
  }

  private readString(pointer: string): string {
    const t = this.text;
    this.i++; // opening quote
    // Fast path: most strings hold no escape and no control character.
    const close = t.indexOf('"', this.i);
    if (close !== -1) {
      const run = t.slice(this.i, close);
      if (!PLAIN_STRING_BREAKERS.test(run)) {
        this.i = close + 1;
        return run;
      }
    }
    let out = '';
    let runStart = this.i;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (Number.isNaN(c)) {
        this.fail(pointer, 'a closing double quote (") for the string', 'the end of the file');
      }
      if (c === 0x22) {
        out += t.slice(runStart, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) {
        this.fail(
          pointer,
          c === 0x0a
            ? 'a closing double quote before the end of the line (write a line break as \\n)'
            : 'a printable character in the string',
        );
      }
      if (c === 0x5c) {
        out += t.slice(runStart, this.i);
        this.i++;
        const e = t[this.i];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = t.slice(this.i + 1, this.i + 5);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail(pointer, 'four hex digits after \\u', `"\\u${hex}"`);
            out += String.fromCharCode(parseInt(hex, 16));
            this.i += 4;
            break;
          }
          default:
            this.fail(pointer, 'an escape such as \\n, \\" or \\\\ after a backslash');
        }
        this.i++;
        runStart = this.i;
        continue;
      }
      this.i++;
    }
  }
}
