/**
 * The recurrence of one layer and direction over a whole sequence — the only part of a recurrent layer
 * that must go step by step — behind one interface with three implementations: tfjs ops (any backend),
 * JavaScript kernels (the CPU backend) and WGSL kernels (WebGPU). Everything around it (the input
 * projection, the weight gradients) is a few large matrix products shared by all three.
 *
 * Shapes: T steps (in processing order: a reverse direction passes its sequence reversed), B batch,
 * H hidden, G gates (1 RNN; 4 LSTM i, f, g, o; 3 GRU r, z, n, as PyTorch stacks them).
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import { onArrayBackend } from '../runtime/kernelArrays';
import * as tf from '../runtime/tf';
import { lastStateCopy, previousStatesCopy } from './stateKernels';

export interface RecurrenceInputs {
  kind: CellKind;
  /** RNN only; LSTM and GRU use tanh */
  nonlinearity: Nonlinearity;
  /** gx: [T, B, G·H] = x_t·W_ihᵀ + b_ih, plus b_hh of every gate the GRU's reset does not scale */
  gx: tf.Tensor3D;
  /** W_hh: [G·H, H] */
  weightHh: tf.Tensor2D;
  /** b_hn: [H], the GRU's hidden bias of n (scaled by r, so it cannot be folded into gx); else null */
  biasHn: tf.Tensor1D | null;
  /** h0: [B, H] */
  h0: tf.Tensor2D;
  /** c0: [B, H] (LSTM) */
  c0?: tf.Tensor2D;
}

/** The forward pass: states for every step and, when kept for backward, the activated gates. */
export interface RecurrenceOutputs {
  /** h_t: [T, B, H] */
  hs: tf.Tensor3D;
  /** c_t: [T, B, H] (LSTM) */
  cs?: tf.Tensor3D;
  /** activated gates [T, B, G·H]: LSTM σ(i), σ(f), tanh(g), σ(o); GRU σ(r), σ(z), n (LSTM and GRU, kept only) */
  gates?: tf.Tensor3D;
  /** W_hn·h_{t−1} + b_hn: [T, B, H], what the GRU's reset gate scaled (kept only) */
  hn?: tf.Tensor3D;
  /** the implementation's own saved form of all the above, when it has one (WebGPU: one buffer) */
  packed?: tf.Tensor3D;
}

/** Gradients arriving at the recurrence: from every step's output and from the final state. */
export interface RecurrenceUpstream {
  /** ∂L/∂h_t from above: [T, B, H] */
  dHs: tf.Tensor3D;
  /** ∂L/∂h_T from h_n: [B, H] */
  dhN: tf.Tensor2D;
  /** ∂L/∂c_T from c_n: [B, H] (LSTM) */
  dcN?: tf.Tensor2D;
}

/** Backpropagation through time as far as the gate pre-activations and the initial state. */
export interface RecurrenceGradients {
  /** ∂L/∂gx: [T, B, G·H] */
  dGx: tf.Tensor3D;
  /** ∂L/∂(h_{t−1}·W_hhᵀ + b_hh): [T, B, G·H]; the same tensor as dGx except for the GRU */
  dGh: tf.Tensor3D;
  /** ∂L/∂h0: [B, H] */
  dh0: tf.Tensor2D;
  /** ∂L/∂c0: [B, H] (LSTM) */
  dc0?: tf.Tensor2D;
  /**
   * Σ_t dGh_tᵀ·h_{t−1} [G·H, H], Σ dGx [G·H] and Σ dGh [G·H]: the gradients of W_hh and of the two
   * biases, when the implementation computed them alongside (else the caller does).
   */
  weights?: { dWeightHh: tf.Tensor2D; dBiasIh: tf.Tensor1D; dBiasHh: tf.Tensor1D };
}

export interface Recurrence {
  /** Whether this implementation can run these inputs on the active backend. */
  supports(inputs: RecurrenceInputs): boolean;
  /** Runs every step; `keep` also returns what `backward` needs. Differentiable only for tfjs ops. */
  forward(inputs: RecurrenceInputs, keep: boolean): RecurrenceOutputs;
  /** The analytic BPTT of `forward(inputs, true)`. */
  backward(inputs: RecurrenceInputs, outputs: RecurrenceOutputs, upstream: RecurrenceUpstream): RecurrenceGradients;
}

/**
 * [x0, s_0, …, s_{T−2}]: the state before each step, [T, B, H]. One copy on CPU and WASM (not
 * differentiable by autodiff: the analytic backward passes are its only users); elsewhere gathers rather
 * than slices.
 */
export function previousStates(initial: tf.Tensor2D, states: tf.Tensor3D): tf.Tensor3D {
  if (onArrayBackend() && states.dtype === 'float32') return previousStatesCopy(initial, states);
  const T = states.shape[0];
  const first = tf.expandDims(initial, 0) as tf.Tensor3D;
  return T === 1 ? first : tf.concat([first, tf.gather(states, tf.range(0, T - 1, 1, 'int32'))], 0);
}

/** s_{T−1}: the last step's state [B, H] of `states` [T, B, H]. */
export function lastState(states: tf.Tensor3D): tf.Tensor2D {
  if (onArrayBackend() && states.dtype === 'float32') return lastStateCopy(states);
  return tf.gather(states, states.shape[0] - 1) as tf.Tensor as tf.Tensor2D;
}
