import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CopyExactButton } from './ExactNumber';
import { formatNumber } from './format';
import { chipSize, VectorChip, VectorStrip } from './VectorChip';
import './UnrolledGraph.css';

/** One tensor on one wire of the unrolled picture (a vector: the steppers run batch 1). */
export interface GraphWire {
  /** unique within the graph */
  id: string;
  /** short label drawn beside the wire, e.g. "h₁" */
  label: string;
  /** the tensor's full name for the readout, e.g. "h_1 (hidden state after step 1)" */
  name: string;
  /** null until computed */
  values: number[] | null;
  /** the vector's length, known before its values are */
  size: number;
  /** truncated BPTT stops the gradient on this wire */
  cut?: boolean;
  /** a sigmoid gate: coloured on the 0…1 scale rather than the diverging one */
  gate?: boolean;
}

/** One time step: the cell and the wires around it. */
export interface GraphColumn {
  /** the wire above the cell: h_t leaving (forward) or ∂L/∂h_t from the output arriving (backward) */
  top: GraphWire;
  /** the wire below the cell: x_t arriving (forward) or ∂L/∂x_t leaving (backward) */
  bottom: GraphWire;
  /** values drawn inside the cell, one row each (gates, pre-activations) */
  inner: GraphWire[];
  /** the state wires between this cell and the next (h_t, c_t), one per row */
  links: GraphWire[];
}

export interface UnrolledGraphProps {
  /** accessible name of the whole picture */
  title: string;
  /** drawn in each cell, e.g. "LSTM" */
  cellLabel: string;
  columns: GraphColumn[];
  /** the state wires entering the first cell from the left (h₀, c₀), one per link row */
  initial: GraphWire[];
  /** the engine's 0-based index of the highlighted column (printed as t = activeStep + 1), or null */
  activeStep: number | null;
  /** forward: values flow up and right; backward: gradients flow down and left */
  direction: 'forward' | 'backward';
  /** colour scale limit: ±limit get the strongest colours */
  limit: number;
  /** the wire the readout shows while nothing is hovered or focused */
  featured?: string;
}

const LEFT = 60;
const CELL_W = 92;
const COL_W = 164;
const GAP = COL_W - CELL_W;
const WIRE = 22;
const ROW_H = 14;
const sizeName = (wire: GraphWire) => `shape [${wire.size}]`;

const wireHeading = (wire: GraphWire) => `${wire.label}: ${wire.name}, ${sizeName(wire)}${wire.cut ? ', cut by truncation' : ''}`;

/** What a screen reader hears when it lands on a wire: name, shape and every value in full precision. */
export function describeWire(wire: GraphWire): string {
  return `${wireHeading(wire)}: ${wire.values ? wire.values.join(', ') : 'not computed yet'}`;
}

/** The readout under the picture: the wire's values rounded, in columns of one width, and a copy of them exact. */
function WireReadout({ wire }: { wire: GraphWire }) {
  return (
    <>
      <span className="readout-heading">{wireHeading(wire)}:</span>{' '}
      {wire.values ? (
        <>
          <span className="readout-values">
            {wire.values.map((v, k) => (
              <span key={k} className="num readout-value" data-value={v}>{formatNumber(v)}</span>
            ))}
          </span>
          <CopyExactButton text={wire.values.join(', ')} what={`values of ${wire.label}`} />
        </>
      ) : (
        'not computed yet'
      )}
    </>
  );
}

interface WireProps {
  wire: GraphWire;
  x: number;
  y: number;
  limit: number;
  tabbable: boolean;
  onShow: (id: string | null) => void;
}

/** A focusable vector: the chip, its frame for hover and focus, and its full description. */
const WireChip = memo(function WireChip({ wire, x, y, limit, tabbable, onShow }: WireProps) {
  return (
    <g
      className="wire"
      data-wire={wire.id}
      tabIndex={tabbable ? 0 : -1}
      role="img"
      aria-label={describeWire(wire)}
      onMouseEnter={() => onShow(wire.id)}
      onMouseLeave={() => onShow(null)}
      onFocus={() => onShow(wire.id)}
    >
      <VectorChip values={wire.values} size={wire.size} x={x} y={y} limit={limit} />
    </g>
  );
});

