/**
 * The tfjs-layers peer of the character-model step: `simpleRNN` / `lstm` / `gru` with returnSequences and a
 * timeDistributed dense layer, trained with `trainOnBatch` on the same backend and sizes. Its gate
 * activation is set to the sigmoid (tfjs-layers defaults to hardSigmoid) so both do the same work; it has no
 * global-norm clipping, which leaves it slightly less to do than the engine.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { CellKind } from '../src/core/cells/types';
import { mulberry32 } from '../src/core/random';
import * as tf from '../src/core/runtime/tf';
import { measure, type Plan, type Samples } from './timing';
import { CHAR_LM } from './workloads';

function recurrentLayer(kind: CellKind): tfl.layers.Layer {
  // Glorot for the recurrent kernel too: tfjs-layers' orthogonal default takes seconds to draw at 256.
  const common = {
    units: CHAR_LM.hidden,
    returnSequences: true,
    inputShape: [CHAR_LM.steps, CHAR_LM.vocab],
    recurrentInitializer: 'glorotUniform' as const,
  };
  if (kind === 'LSTM') return tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
  if (kind === 'GRU') return tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  return tfl.layers.simpleRNN(common);
}

/** One `trainOnBatch` of a tfjs-layers character model: forward, autodiff backward, Adam. */
export async function layersCharLmStep(kind: CellKind, plan: Plan): Promise<Samples> {
  const model = tfl.sequential();
  model.add(recurrentLayer(kind));
  model.add(tfl.layers.timeDistributed({ layer: tfl.layers.dense({ units: CHAR_LM.vocab, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(0.002), loss: 'sparseCategoricalCrossentropy' });
  const rng = mulberry32(1);
  const ids = () => Int32Array.from({ length: CHAR_LM.batch * CHAR_LM.steps }, () => Math.floor(rng.next() * CHAR_LM.vocab));
  const xs = tf.tidy(() => tf.oneHot(tf.tensor2d(ids(), [CHAR_LM.batch, CHAR_LM.steps], 'int32'), CHAR_LM.vocab, 1, 0, 'float32'));
  const ys = tf.tensor3d(Float32Array.from(ids()), [CHAR_LM.batch, CHAR_LM.steps, 1]);
  try {
    return await measure(() => model.trainOnBatch(xs, ys), plan);
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
  }
}
