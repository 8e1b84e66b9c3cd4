/**
 * `npm run bench:profile -- [--backend wasm] [--kinds LSTM,GRU,RNN] [--runs 10]`: where one character-model
 * training step's time goes, kernel by kernel. Every tfjs kernel runs synchronously on `cpu` and `wasm`, so
 * timing `runKernel` gives each kernel's share; matrix products are set apart from the rest, with the
 * multiply-adds they did, so their rate can be held against the backend's best. A step's total is also
 * given as the process's CPU time (user + system), which other work on a shared machine disturbs less
 * than the wall clock.
 */
import type { CellKind } from '../src/core/cells/types';
import * as tf from '../src/core/runtime/tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdKernels } from '../src/core/runtime/simdKernels';
import { startBackend, type BenchBackend } from './nodeBackends';
import { charLmStep } from './workloads';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const backend = (argument('backend') ?? 'wasm') as BenchBackend;
const kinds = (argument('kinds') ?? 'LSTM,GRU,RNN').split(',') as CellKind[];
const runs = Number(argument('runs') ?? 10);
/** `--shapes`: each matrix product's shape (M×K·K×N), and each transpose's, on a line of its own. */
const byShape = process.argv.includes('--shapes');
console.log(`${backend}: ${(await startBackend(backend)).engineDevice}`);

/**
 * The engine's SIMD products on WASM, timed inside whatever kernel calls them (the fused recurrence runs
 * its own): every call of gemm.c's `gemm` and `gemm_pack_b`, with the multiply-adds of each product.
 */
const simdProducts = { ms: 0, packMs: 0, macs: 0 };
const gemm = backend === 'wasm' ? simdKernels(tf.backend() as BackendWasm)?.gemm : null;
if (gemm) {
  const [multiply, pack] = [gemm.gemm, gemm.gemm_pack_b];
  gemm.gemm = (...args: number[]) => {
    const started = performance.now();
    const result = multiply(...args);
    simdProducts.ms += performance.now() - started;
    simdProducts.macs += args[0] * args[1] * args[2];
    return result;
  };
  gemm.gemm_pack_b = (...args: number[]) => {
    const started = performance.now();
    const result = pack(...args);
    simdProducts.packMs += performance.now() - started;
    return result;
  };
}

type Tally = { ms: number; calls: number; macs: number };
const tallies = new Map<string, Tally>();
let depth = 0;
const engine = tf.engine();
const runKernel = engine.runKernel.bind(engine);
// Only the outermost kernel is timed: a kernel that runs others (a tidy inside a kernel) counts once.
type Inputs = Parameters<typeof runKernel>[1];
/** CPU time of this process in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
engine.runKernel = ((name: string, inputs: Inputs, attrs?: tf.NamedAttrMap) => {
  if (depth > 0) return runKernel(name, inputs, attrs);
  depth++;
  // The wall clock per kernel: process.cpuUsage costs tens of microseconds a call, as much as a small kernel.
  const started = performance.now();
  try {
    return runKernel(name, inputs, attrs);
  } finally {
    depth--;
    const macs = multiplyAdds(name, inputs, attrs);
    const key = byShape ? shapeKey(name, inputs, attrs, macs) : name;
    const tally = tallies.get(key) ?? { ms: 0, calls: 0, macs: 0 };
    tally.ms += performance.now() - started;
    tally.calls++;
    tally.macs += macs;
    tallies.set(key, tally);
  }
}) as typeof engine.runKernel;

/** batch, M, K, N of a product's operands after their transposes. */
function productDims(inputs: Inputs, attrs?: tf.NamedAttrMap): number[] {
  const [a, b] = [inputs.a.shape, inputs.b.shape];
  const [ta, tb] = [Boolean(attrs?.transposeA), Boolean(attrs?.transposeB)];
  const batch = a.length === 3 ? a[0] : 1;
  const [M, K] = ta ? [a[a.length - 1], a[a.length - 2]] : [a[a.length - 2], a[a.length - 1]];
  const N = tb ? b[b.length - 2] : b[b.length - 1];
  return [batch, M, K, N];
}

