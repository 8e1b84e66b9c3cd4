/**
 * The recurrence in tfjs ops, for any backend and differentiable by tfjs autodiff. Forward: one matMul per
 * step for the hidden side (on WASM with W_hhᵀ transposed once, so XNNPACK reuses its packed weights), the
 * gates split afterwards. Backward: the gate derivatives of every step computed up front as a few whole-sequence
 * ops, leaving the step loop about seven small ops and one matMul.
 */
import { gruGates } from '../cells/gru';
import { lstmGates } from '../cells/lstm';
import { rnnActivation } from '../cells/rnn';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import { WASM_FEW_ROWS } from './jsKernels';
import { matMul, transpose } from './linalg';
import { activeBackend } from '../runtime/activeBackend';
import { previousStates, type Recurrence, type RecurrenceGradients, type RecurrenceInputs, type RecurrenceOutputs, type RecurrenceUpstream } from '../recurrence/recurrence';

type Step = { h: tf.Tensor2D; c?: tf.Tensor2D; gates?: tf.Tensor2D; hn?: tf.Tensor2D };

/** One forward step from h_{t−1}·W_hhᵀ: the new state and, when kept, the activated gates. */
function forwardStep(inputs: RecurrenceInputs, gxT: tf.Tensor2D, hW: tf.Tensor2D, prev: Step, keep: boolean): Step {
  if (inputs.kind === 'RNN') return { h: rnnActivation(tf.add(gxT, hW), inputs.nonlinearity) };
  if (inputs.kind === 'LSTM') {
    const { i, f, g, o, c, h } = lstmGates(tf.add(gxT, hW), prev.c as tf.Tensor2D);
    return { h, c, ...(keep ? { gates: tf.concat([i, f, g, o], 1) } : {}) };
  }
  const { rz, n, hn, h } = gruGates(gxT, hW, inputs.biasHn, prev.h);
  return { h, ...(keep ? { gates: tf.concat([rz, n], 1), hn } : {}) };
}

function forward(inputs: RecurrenceInputs, keep: boolean): RecurrenceOutputs {
  const [T, B] = inputs.gx.shape;
  // XNNPACK takes only A·B and packs B once per tensor: for many wide steps, transpose W_hh once up front.
  const wT = activeBackend() === 'wasm' && T > 1 && B > WASM_FEW_ROWS ? transpose(inputs.weightHh) : null;
  const hiddenProduct = (h: tf.Tensor2D) => (wT ? matMul(h, wT) : matMul(h, inputs.weightHh, false, true));
  const gxs = tf.unstack(inputs.gx) as tf.Tensor2D[];
  let prev: Step = { h: inputs.h0, c: inputs.c0 };
  const steps = gxs.map((gxT) => (prev = tidyResult(() => forwardStep(inputs, gxT, hiddenProduct(prev.h), prev, keep))));
  const stack = (field: keyof Step) => tf.stack(steps.map((s) => s[field] as tf.Tensor2D)) as tf.Tensor3D;
  return {
    hs: stack('h'),
    ...(inputs.kind === 'LSTM' ? { cs: stack('c') } : {}),
    ...(keep && inputs.kind !== 'RNN' ? { gates: stack('gates') } : {}),
    ...(keep && inputs.kind === 'GRU' ? { hn: stack('hn') } : {}),
  };
}

