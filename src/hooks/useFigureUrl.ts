/**
 * A figure's state in the page's URL, so that a reload or a shared link shows the same figure: each figure
 * reads its fields from the URL (through its schema, so nothing a URL holds can break it), writes them
 * back as the reader changes them — with `history.replaceState`, a few times a second at most, so that a
 * slider's drag adds no history entries and Back leaves the page as before — and records its whole state
 * for its "Copy link" button. Outside a figure (no `FigureUrlContext`) every function here does nothing.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { encodeSettings, readFigureParams, writeFigureParams, type FigureUrlScope } from './figureUrl';
import type { SettingsSchema } from './settingsSchema';

/** One figure's place in the URL and its state now, as query entries (names without the prefix). */
export interface FigureUrlState {
  scope: FigureUrlScope;
  current: Map<string, string>;
}

/** Provided around each figure by its boundary; absent outside figures (exercises, the search box). */
export const FigureUrlContext = createContext<FigureUrlState | null>(null);

/** How often, at most, the address bar follows a moving slider. */
const WRITE_INTERVAL_MS = 200;

interface PendingWrite {
  prefix: string;
  entries: Record<string, string>;
  removed: string[];
}
let pending: PendingWrite[] = [];
let pendingPath: string | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Applies the queued changes to the current entry of the history, unless the reader has left the page. */
export function flushFigureUrl(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const writes = pending;
  pending = [];
  if (writes.length === 0 || pendingPath !== location.pathname) return;
  let search = location.search;
  for (const write of writes) search = writeFigureParams(search, write.prefix, write.entries, write.removed);
  if (search === location.search) return;
  // Keep the entry's state (the router's scroll position may live there) and its #hash.
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

function queueWrite(write: PendingWrite): void {
  if (typeof window === 'undefined') return;
  if (pendingPath !== location.pathname) pending = [];
  pendingPath = location.pathname;
  pending.push(write);
  timer ??= setTimeout(flushFigureUrl, WRITE_INTERVAL_MS);
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushFigureUrl);

/** Takes a figure's whole state out of the URL at once ("Reset this figure" after it stopped). */
export function forgetFigureUrl(figure: FigureUrlState): void {
  const { prefix } = figure.scope;
  // In a chapter every parameter under the figure's prefix is its own, even one it never got to read.
  const named = prefix ? [...new URLSearchParams(location.search).keys()].filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)) : [];
  queueWrite({ prefix, entries: {}, removed: [...figure.current.keys(), ...named] });
  figure.current.clear();
  flushFigureUrl();
}

/** What `useFigureUrlFields` gives a figure: what the URL held, and how to keep the URL up to date. */
export interface FigureUrlFields<T> {
  /** The fields the URL held when the figure appeared, already fitted to the schema. */
  fromUrl: Partial<T>;
  /** Writes every field into the URL (after the reader changed one). */
  publish: (values: T) => void;
  /** Takes the fields out of the URL (after a reset to the defaults). */
  clear: () => void;
  /** Records the figure's values now for its "Copy link" button. */
  record: (values: T) => void;
}

const NOTHING = {};

/**
 * The fields of `schema` in the URL, for the figure around the caller; `null` opts out (the same hook is
 * called either way, as hooks must be).
 * @param group a further prefix for a figure with two settings objects that share a field name (e.g.
 *   `generate.` for the character model's sampling seed beside its training seed)
 */
export function useFigureUrlFields<T extends object>(schema: SettingsSchema<T> | null, group = ''): FigureUrlFields<T> {
  const figure = useContext(FigureUrlContext);
  const active = figure !== null && schema !== null;
  const prefix = (figure?.scope.prefix ?? '') + group;
  const [fromUrl] = useState<Partial<T>>(() => (active && typeof window !== 'undefined' ? readFigureParams(location.search, prefix, schema) : (NOTHING as Partial<T>)));
  const publish = useCallback(
    (values: T) => {
      if (active) queueWrite({ prefix, entries: encodeSettings(schema, values), removed: [] });
    },
    // A schema is a module-level constant.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, prefix],
  );
  const clear = useCallback(
    () => {
      if (active) queueWrite({ prefix, entries: {}, removed: Object.keys(schema) });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, prefix],
  );
  const record = useCallback(
    (values: T) => {
      if (!active) return;
      for (const [key, value] of Object.entries(encodeSettings(schema, values))) figure.current.set(group + key, value);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, figure, group],
  );
  return { fromUrl, publish, clear, record };
}

/**
 * Keeps `values` recorded for the figure's link whenever they change (an effect, so that rendering stays
 * pure).
 */
export function useRecordedForLink<T>(record: (values: T) => void, values: T): void {
  useEffect(() => record(values), [record, values]);
}

/**
 * For state the reader moves rather than sets (a step, a picked parameter): the URL follows `values` once
 * they are `settled` (a step is not known to fit before the figure's numbers arrive), and leaves them out
 * while they are `atStart`, so that an untouched figure adds nothing to the address.
 * @param values a memoised object, one field per name of the schema given to `useFigureUrlFields`
 */
export function useFollowedByUrl<T extends object>(fields: FigureUrlFields<T>, values: T, settled: boolean, atStart: boolean): void {
  const { record, publish, clear } = fields;
  useRecordedForLink(record, values);
  useEffect(() => {
    if (!settled) return;
    if (atStart) clear();
    else publish(values);
  }, [settled, atStart, values, publish, clear]);
}

/**
 * A value that is not a settings object (a figure's edited weights) in the URL as one JSON parameter,
 * checked by `guard` on the way in; left out of the URL while it equals `fallback`, so links stay short.
 * `name` null opts out.
 */
export function useFigureUrlJson<T>(name: string | null, guard: (value: unknown) => value is T, fallback: T) {
  const figure = useContext(FigureUrlContext);
  const active = figure !== null && name !== null;
  const prefix = figure?.scope.prefix ?? '';
  const [fromUrl] = useState<T | undefined>(() => {
    if (!active || typeof window === 'undefined') return undefined;
    try {
      const value: unknown = JSON.parse(new URLSearchParams(location.search).get(prefix + name) ?? 'null');
      return guard(value) ? value : undefined;
    } catch {
      return undefined;
    }
  });
  // By value, so that a fallback rebuilt on each render keeps these callbacks stable.
  const fallbackJson = active ? JSON.stringify(fallback) : '';
  const unchanged = useCallback((value: T) => JSON.stringify(value) === fallbackJson, [fallbackJson]);
  const publish = useCallback(
    (value: T) => {
      if (active) queueWrite(unchanged(value) ? { prefix, entries: {}, removed: [name] } : { prefix, entries: { [name]: JSON.stringify(value) }, removed: [] });
    },
    [active, prefix, name, unchanged],
  );
  const clear = useCallback(() => {
    if (active) queueWrite({ prefix, entries: {}, removed: [name] });
  }, [active, prefix, name]);
  const record = useCallback(
    (value: T) => {
      if (!active) return;
      if (unchanged(value)) figure.current.delete(name);
      else figure.current.set(name, JSON.stringify(value));
    },
    [active, figure, name, unchanged],
  );
  return { fromUrl, publish, clear, record };
}
