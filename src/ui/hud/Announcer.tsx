// A polite live region: after each step, screen readers hear what changed in the metrics. The
// new panel's heading also receives focus, so its text is read as well.
import { useTranslation } from 'react-i18next';
import { textKey } from '../../engine/translate';
import type { MetricView, NodeView } from '../../engine';
import { useRunText } from '../scenarioText';
import { useFormats } from '../useFormats';
import { isGood } from './Gauges';

export function Announcer({ view, metrics }: { view: NodeView; metrics: MetricView[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const scenarioText = useRunText();
  const changes = view.kind === 'feedback' || view.kind === 'event' ? view.changes : {};
  const text = metrics
    .filter((m) => changes[m.id] !== undefined)
    .map((m) => {
      const delta = changes[m.id]!;
      return t('play.announceChange', {
        label: scenarioText.get(textKey.metric(m.id, 'label'), m.label).text,
        delta: f.signed(delta),
        verdict: t(isGood(m, delta) ? 'play.better' : 'play.worse'),
      });
    })
    .join('. ');
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
