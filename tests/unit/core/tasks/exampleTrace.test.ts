/** The example a playground figure shows: the same sequence every time, read back whole, nothing leaked. */
import { describe, expect, it } from 'vitest';
import * as tf from '../../../../src/core/runtime/tf';
import {
  ADDING,
  createSequenceModel,
  ECHO,
  exampleSequence,
  exampleTrace,
  PARITY,
  SEQUENCE_TRAINING_DEFAULTS,
  trainSequenceTask,
} from '../../../../src/core/tasks';

const settings = { length: 8, delay: 2, maxDepth: 3 };

describe('exampleTrace', () => {
  it.each([
    ['LSTM', ['i', 'f', 'g', 'o', 'c', 'h']],
    ['GRU', ['r', 'z', 'n', 'h']],
    ['RNN', ['h']],
  ] as const)('%s: every traced quantity [T][H] of the top layer, targets only where scored, no tensor left', async (kind, names) => {
    const model = createSequenceModel(ECHO, settings, { kind, nonlinearity: 'tanh', hiddenSize: 5, numLayers: 2 }, 3);
    const before = tf.memory().numTensors;
    const trace = await exampleTrace(model, ECHO, settings);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(trace.states).sort()).toEqual([...names].sort());
    for (const values of Object.values(trace.states)) {
      expect(values).toHaveLength(8);
      expect(values.every((row) => row.length === 5)).toBe(true);
    }
    expect(trace.steps).toHaveLength(8);
    expect(trace.steps.slice(0, 2).every((s) => s.target === null && s.prediction === null && s.correct === null)).toBe(true);
    // Echo: the target at t is the input at t − d.
    for (let t = 2; t < 8; t++) expect(trace.steps[t].target).toBe(trace.steps[t - 2].input);
    expect(trace.accuracy).toBe(trace.steps.filter((s) => s.correct).length / 6);
    model.dispose();
  });

  it('its last layer’s h is the layer’s own output, so the trace shows what the head reads', async () => {
    const model = createSequenceModel(PARITY, settings, { kind: 'GRU', nonlinearity: 'tanh', hiddenSize: 4, numLayers: 2 }, 1);
    const example = exampleSequence(PARITY, settings);
    const trace = await exampleTrace(model, PARITY, settings, example);
    const { output, hN } = model.layer.predict(tf.tensor3d(example.inputs, [8, 1, 2]));
    const want = (await output.array()) as number[][][];
    tf.dispose([output, hN]);
    trace.states.h.forEach((row, t) => row.forEach((v, j) => expect(v).toBeCloseTo(want[t][0][j], 5)));
    model.dispose();
  });

  it('is the same sequence for every call, and marks the adding problem’s two numbers', () => {
    const a = exampleSequence(ADDING, { ...settings, length: 10 });
    expect(exampleSequence(ADDING, { ...settings, length: 10 }).inputs).toEqual(a.inputs);
    const markers = Array.from({ length: 10 }, (_, t) => a.inputs[t * 2 + 1]);
    expect(markers.filter((m) => m === 1)).toHaveLength(2);
  });

  it('after a short run on an easy echo the example is answered right, step by step', async () => {
    const easy = { length: 10, delay: 1, maxDepth: 3 };
    const model = createSequenceModel(ECHO, easy, { ...SEQUENCE_TRAINING_DEFAULTS, kind: 'RNN' }, 0);
    const run = trainSequenceTask(model, ECHO, easy, { ...SEQUENCE_TRAINING_DEFAULTS, kind: 'RNN', steps: 80, evaluateEvery: 0 });
    for (let next = await run.next(); !next.done; next = await run.next());
    const trace = await exampleTrace(model, ECHO, easy);
    expect(trace.accuracy).toBe(1);
    expect(trace.steps.slice(1).every((s) => s.prediction === s.target && s.correct)).toBe(true);
    model.dispose();
  });
});
