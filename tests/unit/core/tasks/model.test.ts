/**
 * The playground's model and training: analytic gradients equal autodiff's through the same network,
 * nothing leaks however a run or sweep ends, and a short run learns an easy setting.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '../../../../src/core/runtime/tf';
import { crossEntropy } from '../../../../src/core/train/loss';
import { stoppedOutcome, TrainingControl } from '../../../../src/core/train/trainer';
import {
  ADDING,
  createSequenceModel,
  DEFAULT_TASK_SETTINGS,
  ECHO,
  evaluate,
  evaluationBatch,
  PARENTHESES,
  SEQUENCE_TRAINING_DEFAULTS,
  summarize,
  sweep,
  trainAndEvaluate,
  trainSequenceTask,
  withSpan,
  type SequenceBatch,
  type SequenceTask,
  type SweepRun,
} from '../../../../src/core/tasks';
import type { SequenceModel } from '../../../../src/core/tasks/model';

const tiny = { ...DEFAULT_TASK_SETTINGS, length: 6, delay: 2, maxDepth: 2 };

/** The loss through the layer's autodiff-visible forward pass and tfjs's own ops: the check. */
function autodiffLoss(model: SequenceModel, task: SequenceTask, batch: SequenceBatch): tf.Scalar {
  const { steps: T, batch: B, scoredFrom: s } = batch;
  const { output } = model.layer.forward(tf.tensor3d(batch.inputs, [T, B, batch.inputSize]));
  const H = output.shape[2];
  const rows = tf.reshape(tf.slice(output, [s, 0, 0], [T - s, B, H]), [(T - s) * B, H]) as tf.Tensor2D;
  const { 'fc.weight': weight, 'fc.bias': bias } = model.variables;
  const answers = tf.add(tf.matMul(rows, weight as tf.Tensor2D, false, true), bias) as tf.Tensor2D;
  const kept = batch.targets.subarray(s * B);
  if (task.objective === 'classification') return crossEntropy(answers, tf.tensor1d(kept, 'int32'));
  return tf.mean(tf.square(tf.sub(tf.reshape(answers, [-1]), tf.tensor1d(kept))));
}

describe('gradients', () => {
  it.each([
    ['echo, LSTM', ECHO, 'LSTM'],
    ['adding, GRU', ADDING, 'GRU'],
    ['parentheses, RNN', PARENTHESES, 'RNN'],
  ] as const)('%s: the analytic gradients equal tf.grad of the same loss', (_, task, kind) => {
    const model = createSequenceModel(task, tiny, { kind, nonlinearity: 'tanh', hiddenSize: 3, numLayers: 2 }, 7);
    const batch = evaluationBatch(task, tiny, 2);
    const analytic = model.lossAndGradients(batch);
    const { value, grads } = tf.variableGrads(() => autodiffLoss(model, task, batch), Object.values(model.variables));
    expect(analytic.loss.arraySync()).toBeCloseTo(value.arraySync() as number, 5);
    for (const [name, variable] of Object.entries(model.variables)) {
      expect(analytic.gradients[name].shape, name).toEqual(variable.shape);
      const got = analytic.gradients[name].dataSync();
      const want = grads[variable.name].dataSync();
      for (let k = 0; k < want.length; k++) expect(got[k], `${name}[${k}]`).toBeCloseTo(want[k], 5);
    }
    tf.dispose([analytic.loss, ...Object.values(analytic.gradients), value, ...Object.values(grads)]);
    model.dispose();
  });

  it('a model for a regression task has one output and nn.Linear-sized head', () => {
    const model = createSequenceModel(ADDING, tiny, { kind: 'RNN', nonlinearity: 'relu', hiddenSize: 5, numLayers: 1 }, 0);
    expect(model.variables['fc.weight'].shape).toEqual([1, 5]);
    expect(Object.keys(model.variables)).toEqual(['rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0', 'fc.weight', 'fc.bias']);
    const outputs = model.outputs(evaluationBatch(ADDING, tiny, 4));
    expect(outputs.shape).toEqual([6, 4, 1]);
    outputs.dispose();
    model.dispose();
  });
});

const quick = { ...SEQUENCE_TRAINING_DEFAULTS, hiddenSize: 8, batch: 8, steps: 6, evaluateEvery: 2 };

