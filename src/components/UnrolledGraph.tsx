import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useT } from '../i18n/useT';
import { CopyExactButton } from './ExactNumber';
import { formatNumber } from './format';
import { scrollToShow, stepSpan, unrolledLayout, type Direction, type GraphColumn, type GraphWire, type PlacedWire, type Segment } from './unrolledLayout';
import { prefersReducedMotion, useStepMotion } from './useStepMotion';
import { VectorChip, VectorStrip } from './VectorChip';
import './UnrolledGraph.css';

export type { GraphColumn, GraphWire } from './unrolledLayout';

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
  direction: Direction;
  /** colour scale limit: ±limit get the strongest colours */
  limit: number;
  /** the wire the readout shows while nothing is hovered or focused */
  featured?: string;
  /** the equation term lit elsewhere (e.g. "h_prev"): wires standing for it are lit too */
  highlight?: string | null;
  /** pointing at or focusing a wire that stands for a term lights that term; leaving it, null */
  onHighlight?: (term: string | null) => void;
}

type FigureT = TFunction<'figure'>;

const wireHeading = (wire: GraphWire, t: FigureT) => t(wire.cut ? 'wireHeadingCut' : 'wireHeading', { label: wire.label, name: wire.name, size: wire.size });

/** What a screen reader hears when it lands on a wire: name, shape and every value in full precision. */
function describeWire(wire: GraphWire, t: FigureT): string {
  return t('wireDescription', { heading: wireHeading(wire, t), values: wire.values ? wire.values.join(', ') : t('notComputedYet') });
}

const isLit = (wire: GraphWire, term: string | null | undefined) => term != null && (wire.terms?.includes(term) ?? false);

/** The readout under the picture: the wire's values rounded, in columns of one width, and a copy of them exact. */
function WireReadout({ wire }: { wire: GraphWire }) {
  const t = useT('figure');
  return (
    <>
      <span className="readout-heading">{t('readoutHeading', { heading: wireHeading(wire, t) })}</span>{' '}
      {wire.values ? (
        <>
          <span className="readout-values">
            {wire.values.map((v, k) => (
              <span key={k} className="num readout-value" data-value={v}>{formatNumber(v)}</span>
            ))}
          </span>
          <CopyExactButton text={wire.values.join(', ')} what={t('valuesOf', { label: wire.label })} />
        </>
      ) : (
        t('notComputedYet')
      )}
    </>
  );
}

/** Pointer and focus on a wire: show it in the readout and light the term it stands for. */
interface WireEvents {
  onShow: (wire: GraphWire | null) => void;
  /** the wire took the focus (pointer, Tab or ↑ / ↓): ↑ / ↓ go on from it */
  onSelect: (id: string) => void;
}

interface FocusableWireProps extends WireEvents {
  wire: GraphWire;
  tabbable: boolean;
  lit: boolean;
  className: string;
  children: ReactNode;
}

/** A focusable vector: its drawing, the frame for hover and focus, and its full description. */
function FocusableWire({ wire, tabbable, lit, className, onShow, onSelect, children }: FocusableWireProps) {
  const t = useT('figure');
  return (
    <g
      className={`${className}${lit ? ' lit' : ''}`}
      data-wire={wire.id}
      data-term={wire.terms?.join(' ')}
      tabIndex={tabbable ? 0 : -1}
      role="img"
      aria-label={describeWire(wire, t)}
      onMouseEnter={() => onShow(wire)}
      onMouseLeave={() => onShow(null)}
      onFocus={() => {
        onShow(wire);
        onSelect(wire.id);
      }}
      onBlur={() => onShow(null)}
    >
      {children}
    </g>
  );
}

interface ChipProps extends WireEvents {
  placed: PlacedWire;
  limit: number;
  tabbable: boolean;
  lit: boolean;
}

/** A wire between places: chip, label and arrow. Memoised: a step redraws only the wires that changed. */
const PlacedChip = memo(function PlacedChip({ placed, limit, tabbable, lit, onShow, onSelect, markerId }: ChipProps & { markerId: string }) {
  const { wire, chip, label, cutMark } = placed;
  return (
    <g className={lit ? 'lit' : undefined}>
      <WireLine line={placed.line} wire={wire} markerId={markerId} />
      {cutMark && <text className="wire-label" x={cutMark.x} y={cutMark.y} textAnchor="middle">✂</text>}
      <FocusableWire wire={wire} tabbable={tabbable} lit={lit} className="wire" onShow={onShow} onSelect={onSelect}>
        <VectorChip values={wire.values} size={wire.size} x={chip.x} y={chip.y} limit={limit} />
      </FocusableWire>
      <text className="wire-label" x={label.x} y={label.y} textAnchor={label.anchor}>{wire.label}</text>
    </g>
  );
});

