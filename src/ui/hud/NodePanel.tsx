// The main panel: the scene, the decision with its options as real buttons, the feedback on a
// choice (what happened, why, and the legal basis), an event's outcome, or the ending.
import { useTranslation } from 'react-i18next';
import { textKey } from '../../engine/translate';
import type { MetricView, NodeView } from '../../engine';
import { Basis, useRunText } from '../scenarioText';
import { useServices } from '../context';
import { useFocusOnMount } from '../useFocusOnMount';
import { useFormats } from '../useFormats';
import { DecisionTimer } from './DecisionTimer';
import { isGood } from './Gauges';

export function NodePanel({
  view,
  step,
  metrics,
  timerLeftMs,
}: {
  view: NodeView;
  step: number;
  metrics: MetricView[];
  timerLeftMs?: number;
}) {
  const { t } = useTranslation();
  const { store } = useServices();
  const { choose, continueRun } = store.getState();
  const heading = useFocusOnMount<HTMLHeadingElement>(step);
  const text = useRunText();
  const nodeText = (field: 'title' | 'text' | 'prompt', source: string) =>
    text.node(textKey.node(view.node, field), source);
  const option = (id: string, field: 'text' | 'feedback' | 'reference', source: string) =>
    text.node(textKey.option(view.node, id, field), source);
  const basis = (id: string, source: string) => <Basis text={text} node={view.node} option={id} reference={source} />;
  const speaker =
    'speaker' in view && view.speaker && view.speaker !== 'narrator' ? t(`speaker.${view.speaker}`) : null;
  const next = (label = t('play.continue')) => (
    <button type="button" className="primary continue" onClick={continueRun}>
      {label}
    </button>
  );

  switch (view.kind) {
    case 'narrative':
      return (
        <section className="panel node narrative" aria-labelledby="node-title">
          <h2 id="node-title" ref={heading} tabIndex={-1}>
            {view.title !== undefined ? nodeText('title', view.title) : t('play.scene')}
          </h2>
          {speaker && <p className="speaker">{speaker}</p>}
          <p className="text">{nodeText('text', view.text)}</p>
          {next()}
        </section>
      );
    case 'decision':
      return (
        <section className="panel node decision" aria-labelledby="node-title">
          <h2 id="node-title" ref={heading} tabIndex={-1}>
            {view.title !== undefined ? nodeText('title', view.title) : t('play.decision')}
          </h2>
          {speaker && <p className="speaker">{speaker}</p>}
          <p className="text" id="prompt">
            {nodeText('prompt', view.prompt)}
          </p>
          {view.timer && (
            <DecisionTimer
              key={`${view.node}:${step}`}
              node={view.node}
              seconds={view.timer.seconds}
              startMs={timerLeftMs ?? view.timer.seconds * 1000}
            />
          )}
          <ol className="options" aria-labelledby="prompt">
            {view.options.map((o, i) => (
              <li key={o.id}>
                <button type="button" className="option" onClick={() => choose(o.id)}>
                  <span className="option-key" aria-hidden="true">
                    {String.fromCharCode(65 + i)}
                  </span>
                  <span>{option(o.id, 'text', o.text)}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      );
    case 'feedback':
      return (
        <section className={`panel node feedback ${view.quality}`} aria-labelledby="node-title">
          <h2 id="node-title" ref={heading} tabIndex={-1}>
            {view.timedOut && <span className="timed-out">{t('play.timedOut')}</span>}
            {view.timedOut && ' '}
            {t(`quality.${view.quality}`)}
          </h2>
          <p className="chosen">
            {text.embed(
              (o) => t('play.youChose', { option: o }),
              textKey.option(view.node, view.chosen.id, 'text'),
              view.chosen.text,
            )}
          </p>
          <p className="text">{option(view.chosen.id, 'feedback', view.feedback)}</p>
          <p className="reference">{basis(view.chosen.id, view.reference)}</p>
          <ChangeList changes={view.changes} metrics={metrics} />
          {view.better && (
            <div className="better">
              <h3>{t('play.betterOption')}</h3>
              <p>{option(view.better.id, 'text', view.better.text)}</p>
              <p className="text">{option(view.better.id, 'feedback', view.better.feedback)}</p>
              <p className="reference">{basis(view.better.id, view.better.reference)}</p>
            </div>
          )}
          {next()}
        </section>
      );
    case 'event':
      return (
        <section className="panel node event" aria-labelledby="node-title">
          <h2 id="node-title" ref={heading} tabIndex={-1}>
            {view.title !== undefined ? nodeText('title', view.title) : t('play.event')}
          </h2>
          {speaker && <p className="speaker">{speaker}</p>}
          {view.text && <p className="text">{nodeText('text', view.text)}</p>}
          <p className="text outcome">{text.node(textKey.outcome(view.node, view.outcome.id), view.outcome.text)}</p>
          <ChangeList changes={view.changes} metrics={metrics} />
          {next()}
        </section>
      );
    case 'ending':
      return (
        <section className={`panel node ending ${view.outcome}`} aria-labelledby="node-title">
          <p className="outcome-label">{t(`outcome.${view.outcome}`)}</p>
          <h2 id="node-title" ref={heading} tabIndex={-1}>
            {nodeText('title', view.title)}
          </h2>
          {speaker && <p className="speaker">{speaker}</p>}
          <p className="text">{nodeText('text', view.text)}</p>
          {next(t('play.seeResults'))}
        </section>
      );
  }
}

function ChangeList({ changes, metrics }: { changes: Record<string, number>; metrics: MetricView[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const text = useRunText();
  const shown = metrics.filter((m) => changes[m.id] !== undefined);
  if (shown.length === 0) return null;
  return (
    <ul className="changes" aria-label={t('play.changes')}>
      {shown.map((m) => {
        const delta = changes[m.id]!;
        const good = isGood(m, delta);
        return (
          <li key={m.id} className={good ? 'good' : 'bad'}>
            {text.node(textKey.metric(m.id, 'label'), m.label)} {f.signed(delta)}
            <span className="visually-hidden"> ({t(good ? 'play.better' : 'play.worse')})</span>
          </li>
        );
      })}
    </ul>
  );
}
