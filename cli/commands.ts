// The `ppi` command line: validate and analyse scenario files. Kept apart from process handling
// (ppi.ts) so tests call it directly with their own output streams.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  analyze,
  compileScenario,
  DEFAULT_STATE_LIMIT,
  formatProblem,
  JSON_SCHEMA_FILE,
  loadScenarioBytes,
  scenarioJsonSchema,
  MAX_FILE_BYTES,
  warningsFor,
  type LoadResult,
  type PathStep,
  type ScenarioProblem,
} from '../src/engine';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const EXIT_OK = 0;
/** A file is invalid or unreadable, or `analyze --strict` found warnings. */
export const EXIT_INVALID = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

export const SCHEMA_PATH = `scenarios/schema/${JSON_SCHEMA_FILE}`;

/** The schema file's exact text, as committed. */
export function schemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

export const USAGE = `Usage: npm run ppi -- <command> [options]

Commands:
  validate FILE|DIR...   check scenario files; a folder means every .json file in it
  analyze FILE           reachability, dead ends, endings, best and worst score with paths
  schema [--write]       print the JSON Schema of the format (--write: update ${SCHEMA_PATH})
  help                   this text

Options:
  --json                 print machine-readable JSON instead of text
  --strict               (analyze) exit with 1 when there are warnings
  --max-states N         (analyze) explore at most N game states (default ${DEFAULT_STATE_LIMIT.toLocaleString('en')})

Exit codes: 0 all valid (and, with --strict, no warnings); 1 a file is invalid or unreadable,
or --strict found warnings; 2 wrong usage.`;

interface Parsed {
  command: string | undefined;
  files: string[];
  json: boolean;
  strict: boolean;
  write: boolean;
  maxStates: number;
}

function parseArgs(args: readonly string[]): Parsed | string {
  const parsed: Parsed = {
    command: undefined,
    files: [],
    json: false,
    strict: false,
    write: false,
    maxStates: DEFAULT_STATE_LIMIT,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') parsed.json = true;
    else if (a === '--strict') parsed.strict = true;
    else if (a === '--write') parsed.write = true;
    else if (a === '--max-states') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1) return '--max-states needs a whole number above 0';
      parsed.maxStates = n;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (parsed.command === undefined) parsed.command = a;
    else parsed.files.push(a);
  }
  return parsed;
}

/** Reads a file as bytes, refusing oversized files before reading them. */
export function loadFile(file: string): LoadResult {
  const at = { pointer: '', line: 1, column: 1 };
  const unreadable = (expected: string, found: string): LoadResult => ({
    ok: false,
    problems: [{ file, ...at, expected, found }],
  });
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return unreadable('a scenario file', 'a folder or special file');
    size = stat.size;
  } catch {
    return unreadable('a scenario file', 'no such file');
  }
  if (size > MAX_FILE_BYTES) {
    return unreadable(
      `a scenario file of at most ${(MAX_FILE_BYTES / 1e6).toFixed(1)} MB`,
      `${(size / 1e6).toFixed(1)} MB`,
    );
  }
  try {
    return loadScenarioBytes(readFileSync(file), file);
  } catch (e) {
    return unreadable('a readable file', e instanceof Error ? e.message : String(e));
  }
}

function expandFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory()) {
        return readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f));
      }
    } catch {
      // Reported as unreadable when loaded.
    }
    return [p];
  });
}

