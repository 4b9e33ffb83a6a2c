// Subscribes a component to a run, re-rendering after every action.
import { useCallback, useSyncExternalStore } from 'react';
import type { Run } from '../engine';

export function useRun(run: Run): number {
  const subscribe = useCallback((notify: () => void) => run.subscribe(notify), [run]);
  return useSyncExternalStore(subscribe, () => run.step);
}
