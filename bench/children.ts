/**
 * The benchmark's child processes: one per tfjs backend and one per PyTorch thread count, each run to the
 * end and read back as rows. Shared by `npm run bench` and `npm run bench:threads`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { plans, RESULT_MARKER, type Row, type Workload } from './rows';

const PYTHON = '/usr/bin/python3';

/** Runs a child to completion, passing its progress (stderr) through; resolves to the rows it printed. */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, limitMs = 0): Promise<Row[]> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = limitMs > 0 ? setTimeout(() => child.kill('SIGKILL'), limitMs) : null;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      // tfjs greets Node users on stderr: keep the benchmark's own progress lines only.
      for (const line of String(chunk).split('\n')) if (/^ {2}\S/.test(line)) process.stderr.write(`${line}\n`);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' && limitMs > 0) return fail(new Error(`stopped at the time limit of ${limitMs / 1000} s`));
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) done(JSON.parse(line.slice(RESULT_MARKER.length)) as Row[]);
      else fail(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

/** The OpenBLAS directory of Debian's BLAS alternatives (openblas-pthread first), if one is installed. */
function openBlasDirectory(): string | null {
  for (const arch of readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu'))) {
    for (const flavour of ['openblas-pthread', 'openblas-openmp', 'openblas-serial']) {
      const dir = `/usr/lib/${arch}/${flavour}`;
      if (existsSync(`${dir}/libblas.so.3`)) return dir;
    }
  }
  return null;
}

/** How PyTorch's rows name the way it ran. */
export const torchLabel = (threads: number) => `cpu, ${threads} thread${threads === 1 ? '' : 's'}`;

/** Whether the PyTorch peer can run here (`import torch` works). */
export function torchAvailable(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch']).status === 0;
}

/**
 * The PyTorch peer's rows (`bench/torch_peer.py`) on `threads` threads: PyTorch's own and its BLAS's alike.
 * `runPlans` overrides the number of runs (default: `plans(quick)`, as the tfjs rows get); `kinds` narrows
 * the cells.
 */
export function torchRows(workloads: Workload[], threads: number, quick: boolean, runPlans = plans(quick), kinds = ['RNN', 'LSTM', 'GRU']): Promise<Row[]> {
  const blas = openBlasDirectory();
  // OpenBLAS for this process only: Debian's torch otherwise may use the reference BLAS.
  const count = String(threads);
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: count, OMP_NUM_THREADS: count, MKL_NUM_THREADS: count };
  if (blas) env.LD_LIBRARY_PATH = [blas, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return runChild(PYTHON, ['bench/torch_peer.py', '--plans', JSON.stringify(runPlans), '--workloads', workloads.join(','), '--kinds', kinds.join(','), '--threads', count], env);
}
