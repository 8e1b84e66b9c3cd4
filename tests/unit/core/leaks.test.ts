/**
 * No tensor outlives its use: a thousand forward and backward steps of every cell, repeated layer passes
 * and recorder runs all leave `tf.memory().numTensors` where it started.
 */
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/core/cells';
import type { CellState } from '../../../src/core/cells/types';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import * as tf from '../../../src/core/runtime/tf';
import { UnrollRecorder } from '../../../src/core/unroll/unroll';
import { randomParams } from './helpers';

describe('tensor hygiene', () => {
  it.each(['RNN', 'LSTM', 'GRU'] as const)('1000 %s forward+backward steps leak nothing', (kind) => {
    const cell = getCell(kind);
    const { tensors: p } = randomParams(kind, 3, 4, true, 1);
    const x = tf.ones([2, 3]) as tf.Tensor2D;
    const dh = tf.ones([2, 4]) as tf.Tensor2D;
    const start = tf.memory().numTensors;
    let state: CellState = kind === 'LSTM' ? { h: tf.zeros([2, 4]), c: tf.zeros([2, 4]) } : { h: tf.zeros([2, 4]) };
    for (let step = 0; step < 1000; step++) {
      const { state: next, cache } = cell.forwardStep(p, x, state);
      const g = cell.backwardStep(p, cache, next.c ? { h: dh, c: next.c } : { h: dh });
      tf.dispose([g.dx, g.dStatePrev.h, g.dStatePrev.c ?? [], Object.values(g.dParams).filter((t) => t !== null)]);
      // The old state and every intermediate are done with; the new state lives on in `next`.
      const intermediates = Object.entries(cache.values).filter(([k]) => k !== 'h' && k !== 'c');
      tf.dispose([state.h, state.c ?? [], intermediates.map(([, v]) => v)]);
      state = next;
    }
    tf.dispose([state.h, state.c ?? []]);
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([x, dh, Object.values(p).filter((t) => t !== null)]);
  });

  it('layer forward, forwardWithCache and backward leak nothing', () => {
    const layer = RecurrentLayer.create({ kind: 'LSTM', inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, dropout: 0.3 }, 1);
    const x = tf.ones([5, 2, 3]) as tf.Tensor3D;
    const start = tf.memory().numTensors;
    for (let k = 0; k < 20; k++) {
      const plain = layer.forward(x, { training: true });
      const run = layer.forwardWithCache(x, { training: true });
      const g = layer.backward(run.cache, { dOutput: run.output, dHN: run.hN });
      run.cache.dispose();
      tf.dispose([plain.output, plain.hN, plain.cN ?? [], run.output, run.hN, run.cN ?? []]);
      tf.dispose([g.dInput, g.dH0, g.dC0 ?? [], Object.values(g.dParams)]);
    }
    expect(tf.memory().numTensors).toBe(start);
    x.dispose();
    const beforeDispose = tf.memory().numTensors;
    layer.dispose();
    expect(beforeDispose - tf.memory().numTensors).toBe(layer.parameterNames().length);
  });

  it('recorders leave no tensors behind', async () => {
    const start = tf.memory().numTensors;
    for (let k = 0; k < 5; k++) {
      const rec = await UnrollRecorder.create({
        kind: 'LSTM',
        inputSize: 2,
        hiddenSize: 3,
        inputs: [[1, 0], [0, 1], [1, 1]],
        output: { size: 2 },
        loss: { kind: 'crossEntropy', targets: [0, 1, 0] },
        truncation: 2,
      });
      while (rec.stepForward()) rec.snapshot();
      rec.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
