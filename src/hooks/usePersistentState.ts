/**
 * State a reader sets (slider values, edited weights) that survives a reload: kept in localStorage under
 * `unrolled.<key>`, validated on the way back in, and resettable to its default.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'unrolled.';

function read<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Checks that a stored value has the same JSON shape as the default (same type, same keys). */
export function sameShapeAs<T>(fallback: T) {
  return (value: unknown): value is T => {
    if (typeof value !== typeof fallback || value === null) return false;
    if (Array.isArray(fallback)) return Array.isArray(value);
    if (typeof fallback === 'object') {
      return Object.keys(fallback as object).every((k) => typeof (value as Record<string, unknown>)[k] === typeof (fallback as Record<string, unknown>)[k]);
    }
    return typeof value !== 'number' || Number.isFinite(value);
  };
}

/**
 * `value` rounded into [min, max] when it is a finite number, else `fallback`. Validators of stored
 * settings compare a field with its clamped self to accept it only when it is already in range.
 */
export const clampInteger = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;

/** Like useState, but persisted; returns [value, set, reset]. */
export function usePersistentState<T>(
  key: string,
  fallback: T,
  isValid: (value: unknown) => value is T = sameShapeAs(fallback),
): [T, (value: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback, isValid));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Private browsing or a full quota: the value still works for this visit.
      }
    },
    [key],
  );
  const reset = useCallback(() => {
    setValue(fallback);
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }, [key, fallback]);
  return [value, set, reset];
}
