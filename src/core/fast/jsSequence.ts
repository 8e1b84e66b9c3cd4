/**
 * A whole sequence's recurrence on Float32Arrays, forward and back: per step one product with W_hh and the
 * cells' element-wise math, by a `SequenceMath`: JavaScript (gemm.ts, stepMath.ts) on the CPU backend, SIMD
 * on the WASM heap (simdSequence.ts). This is what the fused kernels run (jsKernels.ts). Arrays are
 * row-major with the shapes of `RecurrenceInputs`/`RecurrenceOutputs`.
 */
import { gateCount, type CellKind, type Nonlinearity } from '../cells/types';
import { columnSumsOfArray } from './columnSums';
import { gemmABt, matMulArrays, transposed as transposedArray } from './gemm';
import { BACKWARD_STEP, FORWARD_STEP, type BackwardStep, type ForwardStep } from './stepMath';

export interface Sizes {
  T: number;
  B: number;
  H: number;
}

/** hs, cs [T, B, H]; gates [T, B, G·H]; hn [T, B, H]: absent where the kind or `keep` has none. */
export interface ForwardArrays {
  hs: Float32Array;
  cs?: Float32Array;
  gates?: Float32Array;
  hn?: Float32Array;
}

/** dGx, dGh [T, B, G·H] (the same array unless GRU); dh0, dc0 [B, H] (dc0: LSTM); dWeightHh [G·H, H]; dBiasIh, dBiasHh [G·H]. */
export interface BackwardArrays {
  dGx: Float32Array;
  dGh: Float32Array;
  dh0: Float32Array;
  dc0?: Float32Array;
  dWeightHh: Float32Array;
  dBiasIh: Float32Array;
  dBiasHh: Float32Array;
}

/** Step t's block of a [T, B, width] array. */
const block = (a: Float32Array, t: number, width: number) => a.subarray(t * width, (t + 1) * width);

/** y [M, N] (+)= x [M, K]·op(W), op(W) fixed when the product was prepared. */
export type WeightProduct = (x: Float32Array, M: number, y: Float32Array, accumulate: boolean) => void;

/**
 * How a sequence's arithmetic is done: in JavaScript on plain arrays (`jsSequenceMath`), or on the WASM
 * heap in SIMD (simdSequence.ts). The loops below are the same for both.
 */
export interface SequenceMath {
  /** The product by op(W) [K, N], prepared once for every step: op(W) = Wᵀ of W [N, K] when `transposed`, else W [K, N]. */
  weightProduct(w: Float32Array, K: number, N: number, transposed: boolean): WeightProduct;
  forwardStep(kind: CellKind, step: ForwardStep): void;
  backwardStep(kind: CellKind, step: BackwardStep): void;
  /** dW [G·H, H] = dGhᵀ·[h0, h_0, …, h_{T−2}], from dGh [T, B, G·H], h0 [B, H] and hs [T, B, H]. */
  weightGradient(dGh: Float32Array, h0: Float32Array, hs: Float32Array, sizes: Sizes, GH: number, dW: Float32Array): void;
  /** sums [cols] = the column sums of m [rows, cols]. */
  columnSums(m: Float32Array, rows: number, cols: number, sums: Float32Array): void;
  /** Work space of n floats, its values undefined. */
  work(n: number): Float32Array;
}

/** The JavaScript kernels: gemm.ts's products, stepMath.ts's steps. */
export const jsSequenceMath: SequenceMath = {
  weightProduct(w, K, N, transposed) {
    // gemmABt wants W as [N, K].
    const rows = transposed ? w : transposedArray(w, K, N);
    return (x, M, y, accumulate) => gemmABt(x, rows, y, M, N, K, accumulate);
  },
  forwardStep: (kind, step) => FORWARD_STEP[kind](step),
  backwardStep: (kind, step) => BACKWARD_STEP[kind](step),
  weightGradient(dGh, h0, hs, { T, B, H }, GH, dW) {
    const hPrev = new Float32Array(T * B * H);
    hPrev.set(h0);
    hPrev.set(hs.subarray(0, (T - 1) * B * H), B * H);
    dW.set(matMulArrays(dGh, hPrev, [T * B, GH], [T * B, H], true, false));
  },
  columnSums: (m, rows, cols, sums) => columnSumsOfArray(m, rows, cols, sums.fill(0)),
  work: (n) => new Float32Array(n),
};

/** The forward recurrence's inputs: `gx` [T, B, G·H], `w` = W_hh [G·H, H], `h0`/`c0` [B, H], `biasHn` [H]. */
export interface ForwardInputs {
  gx: Float32Array;
  w: Float32Array;
  biasHn: Float32Array | null;
  h0: Float32Array;
  c0: Float32Array | null;
}

