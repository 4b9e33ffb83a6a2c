// Runs `ppi` in-process for tests: output collected, typed answers supplied as lines.
import { runCli, scriptedInput } from './commands';

export interface CliRun {
  code: number;
  /** Everything printed to stdout, one entry per line, prompts and echoed answers included. */
  lines: string[];
  out: string;
  err: string;
}

export async function ppi(args: readonly string[], answers: readonly string[] = []): Promise<CliRun> {
  const lines: string[] = [];
  const err: string[] = [];
  const out = (l: string) => lines.push(...l.split('\n'));
  const code = await runCli(args, {
    out,
    err: (l) => err.push(l),
    input: () => scriptedInput(answers, out),
  });
  return { code, lines, out: lines.join('\n'), err: err.join('\n') };
}
