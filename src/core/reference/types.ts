/**
 * The reference cells' types: the tfjs cell contract (`../cells/types.ts`) with plain float64 arrays in
 * place of tensors. Shapes are the same: x [B, I], h and c [B, H], weights [G·H, I] and [G·H, H].
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import type { Matrix, Vector } from './linalg';

export interface RefParams {
  weightIh: Matrix;
  weightHh: Matrix;
  biasIh: Vector | null;
  biasHh: Vector | null;
}

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

export interface RefStepCache extends RefGateCache {
  x: Matrix;
}

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
