/** The cell comparison: same inputs for all three cells, built in order from one seed, counts from the layer, no leaks. */
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../../../src/core/cells/types';
import { comparedModules, compareCells } from '../../../src/core/figures/cellComparison';
import { traceGates } from '../../../src/core/figures/gateTrace';
import { makeInputs } from '../../../src/core/figures/inputPatterns';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import { TorchGenerator } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';

describe('compareCells', () => {
  it('runs RNN, LSTM and GRU, built in that order from one seed, on the same input with the layer’s parameter counts', async () => {
    const inputs = makeInputs('random', { steps: 9, inputSize: 4, seed: 2, modules: comparedModules(4, 6) });
    const generator = new TorchGenerator(2);
    const start = tf.memory().numTensors;
    const { cells, hLimit } = await compareCells({ hiddenSize: 6, inputs, seed: 2 });
    expect(tf.memory().numTensors).toBe(start);
    expect(cells.map((c) => c.kind)).toEqual(CELL_KINDS);
    for (const cell of cells) {
      const layer = RecurrentLayer.create({ kind: cell.kind, inputSize: 4, hiddenSize: 6 }, 0);
      expect(cell.numParameters).toBe(layer.numParameters());
      layer.dispose();
      const inOrder = await traceGates({ kind: cell.kind, hiddenSize: 6, inputs, seed: generator });
      expect(cell.h).toEqual(inOrder.values.h);
      expect(cell.hNorms).toEqual(inOrder.hNorms);
    }
    expect(cells.map((c) => c.parameterRatio)).toEqual([1, 4, 3]);
    expect(hLimit).toBe(Math.max(...cells.flatMap((c) => c.h.flat().map(Math.abs))));
  });
});
