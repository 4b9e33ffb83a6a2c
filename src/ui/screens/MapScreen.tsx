// The city map: the heading and, for the chosen place, its briefing with a Start button; opening
// the player's own scenario files, and the problems of shipped files that could not be read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUEST } from '../../play/store';
import { useCards, usePlay, useServices } from '../context';
import { useFocusOnMount } from '../useFocusOnMount';
import { AchievementList, LevelBadge } from '../rewards/Rewards';
import { Standings } from '../rewards/Standings';
import { Stars } from '../Stars';
import { textKey } from '../../engine/translate';
import { UntranslatedNotice, useScenarioText } from '../scenarioText';
import { OpenScenario, type OpenMessage } from './OpenScenario';
import { ProblemList } from './ProblemList';
import { RemoveScenario } from './RemoveScenario';

export function MapScreen() {
  const { t } = useTranslation();
  const { store } = useServices();
  const cards = useCards();
  const selectedId = usePlay((s) => s.selectedPlace);
  const selected = cards.find((c) => c.scenarioId === selectedId);
  const hasSave = usePlay((s) => (selectedId ? s.saves[s.profileId ?? GUEST]?.[selectedId] !== undefined : false));
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const briefingHeading = useFocusOnMount<HTMLHeadingElement>(selectedId);
  const text = useScenarioText(selected?.scenarioId);
  const brokenFiles = usePlay((s) => s.brokenFiles);
  const [openMessage, setOpenMessage] = useState<OpenMessage>(null);

  return (
    <div className="map-screen">
      <div className="map-heading">
        <h1 ref={heading} tabIndex={-1}>
          {t('map.title')}
        </h1>
        <LevelBadge />
        <p className="lead">{t('map.intro')}</p>
        <p id="locked-hint" className="visually-hidden">
          {t('map.lockedHint')}
        </p>
      </div>
      {selected && (
        <section className="panel briefing" aria-labelledby="briefing-title">
          <h2 id="briefing-title" ref={briefingHeading} tabIndex={-1}>
            {text.node(textKey.title(), selected.title)}
          </h2>
          <p className="meta">
            {t(`difficulty.${selected.difficulty}`)} · {t('map.minutes', { count: selected.minutes })} ·{' '}
            {t(`map.status.${selected.status}`)}
            {selected.bestScore !== undefined && <> · {t('map.bestScore', { score: selected.bestScore })}</>}
          </p>
          {selected.status === 'completed' && <Stars count={selected.stars} />}
          <p>{text.node(textKey.summary(), selected.summary)}</p>
          <UntranslatedNotice text={text} scenarioId={selected.scenarioId} />
          {selected.status === 'locked' ? (
            <p className="muted">{t('map.lockedHint')}</p>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() => store.getState().startScenario(selected.scenarioId)}
            >
              {text.embed(
                (title) =>
                  hasSave
                    ? t('map.continue', { title })
                    : selected.status === 'completed'
                      ? t('map.replay', { title })
                      : t('map.play', { title }),
                textKey.title(),
                selected.title,
              )}
            </button>
          )}
          {selected.custom && (
            <RemoveScenario
              scenarioId={selected.scenarioId}
              title={selected.title}
              onRemoved={(title) => {
                setOpenMessage(t('custom.removed', { title }));
                heading.current?.focus();
              }}
            />
          )}
          <button type="button" className="link" onClick={() => store.getState().selectPlace(null)}>
            {t('map.close')}
          </button>
        </section>
      )}
      <OpenScenario message={openMessage} onMessage={setOpenMessage} />
      {brokenFiles.map((b) => (
        <ProblemList
          key={b.file}
          title={t('custom.brokenTitle', { file: b.file })}
          intro={t('custom.brokenIntro')}
          problems={b.problems}
        />
      ))}
      <AchievementList />
      <Standings />
    </div>
  );
}
