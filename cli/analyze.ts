// `ppi analyze FILE`: what players can reach and score, and what an author should look at.
import { analyze, compileScenario, warningsFor, type PathStep } from '../src/engine';
import { EXIT_INVALID, EXIT_OK, loadFile, plural, reportProblems, type Io } from './io';

export interface AnalyzeOptions {
  json: boolean;
  strict: boolean;
  maxStates: number;
}

function pathText(steps: readonly PathStep[]): string {
  return steps.map((s) => (s.via ? `${s.node} [${s.via}]` : s.node)).join(' → ');
}

export function analyzeFile(file: string, options: AnalyzeOptions, io: Io): number {
  const loaded = loadFile(file);
  if (!loaded.ok) {
    if (options.json) io.out(JSON.stringify({ file, valid: false, problems: loaded.problems }, null, 2));
    else reportProblems(file, loaded.problems, io);
    return EXIT_INVALID;
  }
  const scenario = loaded.scenario;
  compileScenario(scenario); // proves the machine builds with every guard and action it names
  const analysis = analyze(scenario, { stateLimit: options.maxStates });
  const warnings = warningsFor(scenario, analysis);
  const scaled = (raw: number | undefined) => (raw === undefined ? '-' : (raw * 100).toFixed(1));

  if (options.json) {
    io.out(JSON.stringify({ file, valid: true, analysis, warnings }, null, 2));
  } else {
    const endings = analysis.endings;
    const reachableEndings = endings.filter((e) => e.reachable === 'yes');
    io.out(`${scenario.title} (${scenario.id} ${scenario.version}, ${file})`);
    io.out(
      `  nodes        ${analysis.nodeCount} (${analysis.decisionCount} decisions); reachable ${analysis.reachable.length}, unreachable ${analysis.unreachable.length}${analysis.undecided.length > 0 ? `, undecided ${analysis.undecided.length}` : ''}`,
    );
    if (analysis.unreachable.length > 0) io.out(`  unreachable  ${analysis.unreachable.join(', ')}`);
    if (analysis.undecided.length > 0) io.out(`  undecided    ${analysis.undecided.join(', ')}`);
    io.out(`  dead ends    ${analysis.deadEnds.length === 0 ? 'none' : analysis.deadEnds.join(', ')}`);
    io.out(
      `  endings      ${reachableEndings.length} of ${endings.length} reachable: ${endings.map((e) => `${e.id} (${e.outcome}${e.reachable === 'yes' ? '' : e.reachable === 'no' ? ', unreachable' : ', undecided'})`).join(', ')}`,
    );
    io.out(
      `  analysis     ${analysis.exact ? 'exact' : `bounded at ${analysis.stateLimit.toLocaleString('en')} states per search`}: ${plural(analysis.statesExplored, 'game state')} searched${analysis.cyclic ? ', cyclic' : ''}`,
    );
    if (analysis.pathCount) {
      io.out(
        `  play-throughs ${analysis.pathCount.capped ? 'more than ' : ''}${analysis.pathCount.value.toLocaleString('en')} by the graph`,
      );
    }
    if (analysis.decisionsPerRun) {
      const { min, max } = analysis.decisionsPerRun;
      io.out(`  decisions    ${min === max ? min : `${min}–${max ?? 'unbounded'}`} per play-through`);
    }
    if (analysis.best && analysis.worst) {
      io.out(
        `  best score   ${scaled(analysis.best.raw)} of 100 raw, ending ${analysis.best.ending} (${analysis.best.outcome})`,
      );
      io.out(`               ${pathText(analysis.best.steps)}`);
      io.out(
        `  worst score  ${scaled(analysis.worst.raw)} of 100 raw, ending ${analysis.worst.ending} (${analysis.worst.outcome})`,
      );
      io.out(`               ${pathText(analysis.worst.steps)}`);
    }
    if (warnings.length === 0) io.out('  warnings     none');
    else {
      io.out(`  warnings     ${warnings.length}`);
      for (const w of warnings) io.out(`    ${w.pointer || '(document)'}: ${w.message}`);
    }
  }
  return options.strict && warnings.length > 0 ? EXIT_INVALID : EXIT_OK;
}
