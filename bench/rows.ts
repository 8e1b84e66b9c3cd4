/** What every benchmark process reports: one row per workload × implementation × backend. */
import type { Plan } from './timing';

export type Workload = 'stepper' | 'hello' | 'charlm' | 'generate';
export type Implementation = 'engine' | 'tfjs-layers' | 'PyTorch';

export interface Row {
  workload: Workload;
  /** the cell (RNN, LSTM, GRU) or the hello variant (cell, rnn, embedding) */
  variant: string;
  implementation: Implementation;
  /** the tfjs backend, or how PyTorch ran */
  backend: string;
  /** what actually computed it (XNNPACK, Dawn on SwiftShader, OpenBLAS, …) */
  device: string;
  /** CPU threads it computed on, where that is a choice (WebAssembly in a browser, PyTorch); absent: one */
  threads?: number;
  /** milliseconds per run, absent when the implementation could not run here */
  samples?: number[];
  /** why there are no samples, or a caveat */
  note?: string;
}

/** Workloads whose rows also give a rate: tokens (or characters) per run. */
export const UNITS_PER_RUN: Partial<Record<Workload, { count: number; unit: string }>> = {
  charlm: { count: 32 * 35, unit: 'tokens/s' },
  generate: { count: 500, unit: 'chars/s' },
};

/**
 * Runs per workload. A full run takes 10 or more timed runs after warm-up; `--quick` only checks every
 * path, so its slowest workloads get one run with no warm-up (their times include compilation: not for
 * quoting). The software GPU emulates each dispatch on the CPU, a hundred times slower than a GPU, so its
 * rows get a few runs (they show the path works, not its speed); `null` skips a workload there.
 */
export function plans(quick: boolean, gpu: 'software' | 'hardware' | null = null): Record<Workload, Plan | null> {
  const once = { warmup: 0, runs: 1 };
  if (gpu === 'hardware') {
    // A real GPU: a few runs each, so that `npm run bench:gpu` (PyTorch included) ends in a couple of minutes.
    return {
      stepper: { warmup: 5, runs: quick ? 5 : 20 },
      hello: { warmup: 1, runs: quick ? 1 : 5 },
      charlm: { warmup: 1, runs: quick ? 1 : 5 },
      generate: { warmup: quick ? 0 : 1, runs: quick ? 1 : 3 },
    };
  }
  if (gpu === 'software') {
    return {
      stepper: { warmup: 3, runs: quick ? 3 : 10 },
      hello: quick ? once : { warmup: 1, runs: 3 },
      charlm: quick ? once : { warmup: 1, runs: 3 },
      // Generation reads the weights back once and runs in JavaScript and WebAssembly: a readback, not a dispatch, per run.
      generate: { warmup: 1, runs: quick ? 2 : 10 },
    };
  }
  return {
    stepper: { warmup: 10, runs: quick ? 10 : 50 },
    // A hello run lasts milliseconds, and V8 (JavaScript and WebAssembly alike) takes about a hundred of
    // them to finish compiling the training loop: runs 10–30 still take twice the time of later ones. A
    // hundred untimed runs compare steady state with steady state, as PyTorch's rows do, and twenty timed
    // runs hold the median steady.
    hello: quick ? { warmup: 1, runs: 3 } : { warmup: 100, runs: 20 },
    charlm: quick ? once : { warmup: 1, runs: 10 },
    generate: { warmup: 1, runs: quick ? 2 : 10 },
  };
}

/** Why the software GPU has no row for a workload (none at present: generation no longer reads back per character). */
export const SOFTWARE_GPU_SKIPS: Partial<Record<Workload, string>> = {};

/** Child processes print their rows on one line behind this marker, apart from tfjs's own chatter. */
export const RESULT_MARKER = '@@bench-rows ';
