/**
 * How many threads tfjs's WebAssembly backend computes on. Apart from the backend itself so that the build
 * (`src/build/wasmThreadsPlugin.ts`, which sizes the thread pool) reads the same numbers without tfjs.
 */

/** More threads than this only add waiting for these small matrices (and take cores a reader's other tabs need). */
export const MAX_WASM_THREADS = 4;

/**
 * The thread count for a context. Threads need SharedArrayBuffer, which only a cross-origin-isolated page
 * (and its workers) has; and only in a worker: training and the playground run in workers, where XNNPACK
 * splits one step's matrix products (a character-model LSTM step is 1.26× as fast on two threads as on
 * one, README, "Benchmarks"), while the page's own engine computes a stepper's single vectors, and a
 * WebAssembly thread pool on the page's thread would spin-wait on it, and start its threads from `blob:`
 * scripts that the page's Content-Security-Policy refuses. And only without relaxed SIMD: where it runs,
 * the engine's own products (runtime/simd/gemm.c) take that work on one thread, faster than XNNPACK on two,
 * and a second thread adds nothing but a slower start and a core taken from the page.
 */
export function wasmThreadsFor({ isolated, inWorker, cores, relaxedSimd }: { isolated: boolean; inWorker: boolean; cores: number; relaxedSimd: boolean }): number {
  return isolated && inWorker && !relaxedSimd ? Math.max(1, Math.min(cores, MAX_WASM_THREADS)) : 1;
}

/** The smallest module with one relaxed-SIMD instruction: (v128, v128, v128) → f32x4.relaxed_madd. */
const RELAXED_SIMD_PROBE = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 8, 1, 0x60, 3, 0x7b, 0x7b, 0x7b, 1, 0x7b, 3, 2, 1, 0, 0x0a, 0x0d, 1, 0x0b, 0, 0x20, 0, 0x20, 1, 0x20, 2, 0xfd, 0x85, 0x02, 0x0b];

/** Whether this WebAssembly engine has relaxed SIMD, which the engine's products need. */
export function hasRelaxedSimd(): boolean {
  return typeof WebAssembly !== 'undefined' && WebAssembly.validate(Uint8Array.from(RELAXED_SIMD_PROBE));
}

/** `wasmThreadsFor` where this code runs. */
export function wasmThreadsHere(): number {
  const scope = globalThis as typeof globalThis & { WorkerGlobalScope?: new () => unknown };
  return wasmThreadsFor({
    isolated: scope.crossOriginIsolated === true,
    inWorker: scope.WorkerGlobalScope !== undefined && scope instanceof scope.WorkerGlobalScope,
    cores: scope.navigator?.hardwareConcurrency ?? 1,
    relaxedSimd: hasRelaxedSimd(),
  });
}
