/**
 * The recurrence on the WASM backend where the engine's relaxed-SIMD products cannot run (see
 * jsKernels.ts for where they can): each step's product with W_hh goes to XNNPACK (tf.matMul, whose
 * packed weights it reuses across steps), and each step's element-wise gate math is one kernel working in
 * place on the WASM heap: WebAssembly SIMD (runtime/simdKernels.ts) once compiled, stepMath.ts until then,
 * with the same numbers. Two ops per step, and no Slice, Split or Unpack, which on this backend copy their
 * whole input out of the heap on every call.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { CellKind, Nonlinearity } from '../cells/types';
import * as tf from '../runtime/tf';
import { activeBackend } from '../runtime/activeBackend';
import { type Recurrence, type RecurrenceOutputs } from '../recurrence/recurrence';
import { simdKernels } from '../runtime/simdKernels';
import type { BackwardStep, ForwardStep } from './stepMath';
import { backwardStep, forwardStep } from './simdSequence';

const STEP_FORWARD = 'UnrolledStepForward';
const STEP_BACKWARD = 'UnrolledStepBackward';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/**
 * Views of a kernel's inputs on the WASM heap. Allocate every output before taking views: an allocation
 * may grow the heap and detach views taken earlier.
 */
function heap(args: KernelArgs) {
  const backend = args.backend as BackendWasm;
  const input = (name: string) => args.inputs[name] ?? null;
  const view = (info: tf.TensorInfo | null) => (info ? (backend.typedArrayFromHeap(info) as Float32Array) : null);
  const make = (shape: number[]) => backend.makeOutput(shape, 'float32');
  return { backend, input, view, make, attrs: (args.attrs ?? {}) as { kind: CellKind; nonlinearity: Nonlinearity; t: number; keep?: boolean } };
}

/** Step t forward: inputs hW = h_{t−1}·W_hhᵀ, gx [T, B, G·H], hPrev, cPrev, biasHn; outputs h, c, gates, hn. */
function stepForwardKernel(args: KernelArgs): tf.TensorInfo[] {
  const { backend, input, view, make, attrs } = heap(args);
  const { kind, t, keep } = attrs;
  const [, B, GH] = (input('gx') as tf.TensorInfo).shape;
  const H = GH / (kind === 'LSTM' ? 4 : kind === 'GRU' ? 3 : 1);
  const simd = simdKernels(backend);
  const h = make([B, H]);
  const c = kind === 'LSTM' ? make([B, H]) : null;
  // The SIMD step activates the gates into memory before it uses them, kept or not.
  const gates = (keep || simd) && kind !== 'RNN' ? make([B, GH]) : null;
  const hn = keep && kind === 'GRU' ? make([B, H]) : null;
  const step: ForwardStep = {
    B,
    H,
    tanh: attrs.nonlinearity === 'tanh',
    a: view(input('hW')) as Float32Array,
    gx: (view(input('gx')) as Float32Array).subarray(t * B * GH, (t + 1) * B * GH),
    hPrev: view(input('hPrev')) as Float32Array,
    cPrev: view(input('cPrev')),
    biasHn: view(input('biasHn')),
    h: view(h) as Float32Array,
    c: view(c),
    gates: view(gates),
    hn: view(hn),
  };
  forwardStep(simd, kind, step);
  if (gates && !keep) backend.disposeData(gates.dataId);
  return [h, c, keep ? gates : null, hn].filter((info): info is tf.TensorInfo => info !== null);
}

/**
 * Step t backward: inputs dh (from the future), dc, the whole-sequence dHs, hs, cs, gates, hn and h0, c0;
 * outputs dGx_t, then dGh_t and the direct path (GRU) or ∂L/∂c_{t−1} (LSTM).
 */
function stepBackwardKernel(args: KernelArgs): tf.TensorInfo[] {
  const { backend, input, view, make, attrs } = heap(args);
  const { kind, t } = attrs;
  const [, B, H] = (input('hs') as tf.TensorInfo).shape;
  const GH = (kind === 'LSTM' ? 4 : kind === 'GRU' ? 3 : 1) * H;
  const dGx = make([B, GH]);
  const dGh = kind === 'GRU' ? make([B, GH]) : null;
  const direct = kind === 'GRU' ? make([B, H]) : null;
  const dcPrev = kind === 'LSTM' ? make([B, H]) : null;
  const none = new Float32Array(0);
  const block = (name: string, s: number, width: number) => (view(input(name)) ?? none).subarray(s * B * width, (s + 1) * B * width);
  const dc = view(dcPrev) ?? none;
  // The step updates ∂L/∂c in place: start from ∂L/∂c_t.
  dc.set(view(input('dc')) ?? none);
  const dGxView = view(dGx) as Float32Array;
  const step: BackwardStep = {
    B,
    H,
    tanh: attrs.nonlinearity === 'tanh',
    h: block('hs', t, H),
    hPrev: t ? block('hs', t - 1, H) : (view(input('h0')) as Float32Array),
    gates: block('gates', t, GH),
    c: block('cs', t, H),
    cPrev: t ? block('cs', t - 1, H) : (view(input('c0')) ?? none),
    hn: block('hn', t, H),
    dOut: block('dHs', t, H),
    dh: view(input('dh')) as Float32Array,
    dc,
    dGx: dGxView,
    dGh: view(dGh) ?? dGxView,
    direct: view(direct) ?? none,
  };
  const simd = simdKernels(backend);
  backwardStep(simd, kind, step);
  return [dGx, dGh, direct, dcPrev].filter((info): info is tf.TensorInfo => info !== null);
}

