/**
 * On the WASM backend the training path runs XNNPACK products and one JavaScript kernel per step on the
 * WASM heap, or for small sizes the whole sequence in JavaScript; both must agree with the cells'
 * step-by-step path to 1e-5, like every other implementation, and a whole character model must train as
 * it does on the CPU backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fastestRecurrence } from '../../../src/core/fast/direction';
import { jsRecurrence } from '../../../src/core/fast/jsKernels';
import { wasmRecurrence } from '../../../src/core/fast/wasmKernels';
import { CharModel, type TokenBatch } from '../../../src/core/model';
import * as tf from '../../../src/core/tf';
import { FAST_CASES, expectFastMatchesSteps } from './fastReference';
import { expectClose, read, type Nested } from './helpers';

describe('fast path = step path (wasm backend)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  });

  it('picks XNNPACK step by step for large products and one JavaScript kernel for small ones', () => {
    expect(tf.getBackend()).toBe('wasm');
    const inputs = (B: number, H: number) => ({ kind: 'RNN' as const, nonlinearity: 'tanh' as const, gx: tf.zeros([2, B, H]) as tf.Tensor3D, weightHh: tf.zeros([H, H]) as tf.Tensor2D, biasHn: null, h0: tf.zeros([B, H]) as tf.Tensor2D });
    const [large, small] = [inputs(32, 256), inputs(1, 8)];
    expect(fastestRecurrence(large)).toBe(wasmRecurrence);
    expect(fastestRecurrence(small)).toBe(jsRecurrence);
    tf.dispose([large, small].flatMap((x) => [x.gx, x.weightHh, x.h0]));
  });

  const cases = FAST_CASES.map((c) => [`${c.kind} ${c.nonlinearity}${c.bias ? '' : ' no bias'}${c.reverse ? ' reverse' : ''}`, c] as const);
  it.each(cases)('XNNPACK + step kernels: %s', (_, c) => expectFastMatchesSteps(c, wasmRecurrence));
  it.each(cases)('JavaScript kernels on the heap: %s', (_, c) => expectFastMatchesSteps(c, jsRecurrence));

  it.each([
    ['LSTM, one-hot input, hidden 40 (XNNPACK path)', { kind: 'LSTM', embeddingSize: 0, hiddenSize: 40 }],
    ['GRU, embedding, hidden 8 (JavaScript path)', { kind: 'GRU', embeddingSize: 5, hiddenSize: 8 }],
  ] as const)('a character model trains as on the CPU backend: %s', async (_, config) => {
    const batch: TokenBatch = { inputs: Int32Array.from({ length: 12 }, (_v, k) => (k * 5) % 7), targets: Int32Array.from({ length: 12 }, (_v, k) => (k * 3) % 7), batch: 3, steps: 4 };
    const run = async (backend: string): Promise<Record<string, Nested>> => {
      await tf.setBackend(backend);
      const model = CharModel.create({ vocabSize: 7, numLayers: 1, head: true, reduction: 'mean', ...config }, 4);
      const { loss, gradients } = model.lossAndGradients(batch);
      const values = { loss: await read(loss), ...Object.fromEntries(await Promise.all(Object.entries(gradients).map(async ([name, g]) => [name, await read(g)]))) };
      tf.dispose([loss, ...Object.values(gradients)]);
      model.dispose();
      return values;
    };
    const want = await run('cpu');
    const got = await run('wasm');
    for (const [name, value] of Object.entries(want)) expectClose(got[name], value, name);
  });
});