/**
 * The unrolled network as SVG: one column per time step t = 1 … T (x_t below the cell, h_t above it, the
 * state flowing from cell to cell, h₀ entering from the left), the active step highlighted, and a readout with the values of
 * the wire under the pointer or the keyboard focus, rounded, with a button that copies them exact (↑ / ↓ move
 * between wires; ← / → stay free for stepping).
 */
export function UnrolledGraph({ title, cellLabel, columns, initial, activeStep, direction, limit, featured }: UnrolledGraphProps) {
  const markerId = `arrow-${useId().replace(/:/g, '')}`;
  const svg = useRef<SVGSVGElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const backward = direction === 'backward';

  const first = columns[0];
  const linkSize = Math.max(1, ...initial.map((w) => w.size));
  const vertical = first ? Math.max(chipSize(first.top.size).height, 13) : 13;
  const below = first ? Math.max(chipSize(first.bottom.size).height, 13) : 13;
  const linkChip = chipSize(linkSize).height;
  const rows = initial.length;
  const innerCount = first?.inner.length ?? 0;
  const cellH = Math.max(24 + innerCount * ROW_H, rows * (linkChip + 22) + 8);
  const cellTop = 6 + vertical + WIRE;
  const cellBottom = cellTop + cellH;
  const bottomChipY = cellBottom + WIRE;
  const height = bottomChipY + below + 26;
  const width = LEFT + columns.length * COL_W;
  const linkY = (k: number) => cellTop + 4 + k * (linkChip + 22) + linkChip + 6;

  const order: GraphWire[] = [...initial, ...columns.flatMap((c) => [c.bottom, ...c.inner, c.top, ...c.links])];
  const focusable = selected && order.some((w) => w.id === selected) ? selected : order[0]?.id;
  const readout = order.find((w) => w.id === (shown ?? featured)) ?? null;

  // On a narrow screen the picture scrolls sideways: keep the active step in view as the reader steps.
  useEffect(() => {
    const box = scroller.current;
    if (!box || activeStep === null || box.scrollWidth <= box.clientWidth) return;
    const scale = (svg.current?.clientWidth ?? width) / width;
    // The first step brings the initial state wires on the left into view with it.
    const left = activeStep === 0 ? 0 : (LEFT + activeStep * COL_W - 12) * scale;
    const right = (LEFT + activeStep * COL_W + COL_W) * scale;
    if (left < box.scrollLeft) box.scrollLeft = left;
    else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth;
  }, [activeStep, width]);

  const move = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (!(event.key in steps)) return;
    event.preventDefault();
    const at = order.findIndex((w) => w.id === focusable);
    const next = order[Math.max(0, Math.min(order.length - 1, at + steps[event.key]))];
    setSelected(next.id);
    svg.current?.querySelector<SVGGElement>(`[data-wire="${next.id}"]`)?.focus();
  };

  const line = (x1: number, y1: number, x2: number, y2: number, wire: GraphWire, key: string) => (
    <line
      key={key}
      className={`wire-line${wire.values ? '' : ' pending'}${wire.cut ? ' cut' : ''}`}
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      markerEnd={`url(#${markerId})`}
    />
  );
  const chip = (wire: GraphWire, x: number, y: number) => (
    <WireChip key={wire.id} wire={wire} x={x} y={y} limit={limit} tabbable={wire.id === focusable} onShow={setShown} />
  );
  const label = (text: string, x: number, y: number, anchor: 'start' | 'middle' = 'start', key?: string) => (
    <text key={key} className="wire-label" x={x} y={y} textAnchor={anchor}>{text}</text>
  );

  return (
    <figure className="unrolled">
      <div className="unrolled-scroll" ref={scroller}>
        <svg
          ref={svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          // Shrinks a little to fit a narrow column, then scrolls rather than become unreadable.
          style={{ width: '100%', maxWidth: width, minWidth: Math.round(width * 0.8), height: 'auto' }}
          role="group"
          aria-label={`${title}. Use the up and down arrow keys to read the wires.`}
          onKeyDown={move}
        >
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
            </marker>
          </defs>
          {initial.map((wire, k) => {
            const y = linkY(k);
            return (
              <g key={wire.id}>
                {backward ? line(LEFT, y, 6, y, wire, 'l') : line(6, y, LEFT, y, wire, 'l')}
                {chip(wire, LEFT / 2, y - linkChip - 6)}
                {label(wire.label, LEFT / 2, y + 13, 'middle')}
              </g>
            );
          })}
          {columns.map((column, t) => {
            const x = LEFT + t * COL_W;
            const cx = x + CELL_W / 2;
            const active = t === activeStep;
            const topChipY = 6 + vertical - chipSize(column.top.size).height;
            return (
              <g key={t} className={`step${active ? ' active' : ''}`}>
                {active && <rect className="step-highlight" x={x - 8} y={2} width={CELL_W + 16} height={height - 4} rx={8} />}
                {backward ? line(cx, cellTop - WIRE + 4, cx, cellTop, column.top, 'top') : line(cx, cellTop, cx, cellTop - WIRE + 4, column.top, 'top')}
                {chip(column.top, cx, topChipY)}
                {label(column.top.label, cx + 6, cellTop - 11)}
                {backward
                  ? line(cx, cellBottom, cx, bottomChipY - 4, column.bottom, 'bottom')
                  : line(cx, bottomChipY - 4, cx, cellBottom, column.bottom, 'bottom')}
                {chip(column.bottom, cx, bottomChipY)}
                {label(column.bottom.label, cx + 6, cellBottom + 15)}
                <rect className="cell" x={x} y={cellTop} width={CELL_W} height={cellH} rx={6} />
                {label(cellLabel, cx, cellTop + 14, 'middle')}
                {column.inner.map((wire, k) => {
                  const y = cellTop + 22 + k * ROW_H;
                  return (
                    <g
                      key={wire.id}
                      className="wire inner"
                      data-wire={wire.id}
                      tabIndex={wire.id === focusable ? 0 : -1}
                      role="img"
                      aria-label={describeWire(wire)}
                      onMouseEnter={() => setShown(wire.id)}
                      onMouseLeave={() => setShown(null)}
                      onFocus={() => setShown(wire.id)}
                    >
                      <rect className="chip-frame" x={x + 3} y={y - 2} width={CELL_W - 6} height={ROW_H - 1} rx={2} />
                      {label(wire.label, x + 7, y + 8)}
                      <VectorStrip values={wire.values} size={wire.size} x={x + 24} y={y} width={CELL_W - 30} limit={limit} gate={wire.gate} />
                    </g>
                  );
                })}
                {column.links.map((wire, k) => {
                  const y = linkY(k);
                  const x2 = x + COL_W;
                  return (
                    <g key={wire.id}>
                      {backward ? line(x2, y, x + CELL_W, y, wire, 'l') : line(x + CELL_W, y, x2, y, wire, 'l')}
                      {wire.cut && label('✂', x + CELL_W + GAP / 2, y + 4, 'middle', 'cut')}
                      {chip(wire, x + CELL_W + GAP / 2, y - linkChip - 6)}
                      {label(wire.label, x + CELL_W + GAP / 2, y + 13, 'middle')}
                    </g>
                  );
                })}
                {/* Steps count from 1, as in the chapters and PyTorch's docs: column t is step t + 1. */}
                {label(`t = ${t + 1}`, cx, height - 6, 'middle')}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="unrolled-readout" aria-live="polite">
        {readout ? <WireReadout wire={readout} /> : 'Point at a wire, or focus the picture and press ↑ / ↓, to read its values.'}
      </figcaption>
    </figure>
  );
}
