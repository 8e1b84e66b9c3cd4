/**
 * The contract every recurrent cell keeps. Shapes use `B` for batch, `I` for input size, `H` for hidden size
 * and `G` for the number of gates (1 for RNN, 4 for LSTM, 3 for GRU); parameters follow PyTorch's layout.
 */
import type * as tf from '../runtime/tf';

/** Which of PyTorch's recurrent modules a cell follows. */
export type CellKind = 'RNN' | 'LSTM' | 'GRU';
/** Every kind, in the order the book introduces them. */
export const CELL_KINDS: readonly CellKind[] = ['RNN', 'LSTM', 'GRU'];
const GATES: Record<CellKind, number> = { RNN: 1, LSTM: 4, GRU: 3 };

/** Gate blocks stacked in a kind's weights: 1 (RNN), 4 (LSTM), 3 (GRU). */
export function gateCount(kind: CellKind): number {
  return GATES[kind];
}

/** The RNN's activation φ. */
export type Nonlinearity = 'tanh' | 'relu';

/** One direction of one layer's parameters, exactly as PyTorch stores them. */
export interface CellParams {
  /** weight_ih: [G·H, I], gates stacked in PyTorch order */
  weightIh: tf.Tensor2D;
  /** weight_hh: [G·H, H] */
  weightHh: tf.Tensor2D;
  /** bias_ih: [G·H], or null for `bias=False` */
  biasIh: tf.Tensor1D | null;
  /** bias_hh: [G·H], or null for `bias=False` */
  biasHh: tf.Tensor1D | null;
}

/** The recurrent state between steps; `c` is the LSTM's cell state and absent otherwise. */
export interface CellState {
  /** h: [B, H] */
  h: tf.Tensor2D;
  /** c: [B, H] (LSTM only) */
  c?: tf.Tensor2D;
}

/**
 * Everything one step computed, kept so a reader can inspect it and the backward step can reuse it.
 * `values` holds the named intermediates, each [B, ·]:
 * - RNN: `a` pre-activation [B, H], `h`.
 * - LSTM: `a` pre-activations of all gates [B, 4H] (order i, f, g, o), gates `i`, `f`, `o` (sigmoid),
 *   candidate `g` (tanh), cell state `c`, `tanhC` = tanh(c), `h`.
 * - GRU: `gx` = x·W_ihᵀ + b_ih [B, 3H], `gh` = h·W_hhᵀ + b_hh [B, 3H] (order r, z, n), gates `r`, `z`,
 *   `hn` = W_hn·h + b_hn (the part the reset gate scales), candidate `n`, `h`.
 */
export interface GateCache {
  /** hPrev: [B, H] */
  hPrev: tf.Tensor2D;
  /** cPrev: [B, H] (LSTM only) */
  cPrev?: tf.Tensor2D;
  values: Record<string, tf.Tensor2D>;
}

/** A step's cache including the input it consumed. */
export interface StepCache extends GateCache {
  /** x: [B, I] */
  x: tf.Tensor2D;
}

/** The result of a forward step: the new state (`state.h` is also `cache.values.h`) and the cache. */
export interface StepResult {
  state: CellState;
  cache: StepCache;
}

/** The analytic backward of one step. */
export interface StepGradients {
  /** ∂L/∂x_t: [B, I] */
  dx: tf.Tensor2D;
  /** ∂L/∂h_{t−1} [B, H] and, for an LSTM, ∂L/∂c_{t−1} [B, H] */
  dStatePrev: CellState;
  /** this step's contribution to each parameter's gradient, same shapes as the parameters */
  dParams: CellParams;
}

/**
 * The gradients of one step with respect to the gate pre-activations, split by where the pre-activation
 * came from. Gradients of the input side (`dGx`) and the hidden side (`dGh`) differ only for the GRU, whose
 * reset gate scales the hidden side of the candidate. Sequence code stacks these over time so that weight
 * gradients become one matrix product per sequence instead of one per step.
 */
export interface GateGradients {
  /** ∂L/∂(x·W_ihᵀ + b_ih): [B, G·H] */
  dGx: tf.Tensor2D;
  /** ∂L/∂(h_{t−1}·W_hhᵀ + b_hh): [B, G·H] */
  dGh: tf.Tensor2D;
  /** the part of ∂L/∂h_{t−1} that bypasses W_hh (the GRU's z ⊙ ∂L/∂h_t), or null */
  dhDirect: tf.Tensor2D | null;
  /** ∂L/∂c_{t−1}: [B, H] (LSTM only) */
  dcPrev?: tf.Tensor2D;
}

/** A recurrent cell: one time step forward and its hand-written backward. */
export interface Cell {
  readonly kind: CellKind;
  /** 'tanh' or 'relu' for RNN; always 'tanh' for LSTM and GRU */
  readonly nonlinearity: Nonlinearity;
  readonly gateCount: number;
  /** PyTorch's order of the gate blocks inside the stacked weights: ['h'], ['i','f','g','o'], ['r','z','n'] */
  readonly gateNames: readonly string[];
  /**
   * One step from the input projection `gx` = x·W_ihᵀ + b_ih [B, G·H], which a layer computes for all
   * time steps in one matrix product. Returns the new state and every intermediate.
   */
  forwardFromProjection(p: CellParams, gx: tf.Tensor2D, s: CellState): { state: CellState; cache: GateCache };
  /** Backward of `forwardFromProjection` as far as the gate pre-activations. `d.c` defaults to zero. */
  backwardToGates(p: CellParams, cache: GateCache, d: CellState): GateGradients;
  /** One step: x [B, I] and state → new state and the cache of every intermediate. */
  forwardStep(p: CellParams, x: tf.Tensor2D, s: CellState): StepResult;
  /**
   * The analytic backward of one step: from ∂L/∂h_t (and ∂L/∂c_t) to ∂L/∂x_t, ∂L/∂h_{t−1} (∂L/∂c_{t−1})
   * and this step's share of every parameter gradient.
   */
  backwardStep(p: CellParams, cache: StepCache, d: CellState): StepGradients;
}
