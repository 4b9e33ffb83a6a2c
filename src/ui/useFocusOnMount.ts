import { useEffect, useRef } from 'react';

/** Moves keyboard focus to the element when the screen opens, so screen readers announce it. */
export function useFocusOnMount<T extends HTMLElement>(key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
