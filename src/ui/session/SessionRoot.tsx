// The workshop screens (facilitator or participant), shown in place of the home screen. Loaded
// only when a workshop is opened.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from './ConnectionStatus';
import { FacilitatorView } from './FacilitatorView';
import { ParticipantView } from './ParticipantView';
import { sessionStore, useSession } from './useSession';
import './session.css';

export default function SessionRoot() {
  const { t } = useTranslation();
  const role = useSession((s) => s.role);
  const inSession = useSession((s) => s.team !== null || s.facilitator !== null);

  useEffect(() => {
    document.title = `${t(role === 'facilitator' ? 'workshop.runTitle' : 'workshop.joinTitle')} · ${t('app.name')}`;
  }, [t, role]);

  return (
    <div className={`ws ws-role-${role ?? 'none'}`}>
      <div className="ws-bar">
        <ConnectionStatus />
        {!inSession && (
          <button type="button" className="link" onClick={() => sessionStore().getState().close()}>
            {t('workshop.back')}
          </button>
        )}
      </div>
      {role === 'facilitator' ? <FacilitatorView /> : <ParticipantView />}
    </div>
  );
}
