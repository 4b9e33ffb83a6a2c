// On the home screen: run a workshop (facilitator) or join one (participant).
import { useTranslation } from 'react-i18next';
import { sessionStore } from './useSession';

export function WorkshopEntry() {
  const { t } = useTranslation();
  return (
    <section className="panel ws-entry" aria-labelledby="ws-entry-title">
      <h2 id="ws-entry-title">{t('workshop.entryTitle')}</h2>
      <p>{t('workshop.entryIntro')}</p>
      <div className="row">
        <button type="button" onClick={() => sessionStore().getState().openJoin()}>
          {t('workshop.joinButton')}
        </button>
        <button type="button" onClick={() => sessionStore().getState().openFacilitator()}>
          {t('workshop.runButton')}
        </button>
      </div>
    </section>
  );
}
