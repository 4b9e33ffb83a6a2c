// Until the game screens exist: choose a bundled scenario and play it as text.
import { useState } from 'react';
import { bundledScenarios } from '../bundled';
import { compileScenario, formatProblem, Run } from '../engine';
import { Player } from './Player';

function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function App() {
  const [run, setRun] = useState<Run | null>(null);

  if (run) {
    return (
      <Player
        run={run}
        onExit={() => {
          run.stop();
          setRun(null);
        }}
      />
    );
  }
  return (
    <main className="page">
      <header>
        <h1>PPI Quest</h1>
        <p className="lead">Learn how a city buys what does not exist yet, legally and well.</p>
      </header>
      <h2>Scenarios</h2>
      {bundledScenarios.length === 0 && <p>No scenarios are bundled.</p>}
      <ul className="scenario-list">
        {bundledScenarios.map(({ file, result }) =>
          result.ok ? (
            <li key={file} className="card">
              <h3>{result.scenario.title}</h3>
              <p>{result.scenario.summary}</p>
              <p className="meta">
                {result.scenario.difficulty} · about {result.scenario.minutes} minutes
              </p>
              <button
                type="button"
                onClick={() => {
                  setRun(Run.start(compileScenario(result.scenario), newSeed()));
                }}
              >
                Play “{result.scenario.title}”
              </button>
            </li>
          ) : (
            <li key={file} className="card error">
              <h3>{file} cannot be played</h3>
              <ul>
                {result.problems.map((p) => (
                  <li key={`${p.pointer}:${p.expected}`}>{formatProblem(p)}</li>
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </main>
  );
}
