/**
 * Where everything of the unrolled picture goes, in SVG pixels: pure arithmetic on the columns' sizes, so
 * the picture, its motion and its scrolling agree on one set of positions and can be tested without a DOM.
 */
import { chipSize } from './VectorChip';

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
  /**
   * The equation terms this wire stands for at the active step (e.g. "h_prev", "W_hh"): pointing at one
   * lights the other. The first is the one the wire lights when pointed at.
   */
  terms?: string[];
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

export type Direction = 'forward' | 'backward';

export interface Point {
  x: number;
  y: number;
}
/** A line drawn from (x1, y1) to (x2, y2): the way its values flow, so the arrow head sits at (x2, y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A wire between two places: its line, its chip (centre x, top y) and its label. */
export interface PlacedWire {
  wire: GraphWire;
  line: Segment;
  chip: Point;
  label: Point & { anchor: 'start' | 'middle' };
  /** where the scissors go on a wire cut by truncation */
  cutMark?: Point;
}

/** A row inside a cell: its frame, label and colour strip. */
export interface PlacedInner {
  wire: GraphWire;
  frame: Box;
  label: Point;
  strip: Point & { width: number };
}

export interface PlacedColumn {
  /** the engine's 0-based index; printed as t = index + 1 */
  index: number;
  cell: Box;
  cellLabel: Point;
  /** the tint behind the active step */
  highlight: Box;
  top: PlacedWire;
  bottom: PlacedWire;
  inner: PlacedInner[];
  links: PlacedWire[];
  stepLabel: Point;
}

export interface UnrolledLayout {
  width: number;
  height: number;
  initial: PlacedWire[];
  columns: PlacedColumn[];
  /** every wire in reading order (↑ / ↓ walk it): initial state, then per step input, inside, output, state */
  order: GraphWire[];
}

const LEFT = 60;
const CELL_W = 92;
const COL_W = 164;
const GAP = COL_W - CELL_W;
const WIRE = 22;
const ROW_H = 14;
/** chips never shorter than one line of text, so a one-entry vector still has room for its label */
const MIN_CHIP = 13;

/** A line in the direction values flow: forward as given, backward reversed. */
const flowing = (direction: Direction, from: Point, to: Point): Segment =>
  direction === 'forward' ? { x1: from.x, y1: from.y, x2: to.x, y2: to.y } : { x1: to.x, y1: to.y, x2: from.x, y2: from.y };

/**
 * Positions for `UnrolledGraph`: one column per time step (x_t below the cell, h_t above it, the state
 * wires between cells, the initial state entering from the left). Every column has the sizes of the first.
 */
export function unrolledLayout(columns: GraphColumn[], initial: GraphWire[], direction: Direction): UnrolledLayout {
  const first = columns[0];
  const linkSize = Math.max(1, ...initial.map((w) => w.size));
  const above = first ? Math.max(chipSize(first.top.size).height, MIN_CHIP) : MIN_CHIP;
  const below = first ? Math.max(chipSize(first.bottom.size).height, MIN_CHIP) : MIN_CHIP;
  const linkChip = chipSize(linkSize).height;
  const innerCount = first?.inner.length ?? 0;
  const cellH = Math.max(24 + innerCount * ROW_H, initial.length * (linkChip + 22) + 8);
  const cellTop = 6 + above + WIRE;
  const cellBottom = cellTop + cellH;
  const bottomChipY = cellBottom + WIRE;
  const height = bottomChipY + below + 26;
  const width = LEFT + columns.length * COL_W;
  const linkY = (k: number) => cellTop + 4 + k * (linkChip + 22) + linkChip + 6;
  // A state wire runs left to right between two cells, its chip above the line and its label below.
  const stateWire = (wire: GraphWire, fromX: number, toX: number, middle: number, k: number): PlacedWire => {
    const y = linkY(k);
    return {
      wire,
      line: flowing(direction, { x: fromX, y }, { x: toX, y }),
      chip: { x: middle, y: y - linkChip - 6 },
      label: { x: middle, y: y + 13, anchor: 'middle' },
      ...(wire.cut ? { cutMark: { x: middle, y: y + 4 } } : {}),
    };
  };

  const placedInitial = initial.map((wire, k) => stateWire(wire, 6, LEFT, LEFT / 2, k));
  const placedColumns = columns.map((column, t): PlacedColumn => {
    const x = LEFT + t * COL_W;
    const cx = x + CELL_W / 2;
    return {
      index: t,
      cell: { x, y: cellTop, width: CELL_W, height: cellH },
      cellLabel: { x: cx, y: cellTop + 14 },
      highlight: { x: x - 8, y: 2, width: CELL_W + 16, height: height - 4 },
      // Forward, h_t leaves upward and x_t arrives from below; backward, both run the other way.
      top: {
        wire: column.top,
        line: flowing(direction, { x: cx, y: cellTop }, { x: cx, y: cellTop - WIRE + 4 }),
        chip: { x: cx, y: 6 + above - chipSize(column.top.size).height },
        label: { x: cx + 6, y: cellTop - 11, anchor: 'start' },
      },
      bottom: {
        wire: column.bottom,
        line: flowing(direction, { x: cx, y: bottomChipY - 4 }, { x: cx, y: cellBottom }),
        chip: { x: cx, y: bottomChipY },
        label: { x: cx + 6, y: cellBottom + 15, anchor: 'start' },
      },
      inner: column.inner.map((wire, k) => {
        const y = cellTop + 22 + k * ROW_H;
        return { wire, frame: { x: x + 3, y: y - 2, width: CELL_W - 6, height: ROW_H - 1 }, label: { x: x + 7, y: y + 8 }, strip: { x: x + 24, y, width: CELL_W - 30 } };
      }),
      links: column.links.map((wire, k) => stateWire(wire, x + CELL_W, x + COL_W, x + CELL_W + GAP / 2, k)),
      stepLabel: { x: cx, y: height - 6 },
    };
  });
  const order: GraphWire[] = [...initial, ...columns.flatMap((c) => [c.bottom, ...c.inner, c.top, ...c.links])];
  return { width, height, initial: placedInitial, columns: placedColumns, order };
}

/**
 * The horizontal span, in SVG pixels, that shows step `index` with the wires on both sides of it; the first
 * step brings the initial state on the left into view with it.
 */
export function stepSpan(index: number): { left: number; right: number } {
  return { left: index === 0 ? 0 : LEFT + index * COL_W - 12, right: LEFT + index * COL_W + COL_W };
}

/**
 * The scroll position that keeps `span` (in screen pixels) inside a viewport `[scrollLeft, scrollLeft + width]`,
 * moving as little as possible: unchanged when it is already in view.
 */
export function scrollToShow(span: { left: number; right: number }, scrollLeft: number, width: number): number {
  if (span.left < scrollLeft) return span.left;
  if (span.right > scrollLeft + width) return Math.min(span.left, span.right - width);
  return scrollLeft;
}
