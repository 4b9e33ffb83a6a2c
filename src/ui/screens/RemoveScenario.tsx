// On the briefing of the player's own scenario: where it came from, and "Remove" with a
// confirmation that says what goes (the scenario, unfinished runs) and what stays (results).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlay, useServices } from '../context';

export function RemoveScenario({
  scenarioId,
  title,
  onRemoved,
}: {
  scenarioId: string;
  title: string;
  onRemoved: (title: string) => void;
}) {
  const { t } = useTranslation();
  const { store } = useServices();
  const fileName = usePlay((s) => s.custom.find((c) => c.scenario.id === scenarioId)?.fileName);
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  return (
    <div className="own-scenario">
      <p className="own-note">
        <span className="own-badge">{t('custom.badge')}</span> {t('custom.own', { file: fileName ?? '' })}
      </p>
      {asking ? (
        <div role="group" aria-labelledby={`remove-${scenarioId}`} className="confirm-remove">
          <p id={`remove-${scenarioId}`} ref={question} tabIndex={-1}>
            {t('custom.confirmRemove', { title })}
          </p>
          <button
            type="button"
            className="secondary danger"
            onClick={() => {
              store.getState().removeCustomScenario(scenarioId);
              onRemoved(title);
            }}
          >
            {t('custom.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t('custom.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="secondary danger" onClick={() => setAsking(true)}>
          {t('custom.remove', { title })}
        </button>
      )}
    </div>
  );
}
