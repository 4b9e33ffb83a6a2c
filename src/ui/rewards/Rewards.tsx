// Rewards on screen: the player's level and XP, the achievements earned and still to earn, the
// celebration of new ones (never blocking play), and the local leaderboard of a scenario.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACHIEVEMENTS, levelFor, xpFor } from '../../play/achievements';
import { GUEST } from '../../play/store';
import type { LeaderboardEntry } from '../../storage';
import { usePlay, useServices } from '../context';
import { useFormats } from '../useFormats';
import { PlayerCell } from './cells';

const NO_RUNS: never[] = [];
const NONE: string[] = [];

/** The current player's level, from the XP of their finished runs. */
export function useLevel() {
  const runs = usePlay((s) => s.played[s.profileId ?? GUEST] ?? NO_RUNS);
  return useMemo(() => levelFor(xpFor(runs)), [runs]);
}

export function LevelBadge() {
  const { t } = useTranslation();
  const level = useLevel();
  return (
    <div className="level-badge">
      <p>
        <strong>{t('rewards.level', { level: level.level })}</strong> · <span>{t('rewards.xp', { xp: level.xp })}</span>
      </p>
      <progress
        max={level.next - level.floor}
        value={level.xp - level.floor}
        aria-label={t('rewards.toNext', { left: level.next - level.xp, next: level.level + 1 })}
      />
      <p className="muted">{t('rewards.toNext', { left: level.next - level.xp, next: level.level + 1 })}</p>
    </div>
  );
}

export function AchievementList() {
  const { t } = useTranslation();
  const earned = usePlay((s) => s.achievements[s.profileId ?? GUEST] ?? NONE);
  return (
    <details className="panel achievements">
      <summary>{t('rewards.achievements', { earned: earned.length, total: ACHIEVEMENTS.length })}</summary>
      <ul>
        {ACHIEVEMENTS.map(({ id }) => {
          const has = earned.includes(id);
          return (
            <li key={id} className={has ? 'earned' : 'not-earned'}>
              <strong>{t(`achievements.${id}.title`)}</strong>{' '}
              <span className="muted">({t(has ? 'rewards.earned' : 'rewards.notEarned')})</span>
              <br />
              <span>{t(`achievements.${id}.description`)}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Newly earned achievements: a panel in the page, announced politely once it is there. */
export function Celebration() {
  const { t } = useTranslation();
  const just = usePlay((s) => s.justEarned);
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    // Filled after mount, so screen readers hear the change in the live region.
    const id = setTimeout(() => {
      setAnnounce(just.map((a) => t('rewards.announce', { title: t(`achievements.${a}.title`) })).join(' '));
    }, 0);
    return () => clearTimeout(id);
  }, [just, t]);
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {just.length > 0 && (
        <section className="panel celebration" aria-labelledby="celebration-title">
          <h2 id="celebration-title">{t('rewards.newAchievements')}</h2>
          <ul>
            {just.map((id) => (
              <li key={id}>
                <strong>{t(`achievements.${id}.title`)}</strong>
                <p>{t(`achievements.${id}.description`)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The scenario's best run per profile on this device; nothing when no leaderboard is available. */
export function Leaderboard({ scenarioId, refresh }: { scenarioId: string; refresh?: unknown }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { leaderboard } = useServices();
  const me = usePlay((s) => s.profileId ?? GUEST);
  const [rows, setRows] = useState<LeaderboardEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!leaderboard) return;
    let live = true;
    leaderboard(scenarioId).then(
      (r) => {
        if (live) setRows(r);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [leaderboard, scenarioId, refresh]);
  if (!leaderboard) return null;
  return (
    <section className="panel leaderboard" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">{t('rewards.leaderboard')}</h2>
      {failed ? (
        <p>{t('rewards.leaderboardFailed')}</p>
      ) : rows === null ? (
        <p className="muted">{t('rewards.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('rewards.leaderboardEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rewards.rank')}</th>
              <th scope="col">{t('rewards.player')}</th>
              <th scope="col">{t('rewards.score')}</th>
              <th scope="col">{t('rewards.stars')}</th>
              <th scope="col">{t('rewards.time')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.profileId} className={r.profileId === me ? 'me' : undefined}>
                <td>{f.number(r.rank)}</td>
                <PlayerCell name={r.profileName} isMe={r.profileId === me} />
                <td>{f.number(r.scoreScaled)}</td>
                <td>{f.number(r.stars)}</td>
                <td>{f.duration(r.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
