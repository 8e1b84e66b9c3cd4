/**
 * A character model's output layer and loss with the gradient written out, as the layer's BPTT is:
 * logits = o·Wᵀ + b, L = cross-entropy(logits, targets), ∂L/∂logits = (softmax(logits) − onehot)·s with
 * s = 1/N for a mean and 1 for a sum (fused into one kernel on CPU and WASM: lossKernels.ts).
 */
import * as tf from '../runtime/tf';
import { columnSums } from './columnSums';
import { matMul, weightGradient } from './linalg';
import { softmaxCrossEntropy } from './lossKernels';

export interface HeadGradients {
  /** the loss, a scalar, as `torch.nn.functional.cross_entropy` */
  loss: tf.Scalar;
  /** logits: [N, V] */
  logits: tf.Tensor2D;
  /** ∂L/∂o: [N, H] */
  dOutput: tf.Tensor2D;
  /** ∂L/∂W: [V, H], absent without a linear layer */
  dWeight?: tf.Tensor2D;
  /** ∂L/∂b: [V] */
  dBias?: tf.Tensor1D;
}

/**
 * Loss and gradients of `output` [N, H] through an optional linear layer (`weight` [V, H], `bias` [V];
 * without one the outputs are the logits) against `targets` [N] (int32). Call inside `tf.tidy`.
 */
export function linearCrossEntropy(
  output: tf.Tensor2D,
  linear: { weight: tf.Tensor2D; bias: tf.Tensor1D } | null,
  targets: tf.Tensor1D,
  reduction: 'mean' | 'sum',
): HeadGradients {
  const logits = linear ? matMul(output, linear.weight, false, true, [linear.bias]) : output;
  const { loss, dLogits } = softmaxCrossEntropy(logits, targets, reduction === 'mean' ? 1 / logits.shape[0] : 1);
  if (!linear) return { loss, logits, dOutput: dLogits };
  return { loss, logits, dOutput: matMul(dLogits, linear.weight), dWeight: weightGradient(dLogits, output), dBias: columnSums(dLogits) };
}
