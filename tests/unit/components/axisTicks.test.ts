import { describe, expect, it } from 'vitest';
import { indexTicks, linearTicks, logTicks, zeroBasedTicks } from '../../../src/components/axisTicks';

describe('axis ticks', () => {
  it('labels every index while there is room, then every nice step', () => {
    expect(indexTicks(5, 20, 18, 1)).toEqual([0, 1, 2, 3, 4]);
    // 24 time steps 8 px apart, labels 18 px apart: t = 1, 5, 10, 15, 20 (indices 0, 4, 9, 14, 19).
    expect(indexTicks(24, 8, 18, 1)).toEqual([0, 4, 9, 14, 19]);
    // 512 units 1.25 px apart: unit 0, 50, 100, …
    expect(indexTicks(512, 1.25, 28).slice(0, 3)).toEqual([0, 50, 100]);
  });

  it('never puts two labels closer than the spacing', () => {
    for (const [count, pixels] of [[64, 3], [48, 7], [100, 2.2], [9, 13]]) {
      const ticks = indexTicks(count, pixels, 24, 1);
      ticks.slice(1).forEach((t, k) => expect((t - ticks[k]) * pixels).toBeGreaterThanOrEqual(24));
    }
  });

  it('puts log ticks on powers of ten, thinning them over wide ranges', () => {
    expect(logTicks(0.02, 30)).toEqual([0.01, 0.1, 1, 10, 100]);
    const wide = logTicks(1e-35, 1);
    expect(wide.length).toBeLessThanOrEqual(6);
    expect(wide[0]).toBeLessThanOrEqual(1e-35);
    expect(wide.at(-1)).toBeGreaterThanOrEqual(1);
    expect(logTicks(3, 3)).toEqual([1, 10]);
  });

  it('labels both ends of a linear axis and nice steps between, never two labels crowded together', () => {
    expect(linearTicks(1, 15)).toEqual([1, 5, 10, 15]);
    expect(linearTicks(0, 83)).toEqual([0, 20, 40, 60, 83]);
    // Delays 1…3: whole-number ticks only, no 1.5 or 2.5.
    expect(linearTicks(1, 3)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(linearTicks(1, 3, 5, 1)).toEqual([1, 2, 3]);
    expect(linearTicks(1, 1)).toEqual([1]);
    expect(linearTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    for (let max = 2; max <= 5000; max += 7) {
      const ticks = linearTicks(1, max);
      expect(ticks[0]).toBe(1);
      expect(ticks.at(-1)).toBe(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      // No two neighbours closer than an eighth of the axis: room for their labels on a phone-width chart.
      ticks.slice(1).forEach((t, k) => expect(t - ticks[k]).toBeGreaterThanOrEqual((max - 1) / 8 - 1e-9));
    }
  });

  it('runs a zero-based axis up to a round number at or above the largest value', () => {
    expect(zeroBasedTicks(2.3)).toEqual([0, 1, 2, 3]);
    expect(zeroBasedTicks(0.693)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(zeroBasedTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(zeroBasedTicks(137, 6)).toEqual([0, 50, 100, 150]);
    for (const max of [0.01, 0.37, 1, 9.99, 12345]) {
      const ticks = zeroBasedTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(5);
    }
    expect(zeroBasedTicks(0)).toEqual([0, 1]);
    expect(zeroBasedTicks(Number.NaN)).toEqual([0, 1]);
  });
});
