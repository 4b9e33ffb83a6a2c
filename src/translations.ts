// The translations that ship with the game (scenarios/translations/<scenario>.<lang>.json), each
// its own chunk, fetched only when a player picks that language. Read through the engine's strict
// loader: a broken file is reported for its author and its level falls back to its own language.
import { loadTranslation, type Translation } from './engine';

const files = import.meta.glob<string>('../scenarios/translations/*.json', { query: '?raw', import: 'default' });

const NAME = /([^/]+)\.([^./]+)\.json$/;

/** The languages some shipped scenario is translated into. */
export const translatedLanguages: readonly string[] = [
  ...new Set(Object.keys(files).flatMap((path) => NAME.exec(path)?.[2] ?? [])),
].sort();

export async function loadShippedTranslations(lang: string): Promise<Translation[]> {
  const wanted = Object.entries(files).filter(([path]) => NAME.exec(path)?.[2] === lang);
  const loaded = await Promise.all(
    wanted.map(async ([path, read]) => {
      const file = path.replace(/^\.\.\//, '');
      const scenario = NAME.exec(path)![1]!;
      const result = loadTranslation(await read(), file, { scenario, lang });
      if (result.ok) return [result.translation];
      console.error(`${file} is not a valid translation`, result.problems);
      return [];
    }),
  );
  return loaded.flat();
}
