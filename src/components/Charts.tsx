import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type MouseHandlerDataParam } from 'recharts';
import { linearTicks } from './axisTicks';
import { ChartLegend, LEGEND_HEIGHT } from './ChartLegend';
import { chartSummary, SERIES_COLORS, type Series } from './chartSeries';
import { logAxisTicks, MARGIN, seriesColor, tickLabel, Y_AXIS_WIDTH, type ChartFrame } from './chartStyle';
import { formatNumber } from './format';
import { useT } from '../i18n/useT';
import './Charts.css';

export { SERIES_COLORS, type Series };

const axisStyle = { fontSize: 11, fill: 'currentColor' };
/** The tooltip in the page's colours, so it reads in the dark theme as in the light. */
const tooltipStyles = {
  contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: 4, fontSize: 12 },
  labelStyle: { color: 'var(--fg)' },
  itemStyle: { color: 'var(--fg)' },
};
const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));

/**
 * The y axis's domain and ticks: on a log axis, powers of ten bounding the data, as many as the plot's
 * height leaves room for, so that their labels never overlap.
 */
function yAxisOf(values: number[], log: boolean | undefined, height: number, range?: [number, number]) {
  if (range) return { scale: 'linear' as const, domain: range, allowDataOverflow: true };
  if (!log) return { scale: 'auto' as const, domain: [0, 'auto'] as [number, 'auto'] };
  const ticks = logAxisTicks(values, height);
  return { scale: 'log' as const, domain: [ticks[0], ticks[ticks.length - 1]] as [number, number], ticks, allowDataOverflow: true };
}

/** Recharts wants rows keyed by series name; merge the series on x. A log axis has no place for 0 or less: those points are left out. */
function toRows(series: Series[], log?: boolean) {
  const rows = new Map<number, Record<string, number>>();
  for (const s of series)
    for (const { x, y } of s.points) {
      if (log && !(y > 0)) continue;
      const row = rows.get(x) ?? { x };
      row[s.name] = y;
      rows.set(x, row);
    }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

/** A chosen x (an epoch, a step) that a chart marks with a vertical line, and lets the reader move. */
export interface ChartCursor {
  /** Where the line stands, or undefined for none. */
  x: number | undefined;
  /** The x under the pointer as it moves over the chart, and null once it leaves. */
  onHover?: (x: number | null) => void;
  /** The x the reader clicked. */
  onPick?: (x: number) => void;
}

/** The x value of the data point under the pointer, if any. */
const pointedX = (state: MouseHandlerDataParam): number | null => {
  const x = Number(state.activeLabel);
  return state.activeLabel !== undefined && Number.isFinite(x) ? x : null;
};

/**
 * Loss, perplexity or norm curves, with axis labels and a legend; no animation, so screenshots are stable.
 * Every "nice" tick is shown (interval 0): otherwise Recharts measures each tick label in the DOM on every
 * redraw to drop overlapping ones, which made a live chart's redraw a long task. A `cursor` draws a
 * vertical line at a chosen x and reports the x the pointer hovers or clicks.
 */
export const LineChartCard = memo(function LineChartCard({ title, xLabel, yLabel, series, height = 220, logY, yRange, cursor }: ChartFrame & { series: Series[]; cursor?: ChartCursor }) {
  const t = useT('figure');
  const yAxis = yAxisOf(series.flatMap((s) => s.points.map((p) => p.y)), logY, height, yRange);
  const rows = toRows(series, logY);
  // Both ends labelled (the latest step among them), nice steps between that never crowd an end.
  // Whole-number x (steps, delays) gets whole-number ticks: no "1.5" between delays 1 and 2.
  const wholeX = rows.every((row) => Number.isInteger(row.x));
  const xTicks = rows.length ? linearTicks(rows[0].x, rows[rows.length - 1].x, 5, wholeX ? 1 : 0) : undefined;
  const pointer = cursor && {
    onMouseMove: (state: MouseHandlerDataParam) => cursor.onHover?.(pointedX(state)),
    onMouseLeave: () => cursor.onHover?.(null),
    onClick: (state: MouseHandlerDataParam) => {
      const x = pointedX(state);
      if (x !== null) cursor.onPick?.(x);
    },
  };
  return (
    <figure className={cursor?.onPick ? 'chart chart-pickable' : 'chart'} aria-label={chartSummary(t, title, series)}>
      <figcaption>{title}</figcaption>
      <ChartLegend series={series} />
      <ResponsiveContainer width="100%" height={height - LEGEND_HEIGHT}>
        <LineChart data={rows} margin={MARGIN} {...pointer}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} ticks={xTicks} interval={0} tick={axisStyle} label={{ value: xLabel, position: 'insideBottom', offset: -10, ...axisStyle }} />
          <YAxis {...yAxis} interval={0} tick={axisStyle} width={Y_AXIS_WIDTH} tickFormatter={(v: number) => tickLabel(v, !!logY)}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={tooltipValue} labelFormatter={(x) => `${xLabel} ${x}`} {...tooltipStyles} />
          {series.map((s) => (
            <Line key={s.name} dataKey={s.name} stroke={seriesColor(s, series)} strokeDasharray={s.reference ? '6 4' : undefined}
              dot={false} isAnimationActive={false} strokeWidth={s.reference ? 1.5 : 2} connectNulls />
          ))}
          {cursor?.x !== undefined && (
            <ReferenceLine x={cursor.x} className="chart-cursor" stroke="currentColor" strokeDasharray="4 3" ifOverflow="hidden" />
          )}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** One bar per category, e.g. gradient norm per time step; `highlight` marks the current one. */
export function BarChartCard({ title, xLabel, yLabel, bars, height = 180, logY, highlight }: ChartFrame & { bars: { x: number; y: number }[]; highlight?: number }) {
  const t = useT('figure');
  const yAxis = yAxisOf(bars.map((b) => b.y), logY, height);
  return (
    <figure className="chart" aria-label={t('chartSummary', { title, series: bars.map((b) => `${xLabel} ${b.x}: ${b.y}`).join(', ') })}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars.filter((b) => !logY || b.y > 0).map((b) => ({ ...b, fill: b.x === highlight ? SERIES_COLORS[1] : SERIES_COLORS[0] }))} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          <XAxis dataKey="x" tick={axisStyle} label={{ value: xLabel, position: 'insideBottom', offset: -10, ...axisStyle }} />
          <YAxis {...yAxis} tick={axisStyle} width={Y_AXIS_WIDTH} tickFormatter={(v: number) => tickLabel(v, !!logY)}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={tooltipValue} labelFormatter={(x) => `${xLabel} ${x}`} {...tooltipStyles} />
          <Bar dataKey="y" name={yLabel} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