function WireLine({ line, wire, markerId }: { line: Segment; wire: GraphWire; markerId: string }) {
  return <line className={`wire-line${wire.values ? '' : ' pending'}${wire.cut ? ' cut' : ''}`} {...line} markerEnd={`url(#${markerId})`} />;
}

/**
 * The unrolled network as SVG: one column per time step t = 1 … T (x_t below the cell, h_t above it, the
 * state flowing from cell to cell, h₀ entering from the left), the active step highlighted, and a readout with the values of
 * the wire under the pointer or the keyboard focus, rounded, with a button that copies them exact (↑ / ↓ move
 * between wires; ← / → stay free for stepping). Drawn at its own size and never shrunk below it: a long
 * sequence scrolls sideways, and the active step scrolls into view as the reader steps.
 */
export function UnrolledGraph({ title, cellLabel, columns, initial, activeStep, direction, limit, featured, highlight, onHighlight }: UnrolledGraphProps) {
  const t = useT('figure');
  const markerId = `arrow-${useId().replace(/:/g, '')}`;
  const svg = useRef<SVGSVGElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const motion = useRef<SVGGElement>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const layout = useMemo(() => unrolledLayout(columns, initial, direction), [columns, initial, direction]);
  const { width, height, order } = layout;
  const focusable = selected && order.some((w) => w.id === selected) ? selected : order[0]?.id;
  const readout = order.find((w) => w.id === (shown ?? featured)) ?? null;
  useStepMotion(motion, layout, activeStep, direction);

  // Stable, so the memoised chips keep still while the reader points around.
  const highlightRef = useRef(onHighlight);
  useEffect(() => {
    highlightRef.current = onHighlight;
  });
  const onShow = useMemo(
    () => (wire: GraphWire | null) => {
      setShown(wire?.id ?? null);
      highlightRef.current?.(wire?.terms?.[0] ?? null);
    },
    [],
  );

  // A long sequence scrolls sideways: keep the active step in view as the reader steps.
  useEffect(() => {
    const box = scroller.current;
    if (!box || activeStep === null || box.scrollWidth <= box.clientWidth) return;
    const scale = (svg.current?.clientWidth ?? width) / width;
    const span = stepSpan(activeStep);
    const left = scrollToShow({ left: span.left * scale, right: span.right * scale }, box.scrollLeft, box.clientWidth);
    if (left !== box.scrollLeft) box.scrollTo({ left, behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
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

  const chip = (placed: PlacedWire) => (
    <PlacedChip key={placed.wire.id} placed={placed} limit={limit} tabbable={placed.wire.id === focusable} lit={isLit(placed.wire, highlight)} onShow={onShow} onSelect={setSelected} markerId={markerId} />
  );

  return (
    <figure className="unrolled">
      <div className="unrolled-scroll" ref={scroller}>
        <svg
          ref={svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={t('graphLabel', { title })}
          onKeyDown={move}
        >
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
            </marker>
          </defs>
          {layout.initial.map(chip)}
          {layout.columns.map((column) => {
            const active = column.index === activeStep;
            const { cell, highlight: tint } = column;
            return (
              <g key={column.index} className={`step${active ? ' active' : ''}`} data-step={column.index}>
                {active && <rect className="step-highlight" {...tint} rx={8} />}
                {chip(column.top)}
                {chip(column.bottom)}
                <rect className="cell" {...cell} rx={6} />
                <text className="wire-label" x={column.cellLabel.x} y={column.cellLabel.y} textAnchor="middle">{cellLabel}</text>
                {column.inner.map(({ wire, frame, label, strip }) => (
                  <FocusableWire key={wire.id} wire={wire} tabbable={wire.id === focusable} lit={isLit(wire, highlight)} className="wire inner" onShow={onShow} onSelect={setSelected}>
                    <rect className="chip-frame" {...frame} rx={2} />
                    <text className="wire-label" x={label.x} y={label.y}>{wire.label}</text>
                    <VectorStrip values={wire.values} size={wire.size} x={strip.x} y={strip.y} width={strip.width} limit={limit} gate={wire.gate} />
                  </FocusableWire>
                ))}
                {column.links.map(chip)}
                {/* Steps count from 1, as in the chapters and PyTorch's docs: column t is step t + 1. */}
                <text className="wire-label" x={column.stepLabel.x} y={column.stepLabel.y} textAnchor="middle">{`t = ${column.index + 1}`}</text>
              </g>
            );
          })}
          <g ref={motion} className="motion" aria-hidden="true" />
        </svg>
      </div>
      <figcaption className="unrolled-readout" aria-live="polite">
        {readout ? <WireReadout wire={readout} /> : t('graphHelp')}
      </figcaption>
    </figure>
  );
}
