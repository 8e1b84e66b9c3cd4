/** Losses for classification over a vocabulary. */
import * as tf from '../runtime/tf';

/**
 * Cross-entropy of `logits` against integer `targets`, as `torch.nn.functional.cross_entropy`.
 * @param logits [N, V] unnormalised scores
 * @param targets [N] class indices (int32)
 * @param reduction 'mean' over the N rows (PyTorch's default) or 'sum'
 * @returns a scalar
 */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, reduction: 'mean' | 'sum' = 'mean'): tf.Scalar {
  return tf.tidy(() => {
    const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(targets, logits.shape[1], 1, 0, 'float32')), 1);
    return tf.neg(reduction === 'mean' ? tf.mean(picked) : tf.sum(picked));
  });
}
