import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

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
/** Reference lines: a grey readable on light and dark backgrounds. */
const REFERENCE_COLOR = '#8a8a8a';

interface ChartFrame {
  title: string;
  xLabel: string;
  yLabel: string;
  height?: number;
  logY?: boolean;
}

const axisStyle = { fontSize: 11, fill: 'currentColor' };

/** Recharts wants rows keyed by series name; merge the series on x. */
function toRows(series: Series[]) {
  const rows = new Map<number, Record<string, number>>();
  for (const s of series)
    for (const { x, y } of s.points) {
      const row = rows.get(x) ?? { x };
      row[s.name] = y;
      rows.set(x, row);
    }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

/**
 * Loss, perplexity or norm curves, with axis labels and a legend; no animation, so screenshots are stable.
 * Every "nice" tick is shown (interval 0): otherwise Recharts measures each tick label in the DOM on every
 * redraw to drop overlapping ones, which made a live chart's redraw a long task.
 */
export const LineChartCard = memo(function LineChartCard({ title, xLabel, yLabel, series, height = 220, logY }: ChartFrame & { series: Series[] }) {
  const measured = series.filter((s) => !s.reference);
  return (
    <figure className="chart" aria-label={`${title}: ${series.map((s) => `${s.name}, last ${s.points.at(-1)?.y ?? 'none'}`).join('; ')}`}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={toRows(series)} margin={{ top: 5, right: 12, bottom: 18, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} interval={0} tick={axisStyle} label={{ value: xLabel, position: 'insideBottom', offset: -10, ...axisStyle }} />
          <YAxis scale={logY ? 'log' : 'auto'} domain={logY ? ['auto', 'auto'] : [0, 'auto']} allowDataOverflow={logY} interval={0} tick={axisStyle} width={56}
            tickFormatter={(v: number) => (Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.01) ? v.toExponential(0) : String(+v.toPrecision(3)))}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(6) : String(v))} labelFormatter={(x) => `${xLabel} ${x}`} />
          <Legend verticalAlign="top" height={24} itemSorter={(item) => series.findIndex((s) => s.name === item.value)} />
          {series.map((s) => (
            <Line key={s.name} dataKey={s.name} stroke={s.reference ? REFERENCE_COLOR : (s.color ?? SERIES_COLORS[measured.indexOf(s) % SERIES_COLORS.length])} strokeDasharray={s.reference ? '6 4' : undefined}
              dot={false} isAnimationActive={false} strokeWidth={s.reference ? 1.5 : 2} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** One bar per category, e.g. gradient norm per time step; `highlight` marks the current one. */
export function BarChartCard({ title, xLabel, yLabel, bars, height = 180, logY, highlight }: ChartFrame & { bars: { x: number; y: number }[]; highlight?: number }) {
  return (
    <figure className="chart" aria-label={`${title}: ${bars.map((b) => `${xLabel} ${b.x}: ${b.y}`).join(', ')}`}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars.map((b) => ({ ...b, fill: b.x === highlight ? SERIES_COLORS[1] : SERIES_COLORS[0] }))} margin={{ top: 5, right: 12, bottom: 18, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          <XAxis dataKey="x" tick={axisStyle} label={{ value: xLabel, position: 'insideBottom', offset: -10, ...axisStyle }} />
          <YAxis scale={logY ? 'log' : 'auto'} domain={logY ? ['auto', 'auto'] : [0, 'auto']} allowDataOverflow={logY} tick={axisStyle} width={56}
            tickFormatter={(v: number) => (v !== 0 && Math.abs(v) < 0.01 ? v.toExponential(0) : String(+v.toPrecision(3)))}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(6) : String(v))} />
          <Bar dataKey="y" name={yLabel} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
