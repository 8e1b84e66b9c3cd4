/**
 * Training a character language model on a text: minibatches cut from the token stream (sequential,
 * carrying the detached state across batches, or random, each from a fresh state), cross-entropy over
 * every position, global-norm clipping, SGD or Adam. Progress comes as events with perplexity and speed.
 */
import { minibatches, minibatchesPerEpoch, type Sampling } from '../data/minibatches';
import type { CellKind, Nonlinearity } from '../cells/types';
import { CharModel, type TokenBatch } from '../model/model';
import { deriveSeed } from '../random';
import * as tf from '../runtime/tf';
import { adam } from './adam';
import { stoppedOutcome, train, TrainingControl, type TrainOutcome } from './trainer';

export interface CharLmOptions {
  kind: CellKind;
  /** RNN only. */
  nonlinearity: Nonlinearity;
  hiddenSize: number;
  numLayers: number;
  /** 0: one-hot input; otherwise the width of a learned embedding. */
  embeddingSize: number;
  /** Time steps per minibatch row (truncated BPTT length). */
  steps: number;
  batch: number;
  sampling: Sampling;
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  /** Global-norm clipping threshold θ; 0 turns clipping off. */
  clipNorm: number;
  epochs: number;
  seed: number;
}

/** A sensible start: small enough to train in a page in a minute, big enough to learn words. */
export const CHAR_LM_DEFAULTS: CharLmOptions = {
  kind: 'LSTM',
  nonlinearity: 'tanh',
  hiddenSize: 64,
  numLayers: 1,
  embeddingSize: 0,
  steps: 35,
  batch: 16,
  sampling: 'sequential',
  optimizer: 'adam',
  learningRate: 0.01,
  clipNorm: 1,
  epochs: 5,
  seed: 0,
};

export interface CharLmStep {
  step: number;
  epoch: number;
  /** Mean cross-entropy per token of this minibatch (nats). */
  loss: number;
  /** exp(loss): how many characters the model is, in effect, choosing between. */
  perplexity: number;
  gradientNorm: number;
  clipped: boolean;
  /** Characters trained on per second, over the run so far. */
  tokensPerSecond: number;
  /** Fraction of the whole run done, 0…1. */
  progress: number;
}

/** The model a run trains, for a vocabulary of `vocabSize` tokens. */
export function createCharLmModel(options: CharLmOptions, vocabSize: number): CharModel {
  return CharModel.create(
    { vocabSize, embeddingSize: options.embeddingSize, kind: options.kind, nonlinearity: options.kind === 'RNN' ? options.nonlinearity : 'tanh', hiddenSize: options.hiddenSize, numLayers: options.numLayers, head: true, reduction: 'mean' },
    options.seed,
  );
}

/** Minibatches of every epoch, in order; sequential sampling starts each epoch from a fresh state. */
function* epochs(tokens: Int32Array, options: CharLmOptions, model: CharModel): Generator<{ epoch: number; batch: TokenBatch }> {
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    model.resetState();
    // A stream per epoch apart from the weights' (PyTorch's generator): see minibatches.ts for why.
    for (const batch of minibatches(tokens, options.sampling, options.batch, options.steps, deriveSeed(options.seed, epoch + 1))) {
      yield { epoch, batch };
    }
  }
}

/** Trains `model` on `tokens`, yielding after every minibatch; returns why it stopped. */
export async function* trainCharLm(
  model: CharModel,
  tokens: Int32Array,
  options: CharLmOptions,
  control = new TrainingControl(),
): AsyncGenerator<CharLmStep, TrainOutcome> {
  const perEpoch = minibatchesPerEpoch(tokens.length, options.sampling, options.batch, options.steps);
  if (perEpoch < 1) {
    return { reason: 'diverged', message: { key: 'training:textTooShort', values: { batch: options.batch, steps: options.steps } }, steps: 0 };
  }
  model.carryState = options.sampling === 'sequential';
  const optimizer = options.optimizer === 'adam' ? adam(options.learningRate) : tf.train.sgd(options.learningRate);
  const started = performance.now();
  const steps = train(model, epochs(tokens, options, model), { optimizer, clipNorm: options.clipNorm, control });
  try {
    for (let next = await steps.next(); ; next = await steps.next()) {
      if (next.done) return next.value;
      const { step, epoch, loss, gradientNorm, clipped } = next.value;
      yield {
        step,
        epoch,
        loss,
        perplexity: Math.exp(loss),
        gradientNorm,
        clipped,
        tokensPerSecond: (step * options.batch * options.steps) / ((performance.now() - started) / 1000),
        progress: Math.min(1, step / (perEpoch * options.epochs)),
      };
    }
  } finally {
    // Closing the inner loop releases the copy of the weights it keeps for a divergence.
    await steps.return(stoppedOutcome(0));
    optimizer.dispose();
    model.resetState();
  }
}

/**
 * The perplexity over the last `window` steps of a run: exp of their mean loss. One minibatch's
 * perplexity is noisy; this is the number to compare two runs by.
 */
export function recentPerplexity(steps: readonly CharLmStep[], window = 50): number {
  const recent = steps.slice(-window);
  if (recent.length === 0) return Number.NaN;
  return Math.exp(recent.reduce((sum, s) => sum + s.loss, 0) / recent.length);
}
