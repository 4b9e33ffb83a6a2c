// The scenarios the hub offers: every *.json file directly in scenarios/, loaded with the
// engine's loader and compiled once. A file that does not load is skipped with its problems logged.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileScenario, formatProblem, loadScenario, type CompiledScenario } from '../src/engine';

export async function loadScenarios(
  dir: string,
  warn: (message: string) => void = console.warn,
): Promise<Map<string, CompiledScenario>> {
  const out = new Map<string, CompiledScenario>();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const loaded = loadScenario(await readFile(join(dir, file), 'utf8'), file);
    if (!loaded.ok) {
      warn(`Skipping ${file}:\n${loaded.problems.map(formatProblem).join('\n')}`);
      continue;
    }
    if (out.has(loaded.scenario.id)) {
      warn(`Skipping ${file}: scenario id "${loaded.scenario.id}" is already offered.`);
      continue;
    }
    try {
      const compiled = compileScenario(loaded.scenario);
      compiled.scoreRange(); // the analysis, once, now rather than during a session
      out.set(loaded.scenario.id, compiled);
    } catch (e) {
      warn(`Skipping ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
