// The `ppi` command line: reads the arguments and hands them to one command (one file each).
// Kept apart from process handling (ppi.ts) so tests call it with their own output and input.
import { DEFAULT_STATE_LIMIT } from '../src/engine';
import { analyzeFile } from './analyze';
import { misplacedOption, parseArgs, stringOption, type OptionName, type Parsed } from './args';
import { graphCommand } from './graph';
import { EXIT_OK, EXIT_USAGE, type Io } from './io';
import { newScenario } from './new';
import { playCommand } from './play';
import { SCHEMA_PATH, schemaCommand } from './schema';
import { translateCommand } from './translate';
import { expandFiles, validate } from './validate';

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE, loadFile, scriptedInput, type Io, type LineReader } from './io';
export { SCHEMA_PATH, schemaText } from './schema';

export const USAGE = `Usage: npm run ppi -- <command> [options]

Commands:
  new [FILE]             start a scenario from the template (default FILE: scenarios/ID.json)
  validate FILE|DIR...   check scenario files; a folder means every .json file in it
  analyze FILE           reachability, dead ends, endings, best and worst score with paths
  graph FILE             the story as a Mermaid flowchart or a Graphviz DOT graph
  play FILE              play the scenario in the terminal (t lets a timer run out, q quits)
  translate FILE|DIR...  write or update a translation file (--lang), report coverage
                         per language (scenarios/translations/ID.LANG.json)
  schema [--write]       print the JSON Schema of the format
                         (--write: update ${SCHEMA_PATH})
  help                   this text

Options:
  --json                 (validate, analyze, translate) print machine-readable JSON instead of text
  --strict               (analyze) exit with 1 when there are warnings
  --max-states N         (analyze) explore at most N game states (default ${DEFAULT_STATE_LIMIT.toLocaleString('en')})
  --format mermaid|dot   (graph) the picture's format (default mermaid, or dot for an --out .dot/.gv)
  --out PATH             (graph) write to PATH instead of printing; a .md file gets a fenced block
  --seed S               (play) the seed for events: the same seed and answers give the same game
  --id ID                (new) the scenario id (default: from FILE, or my-scenario)
  --title TITLE          (new) the scenario title
  --force                (new) overwrite FILE if it exists
  --lang LANG            (translate) the language to write or update, like lt; without it,
                         every language found is reported
  --check                (translate) write nothing; exit with 1 when a translation has missing,
                         stale or too long strings (or, with --lang, does not exist)

Exit codes: 0 done, all valid (and, with --strict, no warnings); 1 a file is invalid or
unreadable, --strict found warnings, translate --check found an incomplete translation, or a
file cannot be written (new will not overwrite one without --force); 2 wrong usage.`;

/** What each command accepts, and how many files: [fewest, most]. */
const COMMANDS: Record<string, { options: readonly OptionName[]; files: readonly [number, number]; needs: string }> = {
  validate: { options: ['json'], files: [1, Infinity], needs: 'at least one file' },
  analyze: { options: ['json', 'strict', 'max-states'], files: [1, 1], needs: 'exactly one file' },
  graph: { options: ['format', 'out'], files: [1, 1], needs: 'exactly one file' },
  play: { options: ['seed'], files: [1, 1], needs: 'exactly one file' },
  new: { options: ['id', 'title', 'force'], files: [0, 1], needs: 'at most one file' },
  translate: { options: ['lang', 'check', 'json'], files: [1, Infinity], needs: 'at least one scenario file' },
  schema: { options: ['write'], files: [0, 0], needs: 'no file' },
  help: { options: [], files: [0, Infinity], needs: '' },
};

export async function runCli(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return usage(io, parsed);
  const name = parsed.command === 'analyse' ? 'analyze' : parsed.command;
  if (name === undefined) {
    io.out(USAGE);
    return EXIT_USAGE;
  }
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) return usage(io, `unknown command "${name}"`);
  const misplaced = misplacedOption(parsed, spec.options);
  if (misplaced) return usage(io, misplaced);
  const [fewest, most] = spec.files;
  if (parsed.files.length < fewest || parsed.files.length > most) return usage(io, `${name} needs ${spec.needs}`);
  return run(name, parsed, io);
}

async function run(name: string, parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  switch (name) {
    case 'validate':
      return validate(expandFiles(parsed.files), parsed.options.json === true, io);
    case 'analyze': {
      const limit = stringOption(parsed, 'max-states');
      const maxStates = limit === undefined ? DEFAULT_STATE_LIMIT : Number(limit);
      if (!Number.isInteger(maxStates) || maxStates < 1) return usage(io, '--max-states needs a whole number above 0');
      return analyzeFile(
        file,
        { json: parsed.options.json === true, strict: parsed.options.strict === true, maxStates },
        io,
      );
    }
    case 'graph':
      return graphCommand(file, stringOption(parsed, 'format'), stringOption(parsed, 'out'), io);
    case 'play':
      return playCommand(file, { seed: stringOption(parsed, 'seed') }, io);
    case 'new':
      return newScenario(
        {
          file: parsed.files[0],
          id: stringOption(parsed, 'id'),
          title: stringOption(parsed, 'title'),
          force: parsed.options.force === true,
        },
        io,
      );
    case 'translate':
      return translateCommand(
        expandFiles(parsed.files),
        {
          lang: stringOption(parsed, 'lang'),
          check: parsed.options.check === true,
          json: parsed.options.json === true,
        },
        io,
      );
    case 'schema':
      return schemaCommand(parsed.options.write === true, io);
    default:
      io.out(USAGE);
      return EXIT_OK;
  }
}

function usage(io: Io, message: string): number {
  io.err(`ppi: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}
