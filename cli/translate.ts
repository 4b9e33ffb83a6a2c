// `ppi translate FILE... [--lang xx] [--check] [--json]`: writes or updates a scenario's
// translation file for a language, and reports translation coverage per language.
// The files live beside the scenario: <folder>/translations/<scenario-id>.<lang>.json.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  formatProblem,
  isComplete,
  loadTranslation,
  MAX_TRANSLATION_CHARS,
  ScenarioSchema,
  translationFileName,
  translationStatus,
  translationText,
  updateTranslation,
  type Scenario,
  type ScenarioProblem,
  type Translation,
  type TranslationStatus,
} from '../src/engine';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, loadFile, plural, reportProblems, type Io } from './io';

export interface TranslateOptions {
  /** The language to write or check; every language found when absent. */
  lang: string | undefined;
  /** Write nothing; fail when a translation has missing, stale or too long strings. */
  check: boolean;
  json: boolean;
}

/** The translation files of a scenario found on disk, by language, read and checked. */
interface Found {
  file: string;
  lang: string;
  result: { ok: true; translation: Translation } | { ok: false; problems: ScenarioProblem[] };
}

/** What one scenario file came to, for the text and JSON reports. */
interface ScenarioReport {
  file: string;
  scenario?: string;
  problems?: ScenarioProblem[];
  written?: { file: string; added: string[]; changed: string[]; removed: { key: string; text: string }[] };
  languages: {
    lang: string;
    file: string;
    problems?: ScenarioProblem[];
    status?: TranslationStatus;
    complete: boolean;
  }[];
}

export function translateCommand(files: readonly string[], options: TranslateOptions, io: Io): number {
  if (options.lang !== undefined && !ScenarioSchema.shape.lang.safeParse(options.lang).success) {
    io.err(`ppi: --lang needs a language code like "lt" or "pt-BR", not "${options.lang}"`);
    return EXIT_USAGE;
  }
  const reports = files.map((file) => translateOne(file, options));
  const failed = reports.some(
    (r) =>
      r.problems !== undefined ||
      r.languages.some((l) => l.problems !== undefined || (options.check && !l.complete)) ||
      (options.check && options.lang !== undefined && r.languages.length === 0),
  );
  if (options.json) io.out(JSON.stringify({ ok: !failed, scenarios: reports }, null, 2));
  else for (const r of reports) printReport(r, options, io);
  return failed ? EXIT_INVALID : EXIT_OK;
}

function translateOne(file: string, options: TranslateOptions): ScenarioReport {
  const loaded = loadFile(file);
  if (!loaded.ok) return { file, problems: loaded.problems, languages: [] };
  const scenario = loaded.scenario;
  const report: ScenarioReport = { file, scenario: scenario.id, languages: [] };
  if (options.lang === scenario.lang) {
    // The scenario's own text is the source: there is nothing to translate into its language.
    return {
      ...report,
      problems: [
        {
          file,
          pointer: '',
          line: 1,
          column: 1,
          expected: `a --lang other than the scenario's own language "${scenario.lang}"`,
          found: `--lang ${options.lang}`,
        },
      ],
    };
  }
  const found = findTranslations(file, scenario);

  if (options.lang !== undefined && !options.check) {
    const target = join(dirname(file), translationFileName(scenario.id, options.lang));
    const existing = found.find((f) => f.lang === options.lang);
    if (existing && !existing.result.ok) {
      // A broken file is reported, never overwritten: the translator's work in it is not lost.
      report.languages.push({
        lang: existing.lang,
        file: existing.file,
        problems: existing.result.problems,
        complete: false,
      });
      return report;
    }
    const update = updateTranslation(
      scenario,
      existing?.result.ok ? existing.result.translation : undefined,
      options.lang,
    );
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, translationText(update.translation));
    } catch (e) {
      return {
        ...report,
        problems: [
          {
            file: target,
            pointer: '',
            line: 1,
            column: 1,
            expected: 'a file that can be written',
            found: e instanceof Error ? e.message : String(e),
          },
        ],
      };
    }
    report.written = {
      file: target,
      added: update.added,
      changed: update.changed,
      removed: update.removed.map(({ key, entry }) => ({ key, text: entry.text })),
    };
    const i = found.findIndex((f) => f.lang === options.lang);
    const now: Found = { file: target, lang: options.lang, result: { ok: true, translation: update.translation } };
    if (i === -1) found.push(now);
    else found[i] = now;
    found.sort((a, b) => a.lang.localeCompare(b.lang));
  }

  const shown = options.check && options.lang !== undefined ? found.filter((f) => f.lang === options.lang) : found;
  for (const f of shown) {
    if (!f.result.ok) {
      report.languages.push({ lang: f.lang, file: f.file, problems: f.result.problems, complete: false });
      continue;
    }
    const status = translationStatus(scenario, f.result.translation);
    report.languages.push({ lang: f.lang, file: f.file, status, complete: isComplete(status) });
  }
  return report;
}

