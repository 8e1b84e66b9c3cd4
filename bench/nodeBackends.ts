/**
 * Starts one tfjs backend inside Node for a benchmark process. WASM runs single-threaded with SIMD, as in
 * a page that is not cross-origin isolated; WebGPU runs on Dawn with SwiftShader, a software GPU, so its
 * rows show that the GPU path works, not how fast a GPU is.
 */
import * as tf from '../src/core/runtime/tf';
import { useWebGpuInNode } from '../tests/parity/webgpuNode';

export type BenchBackend = 'cpu' | 'wasm' | 'webgpu';

export const BENCH_BACKENDS: readonly BenchBackend[] = ['cpu', 'wasm', 'webgpu'];

/** How a backend is named in the table. */
export const BACKEND_LABELS: Record<BenchBackend, string> = {
  cpu: 'cpu',
  wasm: 'wasm',
  webgpu: 'webgpu (software GPU)',
};

/** Activates `name`; resolves to a description of what runs it. */
export async function startBackend(name: BenchBackend): Promise<string> {
  if (name === 'webgpu') return `Dawn on ${await useWebGpuInNode()}`;
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    // Threads need a cross-origin-isolated page, which the book is not: measure what readers get.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
  await tf.ready();
  if (name === 'wasm') return `XNNPACK, 1 thread, SIMD ${(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'on' : 'off'}`;
  return 'JavaScript';
}
