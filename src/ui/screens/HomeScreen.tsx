// Home: choose or add a player profile, and the language; or run or join a workshop.
import { lazy, Suspense, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlay, useServices } from '../context';
import { LanguageSelect } from '../LanguageSelect';
import { DataPanel } from './DataPanel';
import { useFocusOnMount } from '../useFocusOnMount';
import { useWorkshopRole } from '../session/useWorkshopRole';
import { WorkshopEntry } from '../session/WorkshopEntry';

const SessionRoot = lazy(() => import('../session/SessionRoot'));

export function HomeScreen() {
  const { t } = useTranslation();
  const { store } = useServices();
  const profiles = usePlay((s) => s.profiles);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const errorId = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // The workshop's code is a chunk of its own (src/ui/session/useWorkshopRole.ts).
  const workshop = useWorkshopRole();

  const enter = (profileId: string | null) => {
    if (profileId) store.getState().selectProfile(profileId);
    store.getState().goTo({ name: 'map' });
  };

  const create = (e: SyntheticEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setError(t('home.nameRequired'));
      return;
    }
    const profile = store.getState().createProfile(name);
    setName('');
    setError(null);
    enter(profile.id);
  };

  if (workshop) {
    const loading = (
      <p className="muted" role="status">
        {t('workshop.loading')}
      </p>
    );
    return workshop === 'opening' ? (
      loading
    ) : (
      <Suspense fallback={loading}>
        <SessionRoot />
      </Suspense>
    );
  }

  return (
    <div className="home">
      <section className="hero">
        <h1>{t('app.name')}</h1>
        <p className="lead">{t('app.tagline')}</p>
      </section>
      <section className="panel" aria-labelledby="who">
        <h2 id="who" ref={heading} tabIndex={-1}>
          {t('home.title')}
        </h2>
        <p>{t('home.intro')}</p>
        {profiles.length === 0 ? (
          <p className="muted">{t('home.noPlayers')}</p>
        ) : (
          <ul className="profiles">
            {profiles.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => enter(p.id)}>
                  {t('home.play', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="new-profile" onSubmit={create} noValidate>
          <h3>{t('home.newPlayer')}</h3>
          <label htmlFor={nameId}>{t('home.nameLabel')}</label>
          <div className="row">
            <input
              id={nameId}
              value={name}
              maxLength={40}
              autoComplete="nickname"
              aria-invalid={error !== null}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit">{t('home.create')}</button>
          </div>
          {error && (
            <p id={errorId} className="error" role="alert">
              {error}
            </p>
          )}
        </form>
        <button type="button" className="link" onClick={() => enter(null)}>
          {t('home.guest')}
        </button>
      </section>
      <WorkshopEntry />
      <LanguageSelect className="field language" />
      <DataPanel profiles={profiles} />
    </div>
  );
}
