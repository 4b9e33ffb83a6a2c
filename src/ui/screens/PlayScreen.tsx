// Playing a scenario: the HUD around the stage.
import { useTranslation } from 'react-i18next';
import { usePlay, useServices } from '../context';
import { Gauges } from '../hud/Gauges';
import { Journal } from '../hud/Journal';
import { NodePanel } from '../hud/NodePanel';
import { Announcer } from '../hud/Announcer';
import { textKey } from '../../engine/translate';
import { UntranslatedNotice, useRunText } from '../scenarioText';

export function PlayScreen() {
  const { t } = useTranslation();
  const { store } = useServices();
  const run = usePlay((s) => s.run);
  const text = useRunText();
  if (!run) return null;
  const changes = run.view.kind === 'feedback' || run.view.kind === 'event' ? run.view.changes : undefined;

  const leave = () => {
    if (run.result || run.history.length === 0 || window.confirm(t('play.confirmLeave')))
      store.getState().leaveScenario();
  };

  return (
    <div className="play-screen">
      <div className="play-bar">
        <h1 className="scenario-title">{text.node(textKey.title(), run.title)}</h1>
        {/* Before the first decision there is nothing to score yet. */}
        {run.history.length > 0 && (
          <p className="score" aria-live="off">
            {t('play.score', { score: run.score.scaled })}
          </p>
        )}
        <button type="button" className="secondary" onClick={leave}>
          {t('nav.leave')}
        </button>
      </div>
      <UntranslatedNotice text={text} scenarioId={run.scenarioId} />
      <Gauges metrics={run.metrics} changes={changes} />
      <NodePanel view={run.view} step={run.step} metrics={run.metrics} timerLeftMs={run.timerLeftMs} />
      <Journal history={run.history} />
      <Announcer view={run.view} metrics={run.metrics} />
    </div>
  );
}
