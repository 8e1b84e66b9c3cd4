/**
 * Plain-array access to a kernel's tensors on the two backends whose memory JavaScript can reach: the CPU
 * backend's typed arrays and the WASM heap. On WASM the inputs are views of the heap, which an allocation
 * may detach: read and compute first, then `make` the outputs (copied in from JavaScript arrays).
 */
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from './tf';
import { activeBackend } from './activeBackend';
import { simdKernels } from './simdKernels';

export type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** The backends `arrays` can serve. */
export const ARRAY_BACKENDS = ['cpu', 'wasm'] as const;
export type ArrayBackend = (typeof ARRAY_BACKENDS)[number];

/** Whether the live backend keeps its tensors where JavaScript can read them. */
export function onArrayBackend(): boolean {
  const backend = activeBackend();
  return ARRAY_BACKENDS.some((name) => name === backend);
}

/** Whether the live backend is WASM with the engine's relaxed-SIMD products compiled (runtime/simd/gemm.c). */
export function hasSimdProducts(): boolean {
  return activeBackend() === 'wasm' && simdKernels(tf.backend() as BackendWasm)?.gemm != null;
}

/**
 * A tensor's values where the CPU or WASM backend keeps them, without a copy (on WASM a view of the heap,
 * valid until the next allocation), for reading only; null on other backends.
 */
export function valuesOnArrayBackend(tensor: tf.Tensor): Float32Array | Int32Array | null {
  const backend = activeBackend();
  if (backend === 'cpu') return (tf.backend() as MathBackendCPU).data.get(tensor.dataId).values as Float32Array;
  if (backend === 'wasm') return (tf.backend() as BackendWasm).typedArrayFromHeap(tensor) as Float32Array;
  return null;
}

/** Registers `kernel` under `kernelName` on both array backends, once: a module evaluated twice (hot reload) must not register twice. */
export function registerArrayKernel(kernelName: string, kernel: (args: KernelArgs, backend: ArrayBackend) => tf.TensorInfo | tf.TensorInfo[]): void {
  for (const backendName of ARRAY_BACKENDS) {
    if (tf.getKernel(kernelName, backendName)) continue;
    const kernelFunc = (args: KernelArgs) => kernel(args, backendName);
    tf.registerKernel({ kernelName, backendName, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}

export function arrays(args: KernelArgs, backendName: ArrayBackend) {
  const info = (name: string) => {
    const found = args.inputs[name];
    if (!found) throw new Error(`kernel input ${name} is missing`);
    return found;
  };
  const cpu = args.backend as MathBackendCPU;
  const wasm = args.backend as BackendWasm;
  /** An input's values (float32, or int32 for indices), or null when it was not passed. */
  const read = <T extends Float32Array | Int32Array = Float32Array>(name: string): T | null => {
    if (!args.inputs[name]) return null;
    const tensor = info(name);
    return (backendName === 'cpu' ? cpu.data.get(tensor.dataId).values : wasm.typedArrayFromHeap(tensor)) as T;
  };
  const make = (shape: number[], values: Float32Array): tf.TensorInfo => {
    if (backendName === 'cpu') return cpu.makeTensorInfo(shape, 'float32', values);
    const out = wasm.makeOutput(shape, 'float32');
    (wasm.typedArrayFromHeap(out) as Float32Array).set(values);
    return out;
  };
  /** A new float32 output left for the kernel to fill: on WASM, take every `view` after the last `allocate`. */
  const allocate = (shape: number[]): tf.TensorInfo =>
    backendName === 'cpu' ? cpu.makeTensorInfo(shape, 'float32', new Float32Array(shape.reduce((n, d) => n * d, 1))) : wasm.makeOutput(shape, 'float32');
  /** The values of an output from `allocate`, to write in place. */
  const view = (output: tf.TensorInfo): Float32Array =>
    (backendName === 'cpu' ? cpu.data.get(output.dataId).values : wasm.typedArrayFromHeap(output)) as Float32Array;
  /** On WASM the engine's SIMD kernels over this heap, once compiled; null until then and on the CPU backend. */
  const simd = backendName === 'wasm' ? simdKernels(wasm) : null;
  return { read, shape: (name: string) => info(name).shape, make, allocate, view, simd, attrs: (args.attrs ?? {}) as Record<string, unknown> };
}
