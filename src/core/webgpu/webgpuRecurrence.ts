/**
 * The recurrence on WebGPU as two fused dispatches per layer and direction (programs.ts) instead of a
 * dozen small ones per time step. Used when the backend is `webgpu` and the hidden size fits a workgroup.
 */
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import * as tf from '../runtime/tf';
import { activeBackend } from '../runtime/activeBackend';
import { type Recurrence, type RecurrenceInputs, type RecurrenceOutputs } from '../recurrence/recurrence';
import { BackwardProgram, ForwardProgram, MAX_HIDDEN, backwardWidth, forwardWidth } from './programs';
import { gateCount } from '../cells/types';

function run(program: ForwardProgram | BackwardProgram, inputs: tf.Tensor[]): tf.Tensor3D {
  const info = (tf.backend() as WebGPUBackend).runWebGPUProgram(program, inputs, 'float32');
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor3D;
}

/** Blocks [offset, offset + width) of the last axis of `packed`. */
const columns = (packed: tf.Tensor3D, offset: number, width: number) => tf.slice(packed, [0, 0, offset], [-1, -1, width]) as tf.Tensor3D;

export const webgpuRecurrence: Recurrence = {
  supports: ({ weightHh }: RecurrenceInputs) => activeBackend() === 'webgpu' && weightHh.shape[1] <= MAX_HIDDEN,
  forward({ kind, nonlinearity, gx, weightHh, biasHn, h0, c0 }, keep) {
    const [T, B] = gx.shape;
    const H = weightHh.shape[1];
    const extra = kind === 'LSTM' ? [c0 as tf.Tensor2D] : kind === 'GRU' ? [biasHn ?? tf.zeros([H])] : [];
    const packed = run(new ForwardProgram(kind, nonlinearity, T, B, H), [gx, tf.transpose(weightHh), h0, ...extra]);
    const out: RecurrenceOutputs = { hs: columns(packed, 0, H) };
    if (kind === 'LSTM') out.cs = columns(packed, H, H);
    if (keep && kind !== 'RNN') out.gates = columns(packed, kind === 'LSTM' ? 2 * H : H, gateCount(kind) * H);
    if (keep && kind === 'GRU') out.hn = columns(packed, 4 * H, H);
    // Kept whole for backward, whose program reads the packed rows directly.
    if (keep) out.packed = packed;
    return out;
  },
  backward({ kind, nonlinearity, weightHh, h0, c0 }, outputs, { dHs, dhN, dcN }) {
    const [T, B, H] = outputs.hs.shape;
    const GH = gateCount(kind) * H;
    const { packed } = outputs;
    if (!packed || packed.shape[2] !== forwardWidth(kind, H)) throw new Error('webgpu backward needs its own forward pass');
    const lstm = kind === 'LSTM' ? [c0 as tf.Tensor2D, dcN ?? (tf.zerosLike(dhN) as tf.Tensor2D)] : [];
    const grads = run(new BackwardProgram(kind, nonlinearity, T, B, H), [packed, weightHh, h0, dHs, dhN, ...lstm]);
    const steps = tf.slice(grads, [0, 0, 0], [T, B, backwardWidth(kind, H)]) as tf.Tensor3D;
    const last = tf.reshape(tf.slice(grads, [T, 0, 0], [1, B, 2 * H]), [B, 2 * H]) as tf.Tensor2D;
    const dGx = columns(steps, 0, GH);
    return {
      dGx,
      dGh: kind === 'GRU' ? columns(steps, GH, GH) : dGx,
      dh0: tf.slice(last, [0, 0], [B, H]),
      ...(kind === 'LSTM' ? { dc0: tf.slice(last, [0, H], [B, H]) } : {}),
    };
  },
};
