// `ppi validate FILE|DIR...`: every problem of every file, located.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_INVALID, EXIT_OK, loadFile, plural, reportProblems, type Io } from './io';

/** Files as named, with a folder standing for every .json file directly in it. */
export function expandFiles(paths: readonly string[]): string[] {
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

export function validate(files: readonly string[], json: boolean, io: Io): number {
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
      } else reportProblems(file, result.problems, io);
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
