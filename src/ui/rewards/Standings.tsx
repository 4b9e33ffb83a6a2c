// On the map: every player's standing on this device (the sum of their best runs) and the current
// player's own finished runs, newest first. Read from storage only when opened.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverallEntry, Result } from '../../storage';
import { GUEST } from '../../play/store';
import { usePlay, useServices } from '../context';
import { useFormats } from '../useFormats';
import { PlayerCell } from './cells';
import { textKey } from '../../engine/translate';
import { useScenarioTexts } from '../scenarioText';

export function Standings() {
  const { t } = useTranslation();
  const f = useFormats();
  const { standings } = useServices();
  const me = usePlay((s) => s.profileId ?? GUEST);
  const titles = usePlay((s) => s.catalogue);
  const texts = useScenarioTexts();
  const [open, setOpen] = useState(false);
  const [overall, setOverall] = useState<OverallEntry[] | null>(null);
  const [history, setHistory] = useState<Result[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open || !standings) return;
    let live = true;
    Promise.all([standings.overall(), standings.history(me)]).then(
      ([o, h]) => {
        if (!live) return;
        setOverall(o);
        setHistory(h);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [open, standings, me]);

  if (!standings) return null;
  const titleOf = (id: string) => {
    const title = titles.find((e) => e.scenario.id === id)?.scenario.title;
    return title === undefined ? id : texts(id).node(textKey.title(), title);
  };

  return (
    <details className="panel standings" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('standings.title')}</summary>
      {failed ? (
        <p>{t('rewards.leaderboardFailed')}</p>
      ) : overall === null || history === null ? (
        <p className="muted">{t('rewards.loading')}</p>
      ) : (
        <>
          <h3>{t('standings.overall')}</h3>
          {overall.length === 0 ? (
            <p>{t('rewards.leaderboardEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('rewards.rank')}</th>
                  <th scope="col">{t('rewards.player')}</th>
                  <th scope="col">{t('standings.total')}</th>
                  <th scope="col">{t('standings.scenarios')}</th>
                </tr>
              </thead>
              <tbody>
                {overall.map((r) => (
                  <tr key={r.profileId} className={r.profileId === me ? 'me' : undefined}>
                    <td>{f.number(r.rank)}</td>
                    <PlayerCell name={r.profileName} isMe={r.profileId === me} />
                    <td>{f.number(r.total)}</td>
                    <td>{f.number(r.scenarios)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('standings.history')}</h3>
          {history.length === 0 ? (
            <p>{t('standings.noRuns')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('standings.when')}</th>
                  <th scope="col">{t('standings.scenario')}</th>
                  <th scope="col">{t('rewards.score')}</th>
                  <th scope="col">{t('rewards.stars')}</th>
                  <th scope="col">{t('rewards.time')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((r) => (
                  <tr key={r.id}>
                    <td>{f.dateTime(r.finishedAt)}</td>
                    <th scope="row">{titleOf(r.scenarioId)}</th>
                    <td>{f.number(r.score.scaled)}</td>
                    <td>{f.number(r.score.stars)}</td>
                    <td>{f.duration(r.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </details>
  );
}
