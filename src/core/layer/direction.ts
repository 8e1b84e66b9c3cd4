/**
 * One direction of one layer over a whole sequence, built for speed: the input projection of every step
 * is one matrix product (x·W_ihᵀ for all T·B rows, with both biases folded in where they simply add), the
 * recurrence runs in the fastest implementation the backend has (recurrence.ts), and the backward pass
 * turns the per-step gate gradients into weight gradients with one matrix product over all steps.
 * The cells' step-by-step path (`forwardStep`/`backwardStep`) computes the same numbers one step at a time.
 *
 * Shapes: T steps, B batch, I input size, H hidden size, G gates; time-major [T, B, ·] in time order.
 */
import { gateCount, type CellKind, type CellParams, type CellState, type Nonlinearity } from '../cells/types';
import * as tf from '../runtime/tf';
import { jsRecurrence } from '../fast/jsKernels';
import { columnSums } from '../fast/columnSums';
import { matMul, weightGradient } from '../fast/linalg';
import { opsRecurrence } from '../fast/opsRecurrence';
import { sparseRowsProduct, sparseRowsWeightGradient } from '../fast/sparseRows';
import { lastState, previousStates, type Recurrence, type RecurrenceInputs, type RecurrenceOutputs } from '../recurrence/recurrence';
import { wasmRecurrence } from '../fast/wasmKernels';
import { webgpuRecurrence } from '../webgpu/webgpuRecurrence';

/** What `backwardSequence` needs from `forwardSequence`; it owns h0/c0 too. Release with `cacheTensors`. */
export interface SequenceCache {
  recurrence: Recurrence;
  inputs: RecurrenceInputs;
  outputs: RecurrenceOutputs;
  /** the layer input in processing order, [T·B, I] */
  x2d: tf.Tensor2D;
  /** whether x2d is mostly zeros (one-hot characters), for the kernels of sparseRows.ts */
  sparseInput: boolean;
  reverse: boolean;
}

/** Every tensor a cache holds apart from the parameters: what disposing it releases. */
export function cacheTensors(cache: SequenceCache): tf.Tensor[] {
  const { gx, biasHn, h0, c0 } = cache.inputs;
  return [cache.x2d, gx, h0, ...[biasHn, c0].filter((t) => !!t), ...Object.values(cache.outputs)] as tf.Tensor[];
}

/** Implementations tried in order; tfjs ops run anywhere. */
const FUSED: Recurrence[] = [jsRecurrence, wasmRecurrence, webgpuRecurrence];

/** The fastest recurrence that can run `inputs` on the active backend (not differentiable by autodiff). */
export function fastestRecurrence(inputs: RecurrenceInputs): Recurrence {
  return FUSED.find((r) => r.supports(inputs)) ?? opsRecurrence;
}

/** b_ih and every block of b_hh that is simply added: all of it, except the GRU's n block. Each [G·H]. */
function inputBiases(kind: CellKind, p: CellParams, H: number): tf.Tensor1D[] {
  const biases = [p.biasIh, p.biasHh].filter((b): b is tf.Tensor1D => b !== null);
  if (kind !== 'GRU' || !p.biasHh) return biases;
  return [...(p.biasIh ? [p.biasIh] : []), tf.concat([tf.slice(p.biasHh, 0, 2 * H), tf.zeros([H])])];
}

/**
 * How a direction runs: `autodiff` in differentiable tfjs ops only, so `tf.grad` sees through it; `predict`
 * on the backend's fastest kernels, keeping nothing (generation); `train` on the fastest kernels, keeping
 * the cache `backwardSequence` needs.
 */
export type SequenceMode = 'autodiff' | 'predict' | 'train';

export interface SequenceForward {
  /** h_t for every t: [T, B, H] */
  output: tf.Tensor3D;
  /** the state after the last processed step, [B, H] each */
  final: CellState;
  /** present when asked for (training) */
  cache: SequenceCache | null;
}

/** How a direction may run beyond its mode: `sparseInput` (from `hasSparseRows`, outside autodiff), and `recurrence` to override the choice of kernels (tests). */
export interface SequenceOptions {
  sparseInput?: boolean;
  recurrence?: Recurrence;
}

/**
 * Runs one direction. `input` [T, B, I], `initial` h0 (and c0) [B, H]; `mode` as `SequenceMode` says.
 * Call inside `tf.tidy`.
 */
