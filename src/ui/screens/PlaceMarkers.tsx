// One real button per place, laid over the canvas where Phaser draws it: Tab reaches every place,
// and focus or hover shows its title, difficulty and length.
import { useTranslation } from 'react-i18next';
import type { PlaceCard } from '../../play/catalogue';
import { MAP_HEIGHT, MAP_WIDTH, PLACE_POSITIONS } from '../../play/layout';
import { usePlay, useServices } from '../context';

export function PlaceMarkers({ cards }: { cards: PlaceCard[] }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const focused = usePlay((s) => s.focusedPlace);

  return (
    <ol className="place-markers" aria-label={t('map.places')}>
      {cards.map((card) => {
        const at = PLACE_POSITIONS[card.place];
        const label = placeLabel(t, card);
        return (
          <li
            key={card.scenarioId}
            style={{ left: `${(at.x / MAP_WIDTH) * 100}%`, top: `${(at.y / MAP_HEIGHT) * 100}%` }}
          >
            <button
              type="button"
              className={`marker ${card.status} ${focused === card.scenarioId ? 'focused' : ''}`}
              aria-label={label}
              aria-describedby={card.status === 'locked' ? 'locked-hint' : undefined}
              onClick={() => store.getState().selectPlace(card.scenarioId)}
              onFocus={() => store.getState().focusPlace(card.scenarioId)}
              onBlur={() => store.getState().focusPlace(null)}
              onMouseEnter={() => store.getState().focusPlace(card.scenarioId)}
              onMouseLeave={() => store.getState().focusPlace(null)}
            >
              <span aria-hidden="true">
                {card.status === 'locked' ? '🔒' : card.status === 'completed' ? '★' : '!'}
              </span>
            </button>
            <span className="tooltip" aria-hidden="true">
              <strong>{card.title}</strong>
              <span>
                {t(`difficulty.${card.difficulty}`)} · {t('map.minutes', { count: card.minutes })}
              </span>
              <span>{t(`map.status.${card.status}`)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function placeLabel(t: (key: string, options?: Record<string, unknown>) => string, card: PlaceCard): string {
  return t('map.placeLabel', {
    title: card.title,
    status: t(`map.status.${card.status}`),
    difficulty: t(`difficulty.${card.difficulty}`),
    minutes: t('map.minutes', { count: card.minutes }),
  });
}
