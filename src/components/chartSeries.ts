/** What a line chart draws, apart from how: its series and their colours (no React, so pure code can build them). */
import type { TFunction } from 'i18next';

export interface Series {
  name: string;
  /** Points in x order; y may be missing where a series has no value yet. */
  points: { x: number; y: number }[];
  /** A reference to compare against (drawn dashed and grey), not a measured curve. */
  reference?: boolean;
  /** A fixed colour, for a series that should keep it whichever others are shown. */
  color?: string;
}

/** Colour-blind-safe categorical colours (Okabe–Ito). */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** What a screen reader hears for a line chart: its title, then each series with its latest value. */
export function chartSummary(t: TFunction<'figure'>, title: string, series: readonly Series[]): string {
  const last = series.map((s) => t('chartSeries', { name: s.name, last: s.points.at(-1)?.y ?? t('chartNone') }));
  return t('chartSummary', { title, series: last.join('; ') });
}
