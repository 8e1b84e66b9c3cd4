/** What every line chart of the book shares, whoever draws it: margins, colours, tick labels and y ticks. */
import { logTicks, zeroBasedTicks } from './axisTicks';
import { SERIES_COLORS, type Series } from './chartSeries';
import { formatNumber, powerOfTen } from './format';

/** Reference lines: a grey readable on light and dark backgrounds. */
export const REFERENCE_COLOR = '#8a8a8a';
/** Room on the right and top for the last tick's label, which is centred on the plot's edge. */
export const MARGIN = { top: 10, right: 24, bottom: 18, left: 8 };
/** Width of the y axis: its tick labels and its title. */
export const Y_AXIS_WIDTH = 56;
/** Height the legend and the x axis take from a chart, leaving the rest to the plot. */
export const CHROME_HEIGHT = MARGIN.top + MARGIN.bottom + 24 + 30;
/** Pixels between two tick labels of the y axis: their 11 px line and room to breathe. */
const TICK_SPACING = 22;

/** Tick labels: powers of ten on a log axis ("10⁻⁵", but 0.01 … 1000 as plain numbers), else four digits at most. */
export function tickLabel(v: number, log: boolean): string {
  if (log) {
    const exponent = Math.round(Math.log10(v));
    return exponent >= -2 && exponent <= 3 ? String(10 ** exponent) : powerOfTen(exponent);
  }
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 0.01) ? formatNumber(v, 2) : String(+v.toPrecision(3));
}

/** A series' stroke: grey for a reference, else its own colour or the next of the palette among the measured ones. */
export function seriesColor(series: Series, all: Series[]): string {
  if (series.reference) return REFERENCE_COLOR;
  return series.color ?? SERIES_COLORS[all.filter((s) => !s.reference).indexOf(series) % SERIES_COLORS.length];
}

/**
 * Log-axis ticks: powers of ten bounding the positive values, as many as a plot `height` pixels tall
 * leaves room for, so that their labels never overlap.
 */
export function logAxisTicks(values: number[], height: number): number[] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  return logTicks(Math.min(...positive), Math.max(...positive), Math.max(2, Math.floor((height - CHROME_HEIGHT) / TICK_SPACING) + 1));
}

/** Linear-axis ticks from 0 to a round number above the largest finite value, spaced like the log axis's. */
export function linearAxisTicks(values: number[], height: number): number[] {
  const finite = values.filter(Number.isFinite);
  return zeroBasedTicks(Math.max(0, ...finite), Math.max(2, Math.min(5, Math.floor((height - CHROME_HEIGHT) / TICK_SPACING) + 1)));
}

/** A chart's frame: its caption, axis titles and size, and how its y axis runs. */
export interface ChartFrame {
  title: string;
  xLabel: string;
  yLabel: string;
  height?: number;
  logY?: boolean;
  /** A fixed linear y range, e.g. [0, 1] for an accuracy, instead of one fitted to the data. */
  yRange?: [number, number];
}