/** The forward recurrence into `out`, whose arrays the caller allocated (hs, and cs, gates, hn as kind and `keep` want). */
export function forwardArrays(kind: CellKind, nonlinearity: Nonlinearity, { T, B, H }: Sizes, { gx, w, biasHn, h0, c0 }: ForwardInputs, out: ForwardArrays, math: SequenceMath): void {
  const GH = gateCount(kind) * H;
  const [BH, BGH] = [B * H, B * GH];
  const { hs, cs, gates, hn } = out;
  const hidden = math.weightProduct(w, H, GH, true);
  const a = math.work(BGH);
  // Gates not kept are still activated into memory, one step at a time.
  const stepGates = gates || kind === 'RNN' ? null : math.work(BGH);
  for (let t = 0; t < T; t++) {
    const hPrev = t ? block(hs, t - 1, BH) : h0;
    hidden(hPrev, B, a, false);
    math.forwardStep(kind, {
      B,
      H,
      tanh: nonlinearity === 'tanh',
      a,
      gx: block(gx, t, BGH),
      hPrev,
      cPrev: cs ? (t ? block(cs, t - 1, BH) : c0) : null,
      biasHn,
      h: block(hs, t, BH),
      c: cs ? block(cs, t, BH) : null,
      gates: gates ? block(gates, t, BGH) : stepGates,
      hn: hn ? block(hn, t, BH) : null,
    });
  }
}

/** What reaches the backward recurrence: ∂L/∂h_t of every step (`dHs` [T, B, H]) and of the final state (`dhN`, `dcN` [B, H]). */
export interface BackwardUpstream {
  dHs: Float32Array;
  dhN: Float32Array;
  dcN: Float32Array | null;
}

/**
 * BPTT of `forwardArrays(…, keep = true)` into `grads`, whose arrays the caller allocated: to the gate
 * pre-activations, the initial state, and the gradients of W_hh and the biases.
 */
export function backwardArrays(
  kind: CellKind,
  nonlinearity: Nonlinearity,
  sizes: Sizes,
  { w, h0, c0 }: Pick<ForwardInputs, 'w' | 'h0' | 'c0'>,
  fwd: ForwardArrays,
  { dHs, dhN, dcN }: BackwardUpstream,
  grads: BackwardArrays,
  math: SequenceMath,
): void {
  const { T, B, H } = sizes;
  const GH = gateCount(kind) * H;
  const [BH, BGH] = [B * H, B * GH];
  const none = new Float32Array(0);
  const [cs, gates, hn] = [fwd.cs ?? none, fwd.gates ?? none, fwd.hn ?? none];
  const { dGx, dGh, dh0 } = grads;
  // ∂L/∂h_{t−1} = dGh·W_hh.
  const viaWeights = math.weightProduct(w, GH, H, false);
  // The step updates ∂L/∂c in place, from ∂L/∂c_T.
  const dc = grads.dc0 ?? none;
  if (grads.dc0) dc.set(dcN ?? new Float32Array(BH));
  let [dh, next] = [math.work(BH), math.work(BH)];
  dh.set(dhN);
  for (let t = T - 1; t >= 0; t--) {
    math.backwardStep(kind, {
      B,
      H,
      tanh: nonlinearity === 'tanh',
      h: block(fwd.hs, t, BH),
      hPrev: t ? block(fwd.hs, t - 1, BH) : h0,
      gates: block(gates, t, BGH),
      c: block(cs, t, BH),
      cPrev: t ? block(cs, t - 1, BH) : (c0 ?? none),
      hn: block(hn, t, BH),
      dOut: block(dHs, t, BH),
      dh,
      dc,
      dGx: block(dGx, t, BGH),
      dGh: block(dGh, t, BGH),
      direct: next,
    });
    // next = the direct path (GRU) + dGh_t·W_hh; the RNN and LSTM reach h_{t−1} only through W_hh.
    viaWeights(block(dGh, t, BGH), B, next, kind === 'GRU');
    [dh, next] = [next, dh];
  }
  dh0.set(dh);
  // The weight gradient of W_hh is one product over all steps.
  math.weightGradient(dGh, h0, fwd.hs, sizes, GH, grads.dWeightHh);
  math.columnSums(dGx, T * B, GH, grads.dBiasIh);
  if (dGh === dGx) grads.dBiasHh.set(grads.dBiasIh);
  else math.columnSums(dGh, T * B, GH, grads.dBiasHh);
}
