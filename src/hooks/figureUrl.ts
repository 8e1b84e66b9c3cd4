/**
 * A figure's settings in the page's URL, as plain functions (no React, no `location`): how a field is
 * written into a query parameter and read back, how each figure's parameters are named on a page that
 * shows several figures, and how a figure's shareable link is built. Reading never trusts the URL: a value
 * that cannot be read is left out, and the figure's schema fits whatever is read into its range.
 */
import { fitField, type FieldRule, type SettingsSchema } from './settingsSchema';

/**
 * Where a figure's parameters live in the URL. On a figure's own page (and the home page) the names are
 * plain (`hiddenSize=16`); in a chapter each figure has a namespace (`CellStepper.hiddenSize=16`), with its
 * ordinal when the chapter shows the same figure more than once (`HelloTrainer-2.learningRate=0.1`).
 */
export interface FigureUrlScope {
  /** The prefix of every parameter's name, e.g. `CellStepper.`; empty for plain names. */
  prefix: string;
  /** The id of the figure's frame, for a link that lands on it; null where the page shows one figure. */
  anchorId: string | null;
}

/** The scope of a figure where the page shows only it: plain names, no anchor. */
export const PLAIN_SCOPE: FigureUrlScope = { prefix: '', anchorId: null };

/**
 * The scope of the `instance`-th (from 1) figure called `figure` in a chapter.
 * @example chapterScope('HelloTrainer', 2) → { prefix: 'HelloTrainer-2.', anchorId: 'figure-HelloTrainer-2' }
 */
export function chapterScope(figure: string, instance: number): FigureUrlScope {
  const name = instance > 1 ? `${figure}-${instance}` : figure;
  return { prefix: `${name}.`, anchorId: `figure-${name}` };
}

/** A field's value as the text of a query parameter: numbers in full, so that a link gives the same numbers. */
export function encodeField(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

/**
 * The text of a query parameter as a value `rule` can fit, or `undefined` when it cannot be one
 * (`'abc'` for a number, `'maybe'` for a boolean). Ranges and allowed values are left to `fitField`.
 */
export function decodeField(rule: FieldRule, raw: string): unknown {
  switch (rule.type) {
    case 'integer':
    case 'number': {
      const value = raw.trim() === '' ? NaN : Number(raw);
      return Number.isFinite(value) ? value : undefined;
    }
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'choice':
    case 'text':
      return raw;
  }
}

/**
 * The fields of `schema` that `search` holds under `prefix`, each read and fitted to its rule; fields
 * missing or unreadable are left out, so that stored settings or defaults fill them.
 */
export function readFigureParams<T extends object>(search: string, prefix: string, schema: SettingsSchema<T>): Partial<T> {
  const params = new URLSearchParams(search);
  const found: Partial<T> = {};
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    const raw = params.get(prefix + key);
    if (raw === null) continue;
    const decoded = decodeField(schema[key], raw);
    const fitted = decoded === undefined ? undefined : fitField(schema[key], decoded, undefined as T[keyof T] | undefined);
    if (fitted !== undefined) found[key] = fitted as T[keyof T & string];
  }
  return found;
}

/**
 * `search` with the parameters `entries` (names without the prefix) written under `prefix`, and each name
 * in `removed` taken out; every other parameter (other figures', `backend`) stays where it was.
 * @returns the new query string, with its `?`, or '' when nothing is left
 */
export function writeFigureParams(search: string, prefix: string, entries: Readonly<Record<string, string>>, removed: Iterable<string> = []): string {
  const params = new URLSearchParams(search);
  for (const key of removed) params.delete(prefix + key);
  for (const [key, value] of Object.entries(entries)) params.set(prefix + key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Every field of `values` as query text, for `writeFigureParams`. */
export function encodeSettings<T extends object>(schema: SettingsSchema<T>, values: T): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const key of Object.keys(schema) as (keyof T & string)[]) entries[key] = encodeField(values[key]);
  return entries;
}

/**
 * The link that reproduces one figure: the page's address with the figure's whole state written in (other
 * figures' parameters kept), landing on the figure's frame where the page shows several.
 * @param href the page's address now, e.g. `location.href`
 */
export function figureLink(href: string, scope: FigureUrlScope, entries: Readonly<Record<string, string>>): string {
  const url = new URL(href);
  url.search = writeFigureParams(url.search, scope.prefix, entries);
  if (scope.anchorId) url.hash = scope.anchorId;
  return url.toString();
}
