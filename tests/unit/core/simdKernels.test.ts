/**
 * The WebAssembly SIMD kernels (runtime/simd/*.c) against the JavaScript they replace, to the bit. The step
 * math against stepMath.ts on the WASM heap: every output of every kind's forward and backward step, for
 * even and odd widths (the two-lane loop and its one-lane tail), with and without the kept gates and the
 * GRU's bias, and at values where the exponential saturates, rounds or is not a number. The one-hot
 * products, Adam, the global norm and column sums on WASM against the same kernels on the CPU backend, which runs
 * their JavaScript.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/core/cells/types';
import { columnSums } from '../../../src/core/fast/columnSums';
import { globalNorm } from '../../../src/core/fast/globalNorm';
import type { SimdKernels } from '../../../src/core/runtime/simdKernels';
import { startWasmWithSimd } from './wasmBackend';
import { sparseRowsProduct, sparseRowsWeightGradient } from '../../../src/core/fast/sparseRows';
import { BACKWARD_STEP, FORWARD_STEP, type BackwardStep, type ForwardStep } from '../../../src/core/fast/stepMath';
import { simdBackward, simdForward } from '../../../src/core/fast/simdSequence';
import { mulberry32 } from '../../../src/core/random/streams';
import * as tf from '../../../src/core/runtime/tf';
// Registers the fused Adam kernel, UnrolledAdamUpdate.
import '../../../src/core/train/adam';

let backend: BackendWasm;
let kernels: SimdKernels;

beforeAll(async () => {
  ({ backend, kernels } = await startWasmWithSimd());
});
afterAll(async () => tf.setBackend('cpu'));

/** Values the gates meet, and the ones at their edges: saturation, ±0, tiny, huge, infinite, not a number. */
const EDGES = [0, -0, 1e-7, -1e-7, 0.5, -0.5, 20, -20, 119.9, -121, 400, -400, Infinity, -Infinity, NaN];

/** n values from the seed, the edges first, then normal draws with a spread of 3. */
function values(n: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, (_, k) => (k < EDGES.length && seed % 2 ? EDGES[k] : (random.next() - 0.5) * 6));
}

/** Each element as a comparable value: −0 and +0 apart, any NaN alike. */
const bits = (a: Float32Array | null) => (a ? Array.from(a, (v) => (Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v)) : null);

/** Heap tensors for the named arrays (inputs filled from the seed, outputs zero), and views of them taken after every allocation. */
function heapArrays(sizes: Record<string, number>, outputs: string[], seed: number) {
  const tensors = Object.entries(sizes).map(([name, n], k) => [name, outputs.includes(name) ? tf.zeros([n]) : tf.tensor1d(values(n, seed + k))] as const);
  const views = Object.fromEntries(tensors.map(([name, t]) => [name, backend.typedArrayFromHeap(t) as Float32Array]));
  return { views, dispose: () => tf.dispose(tensors.map(([, t]) => t)) };
}

const G: Record<CellKind, number> = { RNN: 1, LSTM: 4, GRU: 3 };
const CASES = (['RNN', 'LSTM', 'GRU'] as const).flatMap((kind) =>
  [
    { B: 3, H: 8, tanh: true, keep: true, bias: true },
    { B: 2, H: 5, tanh: true, keep: false, bias: false },
    { B: 1, H: 1, tanh: false, keep: true, bias: true },
  ].map((c, k) => ({ kind, ...c, seed: 10 * k + G[kind] })),
);

