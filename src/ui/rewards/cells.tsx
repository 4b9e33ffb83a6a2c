// Pieces shared by the leaderboards and the run history.
import { useTranslation } from 'react-i18next';

/** Minutes and seconds, like a stopwatch: 2:05. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A leaderboard row's header cell: the player's name, marked when it is the one playing. */
export function PlayerCell({ name, isMe }: { name: string; isMe: boolean }) {
  const { t } = useTranslation();
  return (
    <th scope="row">
      {name || t('rewards.guest')}
      {isMe && <> ({t('rewards.you')})</>}
    </th>
  );
}
