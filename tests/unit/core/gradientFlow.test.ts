import { describe, expect, it } from 'vitest';
import { gradientFlow } from '../../../src/core/figures/gradientFlow';
import { powerNorms, spectralNorm, spectralRadius2x2 } from '../../../src/core/figures/matrixPowers';
import * as tf from '../../../src/core/runtime/tf';

describe('gradient flow', () => {
  it('vanishes below spectral radius 1 and can explode above it', async () => {
    const small = await gradientFlow({ radius: 0.5, steps: 20, seed: 3 });
    expect(small.normsBack[0]).toBeCloseTo(1, 5);
    expect(small.normsBack[19]).toBeLessThan(1e-5);
    // ρ·Q is normal (σ_max = ρ) and tanh′ ≤ 1, so ρᵏ bounds (to Q's float32 rounding) the tanh RNN and the held-tanh′ product alike.
    expect(small.spectralNorm).toBe(0.5);
    small.normsBack.forEach((n, k) => expect(n).toBeLessThanOrEqual(small.linearNorms[k] * (1 + 1e-4)));
    small.heldNorms.forEach((n, k) => expect(n).toBeLessThanOrEqual(0.5 ** k * (1 + 1e-5)));
    const large = await gradientFlow({ radius: 1.8, steps: 20, seed: 3, inputSize: 1 });
    expect(large.normsBack[10]).toBeGreaterThan(large.normsBack[0]);
  });

  it('keeps vanishing norms far below float32’s smallest number instead of dropping to zero', async () => {
    const result = await gradientFlow({ radius: 0.5, steps: 100, seed: 0 });
    const last = result.normsBack[99];
    expect(last).toBeGreaterThan(0);
    // Its entries squared (about 1e-71) are far below float32's range: a plain norm would read 0.
    expect(last).toBeLessThan(1e-30);
    expect(last).toBeLessThanOrEqual(0.5 ** 99 * (1 + 1e-4));
    result.normsBack.slice(1).forEach((n, k) => expect(n).toBeLessThan(result.normsBack[k]));
  });

  it('a non-normal W_hh with ρ < 1 gives a growing product of Jacobians while the linear one decays', async () => {
    const result = await gradientFlow({ matrix: 'nonNormal', radius: 1.5, steps: 40, seed: 0 });
    expect(result.hiddenSize).toBe(2);
    expect(result.spectralRadius).toBeCloseTo(Math.sqrt(0.8), 10);
    expect(result.spectralNorm).toBeCloseTo(4.8717, 4);
    // The numbers chapter 4 quotes: ‖(D W_hhᵀ)³⁰‖ ≈ 1.2·10⁷ with D = diag(1, 0.1), ‖W_hh³⁰‖ ≈ 0.15.
    expect(result.heldNorms[30]).toBeGreaterThan(1e7);
    expect(result.heldNorms[30]).toBeLessThan(1.5e7);
    expect(result.linearNorms[30]).toBeCloseTo(0.154, 3);
    // The real bound: every step's Jacobian has norm ≤ γ·σ_max with γ = max tanh′ ≤ 1.
    result.normsBack.forEach((n, k) => expect(n).toBeLessThanOrEqual(result.spectralNorm ** k * (1 + 1e-4)));
  });

  it('matrix helpers: σ_max, ρ and powers of a diagonal matrix', () => {
    expect(spectralNorm([[3, 0], [0, -4]])).toBeCloseTo(4, 12);
    expect(spectralRadius2x2([[0, 1], [-1, 0]])).toBeCloseTo(1, 12);
    expect(spectralRadius2x2([[2, 0], [0, -3]])).toBe(3);
    expect(powerNorms([[0.5, 0], [0, 0.25]], 4)).toEqual([1, 0.5, 0.25, 0.125].map((v) => expect.closeTo(v, 12)));
    expect(powerNorms([[2, 0], [0, 2]], 3, [1, 0.1])).toEqual([1, 2, 4].map((v) => expect.closeTo(v, 12)));
  });

  it('clipping caps the weight gradient at θ and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const result = await gradientFlow({ radius: 1.5, steps: 30, seed: 1, clipNorm: 0.5 });
    expect(result.weightGradientNorm).toBeGreaterThan(0.5);
    expect(result.clippedNorm).toBe(0.5);
    await gradientFlow({ matrix: 'nonNormal', radius: 0.9, steps: 30, seed: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