describe('SIMD step math = stepMath.ts, to the bit (wasm heap)', () => {
  it.each(CASES)('$kind forward B=$B H=$H tanh=$tanh keep=$keep bias=$bias', ({ kind, B, H, tanh, keep, bias, seed }) => {
    const [BH, BGH] = [B * H, B * G[kind] * H];
    const outs = ['h', 'c', 'gates', 'hn'];
    const sizes = { a: BGH, gx: BGH, hPrev: BH, cPrev: BH, biasHn: H, h: BH, c: BH, gates: BGH, hn: BH };
    const [simd, js] = [heapArrays(sizes, outs, seed), heapArrays(sizes, outs, seed)];
    // The SIMD step activates the gates into memory even when they are not kept (the kernel gives it a scratch).
    const step = ({ a, gx, hPrev, cPrev, biasHn, h, c, gates: g, hn }: Record<string, Float32Array>, onSimd: boolean): ForwardStep => ({
      B, H, tanh, a, gx, hPrev, cPrev: kind === 'LSTM' ? cPrev : null, biasHn: bias ? biasHn : null, h,
      c: kind === 'LSTM' ? c : null, gates: keep || (onSimd && kind !== 'RNN') ? g : null, hn: keep && kind === 'GRU' ? hn : null,
    });
    expect(simdForward(kernels, kind, step(simd.views, true))).toBe(true);
    FORWARD_STEP[kind](step(js.views, false));
    for (const name of keep ? outs : ['h', 'c', 'hn']) expect(bits(simd.views[name]), name).toEqual(bits(js.views[name]));
    [simd, js].forEach((x) => x.dispose());
  });

  it.each(CASES)('$kind backward B=$B H=$H tanh=$tanh', ({ kind, B, H, tanh, seed }) => {
    const [BH, BGH] = [B * H, B * G[kind] * H];
    const outs = ['dGx', 'dGh', 'direct', 'dc'];
    const sizes = { h: BH, hPrev: BH, gates: BGH, c: BH, cPrev: BH, hn: BH, dOut: BH, dh: BH, dc: BH, dGx: BGH, dGh: BGH, direct: BH };
    const [simd, js] = [heapArrays(sizes, outs, seed), heapArrays(sizes, outs, seed)];
    // dc carries ∂L/∂c_t in: the same draws on both sides.
    const dcIn = values(BH, seed + 99);
    [simd, js].forEach((x) => x.views.dc.set(dcIn));
    const step = (v: Record<string, Float32Array>): BackwardStep => ({ B, H, tanh, ...v, dGh: kind === 'GRU' ? v.dGh : v.dGx }) as BackwardStep;
    expect(simdBackward(kernels, kind, step(simd.views))).toBe(true);
    BACKWARD_STEP[kind](step(js.views));
    for (const name of outs) expect(bits(simd.views[name]), name).toEqual(bits(js.views[name]));
    [simd, js].forEach((x) => x.dispose());
  });

  it('hands a step back to stepMath.ts when an array is not on the heap', () => {
    const onHeap = heapArrays({ a: 4, gx: 4 }, [], 1);
    const elsewhere = new Float32Array(4);
    const step = { B: 1, H: 4, tanh: true, a: onHeap.views.a, gx: onHeap.views.gx, hPrev: elsewhere, cPrev: null, biasHn: null, h: elsewhere, c: null, gates: null, hn: null };
    expect(simdForward(kernels, 'RNN', step)).toBe(false);
    expect(Array.from(elsewhere)).toEqual([0, 0, 0, 0]);
    onHeap.dispose();
  });
});

/** The kernel's outputs on `backend`, from the same input arrays. */
async function on(backend: 'cpu' | 'wasm', run: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(run);
  const values = await Promise.all([outs].flat().map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(outs);
  return values;
}

/** One-hot rows of K with a few rows of two or no nonzeros and a scaled one, as the sparse kernels meet them. */
function oneHotish(M: number, K: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const x = new Float32Array(M * K);
  for (let m = 0; m < M; m++) {
    const pick = () => Math.floor(random.next() * K);
    if (m % 7 === 3) continue;
    x[m * K + pick()] = m % 5 === 1 ? -2.5 : 1;
    if (m % 6 === 2) x[m * K + pick()] += 0.75;
  }
  return x;
}

describe('SIMD one-hot products, Adam, global norm and column sums on wasm = their JavaScript on cpu, to the bit', () => {
  const expectSame = (a: Float32Array[], b: Float32Array[]) => a.forEach((values, k) => expect(bits(values), `output ${k}`).toEqual(bits(b[k])));

  it.each([
    [9, 5, 7],
    [24, 28, 64],
  ])('sparse rows product and weight gradient: M=%i K=%i N=%i', async (M, K, N) => {
    const [x, weight, b0, b1, dy] = [oneHotish(M, K, M), values(N * K, 3), values(N, 4), values(N, 6), values(M * N, 8)];
    const run = () => {
      const xt = tf.tensor2d(x, [M, K]);
      return [sparseRowsProduct(xt, tf.tensor2d(weight, [N, K]), [tf.tensor1d(b0), tf.tensor1d(b1)]), sparseRowsProduct(xt, tf.tensor2d(weight, [N, K])), sparseRowsWeightGradient(tf.tensor2d(dy, [M, N]), xt)];
    };
    expectSame(await on('wasm', run), await on('cpu', run));
  });

  it.each([1, 7, 1000])('Adam over %i parameters, step 3', async (n) => {
    const [theta, m, v, gradient] = [values(n, 10), values(n, 12), values(n, 14).map(Math.abs), values(n, 16)];
    const attrs = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, step: 3 };
    const run = () => tf.engine().runKernel('UnrolledAdamUpdate', { theta: tf.tensor1d(theta), m: tf.tensor1d(m), v: tf.tensor1d(v), gradient: tf.tensor1d(gradient) }, attrs) as tf.Tensor[];
    expectSame(await on('wasm', run), await on('cpu', run));
  });

  it.each([
    [5, 1],
    [33, 7],
    [1120, 64],
  ])('column sums of %i×%i', async (rows, cols) => {
    const run = () => columnSums(tf.tensor2d(values(rows * cols, rows + cols), [rows, cols]));
    expectSame(await on('wasm', run), await on('cpu', run));
  });

  it('global norm of tensors of odd and even sizes', async () => {
    const run = () => globalNorm([tf.tensor1d(values(7, 20)), tf.tensor2d(values(1000, 22), [40, 25]), tf.tensor1d(values(1, 24))]);
    expectSame(await on('wasm', run), await on('cpu', run));
  });
});
