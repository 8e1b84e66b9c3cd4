/**
 * `npm run bench:threads [-- --threads 1,2] [--workloads charlm,hello] [--kinds LSTM] [--rounds 5]
 * [--steps 10] [--quick] [--no-torch]`
 *
 * Character-model training steps (the `charlm` workload's shape) on tfjs's WebAssembly backend with 1 and
 * 2 threads, beside PyTorch with `torch.set_num_threads(1)` and `(2)`, in one run; `--workloads hello`
 * adds the tiny "hello" runs, to see what threads cost a net too small to split. The WebAssembly rows run
 * in Debian's Chromium, in a module worker of a small page served cross-origin isolated (COOP/COEP):
 * Node's tfjs-wasm never starts threads (its pthreads are `blob:` scripts, which `worker_threads`
 * refuses). The page is a production build of `bench/threads.html` with the book's Vite configuration
 * (its plugins and Content-Security-Policy), into a temporary folder.
 *
 * Rounds alternate every configuration (wasm 1, wasm 2, PyTorch 1, PyTorch 2, …), each a fresh worker or
 * process with its own warm-up, so that a shared machine's load drifts over all of them alike. Prints the
 * table (ratios against PyTorch on as many threads) and what the extra threads gave each, and writes
 * bench/results/threads.json. It measures; it never asserts a time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { CellKind } from '../src/core/cells/types';
import { launchBrowser } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/staticServer';
import { torchAvailable, torchLabel, torchRows } from './children';
import type { Row, Workload } from './rows';
import { analyse, markdownTable } from './table';
import type { ThreadsRequest, ThreadsResult, ThreadsWorkload } from './threads.worker';
import { summarise } from './timing';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const quick = process.argv.includes('--quick');
const counts = argument('threads', '1,2').split(',').map(Number);
const workloads = argument('workloads', 'charlm').split(',') as ThreadsWorkload[];
const kinds = argument('kinds', 'LSTM').split(',') as CellKind[];
const rounds = Number(argument('rounds', quick ? '1' : '5'));
const steps = Number(argument('steps', quick ? '2' : '10'));
/** Each fresh worker or process first runs two untimed steps: WebAssembly compiles, XNNPACK packs weights. */
const plan = { warmup: 2, runs: steps };
const threadWord = (threads: number) => `${threads} thread${threads === 1 ? '' : 's'}`;

const outDir = mkdtempSync(join(tmpdir(), 'unrolled-threads-'));
console.error('building the benchmark page…');
await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: false, rolldownOptions: { input: resolve('bench/threads.html') } } });
const host = await serveStatic(outDir);
const browser = await launchBrowser();
const collected = new Map<string, Row>();
/** Adds one configuration's samples to its row, made on first sight. */
const collect = (row: Row) => {
  const key = `${row.workload} ${row.variant} ${row.implementation} ${row.threads ?? 1}`;
  const known = collected.get(key);
  if (known) known.samples = [...(known.samples ?? []), ...(row.samples ?? [])];
  else collected.set(key, { ...row, samples: [...(row.samples ?? [])] });
};
/** How long the WebAssembly backend took to start in each fresh worker, by thread count. */
const starts: Record<number, number[]> = {};
const withTorch = !process.argv.includes('--no-torch') && torchAvailable();
if (!withTorch) console.error('WebAssembly rows only (--no-torch, or PyTorch is not installed)');

try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${host.origin}/bench/threads.html`);
  if (!(await page.evaluate(() => self.crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: the server lost its COOP/COEP headers');
  for (let round = 1; round <= rounds; round++) {
    for (const threads of counts) {
      const request: ThreadsRequest = { threads, workloads, kinds, plan };
      const result: ThreadsResult = await page.evaluate((r) => window.benchThreads(r), request);
      if (result.threads !== threads) throw new Error(`asked for ${threads} threads, XNNPACK got ${result.threads}`);
      (starts[threads] ??= []).push(result.startMs);
      for (const [key, samples] of Object.entries(result.samples)) {
        const [workload, variant] = key.split(' ') as [Workload, string];
        const device = `XNNPACK, SIMD, ${threadWord(threads)}, engine SIMD kernels ${result.simdKernels ? 'on' : 'off'}, products ${result.simdProducts ? 'in relaxed SIMD' : 'on XNNPACK'}, Chromium ${browser.version()}`;
        collect({ workload, variant, implementation: 'engine', backend: `wasm in Chromium, ${threadWord(threads)}`, threads, device, samples });
        console.error(`  round ${round}: wasm ${key}, ${threadWord(threads)}: median ${summarise(samples).median.toFixed(1)} ms`);
      }
    }
    if (!withTorch) continue;
    for (const threads of counts) {
      for (const row of await torchRows(workloads, threads, quick, { stepper: null, hello: plan, charlm: plan, generate: null }, kinds)) collect(row);
      console.error(`  round ${round}: PyTorch, ${torchLabel(threads)}`);
    }
  }
} finally {
  await browser.close();
  await host.close();
  rmSync(outDir, { recursive: true, force: true });
}

const order = (r: Row) => [['charlm', 'hello'].indexOf(r.workload), r.variant, ['engine', 'PyTorch'].indexOf(r.implementation), r.threads ?? 1];
const compare = (a: Row, b: Row) => {
  const [x, y] = [order(a), order(b)];
  const k = x.findIndex((value, i) => value !== y[i]);
  return k < 0 ? 0 : x[k] < y[k] ? -1 : 1;
};
const rows = analyse([...collected.values()].sort(compare));
console.log(markdownTable(rows, null));
console.log(`\nvs PyTorch = PyTorch's median on as many threads ÷ this row's median. ${quick ? 'Quick run: too few runs to quote.' : ''}`);
const [fewest, most] = [counts[0], counts[counts.length - 1]];
for (const { workload, variant, implementation } of rows.filter((r) => (r.threads ?? 1) === fewest)) {
  const median = (threads: number) => rows.find((r) => r.workload === workload && r.variant === variant && r.implementation === implementation && (r.threads ?? 1) === threads)?.median;
  const [one, many] = [median(fewest), median(most)];
  if (one && many && most !== fewest) console.log(`- ${workload} ${variant}, ${implementation}: ${threadWord(most)} ${(one / many).toFixed(2)}× as fast as ${threadWord(fewest)}`);
}
for (const threads of counts) console.log(`- WebAssembly backend start in a fresh worker, ${threadWord(threads)}: median ${summarise(starts[threads] ?? [0]).median.toFixed(0)} ms`);
for (const device of new Set(rows.map((r) => `${r.implementation}: ${r.device}`))) console.log(`- ${device}`);
console.log(`- machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; ${rounds} round${rounds === 1 ? '' : 's'} of ${steps} runs per configuration`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/threads.json', `${JSON.stringify({ date: new Date().toISOString(), quick, counts, rounds, steps, starts, rows }, null, 1)}\n`);
