/** Input patterns: shapes, pulse timing, that random input is PyTorch's randn after the modules, and their names in the catalogues. */
import { describe, expect, it } from 'vitest';
import { INPUT_PATTERN_NAMES, INPUT_PATTERNS, isInputPattern, makeInputs, PULSE_PERIOD } from '../../../src/core/figures/inputPatterns';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import { randn, TorchGenerator } from '../../../src/core/random';
import { i18n } from '../../../src/i18n/i18n';
import { readerText } from '../../../src/i18n/readerText';

describe('makeInputs', () => {
  it.each(INPUT_PATTERNS)('%s has shape [steps][inputSize] of finite numbers (in [−1, 1] unless random)', (pattern) => {
    const x = makeInputs(pattern, { steps: 20, inputSize: 3, seed: 7 });
    expect(x).toHaveLength(20);
    for (const row of x) {
      expect(row).toHaveLength(3);
      for (const v of row) expect(pattern === 'random' ? Number.isFinite(v) : Math.abs(v) <= 1).toBe(true);
    }
  });

  it('pulses are ones every PULSE_PERIOD steps and zeros between; a single pulse only at the first step', () => {
    const pulses = makeInputs('pulses', { steps: 20, inputSize: 2 });
    const once = makeInputs('pulse', { steps: 20, inputSize: 2 });
    pulses.forEach((row, t) => expect(row).toEqual(t % PULSE_PERIOD === 0 ? [1, 1] : [0, 0]));
    once.forEach((row, t) => expect(row).toEqual(t === 0 ? [1, 1] : [0, 0]));
  });

  it('random input is torch.randn drawn after the modules the seed builds first', () => {
    const options = { steps: 5, inputSize: 2, seed: 1 };
    expect(makeInputs('random', options)).toEqual(makeInputs('random', options));
    expect(makeInputs('random', options)).not.toEqual(makeInputs('random', { ...options, seed: 2 }));
    const modules = [{ kind: 'LSTM' as const, inputSize: 2, hiddenSize: 3 }];
    const generator = new TorchGenerator(1);
    RecurrentLayer.create(modules[0], generator).dispose();
    const want = Array.from(randn(generator, 10));
    expect(makeInputs('random', { ...options, modules }).flat()).toEqual(want);
  });

  it('rejects sizes that are not positive integers and recognises pattern names', () => {
    expect(() => makeInputs('pulse', { steps: 0, inputSize: 2 })).toThrow(/steps/);
    expect(() => makeInputs('pulse', { steps: 3, inputSize: 1.5 })).toThrow(/inputSize/);
    expect(isInputPattern('sine')).toBe(true);
    expect(isInputPattern('square')).toBe(false);
    expect(isInputPattern(3)).toBe(false);
  });
});

describe('INPUT_PATTERN_NAMES', () => {
  it('names every pattern from the catalogue, the pulses as chapter 6 calls them in each edition', () => {
    for (const pattern of INPUT_PATTERNS) expect(i18n.exists(INPUT_PATTERN_NAMES[pattern].key), pattern).toBe(true);
    expect(readerText(INPUT_PATTERN_NAMES.pulses, 'en')).toBe('a pulse every 8 steps');
    expect(readerText(INPUT_PATTERN_NAMES.pulses, 'zh')).toBe('每 8 步一个脉冲');
  });
});
