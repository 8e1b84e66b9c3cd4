/** What every benchmark process reports: one row per workload × implementation × backend. */

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

/** Runs per workload: a full run takes at least 10 timed runs after warm-up; `--quick` only checks the path. */
export function plans(quick: boolean): Record<Workload, { warmup: number; runs: number }> {
  return {
    stepper: { warmup: 10, runs: quick ? 10 : 50 },
    hello: { warmup: 1, runs: quick ? 3 : 10 },
    charlm: { warmup: 1, runs: quick ? 2 : 10 },
    generate: { warmup: 1, runs: quick ? 2 : 10 },
  };
}

/** Child processes print their rows on one line behind this marker, apart from tfjs's own chatter. */
export const RESULT_MARKER = '@@bench-rows ';
