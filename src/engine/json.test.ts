import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS, escapePointerToken, pointerOf, readJson, type JsonSyntaxProblem } from './json';

function problemOf(text: string, limits = DEFAULT_JSON_LIMITS): JsonSyntaxProblem {
  const read = readJson(text, limits);
  if (read.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return read.problem;
}

function at(line: number, column: number) {
  return { line, column };
}

describe('readJson: values and positions', () => {
  it('reads every JSON value type', () => {
    const read = readJson('{"s": "x", "n": -1.5e2, "t": true, "f": false, "z": null, "a": [], "o": {}}');
    expect(read.ok && read.value).toEqual({ s: 'x', n: -150, t: true, f: false, z: null, a: [], o: {} });
  });

  it('records where every value starts, by JSON pointer', () => {
    const text = ['{', '  "a": [1, {"b": true}],', '  "c~/d": null', '}'].join('\n');
    const read = readJson(text);
    if (!read.ok) throw new Error('must read');
    // Line 2 is `  "a": [1, {"b": true}],`: "[" is column 8, "1" column 9, "{" column 12, "true" column 18.
    expect(read.positions.get('')).toEqual(at(1, 1));
    expect(read.positions.get('/a')).toEqual(at(2, 8));
    expect(read.positions.get('/a/0')).toEqual(at(2, 9));
    expect(read.positions.get('/a/1')).toEqual(at(2, 12));
    expect(read.positions.get('/a/1/b')).toEqual(at(2, 18));
    // "~" and "/" in a key are escaped as ~0 and ~1 (RFC 6901).
    expect(read.positions.get('/c~0~1d')).toEqual(at(3, 11));
    expect(read.positions.size).toBe(6);
  });

  it('counts columns in UTF-16 code units and lines by \\n, also with CRLF line ends', () => {
    // The emoji takes two code units: "{", '"', two units, '"', ":", " " put the value at column 8.
    const emoji = readJson('{"\u{1F600}": 1}');
    expect(emoji.ok && emoji.positions.get('/\u{1F600}')).toEqual(at(1, 8));
    const crlf = readJson('{\r\n  "a": 1\r\n}');
    expect(crlf.ok && crlf.positions.get('/a')).toEqual(at(2, 8));
  });

  it('skips a byte-order mark without shifting columns', () => {
    const read = readJson('\uFEFF{"a": 1}');
    expect(read.ok && read.value).toEqual({ a: 1 });
    expect(read.ok && read.positions.get('')).toEqual(at(1, 1));
    expect(read.ok && read.positions.get('/a')).toEqual(at(1, 7));
  });

  it('decodes every escape', () => {
    const read = readJson(String.raw`["\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"]`);
    expect(read.ok && read.value).toEqual(['"\\/\b\f\n\r\t\u00e9\u{1F600}']);
  });

  it('builds objects without a prototype', () => {
    const read = readJson('{"a": {"b": 1}}');
    if (!read.ok || read.value === null || typeof read.value !== 'object' || Array.isArray(read.value))
      throw new Error('must read an object');
    expect(Object.getPrototypeOf(read.value)).toBeNull();
    expect(Object.getPrototypeOf(read.value.a)).toBeNull();
  });

  it('agrees with JSON.parse on ordinary documents', () => {
    const doc = {
      id: 'x',
      list: [1, -2, 3.25, 1e-7, 0, true, false, null, 'a "quoted" \\ word\n', []],
      nested: { deeper: { deepest: [{}, { k: 'v' }] } },
      unicode: 'Vilnius – Rīga – Tallinn – Åbo',
    };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2), JSON.stringify(doc, null, '\t')]) {
      const read = readJson(text);
      expect(read.ok && read.value).toEqual(JSON.parse(text));
    }
  });

  it('escapes pointer tokens as RFC 6901 says', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(pointerOf(['nodes', 0, 'x/y', '~'])).toBe('/nodes/0/x~1y/~0');
    expect(pointerOf([])).toBe('');
  });
});

