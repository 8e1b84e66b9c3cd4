/**
 * The products with one-hot input (sparseRows.ts) against the dense products they replace: to the bit on
 * the CPU backend, where both sum in float64 in the same order; within float32 rounding on WASM, whose
 * dense products are XNNPACK's. And the layer uses them only for its first layer's one-hot input.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { matMul, oneHotFloat } from '../../../src/core/fast/linalg';
import { hasSparseRows, sparseRowsProduct, sparseRowsWeightGradient } from '../../../src/core/fast/sparseRows';
import { mulberry32, uniformValues } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';
import { expectClose, read } from './helpers';

const random = (shape: [number, number] | [number], seed: number) => tf.tensor(uniformValues(mulberry32(seed), shape.reduce((a, b) => a * b, 1), 1), shape);
/** M one-hot rows of K, the ones at (5m + 3) mod K; with `scale`, each one scaled (a sparse but not one-hot input). */
const oneHot = (M: number, K: number, scale = false) =>
  tf.tidy(() => {
    const ids = tf.tensor1d(Array.from({ length: M }, (_, m) => (5 * m + 3) % K), 'int32');
    const rows = oneHotFloat(ids, K);
    return scale ? (tf.mul(rows, tf.reshape(tf.linspace(-2, 3, M), [M, 1])) as tf.Tensor2D) : rows;
  });

afterAll(async () => tf.setBackend('cpu'));

describe.each(['cpu', 'wasm'])('products with sparse rows (%s)', (backend) => {
  const exact = backend === 'cpu';
  const same = async (got: tf.Tensor, want: tf.Tensor, name: string) => {
    if (exact) expect(await read(got), name).toEqual(await read(want));
    else expectClose(await read(got), await read(want), name);
  };

  it('starts the backend', async () => {
    if (backend === 'wasm') {
      await import('@tensorflow/tfjs-backend-wasm');
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it.each([
    ['one-hot', false],
    ['scaled ones', true],
  ])('x·Wᵀ + biases and dyᵀ·x equal the dense products: %s rows', async (_, scale) => {
    const before = tf.memory().numTensors;
    // Large enough for XNNPACK on WASM: 70 rows of 28, W [96, 28].
    const [M, K, N] = [70, 28, 96];
    const x = oneHot(M, K, scale);
    const [weight, dy] = [random([N, K], 1) as tf.Tensor2D, random([M, N], 2) as tf.Tensor2D];
    const biases = [random([N], 3), random([N], 4)] as tf.Tensor1D[];
    expect(hasSparseRows(x)).toBe(true);
    const total = tf.sum(x);
    expect((await read(total)) as number).toBeCloseTo(scale ? 35 : M, 3);
    total.dispose();
    const products = [sparseRowsProduct(x, weight, biases), matMul(x, weight, false, true, biases), sparseRowsProduct(x, weight), matMul(x, weight, false, true)];
    const gradients = [sparseRowsWeightGradient(dy, x), matMul(dy, x, true, false)];
    await same(products[0], products[1], 'x·Wᵀ + b');
    await same(products[2], products[3], 'x·Wᵀ');
    await same(gradients[0], gradients[1], 'dyᵀ·x');
    tf.dispose([x, weight, dy, ...biases, ...products, ...gradients]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('calls dense input dense', () => {
    const [dense, half] = [random([6, 8], 5) as tf.Tensor2D, tf.tensor2d([[1, 0], [0, 1]])];
    expect(hasSparseRows(dense)).toBe(false);
    expect(hasSparseRows(half)).toBe(false);
    tf.dispose([dense, half]);
  });
});
