// On the home screen: run a workshop (facilitator) or join one (participant). The session code
// loads on demand (it is usually there already: useWorkshopRole loads it after the home screen).
import { useTranslation } from 'react-i18next';
import { loadSession } from './useWorkshopRole';

export function WorkshopEntry() {
  const { t } = useTranslation();
  return (
    <section className="panel ws-entry" aria-labelledby="ws-entry-title">
      <h2 id="ws-entry-title">{t('workshop.entryTitle')}</h2>
      <p>{t('workshop.entryIntro')}</p>
      <div className="row">
        <button type="button" onClick={() => void loadSession().then((m) => m.sessionStore().getState().openJoin())}>
          {t('workshop.joinButton')}
        </button>
        <button
          type="button"
          onClick={() => void loadSession().then((m) => m.sessionStore().getState().openFacilitator())}
        >
          {t('workshop.runButton')}
        </button>
      </div>
    </section>
  );
}
