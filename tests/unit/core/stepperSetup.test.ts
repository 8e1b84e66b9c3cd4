/** The seeded problems the steppers show: reproducible, and with a loss only where BPTT needs one. */
import { describe, expect, it } from 'vitest';
import { stepperData, stepperInitialState, stepperOptions, STEPPER_CLASSES } from '../../../src/core/figures/stepperSetup';
import { readerText } from '../../../src/i18n/readerText';

/** What the reader is told when `run` throws, in English and in Chinese. */
function problemOf(run: () => unknown): { en: string; zh: string } | null {
  try {
    run();
    return null;
  } catch (problem) {
    return { en: readerText(problem, 'en'), zh: readerText(problem, 'zh') };
  }
}

describe('stepper setup', () => {
  it('draws the same inputs and targets for the same seed, different ones for another', () => {
    const setup = { kind: 'RNN' as const, inputSize: 2, hiddenSize: 3, seqLength: 50, seed: 3, withLoss: true };
    expect(stepperData(setup)).toEqual(stepperData(setup));
    expect(stepperData(setup).inputs).not.toEqual(stepperData({ ...setup, seed: 4 }).inputs);
    expect(stepperData(setup).inputs.flat()).toHaveLength(100);
    const targets = stepperData(setup).targets ?? [];
    expect(targets.every((k) => Number.isInteger(k) && k >= 0 && k < STEPPER_CLASSES)).toBe(true);
    expect(new Set(targets).size).toBe(STEPPER_CLASSES);
    expect(stepperData({ ...setup, withLoss: false }).targets).toBeNull();
  });

  it('adds an output layer, loss, truncation and clipping only with a loss', () => {
    const forward = stepperOptions({ kind: 'LSTM', inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0, truncation: 2 });
    expect([forward.loss, forward.output, forward.truncation]).toEqual([undefined, undefined, undefined]);
    const backward = stepperOptions({ kind: 'LSTM', inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0, withLoss: true, truncation: 2, clipNorm: 1 });
    expect(backward.loss?.kind).toBe('crossEntropy');
    expect([backward.output?.size, backward.truncation, backward.clipNorm]).toEqual([STEPPER_CLASSES, 2, 1]);
  });

  it('tells the reader which size or seed it cannot use, in the page’s language', () => {
    const setup = { kind: 'RNN' as const, inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0 };
    expect(problemOf(() => stepperOptions({ ...setup, hiddenSize: 0 }))).toEqual({
      en: 'hiddenSize must be a whole number of at least 1, got 0',
      zh: 'hiddenSize 必须是不小于 1 的整数，实际为 0',
    });
    expect(problemOf(() => stepperOptions({ ...setup, seqLength: 1.5 }))?.en).toBe('seqLength must be a whole number of at least 1, got 1.5');
    expect(problemOf(() => stepperOptions({ ...setup, seed: 0.5 }))?.en).toBe('seed must be an integer, got 0.5');
    expect(problemOf(() => stepperOptions(setup))).toBeNull();
  });

  it('starts from zero states, with a cell state only for the LSTM', () => {
    expect(stepperInitialState({ kind: 'GRU', hiddenSize: 2 })).toEqual({ h0: [0, 0] });
    expect(stepperInitialState({ kind: 'LSTM', hiddenSize: 2 })).toEqual({ h0: [0, 0], c0: [0, 0] });
  });
});
