/**
 * The gradient check: BPTT's analytic gradient agrees with a float64 central difference for every cell,
 * with and without truncation (where the difference follows the detached objective).
 */
import { describe, expect, it } from 'vitest';
import { checkGradientEntry, largestEntry, referenceLoss } from '../../../src/core/figures/finiteDifference';
import { stepperOptions } from '../../../src/core/figures/stepperSetup';
import * as tf from '../../../src/core/runtime/tf';
import { UnrollRecorder } from '../../../src/core/unroll/unroll';
import { readerText } from '../../../src/i18n/readerText';

const setup = { inputSize: 2, hiddenSize: 3, seqLength: 5, seed: 7, withLoss: true } as const;

describe.each(['RNN', 'LSTM', 'GRU'] as const)('%s gradient check', (kind) => {
  it.each(['weight_hh_l0', 'weight_ih_l0', 'bias_hh_l0', 'linear.weight'])('%s agrees with the finite difference', async (param) => {
    const before = tf.memory().numTensors;
    const check = await checkGradientEntry(stepperOptions({ kind, ...setup }), param);
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(check.analytic)).toBeGreaterThan(1e-4);
    expect(check.relativeDifference).toBeLessThan(1e-4);
    expect(check.numeric).toBeCloseTo((check.lossPlus - check.lossMinus) / (2 * check.epsilon), 12);
  });

  it('follows the detached objective under truncation, which differs from the full one', async () => {
    const truncated = stepperOptions({ kind, ...setup, truncation: 2 });
    const full = stepperOptions({ kind, ...setup });
    const index = [1, 2];
    const cut = await checkGradientEntry(truncated, 'weight_hh_l0', index);
    const whole = await checkGradientEntry(full, 'weight_hh_l0', index);
    expect(cut.relativeDifference).toBeLessThan(1e-3);
    expect(whole.relativeDifference).toBeLessThan(1e-3);
    expect(Math.abs(cut.numeric - whole.numeric)).toBeGreaterThan(1e-6);
  });
});

describe('gradient check details', () => {
  it('reports the clipping scale and picks the largest entry by default', async () => {
    const options = stepperOptions({ kind: 'RNN', ...setup, clipNorm: 0.01 });
    const check = await checkGradientEntry(options, 'bias_ih_l0');
    expect(check.clipScale).toBeLessThan(1);
    const rec = await UnrollRecorder.create(options);
    rec.seek(rec.maxPosition);
    expect(check.index).toEqual(largestEntry(rec.snapshot().gradients.bias_ih_l0));
    expect(check.analytic).toBeCloseTo((rec.snapshot().gradients.bias_ih_l0 as number[])[check.index[0]], 6);
  });

  it('computes the same loss in float64 as the recorder', async () => {
    const options = stepperOptions({ kind: 'GRU', ...setup });
    const rec = await UnrollRecorder.create(options);
    rec.seek(rec.length);
    const { loss, params } = rec.snapshot();
    expect(referenceLoss(options, params).loss).toBeCloseTo(loss!, 4);
  });

  it('rejects an index outside the parameter and an unknown parameter, in the reader’s words', async () => {
    const options = stepperOptions({ kind: 'RNN', ...setup });
    const english = (check: Promise<unknown>) => check.then(() => 'no error', (error: unknown) => readerText(error, 'en'));
    expect(await english(checkGradientEntry(options, 'weight_hh_l0', [3, 0]))).toBe('index [3, 0] is outside weight_hh_l0 of shape [3, 3]');
    expect(await english(checkGradientEntry(options, 'nope'))).toMatch(/^unknown parameter nope; have weight_ih_l0, weight_hh_l0, /);
    await expect(checkGradientEntry(stepperOptions({ kind: 'RNN', ...setup, withLoss: false }), 'weight_hh_l0')).rejects.toThrow(/loss/);
  });

  it('largestEntry finds the largest magnitude in matrices and vectors', () => {
    expect(largestEntry([[0.1, -0.9], [0.5, 0.2]])).toEqual([0, 1]);
    expect(largestEntry([0.1, 0.3, -0.2])).toEqual([1]);
  });
});