function multiplyAdds(name: string, inputs: Inputs, attrs?: tf.NamedAttrMap): number {
  if (name !== 'BatchMatMul' && name !== 'UnrolledMatMul') return 0;
  return productDims(inputs, attrs).reduce((p, d) => p * d, 1);
}

/** A kernel's row name with `--shapes`: a product's M×K·K×N, a transpose's input shape and permutation. */
function shapeKey(name: string, inputs: Inputs, attrs: tf.NamedAttrMap | undefined, macs: number): string {
  if (macs) return `${name} ${productShape(inputs, attrs)}`;
  if (name === 'Transpose') return `${name} ${inputs.x.shape.join('×')} [${(attrs?.perm as number[]).join(',')}]`;
  return name;
}

function productShape(inputs: Inputs, attrs?: tf.NamedAttrMap): string {
  const [, M, K, N] = productDims(inputs, attrs);
  return `${M}×${K}·${K}×${N}`;
}

for (const kind of kinds) {
  tallies.clear();
  const { samples } = await charLmStep(kind, { warmup: 0, runs: 1 });
  tallies.clear();
  Object.assign(simdProducts, { ms: 0, packMs: 0, macs: 0 });
  const cpuStarted = cpuMs();
  const timed = await charLmStep(kind, { warmup: 0, runs });
  // Model setup is outside the timed runs but inside this CPU time: small beside `runs` steps.
  const total = (cpuMs() - cpuStarted) / runs;
  const wall = timed.samples.reduce((s, x) => s + x, 0) / runs;
  const rows = [...tallies.entries()].sort((x, y) => y[1].ms - x[1].ms);
  const kernels = rows.reduce((s, [, t]) => s + t.ms, 0) / runs;
  const isProduct = (name: string) => /^(BatchMatMul|UnrolledMatMul|_FusedMatMul)( |$)/.test(name);
  const product = rows.filter(([n]) => isProduct(n)).reduce((s, [, t]) => s + t.ms, 0) / runs;
  const macs = rows.reduce((s, [, t]) => s + t.macs, 0) / runs;
  console.log(`\n${kind}: ${total.toFixed(1)} ms CPU per step (${wall.toFixed(1)} ms wall; first ${samples[0].toFixed(0)} ms); kernels ${kernels.toFixed(1)} ms wall, outside kernels ${(wall - kernels).toFixed(1)} ms wall`);
  if (gemm) {
    const [ms, packMs, simdMacs] = [simdProducts.ms / runs, simdProducts.packMs / runs, simdProducts.macs / runs];
    console.log(`  matrix products (the engine's, in every kernel) ${(ms + packMs).toFixed(1)} ms (${((100 * (ms + packMs)) / wall).toFixed(0)} % of the wall time): ${ms.toFixed(1)} ms multiplying, ${packMs.toFixed(1)} ms packing; ${(simdMacs / 1e6).toFixed(0)} M multiply-adds, ${((2 * simdMacs) / (ms * 1e6)).toFixed(1)} GFLOP/s`);
  } else {
    console.log(`  matrix products ${product.toFixed(1)} ms (${((100 * product) / wall).toFixed(0)} % of the wall time), ${(macs / 1e6).toFixed(0)} M multiply-adds, ${((2 * macs) / (product * 1e6)).toFixed(1)} GFLOP/s`);
  }
  for (const [name, t] of rows.slice(0, 18)) {
    const rate = t.macs ? `, ${((2 * t.macs) / (t.ms * 1e6)).toFixed(1)} GFLOP/s` : '';
    console.log(`  ${name.padEnd(40)} ${(t.ms / runs).toFixed(2).padStart(7)} ms  ${String(t.calls / runs).padStart(5)} calls${rate}`);
  }
}
