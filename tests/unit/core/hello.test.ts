import { describe, expect, it } from 'vitest';
import { createHelloModel, helloDefaults, trainHello, type HelloVariant } from '../../../src/core/train/hello';
import { TrainingControl } from '../../../src/core/train/trainer';
import * as tf from '../../../src/core/runtime/tf';
import { readerText } from '../../../src/i18n/readerText';

async function run(variant: HelloVariant, overrides = {}) {
  const options = { ...helloDefaults(variant), ...overrides };
  const model = createHelloModel(options);
  const epochs = [];
  const steps = trainHello(options, new TrainingControl(), model);
  let next = await steps.next();
  for (; !next.done; next = await steps.next()) epochs.push(next.value);
  return { epochs, outcome: next.value, model };
}

describe('hello → ohlol', () => {
  it.each(['cell', 'rnn', 'embedding'] as const)('%s: the loss falls over 15 epochs and nothing leaks', async (variant) => {
    const before = tf.memory().numTensors;
    const { epochs, outcome, model } = await run(variant, { seed: 3 });
    expect(outcome.reason).toBe('finished');
    expect(readerText(outcome.message, 'en')).toBe('Finished after 15 steps.');
    expect(epochs).toHaveLength(15);
    expect(epochs[14].loss).toBeLessThan(epochs[0].loss);
    expect(epochs[14].prediction).toMatch(/^[ehlo]{5}$/);
    expect(epochs[0].hidden).toHaveLength(5);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a huge learning rate stops with a message and restores the last good weights', async () => {
    const options = { ...helloDefaults('rnn'), learningRate: 1e38, epochs: 10 };
    const model = createHelloModel(options);
    const steps = trainHello(options, new TrainingControl(), model);
    let next = await steps.next();
    while (!next.done) next = await steps.next();
    expect(next.value.reason).toBe('diverged');
    expect(readerText(next.value.message, 'en')).toMatch(/^Training stopped .* The weights are back to their last good values; try a smaller learning rate or a clipping threshold\.$/);
    const values = await Promise.all(Object.values(model.variables).map((v) => v.data()));
    for (const data of values) expect(Array.from(data).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('an update that overflows the weights on the last epoch is caught, not reported as finished', async () => {
    // With lr 1e38 the seventh update is the first to leave non-finite weights; with 7 epochs it is the last.
    const options = { ...helloDefaults('rnn'), learningRate: 1e38, epochs: 7 };
    const model = createHelloModel(options);
    const steps = trainHello(options, new TrainingControl(), model);
    let next = await steps.next();
    while (!next.done) next = await steps.next();
    expect(next.value.reason).toBe('diverged');
    expect(readerText(next.value.message, 'en')).toMatch(/^Training stopped after step \d+: its update pushed the weights past the largest number float32 can hold \(or to NaN\)\. The weights are back/);
    const values = await Promise.all(Object.values(model.variables).map((v) => v.data()));
    for (const data of values) expect(Array.from(data).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('abort stops between epochs', async () => {
    const control = new TrainingControl();
    const steps = trainHello(helloDefaults('cell'), control);
    await steps.next();
    control.abort();
    let next = await steps.next();
    while (!next.done) next = await steps.next();
    expect(next.value.reason).toBe('aborted');
    expect(readerText(next.value.message, 'en')).toBe('Training stopped.');
    expect(readerText(next.value.message, 'zh')).toBe('训练已停止。');
  });
});
