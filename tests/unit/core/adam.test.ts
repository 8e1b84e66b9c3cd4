/**
 * The fused Adam of the CPU and WASM backends against tfjs's own `tf.train.adam` (the same formula as
 * `torch.optim.Adam`), over several steps on several variables; and it frees what it holds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { adam } from '../../../src/core/train/adam';
import { mulberry32, uniformValues } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';

const SHAPES = [[3, 5], [5], [1, 1]];

/** Runs `steps` updates with seeded gradients; returns the final values of the variables. */
async function trainWith(make: (learningRate: number) => { applyGradients: (g: { name: string; tensor: tf.Tensor }[]) => void; dispose: () => void }, steps: number) {
  const rng = mulberry32(5);
  const initial = SHAPES.map((shape) => uniformValues(rng, shape.reduce((a, b) => a * b, 1), 1));
  const variables = initial.map((values, k) => tf.tidy(() => tf.variable(tf.tensor(values, SHAPES[k]))));
  const optimizer = make(0.05);
  for (let step = 0; step < steps; step++) {
    const gradients = variables.map((v) => ({ name: v.name, tensor: tf.tensor(uniformValues(rng, v.size, 2), v.shape) }));
    optimizer.applyGradients(gradients);
    tf.dispose(gradients.map((g) => g.tensor));
  }
  optimizer.dispose();
  const values = await Promise.all(variables.map((v) => v.data()));
  tf.dispose(variables);
  return { initial: initial.map((v) => Array.from(v)), final: values.map((v) => Array.from(v)) };
}

describe.each(['cpu', 'wasm'])('fused Adam on %s', (backend) => {
  afterAll(() => tf.setBackend('cpu'));

  it('takes the same steps as tf.train.adam and leaks nothing', async () => {
    if (backend === 'wasm') {
      await import('@tensorflow/tfjs-backend-wasm');
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    expect(await tf.setBackend(backend)).toBe(true);
    const before = tf.memory().numTensors;
    const fused = await trainWith((lr) => adam(lr), 7);
    expect(tf.memory().numTensors).toBe(before);
    const reference = await trainWith((lr) => tf.train.adam(lr, 0.9, 0.999, 1e-8), 7);
    const moves: number[] = [];
    for (const [k, values] of fused.final.entries()) {
      for (const [j, value] of values.entries()) {
        // float32 rounding differs (tfjs rounds every intermediate): a few ulps of values near 1.
        expect(Math.abs(value - reference.final[k][j])).toBeLessThan(1e-5);
        moves.push(Math.abs(value - fused.initial[k][j]));
      }
    }
    // Adam moves an entry by up to lr per step whatever the gradient's size: seven steps of 0.05.
    expect(Math.max(...moves)).toBeGreaterThan(0.1);
  });
});
