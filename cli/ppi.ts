// Entry point of `npm run ppi -- …`. See commands.ts.
import { createInterface } from 'node:readline';
import { runCli, type LineReader } from './commands';

/** Lines from stdin. Typed answers echo in the terminal; piped ones are echoed into the transcript. */
function stdinLines(): LineReader {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const interactive = process.stdin.isTTY;
  return {
    async question(prompt) {
      if (interactive) process.stdout.write(prompt);
      const next = await lines.next();
      const line = next.done === true ? undefined : next.value;
      if (!interactive) process.stdout.write(`${prompt}${line ?? ''}\n`);
      else if (line === undefined) process.stdout.write('\n');
      return line;
    },
    close() {
      rl.close();
    },
  };
}

// Output piped into a program that stopped reading (`| head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit();
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => {
    process.stdout.write(line + '\n');
  },
  err: (line) => {
    process.stderr.write(line + '\n');
  },
  input: stdinLines,
});
