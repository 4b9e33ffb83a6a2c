// "Your data": save progress to a file, load a backup, remove a player. Nothing leaves the device
// unless the player saves a file.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../play/store';
import { useServices } from '../context';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function DataPanel({ profiles }: { profiles: Profile[] }) {
  const { t } = useTranslation();
  const { store, data } = useServices();
  const [message, setMessage] = useState<string | null>(null);

  const run = async (work: () => Promise<void>, failure: string) => {
    try {
      await work();
    } catch (e) {
      setMessage(t(failure, { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !data) return;
    const outcome = await data.importBackup(await file.text());
    setMessage(
      outcome.ok
        ? t('data.imported', {
            profiles: outcome.summary.profilesAdded,
            results: outcome.summary.resultsAdded,
            achievements: outcome.summary.achievementsAdded,
            skipped: outcome.summary.duplicatesSkipped,
          })
        : t('data.importFailed', { message: outcome.message }),
    );
  };

  const remove = (p: Profile) => {
    if (window.confirm(t('data.confirmDelete', { name: p.name }))) store.getState().deleteProfile(p.id);
  };

  return (
    <details className="panel data-panel">
      <summary>{t('data.title')}</summary>
      <p>{t('data.intro')}</p>
      {profiles.length > 0 && (
        <ul className="data-profiles">
          {profiles.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {data && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(async () => {
                      const file = await data.exportProfile(p.id);
                      download(file.fileName, file.text);
                    }, 'data.exportFailed')
                  }
                >
                  {t('data.exportPlayer', { name: p.name })}
                </button>
              )}
              <button type="button" className="secondary danger" onClick={() => remove(p)}>
                {t('data.deletePlayer', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <div className="data-actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(async () => {
                const file = await data.exportDevice();
                download(file.fileName, file.text);
              }, 'data.exportFailed')
            }
          >
            {t('data.exportDevice')}
          </button>
          <label className="file-button">
            <span>{t('data.import')}</span>
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </div>
      )}
      <p role="status" aria-live="polite" className="data-message">
        {message}
      </p>
    </details>
  );
}
