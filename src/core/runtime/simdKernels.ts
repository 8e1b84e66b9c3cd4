/**
 * The training step's JavaScript kernels in WebAssembly SIMD (simd/steps.c, simd/updates.c), for the WASM backend: the
 * step math of fast/wasmKernels.ts, the one-hot products of fast/sparseRows.ts, Adam, the global norm and
 * column sums. The module imports tfjs's own heap and works on tensors in place, with results equal to the
 * JavaScript's to the bit, so the JavaScript stays the reference and the fallback: until the module is
 * compiled, or where WebAssembly SIMD is missing, the kernels run their JavaScript.
 *
 * Beside it, a second module over the same heap holds matrix products in relaxed SIMD (simd/gemm.c), twice
 * XNNPACK's speed where the processor fuses multiply and add; where relaxed SIMD is missing it does not
 * compile, `gemm` is null, and the products stay with XNNPACK.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type * as tf from './tf';

/** What the module exports; `npm run build:simd` exports exactly these. */
export const SIMD_KERNEL_FUNCTIONS = [
  'rnn_forward',
  'lstm_forward',
  'gru_forward',
  'rnn_backward',
  'lstm_backward',
  'gru_backward',
  'sparse_rows_product',
  'sparse_rows_weight_gradient',
  'adam_update',
  'sum_of_squares',
  'column_sums',
] as const;
/** What the products' module exports (simd/gemm.c). */
export const GEMM_FUNCTIONS = ['gemm_scratch_size', 'gemm_packed_b_size', 'gemm_pack_b', 'gemm'] as const;
/** Each function takes sizes, heap addresses and (Adam) hyperparameters; sum_of_squares returns its sum. */
export type KernelExports = Record<(typeof SIMD_KERNEL_FUNCTIONS)[number], (...sizesAddressesAndScalars: number[]) => number>;
/** gemm_scratch_size() and gemm_packed_b_size(K, N) return floats; gemm_pack_b and gemm take sizes, strides, addresses, a flag. */
export type GemmExports = Record<(typeof GEMM_FUNCTIONS)[number], (...sizesAddressesAndScalars: number[]) => number>;

export interface SimdKernels {
  /** The module's functions. */
  run: KernelExports;
  /** The products' functions (a plain object), or null where relaxed SIMD is missing. */
  gemm: GemmExports | null;
  /** Each array's byte address on the heap, 0 for null; null when one of them lives elsewhere. */
  addresses(arrays: (Float32Array | null)[]): number[] | null;
  /** `name(...sizes, ...addresses of arrays, ...scalars)`; false, and nothing run, when an array is not on the heap or the function is missing. */
  call(name: keyof KernelExports | keyof GemmExports, sizes: number[], arrays: (Float32Array | null)[], scalars?: number[]): boolean;
  /** `compute` given a float32 heap array of `floats` entries, freed after. Take every view inside `compute`: the allocation may move the heap. */
  withScratch<T>(floats: number, compute: (scratch: tf.TensorInfo) => T): T;
}

/** The module for each heap, once ready; the promise while it compiles; null where it cannot run. */
const modules = new WeakMap<WebAssembly.Memory, SimdKernels | Promise<SimdKernels | null> | null>();

/** The WebAssembly.Memory of tfjs's heap: exported by the single-threaded build, kept on the module by the threaded one. */
function heapMemory(backend: BackendWasm): WebAssembly.Memory | null {
  const module = backend.wasm as unknown as { asm?: { memory?: unknown }; wasmMemory?: unknown };
  const memory = module.asm?.memory ?? module.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function kernelsOver(backend: BackendWasm, memory: WebAssembly.Memory, run: KernelExports, gemm: GemmExports | null): SimdKernels {
  const addresses = (arrays: (Float32Array | null)[]): number[] | null => {
    const buffer = memory.buffer;
    const out = arrays.map((array) => (array === null ? 0 : array.buffer === buffer ? array.byteOffset : -1));
    return out.includes(-1) ? null : out;
  };
  // Looked up at each call, so that a profiler can wrap a function of `gemm` (a plain object).
  const lookUp = (name: keyof KernelExports | keyof GemmExports) => (name in run ? run[name as keyof KernelExports] : gemm?.[name as keyof GemmExports]);
  return {
    run,
    gemm,
    addresses,
    call(name, sizes, arrays, scalars = []) {
      const [at, kernel] = [addresses(arrays), lookUp(name)];
      if (at && kernel) kernel(...sizes, ...at, ...scalars);
      return at !== null && kernel !== undefined;
    },
    withScratch(floats, compute) {
      const scratch = backend.makeOutput([floats], 'float32');
      try {
        return compute(scratch);
      } finally {
        backend.disposeData(scratch.dataId);
      }
    },
  };
}

async function instantiate(backend: BackendWasm, memory: WebAssembly.Memory): Promise<SimdKernels | null> {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    // Its own chunk, fetched only where the WASM backend runs.
    const modules = await import('./simd/kernelsWasm');
    const compile = async (plain: string, sharedHeap: string) => (await WebAssembly.instantiate(decodeBase64(shared ? sharedHeap : plain), { env: { memory } })).instance.exports;
    const run = (await compile(modules.KERNELS_WASM_PLAIN, modules.KERNELS_WASM_SHARED)) as unknown as KernelExports;
    // Without relaxed SIMD the products' module fails to compile alone.
    const gemm = await compile(modules.GEMM_WASM_PLAIN, modules.GEMM_WASM_SHARED).catch(() => null);
    return kernelsOver(backend, memory, run, gemm && ({ ...gemm } as unknown as GemmExports));
  } catch {
    // No WebAssembly SIMD here (or a heap unlike the one the module expects): the JavaScript kernels run.
    return null;
  }
}

/** Compiles the module for this backend's heap; resolves once `simdKernels` can return it (false where it cannot run). */
export async function prepareSimdKernels(backend: BackendWasm): Promise<boolean> {
  const memory = heapMemory(backend);
  if (!memory) return false;
  const known = modules.get(memory);
  if (known !== undefined) return (await known) !== null;
  const loading = instantiate(backend, memory);
  modules.set(memory, loading);
  const ready = await loading;
  modules.set(memory, ready);
  return ready !== null;
}

/** The SIMD kernels for this backend's heap, or null until they are compiled (the first call starts that). */
export function simdKernels(backend: BackendWasm): SimdKernels | null {
  const memory = heapMemory(backend);
  if (!memory) return null;
  const known = modules.get(memory);
  if (known === undefined) void prepareSimdKernels(backend);
  return known && !(known instanceof Promise) ? known : null;
}
