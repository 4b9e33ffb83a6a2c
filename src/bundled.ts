// The scenarios that ship with the game, read through the same validating loader as any
// file a city opens, so a broken bundled file shows its problems instead of crashing the app.
import { loadScenario, type LoadResult, type Scenario } from './engine';
import type { BrokenFile } from './play/custom';

const files = import.meta.glob<string>('../scenarios/*.json', { query: '?raw', import: 'default', eager: true });

export interface BundledScenario {
  file: string;
  result: LoadResult;
}

export const bundledScenarios: BundledScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.replace(/^\.\.\//, '');
    return { file, result: loadScenario(text, file) };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** The files that loaded, and the ones that did not with their problems (for the store). */
export function splitBundled(list: readonly BundledScenario[]): { scenarios: Scenario[]; broken: BrokenFile[] } {
  const scenarios: Scenario[] = [];
  const broken: BrokenFile[] = [];
  for (const { file, result } of list) {
    if (result.ok) scenarios.push(result.scenario);
    else broken.push({ file, problems: result.problems });
  }
  return { scenarios, broken };
}

// Development: saving a file in scenarios/ re-runs this module; the new files go to whoever
// listens (main.tsx hands them to the store). The listeners outlive each re-run in `hot.data`.
type Listener = (next: BundledScenario[]) => void;
type HotData = { listeners?: Set<Listener> } | undefined;
const listeners: Set<Listener> = (import.meta.hot?.data as HotData)?.listeners ?? new Set();
if (import.meta.hot) {
  (import.meta.hot.data as { listeners?: Set<Listener> }).listeners = listeners;
  // Spelled out in full: Vite finds HMR boundaries by looking for `import.meta.hot.accept(`.
  import.meta.hot.accept((next) => {
    const fresh = (next as { bundledScenarios?: BundledScenario[] } | undefined)?.bundledScenarios;
    if (fresh) for (const listener of listeners) listener(fresh);
  });
}

/** Calls `listener` each time a shipped scenario file changes (only under `vite` dev). */
export function onBundledChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
