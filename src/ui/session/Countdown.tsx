// The time left to answer, from the hub's deadline (kept as a local time). Announced only near the end.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function Countdown({ deadline, total, paused = false }: { deadline: number; total: number; paused?: boolean }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (paused) return;
    const id = window.setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      window.clearInterval(id);
    };
  }, [paused]);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const urgent = left <= 10;
  return (
    <div className={`timer ${urgent ? 'urgent' : ''}`}>
      <span className="visually-hidden">{t('play.timerLabel')}</span>
      <span className="timer-bar" aria-hidden="true">
        <span style={{ width: `${total > 0 ? Math.min(100, (left / total) * 100) : 0}%` }} />
      </span>
      <span aria-live={urgent && left % 5 === 0 ? 'assertive' : 'off'}>{t('play.secondsLeft', { count: left })}</span>
    </div>
  );
}
