import { describe, expect, it } from 'vitest';
import { buildVocabulary, encode } from '../../../src/core/data/vocabulary';
import { generate, pickToken } from '../../../src/core/model/generate';
import { mulberry32 } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';
import { CHAR_LM_DEFAULTS, createCharLmModel, trainCharLm, type CharLmOptions } from '../../../src/core/train/charLm';
import { readerText } from '../../../src/i18n/readerText';
import { thrownInEnglish } from './thrownInEnglish';

const text = 'the cat sat on the mat. '.repeat(40);
const vocabulary = buildVocabulary(text);
const tokens = encode(vocabulary, text);

async function run(options: CharLmOptions) {
  const model = createCharLmModel(options, vocabulary.tokens.length);
  const steps = [];
  const generator = trainCharLm(model, tokens, options);
  let next = await generator.next();
  for (; !next.done; next = await generator.next()) steps.push(next.value);
  return { model, steps, outcome: next.value };
}

describe('character language model', () => {
  it.each(['RNN', 'LSTM', 'GRU'] as const)('%s: perplexity falls, generation works, nothing leaks', async (kind) => {
    const before = tf.memory().numTensors;
    const { model, steps, outcome } = await run({ ...CHAR_LM_DEFAULTS, kind, hiddenSize: 32, batch: 4, steps: 12, epochs: 8 });
    expect(outcome.reason).toBe('finished');
    expect(steps.at(-1)!.perplexity).toBeLessThan(steps[0].perplexity / 2);
    expect(steps.at(-1)!.progress).toBeCloseTo(1, 1);
    const sample = await generate(model, vocabulary, 'the ', { length: 20, temperature: 0 });
    expect(sample).toHaveLength(24);
    expect(sample.startsWith('the ')).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('random sampling trains from a fresh state each batch', async () => {
    const { model, outcome, steps } = await run({ ...CHAR_LM_DEFAULTS, sampling: 'random', hiddenSize: 16, batch: 4, steps: 10, epochs: 2 });
    expect(outcome.reason).toBe('finished');
    expect(steps.length).toBeGreaterThan(0);
    model.dispose();
  });

  it('a learning rate that blows up stops the run and restores finite weights', async () => {
    const { model, outcome } = await run({ ...CHAR_LM_DEFAULTS, kind: 'RNN', nonlinearity: 'relu', optimizer: 'sgd', learningRate: 1e3, clipNorm: 0, hiddenSize: 16, batch: 4, steps: 10, epochs: 3 });
    expect(outcome.reason).toBe('diverged');
    for (const v of Object.values(model.variables)) expect(Array.from(await v.data()).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('a text too short for one minibatch stops before the first step, saying so in either language', async () => {
    const { model, steps, outcome } = await run({ ...CHAR_LM_DEFAULTS, batch: 64, steps: 100, hiddenSize: 8 });
    expect(steps).toHaveLength(0);
    expect(readerText(outcome.message, 'en')).toBe('The text is too short for batches of 64 × 100 characters: use more text or smaller batches.');
    expect(readerText(outcome.message, 'zh')).toBe('文本太短，切不出 64 × 100 个字符的小批量：请换用更长的文本，或者减小批量。');
    model.dispose();
  });

  it('state_dict export and import round-trip; a malformed file changes nothing', async () => {
    const model = createCharLmModel({ ...CHAR_LM_DEFAULTS, hiddenSize: 8 }, vocabulary.tokens.length);
    const saved = await model.toStateDict();
    expect(Object.keys(saved)).toEqual(expect.arrayContaining(['rnn.weight_ih_l0', 'fc.weight', 'fc.bias']));
    const other = createCharLmModel({ ...CHAR_LM_DEFAULTS, hiddenSize: 8, seed: 5 }, vocabulary.tokens.length);
    const bad = { ...saved, 'fc.bias': { shape: [3], data: [1, 2, 3] } };
    const otherBefore = await other.toStateDict();
    expect(thrownInEnglish(() => other.loadStateDict(bad))).toMatch(/'fc.bias' has shape \[3\] but the layer needs/);
    expect(await other.toStateDict()).toEqual(otherBefore);
    other.loadStateDict(saved);
    expect(await other.toStateDict()).toEqual(saved);
    model.dispose();
    other.dispose();
  });

  it('greedy picks the largest logit; temperature samples in proportion', () => {
    expect(pickToken([0.1, 3, -1], 0, mulberry32(1))).toBe(1);
    const rng = mulberry32(2);
    const counts = [0, 0];
    for (let k = 0; k < 4000; k++) counts[pickToken([0, Math.log(3)], 1, rng)]++;
    expect(counts[1] / counts[0]).toBeGreaterThan(2.6);
    expect(counts[1] / counts[0]).toBeLessThan(3.4);
  });
});
