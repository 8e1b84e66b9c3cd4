/**
 * On the WASM backend the training path runs XNNPACK products and one JavaScript kernel per step on the
 * WASM heap; it must agree with the cells' step-by-step path to 1e-5, like every other implementation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fastestRecurrence } from '../../../src/core/fast/direction';
import { wasmRecurrence } from '../../../src/core/fast/wasmKernels';
import * as tf from '../../../src/core/tf';
import { FAST_CASES, expectFastMatchesSteps } from './fastReference';

describe('fast path = step path (wasm backend)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  });

  it('picks the WASM step kernels', () => {
    expect(tf.getBackend()).toBe('wasm');
    const inputs = { kind: 'RNN' as const, nonlinearity: 'tanh' as const, gx: tf.zeros([1, 1, 1]) as tf.Tensor3D, weightHh: tf.zeros([1, 1]) as tf.Tensor2D, biasHn: null, h0: tf.zeros([1, 1]) as tf.Tensor2D };
    expect(fastestRecurrence(inputs)).toBe(wasmRecurrence);
    tf.dispose([inputs.gx, inputs.weightHh, inputs.h0]);
  });

  it.each(FAST_CASES.map((c) => [`${c.kind} ${c.nonlinearity}${c.bias ? '' : ' no bias'}${c.reverse ? ' reverse' : ''}`, c] as const))('%s', (_, c) =>
    expectFastMatchesSteps(c, wasmRecurrence),
  );
});
