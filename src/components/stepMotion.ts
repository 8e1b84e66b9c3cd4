/**
 * The motion of one step, as a plan: which wires carry a travelling dot and which rows inside the cell
 * light up, when, and for how long. Pure, so the order it teaches can be tested without a browser.
 *
 * Forward (the cell stepper): x_t and the state h_{t−1} (and c_{t−1}) travel into the cell together, the
 * rows inside light up in the order the cell computes them, then h_t leaves upward and to the right.
 * Backward (BPTT): the gradient from the output (above) and from step t + 1 (the right) arrive together,
 * ∂L/∂h_t is their sum, the rows inside light up, and the gradient splits: ∂L/∂x_t leaves downward and
 * ∂L/∂h_{t−1} to the left, stopping at the scissors where truncation cuts it.
 */
import type { Box, Direction, PlacedWire, Point, UnrolledLayout } from './unrolledLayout';

/** About a third of a second in all: long enough to follow, short enough never to hold a reader up. */
export const MOTION_MS = 300;
const TRAVEL_MS = 110;
const ARRIVE_MS = TRAVEL_MS;
const LEAVE_MS = MOTION_MS - TRAVEL_MS;
const GLOW_MS = 90;

export interface Pulse {
  kind: 'pulse';
  wireId: string;
  from: Point;
  to: Point;
  delay: number;
  duration: number;
  /** stopped by truncation: the dot fades out where the wire is cut */
  stopped?: boolean;
}

export interface Glow {
  kind: 'glow';
  wireId: string;
  box: Box;
  delay: number;
  duration: number;
}

export type MotionPart = Pulse | Glow;

const pulse = (placed: PlacedWire, delay: number): Pulse => {
  const { x1, y1, x2, y2 } = placed.line;
  const stopped = placed.wire.cut === true && placed.cutMark !== undefined;
  return {
    kind: 'pulse',
    wireId: placed.wire.id,
    from: { x: x1, y: y1 },
    // A cut wire carries the gradient only as far as the scissors.
    to: stopped ? { x: placed.cutMark!.x, y: y2 } : { x: x2, y: y2 },
    delay,
    duration: TRAVEL_MS,
    ...(stopped ? { stopped } : {}),
  };
};

/** Whether moving from step `previous` to step `next` goes the way the values flow (worth animating). */
export function movesWithFlow(previous: number | null, next: number | null, direction: Direction): boolean {
  if (next === null) return false;
  if (previous === null) return true;
  return direction === 'forward' ? next > previous : next < previous;
}

/** The parts of the motion for arriving at step `index`, in start order. */
export function stepMotion(layout: UnrolledLayout, index: number, direction: Direction): MotionPart[] {
  const column = layout.columns[index];
  if (!column) return [];
  // The state wires on the cell's left: the initial state before step 1, else the previous step's links.
  const leftWires = index === 0 ? layout.initial : layout.columns[index - 1].links;
  const rightWires = column.links;
  const arriving = direction === 'forward' ? [column.bottom, ...leftWires] : [column.top, ...rightWires];
  const leaving = direction === 'forward' ? [column.top, ...rightWires] : [column.bottom, ...leftWires];
  // The rows light one after another between the arrival and the departure.
  const rows = column.inner.length;
  const firstGlow = ARRIVE_MS - 20;
  const spacing = (LEAVE_MS - firstGlow) / Math.max(rows, 1);
  const glows: Glow[] = column.inner.map((row, k) => ({ kind: 'glow', wireId: row.wire.id, box: row.frame, delay: firstGlow + k * spacing, duration: GLOW_MS }));
  return [...arriving.map((w) => pulse(w, 0)), ...glows, ...leaving.map((w) => pulse(w, LEAVE_MS))];
}
