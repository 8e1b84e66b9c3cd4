import type { Series } from './chartSeries';
import { seriesColor } from './chartStyle';

/** Height of the legend above the plot. */
export const LEGEND_HEIGHT = 24;

/**
 * The series of a line chart, named above its plot in the page's text colour, each with a swatch of its line
 * (dashed for a reference). The book draws it itself, for every line chart alike, so that it speaks the page's
 * language (a chart library's legend names its icons in English) and reads the same in both themes.
 */
export function ChartLegend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend" style={{ height: LEGEND_HEIGHT }}>
      {series.map((s) => (
        <li key={s.name}>
          <svg width="14" height="10" aria-hidden="true"><line x1="0" x2="14" y1="5" y2="5" stroke={seriesColor(s, series)} strokeWidth={2} strokeDasharray={s.reference ? '4 2' : undefined} /></svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
