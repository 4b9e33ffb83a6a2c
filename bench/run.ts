// `npm run bench`: measured figures, printed as a table. Nothing here asserts a time: machines
// differ and CI shares cores. Medians over several runs; read them with the noise in mind.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, compileScenario, loadScenario, Run, type Scenario } from '../src/engine';
import { generateScenarioText } from './generate';

interface Row {
  subject: string;
  measure: string;
  median: string;
  runs: number;
  note: string;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value: T | undefined;
  const times: number[] = [];
  fn(); // warm-up: the first call also compiles the code paths
  for (let i = 0; i < runs; i++) {
    const r = time(fn);
    times.push(r.ms);
    value = r.value;
  }
  return { ms: median(times), value: value as T };
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);

function loadOrThrow(text: string, file: string): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`${file} is invalid: ${r.problems.length} problems`);
  return r.scenario;
}

/** Plays to an ending, always taking the first option. */
function playThrough(scenario: Scenario, seed: number): number {
  const run = Run.start(compileScenario(scenario), seed);
  let steps = 0;
  while (!run.finished) {
    const view = run.view();
    if (view.kind === 'decision') run.choose(view.options[0]!.id);
    else run.continue();
    steps++;
  }
  run.stop();
  return steps;
}

const rows: Row[] = [];
const subjects: { name: string; text: string; runs: number }[] = [];
const dir = 'scenarios';
for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.json'))
  .sort()) {
  subjects.push({ name: f, text: readFileSync(join(dir, f), 'utf8'), runs: 20 });
}
subjects.push({ name: 'generated 1,000 nodes', text: generateScenarioText(1_000), runs: 10 });
subjects.push({ name: 'generated 10,000 nodes', text: generateScenarioText(10_000), runs: 3 });

for (const { name, text, runs } of subjects) {
  const kb = (text.length / 1024).toFixed(0);
  const parse = measure(runs, () => loadOrThrow(text, name));
  rows.push({ subject: name, measure: 'parse + validate', median: fmt(parse.ms), runs, note: `${kb} KiB` });
  const compile = measure(runs, () => compileScenario(parse.value));
  rows.push({ subject: name, measure: 'compile to XState', median: fmt(compile.ms), runs, note: '' });
  const both = measure(runs, () => compileScenario(loadOrThrow(text, name)));
  rows.push({
    subject: name,
    measure: 'parse + validate + compile',
    median: fmt(both.ms),
    runs,
    note: 'aim for 1,000 nodes: < 50 ms',
  });
  const a = measure(Math.max(1, Math.floor(runs / 2)), () => analyze(parse.value));
  rows.push({
    subject: name,
    measure: 'analyse',
    median: fmt(a.ms),
    runs: Math.max(1, Math.floor(runs / 2)),
    note: `${a.value.exact ? 'exact' : 'bounded'}, ${a.value.statesExplored.toLocaleString('en')} states; aim for 1,000 nodes: < 200 ms`,
  });
  const play = measure(runs, () => playThrough(parse.value, 7));
  rows.push({
    subject: name,
    measure: 'play to an ending',
    median: fmt(play.ms),
    runs,
    note: `${play.value} steps, first option each time`,
  });
}

const headers = ['subject', 'measure', 'median', 'runs', 'note'] as const;
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`PPI Quest engine benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(line([...headers]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(headers.map((h) => String(r[h]))));
