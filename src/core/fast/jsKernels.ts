/**
 * Fused JavaScript kernels for the backends whose memory JavaScript can reach (CPU, and WASM for small
 * sizes), registered with tfjs so the engine tracks their tensors like any op's: the whole-sequence
 * recurrence forward and backward (jsSequence.ts), a matrix product on the register-tiled gemm and fast
 * transposes (gemm.ts). The products and transposes get gradients in linalg.ts; the recurrence has its
 * analytic BPTT.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import * as tf from '../runtime/tf';
import { FAST_PERMUTATIONS, matMulArrays, permuted } from './gemm';
import { backwardArrays, forwardArrays, type ForwardArrays } from './jsSequence';
import { arrays, registerArrayKernel, type ArrayBackend as Backend, type KernelArgs } from '../runtime/kernelArrays';
import { activeBackend } from '../runtime/activeBackend';
import { type Recurrence, type RecurrenceInputs } from '../recurrence/recurrence';

const FORWARD = 'UnrolledRecurrenceForward';
const BACKWARD = 'UnrolledRecurrenceBackward';
export const MATMUL = 'UnrolledMatMul';
export const TRANSPOSE = 'UnrolledTranspose';

/**
 * On WASM, XNNPACK's products beat JavaScript's once a product has more than about this many
 * multiply-adds; below it, the cost of launching XNNPACK and packing its weights dominates.
 */
export const WASM_JS_PRODUCT_LIMIT = 1 << 16;
/**
 * …and for a product with at most this many rows and a transposed right operand (one step of generation),
 * where XNNPACK would first copy and repack the whole matrix for a handful of dot products.
 */
export const WASM_FEW_ROWS = 4;

/** The output order of the forward kernel, which depends on the kind and on whether gates are kept. */
function forwardFields(kind: CellKind, keep: boolean): (keyof ForwardArrays)[] {
  return ['hs', ...(kind === 'LSTM' ? (['cs'] as const) : []), ...(keep && kind !== 'RNN' ? (['gates'] as const) : []), ...(keep && kind === 'GRU' ? (['hn'] as const) : [])];
}

function forwardKernel(args: KernelArgs, backend: Backend): tf.TensorInfo[] {
  const { read, shape, make, attrs } = arrays(args, backend);
  const kind = attrs.kind as CellKind;
  const keep = attrs.keep as boolean;
  const [T, B, GH] = shape('gx');
  const H = shape('weightHh')[1];
  const sizes = { T, B, H };
  const out = forwardArrays(kind, attrs.nonlinearity as Nonlinearity, sizes, read('gx') as Float32Array, read('weightHh') as Float32Array, read('biasHn'), read('h0') as Float32Array, read('c0'), keep);
  return forwardFields(kind, keep).map((field) => make(field === 'gates' ? [T, B, GH] : [T, B, H], out[field] as Float32Array));
}

function backwardKernel(args: KernelArgs, backend: Backend): tf.TensorInfo[] {
  const { read, shape, make, attrs } = arrays(args, backend);
  const kind = attrs.kind as CellKind;
  const [T, B, H] = shape('hs');
  const GH = shape('weightHh')[0];
  const fwd = { hs: read('hs') as Float32Array, cs: read('cs') ?? undefined, gates: read('gates') ?? undefined, hn: read('hn') ?? undefined };
  const g = backwardArrays(kind, attrs.nonlinearity as Nonlinearity, { T, B, H }, read('weightHh') as Float32Array, read('h0') as Float32Array, read('c0'), fwd, read('dHs') as Float32Array, read('dhN') as Float32Array, read('dcN'));
  const grads = [make([T, B, GH], g.dGx), make([B, H], g.dh0), make([GH, H], g.dWeightHh), make([GH], g.dBiasIh), make([GH], g.dBiasHh)];
  if (kind === 'GRU') grads.push(make([T, B, GH], g.dGh));
  if (g.dc0) grads.push(make([B, H], g.dc0));
  return grads;
}

