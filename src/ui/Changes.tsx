import type { MetricView } from '../engine';

/** Metric changes as chips, coloured by whether the change is good for that metric. */
export function Changes({ changes, metrics }: { changes: Record<string, number>; metrics: MetricView[] }) {
  const shown = metrics.filter((m) => changes[m.id] !== undefined);
  if (shown.length === 0) return null;
  return (
    <ul className="changes" aria-label="What changed">
      {shown.map((m) => {
        const delta = changes[m.id]!;
        const good = m.better === 'higher' ? delta > 0 : delta < 0;
        return (
          <li key={m.id} className={good ? 'up' : 'down'}>
            {m.label} {delta > 0 ? `+${delta}` : delta}
            <span className="visually-hidden">{good ? ' (better)' : ' (worse)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
