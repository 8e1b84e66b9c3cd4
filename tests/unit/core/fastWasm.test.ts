/**
 * On the WASM backend the training path runs the whole sequence in one kernel on the WASM heap, with the
 * engine's relaxed-SIMD products and SIMD step math; where relaxed SIMD is missing, XNNPACK products and
 * one kernel per step. Both must agree with the cells' step-by-step path to 1e-5, like every other
 * implementation, and a whole character model must train as it does on the CPU backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fastestRecurrence } from '../../../src/core/layer/direction';
import { jsRecurrence } from '../../../src/core/fast/jsKernels';
import { wasmRecurrence } from '../../../src/core/fast/wasmKernels';
import { hasSimdProducts } from '../../../src/core/runtime/kernelArrays';
import * as tf from '../../../src/core/runtime/tf';
import { startWasmWithSimd } from './wasmBackend';
import { FAST_CASES, MODEL_CASES, expectFastMatchesSteps, expectModelMatchesCpu } from './fastReference';

describe('fast path = step path (wasm backend)', () => {
  beforeAll(startWasmWithSimd);

  it('runs every sequence in one kernel with the SIMD products', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(hasSimdProducts()).toBe(true);
    const inputs = (B: number, H: number) => ({ kind: 'RNN' as const, nonlinearity: 'tanh' as const, gx: tf.zeros([2, B, H]) as tf.Tensor3D, weightHh: tf.zeros([H, H]) as tf.Tensor2D, biasHn: null, h0: tf.zeros([B, H]) as tf.Tensor2D });
    const [large, small] = [inputs(32, 256), inputs(1, 8)];
    expect(fastestRecurrence(large)).toBe(jsRecurrence);
    expect(fastestRecurrence(small)).toBe(jsRecurrence);
    tf.dispose([large, small].flatMap((x) => [x.gx, x.weightHh, x.h0]));
  });

  const cases = FAST_CASES.map((c) => [`${c.kind} ${c.nonlinearity}${c.bias ? '' : ' no bias'}${c.reverse ? ' reverse' : ''}`, c] as const);
  it.each(cases)('SIMD products and steps on the heap: %s', (_, c) => expectFastMatchesSteps(c, jsRecurrence));
  it.each(cases)('without relaxed SIMD, XNNPACK + step kernels: %s', (_, c) => expectFastMatchesSteps(c, wasmRecurrence));

  it.each(MODEL_CASES)('a character model trains as on the CPU backend: %s', (_, config) => expectModelMatchesCpu('wasm', config));
});
