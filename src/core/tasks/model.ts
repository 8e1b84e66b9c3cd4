/**
 * The playground's model: a recurrent layer (time-major, as `nn.RNN/LSTM/GRU` without batch_first) and an
 * `nn.Linear` head on every step's output, scored on the task's scored steps only: cross-entropy for
 * classes, squared error for a value. Gradients are analytic: the head's (fast/head.ts, squaredError.ts),
 * then the layer's BPTT. Parameters under the names a PyTorch module with submodules `rnn` and `fc` gives.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import { linearCrossEntropy } from '../fast/head';
import { matMul } from '../fast/linalg';
import { RecurrentLayer } from '../layer/layer';
import { linearParameters, TorchGenerator } from '../random';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import type { TrainableModel } from '../model/trainable';
import { crossEntropy } from '../train/loss';
import { linearSquaredError } from './squaredError';
import type { SequenceBatch, SequenceTask, TaskSettings } from './types';

/** The network a reader picks. */
export interface NetworkOptions {
  kind: CellKind;
  /** RNN only */
  nonlinearity: Nonlinearity;
  hiddenSize: number;
  numLayers: number;
}

export interface SequenceModelConfig extends NetworkOptions {
  /** I */
  inputSize: number;
  /** classes, or 1 for regression */
  outputSize: number;
  objective: 'classification' | 'regression';
  /** regression: |y − target| below this counts as right */
  tolerance: number;
}

/** The configuration a task with these settings needs, for the network the reader picked. */
export function sequenceModelConfig(task: SequenceTask, settings: TaskSettings, network: NetworkOptions): SequenceModelConfig {
  return {
    ...network,
    nonlinearity: network.kind === 'RNN' ? network.nonlinearity : 'tanh',
    inputSize: task.inputSize,
    outputSize: task.outputSize(settings),
    objective: task.objective,
    tolerance: task.tolerance ?? 0,
  };
}

/** A held-out score as tensors: the mean loss and the number of scored steps answered right. */
export interface ScoreTensors {
  loss: tf.Scalar;
  correct: tf.Scalar;
  /** how many steps were scored */
  count: number;
}

export class SequenceModel implements TrainableModel<SequenceBatch> {
  readonly layer: RecurrentLayer;
  private readonly head: { 'fc.weight': tf.Variable; 'fc.bias': tf.Variable };

  /**
   * PyTorch's default initialisation, drawn as `torch.manual_seed(seed)` and then `nn.RNN/LSTM/GRU(I, H,
   * L)` and `nn.Linear(H, outputSize)` (in that order) would draw it.
   */
  constructor(readonly config: SequenceModelConfig, seed: number) {
    const { kind, nonlinearity, inputSize, hiddenSize, numLayers, outputSize } = config;
    const generator = new TorchGenerator(seed);
    this.layer = RecurrentLayer.create({ kind, nonlinearity, inputSize, hiddenSize, numLayers }, generator);
    try {
      const { weight, bias } = linearParameters(generator, hiddenSize, outputSize);
      this.head = tf.tidy(() => ({
        'fc.weight': tf.variable(tf.tensor2d(weight, [outputSize, hiddenSize])),
        'fc.bias': tf.variable(tf.tensor1d(bias as Float32Array)),
      }));
    } catch (error) {
      // Nobody gets a half-built model to dispose, so release what was built here.
      this.layer.dispose();
      throw error;
    }
  }

  /** rnn.* and fc.weight [outputSize, H], fc.bias [outputSize]; owned by the model. */
  get variables(): Readonly<Record<string, tf.Variable>> {
    const rnn = Object.entries(this.layer.variables).map(([name, v]) => [`rnn.${name}`, v]);
    return { ...Object.fromEntries(rnn), ...this.head };
  }

  private get linear() {
    return { weight: this.head['fc.weight'] as tf.Tensor2D, bias: this.head['fc.bias'] as tf.Tensor1D };
  }

