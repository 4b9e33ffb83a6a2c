// The command line as data: the command, its files, and its options, checked against what each
// command accepts so a misplaced option is an error rather than silently ignored.

export type OptionName =
  'json' | 'strict' | 'write' | 'force' | 'check' | 'max-states' | 'format' | 'out' | 'seed' | 'id' | 'title' | 'lang';

/** Options that take a value, and how the value is described in an error. */
const VALUE_OPTIONS: Partial<Record<OptionName, string>> = {
  'max-states': 'a whole number',
  format: '"mermaid" or "dot"',
  out: 'a file path',
  seed: 'a seed',
  id: 'a scenario id',
  title: 'a title',
  lang: 'a language code like "lt"',
};
const FLAG_OPTIONS: readonly OptionName[] = ['json', 'strict', 'write', 'force', 'check'];

export interface Parsed {
  command: string | undefined;
  files: string[];
  options: Partial<Record<OptionName, string | true>>;
}

const isOption = (name: string): name is OptionName =>
  (FLAG_OPTIONS as readonly string[]).includes(name) || Object.hasOwn(VALUE_OPTIONS, name);

/** Reads `--name value`, `--name=value` and plain words. Returns a message when it cannot. */
export function parseArgs(args: readonly string[]): Parsed | string {
  const parsed: Parsed = { command: undefined, files: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) {
      if (parsed.command === undefined) parsed.command = a;
      else parsed.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (!isOption(name)) return `unknown option --${name}`;
    const needs = VALUE_OPTIONS[name];
    if (needs === undefined) {
      if (eq !== -1) return `--${name} takes no value`;
      parsed.options[name] = true;
      continue;
    }
    const value = eq === -1 ? args[++i] : a.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      return `--${name} needs ${needs}`;
    }
    parsed.options[name] = value;
  }
  return parsed;
}

/** The first option given that `command` does not accept, as a message. */
export function misplacedOption(parsed: Parsed, accepted: readonly OptionName[]): string | undefined {
  const wrong = (Object.keys(parsed.options) as OptionName[]).find((o) => !accepted.includes(o));
  return wrong === undefined ? undefined : `--${wrong} does not apply to ${parsed.command ?? 'this command'}`;
}

export function stringOption(parsed: Parsed, name: OptionName): string | undefined {
  const v = parsed.options[name];
  return typeof v === 'string' ? v : undefined;
}
