/**
 * What all three cells share: the two affine projections and the step-level forward/backward built on a
 * cell's gate math. Each cell only writes the part between the projections and its new state.
 */
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import type {
  Cell,
  CellKind,
  CellParams,
  CellState,
  GateCache,
  GateGradients,
  Nonlinearity,
  StepGradients,
  StepResult,
} from './types';

/** x·W_ihᵀ + b_ih — x: [B, I] → [B, G·H]. */
export function projectInput(p: CellParams, x: tf.Tensor2D): tf.Tensor2D {
  const xw: tf.Tensor2D = tf.matMul(x, p.weightIh, false, true);
  return p.biasIh ? tf.add<tf.Tensor2D>(xw, p.biasIh) : xw;
}

/** h·W_hhᵀ + b_hh — h: [B, H] → [B, G·H]. */
export function projectHidden(p: CellParams, h: tf.Tensor2D): tf.Tensor2D {
  const hw: tf.Tensor2D = tf.matMul(h, p.weightHh, false, true);
  return p.biasHh ? tf.add<tf.Tensor2D>(hw, p.biasHh) : hw;
}

/** The cell-specific part: gate math between the projections and the new state. */
export interface GateMath {
  kind: CellKind;
  nonlinearity: Nonlinearity;
  gateNames: readonly string[];
  forwardFromProjection(p: CellParams, gx: tf.Tensor2D, s: CellState): { state: CellState; cache: GateCache };
  backwardToGates(p: CellParams, cache: GateCache, d: CellState): GateGradients;
}

/**
 * Completes a cell from its gate math. The backward step is the chain rule through the two projections:
 * ∂L/∂x = dGx·W_ih, ∂L/∂h_{t−1} = dGh·W_hh (+ any direct path), ∂L/∂W_ih = dGxᵀ·x, ∂L/∂W_hh = dGhᵀ·h_{t−1},
 * and each bias gradient is its pre-activation gradient summed over the batch.
 */
export function makeCell(math: GateMath): Cell {
  const forwardStep = (p: CellParams, x: tf.Tensor2D, s: CellState): StepResult =>
    tidyResult(() => {
      const { state, cache } = math.forwardFromProjection(p, projectInput(p, x), s);
      return { state, cache: { ...cache, x } };
    });

  const backwardStep = (p: CellParams, cache: GateCache & { x: tf.Tensor2D }, d: CellState): StepGradients =>
    tidyResult(() => {
      const g = math.backwardToGates(p, cache, d);
      const viaWeights: tf.Tensor2D = tf.matMul(g.dGh, p.weightHh);
      const dh = g.dhDirect ? tf.add<tf.Tensor2D>(g.dhDirect, viaWeights) : viaWeights;
      return {
        dx: tf.matMul(g.dGx, p.weightIh),
        dStatePrev: g.dcPrev ? { h: dh, c: g.dcPrev } : { h: dh },
        dParams: {
          weightIh: tf.matMul(g.dGx, cache.x, true, false),
          weightHh: tf.matMul(g.dGh, cache.hPrev, true, false),
          biasIh: p.biasIh ? tf.sum(g.dGx, 0) : null,
          biasHh: p.biasHh ? tf.sum(g.dGh, 0) : null,
        },
      };
    });

  return { ...math, gateCount: math.gateNames.length, forwardStep, backwardStep };
}
