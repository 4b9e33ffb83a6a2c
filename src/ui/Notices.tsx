// Banners about saving: storage that fails or is missing, a save that could not be resumed, and a
// run open in another tab. Announced politely; play is never blocked by them.
import { useTranslation } from 'react-i18next';
import { usePlay, useServices } from './context';

export function Notices() {
  const { t } = useTranslation();
  const { store } = useServices();
  const health = usePlay((s) => s.storageHealth);
  const notice = usePlay((s) => s.notice);
  const outdated = usePlay((s) => s.outdatedScenario);
  return (
    <div className="notices" role="status" aria-live="polite">
      {health !== 'ok' && <p className={`notice ${health}`}>{t(`storage.${health}`)}</p>}
      {notice && (
        <p className="notice">
          {t(`notice.${notice}`)}{' '}
          {notice === 'save-outdated' && outdated && (
            <button type="button" className="link" onClick={() => store.getState().restartScenario(outdated)}>
              {t('notice.startAgain')}
            </button>
          )}
          <button type="button" className="link" onClick={() => store.getState().setNotice(null)}>
            {t('notice.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
