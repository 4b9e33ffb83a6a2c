// The scenarios that ship with the game, read through the same validating loader as any
// file a city opens, so a broken bundled file shows its problems instead of crashing the app.
import { loadScenario, type LoadResult } from './engine';

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
