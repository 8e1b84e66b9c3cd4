import { describe, expect, it } from 'vitest';
import { createStepperRecorder } from '../../../src/core/figures/stepperSetup';
import { i18n } from '../../../src/i18n/i18n';
import { activeRecord, backwardActive, gradientShape, normBars, passColourLimit, shownParameter } from '../../../src/widgets/BpttStepper/bpttView';
import { gateBlocks, gradientTerm, readerName } from '../../../src/widgets/BpttStepper/parameterNames';

const t = i18n.getFixedT('en', 'bpttStepper');

describe('the BPTT stepper’s panels', () => {
  it('follow the recorder: no active step in the forward pass, then T, T − 1, …', async () => {
    const recorder = await createStepperRecorder({ kind: 'RNN', inputSize: 2, hiddenSize: 3, seqLength: 3, seed: 0, withLoss: true });
    recorder.seek(recorder.length);
    expect(backwardActive(recorder.snapshot())).toBeNull();
    expect(activeRecord(recorder.snapshot())).toBeNull();
    recorder.seek(recorder.length + 1);
    expect(backwardActive(recorder.snapshot())).toBe(2);
    expect(activeRecord(recorder.snapshot())?.t).toBe(2);
    recorder.seek(recorder.maxPosition);
    const complete = recorder.snapshot();
    expect(backwardActive(complete)).toBe(0);
    // One limit for the whole pass: the largest |gradient| on any wire.
    const largest = Math.max(...complete.backward.flatMap((b) => [...b!.dh, ...b!.dhFromOutput, ...b!.dx].map(Math.abs)));
    expect(passColourLimit(complete)).toBe(largest);
    expect(passColourLimit(null)).toBe(1);
  });

  it('number the norm bars t = 1 … T and skip steps not reached yet', () => {
    expect(normBars([null, 0.5, 0.25])).toEqual([{ x: 2, y: 0.5 }, { x: 3, y: 0.25 }]);
  });

  it('fall back to W_hh when the picked parameter does not exist', () => {
    expect(shownParameter(['weight_ih_l0', 'weight_hh_l0'], 'bias_hh_l0')).toBe('weight_hh_l0');
    expect(shownParameter(['weight_ih_l0', 'weight_hh_l0'], 'weight_ih_l0')).toBe('weight_ih_l0');
  });

  it('read shapes off the gradients', () => {
    expect(gradientShape([[1, 2, 3], [4, 5, 6]])).toEqual([2, 3]);
    expect(gradientShape([1, 2])).toEqual([2]);
    expect(gradientShape(undefined)).toEqual([]);
  });
});

describe('parameter names', () => {
  it('are the equations’ symbols, never the engine’s keys', () => {
    expect(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'linear.weight', 'linear.bias'].map(readerName)).toEqual(['W_ih', 'W_hh', 'b_ih', 'b_hh', 'W_o', 'b_o']);
    expect(gradientTerm('weight_hh_l0')).toBe('dW_hh');
  });

  it('say which rows of a gated cell’s weights belong to which gate', () => {
    expect(gateBlocks(t, 'LSTM', 'weight_hh_l0', 3)).toBe('rows 0–2: i, 3–5: f, 6–8: g, 9–11: o');
    expect(gateBlocks(t, 'GRU', 'bias_ih_l0', 1)).toBe('entries 0: r, 1: z, 2: n');
    expect(gateBlocks(i18n.getFixedT('zh', 'bpttStepper'), 'LSTM', 'weight_hh_l0', 3)).toBe('行 0–2 为 i，3–5 为 f，6–8 为 g，9–11 为 o');
    expect(gateBlocks(t, 'RNN', 'weight_hh_l0', 3)).toBeNull();
    expect(gateBlocks(t, 'LSTM', 'linear.weight', 3)).toBeNull();
  });
});
