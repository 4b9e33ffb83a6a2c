// The published JSON Schema (what editors check as authors type) must agree with the engine
// (what the game and `ppi validate` check), judged by an independent validator, Ajv.
//
// It cannot agree on everything: JSON Schema describes the shape of one value at a time, so what
// needs two places of the file at once is the engine's alone. Those checks are listed here, each
// with a fixture or an example, so the boundary is written down and a change to it is noticed.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/engine';
import { SCHEMA_PATH } from './commands';
import { ppi } from './testing';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaValid = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

function judge(file: string, text = readFileSync(file, 'utf8')) {
  const engine = loadScenario(text, file);
  const ajvOk = schemaValid(JSON.parse(text));
  return {
    engine: engine.ok,
    engineProblems: engine.ok ? [] : engine.problems,
    ajv: ajvOk,
    ajvPaths: ajvOk ? [] : (schemaValid.errors ?? []).map((e) => e.instancePath),
  };
}

const FIXTURES = 'cli/fixtures';
/** Every fixture, by what both validators must make of it. */
const FIXTURE_CLASSES: Record<string, 'valid' | 'invalid' | 'invalid by cross-reference only'> = {
  'unreachable.json': 'valid',
  'special-characters.json': 'valid',
  'broken.json': 'invalid',
  'invalid-types.json': 'invalid',
  'invalid-conditions.json': 'invalid',
  'invalid-node-kind.json': 'invalid',
  'invalid-ids.json': 'invalid',
  'invalid-limits.json': 'invalid',
  'invalid-top-level.json': 'invalid',
  'bad-reference.json': 'invalid by cross-reference only',
  'bad-cross-references.json': 'invalid by cross-reference only',
};

const inFolder = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));

describe('the JSON Schema and the engine', () => {
  it('know every fixture (a new fixture must say what it is for)', () => {
    // Folders hold other commands' fixtures (translate/: a scenario with its translations).
    expect(inFolder(FIXTURES).sort()).toEqual(
      Object.keys(FIXTURE_CLASSES)
        .map((f) => join(FIXTURES, f))
        .sort(),
    );
  });

  it('both accept every bundled scenario, the template, the output of `ppi new` and the valid fixtures', async () => {
    const made = join(mkdtempSync(join(tmpdir(), 'ppi-schema-')), 'made.json');
    expect((await ppi(['new', made])).code).toBe(0);
    const valid = [
      ...inFolder('scenarios'),
      ...inFolder('scenarios/templates'),
      made,
      ...Object.entries(FIXTURE_CLASSES)
        .filter(([, c]) => c === 'valid')
        .map(([f]) => join(FIXTURES, f)),
    ];
    expect(valid.length).toBeGreaterThanOrEqual(6);
    for (const file of valid) expect(judge(file), file).toMatchObject({ engine: true, ajv: true });
  });

  it('both refuse every invalid fixture, at the same places', () => {
    for (const [name, kind] of Object.entries(FIXTURE_CLASSES)) {
      if (kind !== 'invalid') continue;
      const verdict = judge(join(FIXTURES, name));
      expect(verdict, name).toMatchObject({ engine: false, ajv: false });
      // Each problem the engine reports lies where Ajv reports one too: the same value, or one
      // inside the other (Ajv says "/nodes/3 matches no node shape" where the engine says
      // "/nodes/3/kind is not a kind").
      for (const p of verdict.engineProblems) {
        const near = verdict.ajvPaths.some(
          (a) => a === p.pointer || p.pointer.startsWith(`${a}/`) || a.startsWith(`${p.pointer}/`),
        );
        expect(near, `${name}: ${p.pointer} not among Ajv's ${verdict.ajvPaths.join(', ')}`).toBe(true);
      }
    }
  });

  it('differ on cross-references, which only the engine can check', () => {
    for (const [name, kind] of Object.entries(FIXTURE_CLASSES)) {
      if (kind !== 'invalid by cross-reference only') continue;
      expect(judge(join(FIXTURES, name)), name).toMatchObject({ engine: false, ajv: true });
    }
    const problems = judge(join(FIXTURES, 'bad-cross-references.json')).engineProblems.map((p) => p.expected);
    expect(problems).toEqual([
      'a node id used only once',
      'a starting value between 0 and 100',
      'the id of a metric declared in "metrics"',
      'the id of a flag declared in "flags"',
      "the id of one of this decision's options",
      'chances that add up to 100 (percent)',
    ]);
  });

  it('differ on text that is only spaces and on the reserved ids, which only the engine refuses', () => {
    const tutorial = readFileSync('scenarios/tutorial.json', 'utf8');
    const blankTitle = tutorial.replace('"title": "First steps: the bench that does not exist"', '"title": "   "');
    const blank = judge('blank-title.json', blankTitle);
    expect(blank).toMatchObject({ engine: false, ajv: true });
    expect(blank.engineProblems.map((p) => p.expected)).toEqual(['a title, not empty']);
    const reserved = tutorial.replaceAll('"end-ok"', '"constructor"');
    const named = judge('reserved-id.json', reserved);
    expect(named).toMatchObject({ engine: false, ajv: true });
    expect(named.engineProblems[0]?.expected).toContain('reserved names');
  });
});