export function forwardSequence(
  kind: CellKind,
  nonlinearity: Nonlinearity,
  p: CellParams,
  input: tf.Tensor3D,
  initial: CellState,
  reverse: boolean,
  mode: SequenceMode,
  { sparseInput = false, recurrence }: SequenceOptions = {},
): SequenceForward {
  const [T, B, I] = input.shape;
  const H = p.weightHh.shape[1];
  const GH = gateCount(kind) * H;
  const x2d = tf.reshape(reverse ? tf.reverse(input, 0) : input, [T * B, I]) as tf.Tensor2D;
  const biases = inputBiases(kind, p, H);
  const projected = sparseInput ? sparseRowsProduct(x2d, p.weightIh, biases) : matMul(x2d, p.weightIh, false, true, biases);
  const gx = tf.reshape(projected, [T, B, GH]) as tf.Tensor3D;
  const biasHn = kind === 'GRU' && p.biasHh ? tf.slice(p.biasHh, 2 * H, H) : null;
  const inputs: RecurrenceInputs = { kind, nonlinearity, gx, weightHh: p.weightHh, biasHn, h0: initial.h, ...(initial.c ? { c0: initial.c } : {}) };
  const training = mode === 'train';
  const chosen = recurrence ?? (mode === 'autodiff' ? opsRecurrence : fastestRecurrence(inputs));
  const outputs = chosen.forward(inputs, training);
  // autodiff must see through the final state; elsewhere one copy (lastState) beats a Gather.
  const last = (t: tf.Tensor3D) => (mode === 'autodiff' ? (tf.gather(t, T - 1) as tf.Tensor as tf.Tensor2D) : lastState(t));
  return {
    // Never the cached tensor itself: the caller disposes the cache and the output separately.
    output: reverse ? tf.reverse(outputs.hs, 0) : training ? tf.clone(outputs.hs) : outputs.hs,
    final: outputs.cs ? { h: last(outputs.hs), c: last(outputs.cs) } : { h: last(outputs.hs) },
    cache: training ? { recurrence: chosen, inputs, outputs, x2d, sparseInput, reverse } : null,
  };
}

/**
 * The gradients of W_hh and the biases from the gate gradients dGx, dGh [T·B, G·H] (dGh null when it is
 * dGx): one product over all steps, dGhᵀ·[h0, h_0, …, h_{T−2}], and column sums.
 */
function hiddenWeightGradients(dGx: tf.Tensor2D, dGh: tf.Tensor2D | null, h0: tf.Tensor2D, hs: tf.Tensor3D) {
  const [T, B] = hs.shape;
  const hPrev = tf.reshape(previousStates(h0, hs), [T * B, h0.shape[1]]) as tf.Tensor2D;
  const dBiasIh = columnSums(dGx);
  // A separate tensor even when equal: callers replace and dispose gradients one by one.
  return { dWeightHh: weightGradient(dGh ?? dGx, hPrev), dBiasIh, dBiasHh: dGh ? columnSums(dGh) : tf.clone(dBiasIh) };
}

/** The result of `backwardSequence`; parameter gradients have the parameters' shapes. */
export interface SequenceGradients {
  /** ∂L/∂input: [T, B, I]; null when not asked for */
  dInput: tf.Tensor3D | null;
  /** ∂L/∂h0 (and ∂L/∂c0): [B, H] */
  dInitial: CellState;
  dParams: CellParams;
}

/**
 * Backpropagation through time for one direction: `dOutput` [T, B, H] is ∂L/∂h_t from above, `dFinal`
 * the gradient of the final state (from h_n, c_n). Without `inputGradient` (an input that is data, such as
 * one-hot characters) ∂L/∂input is not computed. Call inside `tf.tidy`.
 */
export function backwardSequence(p: CellParams, cache: SequenceCache, dOutput: tf.Tensor3D, dFinal: CellState, inputGradient = true): SequenceGradients {
  const { inputs, outputs, x2d, sparseInput, reverse } = cache;
  const [T, B, GH] = inputs.gx.shape;
  const dHs = reverse ? tf.reverse(dOutput, 0) : dOutput;
  const g = cache.recurrence.backward(inputs, outputs, { dHs, dhN: dFinal.h, ...(dFinal.c ? { dcN: dFinal.c } : {}) });
  const dGx2d = tf.reshape(g.dGx, [T * B, GH]) as tf.Tensor2D;
  const dGh2d = g.dGh === g.dGx ? null : (tf.reshape(g.dGh, [T * B, GH]) as tf.Tensor2D);
  const weights = g.weights ?? hiddenWeightGradients(dGx2d, dGh2d, inputs.h0, outputs.hs);
  const dInput = () => {
    const dInput2d = matMul(dGx2d, p.weightIh);
    return tf.reshape(reverse ? tf.reverse(tf.reshape(dInput2d, [T, B, -1]), 0) : dInput2d, [T, B, x2d.shape[1]]) as tf.Tensor3D;
  };
  return {
    dInput: inputGradient ? dInput() : null,
    dInitial: g.dc0 ? { h: g.dh0, c: g.dc0 } : { h: g.dh0 },
    dParams: {
      weightIh: sparseInput ? sparseRowsWeightGradient(dGx2d, x2d) : weightGradient(dGx2d, x2d),
      weightHh: weights.dWeightHh,
      biasIh: p.biasIh ? weights.dBiasIh : null,
      biasHh: p.biasHh ? weights.dBiasHh : null,
    },
  };
}
