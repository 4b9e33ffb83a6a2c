// Counts down a decision's time; when it runs out, the decision's timeout option is taken.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function DecisionTimer({ seconds, onTimeout }: { seconds: number; onTimeout: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    const startedAt = performance.now();
    let fired = false;
    const id = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((performance.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0 && !fired) {
        fired = true;
        window.clearInterval(id);
        onTimeout();
      }
    }, 250);
    return () => {
      window.clearInterval(id);
    };
  }, [seconds, onTimeout]);

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
