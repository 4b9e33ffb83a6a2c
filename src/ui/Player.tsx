// Plays a run as text: the current scene or decision, the metrics, and the result at the end.
import { useEffect, useRef } from 'react';
import type { Run } from '../engine';
import { Metrics } from './Metrics';
import { NodePanel } from './NodePanel';
import { ResultView } from './ResultView';
import { useRun } from './useRun';

export function Player({ run, onExit }: { run: Run; onExit: () => void }) {
  const step = useRun(run);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const result = run.result();
  const view = run.view();

  // Move focus to the new content after each step, so keyboard and screen-reader users follow.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  return (
    <main className="page play">
      <header className="play-header">
        <h1 className="scenario-title">{run.compiled.scenario.title}</h1>
        <button type="button" className="secondary" onClick={onExit}>
          Back to scenarios
        </button>
      </header>
      <Metrics metrics={run.metrics()} />
      {result && view.kind === 'ending' ? (
        <ResultView result={result} ending={view} headingRef={headingRef} onExit={onExit} />
      ) : (
        <NodePanel run={run} view={view} headingRef={headingRef} />
      )}
    </main>
  );
}
