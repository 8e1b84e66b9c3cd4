/**
 * Softmax cross-entropy and its gradient as one JavaScript kernel on the CPU and WASM backends, where the
 * composite op (max, subtract, exp, sum, log, one-hot, …) costs a dozen kernel launches for a few numbers:
 * loss = s·Σ_n (logΣ_j e^{l_nj} − l_{n,y_n}),  ∂loss/∂l = s·(softmax(l) − onehot(y)).
 */
import * as tf from '../runtime/tf';
import { arrays, onArrayBackend, registerArrayKernel, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';
import { oneHotFloat } from './linalg';

const KERNEL = 'UnrolledSoftmaxCrossEntropy';

/** Writes s·(softmax − onehot) of `logits` [N, V] into `dLogits` and returns the loss. */
function crossEntropyArrays(logits: Float32Array, targets: Int32Array, N: number, V: number, scale: number, dLogits: Float32Array): number {
  let loss = 0;
  for (let n = 0; n < N; n++) {
    const row = n * V;
    let max = -Infinity;
    for (let j = 0; j < V; j++) max = Math.max(max, logits[row + j]);
    let sum = 0;
    for (let j = 0; j < V; j++) sum += dLogits[row + j] = Math.exp(logits[row + j] - max);
    loss += max + Math.log(sum) - logits[row + targets[n]];
    for (let j = 0; j < V; j++) dLogits[row + j] = (dLogits[row + j] / sum - (j === targets[n] ? 1 : 0)) * scale;
  }
  return loss * scale;
}

function kernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo[] {
  const { read, shape, make, attrs } = arrays(args, backend);
  const [N, V] = shape('logits');
  const dLogits = new Float32Array(N * V);
  const loss = crossEntropyArrays(read('logits') as Float32Array, read<Int32Array>('targets') as Int32Array, N, V, attrs.scale as number, dLogits);
  return [make([], Float32Array.of(loss)), make([N, V], dLogits)];
}

registerArrayKernel(KERNEL, kernel);

/**
 * Cross-entropy of `logits` [N, V] against int32 `targets` [N], scaled by `scale`, and its gradient
 * [N, V]; one fused kernel on CPU and WASM, tfjs ops elsewhere.
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, scale: number): { loss: tf.Scalar; dLogits: tf.Tensor2D } {
  if (onArrayBackend()) {
    const [loss, dLogits] = tf.engine().runKernel(KERNEL, { logits, targets }, { scale }) as [tf.Scalar, tf.Tensor2D];
    return { loss, dLogits };
  }
  return tf.tidy(() => {
    const logProbabilities = tf.logSoftmax(logits);
    const oneHot = oneHotFloat(targets, logits.shape[1]);
    return {
      loss: tf.mul<tf.Scalar>(tf.sum(tf.mul(logProbabilities, oneHot)), -scale),
      dLogits: tf.mul<tf.Tensor2D>(tf.sub(tf.exp(logProbabilities), oneHot), scale),
    };
  });
}
