// Settings, reachable from every screen: a native modal dialog (focus is kept inside, Escape closes).
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_SIZES, type TextSize } from '../play/settings';
import { LanguageSelect } from './LanguageSelect';
import { usePlay, useServices } from './context';

export const SettingsDialog = forwardRef<HTMLDialogElement>(function SettingsDialog(_props, ref) {
  const { t } = useTranslation();
  const { store } = useServices();
  const settings = usePlay((s) => s.settings);
  const update = store.getState().updateSettings;

  return (
    <dialog ref={ref} className="settings" aria-labelledby="settings-title">
      <form method="dialog">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <LanguageSelect />
        <label className="check">
          <input type="checkbox" checked={settings.sound} onChange={(e) => update({ sound: e.target.checked })} />
          <span>{t('settings.sound')}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.reducedMotion}
            aria-describedby="reduced-motion-hint"
            onChange={(e) => update({ reducedMotion: e.target.checked })}
          />
          <span>{t('settings.reducedMotion')}</span>
        </label>
        <p id="reduced-motion-hint" className="hint">
          {t('settings.reducedMotionHint')}
        </p>
        <fieldset>
          <legend>{t('settings.textSize')}</legend>
          {TEXT_SIZES.map((size: TextSize) => (
            <label key={size} className="check">
              <input
                type="radio"
                name="text-size"
                value={size}
                checked={settings.textSize === size}
                onChange={() => update({ textSize: size })}
              />
              <span>{t(`settings.textSizes.${size}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('settings.close')}</button>
      </form>
    </dialog>
  );
});
