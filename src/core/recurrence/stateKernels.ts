/**
 * Two copies every layer makes of its states, as one memory copy each on the backends JavaScript can
 * reach (CPU, WASM): the states before each step, [x0, s_0, …, s_{T−2}], and the last step's state. As
 * tfjs ops they are a Gather and a Concat, and WASM's Gather costs milliseconds on a [35, 32, 256] sequence.
 */
import { arrays, registerArrayKernel, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';
import * as tf from '../runtime/tf';

const PREVIOUS = 'UnrolledPreviousStates';
const LAST = 'UnrolledLastState';

function previousKernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, shape, allocate, view } = arrays(args, backend);
  const [T, B, H] = shape('states');
  // Straight into the output (on WASM, the heap), no JavaScript array between; views after the allocation.
  const output = allocate([T, B, H]);
  const out = view(output);
  out.set(read('initial') as Float32Array);
  out.set((read('states') as Float32Array).subarray(0, (T - 1) * B * H), B * H);
  return output;
}

function lastKernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo {
  const { read, shape, allocate, view } = arrays(args, backend);
  const [T, B, H] = shape('states');
  const output = allocate([B, H]);
  view(output).set((read('states') as Float32Array).subarray((T - 1) * B * H));
  return output;
}

registerArrayKernel(PREVIOUS, previousKernel);
registerArrayKernel(LAST, lastKernel);

/** [initial, s_0, …, s_{T−2}] [T, B, H] from `initial` [B, H] and `states` [T, B, H], float32. */
export function previousStatesCopy(initial: tf.Tensor2D, states: tf.Tensor3D): tf.Tensor3D {
  return tf.engine().runKernel(PREVIOUS, { initial, states }, {}) as tf.Tensor3D;
}

/** s_{T−1} [B, H] of `states` [T, B, H], float32. */
export function lastStateCopy(states: tf.Tensor3D): tf.Tensor2D {
  return tf.engine().runKernel(LAST, { states }, {}) as tf.Tensor2D;
}
