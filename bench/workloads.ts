/**
 * The four timed workloads, as the book runs them: a stepper click, a whole "hello" → "ohlol" run, one
 * step of character-model training, and 500 generated characters. Each returns its samples in ms.
 */
import { getCell } from '../src/core/cells';
import type { CellKind, CellState } from '../src/core/cells/types';
import { vocabularyFromTokens } from '../src/core/data/vocabulary';
import { generate } from '../src/core/model/generate';
import { RecurrentLayer } from '../src/core/layer/layer';
import { CharModel, type TokenBatch } from '../src/core/model/model';
import { mulberry32 } from '../src/core/random';
import * as tf from '../src/core/runtime/tf';
import { helloDefaults, trainHello, type HelloVariant } from '../src/core/train/hello';
import { adam } from '../src/core/train/adam';
import { stoppedOutcome, train } from '../src/core/train/trainer';
import { readerText } from '../src/i18n/readerText';
import { measure, type Plan, type Samples } from './timing';

/** Sizes of the character model: the 28 symbols of the `letters` vocabulary, as in the issue. */
export const CHAR_LM = { vocab: 28, hidden: 256, batch: 32, steps: 35 } as const;
/** Sizes of the stepper: what one click in a stepper figure computes. */
export const STEPPER = { input: CHAR_LM.vocab, hidden: 64 } as const;
export const GENERATED_CHARACTERS = 500;

/** One `forwardStep` and one `backwardStep` at batch 1, read back as the figure would show them. */
export async function stepperLatency(kind: CellKind, plan: Plan): Promise<Samples> {
  const layer = RecurrentLayer.create({ kind, inputSize: STEPPER.input, hiddenSize: STEPPER.hidden }, 0);
  const cell = getCell(kind);
  const p = layer.cellParams(0, 0);
  const x = tf.oneHot(tf.tensor1d([3], 'int32'), STEPPER.input, 1, 0, 'float32') as tf.Tensor2D;
  const h = tf.fill([1, STEPPER.hidden], 0.1) as tf.Tensor2D;
  const state: CellState = kind === 'LSTM' ? { h, c: h } : { h };
  const dh = tf.ones([1, STEPPER.hidden]) as tf.Tensor2D;
  try {
    return await measure(async () => {
      const { state: next, cache } = cell.forwardStep(p, x, state);
      const g = cell.backwardStep(p, cache, next.c ? { h: dh, c: dh } : { h: dh });
      await Promise.all([next.h.data(), g.dStatePrev.h.data()]);
      tf.dispose([Object.values(cache.values), next.c ?? [], g.dx, g.dStatePrev.h, g.dStatePrev.c ?? []]);
      tf.dispose(Object.values(g.dParams).filter((t) => t !== null));
    }, plan);
  } finally {
    tf.dispose([x, h, dh]);
    layer.dispose();
  }
}

/** A whole 15-epoch training run of one variant, a fresh seed each run, as the Hello trainer figure runs it. */
export async function helloRun(variant: HelloVariant, plan: Plan): Promise<Samples> {
  let seed = 0;
  return measure(async () => {
    for await (const epoch of trainHello({ ...helloDefaults(variant), seed: seed++ })) void epoch;
  }, plan);
}

/** Random minibatches of token ids (the values do not change the work). */
function* randomBatches(seed: number): Generator<{ epoch: number; batch: TokenBatch }> {
  const rng = mulberry32(seed);
  const size = CHAR_LM.batch * CHAR_LM.steps;
  const ids = () => Int32Array.from({ length: size }, () => Math.floor(rng.next() * CHAR_LM.vocab));
  for (;;) yield { epoch: 0, batch: { inputs: ids(), targets: ids(), batch: CHAR_LM.batch, steps: CHAR_LM.steps } };
}

/**
 * One training step of the character model through the book's own training loop: forward, analytic BPTT,
 * global-norm clipping at 1, Adam, and the loss read back.
 */
export async function charLmStep(kind: CellKind, plan: Plan): Promise<Samples> {
  const model = CharModel.create(
    { vocabSize: CHAR_LM.vocab, embeddingSize: 0, kind, hiddenSize: CHAR_LM.hidden, numLayers: 1, head: true, reduction: 'mean' },
    0,
  );
  const optimizer = adam(0.002);
  const steps = train(model, randomBatches(1), { optimizer, clipNorm: 1 });
  try {
    return await measure(async () => {
      const next = await steps.next();
      if (next.done) throw new Error(`training stopped: ${readerText(next.value.message, 'en')}`);
    }, plan);
  } finally {
    await steps.return(stoppedOutcome(0));
    optimizer.dispose();
    model.dispose();
  }
}

/** `GENERATED_CHARACTERS` characters sampled one at a time from an (untrained) LSTM of hidden size 256. */
export async function generation(plan: Plan): Promise<Samples> {
  const letters = ' abcdefghijklmnopqrstuvwxyz'.split('');
  const vocabulary = vocabularyFromTokens(['<unk>', ...letters]);
  const model = CharModel.create(
    { vocabSize: vocabulary.tokens.length, embeddingSize: 0, kind: 'LSTM', hiddenSize: CHAR_LM.hidden, numLayers: 1, head: true, reduction: 'mean' },
    0,
  );
  let seed = 0;
  try {
    return await measure(() => generate(model, vocabulary, '', { length: GENERATED_CHARACTERS, temperature: 1, seed: seed++ }), plan);
  } finally {
    model.dispose();
  }
}
