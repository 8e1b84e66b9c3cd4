/**
 * Chapter 1's identity: X·W_xh + H·W_hh equals [X, H]·[W_xh; W_hh]. Both sides are computed on the live
 * backend from the same random tensors, so the reader sees the two results and how far apart they are.
 */
import { randn, TorchGenerator } from '../random';
import * as tf from '../runtime/tf';

export type Activation = 'relu' | 'tanh';

export interface ConcatIdentityResult {
  /** X: [batch, input] */
  x: number[][];
  /** H: [batch, hidden] */
  h: number[][];
  /** W_xh: [input, hidden] */
  wXh: number[][];
  /** W_hh: [hidden, hidden] */
  wHh: number[][];
  /** b_h: [1, hidden] */
  b: number[][];
  /** φ(X·W_xh + H·W_hh + b_h): [batch, hidden] */
  separate: number[][];
  /** φ([X, H]·[W_xh; W_hh] + b_h): [batch, hidden] */
  concatenated: number[][];
  /** max |separate − concatenated| over all entries */
  maxAbsDifference: number;
}

export interface ConcatIdentitySizes {
  batch: number;
  input: number;
  hidden: number;
}

/**
 * Draws X, H, W_xh, W_hh, b_h from N(0, 1) as `torch.manual_seed(seed)` then one `torch.randn` each, in that
 * order, draws them, and evaluates both sides of the identity.
 * @param sizes defaults to the chapter's example: X (2, 3), W_xh (3, 4), H (2, 4), W_hh (4, 4).
 */
export async function concatIdentity(
  seed: number,
  activation: Activation,
  sizes: ConcatIdentitySizes = { batch: 2, input: 3, hidden: 4 },
): Promise<ConcatIdentityResult> {
  const generator = new TorchGenerator(seed);
  const normal = (rows: number, cols: number) => tf.tensor2d(randn(generator, rows * cols), [rows, cols]);
  const tensors = tf.tidy(() => {
    const { batch, input, hidden } = sizes;
    const x = normal(batch, input);
    const h = normal(batch, hidden);
    const wXh = normal(input, hidden);
    const wHh = normal(hidden, hidden);
    const b = normal(1, hidden);
    const phi = (t: tf.Tensor) => (activation === 'relu' ? tf.relu(t) : tf.tanh(t));
    const separate = phi(tf.matMul(x, wXh).add(tf.matMul(h, wHh)).add(b));
    const concatenated = phi(tf.matMul(tf.concat([x, h], 1), tf.concat([wXh, wHh], 0)).add(b));
    const difference = tf.max(tf.abs(tf.sub(separate, concatenated)));
    return { x, h, wXh, wHh, b, separate, concatenated, difference };
  });
  try {
    const [x, h, wXh, wHh, b, separate, concatenated] = (await Promise.all(
      [tensors.x, tensors.h, tensors.wXh, tensors.wHh, tensors.b, tensors.separate, tensors.concatenated].map((t) => t.array()),
    )) as number[][][];
    const [maxAbsDifference] = await tensors.difference.data();
    return { x, h, wXh, wHh, b, separate, concatenated, maxAbsDifference };
  } finally {
    tf.dispose(tensors);
  }
}
