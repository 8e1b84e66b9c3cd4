/**
 * Fused kernels for the backends whose memory JavaScript can reach (CPU and WASM), registered with tfjs so
 * the engine tracks their tensors like any op's: the whole-sequence recurrence forward and backward
 * (jsSequence.ts), a matrix product, and fast transposes (gemm.ts). They compute in JavaScript, or on
 * the WASM heap in the engine's SIMD (simdSequence.ts, wasmGemm.ts) where its products' module runs and a
 * product is large enough to gain from it. The products and transposes get gradients in linalg.ts; the
 * recurrence has its analytic BPTT.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import * as tf from '../runtime/tf';
import { FAST_PERMUTATIONS, matMulArrays, permuted, startFromBiases } from './gemm';
import { backwardArrays, forwardArrays, type ForwardArrays } from './jsSequence';
import { withSequenceMath } from './simdSequence';
import { operand, packedProduct, productScratch } from './wasmGemm';
import type { SimdKernels } from '../runtime/simdKernels';
import { arrays, hasSimdProducts, registerArrayKernel, type ArrayBackend as Backend, type KernelArgs } from '../runtime/kernelArrays';
import { activeBackend } from '../runtime/activeBackend';
import { type Recurrence, type RecurrenceInputs } from '../recurrence/recurrence';

const FORWARD = 'UnrolledRecurrenceForward';
const BACKWARD = 'UnrolledRecurrenceBackward';
export const MATMUL = 'UnrolledMatMul';
export const TRANSPOSE = 'UnrolledTranspose';

/**
 * On WASM, XNNPACK's products, and the engine's SIMD products, beat JavaScript's once a product has more
 * than about this many multiply-adds; below it, the cost of launching them and packing the weights dominates.
 */
export const WASM_JS_PRODUCT_LIMIT = 1 << 16;

/**
 * …and for a product with at most this many rows and a transposed right operand (one step of generation),
 * where XNNPACK would first copy and repack the whole matrix for a handful of dot products.
 */
export const WASM_FEW_ROWS = 4;

/** The SIMD kernels for a product of `multiplyAdds` where the products' module runs and the product is large enough; else null. */
const simdForProduct = (simd: SimdKernels | null, multiplyAdds: number) => (simd?.gemm && multiplyAdds > WASM_JS_PRODUCT_LIMIT ? simd : null);

/** The output order of the forward kernel, which depends on the kind and on whether gates are kept. */
function forwardFields(kind: CellKind, keep: boolean): (keyof ForwardArrays)[] {
  return ['hs', ...(kind === 'LSTM' ? (['cs'] as const) : []), ...(keep && kind !== 'RNN' ? (['gates'] as const) : []), ...(keep && kind === 'GRU' ? (['hn'] as const) : [])];
}

function forwardKernel(args: KernelArgs, backend: Backend): tf.TensorInfo[] {
  const { read, shape, allocate, view, simd, attrs } = arrays(args, backend);
  const kind = attrs.kind as CellKind;
  const fields = forwardFields(kind, attrs.keep as boolean);
  const [T, B, GH] = shape('gx');
  const sizes = { T, B, H: shape('weightHh')[1] };
  const outputs = fields.map((field) => allocate(field === 'gates' ? [T, B, GH] : [T, B, sizes.H]));
  withSequenceMath(simdForProduct(simd, B * GH * sizes.H), view, sizes, GH, (math) => {
    const out = Object.fromEntries(fields.map((field, k) => [field, view(outputs[k])])) as unknown as ForwardArrays;
    const inputs = { gx: need(read('gx')), w: need(read('weightHh')), biasHn: read('biasHn'), h0: need(read('h0')), c0: read('c0') };
    forwardArrays(kind, attrs.nonlinearity as Nonlinearity, sizes, inputs, out, math);
  });
  return outputs;
}

function backwardKernel(args: KernelArgs, backend: Backend): tf.TensorInfo[] {
  const { read, shape, allocate, view, simd, attrs } = arrays(args, backend);
  const kind = attrs.kind as CellKind;
  const [T, B, H] = shape('hs');
  const GH = shape('weightHh')[0];
  // In the kernel's output order: then dGh (GRU) or dc0 (LSTM).
  const outputs = [allocate([T, B, GH]), allocate([B, H]), allocate([GH, H]), allocate([GH]), allocate([GH])];
  if (kind === 'GRU') outputs.push(allocate([T, B, GH]));
  if (kind === 'LSTM') outputs.push(allocate([B, H]));
  withSequenceMath(simdForProduct(simd, B * GH * H), view, { T, B, H }, GH, (math) => {
    const [dGx, dh0, dWeightHh, dBiasIh, dBiasHh, last] = outputs.map(view);
    const grads = { dGx, dh0, dWeightHh, dBiasIh, dBiasHh, dGh: kind === 'GRU' ? last : dGx, ...(kind === 'LSTM' ? { dc0: last } : {}) };
    const fwd = { hs: need(read('hs')), cs: read('cs') ?? undefined, gates: read('gates') ?? undefined, hn: read('hn') ?? undefined };
    const upstream = { dHs: need(read('dHs')), dhN: need(read('dhN')), dcN: read('dcN') };
    const inputs = { w: need(read('weightHh')), h0: need(read('h0')), c0: read('c0') };
    backwardArrays(kind, attrs.nonlinearity as Nonlinearity, { T, B, H }, inputs, fwd, upstream, grads, math);
  });
  return outputs;
}

/** An input the kernel cannot run without. */
function need(values: Float32Array | null): Float32Array {
  if (!values) throw new Error('a kernel input is missing');
  return values;
}

function matMulKernel(args: KernelArgs, backend: Backend): tf.TensorInfo {
  const { read, shape, make, allocate, view, attrs, simd: kernels } = arrays(args, backend);
  const [a, b] = [shape('a'), shape('b')];
  const [transposeA, transposeB] = [attrs.transposeA as boolean, attrs.transposeB as boolean];
  const [M, K, N] = [transposeA ? a[1] : a[0], transposeA ? a[0] : a[1], transposeB ? b[0] : b[1]];
  const biases = () => ['bias0', 'bias1'].map((name) => read(name)).filter((bias): bias is Float32Array => bias !== null);
  const simd = simdForProduct(kernels, M * N * K);
  if (!simd?.gemm) return make([M, N], matMulArrays(need(read('a')), need(read('b')), a, b, transposeA, transposeB, biases()));
  // On WASM with the engine's SIMD products: C starts as the biases (as matMulArrays does) and the product is added.
  const output = allocate([M, N]);
  simd.withScratch(productScratch(simd.gemm, K, N), (scratch) => {
    const c = view(output);
    const accumulate = startFromBiases(c, M, N, biases());
    const product = packedProduct(simd, operand(need(read('b')), K, N, transposeB), K, N, view(scratch));
    product(operand(need(read('a')), M, K, transposeA), M, c, accumulate);
  });
  return output;
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
 * The recurrence as two fused kernels: always on the CPU backend; on WASM wherever the engine's SIMD
 * products run, and elsewhere when each step's product with W_hh is too small for XNNPACK to pay off, or
 * has so few rows (generation) that XNNPACK's repacking of W_hh would cost more than the product.
 */
export const jsRecurrence: Recurrence = {
  supports: ({ gx, weightHh }: RecurrenceInputs) => {
    const backend = activeBackend();
    const [B, size] = [gx.shape[1], weightHh.size];
    return backend === 'cpu' || hasSimdProducts() || (backend === 'wasm' && (B * size <= WASM_JS_PRODUCT_LIMIT || B <= WASM_FEW_ROWS));
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
