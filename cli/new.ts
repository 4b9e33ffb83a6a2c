// `ppi new [FILE] [--id ID] [--title TITLE] [--force]`: a starter scenario to edit, copied from
// scenarios/templates/starter.json. The copy keeps the template's layout (so it is formatted as
// the project formats JSON); only the id, the title and the "$schema" path change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type ScenarioProblem } from '../src/engine';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, shellWord, type Io } from './io';
import { SCHEMA_PATH } from './schema';

export const TEMPLATE_PATH = fileURLToPath(new URL('../scenarios/templates/starter.json', import.meta.url));
/** The project's schema file, found from this module so the current folder does not matter. */
const SCHEMA_FILE = fileURLToPath(new URL(`../${SCHEMA_PATH}`, import.meta.url));
const DEFAULT_ID = 'my-scenario';

export interface NewOptions {
  file: string | undefined;
  id: string | undefined;
  title: string | undefined;
  force: boolean;
}

/** A scenario id made from a file name: "Riga bridge.json" gives "riga-bridge". */
export function idFromFileName(file: string): string | undefined {
  const slug = basename(file)
    .replace(/\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? undefined : slug;
}

/** The "$schema" value that reaches the project's schema from the folder of `file`. */
export function schemaReference(file: string): string {
  const path = relative(dirname(resolve(file)), SCHEMA_FILE)
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Replaces the value of a top-level field, found by its two-space indent. */
function setTopLevel(text: string, field: string, value: string): string {
  const line = new RegExp(`^  ${JSON.stringify(field).replace(/\$/g, '\\$')}: .*,$`, 'm');
  if (!line.test(text)) throw new Error(`${TEMPLATE_PATH} has no top-level "${field}" line`);
  return text.replace(line, () => `  ${JSON.stringify(field)}: ${JSON.stringify(value)},`);
}

/** The starter scenario's text for the given id, title and location. */
export function starterText(id: string, title: string | undefined, file: string): string {
  let text = readFileSync(TEMPLATE_PATH, 'utf8');
  text = setTopLevel(text, '$schema', schemaReference(file));
  text = setTopLevel(text, 'id', id);
  if (title !== undefined) text = setTopLevel(text, 'title', title);
  return text;
}

function optionProblem(problem: ScenarioProblem): string | undefined {
  if (problem.pointer === '/id') return `--id: expected ${problem.expected}, found ${problem.found}`;
  if (problem.pointer === '/title') return `--title: expected ${problem.expected}, found ${problem.found}`;
  return undefined;
}

export function newScenario(options: NewOptions, io: Io): number {
  const id = options.id ?? (options.file === undefined ? DEFAULT_ID : (idFromFileName(options.file) ?? DEFAULT_ID));
  const file = options.file ?? `scenarios/${id}.json`;
  const text = starterText(id, options.title, file);
  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    const messages = loaded.problems.map(
      (p) => optionProblem(p) ?? `the template is broken: ${p.pointer} ${p.expected}`,
    );
    io.err(`ppi: ${messages.join('\n')}`);
    return EXIT_USAGE;
  }
  if (existsSync(file) && !options.force) {
    io.err(`ppi: ${file} already exists; choose another name, or add --force to overwrite it`);
    return EXIT_INVALID;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    io.err(`ppi: cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_INVALID;
  }
  const nodes = loaded.scenario.nodes;
  const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
  io.out(
    `wrote ${file} (scenario "${id}": ${nodes.length} nodes, ${count('decision')} decisions, ${count('ending')} endings; each text says what to write there)`,
  );
  const arg = shellWord(file);
  io.out('Next:');
  for (const step of ['validate', 'analyze --strict', 'graph', 'play']) io.out(`  npm run ppi -- ${step} ${arg}`);
  return EXIT_OK;
}
