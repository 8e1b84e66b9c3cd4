/**
 * Starts one tfjs backend inside Node for a benchmark process. WASM runs single-threaded with SIMD, as in
 * a page that is not cross-origin isolated. WebGPU runs on Dawn: on the machine's own GPU when it has one
 * (`--gpu auto`, the default, or `--gpu hardware`, which fails without one), else on SwiftShader, a
 * software GPU whose rows show that the GPU path works, not how fast a GPU is. The table names the adapter.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { hasSimdProducts } from '../src/core/runtime/kernelArrays';
import { prepareSimdKernels } from '../src/core/runtime/simdKernels';
import * as tf from '../src/core/runtime/tf';
import { startWebGpuInNode, type AdapterChoice } from '../tests/parity/webgpuNode';
import '../tests/shared/relaxedSimd';

export type BenchBackend = 'cpu' | 'wasm' | 'webgpu';

export const BENCH_BACKENDS: readonly BenchBackend[] = ['cpu', 'wasm', 'webgpu'];

/** How a backend is named in the progress lines, and in the table where it could not start. */
export const BACKEND_LABELS: Record<BenchBackend, string> = {
  cpu: 'cpu',
  wasm: 'wasm',
  webgpu: 'webgpu',
};

/** A started backend: its name in the table and what runs it. */
export interface StartedBackend {
  /** e.g. `wasm`, `webgpu (software GPU)`, `webgpu (nvidia hopper)` */
  label: string;
  /** e.g. `XNNPACK, 1 thread, SIMD on`, `Dawn on nvidia hopper (NVIDIA H200)` */
  device: string;
  /** the engine's own rows: `device` and what the engine runs beside the backend's kernels, e.g. its products in relaxed SIMD */
  engineDevice: string;
  /** whether this is a GPU emulated on the CPU (SwiftShader): its rows get few runs */
  softwareGpu: boolean;
}

/** The table's label for a WebGPU adapter: software, or the hardware's vendor and architecture. */
export function webGpuLabel(adapter: { name: string; software: boolean }): string {
  return adapter.software ? 'webgpu (software GPU)' : `webgpu (${adapter.name.replace(/ \(.*\)$/, '')})`;
}

/** Activates `name` (WebGPU on the adapter `gpu` asks for). */
export async function startBackend(name: BenchBackend, gpu: AdapterChoice = 'auto'): Promise<StartedBackend> {
  if (name === 'webgpu') {
    const adapter = await startWebGpuInNode(gpu);
    const device = `Dawn on ${adapter.name}`;
    return { label: webGpuLabel(adapter), device, engineDevice: device, softwareGpu: adapter.software };
  }
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    // Node's tfjs-wasm cannot start threads (they are blob: scripts, which worker_threads refuses): one
    // thread, as on a page that is not cross-origin isolated. `npm run bench:threads` measures threads in Chromium.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend`);
  await tf.ready();
  if (name === 'wasm') {
    await prepareSimdKernels(tf.backend() as BackendWasm);
    const device = `XNNPACK, 1 thread, SIMD ${(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'on' : 'off'}`;
    const engineDevice = hasSimdProducts() ? `1 thread, the engine's SIMD kernels, products in relaxed SIMD` : `${device}, products on XNNPACK`;
    return { label: 'wasm', device, engineDevice, softwareGpu: false };
  }
  return { label: name, device: 'JavaScript', engineDevice: 'JavaScript', softwareGpu: false };
}
