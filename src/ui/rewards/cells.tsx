// Pieces shared by the leaderboards and the run history.
import { useTranslation } from 'react-i18next';

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
