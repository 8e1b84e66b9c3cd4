/**
 * A tiny RNN reading a word one character at a time: `nn.RNN(V, H)` (tanh) initialised as PyTorch does
 * after `torch.manual_seed(seed)`, fed the word's one-hot characters from h₀ = 0. What the figure shows is
 * the memory this builds: h_t after each character, a function of everything read so far.
 */
import { getCell } from '../cells';
import type { CellParams } from '../cells/types';
import { recurrentParameters, TorchGenerator } from '../random';
import { ReaderError } from '../readerMessage';
import * as tf from '../runtime/tf';
import { charactersOf, oneHotRows, wordVocabulary } from './wordInput';

export interface ReadingRnnOptions {
  /** the word to read, one character per time step; at least one character */
  word: string;
  /** H, the number of hidden units */
  hiddenSize: number;
  /** the seed of PyTorch's default initialisation */
  seed: number;
}

/** A word read by the RNN, as plain numbers. */
export interface ReadingTrace {
  /** the word's characters in reading order: [T] */
  characters: string[];
  /** distinct characters, sorted; the input size is V = vocabulary.length */
  vocabulary: string[];
  /** x_t, one-hot: [T][V] */
  inputs: number[][];
  /** h_t after reading character t (t = 0…T−1), each entry in (−1, 1): [T][H] */
  states: number[][];
}

/**
 * The parameters of `nn.RNN(inputSize, hiddenSize)` after `torch.manual_seed(seed)`: weight_ih [H, V],
 * weight_hh [H, H], bias_ih [H], bias_hh [H], each U(±1/√H), drawn in that order.
 */
function seededRnnParams(inputSize: number, hiddenSize: number, seed: number): CellParams {
  const H = hiddenSize;
  const [weightIh, weightHh, biasIh, biasHh] = recurrentParameters(new TorchGenerator(seed), H, [H * inputSize, H * H, H, H]);
  return {
    weightIh: tf.tensor2d(weightIh, [H, inputSize]),
    weightHh: tf.tensor2d(weightHh, [H, H]),
    biasIh: tf.tensor1d(biasIh),
    biasHh: tf.tensor1d(biasHh),
  };
}

/**
 * Reads `word` with the engine's RNN cell, one `forwardStep` per character:
 * h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh), x_t: [1, V], h_t: [1, H]. All states come back in
 * one read; no tensor outlives the call.
 */
export async function readWord({ word, hiddenSize, seed }: ReadingRnnOptions): Promise<ReadingTrace> {
  const characters = charactersOf(word);
  if (characters.length === 0) throw new ReaderError({ key: 'readingRnn:wordEmpty' });
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1) throw new ReaderError({ key: 'readingRnn:hiddenSizeInvalid', values: { value: hiddenSize } });
  const vocabulary = wordVocabulary(word);
  const inputs = oneHotRows(characters, vocabulary);
  const cell = getCell('RNN', 'tanh');
  const stacked = tf.tidy(() => {
    const params = seededRnnParams(vocabulary.length, hiddenSize, seed);
    let h: tf.Tensor2D = tf.zeros([1, hiddenSize]);
    const states: tf.Tensor2D[] = [];
    for (const x of inputs) {
      h = cell.forwardStep(params, tf.tensor2d([x]), { h }).state.h;
      states.push(h);
    }
    return tf.concat(states, 0);
  });
  try {
    const values = await stacked.data();
    const states = characters.map((_, t) => Array.from(values.subarray(t * hiddenSize, (t + 1) * hiddenSize)));
    return { characters, vocabulary, inputs, states };
  } finally {
    stacked.dispose();
  }
}

/** A letter read before: where, and how far the state after it is from the state now. */
export interface RepeatedLetter {
  /** the earlier step (0-based) that read the same character */
  earlier: number;
  /** max_j |h_t[j] − h_earlier[j]|: the same input, so any difference is memory of what came before */
  difference: number;
}

/** For step t, the last earlier step with the same character, or null when the character is new. */
export function repeatedLetter(trace: Pick<ReadingTrace, 'characters' | 'states'>, t: number): RepeatedLetter | null {
  const earlier = trace.characters.lastIndexOf(trace.characters[t], t - 1);
  if (t < 1 || earlier < 0 || !trace.states[t] || !trace.states[earlier]) return null;
  const difference = Math.max(...trace.states[t].map((v, j) => Math.abs(v - trace.states[earlier][j])));
  return { earlier, difference };
}
