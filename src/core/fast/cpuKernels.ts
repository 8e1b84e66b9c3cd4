/**
 * The CPU backend's fused kernels, registered with tfjs so the engine tracks their tensors like any op's:
 * the whole-sequence recurrence forward and backward (cpuSequence.ts) and a matrix product
 * on the register-tiled gemm (gemm.ts). They have no autodiff gradients: the layer's backward is analytic.
 */
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { CellKind, Nonlinearity } from '../cells/types';
import * as tf from '../tf';
import { backwardArrays, forwardArrays, type ForwardArrays } from './cpuSequence';
import { FAST_PERMUTATIONS, matMulArrays, permuted } from './gemm';
import { activeBackend, type Recurrence } from './recurrence';

const FORWARD = 'UnrolledRecurrenceForward';
const BACKWARD = 'UnrolledRecurrenceBackward';
const MATMUL = 'UnrolledMatMul';
const TRANSPOSE = 'UnrolledTranspose';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

function reader(args: KernelArgs) {
  const backend = args.backend as MathBackendCPU;
  const read = (name: string) => {
    const info = args.inputs[name];
    return info ? (backend.data.get(info.dataId).values as Float32Array) : null;
  };
  const shape = (name: string) => {
    const info = args.inputs[name];
    if (!info) throw new Error(`kernel input ${name} is missing`);
    return info.shape;
  };
  const make = (dims: number[], values: Float32Array) => backend.makeTensorInfo(dims, 'float32', values);
  return { read, shape, make, attrs: (args.attrs ?? {}) as Record<string, unknown> };
}

/** The output order of the forward kernel, which depends on the kind and on whether gates are kept. */
function forwardFields(kind: CellKind, keep: boolean): (keyof ForwardArrays)[] {
  return ['hs', ...(kind === 'LSTM' ? (['cs'] as const) : []), ...(keep && kind !== 'RNN' ? (['gates'] as const) : []), ...(keep && kind === 'GRU' ? (['hn'] as const) : [])];
}

function forwardKernel(args: KernelArgs): tf.TensorInfo[] {
  const { read, shape, make, attrs } = reader(args);
  const kind = attrs.kind as CellKind;
  const keep = attrs.keep as boolean;
  const [T, B, GH] = shape('gx');
  const H = shape('weightHh')[1];
  const sizes = { T, B, H };
  const out = forwardArrays(kind, attrs.nonlinearity as Nonlinearity, sizes, read('gx') as Float32Array, read('weightHh') as Float32Array, read('biasHn'), read('h0') as Float32Array, read('c0'), keep);
  return forwardFields(kind, keep).map((field) => make(field === 'gates' ? [T, B, GH] : [T, B, H], out[field] as Float32Array));
}

function backwardKernel(args: KernelArgs): tf.TensorInfo[] {
  const { read, shape, make, attrs } = reader(args);
  const kind = attrs.kind as CellKind;
  const [T, B, H] = shape('hs');
  const GH = shape('weightHh')[0];
  const fwd = { hs: read('hs') as Float32Array, cs: read('cs') ?? undefined, gates: read('gates') ?? undefined, hn: read('hn') ?? undefined };
  const g = backwardArrays(kind, attrs.nonlinearity as Nonlinearity, { T, B, H }, read('weightHh') as Float32Array, read('h0') as Float32Array, read('c0'), fwd, read('dHs') as Float32Array, read('dhN') as Float32Array, read('dcN'));
  const grads = [make([T, B, GH], g.dGx), make([B, H], g.dh0)];
  if (kind === 'GRU') grads.push(make([T, B, GH], g.dGh));
  if (g.dc0) grads.push(make([B, H], g.dc0));
  return grads;
}

function matMulKernel(args: KernelArgs): tf.TensorInfo {
  const { read, shape, make, attrs } = reader(args);
  const [a, b] = [shape('a'), shape('b')];
  const [transposeA, transposeB] = [attrs.transposeA as boolean, attrs.transposeB as boolean];
  const c = matMulArrays(read('a') as Float32Array, read('b') as Float32Array, a, b, transposeA, transposeB);
  return make([transposeA ? a[1] : a[0], transposeB ? b[0] : b[1]], c);
}

