/** The seeded PRNG: reproducible, in range, and roughly uniform. */
import { describe, expect, it } from 'vitest';
import { deriveSeed, dropoutMaskValues, mulberry32, uniformValues } from '../../../src/core/random';

describe('random', () => {
  it('repeats a stream for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(deriveSeed(7, 1)).not.toBe(deriveSeed(7, 2));
  });

  it('draws uniform values within the bound with mean ≈ 0', () => {
    const values = uniformValues(mulberry32(1), 20000, 0.5);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.5);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.abs(values.reduce((a, b) => a + b, 0) / values.length)).toBeLessThan(0.01);
  });

  it('makes inverted-dropout masks of 0 and 1/(1 − p)', () => {
    const mask = dropoutMaskValues(mulberry32(3), 10000, 0.25);
    expect(new Set(mask)).toEqual(new Set([0, Math.fround(1 / 0.75)]));
    expect(mask.filter((v) => v === 0).length / mask.length).toBeCloseTo(0.25, 1);
  });
});
