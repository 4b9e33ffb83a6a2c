// Metric gauges. Each change shows as a chip beside the gauge and the bar moves to its new value
// (animated unless motion is reduced). Colours follow whether the change is good for the metric.
import { useTranslation } from 'react-i18next';
import { textKey } from '../../engine/translate';
import type { MetricView } from '../../engine';
import { useRunText } from '../scenarioText';
import { useFormats } from '../useFormats';

export function Gauges({ metrics, changes }: { metrics: MetricView[]; changes: Record<string, number> | undefined }) {
  const { t } = useTranslation();
  const f = useFormats();
  const text = useRunText();
  return (
    <section className="gauges" aria-label={t('play.metrics')}>
      <ul>
        {metrics.map((m) => {
          const share = ((m.value - m.min) / (m.max - m.min)) * 100;
          const goodness = m.better === 'higher' ? share : 100 - share;
          const delta = changes?.[m.id];
          const direction = t(m.better === 'higher' ? 'play.higherIsBetter' : 'play.lowerIsBetter');
          return (
            <li
              key={m.id}
              className="gauge"
              title={
                m.description === undefined
                  ? undefined
                  : text.get(textKey.metric(m.id, 'description'), m.description).text
              }
            >
              <span className="gauge-label" id={`gauge-${m.id}`}>
                {text.node(textKey.metric(m.id, 'label'), m.label)}
              </span>
              <span className="gauge-value">
                {f.number(m.value)}
                {delta !== undefined && (
                  <span
                    key={`${m.id}:${m.value}`}
                    className={`delta ${isGood(m, delta) ? 'good' : 'bad'}`}
                    aria-hidden="true"
                  >
                    {f.signed(delta)}
                  </span>
                )}
              </span>
              <span
                className="bar"
                role="meter"
                aria-labelledby={`gauge-${m.id}`}
                aria-valuemin={m.min}
                aria-valuemax={m.max}
                aria-valuenow={m.value}
                aria-valuetext={t('play.metricValue', {
                  label: text.get(textKey.metric(m.id, 'label'), m.label).text,
                  value: m.value,
                  max: m.max,
                  direction,
                })}
              >
                <span
                  className={`fill ${goodness >= 60 ? 'high' : goodness >= 35 ? 'mid' : 'low'}`}
                  style={{ width: `${share}%` }}
                />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function isGood(metric: MetricView, delta: number): boolean {
  return metric.better === 'higher' ? delta > 0 : delta < 0;
}
