// The language picker, used on the home screen and in the settings dialog.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../play/settings';
import { usePlay, useServices } from './context';

export function LanguageSelect({ className = 'field' }: { className?: string }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const language = usePlay((s) => s.settings.language);
  return (
    <label className={className}>
      <span>{t('settings.language')}</span>
      <select
        value={language}
        onChange={(e) => store.getState().updateSettings({ language: e.target.value as Language })}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
