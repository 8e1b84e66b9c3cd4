/**
 * False while React hydrates a pre-rendered page (and on the server), true ever after. Figures render their
 * still placeholder until then, so the client's first render matches the server's HTML exactly; a page
 * reached by navigation in the browser gets `true` at once and never shows the pre-hydration placeholder.
 */
import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
