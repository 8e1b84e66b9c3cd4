/** The cell comparison: same inputs and seed for all three cells, counts from the layer, no leaks. */
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../../../src/core/cells/types';
import { compareCells } from '../../../src/core/cellComparison';
import { traceGates } from '../../../src/core/gateTrace';
import { makeInputs } from '../../../src/core/inputPatterns';
import { RecurrentLayer } from '../../../src/core/layer';
import * as tf from '../../../src/core/tf';

describe('compareCells', () => {
  it('runs RNN, LSTM and GRU on the same input and reports the layer’s parameter counts', async () => {
    const inputs = makeInputs('random', 9, 4, 2);
    const start = tf.memory().numTensors;
    const { cells, hLimit } = await compareCells({ hiddenSize: 6, inputs, seed: 2 });
    expect(tf.memory().numTensors).toBe(start);
    expect(cells.map((c) => c.kind)).toEqual(CELL_KINDS);
    for (const cell of cells) {
      const layer = RecurrentLayer.create({ kind: cell.kind, inputSize: 4, hiddenSize: 6 }, 0);
      expect(cell.numParameters).toBe(layer.numParameters());
      layer.dispose();
      const alone = await traceGates({ kind: cell.kind, hiddenSize: 6, inputs, seed: 2 });
      expect(cell.h).toEqual(alone.values.h);
      expect(cell.hNorms).toEqual(alone.hNorms);
    }
    expect(cells.map((c) => c.parameterRatio)).toEqual([1, 4, 3]);
    expect(hLimit).toBe(Math.max(...cells.flatMap((c) => c.h.flat().map(Math.abs))));
  });
});
