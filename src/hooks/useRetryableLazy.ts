/**
 * A component loaded on demand that can be downloaded again: React.lazy remembers a failed download (no
 * network, a replaced deployment) for good, so each retry makes a fresh lazy component.
 */
import { lazy, useCallback, useMemo, useState, type ComponentType } from 'react';

/** Returns the lazy component (null without a loader) and a function that retries its download. */
export function useRetryableLazy<P>(load: (() => Promise<{ default: ComponentType<P> }>) | undefined): [ComponentType<P> | null, () => void] {
  const [attempt, setAttempt] = useState(0);
  // `attempt` is the point: a new one means a new download.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const Component = useMemo(() => (load ? (lazy(load) as ComponentType<P>) : null), [load, attempt]);
  return [Component, useCallback(() => setAttempt((a) => a + 1), [])];
}
