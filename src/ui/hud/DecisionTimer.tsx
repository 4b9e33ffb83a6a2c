// Counts down a decision's time; when it runs out, the decision's timeout option is taken.
// It reports the time left about once a second, so a reload continues the countdown.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../context';

export function DecisionTimer({
  node,
  seconds,
  startMs = seconds * 1000,
}: {
  /** The decision the timer belongs to. */
  node: string;
  seconds: number;
  /** Milliseconds left when the timer starts (less than the full time after a reload). */
  startMs?: number;
}) {
  const { t } = useTranslation();
  const { store } = useServices();
  const [left, setLeft] = useState(Math.ceil(startMs / 1000));

  useEffect(() => {
    const startedAt = performance.now();
    let fired = false;
    let lastWhole = Math.ceil(startMs / 1000);
    const id = window.setInterval(() => {
      const remainingMs = Math.max(0, startMs - (performance.now() - startedAt));
      const remaining = Math.ceil(remainingMs / 1000);
      setLeft(remaining);
      if (remaining !== lastWhole) {
        lastWhole = remaining;
        // Reported so that a reload resumes the timer where it was.
        store.getState().tickTimer(node, remainingMs);
      }
      if (remaining === 0 && !fired) {
        fired = true;
        window.clearInterval(id);
        store.getState().timeOut();
      }
    }, 250);
    return () => {
      window.clearInterval(id);
    };
  }, [store, node, startMs]);

  const urgent = left <= 10;
  return (
    <div className={`timer ${urgent ? 'urgent' : ''}`}>
      <span className="visually-hidden">{t('play.timerLabel')}</span>
      <span className="timer-bar" aria-hidden="true">
        <span style={{ width: `${(left / seconds) * 100}%` }} />
      </span>
      {/* Announced only near the end, and only at whole steps, so screen readers are not flooded. */}
      <span aria-live={urgent && left % 5 === 0 ? 'assertive' : 'off'}>{t('play.secondsLeft', { count: left })}</span>
    </div>
  );
}
