/**
 * The regression head of the sequence model with its gradient written out, beside the classification
 * head of fast/head.ts: y = o·wᵀ + b, L = mean((y − target)²) as `nn.MSELoss()`, ∂L/∂y = 2(y − target)/N.
 */
import { matMul, weightGradient } from '../fast/linalg';
import * as tf from '../runtime/tf';

export interface SquaredErrorGradients {
  /** the loss, a scalar */
  loss: tf.Scalar;
  /** predictions: [N, 1] */
  predictions: tf.Tensor2D;
  /** ∂L/∂o: [N, H] */
  dOutput: tf.Tensor2D;
  /** ∂L/∂W: [1, H] */
  dWeight: tf.Tensor2D;
  /** ∂L/∂b: [1] */
  dBias: tf.Tensor1D;
}

/**
 * Mean squared error of a linear layer (`weight` [1, H], `bias` [1]) on `output` [N, H] against
 * `targets` [N], and its gradients. Call inside `tf.tidy`.
 */
export function linearSquaredError(output: tf.Tensor2D, linear: { weight: tf.Tensor2D; bias: tf.Tensor1D }, targets: tf.Tensor1D): SquaredErrorGradients {
  const N = output.shape[0];
  const predictions = matMul(output, linear.weight, false, true, [linear.bias]);
  const error = tf.sub(predictions, tf.reshape(targets, [N, 1])) as tf.Tensor2D;
  const loss = tf.mean(tf.square(error)) as tf.Scalar;
  const dPredictions = tf.mul(error, 2 / N) as tf.Tensor2D;
  return {
    loss,
    predictions,
    dOutput: matMul(dPredictions, linear.weight),
    dWeight: weightGradient(dPredictions, output),
    dBias: tf.sum(dPredictions, 0) as tf.Tensor1D,
  };
}
