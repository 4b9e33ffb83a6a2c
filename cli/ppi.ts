// Entry point of `npm run ppi -- …`. See commands.ts.
import { runCli } from './commands';

process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => {
    process.stdout.write(line + '\n');
  },
  err: (line) => {
    process.stderr.write(line + '\n');
  },
});
