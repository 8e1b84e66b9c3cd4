/** Chapter 2's worked example reproduces the notes' eight numbers, in float64 and on tfjs. */
import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/core/runtime/tf';
import {
  computeWorkedExample,
  computeWorkedExampleReference,
  WORKED_EXAMPLE,
  WORKED_EXAMPLE_EXPECTED,
} from '../../../src/core/figures/workedExample';
import { expectClose } from './helpers';

describe('chapter 2 worked example', () => {
  it('matches in float64 on the reference cell', () => {
    const { states, outputs } = computeWorkedExampleReference();
    expectClose(states, WORKED_EXAMPLE_EXPECTED.states, 'states', 1e-6, 0);
    expectClose(outputs, WORKED_EXAMPLE_EXPECTED.outputs, 'outputs', 1e-6, 0);
  });

  it('matches on tfjs tensors through the recorder, leaving no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const { states, outputs } = await computeWorkedExample();
    expectClose(states, WORKED_EXAMPLE_EXPECTED.states, 'states', 1e-6, 0);
    expectClose(outputs, WORKED_EXAMPLE_EXPECTED.outputs, 'outputs', 1e-6, 0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('follows edited weights', async () => {
    const edited = { ...WORKED_EXAMPLE, cellBias: [0, 0.3] };
    const ref = computeWorkedExampleReference(edited);
    const live = await computeWorkedExample(edited);
    expectClose(live.states, ref.states, 'states', 1e-6, 0);
    expect(ref.states[0][0]).toBeCloseTo(Math.tanh(0.5), 12);
  });
});
