/**
 * Records one unrolled sequence for the stepper: the forward pass with every intermediate, then BPTT one
 * time step at a time with the analytic `backwardStep`, keeping each step's gradients and the running sums.
 * Everything is read back to plain numbers in one go and every tensor is released before it returns.
 */
import type { Cell, CellParams, CellState, StepCache } from '../cells/types';
import { readTree } from '../runtime/readback';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';

/** A parameter or gradient as numbers: a matrix [rows, cols] or a vector. */
export type ParamValues = number[][] | number[];

/** What the sequence is scored with. `y_t` is the output layer's output, or h_t when there is none. */
export type UnrollLoss =
  /** L = Σ_t −log softmax(y_t)[target_t]; needs an output layer; `targets`: [T] class indices */
  | { kind: 'crossEntropy'; targets: number[] }
  /** L = Σ_t ⟨y_t, g_t⟩, i.e. ∂L/∂y_t = g_t is given; `grads`: [T][size of y] */
  | { kind: 'gradient'; grads: number[][] };

/** The forward pass at one time step t (vectors are [size]: the recorder runs one sequence, batch 1). */
export interface ForwardStepRecord {
  t: number;
  x: number[];
  hPrev: number[];
  cPrev?: number[];
  /** the cell's intermediates under the keys of `StepCache.values` ('a', 'i', 'f', 'g', 'o', 'c', 'r', …) */
  values: Record<string, number[]>;
  /** output layer y_t = h_t·Wᵀ + b: [outputSize] */
  y?: number[];
  /** softmax(y_t) under a cross-entropy loss */
  probs?: number[];
  /** this step's share of the loss */
  loss?: number;
}

/** BPTT at one time step t. */
export interface BackwardStepRecord {
  t: number;
  /** ∂L/∂h_t arriving from this step's output */
  dhFromOutput: number[];
  /** ∂L/∂h_t arriving from step t+1 (zeros at the last step and across a truncation cut) */
  dhFromFuture: number[];
  /** their sum: the total ∂L/∂h_t */
  dh: number[];
  /** ∂L/∂c_t arriving from step t+1 (LSTM) */
  dcFromFuture?: number[];
  dx: number[];
  dhPrev: number[];
  dcPrev?: number[];
  /** truncated BPTT stops dhPrev (and dcPrev) here: they do not reach step t−1 */
  cut: boolean;
  /** ‖∂L/∂h_t‖ */
  dhNorm: number;
  /** this step's contribution to each parameter's gradient */
  contributions: Record<string, ParamValues>;
  /** the gradients summed over the steps processed so far, this one included */
  accumulated: Record<string, ParamValues>;
}

/** The recording's inputs, validated by the caller. */
export interface RecordSpec {
  cell: Cell;
  params: CellParams;
  /** PyTorch names of `params`' four entries */
  names: Record<keyof CellParams, string>;
  /** [T][inputSize] */
  inputs: number[][];
  h0: number[];
  c0?: number[];
  /** nn.Linear(hidden, outputSize): weight [outputSize][hidden], bias [outputSize] or null */
  output: { weight: number[][]; bias: number[] | null } | null;
  loss: UnrollLoss | null;
  /** cut the backward flow of the state every `truncation` steps (null: full BPTT) */
  truncation: number | null;
}

/** Names of the output layer's gradients and values, as `nn.Linear`'s state_dict calls them. */
export const OUTPUT_WEIGHT = 'linear.weight';
export const OUTPUT_BIAS = 'linear.bias';

const row = (v: number[]) => tf.tensor2d([v]);
const vec = (t: tf.Tensor) => tf.reshape(t, [-1]) as tf.Tensor1D;

/** Runs the whole recording; resolves to plain numbers only. */
export async function recordUnroll(spec: RecordSpec): Promise<{ forward: ForwardStepRecord[]; backward: BackwardStepRecord[] }> {
  const tensors = tidyResult(() => computeRecording(spec));
  try {
    const numbers = await readTree(tensors);
    const backward = numbers.backward as unknown as BackwardStepRecord[];
    for (const b of backward) b.dhNorm = Math.hypot(...b.dh);
    return { forward: numbers.forward as unknown as ForwardStepRecord[], backward };
  } finally {
    tf.dispose(tensors as unknown as tf.TensorContainer);
  }
}