function transposeKernel(args: KernelArgs): tf.TensorInfo {
  const { read, shape, make, attrs } = reader(args);
  const perm = attrs.perm as number[];
  const dims = shape('x');
  return make(perm.map((axis) => dims[axis]), permuted(read('x') as Float32Array, dims, perm));
}

for (const [kernelName, kernelFunc] of [[FORWARD, forwardKernel], [BACKWARD, backwardKernel], [MATMUL, matMulKernel], [TRANSPOSE, transposeKernel]] as const) {
  // A module evaluated twice (hot reload) must not register twice.
  if (!tf.getKernel(kernelName, 'cpu')) tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}

/** C [M, N] = op(a)·op(b) on the CPU backend's tiled gemm; a and b are 2-D float32 tensors. */
export function cpuMatMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D {
  return tf.engine().runKernel(MATMUL, { a, b }, { transposeA, transposeB }) as tf.Tensor2D;
}

/** tf.transpose(x, perm) on the CPU backend for float32 tensors and the `FAST_PERMUTATIONS`; else tfjs's own. */
export function cpuTranspose<T extends tf.Tensor>(x: T, perm: number[]): T {
  if (x.dtype !== 'float32' || !FAST_PERMUTATIONS.includes(perm.join())) return tf.transpose(x, perm);
  return tf.engine().runKernel(TRANSPOSE, { x }, { perm }) as T;
}

// Gradients, so that autodiff sees through products and transposes (the recurrence kernels have none).
if (!tf.getGradient(MATMUL)) {
  tf.registerGradient({
    kernelName: MATMUL,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], attrs) => {
      const [ta, tb, g] = [attrs.transposeA as boolean, attrs.transposeB as boolean, dy as tf.Tensor2D];
      const [x, y] = [a as tf.Tensor2D, b as tf.Tensor2D];
      if (!ta && !tb) return { a: () => cpuMatMul(g, y, false, true), b: () => cpuMatMul(x, g, true, false) };
      if (!ta && tb) return { a: () => cpuMatMul(g, y, false, false), b: () => cpuMatMul(g, x, true, false) };
      if (ta && !tb) return { a: () => cpuMatMul(y, g, false, true), b: () => cpuMatMul(x, g, false, false) };
      return { a: () => cpuMatMul(y, g, true, true), b: () => cpuMatMul(g, x, true, true) };
    },
  });
  tf.registerGradient({
    kernelName: TRANSPOSE,
    gradFunc: (dy, _, attrs) => {
      const perm = attrs.perm as number[];
      const inverse = perm.map((_axis, k) => perm.indexOf(k));
      return { x: () => cpuTranspose(dy as tf.Tensor, inverse) };
    },
  });
}

/** The recurrence as two fused JavaScript kernels, for the CPU backend. */
export const cpuRecurrence: Recurrence = {
  supports: () => activeBackend() === 'cpu',
  forward({ kind, nonlinearity, gx, weightHh, biasHn, h0, c0 }, keep) {
    const inputs = { gx, weightHh, h0, ...(c0 ? { c0 } : {}), ...(biasHn ? { biasHn } : {}) };
    const outs = tf.engine().runKernel(FORWARD, inputs, { kind, nonlinearity, keep }) as tf.Tensor3D[];
    return Object.fromEntries(forwardFields(kind, keep).map((field, k) => [field, outs[k]])) as { hs: tf.Tensor3D };
  },
  backward({ kind, nonlinearity, weightHh, h0, c0 }, { hs, cs, gates, hn }, { dHs, dhN, dcN }) {
    const saved = { hs, ...(cs ? { cs } : {}), ...(gates ? { gates } : {}), ...(hn ? { hn } : {}) };
    const inputs = { ...saved, weightHh, h0, dHs, dhN, ...(c0 ? { c0 } : {}), ...(dcN ? { dcN } : {}) };
    const [dGx, dh0, ...rest] = tf.engine().runKernel(BACKWARD, inputs, { kind, nonlinearity }) as tf.Tensor[];
    const dGh = kind === 'GRU' ? (rest.shift() as tf.Tensor3D) : (dGx as tf.Tensor3D);
    return { dGx: dGx as tf.Tensor3D, dGh, dh0: dh0 as tf.Tensor2D, ...(kind === 'LSTM' ? { dc0: rest[0] as tf.Tensor2D } : {}) };
  },
};
