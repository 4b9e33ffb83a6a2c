import { useTranslation } from 'react-i18next';
import { usePlay, useServices } from './context';

export function Header({ onSettings }: { onSettings: () => void }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const screen = usePlay((s) => s.screen);
  const profile = usePlay((s) => s.profiles.find((p) => p.id === s.profileId));

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <span className="brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        {t('app.name')}
      </span>
      <nav aria-label={t('app.name')}>
        {screen.name !== 'home' && screen.name !== 'play' && (
          <button type="button" className="link" onClick={() => store.getState().goTo({ name: 'home' })}>
            {profile ? t('nav.player', { name: profile.name }) : t('nav.home')}
          </button>
        )}
        {screen.name === 'results' && (
          <button type="button" className="link" onClick={() => store.getState().goTo({ name: 'map' })}>
            {t('nav.map')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onSettings}>
          {t('nav.settings')}
        </button>
      </nav>
    </header>
  );
}
