/**
 * The training fast path agrees with the cells' step-by-step path to 1e-5 with every recurrence
 * implementation the CPU backend can run: tfjs ops and the fused JavaScript kernels; and the JavaScript
 * products and transposes equal tfjs's, gradients included.
 */
import { describe, expect, it } from 'vitest';
import { jsRecurrence } from '../../../src/core/fast/jsKernels';
import { fastestRecurrence } from '../../../src/core/layer/direction';
import { gemmABt, matMulArrays } from '../../../src/core/fast/gemm';
import { globalNorm } from '../../../src/core/fast/globalNorm';
import { matMul, transpose } from '../../../src/core/fast/linalg';
import { opsRecurrence } from '../../../src/core/fast/opsRecurrence';
import * as tf from '../../../src/core/runtime/tf';
import { FAST_CASES, expectFastMatchesSteps } from './fastReference';
import { expectClose, read } from './helpers';

const label = (c: (typeof FAST_CASES)[number]) => `${c.kind} ${c.nonlinearity}${c.bias ? '' : ' no bias'}${c.reverse ? ' reverse' : ''} [T B I H] = [${c.sizes.join(' ')}]`;

describe('fast path = step path (cpu backend)', () => {
  it('picks the fused kernels on the CPU backend', async () => {
    await tf.ready();
    expect(tf.getBackend()).toBe('cpu');
    const inputs = { kind: 'RNN' as const, nonlinearity: 'tanh' as const, gx: tf.zeros([1, 1, 1]) as tf.Tensor3D, weightHh: tf.zeros([1, 1]) as tf.Tensor2D, biasHn: null, h0: tf.zeros([1, 1]) as tf.Tensor2D };
    expect(fastestRecurrence(inputs)).toBe(jsRecurrence);
    tf.dispose([inputs.gx, inputs.weightHh, inputs.h0]);
  });

  it.each(FAST_CASES.map((c) => [label(c), c] as const))('tfjs ops: %s', (_, c) => expectFastMatchesSteps(c, opsRecurrence));
  it.each(FAST_CASES.map((c) => [label(c), c] as const))('JavaScript kernels: %s', (_, c) => expectFastMatchesSteps(c, jsRecurrence));
});

describe('CPU gemm', () => {
  it('computes A·Bᵀ with ragged edges, and accumulates', () => {
    const [M, N, K] = [6, 7, 5];
    const a = Float32Array.from({ length: M * K }, (_, k) => Math.sin(k));
    const b = Float32Array.from({ length: N * K }, (_, k) => Math.cos(k));
    const c = new Float32Array(M * N).fill(1);
    gemmABt(a, b, c, M, N, K, true);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let want = 1;
        for (let k = 0; k < K; k++) want += a[i * K + k] * b[j * K + k];
        expect(c[i * N + j]).toBeCloseTo(want, 5);
      }
    }
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('matMul with transposeA=%s, transposeB=%s and biases equals tf.matMul + tf.add, gradients too', async (transposeA, transposeB) => {
    const a = tf.randomNormal(transposeA ? [9, 6] : [6, 9], 0, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomNormal(transposeB ? [5, 9] : [9, 5], 0, 1, 'float32', 2) as tf.Tensor2D;
    const bias = tf.randomNormal([5], 0, 1, 'float32', 3) as tf.Tensor1D;
    const [got, want] = [matMul(a, b, transposeA, transposeB, [bias, bias]), tf.add(tf.matMul(a, b, transposeA, transposeB), tf.mul(bias, 2))];
    expectClose(await read(got), await read(want), 'product');
    type Product = (x: tf.Tensor2D, y: tf.Tensor2D, c: tf.Tensor1D) => tf.Tensor;
    const loss = (product: Product) => (x: tf.Tensor, y: tf.Tensor, c: tf.Tensor) => tf.sum(tf.sin(product(x as tf.Tensor2D, y as tf.Tensor2D, c as tf.Tensor1D)));
    const mine = tf.grads(loss((x, y, c) => matMul(x, y, transposeA, transposeB, [c])))([a, b, bias]);
    const theirs = tf.grads(loss((x, y, c) => tf.add(tf.matMul(x, y, transposeA, transposeB), c)))([a, b, bias]);
    for (const k of [0, 1, 2]) expectClose(await read(mine[k]), await read(theirs[k]), `gradient ${k}`);
    tf.dispose([bias, ...mine, ...theirs]);
    expect(matMulArrays(new Float32Array([1, 2]), new Float32Array([3, 4]), [1, 2], [2, 1], false, false)).toEqual(new Float32Array([11]));
    tf.dispose([a, b, got, want]);
  });

  it.each([
    [[5, 7], [1, 0]],
    [[3, 4, 5], [1, 0, 2]],
    [[3, 4, 5], [0, 2, 1]],
    [[2, 3, 4], [2, 0, 1]],
  ])('transposes shape %j by %j as tf.transpose, and its gradient too', async (shape, perm) => {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 3);
    const weights = tf.randomNormal(perm.map((axis) => shape[axis]), 0, 1, 'float32', 4);
    const [got, want] = [transpose(x, perm), tf.transpose(x, perm)];
    expectClose(await read(got), await read(want), 'values');
    const gradient = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(transpose(t, perm), weights)))(x);
    expectClose(await read(gradient), await read(tf.transpose(weights, perm.map((_, k) => perm.indexOf(k)))), 'gradient');
    tf.dispose([x, weights, got, want, gradient]);
  });
});

describe('global norm', () => {
  it('one kernel gives √(Σ‖g‖²) of tensors of any shape, NaN included', async () => {
    const tensors = [tf.randomNormal([7, 3], 0, 1, 'float32', 4), tf.randomNormal([5], 0, 1, 'float32', 5), tf.scalar(2)];
    const want = tf.sqrt(tensors.map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b)));
    const got = globalNorm(tensors);
    expectClose(await read(got), await read(want), 'norm');
    const nan = tf.tensor1d([NaN]);
    const withNaN = globalNorm([...tensors, nan]);
    expect(Number.isNaN((await withNaN.data())[0])).toBe(true);
    tf.dispose([...tensors, nan, want, got, withNaN]);
  });
});