/** Gate-derivative factors of every step, computed as whole-sequence ops before the step loop. */
function factors(inputs: RecurrenceInputs, out: RecurrenceOutputs): Record<string, tf.Tensor2D[]> {
  const slope = (s: tf.Tensor3D) => tf.mul(s, tf.sub(1, s));
  const split = (t: tf.Tensor3D, n: number) => tf.split<tf.Tensor3D>(t, n, 2);
  const steps = (t: tf.Tensor) => tf.unstack(t) as tf.Tensor2D[];
  if (inputs.kind === 'RNN') {
    // tanh′ is 1 − tanh², read off the output; relu′ is 1 where the output is positive.
    return { slope: steps(inputs.nonlinearity === 'tanh' ? tf.sub(1, tf.square(out.hs)) : tf.step(out.hs)) };
  }
  if (inputs.kind === 'LSTM') {
    const [i, f, g, o] = split(out.gates as tf.Tensor3D, 4);
    const tanhC = tf.tanh(out.cs as tf.Tensor3D);
    const cPrev = previousStates(inputs.c0 as tf.Tensor2D, out.cs as tf.Tensor3D);
    return {
      // dc_t += dh_t ⊙ o ⊙ (1 − tanh²c_t); then dA = [dc, dc, dc, dh] ⊙ scale.
      viaH: steps(tf.mul(o, tf.sub(1, tf.square(tanhC)))),
      scale: steps(tf.concat([tf.mul(g, slope(i)), tf.mul(cPrev, slope(f)), tf.mul(i, tf.sub(1, tf.square(g))), tf.mul(tanhC, slope(o))], 2)),
      f: steps(f),
    };
  }
  const [r, z, n] = split(out.gates as tf.Tensor3D, 3);
  const hPrev = previousStates(inputs.h0, out.hs);
  return {
    toN: steps(tf.mul(tf.sub(1, z), tf.sub(1, tf.square(n)))),
    toZ: steps(tf.mul(tf.sub(hPrev, n), slope(z))),
    toR: steps(tf.mul(out.hn as tf.Tensor3D, slope(r))),
    r: steps(r),
    z: steps(z),
  };
}

type BackStep = { dGx: tf.Tensor2D; dGh: tf.Tensor2D; dh: tf.Tensor2D; dc?: tf.Tensor2D };

function backwardStep(inputs: RecurrenceInputs, k: Record<string, tf.Tensor2D[]>, t: number, dht: tf.Tensor2D, dc?: tf.Tensor2D): BackStep {
  const w = inputs.weightHh;
  if (inputs.kind === 'RNN') {
    const da = tf.mul<tf.Tensor2D>(dht, k.slope[t]);
    return { dGx: da, dGh: da, dh: matMul(da, w) };
  }
  if (inputs.kind === 'LSTM') {
    const dct = tf.add<tf.Tensor2D>(dc as tf.Tensor2D, tf.mul(dht, k.viaH[t]));
    const dA = tf.mul<tf.Tensor2D>(tf.concat([dct, dct, dct, dht], 1), k.scale[t]);
    return { dGx: dA, dGh: dA, dh: matMul(dA, w), dc: tf.mul(dct, k.f[t]) };
  }
  const dn = tf.mul<tf.Tensor2D>(dht, k.toN[t]);
  const dz = tf.mul<tf.Tensor2D>(dht, k.toZ[t]);
  const dr = tf.mul<tf.Tensor2D>(dn, k.toR[t]);
  // The hidden side of n was scaled by r, so its gradient is too; z ⊙ h_{t−1} bypasses W_hh.
  const dGh = tf.concat<tf.Tensor2D>([dr, dz, tf.mul(dn, k.r[t])], 1);
  return { dGx: tf.concat<tf.Tensor2D>([dr, dz, dn], 1), dGh, dh: tf.add<tf.Tensor2D>(matMul(dGh, w), tf.mul(dht, k.z[t])) };
}

function backward(inputs: RecurrenceInputs, out: RecurrenceOutputs, { dHs, dhN, dcN }: RecurrenceUpstream): RecurrenceGradients {
  const k = factors(inputs, out);
  const upstream = tf.unstack(dHs) as tf.Tensor2D[];
  const T = upstream.length;
  const grads = new Array<BackStep>(T);
  let dh = dhN;
  let dc = inputs.kind === 'LSTM' ? (dcN ?? (tf.zerosLike(dhN) as tf.Tensor2D)) : undefined;
  for (let t = T - 1; t >= 0; t--) {
    const step = tidyResult(() => backwardStep(inputs, k, t, tf.add(upstream[t], dh), dc));
    grads[t] = step;
    [dh, dc] = [step.dh, step.dc];
  }
  const dGx = tf.stack(grads.map((g) => g.dGx)) as tf.Tensor3D;
  return {
    dGx,
    dGh: inputs.kind === 'GRU' ? (tf.stack(grads.map((g) => g.dGh)) as tf.Tensor3D) : dGx,
    dh0: dh,
    ...(dc ? { dc0: dc } : {}),
  };
}

/** The recurrence in tfjs ops: runs everywhere, and autodiff can see through it. */
export const opsRecurrence: Recurrence = { supports: () => true, forward, backward };
