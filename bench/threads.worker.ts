/**
 * One measurement of `npm run bench:threads`: starts the engine on WebAssembly with the thread count asked
 * for (through `initBackend`, as the book's workers start it) and times the workloads asked for.
 */
import type { CellKind } from '../src/core/cells/types';
import type { HelloVariant } from '../src/core/train/hello';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../src/core/runtime/backend';
import { hasSimdProducts } from '../src/core/runtime/kernelArrays';
import { simdKernels } from '../src/core/runtime/simdKernels';
import * as tf from '../src/core/runtime/tf';
import type { Plan } from './timing';
import { charLmStep, helloRun } from './workloads';

/** The workloads measured here: a character-model training step, and whole tiny "hello" runs. */
export type ThreadsWorkload = 'charlm' | 'hello';

/** What the page asks a fresh worker to measure. */
export interface ThreadsRequest {
  threads: number;
  workloads: ThreadsWorkload[];
  kinds: CellKind[];
  plan: Plan;
}

/**
 * What it answers: the threads XNNPACK really got, whether the engine's SIMD kernels and its relaxed-SIMD
 * products run (on the shared heap when threaded), how long the backend took to start, and the times in ms by `workload variant`.
 */
export interface ThreadsResult {
  threads: number;
  simdKernels: boolean;
  simdProducts: boolean;
  startMs: number;
  samples: Record<string, number[]>;
}

const HELLO_VARIANTS: HelloVariant[] = ['cell', 'rnn', 'embedding'];

self.onmessage = async ({ data }: MessageEvent<ThreadsRequest>) => {
  try {
    const started = performance.now();
    const backend = await initBackend('wasm', { wasmThreads: data.threads });
    const startMs = performance.now() - started;
    if (backend.name !== 'wasm') throw new Error(`WebAssembly did not start: the engine runs on ${backend.name}`);
    const samples: Record<string, number[]> = {};
    if (data.workloads.includes('charlm')) for (const kind of data.kinds) samples[`charlm ${kind}`] = (await charLmStep(kind, data.plan)).samples;
    if (data.workloads.includes('hello')) for (const variant of HELLO_VARIANTS) samples[`hello ${variant}`] = (await helloRun(variant, data.plan)).samples;
    self.postMessage({ threads: backend.threads ?? 1, simdKernels: simdKernels(tf.backend() as BackendWasm) !== null, simdProducts: hasSimdProducts(), startMs, samples } satisfies ThreadsResult);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
