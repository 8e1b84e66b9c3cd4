/** Input patterns: shapes, pulse timing, and that random input depends on the seed alone. */
import { describe, expect, it } from 'vitest';
import { INPUT_PATTERNS, isInputPattern, makeInputs, PULSE_PERIOD } from '../../../src/core/inputPatterns';

describe('makeInputs', () => {
  it.each(INPUT_PATTERNS)('%s has shape [steps][inputSize] of finite numbers in [−1, 1]', (pattern) => {
    const x = makeInputs(pattern, 20, 3, 7);
    expect(x).toHaveLength(20);
    for (const row of x) {
      expect(row).toHaveLength(3);
      for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });

  it('pulses are ones every PULSE_PERIOD steps and zeros between; a single pulse only at the first step', () => {
    const pulses = makeInputs('pulses', 20, 2);
    const once = makeInputs('pulse', 20, 2);
    pulses.forEach((row, t) => expect(row).toEqual(t % PULSE_PERIOD === 0 ? [1, 1] : [0, 0]));
    once.forEach((row, t) => expect(row).toEqual(t === 0 ? [1, 1] : [0, 0]));
  });

  it('random input is reproducible from the seed, and a longer sequence starts the same way', () => {
    expect(makeInputs('random', 5, 2, 1)).toEqual(makeInputs('random', 5, 2, 1));
    expect(makeInputs('random', 5, 2, 1)).not.toEqual(makeInputs('random', 5, 2, 2));
    expect(makeInputs('random', 8, 2, 1).slice(0, 5)).toEqual(makeInputs('random', 5, 2, 1));
  });

  it('rejects sizes that are not positive integers and recognises pattern names', () => {
    expect(() => makeInputs('pulse', 0, 2)).toThrow(/steps/);
    expect(() => makeInputs('pulse', 3, 1.5)).toThrow(/inputSize/);
    expect(isInputPattern('sine')).toBe(true);
    expect(isInputPattern('square')).toBe(false);
    expect(isInputPattern(3)).toBe(false);
  });
});