describe('training', () => {
  it('a short run on echo with delay 2 learns it: far above chance', async () => {
    const settings = { ...DEFAULT_TASK_SETTINGS, length: 12, delay: 2 };
    const result = await trainAndEvaluate(ECHO, settings, { ...SEQUENCE_TRAINING_DEFAULTS, kind: 'RNN', hiddenSize: 16, steps: 120 });
    expect(result.outcome.reason).toBe('finished');
    expect(result.accuracy).toBeGreaterThan(0.8);
    expect(ECHO.chanceAccuracy(settings)).toBe(0.25);
  });

  it('reports each step, a held-out score when asked, and leaks nothing', async () => {
    const start = tf.memory().numTensors;
    const model = createSequenceModel(ECHO, tiny, quick, 0);
    const afterModel = tf.memory().numTensors;
    const events = [];
    for await (const step of trainSequenceTask(model, ECHO, tiny, quick)) events.push(step);
    expect(events.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.filter((e) => e.evaluation).map((e) => e.step)).toEqual([2, 4, 6]);
    expect(events[5].progress).toBe(1);
    expect(tf.memory().numTensors).toBe(afterModel);
    const score = await evaluate(model, ECHO, tiny);
    expect(score.accuracy).toBeGreaterThanOrEqual(0);
    expect(score.accuracy).toBeLessThanOrEqual(1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('runs that finish, diverge, are aborted or closed mid-way leave numTensors flat', async () => {
    const start = tf.memory().numTensors;
    for (const task of [ECHO, ADDING]) {
      await trainAndEvaluate(task, tiny, quick);
      const diverged = await trainAndEvaluate(task, tiny, { ...quick, kind: 'RNN', nonlinearity: 'relu', optimizer: 'sgd', learningRate: 1e38, clipNorm: 0, steps: 12 });
      expect(diverged.outcome.reason).toBe('diverged');
      const control = new TrainingControl();
      const model = createSequenceModel(task, tiny, quick, 1);
      const run = trainSequenceTask(model, task, tiny, quick, control);
      await run.next();
      control.abort();
      expect((await run.next()).value).toMatchObject({ reason: 'aborted' });
      const closed = trainSequenceTask(model, task, tiny, quick);
      await closed.next();
      await closed.return(stoppedOutcome(0));
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('the sweep', () => {
  const options = { task: ECHO, settings: tiny, spans: [1, 3], cells: ['rnn', 'gru'] as const, seeds: [0], training: { ...quick, steps: 3 } };

  it('trains every span × seed × cell, span by span, and leaks nothing', async () => {
    const start = tf.memory().numTensors;
    const seen = [];
    const run = sweep(options);
    let next = await run.next();
    for (; !next.done; next = await run.next()) seen.push(next.value);
    expect(seen.map((p) => [p.run.span, p.run.cell, p.done, p.total])).toEqual([
      [1, 'rnn', 1, 4],
      [1, 'gru', 2, 4],
      [3, 'rnn', 3, 4],
      [3, 'gru', 4, 4],
    ]);
    expect(next.value).toHaveLength(4);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('stops when aborted, returning the runs done so far', async () => {
    const start = tf.memory().numTensors;
    const control = new TrainingControl();
    const run = sweep(options, control);
    await run.next();
    control.abort();
    const end = await run.next();
    expect(end.done).toBe(true);
    expect(end.value).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('checks every span before the first run', async () => {
    await expect(sweep({ ...options, spans: [1, 6] }).next()).rejects.toMatchObject({ reader: { key: 'sequencePlayground:echoDelayTooLong', values: { delay: 6 } } });
    expect(withSpan(ECHO, tiny, 4).delay).toBe(4);
    expect(withSpan(ADDING, tiny, 40).length).toBe(40);
  });

  it('summarises seeds as mean, sample sd and range', () => {
    const runs = [0.5, 0.7, 0.9].map((accuracy, seed): SweepRun => ({ cell: 'lstm', span: 5, seed, accuracy, loss: 0, reason: 'finished', elapsedMs: 0 }));
    const summary = summarize(runs, 5, 'lstm');
    expect(summary?.mean).toBeCloseTo(0.7, 12);
    expect(summary?.sd).toBeCloseTo(0.2, 12);
    expect([summary?.min, summary?.max, summary?.runs]).toEqual([0.5, 0.9, 3]);
    expect(summarize(runs, 5, 'gru')).toBeNull();
  });
});
