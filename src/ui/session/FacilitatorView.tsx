// The facilitator's screens: create a session (or re-export a past one), then the projector view
// — the join code large with a QR code, the lobby, the controls with keyboard shortcuts, the live
// leaderboard, how the room chose at each decision — and the debrief with the turning points.
import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignRank } from '../../play/catalogue';
import { discussionPoints } from '../../session/debrief';
import { exportFileName, exportToCsv, exportToJson } from '../../session/export';
import {
  formatJoinCode,
  GROUPINGS,
  JOIN_QUERY,
  MAX_TIMER_SECONDS,
  MAX_TITLE,
  MODES,
  type ControlAction,
  type FacilitatorState,
  type Grouping,
  type Mode,
  type SessionExport,
} from '../../session/protocol';
import type { WorkshopRecord } from '../../session/records';
import { textKey } from '../../engine/translate';
import { Basis, useScenarioText, useScenarioTexts } from '../scenarioText';
import { useFocusOnMount } from '../useFocusOnMount';
import { useFormats } from '../useFormats';
import { ProblemMessage } from './ConnectionStatus';
import { Countdown } from './Countdown';
import { TallyChart } from './TallyChart';
import { sessionStore, useSession } from './useSession';

export function FacilitatorView() {
  const facilitator = useSession((s) => s.facilitator);
  return facilitator ? <RunningSession state={facilitator} /> : <CreateSession />;
}

/** Saves a file the browser makes itself (no network). */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

export function downloadCsv(data: SessionExport) {
  download(exportFileName(data, 'csv'), 'text/csv;charset=utf-8', '\ufeff' + exportToCsv(data));
}
export function downloadJson(data: SessionExport) {
  download(exportFileName(data, 'json'), 'application/json', exportToJson(data));
}

