// Hostile or broken input: every file is refused cleanly (no exception, one clear problem) and fast.
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioBytes, MAX_FILE_BYTES } from './load';
import { baseScenario, metric, toText } from './test-support/scenario';
import { mustFail, mustLoad, type ProblemLike } from './test-support/text';

const FILE = 'hostile.json';
/** How the limit is worded: megabytes with one decimal. */
const LIMIT = `a scenario file of at most ${(MAX_FILE_BYTES / 1_000_000).toFixed(1)} MB`;
const encode = (text: string) => new TextEncoder().encode(text);

/** Loads text and bytes, checks that neither throws, and returns the single problem. */
function refusedText(text: string): ProblemLike {
  const problems = mustFail(loadScenario(text, FILE));
  expect(problems).toHaveLength(1);
  expect(problems[0]!.file).toBe(FILE);
  return problems[0]!;
}

function refusedBytes(bytes: Uint8Array): ProblemLike {
  const problems = mustFail(loadScenarioBytes(bytes, FILE));
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

/** Milliseconds a function takes; generous bounds only, to catch a parse of 60 MB, not to benchmark. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('empty and non-JSON files', () => {
  it.each([
    ['an empty file', '', 1, 1, 'an empty file'],
    // Located at the end of the text, where the value should have started.
    ['white space only', '  \n\t \r\n ', 3, 2, 'only white space'],
  ])('%s', (_, text, line, column, found) => {
    const expected = { file: FILE, pointer: '', line, column, expected: 'a JSON object', found };
    expect(refusedText(text)).toEqual(expected);
    expect(refusedBytes(encode(text))).toEqual(expected);
  });

  it.each([
    ['prose', 'Street lighting scenario', "'S'"],
    ['HTML', '<!doctype html><html></html>', "'<'"],
    ['YAML', 'format: 1\nid: town\n', "'f'"],
    ['JavaScript', 'export default { format: 1 }', "'e'"],
  ])('not JSON: %s', (_, text, found) => {
    expect(refusedText(text)).toEqual({
      file: FILE,
      pointer: '',
      line: 1,
      column: 1,
      expected: 'a JSON value (object, array, string, number, true, false or null)',
      found,
    });
  });

  it('truncated JSON, cut anywhere, is refused without an exception', () => {
    const text = toText(baseScenario());
    for (let cut = 0; cut < text.length; cut += 97) {
      const problems = mustFail(loadScenario(text.slice(0, cut), FILE));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.found).toMatch(/the end of the file|an empty file/);
    }
  });
});

describe('JSON that is not a scenario object', () => {
  const expected = 'a scenario object {"format": 1, "id": ..., "nodes": [...]}';

  it.each([
    ['a bare array', '[]', 'an empty list'],
    ['an array of scenarios', '[{"format": 1}, {"format": 1}]', 'a list of 2 items'],
    ['a bare number', '42', '42'],
    ['a bare string', '"street-lighting"', '"street-lighting"'],
    ['null', 'null', 'null'],
    ['true', 'true', 'true'],
  ])('%s', (_, text, found) => {
    expect(refusedText(text)).toEqual({ file: FILE, pointer: '', line: 1, column: 1, expected, found });
  });

  it('an empty object reports every missing field, not a crash', () => {
    const problems = mustFail(loadScenario('{}', FILE));
    expect(problems.map((p) => p.pointer)).toEqual(
      expect.arrayContaining(['/format', '/id', '/version', '/title', '/metrics', '/start', '/nodes']),
    );
    for (const p of problems) expect(p).toMatchObject({ line: 1, column: 1, found: 'nothing (the field is missing)' });
  });
});

describe('binary bytes', () => {
  it('NUL bytes', () => {
    const expected = {
      file: FILE,
      pointer: '',
      line: 1,
      column: 1,
      expected: 'a JSON text file',
      found: 'binary data (the file contains NUL bytes)',
    };
    expect(refusedBytes(new Uint8Array([0x7b, 0x00, 0x7d]))).toEqual(expected);
    // A scenario saved as UTF-16 is full of NUL bytes.
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]); // BOM, then "{}" as UTF-16LE
    expect(refusedBytes(utf16)).toEqual(expected);
  });

  it('invalid UTF-8', () => {
    const expected = {
      file: FILE,
      pointer: '',
      line: 1,
      column: 1,
      expected: 'a JSON text file in UTF-8',
      found: 'bytes that are not valid UTF-8 (binary data or another encoding)',
    };
    expect(refusedBytes(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toEqual(expected);
    // "Vilnius" in Latin-1 with an ä: 0xe4 starts a 3-byte UTF-8 sequence that never comes.
    expect(refusedBytes(new Uint8Array([0x22, 0x56, 0xe4, 0x22]))).toEqual(expected);
  });

  it('an image and noise', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(refusedBytes(png).found).toBe('binary data (the file contains NUL bytes)');
    let x = 12345;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 16) & 0xff;
    });
    expect(refusedBytes(noise).pointer).toBe('');
  });

  it('a NUL character in text that did not come from bytes', () => {
    expect(refusedText('{\u0000}')).toMatchObject({ line: 1, column: 2, found: 'control character U+0000' });
  });

  it('a UTF-8 byte-order mark is accepted, from bytes and from text', () => {
    const text = toText(baseScenario());
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
    expect(mustLoad(loadScenarioBytes(bom, FILE)).id).toBe('tiny-town');
    expect(mustLoad(loadScenario('\uFEFF' + text, FILE)).id).toBe('tiny-town');
    // Positions are unchanged by the mark.
    const broken = '\uFEFF' + text.replace('"minutes": 5', '"minutes": "5"');
    expect(mustFail(loadScenario(broken, FILE))[0]).toMatchObject({ pointer: '/minutes', line: 9, column: 14 });
  });
});

describe('huge input is refused by size before parsing', () => {
  const SIXTY_MB = 60_000_000;

  it('60 MB of bytes', () => {
    const bytes = new Uint8Array(SIXTY_MB).fill(0x20);
    bytes[0] = 0x7b;
    const { value, ms } = timed(() => loadScenarioBytes(bytes, FILE));
    expect(mustFail(value)).toEqual([
      { file: FILE, pointer: '', line: 1, column: 1, expected: LIMIT, found: '60.0 MB' },
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('60 MB of text that looks like a scenario', () => {
    const text = '{"format": 1, "summary": "' + 'x'.repeat(SIXTY_MB) + '"}';
    const { value, ms } = timed(() => loadScenario(text, FILE));
    expect(mustFail(value)).toEqual([
      {
        file: FILE,
        pointer: '',
        line: 1,
        column: 1,
        expected: LIMIT,
        found: `${text.length.toLocaleString('en')} characters`,
      },
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('the limit is exact: one byte over is refused, at the limit the file is read', () => {
    expect(refusedBytes(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20)).found).toBe(
      `${((MAX_FILE_BYTES + 1) / 1_000_000).toFixed(1)} MB`,
    );
    expect(refusedBytes(new Uint8Array(MAX_FILE_BYTES).fill(0x20)).found).toBe('only white space');
  });
});

describe('deep nesting does not overflow the stack', () => {
  it('100,000 open arrays', () => {
    const { value, ms } = timed(() => loadScenario('['.repeat(100_000), FILE));
    expect(mustFail(value)).toEqual([
      {
        file: FILE,
        pointer: '/0'.repeat(64),
        line: 1,
        column: 65,
        expected: 'at most 64 levels of nesting',
        found: 'deeper nesting',
      },
    ]);
    expect(ms).toBeLessThan(500);
  });

  it('100,000 nested objects, closed properly', () => {
    const text = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const { value, ms } = timed(() => loadScenario(text, FILE));
    // The 65th object opens after 64 copies of `{"a":`, at column 64 × 5 + 1.
    expect(mustFail(value)).toEqual([expect.objectContaining({ pointer: '/a'.repeat(64), line: 1, column: 321 })]);
    expect(ms).toBeLessThan(500);
  });

  it('nesting inside a real scenario is located in it', () => {
    const s = baseScenario();
    const text = toText(s).replace('"Scene intro."', '['.repeat(70) + ']'.repeat(70));
    const problems = mustFail(loadScenario(text, FILE));
    // Depth counts from the document: root, nodes, node 0, then the text's arrays.
    expect(problems).toEqual([expect.objectContaining({ pointer: '/nodes/0/text' + '/0'.repeat(61), line: 40 })]);
  });
});

describe('prototype keys and duplicate keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('"%s" is refused anywhere, at its key', (key) => {
    const places = [
      `{"${key}": {"polluted": true}}`,
      toText(baseScenario()).replace('"format": 1,', `"format": 1, "${key}": {"polluted": true},`),
      toText(baseScenario()).replace('"budget": -10', `"budget": -10, "${key}": 1`),
      toText(baseScenario()).replace('"flag": "talked"', `"flag": "talked", "${key}": {"polluted": true}`),
    ];
    for (const text of places) {
      const problem = refusedText(text);
      expect(problem.pointer.endsWith(`/${key}`)).toBe(true);
      expect(problem.expected).toBe('a property name other than __proto__, constructor or prototype');
      expect(problem.found).toBe(`"${key}"`);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a duplicate key is refused at its second occurrence', () => {
    const text = toText(baseScenario()).replace('"next": "decide"', '"next": "decide",\n      "next": "win"');
    expect(refusedText(text)).toEqual({
      file: FILE,
      pointer: '/nodes/0/next',
      line: 42,
      column: 7,
      expected: 'each property name once per object',
      found: 'a second "next"',
    });
  });

  it('ids that are names of Object.prototype members are refused with a reason', () => {
    // "constructor" and "prototype" cannot be keys (of effects), so they cannot be ids either.
    const s = baseScenario();
    s.metrics.push(metric('constructor', { initial: 40 }));
    const text = toText(s).replaceAll('"talked"', '"prototype"');
    const result = loadScenario(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const reserved = result.problems.filter((p) => p.expected.includes('reserved names'));
    expect(reserved.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/metrics/2/id', '/flags/0']));
    expect(reserved[0]!.found).toBe('"constructor"');
  });
});
