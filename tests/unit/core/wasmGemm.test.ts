/**
 * The engine's relaxed-SIMD products on the WASM heap (runtime/simd/gemm.c through fast/wasmGemm.ts)
 * against a float64 product, at the micro-kernel's edges: rows not a multiple of 4, columns not a
 * multiple of 8, depths past one block of 256, no depth at all; every layout of the operands, with and
 * without accumulation; and the product kernel of linalg.ts with its biases against the CPU backend's.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matMul } from '../../../src/core/fast/linalg';
import { operand, packedProduct, productScratch } from '../../../src/core/fast/wasmGemm';
import { mulberry32 } from '../../../src/core/random/streams';
import { hasSimdProducts } from '../../../src/core/runtime/kernelArrays';
import type { GemmExports, SimdKernels } from '../../../src/core/runtime/simdKernels';
import * as tf from '../../../src/core/runtime/tf';
import { startWasmWithSimd } from './wasmBackend';

let backend: BackendWasm;
let kernels: SimdKernels;

beforeAll(async () => {
  ({ backend, kernels } = await startWasmWithSimd());
});
afterAll(async () => tf.setBackend('cpu'));

function randomValues(n: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, () => random.next() * 2 - 1);
}

/** c [M, N] (+)= op(a)·op(b) in float64, with Σ|a||b| per element for the tolerance. */
function reference(a: Float32Array, b: Float32Array, [M, K, N]: number[], transposeA: boolean, transposeB: boolean, start: Float32Array) {
  const value = new Float64Array(M * N);
  const scale = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let [sum, size] = [start[i * N + j], Math.abs(start[i * N + j])];
      for (let k = 0; k < K; k++) {
        const product = (transposeA ? a[k * M + i] : a[i * K + k]) * (transposeB ? b[j * K + k] : b[k * N + j]);
        [sum, size] = [sum + product, size + Math.abs(product)];
      }
      [value[i * N + j], scale[i * N + j]] = [sum, size];
    }
  }
  return { value, scale };
}

const SHAPES = [
  [1, 1, 1],
  [3, 7, 5],
  [4, 8, 8],
  [5, 9, 9],
  [9, 0, 3],
  [6, 256, 17],
  [13, 300, 28],
  [2, 613, 40],
  [33, 64, 1],
];
const LAYOUTS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

describe('SIMD products on the WASM heap', () => {
  it('has the products module (relaxed SIMD is on in the tests, as in Chromium)', () => {
    expect(kernels.gemm).not.toBeNull();
    expect(hasSimdProducts()).toBe(true);
  });

  const cases = SHAPES.flatMap((shape) => LAYOUTS.flatMap(([ta, tb]) => [false, true].map((accumulate) => [shape.join('×'), ta, tb, accumulate, shape] as const)));
  it.each(cases)('%s, transposed A %s, transposed B %s, accumulating %s', (_, transposeA, transposeB, accumulate, [M, K, N]) => {
    const seed = M * 1000 + K * 10 + N;
    const [a, b, c0] = [randomValues(M * K, seed), randomValues(K * N, seed + 1), accumulate ? randomValues(M * N, seed + 2) : new Float32Array(M * N).fill(NaN)];
    const expected = reference(a, b, [M, K, N], transposeA, transposeB, accumulate ? c0 : new Float32Array(M * N));
    const tensors = [tf.tensor1d(a), tf.tensor1d(b), tf.tensor1d(c0), tf.zeros([productScratch(kernels.gemm as GemmExports, K, N)])];
    const [va, vb, vc, scratch] = tensors.map((t) => backend.typedArrayFromHeap(t) as Float32Array);
    packedProduct(kernels, operand(vb, K, N, transposeB), K, N, scratch)(operand(va, M, K, transposeA), M, vc, accumulate);
    for (let e = 0; e < M * N; e++) expect(Math.abs(vc[e] - expected.value[e])).toBeLessThanOrEqual(1e-6 * expected.scale[e] + 1e-30);
    tf.dispose(tensors);
  });

  it('refuses an array outside the heap', () => {
    const scratch = tf.zeros([productScratch(kernels.gemm as GemmExports, 2, 2)]);
    const view = backend.typedArrayFromHeap(scratch) as Float32Array;
    expect(() => packedProduct(kernels, operand(new Float32Array(4), 2, 2, false), 2, 2, view)).toThrow(/outside the WASM heap/);
    scratch.dispose();
  });

  it('linalg.matMul with two biases equals the CPU backend, in every layout', async () => {
    const run = () =>
      LAYOUTS.map(([ta, tb]) =>
        tf.tidy(() => {
          const [M, K, N] = [7, 300, 13];
          const a = tf.tensor2d(randomValues(M * K, 1), ta ? [K, M] : [M, K]);
          const b = tf.tensor2d(randomValues(K * N, 2), tb ? [N, K] : [K, N]);
          const biases = [tf.tensor1d(randomValues(N, 3)), tf.tensor1d(randomValues(N, 4))];
          return matMul(a, b, ta, tb, biases).arraySync();
        }),
      );
    const numTensors = tf.memory().numTensors;
    const onWasm = run();
    expect(tf.memory().numTensors).toBe(numTensors);
    await tf.setBackend('cpu');
    const onCpu = run();
    await tf.setBackend('wasm');
    onWasm.forEach((rows, layout) => rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(onCpu[layout][i][j], 4))));
  });
});
