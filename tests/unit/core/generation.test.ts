/**
 * Generation's fused step (fast/generationStep.ts) on the CPU backend: the same text as the op-by-op
 * path for the same seed, the same logits bit for bit, and nothing allocated on the tfjs side.
 */
import { describe, expect, it } from 'vitest';
import { matVec, sampleToken } from '../../../src/core/fast/generationStep';
import { gemmABt } from '../../../src/core/fast/gemm';
import { wasmProducts } from '../../../src/core/fast/wasmMatVec';
import { mulberry32 } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';
import { GENERATION_MODELS, expectSameLogits, expectSameSamples } from './generationCases';

describe('fused generation step (cpu backend)', () => {
  it('runs on the cpu backend', async () => {
    await tf.ready();
    expect(tf.getBackend()).toBe('cpu');
  });

  it.each(GENERATION_MODELS)('same samples as the op-by-op path: %s', async (_, config) => {
    for (const seed of [0, 7]) await expectSameSamples(config, seed);
  });

  it.each(GENERATION_MODELS)('same logits as the forward pass, bit for bit: %s', (_, config) => expectSameLogits(config, 3, 0));

  it('matVec is gemmABt for one row, bit for bit, with and without a bias', () => {
    const rng = mulberry32(5);
    const [rows, K] = [13, 37];
    const w = Float32Array.from({ length: rows * K }, () => rng.next() - 0.5);
    const x = Float32Array.from({ length: K + 3 }, () => rng.next() - 0.5);
    const bias = Float32Array.from({ length: rows }, () => rng.next());
    const [got, expected] = [new Float32Array(rows), new Float32Array(rows)];
    matVec(w, x, got, rows, K, null, 3);
    gemmABt(x.subarray(3), w, expected, 1, rows, K);
    expect(got).toEqual(expected);
    matVec(w, x, got, rows, K, bias, 3);
    expected.set(bias);
    gemmABt(x.subarray(3), w, expected, 1, rows, K, true);
    expect(got).toEqual(expected);
  });

  it('the WebAssembly SIMD products compile here and give matVec\'s bits, any size', () => {
    const rng = mulberry32(9);
    for (const [rows, K] of [[1024, 256], [28, 256], [13, 5], [17, 1], [33, 40]]) {
      const w = Float32Array.from({ length: rows * K }, () => rng.next() - 0.5);
      const x = Float32Array.from({ length: K + 2 }, () => rng.next() - 0.5);
      const bias = Float32Array.from({ length: rows }, () => rng.next());
      const products = wasmProducts([{ w: new Float32Array(7), rows: 1, K: 7 }, { w, rows, K }]);
      expect(products).not.toBeNull();
      for (const b of [null, bias]) {
        const [got, expected] = [new Float32Array(rows), new Float32Array(rows)];
        products![1](x, got, b, 2);
        matVec(w, x, expected, rows, K, b, 2);
        expect(got).toEqual(expected);
      }
    }
  });

  it('sampleToken: greedy is the argmax; a temperature samples in proportion', () => {
    const scratch = new Float64Array(3);
    expect(sampleToken([0.1, 3, -1], 0, mulberry32(1), scratch)).toBe(1);
    const rng = mulberry32(2);
    const counts = [0, 0];
    for (let k = 0; k < 4000; k++) counts[sampleToken([0, Math.log(3)], 1, rng, scratch)]++;
    expect(counts[1] / counts[0]).toBeGreaterThan(2.6);
    expect(counts[1] / counts[0]).toBeLessThan(3.4);
  });
});
