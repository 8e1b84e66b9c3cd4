/**
 * A sequence's arithmetic on the WASM heap in the engine's own SIMD: the `SequenceMath` of jsSequence.ts
 * for the WASM backend once both SIMD modules are compiled. The products with W_hh go to the relaxed-SIMD
 * gemm (wasmGemm.ts), W_hh packed once for the whole sequence; the step math to runtime/simd/steps.c.
 * Every array it is handed must be on the heap, and so is its work space: one scratch tensor, allocated
 * before any view is taken.
 */
import type { CellKind } from '../cells/types';
import type { GemmExports, SimdKernels } from '../runtime/simdKernels';
import type * as tf from '../runtime/tf';
import { columnSumsOfArray } from './columnSums';
import { jsSequenceMath, type SequenceMath, type Sizes } from './jsSequence';
import { BACKWARD_STEP, FORWARD_STEP, type BackwardStep, type ForwardStep } from './stepMath';
import { operand, packedProduct, productScratch } from './wasmGemm';

/**
 * One forward step's element-wise math in runtime/simd/steps.c; false (nothing done) when an array is not
 * on the heap, or the LSTM's or GRU's `gates` is missing: steps.c activates the gates into memory first.
 */
export function simdForward(simd: SimdKernels, kind: CellKind, { B, H, tanh, a, gx, hPrev, cPrev, biasHn, h, c, gates, hn }: ForwardStep): boolean {
  if (kind === 'RNN') return simd.call('rnn_forward', [B, H, tanh ? 1 : 0], [a, gx, h]);
  if (!gates) return false;
  return kind === 'LSTM' ? simd.call('lstm_forward', [B, H], [a, gx, cPrev, h, c, gates]) : simd.call('gru_forward', [B, H], [a, gx, hPrev, biasHn, h, gates, hn]);
}

/** One backward step's element-wise math in runtime/simd/steps.c; false (nothing done) when an array is not on the heap. */
export function simdBackward(simd: SimdKernels, kind: CellKind, { B, H, tanh, h, hPrev, gates, c, cPrev, hn, dOut, dh, dc, dGx, dGh, direct }: BackwardStep): boolean {
  if (kind === 'RNN') return simd.call('rnn_backward', [B, H, tanh ? 1 : 0], [h, dOut, dh, dGx]);
  if (kind === 'LSTM') return simd.call('lstm_backward', [B, H], [gates, c, cPrev, dOut, dh, dc, dGx]);
  return simd.call('gru_backward', [B, H], [gates, hn, hPrev, dOut, dh, dGx, dGh, direct]);
}

/** One forward step in SIMD where it can run (`simd` given, every array on the heap, gates in memory), else in JavaScript: the same numbers. */
export function forwardStep(simd: SimdKernels | null, kind: CellKind, step: ForwardStep): void {
  if (!simd || !simdForward(simd, kind, step)) FORWARD_STEP[kind](step);
}

/** One backward step in SIMD where it can run, else in JavaScript: the same numbers. */
export function backwardStep(simd: SimdKernels | null, kind: CellKind, step: BackwardStep): void {
  if (!simd || !simdBackward(simd, kind, step)) BACKWARD_STEP[kind](step);
}

/** Work arrays start on a 16-byte boundary. */
const ALIGN = 4;
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Floats of heap scratch that `simdSequenceMath` hands out over one forward or backward pass of these sizes. */
function sequenceScratch(gemm: GemmExports, { T, B, H }: Sizes, GH: number): number {
  const forward = aligned(productScratch(gemm, H, GH)) + 2 * aligned(B * GH);
  const backward = aligned(productScratch(gemm, GH, H)) + 2 * aligned(B * H) + aligned(productScratch(gemm, T * B, H));
  return Math.max(forward, backward);
}

/** The SIMD arithmetic over `scratch` (a heap array of `sequenceScratch` floats). */
function simdSequenceMath(simd: SimdKernels, scratch: Float32Array): SequenceMath {
  let used = 0;
  const work = (n: number) => {
    const at = used;
    used += aligned(n);
    if (used > scratch.length) throw new Error('the sequence ran out of SIMD work space');
    return scratch.subarray(at, at + n);
  };
  const gemm = simd.gemm as GemmExports;
  return {
    weightProduct(w, K, N, transposed) {
      const product = packedProduct(simd, operand(w, K, N, transposed), K, N, work(productScratch(gemm, K, N)));
      return (x, M, y, accumulate) => product(operand(x, M, K, false), M, y, accumulate);
    },
    forwardStep: (kind, step) => forwardStep(simd, kind, step),
    backwardStep: (kind, step) => backwardStep(simd, kind, step),
    weightGradient(dGh, h0, hs, { T, B, H }, GH, dW) {
      // dGh_0ᵀ·h0, then Σ_{t≥1} dGh_tᵀ·h_{t−1} as one product over the later steps, accumulated.
      const space = work(productScratch(gemm, T * B, H));
      packedProduct(simd, operand(h0, B, H, false), B, H, space)(operand(dGh, GH, B, true), GH, dW, false);
      const later = (T - 1) * B;
      if (later) packedProduct(simd, operand(hs, later, H, false), later, H, space)(operand(dGh.subarray(B * GH), GH, later, true), GH, dW, true);
    },
    columnSums(m, rows, cols, sums) {
      if (!simd.call('column_sums', [rows, cols], [m, sums])) columnSumsOfArray(m, rows, cols, sums.fill(0));
    },
    work,
  };
}

/**
 * `compute` with the SIMD arithmetic where the products' module runs (`simd.gemm`), its work space
 * allocated first (take every other view inside `compute`), or with the JavaScript's elsewhere.
 */
export function withSequenceMath<T>(simd: SimdKernels | null, view: (info: tf.TensorInfo) => Float32Array, sizes: Sizes, GH: number, compute: (math: SequenceMath) => T): T {
  if (!simd?.gemm) return compute(jsSequenceMath);
  return simd.withScratch(sequenceScratch(simd.gemm, sizes, GH), (scratch) => compute(simdSequenceMath(simd, view(scratch))));
}
