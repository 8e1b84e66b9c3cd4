import { memo } from 'react';
import { divergingColor, sequentialColor } from './colorScale';

/** Up to this many entries a vector is drawn as numbers; beyond it as a grid of coloured squares. */
export const CHIP_TEXT_LIMIT = 4;
const ROW = 13;
const TEXT_WIDTH = 48;
const SQUARES_PER_COLUMN = 16;

/** Two decimals always (never an exponent, which would not fit); the full value is in the wire's name. */
const twoDecimals = (v: number) => (Number.isFinite(v) ? v.toFixed(2).replace(/^-/, '−') : String(v));

/** The box a vector of `size` entries takes on screen, in SVG pixels. */
export function chipSize(size: number): { width: number; height: number } {
  if (size <= CHIP_TEXT_LIMIT) return { width: TEXT_WIDTH, height: Math.max(1, size) * ROW };
  const square = size <= SQUARES_PER_COLUMN ? 6 : 4;
  return { width: Math.ceil(size / SQUARES_PER_COLUMN) * square, height: Math.min(size, SQUARES_PER_COLUMN) * square };
}

export interface VectorChipProps {
  /** null: not computed yet (a dashed placeholder of the same size) */
  values: number[] | null;
  size: number;
  /** centre x and top y */
  x: number;
  y: number;
  /** values at ±limit get the strongest colours */
  limit: number;
}

/**
 * A column vector drawn in SVG: each entry as a colour swatch and its value to two decimals, or, for long
 * vectors, as a grid of swatches read top to bottom, column by column. Memoised: a stepper redraws only
 * the vectors that changed.
 */
export const VectorChip = memo(function VectorChip({ values, size, x, y, limit }: VectorChipProps) {
  const { width, height } = chipSize(size);
  const left = x - width / 2;
  const frame = <rect className="chip-frame" x={left - 3} y={y - 3} width={width + 6} height={height + 6} rx={3} />;
  if (!values) {
    return (
      <g className="chip chip-pending">
        {frame}
        <text x={x} y={y + height / 2 + 4} textAnchor="middle">?</text>
      </g>
    );
  }
  if (size <= CHIP_TEXT_LIMIT) {
    return (
      <g className="chip">
        {frame}
        {values.map((v, k) => (
          <g key={k}>
            <rect x={left} y={y + k * ROW + 2} width={9} height={9} fill={divergingColor(v, limit)} className="chip-swatch" />
            <text x={left + width} y={y + k * ROW + 10} textAnchor="end">{twoDecimals(v)}</text>
          </g>
        ))}
      </g>
    );
  }
  const square = size <= SQUARES_PER_COLUMN ? 6 : 4;
  return (
    <g className="chip">
      {frame}
      {values.map((v, k) => (
        <rect
          key={k}
          x={left + Math.floor(k / SQUARES_PER_COLUMN) * square}
          y={y + (k % SQUARES_PER_COLUMN) * square}
          width={square}
          height={square}
          fill={divergingColor(v, limit)}
        />
      ))}
    </g>
  );
});

export interface VectorStripProps {
  values: number[] | null;
  size: number;
  /** left x, top y, total width available */
  x: number;
  y: number;
  width: number;
  limit: number;
  /** a sigmoid gate, drawn on the 0…1 scale */
  gate?: boolean;
}

/** A vector as one row of colour swatches (a gate inside a cell), squeezed into `width`. */
export const VectorStrip = memo(function VectorStrip({ values, size, x, y, width, limit, gate }: VectorStripProps) {
  const cell = Math.min(10, width / size);
  if (!values) return <rect className="strip-pending" x={x} y={y} width={cell * size} height={9} />;
  return (
    <g>
      {values.map((v, k) => (
        <rect key={k} x={x + k * cell} y={y} width={cell} height={9} fill={gate ? sequentialColor(v) : divergingColor(v, limit)} />
      ))}
    </g>
  );
});