/** Files named <id>.<lang>.json in the translations folder beside the scenario. */
function findTranslations(scenarioFile: string, scenario: Scenario): Found[] {
  const folder = join(dirname(scenarioFile), dirname(translationFileName(scenario.id, 'xx')));
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const prefix = `${scenario.id}.`;
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.json'))
    .map((n) => ({ file: join(folder, n), lang: n.slice(prefix.length, -'.json'.length) }))
    .filter(({ lang }) => !lang.includes('.'))
    .sort((a, b) => a.lang.localeCompare(b.lang))
    .map(({ file, lang }) => ({ file, lang, result: readTranslation(file, scenario.id, lang) }));
}

function readTranslation(file: string, scenario: string, lang: string): Found['result'] {
  const at = { file, pointer: '', line: 1, column: 1 };
  try {
    if (statSync(file).size > MAX_TRANSLATION_CHARS * 2) {
      return {
        ok: false,
        problems: [{ ...at, expected: 'a translation file of at most 16 MB', found: 'a larger file' }],
      };
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    return loadTranslation(text, file, { scenario, lang });
  } catch (e) {
    const found =
      e instanceof TypeError ? 'bytes that are not valid UTF-8' : e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ ...at, expected: 'a readable UTF-8 text file', found }] };
  }
}

function percent(share: number): string {
  // Never round an incomplete translation up to 100%.
  const p = Math.floor(share * 100);
  return `${p}%`.padStart(4);
}

function printReport(r: ScenarioReport, options: TranslateOptions, io: Io): void {
  if (r.problems) {
    reportProblems(r.file, r.problems, io);
    return;
  }
  if (r.written) {
    const { file, added, changed, removed } = r.written;
    io.out(`wrote ${file}`);
    io.out(
      `  ${plural(added.length, 'new string')} to translate, ${changed.length} changed in the scenario (now stale), ${removed.length} removed`,
    );
    for (const { key, text } of removed) io.out(`  removed ${key}${text ? `: ${JSON.stringify(text)}` : ''}`);
  }
  const total = r.languages.find((l) => l.status)?.status?.total;
  io.out(`${r.scenario ?? r.file} (${r.file})${total !== undefined ? `: ${plural(total, 'string')}` : ''}`);
  if (r.languages.length === 0) {
    io.out(
      options.lang !== undefined && options.check
        ? `  no translation into "${options.lang}" yet: run  npm run ppi -- translate ${r.file} --lang ${options.lang}`
        : '  no translations yet',
    );
    return;
  }
  for (const l of r.languages) {
    if (l.problems) {
      io.out(`  ${l.lang.padEnd(5)} FAIL  ${plural(l.problems.length, 'problem')}`);
      for (const p of l.problems) io.out(`    ${formatProblem(p)}`);
      continue;
    }
    const s = l.status!;
    const parts = [`${s.translated.length} translated`];
    if (s.missing.length > 0) parts.push(`${s.missing.length} missing`);
    if (s.stale.length > 0) parts.push(`${s.stale.length} stale`);
    if (s.tooLong.length > 0) parts.push(`${s.tooLong.length} too long`);
    if (s.obsolete.length > 0) parts.push(`${s.obsolete.length} obsolete`);
    io.out(`  ${l.lang.padEnd(5)} ${percent(s.coverage)}  ${parts.join(', ')}  ${l.file}`);
    if (options.check && !l.complete) {
      for (const key of s.missing) io.out(`    missing   ${key}`);
      for (const key of s.stale) io.out(`    stale     ${key}`);
      for (const key of s.tooLong) io.out(`    too long  ${key}`);
    }
  }
}
