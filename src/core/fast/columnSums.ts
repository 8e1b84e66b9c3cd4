/**
 * Column sums of a matrix, as a bias's gradient is the column sums of the gradient of what it was added
 * to: one kernel on the CPU and WASM backends (JavaScript, or on WASM WebAssembly SIMD, with the same
 * float32 sums in the same order), tf.sum elsewhere. tfjs-wasm's Sum reduces only the last axis and
 * transposes the whole matrix first to reduce any other.
 */
import { arrays, onArrayBackend, registerArrayKernel, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';
import * as tf from '../runtime/tf';

const KERNEL = 'UnrolledColumnSums';

/** The column sums [cols] of a row-major [rows, cols] matrix, in float32, row after row. */
export function columnSumsOfArray(m: Float32Array, rows: number, cols: number, sums: Float32Array = new Float32Array(cols)): Float32Array {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sums[c] += m[r * cols + c];
  return sums;
}

function kernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, shape, allocate, view, simd } = arrays(args, backend);
  const [rows, cols] = shape('x');
  const output = allocate([cols]);
  const [x, sums] = [read('x') as Float32Array, view(output)];
  if (!simd?.call('column_sums', [rows, cols], [x, sums])) columnSumsOfArray(x, rows, cols, sums.fill(0));
  return output;
}

registerArrayKernel(KERNEL, kernel);

/** Σ_r x[r, :] of a float32 x [rows, cols]: [cols]. Not differentiable by autodiff. */
export function columnSums(x: tf.Tensor2D): tf.Tensor1D {
  return onArrayBackend() ? (tf.engine().runKernel(KERNEL, { x }, {}) as tf.Tensor1D) : tf.sum(x, 0);
}
