/**
 * Every way a training run can end leaves `tf.memory().numTensors` where it started: runs that finish,
 * diverge, are aborted between steps or are closed with `.return()` mid-way, and models whose
 * construction throws halfway.
 */
import { describe, expect, it } from 'vitest';
import { buildVocabulary, encode } from '../../../src/core/data/vocabulary';
import { CharModel } from '../../../src/core/model/model';
import * as tf from '../../../src/core/runtime/tf';
import { CHAR_LM_DEFAULTS, createCharLmModel, trainCharLm, type CharLmOptions } from '../../../src/core/train/charLm';
import { createHelloModel, helloDefaults, trainHello, type HelloVariant } from '../../../src/core/train/hello';
import { stoppedOutcome, TrainingControl, type TrainOutcome } from '../../../src/core/train/trainer';

const REPEATS = 5;

/** Drives a run: to its end, or `stopAfter` events and then an abort or a `.return()`. */
async function drive<Event>(
  start: (control: TrainingControl) => AsyncGenerator<Event, TrainOutcome>,
  ending: 'end' | 'abort' | 'return',
  stopAfter = 2,
): Promise<TrainOutcome | null> {
  const control = new TrainingControl();
  const run = start(control);
  for (let events = 0; ; events++) {
    if (ending !== 'end' && events === stopAfter) {
      if (ending === 'return') {
        await run.return(stoppedOutcome(events));
        return null;
      }
      control.abort();
    }
    const next = await run.next();
    if (next.done) return next.value;
  }
}

describe('training runs release everything they hold', () => {
  it.each(['cell', 'rnn', 'embedding'] as const)('hello %s: finished, diverged, aborted and returned runs, many times', async (variant: HelloVariant) => {
    const start = tf.memory().numTensors;
    const options = helloDefaults(variant);
    for (let k = 0; k < REPEATS; k++) {
      expect((await drive((control) => trainHello(options, control), 'end'))?.reason).toBe('finished');
      expect((await drive((control) => trainHello({ ...options, learningRate: 1e38, epochs: 12 }, control), 'end'))?.reason).toBe('diverged');
      expect((await drive((control) => trainHello(options, control), 'abort'))?.reason).toBe('aborted');
      expect(await drive((control) => trainHello(options, control), 'return')).toBeNull();
      // Closed before its first step: it never built anything.
      await trainHello(options).return(stoppedOutcome(0));
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('hello with a model of the caller\'s: the run releases its own tensors and leaves the model alone', async () => {
    const options = helloDefaults('embedding');
    const model = createHelloModel(options);
    const parameters = Object.keys(model.variables).length;
    const start = tf.memory().numTensors;
    for (let k = 0; k < REPEATS; k++) await drive((control) => trainHello(options, control, model), 'return', 3);
    // The model keeps its last forward pass (predictions and hidden states) for inspection: two tensors.
    expect(tf.memory().numTensors).toBe(start + 2);
    expect(Object.values(model.variables).every((v) => !v.isDisposed)).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start - parameters);
  });

  const text = 'the cat sat on the mat. '.repeat(10);
  const vocabulary = buildVocabulary(text);
  const tokens = encode(vocabulary, text);

  it.each(['RNN', 'LSTM', 'GRU'] as const)('character model %s: finished, diverged, aborted and returned runs, many times', async (kind) => {
    const start = tf.memory().numTensors;
    const options: CharLmOptions = { ...CHAR_LM_DEFAULTS, kind, hiddenSize: 8, batch: 2, steps: 6, epochs: 1 };
    const runs: [CharLmOptions, 'end' | 'abort' | 'return', TrainOutcome['reason'] | null][] = [
      [options, 'end', 'finished'],
      // A GRU's gates saturate rather than blow up, so the run that diverges is a ReLU RNN whatever the kind.
      [{ ...options, kind: 'RNN', nonlinearity: 'relu', optimizer: 'sgd', learningRate: 1e38, clipNorm: 0, epochs: 3 }, 'end', 'diverged'],
      [options, 'abort', 'aborted'],
      [{ ...options, embeddingSize: 3, numLayers: 2 }, 'return', null],
    ];
    for (let k = 0; k < REPEATS; k++) {
      for (const [runOptions, ending, reason] of runs) {
        const model = createCharLmModel(runOptions, vocabulary.tokens.length);
        const outcome = await drive((control) => trainCharLm(model, tokens, runOptions, control), ending);
        expect(outcome?.reason ?? null).toBe(reason);
        model.dispose();
      }
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('a model whose construction throws halfway keeps nothing', () => {
    const start = tf.memory().numTensors;
    // The embedding is built before the recurrent layer refuses a ReLU GRU.
    const config = { vocabSize: 5, embeddingSize: 3, kind: 'GRU', nonlinearity: 'relu', hiddenSize: 4, numLayers: 1, head: true, reduction: 'mean' } as const;
    for (let k = 0; k < REPEATS; k++) expect(() => CharModel.create(config, 0)).toThrow(/RNN only/);
    expect(tf.memory().numTensors).toBe(start);
  });
});
