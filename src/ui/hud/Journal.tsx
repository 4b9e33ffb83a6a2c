import { useTranslation } from 'react-i18next';
import { textKey } from '../../engine/translate';
import type { DecisionReview } from '../../engine';
import { Basis, useRunText } from '../scenarioText';

export function Journal({ history }: { history: DecisionReview[] }) {
  const { t } = useTranslation();
  const text = useRunText();
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
              <p className="prompt">{text.node(textKey.node(d.node, 'prompt'), d.prompt)}</p>
              <p>
                {text.embed(
                  (option) => t('play.youChose', { option }),
                  textKey.option(d.node, d.option, 'text'),
                  d.chosenText,
                )}{' '}
                <span className={`quality ${d.quality}`}>{t(`quality.${d.quality}`)}</span>
              </p>
              <p className="reference">
                <Basis text={text} node={d.node} option={d.option} reference={d.reference} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
