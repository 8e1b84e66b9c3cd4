/**
 * tfjs's WASM backend for the unit tests: single-threaded (Node's tfjs-wasm cannot start threads) and with
 * the engine's SIMD modules compiled, so that the kernels under test take their SIMD paths from the first call.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { prepareSimdKernels, simdKernels, type SimdKernels } from '../../../src/core/runtime/simdKernels';
import * as tf from '../../../src/core/runtime/tf';

export async function startWasmWithSimd(): Promise<{ backend: BackendWasm; kernels: SimdKernels }> {
  await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  const backend = tf.backend() as unknown as BackendWasm;
  if (!(await prepareSimdKernels(backend))) throw new Error('the SIMD kernels did not compile');
  return { backend, kernels: simdKernels(backend) as SimdKernels };
}