function matMulKernel(args: KernelArgs, backend: Backend): tf.TensorInfo {
  const { read, shape, make, attrs } = arrays(args, backend);
  const [a, b] = [shape('a'), shape('b')];
  const [transposeA, transposeB] = [attrs.transposeA as boolean, attrs.transposeB as boolean];
  const biases = ['bias0', 'bias1'].map((name) => read(name)).filter((bias): bias is Float32Array => bias !== null);
  const c = matMulArrays(read('a') as Float32Array, read('b') as Float32Array, a, b, transposeA, transposeB, biases);
  return make([transposeA ? a[1] : a[0], transposeB ? b[0] : b[1]], c);
}

function transposeKernel(args: KernelArgs, backend: Backend): tf.TensorInfo {
  const { read, shape, make, attrs } = arrays(args, backend);
  const perm = attrs.perm as number[];
  const dims = shape('x');
  return make(perm.map((axis) => dims[axis]), permuted(read('x') as Float32Array, dims, perm));
}

registerArrayKernel(FORWARD, forwardKernel);
registerArrayKernel(BACKWARD, backwardKernel);
registerArrayKernel(MATMUL, matMulKernel);
registerArrayKernel(TRANSPOSE, transposeKernel);

/** C [M, N] = op(a)·op(b) + the biases [N] (at most two) on the tiled JavaScript gemm; float32 tensors. */
export function jsMatMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean, biases: readonly tf.Tensor1D[] = []): tf.Tensor2D {
  const named = Object.fromEntries(biases.map((bias, k) => [`bias${k}`, bias]));
  return tf.engine().runKernel(MATMUL, { a, b, ...named }, { transposeA, transposeB }) as tf.Tensor2D;
}

/** tf.transpose(x, perm) in JavaScript for float32 tensors and the `FAST_PERMUTATIONS`; else tfjs's own. */
export function jsTranspose<T extends tf.Tensor>(x: T, perm: number[]): T {
  if (x.dtype !== 'float32' || !FAST_PERMUTATIONS.includes(perm.join())) return tf.transpose(x, perm);
  return tf.engine().runKernel(TRANSPOSE, { x }, { perm }) as T;
}

/**
 * The recurrence as two fused JavaScript kernels: always on the CPU backend, and on WASM when each step's
 * product with W_hh is too small for XNNPACK to pay off, or has so few rows (generation) that XNNPACK's
 * repacking of W_hh would cost more than the product.
 */
export const jsRecurrence: Recurrence = {
  supports: ({ gx, weightHh }: RecurrenceInputs) => {
    const backend = activeBackend();
    const [B, size] = [gx.shape[1], weightHh.size];
    return backend === 'cpu' || (backend === 'wasm' && (B * size <= WASM_JS_PRODUCT_LIMIT || B <= WASM_FEW_ROWS));
  },
  forward({ kind, nonlinearity, gx, weightHh, biasHn, h0, c0 }, keep) {
    const inputs = { gx, weightHh, h0, ...(c0 ? { c0 } : {}), ...(biasHn ? { biasHn } : {}) };
    const outs = tf.engine().runKernel(FORWARD, inputs, { kind, nonlinearity, keep }) as tf.Tensor3D[];
    return Object.fromEntries(forwardFields(kind, keep).map((field, k) => [field, outs[k]])) as { hs: tf.Tensor3D };
  },
  backward({ kind, nonlinearity, weightHh, h0, c0 }, { hs, cs, gates, hn }, { dHs, dhN, dcN }) {
    const saved = { hs, ...(cs ? { cs } : {}), ...(gates ? { gates } : {}), ...(hn ? { hn } : {}) };
    const inputs = { ...saved, weightHh, h0, dHs, dhN, ...(c0 ? { c0 } : {}), ...(dcN ? { dcN } : {}) };
    const [dGx, dh0, dWeightHh, dBiasIh, dBiasHh, ...rest] = tf.engine().runKernel(BACKWARD, inputs, { kind, nonlinearity }) as tf.Tensor[];
    const dGh = kind === 'GRU' ? (rest.shift() as tf.Tensor3D) : (dGx as tf.Tensor3D);
    return {
      dGx: dGx as tf.Tensor3D,
      dGh,
      dh0: dh0 as tf.Tensor2D,
      ...(kind === 'LSTM' ? { dc0: rest[0] as tf.Tensor2D } : {}),
      weights: { dWeightHh: dWeightHh as tf.Tensor2D, dBiasIh: dBiasIh as tf.Tensor1D, dBiasHh: dBiasHh as tf.Tensor1D },
    };
  },
};