function CreateSession() {
  const { t } = useTranslation();
  const scenarios = useSession((s) => s.scenarios);
  const busy = useSession((s) => s.busy);
  const connection = useSession((s) => s.connection);
  const texts = useScenarioTexts();
  const [scenarioId, setScenarioId] = useState('');
  const [mode, setMode] = useState<Mode>('lockstep');
  const [grouping, setGrouping] = useState<Grouping>('teams');
  const [seconds, setSeconds] = useState('90');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { scenario: useId(), seconds: useId(), title: useId(), error: useId() };
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // The campaign's order (the tutorial first), then any other scenario the hub offers, by title.
  const offered = [...(scenarios ?? [])].sort(
    (a, b) => campaignRank(a.id) - campaignRank(b.id) || a.title.localeCompare(b.title),
  );
  const chosen = scenarioId || offered[0]?.id || '';

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const timerSeconds = Number(seconds);
    if (!Number.isInteger(timerSeconds) || timerSeconds < 0 || timerSeconds > MAX_TIMER_SECONDS) {
      setError(t('workshop.secondsInvalid', { max: MAX_TIMER_SECONDS }));
      return;
    }
    if (!chosen) return;
    setError(null);
    void sessionStore().getState().create({ scenarioId: chosen, mode, grouping, timerSeconds, title });
  };

  return (
    <>
      <section className="panel ws-create" aria-labelledby="ws-create-title">
        <h2 id="ws-create-title" ref={heading} tabIndex={-1}>
          {t('workshop.createTitle')}
        </h2>
        <p>{t('workshop.createIntro')}</p>
        {scenarios === null ? (
          connection !== 'unreachable' && <p className="muted">{t('workshop.loading')}</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <label htmlFor={ids.scenario}>{t('workshop.scenario')}</label>
            <select id={ids.scenario} value={chosen} onChange={(e) => setScenarioId(e.target.value)}>
              {offered.map((s) => (
                <option key={s.id} value={s.id}>
                  {texts(s.id, s.lang).get(textKey.title(), s.title).text} · {t('map.minutes', { count: s.minutes })}
                </option>
              ))}
            </select>
            <fieldset>
              <legend>{t('workshop.mode')}</legend>
              {MODES.map((m) => (
                <label key={m} className="ws-choice">
                  <input type="radio" name="ws-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  <span>
                    <strong>{t(`workshop.modes.${m}`)}</strong>{' '}
                    <span className="muted">{t(`workshop.modeHelp.${m}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('workshop.grouping')}</legend>
              {GROUPINGS.map((g) => (
                <label key={g} className="ws-choice">
                  <input
                    type="radio"
                    name="ws-grouping"
                    value={g}
                    checked={grouping === g}
                    onChange={() => setGrouping(g)}
                  />
                  <span>{t(`workshop.groupings.${g}`)}</span>
                </label>
              ))}
            </fieldset>
            <label htmlFor={ids.seconds}>{t('workshop.seconds')}</label>
            <input
              id={ids.seconds}
              type="number"
              min={0}
              max={MAX_TIMER_SECONDS}
              step={1}
              value={seconds}
              aria-invalid={error !== null}
              aria-describedby={error ? ids.error : undefined}
              onChange={(e) => setSeconds(e.target.value)}
            />
            <label htmlFor={ids.title}>{t('workshop.sessionTitle')}</label>
            <input id={ids.title} value={title} maxLength={MAX_TITLE} onChange={(e) => setTitle(e.target.value)} />
            {error && (
              <p id={ids.error} className="error" role="alert">
                {error}
              </p>
            )}
            <ProblemMessage />
            <button type="submit" className="primary" disabled={busy || !chosen}>
              {t('workshop.create')}
            </button>
          </form>
        )}
        {scenarios === null && <ProblemMessage />}
      </section>
      <PastSessions />
    </>
  );
}

function PastSessions() {
  const { t } = useTranslation();
  const f = useFormats();
  const past = useSession((s) => s.past);
  const saved = past.filter((r): r is WorkshopRecord & { export: SessionExport } => r.export !== null);
  if (saved.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="ws-past-title">
      <h2 id="ws-past-title">{t('workshop.pastTitle')}</h2>
      <p className="muted">{t('workshop.pastIntro')}</p>
      <ul className="ws-past">
        {saved.map((r) => (
          <li key={r.sessionId}>
            <span>
              <strong>{r.title || r.scenarioTitle}</strong> · {formatJoinCode(r.code)} · {f.date(r.createdAt)} ·{' '}
              {t('workshop.teamCount', { n: f.number(r.export.teams.length) })}
            </span>
            <button type="button" onClick={() => downloadCsv(r.export)}>
              {t('workshop.exportCsv')}
            </button>
            <button type="button" onClick={() => downloadJson(r.export)}>
              {t('workshop.exportJson')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Qr({ url }: { url: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((QRCode) => QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((s) => {
        if (live) setSvg(s);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div
      className="ws-qr"
      role="img"
      aria-label={t('workshop.qrLabel', { url })}
      // The SVG is made here by the qrcode package from our own URL: no outside markup.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}

const SHORTCUTS: Record<string, ControlAction> = { s: 'start', p: 'pause', u: 'resume', r: 'reveal', n: 'next' };

function allowed(state: FacilitatorState): ControlAction[] {
  const { status, mode, phase } = state.status;
  if (status === 'lobby') return ['start', 'end'];
  if (status === 'paused') return ['resume', 'end'];
  if (status === 'ended') return [];
  if (mode === 'free') return ['pause', 'end'];
  return [
    'pause',
    ...(phase === 'open' || phase === 'closed' ? (['reveal'] as const) : []),
    ...(phase === 'revealed' ? (['next'] as const) : []),
    'end',
  ];
}

function RunningSession({ state }: { state: FacilitatorState }) {
  const { t } = useTranslation();
  const f = useFormats();
  const busy = useSession((s) => s.busy);
  const deadline = useSession((s) => s.deadline);
  const lastExport = useSession((s) => s.lastExport);
  const store = sessionStore();
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Free pace: slower teams have not answered yet, so the best options show only when asked for.
  const [showAnswers, setShowAnswers] = useState(false);
  const text = useScenarioText(state.scenario.id, state.scenario.lang);
  const scenarioTitle = text.node(textKey.title(), state.scenario.title);
  // Without a title of its own, the hub names the session after the scenario (in its language).
  const ownTitle = state.title === state.scenario.title ? '' : state.title;
  const heading = useFocusOnMount<HTMLHeadingElement>(state.status.status);
  const actions = allowed(state);
  const { status } = state;
  const base = state.urls[0] ?? window.location.origin;
  const joinUrl = `${base}/?${JOIN_QUERY}=${formatJoinCode(state.code)}`;

  const run = (action: ControlAction) => {
    if (action === 'end') {
      setConfirmEnd(true);
      return;
    }
    void store.getState().control(action);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      const action = SHORTCUTS[e.key.toLowerCase()];
      if (action && actions.includes(action)) {
        e.preventDefault();
        void store.getState().control(action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [actions, store]);

  const ranked = [...state.teams].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const currentTallies =
    status.mode === 'lockstep' ? state.tallies.filter((x) => x.step === status.step) : state.tallies;
  const answered = state.teams.filter((x) => x.answered).length;
  const shortcut = (a: ControlAction) => Object.keys(SHORTCUTS).find((k) => SHORTCUTS[k] === a);

  return (
    <div className="ws-facilitator">
      <section className="panel ws-projector" aria-labelledby="ws-session-title">
        <h2 id="ws-session-title" ref={heading} tabIndex={-1}>
          {ownTitle || scenarioTitle}
        </h2>
        <p className="muted">
          {ownTitle && <>{scenarioTitle} · </>} {t(`workshop.modes.${status.mode}`)} ·{' '}
          {t(`workshop.groupings.${state.grouping}`)} · {t(`workshop.status.${status.status}`)}
          {status.mode === 'lockstep' && status.step > 0 && <> · {t('workshop.stepN', { n: f.number(status.step) })}</>}
        </p>
        {status.status !== 'ended' && (
          <div className="ws-join-info">
            <div>
              <p>{t('workshop.joinAt', { url: base })}</p>
              <p className="ws-code" aria-label={t('workshop.codeIs', { code: state.code.split('').join(' ') })}>
                {formatJoinCode(state.code)}
              </p>
            </div>
            <Qr url={joinUrl} />
          </div>
        )}
        {deadline !== null && status.phase === 'open' && (
          <Countdown
            key={`${status.step}`}
            deadline={deadline}
            total={state.timerSeconds}
            paused={status.status === 'paused'}
          />
        )}
        <div className="ws-controls" role="group" aria-label={t('workshop.controls')}>
          {(['start', 'pause', 'resume', 'reveal', 'next', 'end'] as const)
            .filter((a) => actions.includes(a))
            .map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'end' ? '' : 'primary'}
                disabled={busy}
                aria-keyshortcuts={shortcut(a)?.toUpperCase()}
                onClick={() => run(a)}
              >
                {t(`workshop.actions.${a}`)}
                {shortcut(a) && <kbd aria-hidden="true">{shortcut(a)?.toUpperCase()}</kbd>}
              </button>
            ))}
        </div>
        {confirmEnd && (
          <p role="alert" className="ws-confirm">
            {t('workshop.endConfirm')}{' '}
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmEnd(false);
                void store.getState().control('end');
              }}
            >
              {t('workshop.actions.end')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmEnd(false)}>
              {t('workshop.cancel')}
            </button>
          </p>
        )}
        <ProblemMessage />
        {status.mode === 'lockstep' && status.status === 'running' && (
          <p role="status" aria-live="polite">
            {t('workshop.answersIn', { n: f.number(answered), total: f.number(state.teams.length) })}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="ws-teams-title">
        <h2 id="ws-teams-title">{status.status === 'lobby' ? t('workshop.lobby') : t('workshop.leaderboard')}</h2>
        {ranked.length === 0 ? (
          <p className="muted">{t('workshop.noTeams')}</p>
        ) : (
          <table className="ws-leaderboard">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('workshop.team')}</th>
                <th scope="col">{t('workshop.decisions')}</th>
                <th scope="col">{t('workshop.score')}</th>
                <th scope="col">{t('workshop.state')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((team, i) => (
                <tr key={team.teamId}>
                  <td>{f.number(i + 1)}</td>
                  <th scope="row">{team.name}</th>
                  <td>{f.number(team.decisions)}</td>
                  <td>{f.number(team.score)}</td>
                  <td>
                    {t(`workshop.phases.${team.phase}`)}
                    {/* "waiting" with an answer in: the session is paused after this team answered. */}
                    {team.answered && team.phase === 'waiting' && ` · ${t('workshop.answeredMark')}`}
                    {team.connected === 0 && ` · ${t('workshop.offline')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {currentTallies.length > 0 && status.status !== 'ended' && (
        <section className="panel" aria-labelledby="ws-room-title">
          <h2 id="ws-room-title">{t('workshop.howRoomChose')}</h2>
          {status.mode === 'free' && (
            <label className="check">
              <input type="checkbox" checked={showAnswers} onChange={(e) => setShowAnswers(e.target.checked)} />
              <span>{t('workshop.showAnswers')}</span>
            </label>
          )}
          {currentTallies.map((tally) => (
            <TallyChart
              key={`${tally.step ?? 0}:${tally.node}`}
              tally={tally}
              text={text}
              details={status.mode === 'free' ? showAnswers : status.phase === 'revealed'}
            />
          ))}
        </section>
      )}

      {status.status === 'ended' && <Debrief data={lastExport} lang={state.scenario.lang} />}

      <div className="ws-leave">
        {status.status === 'ended' && (
          <button type="button" onClick={() => store.getState().leave()}>
            {t('workshop.newSession')}
          </button>
        )}
      </div>
    </div>
  );
}

function Debrief({ data, lang }: { data: SessionExport | null; lang: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const text = useScenarioText(data?.session.scenarioId, lang);
  if (!data) return <p className="muted">{t('workshop.loading')}</p>;
  const points = discussionPoints(data);
  const answered = data.tallies.some((x) => x.answered > 0);
  return (
    <section className="panel ws-debrief" aria-labelledby="ws-debrief-title">
      <h2 id="ws-debrief-title">{t('workshop.debrief')}</h2>
      <div className="ws-export">
        <button type="button" className="primary" onClick={() => downloadCsv(data)}>
          {t('workshop.exportCsv')}
        </button>
        <button type="button" onClick={() => downloadJson(data)}>
          {t('workshop.exportJson')}
        </button>
        <span className="muted">{t('workshop.savedLocally')}</span>
      </div>
      <h3>{t('workshop.turningPoints')}</h3>
      {points.length === 0 ? (
        <p className="muted">{t(answered ? 'workshop.allBest' : 'workshop.noTurningPoints')}</p>
      ) : (
        <ol className="ws-points">
          {points.map((p) => (
            <li key={p.node}>
              <strong>{text.node(textKey.node(p.node, 'prompt'), p.prompt)}</strong>
              <p>
                {t('workshop.missed', { percent: f.percent(p.missed) })}
                {p.popular && (
                  <>
                    {' '}
                    {text.embed(
                      (option) => t('workshop.popular', { option, n: f.number(p.popular!.count) }),
                      textKey.option(p.node, p.popular.id, 'text'),
                      p.popular.text,
                    )}
                  </>
                )}
                {p.scoreSpread > 0 && <> {t('workshop.spread', { points: f.number(Math.round(p.scoreSpread)) })}</>}
              </p>
              {p.best.map((b) => (
                <p key={b.id}>
                  <strong>
                    {text.embed(
                      (option) => t('workshop.bestWas', { option }),
                      textKey.option(p.node, b.id, 'text'),
                      b.text,
                    )}
                  </strong>
                  <br />
                  {text.node(textKey.option(p.node, b.id, 'feedback'), b.feedback)}{' '}
                  <span className="muted">
                    <Basis text={text} node={p.node} option={b.id} reference={b.reference} />
                  </span>
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
