/**
 * Matrix products and transposes in the form each backend does fastest. tfjs-cpu's matMul is a scalar
 * triple loop and its transpose indexes every element, so the CPU backend gets the kernels of gemm.ts. On
 * WASM the engine's relaxed-SIMD products (wasmGemm.ts) take every product, in any layout, where they
 * compile; elsewhere small products go to gemm.ts and the rest to XNNPACK, which only takes the
 * untransposed A·B (any other layout falls into a loop ten times slower), so transposes there become
 * explicit ops. All stay differentiable.
 */
import * as tf from '../runtime/tf';
import { jsMatMul, jsTranspose, MATMUL, TRANSPOSE, WASM_FEW_ROWS, WASM_JS_PRODUCT_LIMIT } from './jsKernels';
import { activeBackend } from '../runtime/activeBackend';
import { hasSimdProducts } from '../runtime/kernelArrays';

/** op(a)·op(b) + Σ biases for 2-D float32 tensors, as tf.matMul and tf.add; at most two biases [N]. */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA = false, transposeB = false, biases: readonly tf.Tensor1D[] = []): tf.Tensor2D {
  const backend = activeBackend();
  const [M, K] = transposeA ? [a.shape[1], a.shape[0]] : a.shape;
  const N = transposeB ? b.shape[0] : b.shape[1];
  const fewRowsTimesTransposed = !transposeA && transposeB && M <= WASM_FEW_ROWS;
  if (backend === 'cpu' || hasSimdProducts() || (backend === 'wasm' && (M * N * K <= WASM_JS_PRODUCT_LIMIT || fewRowsTimesTransposed))) {
    return jsMatMul(a, b, transposeA, transposeB, biases);
  }
  return tf.tidy(() => {
    const product: tf.Tensor2D =
      backend === 'wasm' && (transposeA || transposeB)
        ? tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b)
        : tf.matMul(a, b, transposeA, transposeB);
    return biases.reduce((sum, bias) => tf.add<tf.Tensor2D>(sum, bias), product);
  });
}

/**
 * ∂L/∂W for y = x·Wᵀ: dyᵀ·x [N, K] from dy [M, N] and x [M, K]. XNNPACK on WASM multiplies only
 * untransposed operands, so one way round transposes dy [M, N] and the other x [M, K] and the result
 * [K, N], as (xᵀ·dy)ᵀ: the one that moves fewer numbers is taken (W_hh of a char model: 0.55 M instead of
 * 1.1 M; a head of 28 outputs: dy). Elsewhere, and with the engine's SIMD products, one product.
 */
export function weightGradient(dy: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D {
  if (activeBackend() !== 'wasm' || hasSimdProducts()) return matMul(dy, x, true, false);
  const [[M, N], K] = [dy.shape, x.shape[1]];
  return M * K + K * N < M * N ? transpose(matMul(x, dy, true, false)) : matMul(dy, x, true, false);
}

/**
 * One-hot rows as float32: [N] int32 ids → [N, depth]. On WASM cast from int32 rather than asked for as
 * float32: tfjs-backend-wasm 4.22's OneHot writes int32 bit patterns into a float32 output (1 reads as
 * 1.4e-45). Only there: on WebGPU a cast from int32 leaves a tensor that later kernels compile as i32.
 */
export function oneHotFloat(ids: tf.Tensor1D, depth: number): tf.Tensor2D {
  if (activeBackend() !== 'wasm') return tf.oneHot(ids, depth, 1, 0, 'float32') as tf.Tensor2D;
  return tf.tidy(() => tf.cast(tf.oneHot(ids, depth), 'float32') as tf.Tensor2D);
}

/** tf.transpose(x, perm) (default: reverse the axes). */
export function transpose<T extends tf.Tensor>(x: T, perm?: number[]): T {
  const axes = perm ?? x.shape.map((_, k) => x.rank - 1 - k);
  return activeBackend() === 'cpu' ? jsTranspose(x, axes) : tf.transpose(x, axes);
}

// Gradients of the JavaScript kernels, so that autodiff sees through them (tf.matMul's and tf.transpose's rules).
if (!tf.getGradient(MATMUL)) {
  tf.registerGradient({
    kernelName: MATMUL,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], attrs) => {
      const [ta, tb, g] = [attrs.transposeA as boolean, attrs.transposeB as boolean, dy as tf.Tensor2D];
      const [x, y] = [a as tf.Tensor2D, b as tf.Tensor2D];
      const bias = () => tf.sum(g, 0);
      const biases = { bias0: bias, bias1: bias };
      if (!ta && !tb) return { a: () => matMul(g, y, false, true), b: () => matMul(x, g, true, false), ...biases };
      if (!ta && tb) return { a: () => matMul(g, y, false, false), b: () => matMul(g, x, true, false), ...biases };
      if (ta && !tb) return { a: () => matMul(y, g, false, true), b: () => matMul(x, g, false, false), ...biases };
      return { a: () => matMul(y, g, true, true), b: () => matMul(g, x, true, true), ...biases };
    },
  });
  tf.registerGradient({
    kernelName: TRANSPOSE,
    gradFunc: (dy, _, attrs) => {
      const perm = attrs.perm as number[];
      return { x: () => transpose(dy as tf.Tensor, perm.map((_axis, k) => perm.indexOf(k))) };
    },
  });
}
