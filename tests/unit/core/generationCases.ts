/**
 * The fused generation step against the op-by-op path, shared by the backends' tests: for each model
 * (every kind, one and two layers, one-hot and embedding input, with and without a head) the same text
 * for the same seed at several temperatures, the same logits step by step, and no tensor left behind.
 */
import { expect } from 'vitest';
import { vocabularyFromTokens } from '../../../src/core/data/vocabulary';
import { GenerationStep } from '../../../src/core/fast/generationStep';
import { generateText, generationWeights } from '../../../src/core/model/generate';
import { CharModel, type CharModelConfig } from '../../../src/core/model/model';
import * as tf from '../../../src/core/runtime/tf';

export const VOCABULARY = vocabularyFromTokens(['<unk>', ...' abcdefghijklmnopqrstuvwxyz.'.split('')]);
const V = VOCABULARY.tokens.length;
const base: CharModelConfig = { vocabSize: V, embeddingSize: 0, kind: 'LSTM', hiddenSize: 24, numLayers: 1, head: true, reduction: 'mean' };

export const GENERATION_MODELS: [string, CharModelConfig][] = [
  ['RNN tanh, one-hot', { ...base, kind: 'RNN' }],
  ['RNN relu, 2 layers, embedding', { ...base, kind: 'RNN', nonlinearity: 'relu', numLayers: 2, embeddingSize: 8 }],
  ['LSTM, one-hot', { ...base }],
  ['LSTM, 2 layers, embedding', { ...base, numLayers: 2, embeddingSize: 10, hiddenSize: 17 }],
  ['GRU, one-hot', { ...base, kind: 'GRU' }],
  ['GRU, 3 layers, embedding', { ...base, kind: 'GRU', numLayers: 3, embeddingSize: 6 }],
  ['LSTM, no head (H = V)', { ...base, head: false, hiddenSize: V }],
];

/** Large weights, so that the untrained model's distribution is far from uniform and greedy picks vary. */
function sharpen(model: CharModel, scale: number): void {
  tf.tidy(() => {
    for (const v of Object.values(model.variables)) v.assign(tf.mul(v, scale));
  });
}

/** How much text `expectSameSamples` generates: the op-by-op path on a software GPU is slow. */
export interface SampleRuns {
  length: number;
  temperatures: number[];
  prefixes: string[];
  sampleSeeds: number;
}
const FULL_RUNS: SampleRuns = { length: 60, temperatures: [0, 0.5, 1, 1.7], prefixes: ['', 'the cat', 'q'], sampleSeeds: 2 };

/** The same continuation from both paths, for several seeds and temperatures, with and without a prefix. */
export async function expectSameSamples(config: CharModelConfig, seed: number, runs: SampleRuns = FULL_RUNS): Promise<void> {
  const model = CharModel.create(config, seed);
  sharpen(model, 3);
  const before = tf.memory().numTensors;
  try {
    for (const temperature of runs.temperatures) {
      for (const prefix of runs.prefixes) {
        for (let s = 0; s < runs.sampleSeeds; s++) {
          const sampleSeed = seed + 100 * s;
          const options = { length: runs.length, temperature, seed: sampleSeed };
          const fused = await generateText(model, VOCABULARY, prefix, options);
          const ops = await generateText(model, VOCABULARY, prefix, { ...options, opByOp: true });
          expect(fused, `temperature ${temperature}, prefix "${prefix}", seed ${sampleSeed}`).toEqual(ops);
          expect(fused.complete).toBe(true);
        }
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  } finally {
    model.dispose();
  }
}

/** The fused step's logits after each token against the model's forward pass over the whole text so far. */
export async function expectSameLogits(config: CharModelConfig, seed: number, tolerance: number): Promise<void> {
  const model = CharModel.create(config, seed);
  sharpen(model, 2);
  const tokens = Int32Array.from('hello world. the quick brown fox', (c) => VOCABULARY.index.get(c) ?? 0);
  try {
    const weights = await generationWeights(model);
    const { logits, state } = model.run(tokens, 1, tokens.length);
    const expected = await logits.data();
    tf.dispose([logits, state.h, state.c ?? []]);
    // Products in the WebAssembly SIMD module and in JavaScript: the same bits either way.
    const [simd, js] = [new GenerationStep(weights), new GenerationStep(weights, { simd: false })];
    let worst = 0;
    for (let t = 0; t < tokens.length; t++) {
      simd.advance(tokens[t]);
      js.advance(tokens[t]);
      const got = simd.logits();
      expect(got).toEqual(js.logits());
      for (let v = 0; v < V; v++) worst = Math.max(worst, Math.abs(got[v] - expected[t * V + v]));
    }
    expect(worst).toBeLessThanOrEqual(tolerance);
  } finally {
    model.dispose();
  }
}
