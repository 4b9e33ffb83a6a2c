import type { RefObject } from 'react';
import type { NodeView, RunResult } from '../engine';

export function ResultView({
  result,
  ending,
  headingRef,
  onExit,
}: {
  result: RunResult;
  ending: Extract<NodeView, { kind: 'ending' }>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onExit: () => void;
}) {
  const { score } = result;
  return (
    <section className={`panel result ${result.outcome}`}>
      <h2 ref={headingRef} tabIndex={-1}>
        {ending.title}
      </h2>
      <p className="outcome">{OUTCOME_LABEL[result.outcome]}</p>
      <p className="text">{ending.text}</p>
      <p className="score">
        Score {score.scaled} of 100 ·{' '}
        <span aria-label={`${score.stars} of 3 stars`}>
          {'★'.repeat(score.stars)}
          {'☆'.repeat(3 - score.stars)}
        </span>
      </p>
      <h3>Your decisions</h3>
      <ol className="review">
        {result.decisions.map((d) => (
          <li key={`${d.node}:${d.option}`}>
            <p className="prompt">{d.prompt}</p>
            <p>
              You chose: {d.chosenText} <span className={`quality ${d.quality}`}>({d.quality})</span>
              {d.timedOut ? ' — time ran out' : ''}
            </p>
            <p className="reference">{d.reference}</p>
            {d.better && (
              <p className="better">
                Better: {d.better.text} — {d.better.feedback}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onExit}>
        Back to scenarios
      </button>
    </section>
  );
}

const OUTCOME_LABEL = { success: 'Success', mixed: 'A mixed result', failure: 'It did not work out' } as const;
