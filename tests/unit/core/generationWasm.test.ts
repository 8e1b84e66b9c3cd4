/**
 * Generation's fused step on the WASM backend, where the op-by-op path runs one-row products in
 * JavaScript too: the same text for the same seed, and the logits to float rounding (a long text's input
 * projection goes to XNNPACK there, which sums in float32).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../../src/core/runtime/tf';
import { GENERATION_MODELS, expectSameLogits, expectSameSamples } from './generationCases';

describe('fused generation step (wasm backend)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  });

  it('runs on the wasm backend', () => expect(tf.getBackend()).toBe('wasm'));
  it.each(GENERATION_MODELS)('same samples as the op-by-op path: %s', (_, config) => expectSameSamples(config, 1));
  it.each(GENERATION_MODELS)('same logits as the forward pass: %s', (_, config) => expectSameLogits(config, 4, 2e-5));
});
