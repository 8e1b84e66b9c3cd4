/**
 * `tf.tidy` for results that tfjs's `TensorContainer` type cannot describe (interfaces, nullable fields).
 * tidy walks the returned value at run time and keeps every tensor it finds, nulls included, so only the
 * static type needs help.
 */
import * as tf from './tf';

/** Runs `fn`, disposes every tensor it created except those reachable from its result. */
export function tidyResult<T>(fn: () => T): T {
  return tf.tidy(() => fn() as unknown as tf.TensorContainer) as unknown as T;
}