describe('readJson: syntax errors are located', () => {
  it('truncated JSON: at the end of the file, in the innermost open value', () => {
    expect(problemOf('{"a": [1, 2')).toEqual({
      pointer: '/a',
      position: at(1, 12),
      expected: "',' or ']' after an array item",
      found: 'the end of the file',
    });
    expect(problemOf('{\n  "a": 1')).toEqual({
      pointer: '',
      position: at(2, 9),
      expected: "',' or '}' after a property value",
      found: 'the end of the file',
    });
    expect(problemOf('{"a":')).toMatchObject({ pointer: '/a', position: at(1, 6), found: 'the end of the file' });
  });

  it('missing comma: at the next property, on its own line', () => {
    expect(problemOf('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      pointer: '',
      position: at(3, 3),
      expected: "',' or '}' after a property value",
      found: `'"'`,
    });
    expect(problemOf('[1 2]')).toEqual({
      pointer: '',
      position: at(1, 4),
      expected: "',' or ']' after an array item",
      found: "'2'",
    });
  });

  it('trailing garbage after the top-level value', () => {
    expect(problemOf('{}\nx')).toEqual({
      pointer: '',
      position: at(2, 1),
      expected: 'the end of the file after the top-level value',
      found: "'x'",
    });
    expect(problemOf('{} {}')).toMatchObject({ position: at(1, 4), found: "'{'" });
  });

  it('unterminated string, and a line break inside a string', () => {
    expect(problemOf('{"a": "abc')).toEqual({
      pointer: '/a',
      position: at(1, 11),
      expected: 'a closing double quote (") for the string',
      found: 'the end of the file',
    });
    expect(problemOf('{"a": "abc\n"}')).toEqual({
      pointer: '/a',
      position: at(1, 11),
      expected: 'a closing double quote before the end of the line (write a line break as \\n)',
      found: 'control character U+000A',
    });
    expect(problemOf('{"a": "x\ty"}')).toEqual({
      pointer: '/a',
      position: at(1, 9),
      expected: 'a printable character in the string',
      found: 'control character U+0009',
    });
    // An unterminated key is reported on the object that holds it.
    expect(problemOf('{"ab')).toMatchObject({ pointer: '', position: at(1, 5), found: 'the end of the file' });
  });

  it('bad escapes', () => {
    expect(problemOf(String.raw`{"a": "x\q"}`)).toEqual({
      pointer: '/a',
      position: at(1, 10),
      expected: String.raw`an escape such as \n, \" or \\ after a backslash`,
      found: "'q'",
    });
    expect(problemOf(String.raw`{"a": "\u12G4"}`)).toEqual({
      pointer: '/a',
      position: at(1, 9),
      expected: String.raw`four hex digits after \u`,
      found: String.raw`"\u12G4"`,
    });
    expect(problemOf('{"a": "\\')).toMatchObject({ pointer: '/a', position: at(1, 9), found: 'the end of the file' });
  });

  it('things JSON does not allow: trailing commas, single quotes, comments, bare words, NaN', () => {
    expect(problemOf('{"a": 1,}')).toEqual({
      pointer: '',
      position: at(1, 9),
      expected: 'a property name in double quotes',
      found: "'}'",
    });
    expect(problemOf("{'a': 1}")).toMatchObject({ position: at(1, 2), expected: 'a property name in double quotes' });
    expect(problemOf('{a: 1}')).toMatchObject({ position: at(1, 2), found: "'a'" });
    expect(problemOf('{"a": 1 // note\n}')).toMatchObject({ position: at(1, 9), found: "'/'" });
    const value = 'a JSON value (object, array, string, number, true, false or null)';
    expect(problemOf('{"a": tru}')).toEqual({ pointer: '/a', position: at(1, 7), expected: value, found: "'t'" });
    expect(problemOf('{"a": NaN}')).toEqual({ pointer: '/a', position: at(1, 7), expected: value, found: "'N'" });
    expect(problemOf('[1, ]')).toEqual({ pointer: '/1', position: at(1, 5), expected: value, found: "']'" });
    expect(problemOf('{"a" 1}')).toEqual({
      pointer: '/a',
      position: at(1, 6),
      expected: `':' after the property name "a"`,
      found: "'1'",
    });
  });

  it('malformed numbers', () => {
    expect(problemOf('{"a": -}')).toEqual({
      pointer: '/a',
      position: at(1, 7),
      expected: 'a number such as 12, -3 or 0.5',
      found: "'-'",
    });
    expect(problemOf('{"a": 1e999}')).toEqual({
      pointer: '/a',
      position: at(1, 7),
      expected: 'a number of ordinary size',
      found: '1e999',
    });
    expect(problemOf('{"a": .5}')).toMatchObject({ pointer: '/a', position: at(1, 7), found: "'.'" });
    // A leading zero ends the number; the digit after it is then out of place.
    expect(problemOf('{"a": 01}')).toMatchObject({ pointer: '', position: at(1, 8), found: "'1'" });
  });

  it('an empty document', () => {
    expect(problemOf('')).toEqual({
      pointer: '',
      position: at(1, 1),
      expected: 'a JSON object',
      found: 'an empty file',
    });
    expect(problemOf(' \n\t\r\n')).toMatchObject({ found: 'only white space' });
    expect(problemOf('\uFEFF')).toMatchObject({ found: 'only white space' });
  });

  it('control characters are named, not printed', () => {
    expect(problemOf('\u0000')).toMatchObject({ position: at(1, 1), found: 'control character U+0000' });
    expect(problemOf('{"a": 1}\u007f')).toMatchObject({ position: at(1, 9), found: 'control character U+007F' });
  });
});

describe('readJson: refusals', () => {
  it('refuses text over the size limit before reading it', () => {
    expect(problemOf('[1, 2]', { maxChars: 5, maxDepth: 10 })).toEqual({
      pointer: '',
      position: at(1, 1),
      expected: 'a file of at most 5 characters',
      found: '6 characters',
    });
  });

  it('refuses nesting deeper than the limit, at the first level too deep', () => {
    expect(problemOf('[[[1]]]', { maxChars: 100, maxDepth: 2 })).toEqual({
      pointer: '/0/0',
      position: at(1, 3),
      expected: 'at most 2 levels of nesting',
      found: 'deeper nesting',
    });
    expect(readJson('[[1]]', { maxChars: 100, maxDepth: 2 }).ok).toBe(true);
    expect(problemOf('{"a": {"b": {}}}', { maxChars: 100, maxDepth: 2 })).toMatchObject({
      pointer: '/a/b',
      position: at(1, 13),
    });
  });

  it('refuses keys that could reach a prototype, at the key', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(problemOf(`{"nodes": [\n  {"${key}": {}}\n]}`)).toEqual({
        pointer: `/nodes/0/${key}`,
        position: at(2, 4),
        expected: 'a property name other than __proto__, constructor or prototype',
        found: `"${key}"`,
      });
    }
  });

  it('refuses a key given twice in one object, at the second one', () => {
    expect(problemOf('{\n  "id": "a",\n  "id": "b"\n}')).toEqual({
      pointer: '/id',
      position: at(3, 3),
      expected: 'each property name once per object',
      found: 'a second "id"',
    });
    // The same key in two different objects is fine.
    expect(readJson('[{"id": "a"}, {"id": "b"}]').ok).toBe(true);
  });
});