function computeRecording({ cell, params, names, inputs, h0, c0, output, loss, truncation }: RecordSpec) {
  const W = output ? tf.tensor2d(output.weight) : null;
  const b = output?.bias ? tf.tensor1d(output.bias) : null;
  const caches: StepCache[] = [];
  const dys: tf.Tensor2D[] = [];
  let state: CellState = c0 ? { h: row(h0), c: row(c0) } : { h: row(h0) };
  const forward = inputs.map((x, t) => {
    const { state: next, cache } = cell.forwardStep(params, row(x), state);
    caches.push(cache);
    const y: tf.Tensor2D = W ? (b ? tf.add(tf.matMul(next.h, W, false, true), b) : tf.matMul(next.h, W, false, true)) : next.h;
    const record: Record<string, unknown> = {
      t,
      x: vec(cache.x),
      hPrev: vec(state.h),
      ...(state.c ? { cPrev: vec(state.c) } : {}),
      values: Object.fromEntries(Object.entries(cache.values).map(([k, v]) => [k, vec(v)])),
      ...(W ? { y: vec(y) } : {}),
    };
    if (loss?.kind === 'crossEntropy') {
      const logProbs = tf.logSoftmax(y);
      const target = row(Array.from({ length: y.shape[1] }, (_, k) => (k === loss.targets[t] ? 1 : 0)));
      const probs = tf.exp(logProbs);
      record.probs = vec(probs);
      record.loss = tf.neg(tf.sum(tf.mul(logProbs, target)));
      dys.push(tf.sub(probs, target));
    } else if (loss?.kind === 'gradient') {
      const g = row(loss.grads[t]);
      record.loss = tf.sum(tf.mul(y, g));
      dys.push(g);
    }
    state = next;
    return record;
  });
  return { forward, backward: loss ? backpropagate(cell, params, names, caches, dys, W, truncation) : [] };
}

/** BPTT from t = T−1 down to 0, recording each step. */
function backpropagate(
  cell: Cell,
  params: CellParams,
  names: RecordSpec['names'],
  caches: StepCache[],
  dys: tf.Tensor2D[],
  W: tf.Tensor2D | null,
  truncation: number | null,
) {
  const T = caches.length;
  const zeros = tf.zerosLike(caches[0].hPrev);
  let dhFuture: tf.Tensor2D = zeros;
  let dcFuture = caches[0].cPrev ? zeros : undefined;
  let accumulated: Record<string, tf.Tensor> | null = null;
  const records = new Array<Record<string, unknown>>(T);
  for (let t = T - 1; t >= 0; t--) {
    const dhFromOutput: tf.Tensor2D = W ? tf.matMul(dys[t], W) : dys[t];
    const dh = tf.add<tf.Tensor2D>(dhFromOutput, dhFuture);
    const g = cell.backwardStep(params, caches[t], dcFuture ? { h: dh, c: dcFuture } : { h: dh });
    const contributions: Record<string, tf.Tensor> = {};
    for (const [role, grad] of Object.entries(g.dParams)) {
      if (grad) contributions[names[role as keyof CellParams]] = grad;
    }
    if (W) {
      contributions[OUTPUT_WEIGHT] = tf.matMul(dys[t], caches[t].values.h, true, false);
      contributions[OUTPUT_BIAS] = vec(dys[t]);
    }
    const previous: Record<string, tf.Tensor> | null = accumulated;
    accumulated = previous ? Object.fromEntries(Object.entries(contributions).map(([k, v]) => [k, tf.add(previous[k], v)])) : contributions;
    const cut = truncation !== null && t > 0 && t % truncation === 0;
    records[t] = {
      t,
      dhFromOutput: vec(dhFromOutput),
      dhFromFuture: vec(dhFuture),
      dh: vec(dh),
      ...(dcFuture ? { dcFromFuture: vec(dcFuture) } : {}),
      dx: vec(g.dx),
      dhPrev: vec(g.dStatePrev.h),
      ...(g.dStatePrev.c ? { dcPrev: vec(g.dStatePrev.c) } : {}),
      cut,
      contributions,
      accumulated,
    };
    // A cut is a detached state: the gradient from the future stops and the earlier chunk starts afresh.
    dhFuture = cut ? zeros : g.dStatePrev.h;
    dcFuture = dcFuture && (cut ? zeros : g.dStatePrev.c);
  }
  return records;
}
