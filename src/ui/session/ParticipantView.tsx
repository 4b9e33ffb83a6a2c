// A participant's screens, phone first: the join form, the waiting room, the story since the last
// decision, the decision with its timer, "answer sent", the reveal, and the end.
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatJoinCode,
  MAX_TEAM_NAME,
  normalizeJoinCode,
  type SessionNodeView,
  type TeamState,
} from '../../session/protocol';
import { textKey } from '../../engine/translate';
import { Basis, UntranslatedNotice, useScenarioText, type ScenarioText } from '../scenarioText';
import { useFocusOnMount } from '../useFocusOnMount';
import { useFormats } from '../useFormats';
import { Countdown } from './Countdown';
import { ProblemMessage } from './ConnectionStatus';
import { TallyChart } from './TallyChart';
import { sessionStore, useSession } from './useSession';

export function ParticipantView() {
  const team = useSession((s) => s.team);
  return team ? <TeamView team={team} /> : <JoinForm />;
}

function JoinForm() {
  const { t } = useTranslation();
  const initial = useSession((s) => s.joinCode);
  const busy = useSession((s) => s.busy);
  const [code, setCode] = useState(() => (initial ? formatJoinCode(normalizeJoinCode(initial)) : ''));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codeId = useId();
  const nameId = useId();
  const errorId = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (normalizeJoinCode(code).length !== 8) {
      setError(t('workshop.codeRequired'));
      return;
    }
    if (name.trim() === '') {
      setError(t('workshop.teamRequired'));
      return;
    }
    setError(null);
    void sessionStore().getState().join(code, name);
  };

  return (
    <section className="panel ws-join" aria-labelledby="ws-join-title">
      <h2 id="ws-join-title" ref={heading} tabIndex={-1}>
        {t('workshop.joinTitle')}
      </h2>
      <p>{t('workshop.joinIntro')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={codeId}>{t('workshop.codeLabel')}</label>
        <input
          id={codeId}
          className="ws-code-input"
          value={code}
          maxLength={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          aria-invalid={error === t('workshop.codeRequired')}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <label htmlFor={nameId}>{t('workshop.teamLabel')}</label>
        <input
          id={nameId}
          value={name}
          maxLength={MAX_TEAM_NAME}
          autoComplete="nickname"
          aria-invalid={error === t('workshop.teamRequired')}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error && (
          <p id={errorId} className="error" role="alert">
            {error}
          </p>
        )}
        <ProblemMessage />
        <button type="submit" className="primary" disabled={busy}>
          {t('workshop.join')}
        </button>
      </form>
    </section>
  );
}

function StoryItem({ view, text }: { view: SessionNodeView; text: ScenarioText }) {
  const { t } = useTranslation();
  const node = (field: 'title' | 'text' | 'prompt', source: string) =>
    text.node(textKey.node(view.node, field), source);
  switch (view.kind) {
    case 'narrative':
      return (
        <article className="ws-story-item">
          {view.title && <h3>{node('title', view.title)}</h3>}
          <p>{node('text', view.text)}</p>
        </article>
      );
    case 'feedback': {
      const option = (field: 'text' | 'feedback', source: string) =>
        text.node(textKey.option(view.node, view.chosen.id, field), source);
      return (
        <article className={`ws-story-item feedback q-${view.quality}`}>
          <h3>{view.title ? node('title', view.title) : node('prompt', view.prompt)}</h3>
          <p>
            <strong>{t(`quality.${view.quality}`)}</strong> — {option('text', view.chosen.text)}
            {view.timedOut && <span className="muted"> ({t('workshop.timedOut')})</span>}
          </p>
          <p>{option('feedback', view.feedback)}</p>
          <p className="muted">
            <Basis text={text} node={view.node} option={view.chosen.id} reference={view.reference} />
          </p>
        </article>
      );
    }
    case 'event':
      return (
        <article className="ws-story-item event">
          {view.title && <h3>{node('title', view.title)}</h3>}
          {view.text && <p>{node('text', view.text)}</p>}
          <p>
            <strong>{text.node(textKey.outcome(view.node, view.outcome.id), view.outcome.text)}</strong>
          </p>
        </article>
      );
    case 'ending':
      return (
        <article className={`ws-story-item ending o-${view.outcome}`}>
          <h3>{node('title', view.title)}</h3>
          <p>{node('text', view.text)}</p>
        </article>
      );
    case 'decision':
      return null;
  }
}

