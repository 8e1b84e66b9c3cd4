/**
 * Matrix products and transposes in the form each backend does fastest. tfjs-cpu's matMul is a scalar
 * triple loop and its transpose indexes every element, so the CPU backend gets the kernels of gemm.ts;
 * WASM's XNNPACK only takes the untransposed A·B (any other layout falls into a loop ten times slower), so
 * transposes there become explicit ops. Both stay differentiable.
 */
import * as tf from '../tf';
import { cpuMatMul, cpuTranspose } from './cpuKernels';
import { activeBackend } from './recurrence';

/** op(a)·op(b) for 2-D float32 tensors, as tf.matMul. */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA = false, transposeB = false): tf.Tensor2D {
  const backend = activeBackend();
  if (backend === 'cpu') return cpuMatMul(a, b, transposeA, transposeB);
  if (backend === 'wasm' && (transposeA || transposeB)) {
    return tf.tidy(() => tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b));
  }
  return tf.matMul(a, b, transposeA, transposeB);
}

/** tf.transpose(x, perm) (default: reverse the axes). */
export function transpose<T extends tf.Tensor>(x: T, perm?: number[]): T {
  const axes = perm ?? x.shape.map((_, k) => x.rank - 1 - k);
  return activeBackend() === 'cpu' ? cpuTranspose(x, axes) : tf.transpose(x, axes);
}
