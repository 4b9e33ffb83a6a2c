// The stage: the Phaser canvas (decoration and consequences, hidden from screen readers because
// everything it shows is also in the DOM) and, on the map, the place buttons laid over it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, type GameHandle } from './context';

export function Stage({ compact, children }: { compact: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const { store, bus, loadGame } = useServices();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>(loadGame ? 'loading' : 'failed');

  useEffect(() => {
    if (!loadGame) return;
    let cancelled = false;
    let handle: GameHandle | undefined;
    loadGame()
      .then((game) => {
        if (cancelled || !canvasRef.current) return;
        handle = game.startGame(canvasRef.current, store, bus);
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    // StrictMode mounts twice: the first game is destroyed before the second starts.
    return () => {
      cancelled = true;
      handle?.destroy();
    };
  }, [store, bus, loadGame]);

  return (
    <div className={`stage ${compact ? 'compact' : ''} ${state}`}>
      <div className="canvas" ref={canvasRef} aria-hidden="true" />
      {state === 'loading' && <p className="stage-note">{t('app.loadingWorld')}</p>}
      {state === 'failed' && !compact && <p className="stage-note">{t('app.worldUnavailable')}</p>}
      {children}
    </div>
  );
}
