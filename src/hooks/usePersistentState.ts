/**
 * State a reader sets (slider values, edited weights) that survives a reload: kept in localStorage under
 * `unrolled.<key>`, checked on the way back in, and resettable to its default. Whatever storage holds —
 * edited by hand, left by an older edition — can only bring back a value the figure accepts.
 */
import { createContext, useCallback, useContext, useState } from 'react';
import { fitSettings, type SettingsSchema } from './settingsSchema';
import { useHydrated } from './useHydrated';
import { useFigureUrlFields, useFigureUrlJson, useRecordedForLink } from './useFigureUrl';

/** Where a figure's persisted value also lives in the page's URL. */
export interface UrlPlacement {
  /** A prefix for a second settings object of the same figure (see `useFigureUrlFields`). */
  group?: string;
  /** For a value checked by a type guard (not a schema): the one parameter that holds it as JSON. */
  name?: string;
}

const PREFIX = 'unrolled.';

/**
 * The storage keys a figure has read, so that its error boundary can forget them ("reset this figure").
 * Each figure's boundary provides its own set.
 */
export const StoredKeysContext = createContext<Set<string> | null>(null);

/** Removes stored keys (without the prefix); storage that cannot be written has nothing to remove. */
export function forgetStored(keys: Iterable<string>): void {
  for (const key of keys) {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }
}

/** Turns what storage held into a value the figure accepts, or `undefined` to use the default. */
type Check<T> = (value: unknown) => T | undefined;

function read<T>(key: string, fallback: T, check: Check<T>): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    return check(JSON.parse(raw)) ?? fallback;
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
 * Like useState, but persisted; returns [value, set, reset]. Inside a figure, settings checked by a schema
 * are also kept in the page's URL (see `useFigureUrl`): values the URL holds win over stored ones, and a
 * change the reader makes is written back to both.
 * @param validate a settings schema (every field fitted into its range, the default where unusable: the
 *   same check props and controls go through), or a type guard for values that are not settings objects
 *   (those stay out of the URL unless `url.name` gives them a parameter).
 * @param url where the value goes in the URL, when not simply under the figure's names
 */
export function usePersistentState<T>(
  key: string,
  fallback: T,
  validate: SettingsSchema<T & object> | ((value: unknown) => value is T) = sameShapeAs(fallback),
  url: UrlPlacement = {},
): [T, (value: T) => void, () => void] {
  useContext(StoredKeysContext)?.add(key);
  const check: Check<T> =
    typeof validate === 'function'
      ? (value) => (validate(value) ? value : undefined)
      : (value) => (typeof value === 'object' && value !== null ? (fitSettings(validate, value, fallback as T & object) as T) : undefined);
  const fields = useFigureUrlFields<T & object>(typeof validate === 'function' ? null : validate, url.group);
  const json = useFigureUrlJson<T>(typeof validate === 'function' ? (url.name ?? null) : null, validate as (value: unknown) => value is T, fallback);
  const restored = (): T => {
    const stored = read(key, fallback, check);
    if (typeof validate === 'function') return json.fromUrl ?? stored;
    if (Object.keys(fields.fromUrl).length === 0) return stored;
    return fitSettings(validate, { ...stored, ...fields.fromUrl }, fallback as T & object) as T;
  };
  // While a pre-rendered page hydrates, the value is what the server rendered (the default: it has no
  // storage), so the first render matches its HTML; the reader's own value follows right after.
  const hydrated = useHydrated();
  const [value, setValue] = useState<T>(() => (hydrated ? restored() : fallback));
  const [restoredOnce, setRestoredOnce] = useState(hydrated);
  if (hydrated && !restoredOnce) {
    setRestoredOnce(true);
    setValue(restored());
  }
  useRecordedForLink(fields.record, value as T & object);
  useRecordedForLink(json.record, value);
  const { publish: publishFields, clear: clearFields } = fields;
  const { publish: publishJson, clear: clearJson } = json;
  const set = useCallback(
    (next: T) => {
      const accepted = typeof validate === 'function' ? next : (fitSettings(validate, next, fallback as T & object) as T);
      setValue(accepted);
      publishFields(accepted as T & object);
      publishJson(accepted);
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(accepted));
      } catch {
        // Private browsing or a full quota: the value still works for this visit.
      }
    },
    // A schema is a module-level constant; the key names everything else a stored value depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, publishFields, publishJson],
  );
  const reset = useCallback(() => {
    setValue(fallback);
    forgetStored([key]);
    clearFields();
    clearJson();
  }, [key, fallback, clearFields, clearJson]);
  return [value, set, reset];
}
