// One real button per place, laid over the canvas where Phaser draws it: Tab reaches every place,
// and focus or hover shows its title, difficulty and length.
import { useTranslation } from 'react-i18next';
import type { PlaceCard } from '../../play/catalogue';
import { MAP_HEIGHT, MAP_WIDTH, PLACE_POSITIONS } from '../../play/layout';
import { usePlay, useServices } from '../context';
import { textKey } from '../../engine/translate';
import { useScenarioTexts } from '../scenarioText';

export function PlaceMarkers({ cards }: { cards: PlaceCard[] }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const focused = usePlay((s) => s.focusedPlace);
  const texts = useScenarioTexts();

  return (
    <ol className="place-markers" aria-label={t('map.places')}>
      {cards.map((card, i) => {
        const at = PLACE_POSITIONS[card.place];
        const title = texts(card.scenarioId);
        const label = placeLabel(t, { ...card, title: title.get(textKey.title(), card.title).text });
        // Places are few: scenarios beyond them share a place, each marker a step to the side.
        const shared = cards.slice(0, i).filter((c) => c.place === card.place).length;
        return (
          <li
            key={card.scenarioId}
            // The tooltip is anchored at the same fraction of its width as the place is of the
            // map's (--tx), so any tooltip no wider than the map stays inside it, even on a phone
            // with long Finnish or German titles. Near the top it opens downwards.
            data-y={at.y < MAP_HEIGHT * 0.35 ? 'top' : undefined}
            style={{
              ['--tx' as string]: String(at.x / MAP_WIDTH),
              left: `${(at.x / MAP_WIDTH) * 100}%`,
              top: `${(at.y / MAP_HEIGHT) * 100}%`,
              ...(shared > 0 ? { marginLeft: `${shared * 48}px` } : {}),
            }}
          >
            <button
              type="button"
              className={`marker ${card.status} ${card.custom ? 'custom' : ''} ${focused === card.scenarioId ? 'focused' : ''}`}
              aria-label={label}
              aria-describedby={card.status === 'locked' ? 'locked-hint' : undefined}
              onClick={() => store.getState().selectPlace(card.scenarioId)}
              onFocus={() => store.getState().focusPlace(card.scenarioId)}
              onBlur={() => store.getState().focusPlace(null)}
              onMouseEnter={() => store.getState().focusPlace(card.scenarioId)}
              onMouseLeave={() => store.getState().focusPlace(null)}
            >
              <span className="dot" aria-hidden="true">
                <StatusIcon status={card.status} />
              </span>
            </button>
            <span className="tooltip" aria-hidden="true">
              <strong>{title.node(textKey.title(), card.title)}</strong>
              <span>
                {t(`difficulty.${card.difficulty}`)} · {t('map.minutes', { count: card.minutes })}
              </span>
              <span>
                {t(`map.status.${card.status}`)}
                {card.status === 'completed' && <> · {t('map.stars', { count: card.stars })}</>}
              </span>
            </span>
            {card.custom && (
              <span className="own-flag" aria-hidden="true">
                {t('custom.badge')}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function placeLabel(t: (key: string, options?: Record<string, unknown>) => string, card: PlaceCard): string {
  return t(card.custom ? 'map.placeLabelOwn' : 'map.placeLabel', {
    title: card.title,
    status: t(`map.status.${card.status}`),
    difficulty: t(`difficulty.${card.difficulty}`),
    minutes: t('map.minutes', { count: card.minutes }),
  });
}

/** Drawn icons: emoji fonts are not on every machine. */
function StatusIcon({ status }: { status: PlaceCard['status'] }) {
  if (status === 'locked') {
    return (
      <svg viewBox="0 0 24 24" fill="currentColor">
        <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1h1zm2 0h6V7a3 3 0 0 0-6 0v3z" />
      </svg>
    );
  }
  if (status === 'completed') {
    return (
      <svg viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 24 24" fill="currentColor">
      <path d="M10.5 4h3l-.5 11h-2zM12 17.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z" />
    </svg>
  );
}