function TeamView({ team }: { team: TeamState }) {
  const { t } = useTranslation();
  const f = useFormats();
  const deadline = useSession((s) => s.deadline);
  const busy = useSession((s) => s.busy);
  const store = sessionStore();
  const phase = team.phase;
  const heading = useFocusOnMount<HTMLHeadingElement>(`${phase}:${team.decisions}:${team.reveal ? 'r' : ''}`);
  const last = team.story[team.story.length - 1];
  const decision = last?.kind === 'decision' ? last : null;
  const paused = team.status.status === 'paused';
  const [confirmLeave, setConfirmLeave] = useState(false);
  const text = useScenarioText(team.scenario.id, team.scenario.lang);

  const title =
    phase === 'finished'
      ? t('workshop.finishedTitle')
      : phase === 'deciding'
        ? decision?.title
          ? text.node(textKey.node(decision.node, 'title'), decision.title)
          : t('play.decision')
        : phase === 'decided'
          ? t('workshop.sentTitle')
          : team.status.status === 'lobby'
            ? t('workshop.waitingTitle')
            : paused
              ? t('workshop.pausedTitle')
              : team.reveal && team.status.phase === 'revealed'
                ? t('workshop.revealTitle')
                : t('workshop.waitingNext');

  const story = team.story.filter((v) => v.kind !== 'decision');
  return (
    <div className="ws-team">
      <p className="ws-team-name">
        {t('workshop.playingAs', { name: team.name })} · {text.node(textKey.title(), team.scenario.title)}
      </p>
      <UntranslatedNotice text={text} scenarioId={team.scenario.id} lang={team.scenario.lang} />
      <section className="panel" aria-labelledby="ws-team-title">
        <h2 id="ws-team-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <ProblemMessage />
        {team.status.status === 'lobby' && <p>{t('workshop.waitingText')}</p>}
        {paused && <p>{t('workshop.pausedText')}</p>}
        {(phase === 'deciding' || phase === 'reading' || phase === 'finished') && story.length > 0 && (
          <div className="ws-story">
            {story.map((v, i) => (
              <StoryItem key={`${v.node}:${i}`} view={v} text={text} />
            ))}
          </div>
        )}
        {phase === 'reading' && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void store.getState().openDecision()}
          >
            {t('workshop.openDecision')}
          </button>
        )}
        {phase === 'deciding' && decision && (
          <>
            <p className="text" id="ws-prompt">
              {text.node(textKey.node(decision.node, 'prompt'), decision.prompt)}
            </p>
            {deadline !== null && team.open?.clock && (
              <Countdown
                key={`${team.open.step}:${team.open.node}`}
                deadline={deadline}
                total={Math.max(decision.timer?.seconds ?? 0, Math.ceil(team.open.clock.remainingMs / 1000))}
                paused={paused}
              />
            )}
            <ol className="options" aria-labelledby="ws-prompt">
              {decision.options.map((o, i) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="option"
                    disabled={busy || paused}
                    onClick={() => void store.getState().decide(o.id)}
                  >
                    <span className="option-key" aria-hidden="true">
                      {String.fromCharCode(65 + i)}
                    </span>
                    <span>{text.node(textKey.option(decision.node, o.id, 'text'), o.text)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
        {phase === 'decided' && <p>{t('workshop.sentText')}</p>}
        {phase === 'finished' && (
          <p className="ws-final">
            {t('workshop.finalScore', { score: f.number(team.score.scaled), stars: f.number(team.score.stars) })}
          </p>
        )}
      </section>
      {team.reveal && phase !== 'deciding' && (
        <section className="panel" aria-labelledby="ws-reveal-title">
          <h2 id="ws-reveal-title">{t('workshop.howRoomChose')}</h2>
          {team.reveal.map((tally) => (
            <TallyChart
              key={`${tally.step ?? 0}:${tally.node}`}
              tally={tally}
              text={text}
              mine={team.answer?.option ?? null}
            />
          ))}
        </section>
      )}
      <div className="ws-leave">
        {confirmLeave ? (
          <p role="alert">
            {t('workshop.leaveConfirm')}{' '}
            <button type="button" onClick={() => store.getState().leave()}>
              {t('workshop.leave')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmLeave(false)}>
              {t('workshop.cancel')}
            </button>
          </p>
        ) : (
          <button type="button" className="link" onClick={() => setConfirmLeave(true)}>
            {t('workshop.leave')}
          </button>
        )}
      </div>
    </div>
  );
}
