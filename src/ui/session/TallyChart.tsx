// How the room chose at one decision: a bar per option with the real numbers in text (a table
// for screen readers and anyone who prefers numbers), each option's quality, feedback and
// reference for the discussion, in the scenario text's language for this screen (`text`). `mine`
// highlights the team's own choice. Without `details` (the projector while the room still decides)
// nothing tells which option is best: no quality, no colours, no feedback.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { textKey } from '../../engine/translate';
import type { Tally } from '../../session/protocol';
import { Basis, type ScenarioText } from '../scenarioText';
import { useFormats } from '../useFormats';

export function TallyChart({
  tally,
  text,
  mine,
  details = true,
}: {
  tally: Tally;
  text: ScenarioText;
  mine?: string | null;
  details?: boolean;
}) {
  const { t } = useTranslation();
  const option = (id: string, field: 'text' | 'feedback', source: string) =>
    text.node(textKey.option(tally.node, id, field), source);
  const f = useFormats();
  const captionId = useId();
  const max = Math.max(1, ...tally.options.map((o) => o.count));
  return (
    <figure className="ws-tally" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{text.node(textKey.node(tally.node, 'prompt'), tally.prompt)}</strong>{' '}
        <span className="muted">{t('workshop.answered', { n: f.number(tally.answered) })}</span>
      </figcaption>
      <table className="ws-bars" role="table">
        <thead className="visually-hidden" role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('workshop.option')}
            </th>
            <th scope="col" role="columnheader">
              {t('workshop.teams')}
            </th>
            {details && (
              <th scope="col" role="columnheader">
                {t('workshop.quality')}
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {tally.options.map((o) => (
            <tr
              key={o.id}
              role="row"
              className={`${details ? `q-${o.quality}` : ''} ${mine === o.id ? 'ws-mine' : ''}`}
            >
              <th scope="row" role="rowheader">
                {option(o.id, 'text', o.text)}
                {mine === o.id && <span className="ws-badge"> {t('workshop.yourChoice')}</span>}
              </th>
              <td className="ws-meter-cell" role="cell">
                <span className="ws-meter" aria-hidden="true">
                  <span style={{ width: `${(o.count / max) * 100}%` }} />
                </span>
                <span className="ws-count" data-testid={`count-${o.id}`}>
                  {f.number(o.count)}
                </span>
                {o.timedOut > 0 && (
                  <span className="muted"> {t('workshop.timedOutCount', { n: f.number(o.timedOut) })}</span>
                )}
              </td>
              {details && <td role="cell">{t(`quality.${o.quality}`)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {details && (
        <dl className="ws-feedback">
          {tally.options.map((o) => (
            <div key={o.id}>
              <dt>
                {option(o.id, 'text', o.text)} — {t(`quality.${o.quality}`)}
              </dt>
              <dd>
                {option(o.id, 'feedback', o.feedback)}{' '}
                <span className="muted">
                  <Basis text={text} node={tally.node} option={o.id} reference={o.reference} />
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </figure>
  );
}
