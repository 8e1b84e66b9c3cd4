/**
 * Where a live line chart puts things: its axes' ticks and scales, and each series as one SVG path. Pure,
 * so a redraw costs a few string joins, and testable without a browser.
 */
import { linearTicks } from './axisTicks';
import type { Series } from './chartSeries';
import { linearAxisTicks, logAxisTicks } from './chartStyle';

/** The plot's rectangle inside the chart's SVG, in pixels. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One axis: its ticks and a map from a data value to a pixel coordinate. */
export interface Axis {
  ticks: number[];
  toPixel: (value: number) => number;
}

/** The x axis also maps a pixel back to a value, for the pointer. */
export interface XAxis extends Axis {
  fromPixel: (pixel: number) => number;
}

export interface ChartGeometry {
  x: XAxis;
  y: Axis;
  log: boolean;
  /** One SVG path (`M … L …`) per series, in the series' order; empty for a series with nothing to draw. */
  paths: string[];
}

/** Whether a value can stand on the y axis: finite, and positive on a log axis. */
const drawable = (y: number, log: boolean) => Number.isFinite(y) && (!log || y > 0);

/**
 * At most two points per pixel column (the lowest and the highest, in x order), so that a curve of
 * 100 000 steps costs what one of a few hundred does and still shows its spread. Curves shorter than the
 * plot is wide stay as they are.
 */
export function thinToColumns(points: { x: number; y: number }[], toPixel: (x: number) => number): { x: number; y: number }[] {
  if (points.length <= 2 * Math.abs(toPixel(points.at(-1)?.x ?? 0) - toPixel(points[0]?.x ?? 0))) return points;
  const kept: { x: number; y: number }[] = [];
  let column = Number.NaN;
  let low = points[0];
  let high = points[0];
  const flush = () => (low === high ? kept.push(low) : kept.push(...(low.x <= high.x ? [low, high] : [high, low])));
  for (const point of points) {
    const here = Math.round(toPixel(point.x));
    if (here !== column) {
      if (!Number.isNaN(column)) flush();
      column = here;
      low = high = point;
    } else if (point.y < low.y) low = point;
    else if (point.y > high.y) high = point;
  }
  flush();
  const last = points.at(-1)!;
  if (kept.at(-1) !== last) kept.push(last);
  return kept;
}

/**
 * The chart's axes and paths for `series` in `box`. x runs over the data's range with whole-number ticks
 * when every x is whole (steps, delays); y over `yRange`, or powers of ten on a log axis, or 0 to a round
 * number above the data.
 */
export function chartGeometry(series: Series[], box: PlotBox, options: { logY?: boolean; yRange?: [number, number]; chartHeight: number }): ChartGeometry {
  const log = !!options.logY && !options.yRange;
  const xs = series.flatMap((s) => s.points.map((p) => p.x)).filter(Number.isFinite);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => drawable(y, log));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const xTicks = xs.length ? linearTicks(xMin, xMax, 5, xs.every(Number.isInteger) ? 1 : 0) : [];
  const xSpan = xMax > xMin ? xMax - xMin : 1;
  const xStart = xs.length ? xMin : 0;
  const x: XAxis = { ticks: xTicks, toPixel: (v) => box.left + ((v - xStart) / xSpan) * box.width, fromPixel: (p) => xStart + ((p - box.left) / box.width) * xSpan };

  const yTicks = options.yRange ? linearTicks(options.yRange[0], options.yRange[1], 6) : !ys.length ? [] : log ? logAxisTicks(ys, options.chartHeight) : linearAxisTicks(ys, options.chartHeight);
  const [yLow, yHigh] = options.yRange ?? (yTicks.length ? [yTicks[0], yTicks.at(-1)!] : [0, 1]);
  const scale = (v: number) => (log ? Math.log10(v) : v);
  const ySpan = scale(yHigh) - scale(yLow) || 1;
  const y: Axis = { ticks: yTicks, toPixel: (v) => box.top + box.height - ((scale(v) - scale(yLow)) / ySpan) * box.height };

  const paths = series.map((s) => {
    const points = thinToColumns(s.points.filter((p) => Number.isFinite(p.x) && drawable(p.y, log)), x.toPixel);
    return points.map((p, k) => `${k ? 'L' : 'M'}${x.toPixel(p.x).toFixed(1)} ${y.toPixel(p.y).toFixed(1)}`).join('');
  });
  return { x, y, log, paths };
}

/** The x among `series`' points nearest to `value` (the pointer's), or null when there are no points. */
export function nearestX(series: Series[], value: number): number | null {
  let best: number | null = null;
  for (const s of series)
    for (const p of s.points) if (best === null || Math.abs(p.x - value) < Math.abs(best - value)) best = p.x;
  return best;
}
