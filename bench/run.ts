/**
 * `npm run bench [-- --quick] [--backends cpu,wasm,webgpu] [--workloads stepper,hello,charlm,generate,page]
 * [--gpu auto|hardware|software] [--time-limit seconds] [--clock cpu]`
 *
 * `--gpu` picks WebGPU's adapter (auto: the machine's GPU when it has one, else SwiftShader); `--time-limit`
 * stops any one backend's process after that long, its rows saying so; `--clock cpu` times runs by the
 * process's CPU time instead of the wall clock (for a busy machine; the table says so). `npm run bench:gpu` runs only the
 * WebGPU rows on a hardware GPU, in a few minutes at most.
 *
 * Runs every workload of the engine and its peers, one process at a time (never two heavy things at once):
 * one tfjs process per backend (engine + tfjs-layers), the PyTorch peer when `import torch` works, and a
 * production build for page weight. Prints one table and writes it, with every sample, to
 * bench/results/latest.json (ignored by git: the README quotes the table). It measures; it never asserts a time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { runChild, torchAvailable, torchLabel, torchRows } from './children';
import { BACKEND_LABELS, BENCH_BACKENDS, type BenchBackend } from './nodeBackends';
import { pageWeight, type PageWeight } from './pageWeight';
import type { Row, Workload } from './rows';
import { analyse, markdownTable } from './table';

const PAGE_CHAPTER = '01-sequences.mdx';
const TIMED: Workload[] = ['stepper', 'hello', 'charlm', 'generate'];

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const quick = process.argv.includes('--quick');
/** Where each run's table and samples go; git ignores the folder, so a run leaves the tree clean. */
const RESULTS_FILE = 'bench/results/latest.json';
const backends = (argument('backends') ?? BENCH_BACKENDS.join(',')).split(',') as BenchBackend[];
const selected = (argument('workloads') ?? [...TIMED, 'page'].join(',')).split(',');
const workloads = TIMED.filter((w) => selected.includes(w));
const gpu = argument('gpu') ?? 'auto';
const timeLimitMs = Number(argument('time-limit') ?? 0) * 1000;
// Children (tfjs and PyTorch alike) read the clock from the environment: see bench/timing.ts.
if (argument('clock') === 'cpu') process.env.BENCH_CLOCK = 'cpu';

/** Rows saying why an implementation has no numbers, so the table never shows a made-up one. */
function missingRows(implementation: Row['implementation'], backend: string, note: string): Row[] {
  const variants: Record<Workload, string[]> = {
    stepper: ['RNN', 'LSTM', 'GRU'],
    hello: ['cell', 'rnn', 'embedding'],
    charlm: ['RNN', 'LSTM', 'GRU'],
    generate: ['LSTM'],
  };
  return workloads.flatMap((workload) => variants[workload].map((variant) => ({ workload, variant, implementation, backend, device: '—', note })));
}

async function torchRowsOrWhy(): Promise<Row[]> {
  if (!torchAvailable()) return missingRows('PyTorch', torchLabel(1), 'not installed');
  return torchRows(workloads, 1, quick);
}

const started = performance.now();
const rows: Row[] = [];
const viteNode = resolve('node_modules/vite-node/dist/cli.mjs');
if (workloads.length) {
  for (const backend of backends) {
    console.error(`${BACKEND_LABELS[backend]}…`);
    const args = [viteNode, 'bench/suite.ts', '--', '--backend', backend, '--workloads', workloads.join(','), '--gpu', gpu, ...(quick ? ['--quick'] : [])];
    try {
      rows.push(...(await runChild(process.execPath, args, process.env, timeLimitMs)));
    } catch (error) {
      console.error(String(error));
      const why = String(error).includes('time limit') ? `stopped at the time limit (${timeLimitMs / 1000} s)` : 'could not run: see the log';
      rows.push(...missingRows('engine', BACKEND_LABELS[backend], why));
    }
  }
  console.error('PyTorch…');
  try {
    rows.push(...(await torchRowsOrWhy()));
  } catch (error) {
    console.error(String(error));
    rows.push(...missingRows('PyTorch', torchLabel(1), 'failed: see the log'));
  }
}
let page: PageWeight | null = null;
if (selected.includes('page')) {
  console.error('production build for page weight…');
  page = await pageWeight(PAGE_CHAPTER);
}

const VARIANT_ORDER = ['RNN', 'LSTM', 'GRU', 'cell', 'rnn', 'embedding'];
const order = (r: Row) => [TIMED.indexOf(r.workload), VARIANT_ORDER.indexOf(r.variant), ['engine', 'tfjs-layers', 'PyTorch'].indexOf(r.implementation), r.backend];
rows.sort((a, b) => {
  const [x, y] = [order(a), order(b)];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  return 0;
});
const results = analyse(rows);
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
  load: readLoad(),
};
const devices = Object.fromEntries(rows.filter((r) => r.device !== '—').map((r) => [`${r.implementation} on ${r.backend}`, r.device]));
const table = markdownTable(results, page);
mkdirSync('bench/results', { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify({ date: new Date().toISOString(), quick, machine, devices, rows: results, pageWeight: page }, null, 1)}\n`);

console.log(table);
console.log(`\nratio = the peer's median ÷ this row's median (above 1: faster than the peer). ${quick ? 'Quick run: too few runs to quote.' : ''}`);
if (process.env.BENCH_CLOCK === 'cpu') console.log('Times are CPU time of each process (--clock cpu), not wall-clock time.');
for (const [what, device] of Object.entries(devices)) console.log(`- ${what}: ${device}`);
console.log(`- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, load average at the end ${machine.load}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s; written to ${RESULTS_FILE})`);

/** The 1, 5 and 15-minute load averages: other work on the machine skews every number. */
function readLoad(): string {
  return existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'unknown';
}
