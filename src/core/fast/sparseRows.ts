/**
 * The two products with a recurrent layer's input, for an input whose rows are mostly zeros: one-hot
 * characters, what every character-level model in the book reads. On the CPU and WASM backends each is
 * one kernel that visits only the nonzero entries, about one per row, where a dense product multiplies
 * every zero (x·W_ihᵀ for 1,120 one-hot rows of 28: 32 M multiply-adds for 1.1 M that count): JavaScript,
 * or on WASM the same arithmetic in WebAssembly SIMD (simdKernels.ts).
 *
 * Shapes: x [M, K] mostly zero, W [N, K], biases [N], dy [M, N].
 */
import * as tf from '../runtime/tf';
import { arrays, registerArrayKernel, valuesOnArrayBackend, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';

const PRODUCT = 'UnrolledSparseRowsProduct';
const WEIGHT_GRADIENT = 'UnrolledSparseRowsWeightGradient';

/**
 * At most this share of nonzero entries makes an input sparse: one-hot rows of 4 characters or more. (A
 * dense input as sparse as this but wide would be faster on XNNPACK; the book's inputs are one-hot or
 * embedded, nothing between.)
 */
const MAX_DENSITY = 1 / 4;

/** y = x·Wᵀ + Σ biases: each row of y is the biases plus x[m, k]·W[:, k] for the nonzero x[m, k]. */
function productKernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, shape, allocate, view, simd } = arrays(args, backend);
  const [M, K] = shape('x');
  const N = shape('weight')[0];
  const out = allocate([M, N]);
  // simd/updates.c takes W's columns and the biases' sum in a scratch of K·N + N floats.
  const scratchInputs = (scratch: tf.TensorInfo) => [read('x'), read('weight'), read('bias0'), read('bias1'), view(scratch), view(out)];
  if (simd?.withScratch(K * N + N, (scratch) => simd.call('sparse_rows_product', [M, K, N], scratchInputs(scratch)))) return out;
  const [x, weight, y] = [read('x') as Float32Array, read('weight') as Float32Array, view(out)];
  const biases = ['bias0', 'bias1'].map((name) => read(name)).filter((b): b is Float32Array => b !== null);
  // Rounded as the dense kernels round: the biases summed in float32, then each row's products in
  // float64 onto them, stored once. For one-hot rows the result is the dense kernels' to the bit.
  const biasSum = new Float32Array(N);
  for (const bias of biases) for (let n = 0; n < N; n++) biasSum[n] += bias[n];
  // W's columns as contiguous rows.
  const columns = new Float32Array(K * N);
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) columns[k * N + n] = weight[n * K + k];
  const dot = new Float64Array(N);
  const nonzero = new Int32Array(K);
  for (let m = 0; m < M; m++) {
    let count = 0;
    for (let k = 0; k < K; k++) if (x[m * K + k] !== 0) nonzero[count++] = k;
    const row = m * N;
    if (count === 1) {
      // One-hot: a scaled column of W, with no sum to keep.
      const value = x[m * K + nonzero[0]];
      const at = nonzero[0] * N;
      for (let n = 0; n < N; n++) y[row + n] = biasSum[n] + value * columns[at + n];
      continue;
    }
    dot.fill(0);
    for (let j = 0; j < count; j++) {
      const value = x[m * K + nonzero[j]];
      const at = nonzero[j] * N;
      for (let n = 0; n < N; n++) dot[n] += value * columns[at + n];
    }
    for (let n = 0; n < N; n++) y[row + n] = biasSum[n] + dot[n];
  }
  return out;
}

/** ∂L/∂W = dyᵀ·x: column k of ∂L/∂W sums x[m, k]·dy[m, :] over the rows m where x[m, k] is nonzero. */
function weightGradientKernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, shape, allocate, view, simd } = arrays(args, backend);
  const [M, K] = shape('x');
  const N = shape('dy')[1];
  const out = allocate([N, K]);
  // simd/updates.c sums in a scratch of K·N doubles.
  if (simd?.withScratch(2 * K * N, (scratch) => simd.call('sparse_rows_weight_gradient', [M, K, N], [read('x'), read('dy'), view(scratch), view(out)]))) return out;
  const [x, dy, dWeight] = [read('x') as Float32Array, read('dy') as Float32Array, view(out)];
  // Accumulated as [K, N], each row contiguous, in float64 and in the order of m, as the dense kernels
  // sum (the zeros they add change nothing); written transposed.
  const sums = new Float64Array(K * N);
  for (let m = 0; m < M; m++) {
    for (let k = 0; k < K; k++) {
      const value = x[m * K + k];
      if (value === 0) continue;
      for (let n = 0, at = k * N, from = m * N; n < N; n++) sums[at + n] += value * dy[from + n];
    }
  }
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) dWeight[n * K + k] = sums[k * N + n];
  return out;
}

registerArrayKernel(PRODUCT, productKernel);
registerArrayKernel(WEIGHT_GRADIENT, weightGradientKernel);

/**
 * Whether `x` [M, K] is sparse enough for the kernels here: on the CPU and WASM backends, with at most one
 * entry in four nonzero (a one-hot row of 28 has one in 28). It counts them: call it once per input, not
 * per product.
 */
export function hasSparseRows(x: tf.Tensor2D): boolean {
  const values = x.dtype === 'float32' ? valuesOnArrayBackend(x) : null;
  if (!values) return false;
  let nonzero = 0;
  for (let e = 0; e < values.length; e++) if (values[e] !== 0) nonzero++;
  return nonzero <= values.length * MAX_DENSITY;
}

/** x·Wᵀ + Σ biases for a sparse x [M, K] and W [N, K]: [M, N]. Not differentiable by autodiff. */
export function sparseRowsProduct(x: tf.Tensor2D, weight: tf.Tensor2D, biases: readonly tf.Tensor1D[] = []): tf.Tensor2D {
  const named = Object.fromEntries(biases.map((bias, k) => [`bias${k}`, bias]));
  return tf.engine().runKernel(PRODUCT, { x, weight, ...named }, {}) as tf.Tensor2D;
}

/** dyᵀ·x for dy [M, N] and a sparse x [M, K]: the gradient [N, K] of W in y = x·Wᵀ. */
export function sparseRowsWeightGradient(dy: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D {
  return tf.engine().runKernel(WEIGHT_GRADIENT, { dy, x }, {}) as tf.Tensor2D;
}
