/** Which tfjs backend runs the next op: the kernels choose their fastest path by it. */
import * as tf from './tf';

/** The active backend's name, starting the default backend first if none has run yet. */
export function activeBackend(): string {
  tf.backend();
  return tf.getBackend();
}
