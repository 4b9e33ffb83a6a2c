// What every command shares: where output goes, where typed lines come from, exit codes, and
// reading a scenario file from disk safely.
import { readFileSync, statSync } from 'node:fs';
import { formatProblem, loadScenarioBytes, MAX_FILE_BYTES, type LoadResult, type ScenarioProblem } from '../src/engine';

/** Lines typed by the player, one at a time. */
export interface LineReader {
  /** Shows `prompt` and resolves with the next line, or undefined when the input has ended. */
  question(prompt: string): Promise<string | undefined>;
  close(): void;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Opens the player's input; only `play` calls it, so other commands never hold stdin open. */
  input?: () => LineReader;
}

export const EXIT_OK = 0;
/** A file is invalid, unreadable or would be overwritten, or `analyze --strict` found warnings. */
export const EXIT_INVALID = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

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

export function reportProblems(file: string, problems: readonly ScenarioProblem[], io: Io): void {
  io.out(`FAIL  ${file}  (${plural(problems.length, 'problem')})`);
  for (const p of problems) io.out(`  ${formatProblem(p)}`);
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** A file name or other word as it must be typed in a POSIX shell. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A line reader over fixed lines, echoing each answer after its prompt like a terminal would. */
export function scriptedInput(lines: readonly string[], out: (line: string) => void): LineReader {
  let next = 0;
  return {
    question(prompt) {
      const line = lines[next++];
      out(line === undefined ? prompt : `${prompt}${line}`);
      return Promise.resolve(line);
    },
    close() {
      next = lines.length;
    },
  };
}
