// `ppi play FILE [--seed N]`: plays a scenario in the terminal, through the same Run API as the
// game. Reads one line per step, so a script can pipe its answers in; timers are shown but not
// enforced (type t to let one run out). The same seed and the same answers give the same game.
import { compileScenario, Run, type MetricView, type NodeView } from '../src/engine';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, loadFile, reportProblems, shellWord, type Io, type LineReader } from './io';

export interface PlayOptions {
  /** Seed as typed; a random one, printed so it can be replayed, when missing. */
  seed: string | undefined;
}

const WIDTH = 80;
const INDENT = '  ';

/** Wraps prose to the terminal width, keeping the author's paragraphs. */
export function wrap(text: string, indent = INDENT, width = WIDTH): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(indent + line);
  }
  return lines;
}

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const signed = (n: number) => (n > 0 ? `+${number(n)}` : number(n));

function metricsLine(metrics: readonly MetricView[]): string {
  return metrics
    .map((m) => `${m.label} ${number(m.value)}${m.better === 'lower' ? ' (lower is better)' : ''}`)
    .join(', ');
}

function changesLine(changes: Record<string, number>, metrics: readonly MetricView[]): string {
  const parts = metrics
    .filter((m) => changes[m.id] !== undefined)
    .map((m) => `${m.label} ${signed(changes[m.id]!)} → ${number(m.value)}`);
  return parts.length === 0 ? 'no change' : parts.join(', ');
}

function heading(view: Exclude<NodeView, { kind: 'feedback' }>, fallback: string): string {
  const who = view.speaker ? `, ${view.speaker}` : '';
  return `== ${view.title ?? fallback} ==  [${view.node}${who}]`;
}

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(3 - n);

/** What one step of play ended with: moved on, reached an ending, or stopped early. */
type Step = 'next' | 'done' | 'quit' | 'eof';

export async function playCommand(file: string, options: PlayOptions, io: Io): Promise<number> {
  if (!io.input) {
    io.err('ppi: play needs a terminal or piped input');
    return EXIT_USAGE;
  }
  const loaded = loadFile(file);
  if (!loaded.ok) {
    reportProblems(file, loaded.problems, io);
    return EXIT_INVALID;
  }
  const seed = options.seed ?? String(1 + Math.floor(Math.random() * 999_999_998));
  const run = Run.start(compileScenario(loaded.scenario), seed);
  const replay = `npm run ppi -- play ${shellWord(file)} --seed ${shellWord(seed)}`;
  const scenario = loaded.scenario;
  const reader = io.input();
  const out = (lines: string | readonly string[]) => {
    for (const l of typeof lines === 'string' ? [lines] : lines) io.out(l);
  };

  out(`${scenario.title} (${scenario.id} ${scenario.version}), seed ${seed}`);
  out(`Metrics: ${metricsLine(run.metrics())}`);
  out('Type the number of an option and press Enter; Enter alone moves on; q quits.');

  try {
    for (;;) {
      const step = await playStep(run, reader, out);
      if (step === 'next') continue;
      if (step === 'done') break;
      const at = run.view().node;
      out('');
      out(
        step === 'quit'
          ? `Stopped at "${at}". Replay this game with: ${replay}`
          : `The input ended at "${at}", before the story did. Replay this game with: ${replay}`,
      );
      return EXIT_OK;
    }
  } finally {
    reader.close();
    run.stop();
  }

  const result = run.result()!;
  out('');
  out(`Result: ${result.outcome}, ending "${result.ending}"`);
  out(
    `Score: ${result.score.scaled} of 100 (raw ${number(result.score.raw)}), stars ${stars(result.score.stars)} (${result.score.stars} of 3)`,
  );
  out(`Metrics: ${metricsLine(run.metrics())}`);
  out(result.decisions.length === 0 ? 'Decisions: none' : 'Decisions:');
  for (const d of result.decisions) out(`  ${d.node} → ${d.option} (${d.quality}${d.timedOut ? ', timed out' : ''})`);
  out(`Replay: ${replay}`);
  return EXIT_OK;
}

/** Shows where the run is and acts on the player's answer. */
async function playStep(run: Run, reader: LineReader, out: (lines: string | readonly string[]) => void): Promise<Step> {
  const view = run.view();
  const pause = async (): Promise<Step | undefined> => {
    const line = await reader.question('[Enter] ');
    if (line === undefined) return 'eof';
    return line.trim().toLowerCase() === 'q' ? 'quit' : undefined;
  };
  out('');
  switch (view.kind) {
    case 'narrative': {
      out(heading(view, 'Scene'));
      out(wrap(view.text));
      const stop = await pause();
      if (stop) return stop;
      run.continue();
      return 'next';
    }
    case 'decision': {
      out(heading(view, 'Decision'));
      out(wrap(view.prompt));
      view.options.forEach((o, i) => {
        out(
          wrap(o.text, INDENT + ' '.repeat(`${i + 1}. `.length)).map((l, k) =>
            k === 0 ? `  ${i + 1}. ${l.trimStart()}` : l,
          ),
        );
      });
      const timer = view.timer;
      if (timer) {
        const taken = view.options.find((o) => o.id === timer.onTimeout)!;
        out(wrap(`Timer: ${timer.seconds} s, not enforced here. Type t to let it run out, which takes: ${taken.text}`));
      }
      const choices = `1-${view.options.length}${timer ? ', t' : ''}, q`;
      for (;;) {
        const line = await reader.question(`Your choice (${choices}) > `);
        if (line === undefined) return 'eof';
        const answer = line.trim().toLowerCase();
        if (answer === 'q') return 'quit';
        if (answer === 't' && timer) {
          run.timeout();
          break;
        }
        const n = Number(answer);
        const option =
          answer !== '' && Number.isInteger(n) ? view.options[n - 1] : view.options.find((o) => o.id === answer);
        if (option) {
          run.choose(option.id);
          break;
        }
        out(
          answer === 't'
            ? '  This decision has no timer.'
            : `  Type a number from 1 to ${view.options.length}${timer ? ', or t' : ''}.`,
        );
      }
      return 'next';
    }
    case 'feedback': {
      const metrics = run.metrics();
      const how = view.timedOut ? 'Time ran out, so' : 'You chose';
      out(wrap(`${how} ${view.chosen.id} (${view.quality}): ${view.chosen.text}`, ''));
      out(wrap(view.feedback));
      out(`  Reference: ${view.reference}`);
      out(wrap(`Changes: ${changesLine(view.changes, metrics)}`));
      if (view.better) out(wrap(`Better: ${view.better.text} (${view.better.id}; ${view.better.reference})`));
      const stop = await pause();
      if (stop) return stop;
      run.continue();
      return 'next';
    }
    case 'event': {
      out(heading(view, 'Event'));
      if (view.text) out(wrap(view.text));
      out(wrap(`Outcome (${view.outcome.id}): ${view.outcome.text}`));
      out(wrap(`Changes: ${changesLine(view.changes, run.metrics())}`));
      const stop = await pause();
      if (stop) return stop;
      run.continue();
      return 'next';
    }
    case 'ending':
      out(heading(view, 'The end'));
      out(wrap(view.text));
      return 'done';
  }
}
