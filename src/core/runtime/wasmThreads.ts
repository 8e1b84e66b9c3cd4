/**
 * How many threads tfjs's WebAssembly backend computes on. Apart from the backend itself so that the build
 * (`src/build/wasmThreadsPlugin.ts`, which sizes the thread pool) reads the same numbers without tfjs.
 */

/** More threads than this only add waiting for these small matrices (and take cores a reader's other tabs need). */
export const MAX_WASM_THREADS = 4;

/**
 * The thread count for a context. Threads need SharedArrayBuffer, which only a cross-origin-isolated page
 * (and its workers) has; and only in a worker: training and the playground run in workers, where one
 * step's matrix products are large enough to split (a character-model LSTM step is 1.1–1.3× as fast on two
 * threads as on one, README, "Benchmarks"), while the page's own engine computes a stepper's single vectors,
 * and a WebAssembly thread pool on the page's thread would spin-wait on it, and start its threads from
 * `blob:` scripts that the page's Content-Security-Policy refuses.
 */
export function wasmThreadsFor({ isolated, inWorker, cores }: { isolated: boolean; inWorker: boolean; cores: number }): number {
  return isolated && inWorker ? Math.max(1, Math.min(cores, MAX_WASM_THREADS)) : 1;
}

/** `wasmThreadsFor` where this code runs. */
export function wasmThreadsHere(): number {
  const scope = globalThis as typeof globalThis & { WorkerGlobalScope?: new () => unknown };
  return wasmThreadsFor({
    isolated: scope.crossOriginIsolated === true,
    inWorker: scope.WorkerGlobalScope !== undefined && scope instanceof scope.WorkerGlobalScope,
    cores: scope.navigator?.hardwareConcurrency ?? 1,
  });
}