export function runCli(args: readonly string[], io: Io): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`ppi: ${parsed}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  switch (parsed.command) {
    case 'validate':
      if (parsed.files.length === 0) return usage(io, 'validate needs at least one file');
      return validate(expandFiles(parsed.files), parsed.json, io);
    case 'analyze':
    case 'analyse':
      if (parsed.files.length !== 1) return usage(io, 'analyze needs exactly one file');
      return analyzeFile(parsed.files[0]!, parsed, io);
    case 'schema':
      if (parsed.write) {
        mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
        writeFileSync(SCHEMA_PATH, schemaText());
        io.out(`wrote ${SCHEMA_PATH}`);
      } else io.out(schemaText().trimEnd());
      return EXIT_OK;
    case 'help':
    case undefined:
      io.out(USAGE);
      return parsed.command === undefined ? EXIT_USAGE : EXIT_OK;
    default:
      return usage(io, `unknown command "${parsed.command}"`);
  }
}

function usage(io: Io, message: string): number {
  io.err(`ppi: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function validate(files: readonly string[], json: boolean, io: Io): number {
  const results = files.map((file) => ({ file, result: loadFile(file) }));
  const invalid = results.filter((r) => !r.result.ok).length;
  if (json) {
    io.out(
      JSON.stringify(
        {
          valid: invalid === 0,
          files: results.map(({ file, result }) =>
            result.ok
              ? { file, valid: true, id: result.scenario.id, version: result.scenario.version }
              : { file, valid: false, problems: result.problems },
          ),
        },
        null,
        2,
      ),
    );
  } else {
    for (const { file, result } of results) {
      if (result.ok) {
        const s = result.scenario;
        const decisions = s.nodes.filter((n) => n.kind === 'decision').length;
        const endings = s.nodes.filter((n) => n.kind === 'ending').length;
        io.out(
          `ok    ${file}  (${s.id} ${s.version}: ${s.nodes.length} nodes, ${decisions} decisions, ${endings} endings)`,
        );
      } else {
        io.out(`FAIL  ${file}  (${plural(result.problems.length, 'problem')})`);
        for (const p of result.problems) io.out(`  ${formatProblem(p)}`);
      }
    }
    io.out('');
    io.out(
      invalid === 0
        ? `${plural(files.length, 'file')} valid.`
        : `${invalid} of ${plural(files.length, 'file')} invalid.`,
    );
  }
  return invalid === 0 ? EXIT_OK : EXIT_INVALID;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function pathText(steps: readonly PathStep[]): string {
  return steps.map((s) => (s.via ? `${s.node} [${s.via}]` : s.node)).join(' → ');
}

function analyzeFile(file: string, options: Parsed, io: Io): number {
  const loaded = loadFile(file);
  if (!loaded.ok) {
    if (options.json) io.out(JSON.stringify({ file, valid: false, problems: loaded.problems }, null, 2));
    else reportProblems(file, loaded.problems, io);
    return EXIT_INVALID;
  }
  const scenario = loaded.scenario;
  compileScenario(scenario); // proves the machine builds with every guard and action it names
  const analysis = analyze(scenario, { stateLimit: options.maxStates });
  const warnings = warningsFor(scenario, analysis);
  const scaled = (raw: number | undefined) => (raw === undefined ? '-' : (raw * 100).toFixed(1));

  if (options.json) {
    io.out(JSON.stringify({ file, valid: true, analysis, warnings }, null, 2));
  } else {
    const endings = analysis.endings;
    const reachableEndings = endings.filter((e) => e.reachable === 'yes');
    io.out(`${scenario.title} (${scenario.id} ${scenario.version}, ${file})`);
    io.out(
      `  nodes        ${analysis.nodeCount} (${analysis.decisionCount} decisions); reachable ${analysis.reachable.length}, unreachable ${analysis.unreachable.length}${analysis.undecided.length > 0 ? `, undecided ${analysis.undecided.length}` : ''}`,
    );
    if (analysis.unreachable.length > 0) io.out(`  unreachable  ${analysis.unreachable.join(', ')}`);
    if (analysis.undecided.length > 0) io.out(`  undecided    ${analysis.undecided.join(', ')}`);
    io.out(`  dead ends    ${analysis.deadEnds.length === 0 ? 'none' : analysis.deadEnds.join(', ')}`);
    io.out(
      `  endings      ${reachableEndings.length} of ${endings.length} reachable: ${endings.map((e) => `${e.id} (${e.outcome}${e.reachable === 'yes' ? '' : e.reachable === 'no' ? ', unreachable' : ', undecided'})`).join(', ')}`,
    );
    io.out(
      `  analysis     ${analysis.exact ? 'exact' : `bounded at ${analysis.stateLimit.toLocaleString('en')} states per search`}: ${plural(analysis.statesExplored, 'game state')} searched${analysis.cyclic ? ', cyclic' : ''}`,
    );
    if (analysis.pathCount) {
      io.out(
        `  play-throughs ${analysis.pathCount.capped ? 'more than ' : ''}${analysis.pathCount.value.toLocaleString('en')} by the graph`,
      );
    }
    if (analysis.decisionsPerRun) {
      const { min, max } = analysis.decisionsPerRun;
      io.out(`  decisions    ${min === max ? min : `${min}–${max ?? 'unbounded'}`} per play-through`);
    }
    if (analysis.best && analysis.worst) {
      io.out(
        `  best score   ${scaled(analysis.best.raw)} of 100 raw, ending ${analysis.best.ending} (${analysis.best.outcome})`,
      );
      io.out(`               ${pathText(analysis.best.steps)}`);
      io.out(
        `  worst score  ${scaled(analysis.worst.raw)} of 100 raw, ending ${analysis.worst.ending} (${analysis.worst.outcome})`,
      );
      io.out(`               ${pathText(analysis.worst.steps)}`);
    }
    if (warnings.length === 0) io.out('  warnings     none');
    else {
      io.out(`  warnings     ${warnings.length}`);
      for (const w of warnings) io.out(`    ${w.pointer || '(document)'}: ${w.message}`);
    }
  }
  return options.strict && warnings.length > 0 ? EXIT_INVALID : EXIT_OK;
}

function reportProblems(file: string, problems: readonly ScenarioProblem[], io: Io): void {
  io.out(`FAIL  ${file}  (${plural(problems.length, 'problem')})`);
  for (const p of problems) io.out(`  ${formatProblem(p)}`);
}
