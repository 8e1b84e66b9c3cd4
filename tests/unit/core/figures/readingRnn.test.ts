/**
 * The reading figure's computation: the word's one-hot inputs follow chapter 3's convention, and the states
 * equal a float64 RNN written out here from the same PyTorch draws, leaving no tensor behind.
 */
import { describe, expect, it } from 'vitest';
import { readWord, repeatedLetter } from '../../../../src/core/figures/readingRnn';
import { charactersOf, oneHotRows, wordVocabulary } from '../../../../src/core/figures/wordInput';
import { recurrentParameters, TorchGenerator } from '../../../../src/core/random';
import * as tf from '../../../../src/core/runtime/tf';
import { readerText } from '../../../../src/i18n/readerText';
import { expectClose } from '../helpers';

/** h_t = tanh(W_ih[:, k_t] + b_ih + W_hh·h_{t−1} + b_hh) in float64: a one-hot input picks a column of W_ih. */
function referenceStates(word: string, hiddenSize: number, seed: number): number[][] {
  const vocabulary = wordVocabulary(word);
  const V = vocabulary.length;
  const H = hiddenSize;
  const [wIh, wHh, bIh, bHh] = recurrentParameters(new TorchGenerator(seed), H, [H * V, H * H, H, H]);
  let h = new Array<number>(H).fill(0);
  return charactersOf(word).map((character) => {
    const k = vocabulary.indexOf(character);
    h = Array.from({ length: H }, (_, j) => {
      let sum = wIh[j * V + k] + bIh[j] + bHh[j];
      for (let i = 0; i < H; i++) sum += wHh[j * H + i] * h[i];
      return Math.tanh(sum);
    });
    return h;
  });
}

describe('wordInput', () => {
  it('"hello" has the vocabulary e, h, l, o and "h" is [0, 1, 0, 0], as in chapter 3', () => {
    expect(wordVocabulary('hello')).toEqual(['e', 'h', 'l', 'o']);
    expect(oneHotRows(charactersOf('hello'), wordVocabulary('hello'))).toEqual([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('counts characters as code points', () => {
    expect(charactersOf('你好')).toEqual(['你', '好']);
    expect(wordVocabulary('😀a😀')).toEqual(['a', '😀']);
  });

  it('refuses a character outside the vocabulary, naming it to the reader', () => {
    let problem: unknown;
    try {
      oneHotRows(['x'], ['a', 'b']);
    } catch (error) {
      problem = error;
    }
    expect(readerText(problem, 'en')).toBe('"x" is not in the vocabulary a, b');
    expect(readerText(problem, 'zh')).toBe('“x”不在词表 a, b 中');
  });
});

describe('readWord', () => {
  it.each([
    ['hello', 4, 0],
    ['recurrent', 3, 7],
    ['a', 1, 42],
  ])('"%s", H = %i, seed %i: the states equal a float64 RNN from the same draws, no tensor left behind', async (word, hiddenSize, seed) => {
    const before = tf.memory().numTensors;
    const trace = await readWord({ word, hiddenSize, seed });
    expect(tf.memory().numTensors).toBe(before);
    expect(trace.characters).toEqual(charactersOf(word));
    expect(trace.inputs).toEqual(oneHotRows(trace.characters, trace.vocabulary));
    expectClose(trace.states, referenceStates(word, hiddenSize, seed), word, 1e-5);
    for (const h of trace.states) for (const v of h) expect(Math.abs(v)).toBeLessThan(1);
  });

  it('remembers: the two "l"s of "hello" are the same input but leave different states', async () => {
    const { inputs, states } = await readWord({ word: 'hello', hiddenSize: 4, seed: 0 });
    expect(inputs[2]).toEqual(inputs[3]);
    const difference = Math.max(...states[2].map((v, j) => Math.abs(v - states[3][j])));
    expect(difference).toBeGreaterThan(1e-3);
    expect(repeatedLetter({ characters: ['h', 'e', 'l', 'l', 'o'], states }, 3)).toEqual({ earlier: 2, difference });
    expect(repeatedLetter({ characters: ['h', 'e', 'l', 'l', 'o'], states }, 2)).toBeNull();
    expect(repeatedLetter({ characters: ['h', 'e', 'l', 'l', 'o'], states: states.slice(0, 3) }, 3)).toBeNull();
  });

  it('says what is wrong with an empty word or a bad size, in the page’s language', async () => {
    const problemOf = (options: Parameters<typeof readWord>[0]) => readWord(options).then(() => null, (problem: unknown) => ({ en: readerText(problem, 'en'), zh: readerText(problem, 'zh') }));
    expect(await problemOf({ word: '', hiddenSize: 4, seed: 0 })).toEqual({ en: 'Type a word of at least one letter.', zh: '请输入至少一个字母的单词。' });
    expect((await problemOf({ word: 'hi', hiddenSize: 0, seed: 0 }))?.en).toBe('The hidden size must be a whole number of at least 1, got 0');
  });
});
