import { describe, expect, it } from 'vitest';
import { gradientFlow } from '../../../src/core/gradientFlow';
import * as tf from '../../../src/core/tf';

describe('gradient flow', () => {
  it('vanishes below spectral radius 1 and can explode above it', async () => {
    const small = await gradientFlow({ radius: 0.5, steps: 20, seed: 3 });
    expect(small.normsBack[0]).toBeCloseTo(1, 5);
    expect(small.normsBack[19]).toBeLessThan(1e-5);
    // tanh′ ≤ 1, so the linear bound ρᵏ is an upper bound.
    small.normsBack.forEach((n, k) => expect(n).toBeLessThanOrEqual(small.linearBound[k] * (1 + 1e-4)));
    const large = await gradientFlow({ radius: 1.8, steps: 20, seed: 3, inputSize: 1 });
    expect(large.normsBack[10]).toBeGreaterThan(large.normsBack[0]);
  });

  it('clipping caps the weight gradient at θ and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const result = await gradientFlow({ radius: 1.5, steps: 30, seed: 1, clipNorm: 0.5 });
    expect(result.weightGradientNorm).toBeGreaterThan(0.5);
    expect(result.clippedNorm).toBe(0.5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