for (const [kernelName, kernelFunc] of [[STEP_FORWARD, stepForwardKernel], [STEP_BACKWARD, stepBackwardKernel]] as const) {
  // A module evaluated twice (hot reload) must not register twice.
  if (!tf.getKernel(kernelName, 'wasm')) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}

/** The recurrence for the WASM backend: XNNPACK products and one JavaScript kernel per step. */
export const wasmRecurrence: Recurrence = {
  supports: () => activeBackend() === 'wasm',
  forward({ kind, nonlinearity, gx, weightHh, biasHn, h0, c0 }, keep) {
    const wT = tf.transpose(weightHh);
    const steps: tf.Tensor2D[][] = [];
    let [h, c] = [h0, c0];
    for (let t = 0; t < gx.shape[0]; t++) {
      const hW = tf.matMul(h, wT);
      const inputs = { hW, gx, hPrev: h, ...(c ? { cPrev: c } : {}), ...(biasHn ? { biasHn } : {}) };
      const outs = tf.engine().runKernel(STEP_FORWARD, inputs, { kind, nonlinearity, t, keep }) as tf.Tensor2D[];
      hW.dispose();
      steps.push(outs);
      [h, c] = kind === 'LSTM' ? [outs[0], outs[1]] : [outs[0], undefined];
    }
    const fields: (keyof RecurrenceOutputs)[] = ['hs', ...(kind === 'LSTM' ? (['cs'] as const) : []), ...(keep && kind !== 'RNN' ? (['gates'] as const) : []), ...(keep && kind === 'GRU' ? (['hn'] as const) : [])];
    const out = Object.fromEntries(fields.map((field, k) => [field, tf.stack(steps.map((s) => s[k]))])) as unknown as RecurrenceOutputs;
    tf.dispose([wT, ...steps.flat()]);
    return out;
  },
  backward({ kind, nonlinearity, weightHh, h0, c0 }, { hs, cs, gates, hn }, { dHs, dhN, dcN }) {
    const saved = { hs, h0, dHs, ...(cs ? { cs } : {}), ...(c0 ? { c0 } : {}), ...(gates ? { gates } : {}), ...(hn ? { hn } : {}) };
    const dGxs: tf.Tensor2D[] = [];
    const dGhs: tf.Tensor2D[] = [];
    const temporary: tf.Tensor[] = [];
    let dh = dhN;
    let dc = kind === 'LSTM' ? (dcN ?? (tf.zerosLike(dhN) as tf.Tensor2D)) : undefined;
    for (let t = hs.shape[0] - 1; t >= 0; t--) {
      const outs = tf.engine().runKernel(STEP_BACKWARD, { ...saved, dh, ...(dc ? { dc } : {}) }, { kind, nonlinearity, t }) as tf.Tensor2D[];
      dGxs[t] = outs[0];
      dGhs[t] = kind === 'GRU' ? outs[1] : outs[0];
      const viaWeights: tf.Tensor2D = tf.matMul(dGhs[t], weightHh);
      temporary.push(dh, ...(dc ? [dc] : []));
      if (kind === 'GRU') temporary.push(viaWeights, outs[2]);
      dh = kind === 'GRU' ? tf.add<tf.Tensor2D>(viaWeights, outs[2]) : viaWeights;
      dc = kind === 'LSTM' ? outs[1] : undefined;
    }
    const dGx = tf.stack(dGxs) as tf.Tensor3D;
    const dGh = kind === 'GRU' ? (tf.stack(dGhs) as tf.Tensor3D) : dGx;
    // The caller's dhN and dcN are not ours to dispose.
    tf.dispose([...temporary.filter((x) => x !== dhN && x !== dcN), ...dGxs, ...(kind === 'GRU' ? dGhs : [])]);
    return { dGx, dGh, dh0: dh, ...(dc ? { dc0: dc } : {}) };
  },
};
