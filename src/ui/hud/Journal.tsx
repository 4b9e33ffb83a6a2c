import { useTranslation } from 'react-i18next';
import type { DecisionReview } from '../../engine';

export function Journal({ history }: { history: DecisionReview[] }) {
  const { t } = useTranslation();
  return (
    <details className="journal panel">
      <summary>
        {t('play.journal')} · {t('play.decisionsMade', { count: history.length })}
      </summary>
      {history.length === 0 ? (
        <p className="muted">{t('play.journalEmpty')}</p>
      ) : (
        <ol>
          {history.map((d, i) => (
            <li key={`${i}:${d.node}`}>
              <p className="prompt">{d.prompt}</p>
              <p>
                {t('play.youChose', { option: d.chosenText })}{' '}
                <span className={`quality ${d.quality}`}>{t(`quality.${d.quality}`)}</span>
              </p>
              <p className="reference">{t('play.basis', { reference: d.reference })}</p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
