/** Wall-clock sampling shared by every benchmark workload. */

/** How many untimed and timed runs a measurement makes. */
export interface Plan {
  warmup: number;
  runs: number;
}

/** A measurement: every timed run in milliseconds, in the order taken. */
export interface Samples {
  samples: number[];
}

/**
 * The clock runs are timed by: the wall clock, or with BENCH_CLOCK=cpu (`npm run bench -- --clock cpu`) the
 * process's CPU time, which other work on a busy shared machine inflates far less (it counts every thread
 * of the process, V8's garbage-collector helpers included). In a browser (`bench/threads.ts`) the wall clock.
 */
const now = globalThis.process?.env.BENCH_CLOCK === 'cpu' ? () => (({ user, system }) => (user + system) / 1000)(process.cpuUsage()) : () => performance.now();

/**
 * Runs `fn` `warmup` times untimed (JIT, kernel compilation, buffer pools), then `runs` times timed, each
 * awaited to completion before the next starts.
 */
export async function measure(fn: () => Promise<unknown> | unknown, { warmup, runs }: Plan): Promise<Samples> {
  for (let k = 0; k < warmup; k++) await fn();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = now();
    await fn();
    samples.push(now() - started);
  }
  return { samples };
}

/** Median, minimum and maximum of a sample. */
export function summarise(samples: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