  /** The scored steps of a [T, B, H] output as rows [N, H], N = (T − scoredFrom)·B, and their targets [N]. */
  private scored(output: tf.Tensor3D, batch: SequenceBatch): { rows: tf.Tensor2D; targets: tf.Tensor1D } {
    const { steps: T, batch: B, scoredFrom: s } = batch;
    const H = output.shape[2];
    const rows = tf.reshape(s > 0 ? tf.slice(output, [s, 0, 0], [T - s, B, H]) : output, [(T - s) * B, H]) as tf.Tensor2D;
    const kept = batch.targets.subarray(s * B);
    const targets = kept instanceof Int32Array ? tf.tensor1d(kept, 'int32') : tf.tensor1d(kept);
    return { rows, targets };
  }

  lossAndGradients(batch: SequenceBatch): { loss: tf.Scalar; gradients: Record<string, tf.Tensor> } {
    return tidyResult(() => {
      const { steps: T, batch: B, scoredFrom: s } = batch;
      const x = tf.tensor3d(batch.inputs, [T, B, batch.inputSize]);
      const { output, cache } = this.layer.forwardWithCache(x);
      const { rows, targets } = this.scored(output, batch);
      const head =
        this.config.objective === 'classification'
          ? linearCrossEntropy(rows, this.linear, targets, 'mean')
          : linearSquaredError(rows, this.linear, targets);
      // Unscored steps send no gradient into the layer's output.
      const dScored = tf.reshape(head.dOutput, [T - s, B, output.shape[2]]);
      const dOutput = (s > 0 ? tf.concat([tf.zeros([s, B, output.shape[2]]), dScored]) : dScored) as tf.Tensor3D;
      const layerGradients = this.layer.backward(cache, { dOutput });
      cache.dispose();
      const gradients: Record<string, tf.Tensor> = {};
      for (const [name, g] of Object.entries(layerGradients.dParams)) gradients[`rnn.${name}`] = g;
      gradients['fc.weight'] = head.dWeight as tf.Tensor;
      gradients['fc.bias'] = head.dBias as tf.Tensor;
      return { loss: head.loss, gradients };
    });
  }

  /**
   * The model's answers at every step, no gradients: class scores (logits) or values.
   * @param batch inputs [T, B, I]
   * @returns [T, B, outputSize]; the caller disposes it
   */
  outputs(batch: SequenceBatch): tf.Tensor3D {
    return tf.tidy(() => {
      const { steps: T, batch: B } = batch;
      const { output, hN, cN } = this.layer.predict(tf.tensor3d(batch.inputs, [T, B, batch.inputSize]));
      tf.dispose([hN, cN ?? []]);
      const rows = tf.reshape(output, [T * B, output.shape[2]]) as tf.Tensor2D;
      return tf.reshape(matMul(rows, this.linear.weight, false, true, [this.linear.bias]), [T, B, this.config.outputSize]) as tf.Tensor3D;
    });
  }

  /** Loss and right answers over the batch's scored steps, no gradients; the caller disposes the tensors. */
  score(batch: SequenceBatch): ScoreTensors {
    const { loss, correct } = tidyResult(() => {
      const { steps: T, batch: B } = batch;
      const { output } = this.layer.predict(tf.tensor3d(batch.inputs, [T, B, batch.inputSize]));
      const { rows, targets } = this.scored(output, batch);
      const answers = matMul(rows, this.linear.weight, false, true, [this.linear.bias]);
      if (this.config.objective === 'classification') {
        return { loss: crossEntropy(answers, targets), correct: tf.sum(tf.cast(tf.equal(tf.argMax(answers, 1), targets), 'float32')) as tf.Scalar };
      }
      const error = tf.sub(tf.reshape(answers, [-1]), targets);
      return { loss: tf.mean(tf.square(error)) as tf.Scalar, correct: tf.sum(tf.cast(tf.less(tf.abs(error), this.config.tolerance), 'float32')) as tf.Scalar };
    });
    return { loss, correct, count: (batch.steps - batch.scoredFrom) * batch.batch };
  }

  /** Releases every parameter; the model cannot be used afterwards. */
  dispose(): void {
    tf.dispose(Object.values(this.head));
    this.layer.dispose();
  }
}
