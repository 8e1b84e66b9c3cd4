/**
 * The reference cells' types: the tfjs cell contract (`../cells/types.ts`) with plain float64 arrays in
 * place of tensors. Shapes are the same: x [B, I], h and c [B, H], weights [G·H, I] and [G·H, H].
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import type { Matrix, Vector } from './linalg';

/** weight_ih [G·H][I], weight_hh [G·H][H], biases [G·H] or null. */
export interface RefParams {
  weightIh: Matrix;
  weightHh: Matrix;
  biasIh: Vector | null;
  biasHh: Vector | null;
}

/** h [B][H] and, for an LSTM, c [B][H]. */
export interface RefState {
  h: Matrix;
  c?: Matrix;
}

/** Named intermediates under the same keys as the tfjs cells' `values`. */
export interface RefGateCache {
  hPrev: Matrix;
  cPrev?: Matrix;
  values: Record<string, Matrix>;
}

/** A step's intermediates plus the input x [B][I]. */
export interface RefStepCache extends RefGateCache {
  x: Matrix;
}

/** Gradients of the gate pre-activations, as in `GateGradients`. */
export interface RefGateGradients {
  dGx: Matrix;
  dGh: Matrix;
  dhDirect: Matrix | null;
  dcPrev?: Matrix;
}

/** The gate math of one cell kind, between the two projections. */
export interface RefGateMath {
  kind: CellKind;
  nonlinearity: Nonlinearity;
  gateNames: readonly string[];
  /** gx = x·W_ihᵀ + b_ih, gh = h_{t−1}·W_hhᵀ + b_hh, both [B, G·H] */
  forwardFromProjections(gx: Matrix, gh: Matrix, s: RefState): { state: RefState; cache: RefGateCache };
  backwardToGates(cache: RefGateCache, d: RefState): RefGateGradients;
}

/** A float64 cell with the same forwardStep/backwardStep as the tfjs cells. */
export interface RefCell {
  readonly kind: CellKind;
  readonly nonlinearity: Nonlinearity;
  readonly gateNames: readonly string[];
  forwardStep(p: RefParams, x: Matrix, s: RefState): { state: RefState; cache: RefStepCache };
  backwardStep(
    p: RefParams,
    cache: RefStepCache,
    d: RefState,
  ): { dx: Matrix; dStatePrev: RefState; dParams: RefParams };
}
