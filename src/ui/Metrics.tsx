import type { MetricView } from '../engine';

export function Metrics({ metrics }: { metrics: MetricView[] }) {
  return (
    <section className="metrics" aria-label="Metrics">
      {metrics.map((m) => {
        const share = (m.value - m.min) / (m.max - m.min);
        return (
          <div key={m.id} className="metric">
            <span className="metric-label">{m.label}</span>
            <meter
              min={m.min}
              max={m.max}
              low={m.min + (m.max - m.min) / 3}
              high={m.max - (m.max - m.min) / 3}
              optimum={m.better === 'higher' ? m.max : m.min}
              value={m.value}
              aria-label={m.label}
              title={m.description}
            >
              {m.value}
            </meter>
            <span className="metric-value">
              {m.value}
              <span className="visually-hidden">
                {' '}
                of {m.max}, {m.better === 'higher' ? 'higher is better' : 'lower is better'}
              </span>
            </span>
            <span className="visually-hidden">{Math.round(share * 100)}%</span>
          </div>
        );
      })}
    </section>
  );
}
