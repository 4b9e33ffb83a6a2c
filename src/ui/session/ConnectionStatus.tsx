// The link to the hub, shown and announced politely: connected, reconnecting, or no hub at all
// (then: workshops need `npm run serve` on the facilitator's laptop).
import { useTranslation } from 'react-i18next';
import { useSession } from './useSession';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const connection = useSession((s) => s.connection);
  return (
    <div className={`ws-connection ws-${connection}`} role="status" aria-live="polite">
      <span className="ws-dot" aria-hidden="true" />
      <span>{t(`workshop.connection.${connection}`)}</span>
      {connection === 'unreachable' && <p className="ws-help">{t('workshop.needsServe')}</p>}
    </div>
  );
}

export function ProblemMessage() {
  const { t } = useTranslation();
  const problem = useSession((s) => s.problem);
  if (!problem) return null;
  const known = t(`workshop.errors.${problem.code}`, { defaultValue: '' });
  return (
    <p className="error" role="alert">
      {known || t('workshop.errors.internal')} <span className="muted">({problem.message})</span>
    </p>
  );
}
