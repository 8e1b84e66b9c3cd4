import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { indexTicks } from './axisTicks';
import { divergingScale, symmetricLimit, type ColorScale } from './colorScale';
import { CopyExactButton } from './ExactNumber';
import { formatNumber } from './format';
import { useReaderText } from '../i18n/readerText';
import { useT } from '../i18n/useT';

export interface HeatmapProps {
  /** values[row][col]; by convention rows are time steps and columns are units. */
  values: number[][];
  /** Tensor name, e.g. "h" or "∂L/∂h"; used in readouts and the accessible name. */
  name: string;
  rowLabel?: string;
  colLabel?: string;
  /** Scale limit of the default diverging scale; defaults to the largest |value| so the grid uses the whole scale. */
  limit?: number;
  /** How values map to colour (e.g. `GATE_SCALE` for sigmoid gates); defaults to diverging around zero. */
  scale?: ColorScale;
  /** Row to outline, e.g. the current time step. */
  highlightRow?: number;
  /** Size of one cell in CSS pixels; shrinks for wide grids. */
  cellSize?: number;
  /** The number the first row is called by: time steps count from 1, as the book does; other rows from 0. */
  firstRow?: number;
}

/** A legend's end: "0" and "1" for a gate's fixed scale, three digits for a data-driven limit. */
const legendNumber = (v: number) => (Number.isInteger(v) ? String(v).replace('-', '−') : formatNumber(v, 3));

/** Tick labels this many pixels apart at least: room for "512" across, one line of text down. */
const COLUMN_TICK_SPACING = 26;
const ROW_TICK_SPACING = 14;

/**
 * A time × unit heatmap on a canvas (fast up to hidden size 512), with time ticks down the side, unit
 * indices across the top, a legend naming its scale, and the value of the cell under the pointer or
 * under the keyboard cursor (arrow keys when focused), rounded, with the exact value a copy away.
 */
export function Heatmap({ values, name, rowLabel = 't', colLabel: givenColLabel, limit, scale: givenScale, highlightRow, cellSize, firstRow = rowLabel === 't' ? 1 : 0 }: HeatmapProps) {
  const t = useT('figure');
  const say = useReaderText();
  const colLabel = givenColLabel ?? t('unit');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const scale = useMemo(() => givenScale ?? divergingScale(limit ?? symmetricLimit(values), { key: 'figure:scaleWhiteAtZero' }), [givenScale, limit, values]);
  const cell = cellSize ?? Math.max(2, Math.min(22, Math.floor(640 / Math.max(cols, 1))));
  // Wide grids get narrow cells; keep rows tall enough to see and to point at.
  const cellHeight = Math.max(cell, Math.min(16, Math.floor(160 / Math.max(rows, 1))));
  // A cursor left over from a larger grid points nowhere.
  const at = cursor && cursor[0] < rows && cursor[1] < cols ? cursor : null;

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const ratio = globalThis.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, cols * cell, rows * cellHeight);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        context.fillStyle = scale.colorOf(value);
        context.fillRect(c * cell, r * cellHeight, cell, cellHeight);
      }),
    );
    const outline = (r: number, c0: number, width: number, color: string) => {
      context.strokeStyle = color;
      context.lineWidth = 2;
      context.strokeRect(c0 * cell + 1, r * cellHeight + 1, width * cell - 2, cellHeight - 2);
    };
    // The cursor in black inside white: visible on the dark end of a scale as on the light.
    const cursorOutline = (r: number, c: number) => {
      context.strokeStyle = '#fff';
      context.lineWidth = 1;
      context.strokeRect(c * cell + 0.5, r * cellHeight + 0.5, cell - 1, cellHeight - 1);
      outline(r, c, 1, '#000');
    };
    if (highlightRow !== undefined && highlightRow >= 0 && highlightRow < rows) outline(highlightRow, 0, cols, '#d97706');
    if (at && cell >= 5) cursorOutline(at[0], at[1]);
    else if (at) outline(at[0], at[1], 1, '#000');
  }, [values, rows, cols, cell, cellHeight, scale, highlightRow, at]);

  const pick = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const r = Math.floor((event.clientY - box.top) / cellHeight);
    const c = Math.floor((event.clientX - box.left) / cell);
    if (r >= 0 && r < rows && c >= 0 && c < cols) setCursor([r, c]);
  };

  const move = (event: KeyboardEvent) => {
    const [r, c] = at ?? [0, 0];
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(rows - 1, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(cols - 1, c + 1)],
    };
    if (!next[event.key]) return;
    event.preventDefault();
    event.stopPropagation();
    setCursor(at ? next[event.key] : [0, 0]);
  };

  const exact = at ? values[at[0]][at[1]] : null;
  const where = at ? `${name}[${rowLabel}=${at[0] + firstRow}, ${colLabel}=${at[1]}]` : null;
  const ratio = globalThis.devicePixelRatio || 1;
  const rowTicks = indexTicks(rows, cellHeight, ROW_TICK_SPACING, firstRow);
  const colTicks = indexTicks(cols, cell, COLUMN_TICK_SPACING);
  return (
    <figure className="heatmap">
      <div className="heatmap-scroll">
        {/* The ticks repeat what the canvas's name and readout say, so assistive tech skips them. */}
        <div className="heatmap-axes">
          <span className="heatmap-corner" aria-hidden="true">{rowLabel}</span>
          <span className="heatmap-col-ticks" style={{ width: cols * cell }} aria-hidden="true">
            {colTicks.map((c) => (
              <span key={c} style={{ left: (c + 0.5) * cell }}>{c}</span>
            ))}
          </span>
          <span className="heatmap-row-ticks" style={{ height: rows * cellHeight }} aria-hidden="true">
            {rowTicks.map((r) => (
              <span key={r} style={{ top: (r + 0.5) * cellHeight }}>{r + firstRow}</span>
            ))}
          </span>
          <canvas
            ref={canvas}
            width={cols * cell * ratio}
            height={rows * cellHeight * ratio}
            style={{ width: cols * cell, height: rows * cellHeight }}
            tabIndex={0}
            role="img"
            aria-label={t('heatmapLabel', { name, rows, rowLabel, cols, colLabel, scale: say(scale.description), min: scale.min, max: scale.max })}
            onMouseMove={pick}
            onKeyDown={move}
            onFocus={() => setCursor(at ?? [0, 0])}
          />
        </div>
      </div>
      <figcaption>
        <span className="heatmap-legend" data-scale={scale.kind} data-min={scale.min} data-max={scale.max}>
          <span className="heatmap-legend-name">{t('legendName', { name, scale: say(scale.description) })}</span>
          <span data-value={scale.min}>{legendNumber(scale.min)}</span>
          <span className="heatmap-gradient" style={{ background: scale.gradient }} aria-hidden="true" />
          <span data-value={scale.max}>{legendNumber(scale.max)}</span>
        </span>
        <span className="heatmap-readout" aria-live="polite" data-value={exact ?? undefined}>
          {where ? `${where} = ${formatNumber(exact!)}` : t('heatmapHelp', { name, rowLabel, colLabel })}
        </span>
        {where && <CopyExactButton text={String(exact)} what={t('valueOf', { where })} />}
      </figcaption>
    </figure>
  );
}
