// The offline indicator, "ready to play offline" and "update available". Announced politely; the
// update is offered only when no run is open, so a new version never arrives mid-decision.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { usePlay } from '../ui/context';
import { useOnline } from './online';
import { pwaStatus, shouldOfferUpdate, type PwaState } from './status';
import './pwa.css';

export function PwaNotices({ pwa = pwaStatus }: { pwa?: StoreApi<PwaState> }) {
  const { t } = useTranslation();
  const online = useOnline();
  const state = useStore(pwa);
  const screen = usePlay((s) => s.screen);
  const run = usePlay((s) => s.run);
  const offer = shouldOfferUpdate(state, { screen, run });
  return (
    <div className="notices pwa-notices" role="status" aria-live="polite">
      {!online && <p className="notice offline">{t('pwa.offline')}</p>}
      {state.offlineReady && (
        <p className="notice ready">
          {t('pwa.offlineReady')}{' '}
          <button type="button" className="link" onClick={() => state.dismissOfflineReady()}>
            {t('notice.dismiss')}
          </button>
        </p>
      )}
      {offer && (
        <p className="notice update">
          {t('pwa.updateReady')}{' '}
          <button type="button" className="link" disabled={state.updating} onClick={() => void state.update()}>
            {state.updating ? t('pwa.updating') : t('pwa.updateNow')}
          </button>
          {!state.updating && (
            <button type="button" className="link" onClick={() => state.dismiss()}>
              {t('pwa.later')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
