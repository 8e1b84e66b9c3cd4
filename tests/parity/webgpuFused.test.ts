/**
 * The fused WebGPU recurrence (one dispatch forward, one backward per layer and direction) on Dawn in
 * Node: it must agree with the cells' step-by-step path and with the op-by-op path on the same backend,
 * training must pick it, and a character model must train as on the CPU backend. Fails, never skips, when WebGPU cannot start.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fastestRecurrence } from '../../src/core/layer/direction';
import { opsRecurrence } from '../../src/core/fast/opsRecurrence';
import * as tf from '../../src/core/runtime/tf';
import { webgpuRecurrence } from '../../src/core/webgpu/webgpuRecurrence';
import { FAST_CASES, MODEL_CASES, expectFastMatchesSteps, expectModelMatchesCpu, type FastCase } from '../unit/core/fastReference';
import { useWebGpuInNode } from './webgpuNode';

const cases: FastCase[] = [
  ...FAST_CASES,
  { kind: 'LSTM', nonlinearity: 'tanh', bias: true, reverse: false, sizes: [7, 3, 5, 64] },
  { kind: 'GRU', nonlinearity: 'tanh', bias: true, reverse: true, sizes: [6, 2, 4, 33] },
];
const label = (c: FastCase) => `${c.kind} ${c.nonlinearity}${c.bias ? '' : ' no bias'}${c.reverse ? ' reverse' : ''} [T B I H] = [${c.sizes.join(' ')}]`;

describe('fused WebGPU recurrence (Dawn in Node)', () => {
  beforeAll(() => useWebGpuInNode(), 120_000);

  it('is what training picks on webgpu', () => {
    expect(tf.getBackend()).toBe('webgpu');
    const inputs = { kind: 'LSTM' as const, nonlinearity: 'tanh' as const, gx: tf.zeros([2, 1, 8]) as tf.Tensor3D, weightHh: tf.zeros([8, 2]) as tf.Tensor2D, biasHn: null, h0: tf.zeros([1, 2]) as tf.Tensor2D };
    expect(fastestRecurrence(inputs)).toBe(webgpuRecurrence);
    tf.dispose([inputs.gx, inputs.weightHh, inputs.h0]);
  });

  it.each(cases.map((c) => [label(c), c] as const))('fused = step path: %s', (_, c) => expectFastMatchesSteps(c, webgpuRecurrence));
  it.each(cases.slice(-2).map((c) => [label(c), c] as const))('op-by-op = step path: %s', (_, c) => expectFastMatchesSteps(c, opsRecurrence));
  it.each(MODEL_CASES)('a character model trains as on the CPU backend: %s', async (_, config) => {
    await expectModelMatchesCpu('webgpu', config);
  });
});
