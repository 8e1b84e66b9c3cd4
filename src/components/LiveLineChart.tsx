import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { ChartLegend, LEGEND_HEIGHT } from './ChartLegend';
import { chartSummary, type Series } from './chartSeries';
import { useT } from '../i18n/useT';
import { MARGIN, seriesColor, tickLabel, Y_AXIS_WIDTH, type ChartFrame } from './chartStyle';
import { formatNumber } from './format';
import { chartGeometry, nearestX } from './liveChartGeometry';
import './Charts.css';

/** Height of the x axis under the plot: tick labels and the axis title. */
const X_AXIS_HEIGHT = 30;

/** The chart's width in pixels, following its container (0 until measured). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current!;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A line chart for curves that grow while training runs (loss, accuracy, perplexity, a sweep's points),
 * drawn as the page's own SVG: one path per series, rebuilt in a few milliseconds however long the curve,
 * so a redraw never holds the page. It looks like the book's other charts (`LineChartCard`): the same
 * margins, grid, ticks, legend, colours and hover readout.
 */
export const LiveLineChart = memo(function LiveLineChart({ title, xLabel, yLabel, series, height = 220, logY, yRange, markers }: ChartFrame & {
  series: Series[];
  /** Mark each point with a dot (for curves of a few points, such as a sweep over delays). */
  markers?: boolean;
}) {
  const [containerRef, width] = useWidth();
  const clipId = useId();
  const t = useT('figure');
  const [hovered, setHovered] = useState<number | null>(null);
  const svgHeight = height - LEGEND_HEIGHT;
  const box = { left: MARGIN.left + Y_AXIS_WIDTH, top: MARGIN.top, width: Math.max(1, width - MARGIN.left - Y_AXIS_WIDTH - MARGIN.right), height: Math.max(1, svgHeight - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT + 12) };
  const geometry = useMemo(
    () => chartGeometry(series, box, { logY, yRange, chartHeight: height }),
    // The box follows from width and height alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, width, svgHeight, logY, yRange?.[0], yRange?.[1], height],
  );
  const { x, y } = geometry;
  const bottom = box.top + box.height;
  const pointAt = (event: PointerEvent<SVGSVGElement>) =>
    setHovered(nearestX(series, x.fromPixel(event.clientX - event.currentTarget.getBoundingClientRect().left)));
  const readout = hovered === null ? [] : series.flatMap((s) => s.points.filter((p) => p.x === hovered).map((p) => ({ series: s, y: p.y })));
  return (
    <figure className="chart live-chart" aria-label={chartSummary(t, title, series)}>
      <figcaption>{title}</figcaption>
      <ChartLegend series={series} />
      <div ref={containerRef} className="live-chart-area" style={{ height: svgHeight }}>
        {width > 0 && (
          <svg width={width} height={svgHeight} onPointerMove={pointAt} onPointerLeave={() => setHovered(null)} aria-hidden="true">
            <defs>
              {/* A little wider than the plot, so that a point on its edge shows whole. */}
              <clipPath id={clipId}><rect x={box.left - 4} y={box.top - 4} width={box.width + 8} height={box.height + 8} /></clipPath>
            </defs>
            <g className="chart-grid" stroke="currentColor" strokeOpacity={0.25} strokeDasharray="3 3">
              {y.ticks.map((t) => <line key={`y${t}`} x1={box.left} x2={box.left + box.width} y1={y.toPixel(t)} y2={y.toPixel(t)} />)}
              {x.ticks.map((t) => <line key={`x${t}`} x1={x.toPixel(t)} x2={x.toPixel(t)} y1={box.top} y2={bottom} />)}
            </g>
            <g className="chart-axis" fontSize={11} fill="currentColor">
              <line x1={box.left} x2={box.left + box.width} y1={bottom} y2={bottom} stroke="currentColor" strokeOpacity={0.6} />
              <line x1={box.left} x2={box.left} y1={box.top} y2={bottom} stroke="currentColor" strokeOpacity={0.6} />
              {x.ticks.map((t) => <text key={t} x={x.toPixel(t)} y={bottom + 16} textAnchor="middle">{tickLabel(t, false)}</text>)}
              {y.ticks.map((t) => <text key={t} className="chart-y-tick" x={box.left - 6} y={y.toPixel(t) + 4} textAnchor="end">{tickLabel(t, geometry.log)}</text>)}
              <text x={box.left + box.width / 2} y={svgHeight - 2} textAnchor="middle">{xLabel}</text>
              <text transform={`translate(12 ${box.top + box.height / 2}) rotate(-90)`} textAnchor="middle">{yLabel}</text>
            </g>
            <g clipPath={`url(#${clipId})`} fill="none">
              {series.map((s, k) => (
                <path key={s.name} className="live-chart-line" d={geometry.paths[k]} stroke={seriesColor(s, series)} strokeWidth={s.reference ? 1.5 : 2} strokeDasharray={s.reference ? '6 4' : undefined} strokeLinejoin="round" />
              ))}
              {markers && series.filter((s) => !s.reference).flatMap((s) => s.points.filter((p) => Number.isFinite(p.y)).map((p) => (
                <circle key={`${s.name}-${p.x}`} cx={x.toPixel(p.x)} cy={y.toPixel(p.y)} r={3} fill={seriesColor(s, series)} />
              )))}
            </g>
            {hovered !== null && <line className="chart-hover" x1={x.toPixel(hovered)} x2={x.toPixel(hovered)} y1={box.top} y2={bottom} stroke="currentColor" strokeOpacity={0.5} />}
          </svg>
        )}
        {hovered !== null && readout.length > 0 && (
          <div className="chart-tooltip" style={{ left: Math.min(x.toPixel(hovered) + 10, Math.max(0, width - 160)), top: box.top }}>
            <div>{xLabel} {hovered}</div>
            {readout.map(({ series: s, y: value }) => (
              <div key={s.name}><span className="chart-swatch" style={{ background: seriesColor(s, series) }} /> {s.name}: {formatNumber(value)}</div>
            ))}
          </div>
        )}
      </div>
    </figure>
  );
});
