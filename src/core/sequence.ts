/**
 * One direction of one layer over a whole sequence: the loop over time and its backpropagation through
 * time. The input projections of all steps are one matrix product before the loop, and the weight gradients
 * one matrix product after it; only the recurrence itself goes step by step.
 */
import { projectInput } from './cells/base';
import type { Cell, CellParams, CellState, GateCache } from './cells/types';
import * as tf from './tf';

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

/** The result of `backwardDirection`; parameter gradients have the parameters' shapes. */
export interface DirectionGradients {
  /** ∂L/∂(layer input): [T·B, I] */
  dInput2d: tf.Tensor2D;
  /** ∂L/∂h0 (and ∂L/∂c0): [B, H] */
  dInitial: CellState;
  dParams: CellParams;
}

/**
 * Backpropagation through time for one direction. `dHs[t]` is ∂L/∂h_t from above (the layer's output) and
 * `dFinal` the gradient of the final state (from h_n, c_n). Gradient from the future is added at each step
 * as it flows back. Call inside `tf.tidy`.
 */
export function backwardDirection(
  cell: Cell,
  p: CellParams,
  cache: DirectionCache,
  dHs: tf.Tensor2D[],
  dFinal: CellState,
): DirectionGradients {
  const T = cache.steps.length;
  const dGx = new Array<tf.Tensor2D>(T);
  const dGh = new Array<tf.Tensor2D>(T);
  let dh = dFinal.h;
  let dc = dFinal.c;
  for (let k = 0; k < T; k++) {
    const t = cache.reverse ? k : T - 1 - k;
    const g = cell.backwardToGates(p, cache.steps[t], { h: tf.add<tf.Tensor2D>(dHs[t], dh), c: dc });
    dGx[t] = g.dGx;
    dGh[t] = g.dGh;
    const viaWeights: tf.Tensor2D = tf.matMul(g.dGh, p.weightHh);
    dh = g.dhDirect ? tf.add<tf.Tensor2D>(g.dhDirect, viaWeights) : viaWeights;
    dc = g.dcPrev;
  }
  const dGx2d = tf.concat(dGx, 0);
  const dGh2d = tf.concat(dGh, 0);
  const hPrev2d = tf.concat(
    cache.steps.map((s) => s.hPrev),
    0,
  );
  return {
    dInput2d: tf.matMul(dGx2d, p.weightIh),
    dInitial: dc ? { h: dh, c: dc } : { h: dh },
    dParams: {
      weightIh: tf.matMul(dGx2d, cache.input2d, true, false),
      weightHh: tf.matMul(dGh2d, hPrev2d, true, false),
      biasIh: p.biasIh ? tf.sum(dGx2d, 0) : null,
      biasHh: p.biasHh ? tf.sum(dGh2d, 0) : null,
    },
  };
}
