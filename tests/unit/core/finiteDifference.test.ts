/**
 * The gradient check: BPTT's analytic gradient agrees with a float64 central difference for every cell,
 * with and without truncation (where the difference follows the detached objective), and the seeded
 * stepper problems are reproducible.
 */
import { describe, expect, it } from 'vitest';
import { checkGradientEntry, largestEntry, referenceLoss } from '../../../src/core/finiteDifference';
import { stepperInputs, stepperOptions, stepperTargets, STEPPER_CLASSES } from '../../../src/core/stepperSetup';
import * as tf from '../../../src/core/tf';
import { UnrollRecorder } from '../../../src/core/unroll';
import { compareWithNotes } from '../../../src/core/workedExampleCheck';
import { WORKED_EXAMPLE_EXPECTED } from '../../../src/core/workedExample';

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

  it('rejects an index outside the parameter and an unknown parameter', async () => {
    const options = stepperOptions({ kind: 'RNN', ...setup });
    await expect(checkGradientEntry(options, 'weight_hh_l0', [3, 0])).rejects.toThrow(/outside/);
    await expect(checkGradientEntry(options, 'nope')).rejects.toThrow(/unknown parameter/);
    await expect(checkGradientEntry(stepperOptions({ kind: 'RNN', ...setup, withLoss: false }), 'weight_hh_l0')).rejects.toThrow(/loss/);
  });

  it('largestEntry finds the largest magnitude in matrices and vectors', () => {
    expect(largestEntry([[0.1, -0.9], [0.5, 0.2]])).toEqual([0, 1]);
    expect(largestEntry([0.1, 0.3, -0.2])).toEqual([1]);
  });
});

describe('stepper setup', () => {
  it('draws the same inputs and targets for the same seed, different ones for another', () => {
    expect(stepperInputs(3, 4, 2)).toEqual(stepperInputs(3, 4, 2));
    expect(stepperInputs(3, 4, 2)).not.toEqual(stepperInputs(4, 4, 2));
    expect(stepperInputs(3, 4, 2).flat().every((v) => Math.abs(v) < 1)).toBe(true);
    const targets = stepperTargets(3, 50);
    expect(targets.every((k) => Number.isInteger(k) && k >= 0 && k < STEPPER_CLASSES)).toBe(true);
    expect(new Set(targets).size).toBe(STEPPER_CLASSES);
  });

  it('adds an output layer, loss, truncation and clipping only with a loss', () => {
    const forward = stepperOptions({ kind: 'LSTM', inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0, truncation: 2 });
    expect([forward.loss, forward.output, forward.truncation]).toEqual([undefined, undefined, undefined]);
    const backward = stepperOptions({ kind: 'LSTM', inputSize: 2, hiddenSize: 3, seqLength: 4, seed: 0, withLoss: true, truncation: 2, clipNorm: 1 });
    expect(backward.loss?.kind).toBe('crossEntropy');
    expect([backward.output?.size, backward.truncation, backward.clipNorm]).toEqual([STEPPER_CLASSES, 2, 1]);
    expect(() => stepperOptions({ kind: 'RNN', inputSize: 2, hiddenSize: 0, seqLength: 4, seed: 0 })).toThrow(/hiddenSize/);
  });
});

describe('worked example against the notes', () => {
  it('ticks the notes’ own numbers and nothing before it is computed', () => {
    const all = compareWithNotes(WORKED_EXAMPLE_EXPECTED.states, WORKED_EXAMPLE_EXPECTED.outputs);
    expect(all.map((e) => e.label)).toEqual(['state₀[0]', 'state₀[1]', 'output₀', 'state₁[0]', 'state₁[1]', 'output₁']);
    expect(all.every((e) => e.agrees)).toBe(true);
    const first = compareWithNotes([[0.53704957, 0.4621]], [[1.56128388]]);
    expect(first.map((e) => e.agrees)).toEqual([true, false, true, false, false, false]);
    expect(first[3].live).toBeNull();
  });
});
