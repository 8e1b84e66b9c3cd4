/**
 * One direction of one layer over a whole sequence, step by step through the cells, keeping every step's
 * named intermediates for figures that show them. Training runs the whole-sequence fast path instead
 * (direction.ts), which computes the same numbers.
 */
import { projectInput } from '../cells/base';
import type { Cell, CellParams, CellState, GateCache } from '../cells/types';
import * as tf from '../runtime/tf';

/** What the backward pass of one direction needs from its forward pass. */
export interface DirectionCache {
  /** the layer's input, [T·B, I] (shared by both directions of a layer) */
  input2d: tf.Tensor2D;
  /** step caches indexed by time t (not by processing order) */
  steps: GateCache[];
  /** whether this direction ran from t = T−1 down to 0 */
  reverse: boolean;
}

/** The result of `forwardDirection`. */
export interface DirectionForward {
  /** h_t for each time t, each [B, H] */
  hs: tf.Tensor2D[];
  /** the state after the last processed step */
  final: CellState;
  cache: DirectionCache;
}

/**
 * Runs one direction forward. `input2d` is the layer input [T·B, I] in time-major order; `initial` holds
 * h0 (and c0) [B, H]. Call inside `tf.tidy` (or dispose the cache) to release intermediates.
 */
export function forwardDirection(
  cell: Cell,
  p: CellParams,
  input2d: tf.Tensor2D,
  steps: number,
  initial: CellState,
  reverse: boolean,
): DirectionForward {
  const batch = input2d.shape[0] / steps;
  const projections = tf.unstack(tf.reshape(projectInput(p, input2d), [steps, batch, -1])) as tf.Tensor2D[];
  const caches = new Array<GateCache>(steps);
  const hs = new Array<tf.Tensor2D>(steps);
  let state = initial;
  for (let k = 0; k < steps; k++) {
    const t = reverse ? steps - 1 - k : k;
    const result = cell.forwardFromProjection(p, projections[t], state);
    caches[t] = result.cache;
    hs[t] = result.state.h;
    state = result.state;
  }
  return { hs, final: state, cache: { input2d, steps: caches, reverse } };
}
