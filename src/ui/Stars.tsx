import { useTranslation } from 'react-i18next';

export function Stars({ count }: { count: 0 | 1 | 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t('results.stars', { count })}>
      {'★'.repeat(count)}
      <span className="empty">{'☆'.repeat(3 - count)}</span>
    </span>
  );
}
