/**
 * The global L2 norm of a set of tensors, √(Σ_k ‖g_k‖²), as gradient clipping needs it: one JavaScript
 * kernel on the CPU and WASM backends (tfjs ops would launch two kernels per tensor and a chain of adds),
 * tfjs ops elsewhere.
 */
import * as tf from '../runtime/tf';
import { arrays, onArrayBackend, registerArrayKernel, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';

const KERNEL = 'UnrolledGlobalNorm';

function kernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, make } = arrays(args, backend);
  let sum = 0;
  for (let k = 0, values = read('g0'); values; values = read(`g${++k}`)) {
    for (let e = 0; e < values.length; e++) sum += values[e] * values[e];
  }
  return make([], Float32Array.of(Math.sqrt(sum)));
}

registerArrayKernel(KERNEL, kernel);

/** √(Σ_k ‖tensors_k‖²) of float32 tensors of any shapes, as a scalar the caller disposes. */
export function globalNorm(tensors: readonly tf.Tensor[]): tf.Scalar {
  if (onArrayBackend()) {
    return tf.engine().runKernel(KERNEL, Object.fromEntries(tensors.map((t, k) => [`g${k}`, t])), {}) as tf.Scalar;
  }
  // A chain of adds, not tf.addN: WebGPU's addN binds every input at once and silently fails past the
  // device's storage-buffer limit (8 on many GPUs), which a model with 11 parameters exceeds.
  return tf.tidy(() => tf.sqrt(tensors.map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b))) as tf.Scalar);
}
