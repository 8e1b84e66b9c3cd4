/**
 * Generation on WebGPU (Dawn in Node): the fused step reads the weights back once and runs in
 * JavaScript, so its logits agree with the model's GPU forward pass to float32 rounding and it writes the
 * same text as the op-by-op path (one GPU forward pass and readback per character) for the same seed.
 * Few and short, as every op-by-op character costs a readback on the software GPU.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/core/runtime/tf';
import { GENERATION_MODELS, expectSameLogits, expectSameSamples } from '../unit/core/generationCases';
import { useWebGpuInNode } from './webgpuNode';

const models = GENERATION_MODELS.filter(([name]) => ['RNN tanh, one-hot', 'LSTM, 2 layers, embedding', 'GRU, one-hot'].includes(name));

describe('fused generation step (webgpu, Dawn in Node)', () => {
  beforeAll(() => useWebGpuInNode(), 120_000);

  it('runs on webgpu', () => expect(tf.getBackend()).toBe('webgpu'));
  it.each(models)('same logits as the forward pass: %s', (_, config) => expectSameLogits(config, 4, 1e-4));
  it.each(models)('same samples as the op-by-op path: %s', (_, config) =>
    expectSameSamples(config, 2, { length: 12, temperatures: [0, 1], prefixes: ['', 'the cat'], sampleSeeds: 1 }),
  );
});
