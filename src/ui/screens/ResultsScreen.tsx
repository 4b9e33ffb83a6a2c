// Results: score and stars, the metrics at the end, every decision reviewed with the better
// option explained, and what to play next.
import { useTranslation } from 'react-i18next';
import { nextToPlay } from '../../play/catalogue';
import { useCards, usePlay, useServices } from '../context';
import { Celebration, Leaderboard, LevelBadge } from '../rewards/Rewards';
import { Stars } from '../Stars';
import { useFocusOnMount } from '../useFocusOnMount';
import { useFormats } from '../useFormats';
import { textKey } from '../../engine/translate';
import { Basis, useScenarioTexts } from '../scenarioText';

export function ResultsScreen() {
  const { t } = useTranslation();
  const f = useFormats();
  const { store } = useServices();
  const last = usePlay((s) => s.lastRun);
  const cards = useCards();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const texts = useScenarioTexts();
  if (!last?.result || last.view.kind !== 'ending') return null;
  const { result, view } = last;
  const next = nextToPlay(cards, result.scenarioId);
  const text = texts(result.scenarioId);
  const option = (node: string, id: string, field: 'text' | 'feedback' | 'reference', source: string) =>
    text.node(textKey.option(node, id, field), source);
  const basis = (node: string, id: string, source: string) => (
    <Basis text={text} node={node} option={id} reference={source} />
  );

  return (
    <div className="results-screen">
      <section className={`panel result-summary ${result.outcome}`} aria-labelledby="results-title">
        <p className="outcome-label">{t(`outcome.${result.outcome}`)}</p>
        <h1 id="results-title" ref={heading} tabIndex={-1}>
          {text.node(textKey.node(view.node, 'title'), view.title)}
        </h1>
        <p className="big-score">{t('results.score', { score: result.score.scaled })}</p>
        <Stars count={result.score.stars} />
        <p className="text">{text.node(textKey.node(view.node, 'text'), view.text)}</p>
        <LevelBadge />
      </section>

      <Celebration />
      <Leaderboard scenarioId={result.scenarioId} refresh={last} />

      <section className="panel" aria-labelledby="final-metrics">
        <h2 id="final-metrics">{t('results.finalMetrics')}</h2>
        <dl className="final-metrics">
          {last.metrics.map((m) => (
            <div key={m.id}>
              <dt>{text.node(textKey.metric(m.id, 'label'), m.label)}</dt>
              <dd>
                {f.number(m.value)} / {f.number(m.max)}{' '}
                <span className="muted">
                  ({t(m.better === 'higher' ? 'play.higherIsBetter' : 'play.lowerIsBetter')})
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="review">
        <h2 id="review">{t('results.review')}</h2>
        <ol className="review">
          {result.decisions.map((d, i) => (
            <li key={`${i}:${d.node}`} className={d.quality}>
              <p className="prompt">{text.node(textKey.node(d.node, 'prompt'), d.prompt)}</p>
              <p>
                <strong>{t('results.yourChoice')}:</strong> {option(d.node, d.option, 'text', d.chosenText)}{' '}
                <span className={`quality ${d.quality}`}>{t(`quality.${d.quality}`)}</span>
                {d.timedOut && <span className="muted"> ({t('results.timedOut')})</span>}
              </p>
              <p className="text">{option(d.node, d.option, 'feedback', d.feedback)}</p>
              <p className="reference">{basis(d.node, d.option, d.reference)}</p>
              {d.better && (
                <div className="better">
                  <p>
                    <strong>
                      {text.embed(
                        (o) => t('results.betterWas', { option: o }),
                        textKey.option(d.node, d.better.id, 'text'),
                        d.better.text,
                      )}
                    </strong>
                  </p>
                  <p className="text">{option(d.node, d.better.id, 'feedback', d.better.feedback)}</p>
                  <p className="reference">{basis(d.node, d.better.id, d.better.reference)}</p>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="panel next" aria-labelledby="next">
        <h2 id="next">{t('results.next')}</h2>
        {next ? (
          <button type="button" className="primary" onClick={() => store.getState().startScenario(next.scenarioId)}>
            {texts(next.scenarioId).embed((title) => t('results.playNext', { title }), textKey.title(), next.title)}
          </button>
        ) : (
          <p>{t('results.allDone')}</p>
        )}
        <button type="button" className="secondary" onClick={() => store.getState().startScenario(result.scenarioId)}>
          {t('results.replay')}
        </button>
        <button type="button" className="secondary" onClick={() => store.getState().goTo({ name: 'map' })}>
          {t('results.backToMap')}
        </button>
      </section>
    </div>
  );
}
