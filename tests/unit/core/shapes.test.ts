import { describe, expect, it } from 'vitest';
import { exploreShapes, torchConstructor } from '../../../src/core/figures/shapes';
import * as tf from '../../../src/core/runtime/tf';

describe('shape explorer', () => {
  it('reproduces nn.RNN(10, 20, 2) on input (100, 32, 10)', () => {
    const report = exploreShapes({ kind: 'RNN', inputSize: 10, hiddenSize: 20, numLayers: 2 }, 100, 32);
    expect(report.output).toEqual([100, 32, 20]);
    expect(report.hN).toEqual([2, 32, 20]);
    expect(report.h0).toEqual([2, 32, 20]);
    expect(report.constructorLine).toBe('nn.RNN(10, 20, num_layers=2)');
  });

  it('nn.RNN(20, 50, 2) has the parameter shapes PyTorch lists', () => {
    const report = exploreShapes({ kind: 'RNN', inputSize: 20, hiddenSize: 50, numLayers: 2 }, 3, 1);
    expect(Object.fromEntries(report.parameters.map((p) => [p.name, p.shape]))).toEqual({
      weight_ih_l0: [50, 20], weight_hh_l0: [50, 50], bias_ih_l0: [50], bias_hh_l0: [50],
      weight_ih_l1: [50, 50], weight_hh_l1: [50, 50], bias_ih_l1: [50], bias_hh_l1: [50],
    });
  });

  it('bidirectional, batch-first LSTM doubles the output width and has 4× the RNN parameters', () => {
    const before = tf.memory().numTensors;
    const lstm = exploreShapes({ kind: 'LSTM', inputSize: 10, hiddenSize: 20, bidirectional: true, batchFirst: true }, 7, 3);
    const rnn = exploreShapes({ kind: 'RNN', inputSize: 10, hiddenSize: 20, bidirectional: true, batchFirst: true }, 7, 3);
    expect(lstm.input).toEqual([3, 7, 10]);
    expect(lstm.output).toEqual([3, 7, 40]);
    expect(lstm.cN).toEqual([2, 3, 20]);
    expect(lstm.total).toBe(4 * rnn.total);
    expect(torchConstructor({ kind: 'GRU', inputSize: 4, hiddenSize: 8, batchFirst: true, bias: false })).toBe('nn.GRU(4, 8, bias=False, batch_first=True)');
    expect(tf.memory().numTensors).toBe(before);
  });
});
