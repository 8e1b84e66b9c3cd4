/**
 * The step kernels' own exp and tanh (fast/stepMath.ts) stand in for Math.exp and Math.tanh: they must agree
 * far below float32's rounding, saturate where those do, and pass NaN on.
 */
import { describe, expect, it } from 'vitest';
import { fastExp, fastTanh, sigmoid } from '../../../src/core/fast/stepMath';

describe('fast exp and tanh of the step kernels', () => {
  const xs = [0, 1e-12, -1e-7, 0.1, -0.5, 1, -3, 7.25, -20, 40, -88, 100, ...Array.from({ length: 2000 }, (_, k) => (k - 1000) / 37)];

  it('match Math.exp to 1e-13 (relative) and Math.tanh to 1e-14', () => {
    for (const x of xs) {
      expect(Math.abs(fastExp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-13);
      expect(Math.abs(fastTanh(x) - Math.tanh(x))).toBeLessThan(1e-14);
    }
  });

  it('round to the same float32 as the Math versions', () => {
    let differ = 0;
    for (const x of xs) {
      if (Math.fround(sigmoid(x)) !== Math.fround(1 / (1 + Math.exp(-x)))) differ++;
      if (Math.fround(fastTanh(x)) !== Math.fround(Math.tanh(x))) differ++;
    }
    expect(differ).toBeLessThanOrEqual(2);
  });

  it('saturate at the extremes and pass NaN on', () => {
    expect(sigmoid(1e6)).toBe(1);
    expect(Math.fround(sigmoid(-1e6))).toBe(0);
    expect(fastTanh(Infinity)).toBe(1);
    expect(fastTanh(-1e6)).toBe(-1);
    expect(sigmoid(Number.NaN)).toBeNaN();
    expect(fastTanh(Number.NaN)).toBeNaN();
  });
});
