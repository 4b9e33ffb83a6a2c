import { useEffect, useState, type RefObject } from 'react';
import type { NodeView, Run } from '../engine';
import { Changes } from './Changes';

const QUALITY_LABEL = { best: 'Best choice', good: 'Good choice', weak: 'Weak choice', poor: 'Poor choice' } as const;

export function NodePanel({
  run,
  view,
  headingRef,
}: {
  run: Run;
  view: NodeView;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const metrics = run.metrics();
  const next = (
    <button type="button" onClick={() => run.continue()}>
      Continue
    </button>
  );
  switch (view.kind) {
    case 'narrative':
      return (
        <section className="panel" aria-live="polite">
          <h2 ref={headingRef} tabIndex={-1}>
            {view.title ?? 'Scene'}
          </h2>
          {view.speaker && <p className="speaker">{view.speaker.replace('-', ' ')}</p>}
          <p className="text">{view.text}</p>
          {next}
        </section>
      );
    case 'decision':
      return <Decision run={run} view={view} headingRef={headingRef} />;
    case 'feedback':
      return (
        <section className={`panel feedback ${view.quality}`} aria-live="polite">
          <h2 ref={headingRef} tabIndex={-1}>
            {view.timedOut ? 'Time ran out. ' : ''}
            {QUALITY_LABEL[view.quality]}
          </h2>
          <p className="chosen">You chose: {view.chosen.text}</p>
          <p className="text">{view.feedback}</p>
          <p className="reference">Basis: {view.reference}</p>
          <Changes changes={view.changes} metrics={metrics} />
          {view.better && (
            <div className="better">
              <h3>A better option</h3>
              <p>{view.better.text}</p>
              <p className="text">{view.better.feedback}</p>
            </div>
          )}
          {next}
        </section>
      );
    case 'event':
      return (
        <section className="panel event" aria-live="polite">
          <h2 ref={headingRef} tabIndex={-1}>
            {view.title ?? 'Something happens'}
          </h2>
          {view.text && <p className="text">{view.text}</p>}
          <p className="text">{view.outcome.text}</p>
          <Changes changes={view.changes} metrics={metrics} />
          {next}
        </section>
      );
    case 'ending':
      return null;
  }
}

function Decision({
  run,
  view,
  headingRef,
}: {
  run: Run;
  view: Extract<NodeView, { kind: 'decision' }>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [left, setLeft] = useState(view.timer?.seconds);
  useEffect(() => {
    if (!view.timer) return;
    const startedAt = Date.now();
    const seconds = view.timer.seconds;
    const id = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(id);
        run.timeout();
      }
    }, 250);
    return () => {
      window.clearInterval(id);
    };
  }, [run, view.node, view.timer]);

  return (
    <section className="panel decision">
      <h2 ref={headingRef} tabIndex={-1}>
        {view.title ?? 'Decision'}
      </h2>
      {view.speaker && <p className="speaker">{view.speaker.replace('-', ' ')}</p>}
      <p className="text">{view.prompt}</p>
      {left !== undefined && (
        <p className="timer" role="timer" aria-live={left <= 10 ? 'assertive' : 'off'}>
          {left} seconds left
        </p>
      )}
      <ol className="options">
        {view.options.map((o) => (
          <li key={o.id}>
            <button type="button" onClick={() => run.choose(o.id)}>
              {o.text}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
