/**
 * The cell of `torch.nn.LSTM`, gates in PyTorch's order i, f, g, o:
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o) with a = x·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh,
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t).
 */
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import { makeCell, projectHidden } from './base';
import type { Cell } from './types';

/** σ′ written from σ's output, as the backward pass has it: s ⊙ (1 − s). */
function sigmoidSlope(s: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(s, tf.sub<tf.Tensor2D>(1, s));
}

/**
 * The LSTM's step from its pre-activation a = x·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh: [B, 4H] and c_{t−1}: [B, H]
 * to its gates, cell state and hidden state (each [B, H]). The cell and the ops recurrence both step with it.
 */
export function lstmGates(a: tf.Tensor2D, cPrev: tf.Tensor2D) {
  const [ai, af, ag, ao] = tf.split<tf.Tensor2D>(a, 4, 1);
  const [i, f, g, o] = [tf.sigmoid(ai), tf.sigmoid(af), tf.tanh(ag), tf.sigmoid(ao)];
  const c: tf.Tensor2D = tf.add(tf.mul(f, cPrev), tf.mul(i, g));
  const tanhC = tf.tanh(c);
  return { i, f, g, o, c, tanhC, h: tf.mul<tf.Tensor2D>(o, tanhC) };
}

/** An LSTM cell with PyTorch's formula and a hand-written backward. */
export function createLstmCell(): Cell {
  return makeCell({
    kind: 'LSTM',
    nonlinearity: 'tanh',
    gateNames: ['i', 'f', 'g', 'o'],
    forwardFromProjection: (p, gx, s) =>
      tidyResult(() => {
        if (!s.c) throw new Error('LSTM state needs a cell state c');
        const a: tf.Tensor2D = tf.add(gx, projectHidden(p, s.h));
        const values = lstmGates(a, s.c);
        return { state: { h: values.h, c: values.c }, cache: { hPrev: s.h, cPrev: s.c, values: { a, ...values } } };
      }),
    backwardToGates: (_p, cache, d) =>
      tidyResult(() => {
        const { i, f, g, o, tanhC } = cache.values;
        const cPrev = cache.cPrev;
        if (!cPrev) throw new Error('LSTM cache needs cPrev');
        // c_t reaches the loss directly (∂L/∂c_t from the future) and through h_t = o ⊙ tanh(c_t).
        const dc: tf.Tensor2D = tf.add(d.c ?? tf.zerosLike(tanhC), tf.mul(tf.mul(d.h, o), tf.sub(1, tf.square(tanhC))));
        const dA = tf.concat<tf.Tensor2D>(
          [
            tf.mul(tf.mul(dc, g), sigmoidSlope(i)),
            tf.mul(tf.mul(dc, cPrev), sigmoidSlope(f)),
            tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g))),
            tf.mul(tf.mul(d.h, tanhC), sigmoidSlope(o)),
          ],
          1,
        );
        return { dGx: dA, dGh: dA, dhDirect: null, dcPrev: tf.mul<tf.Tensor2D>(dc, f) };
      }),
  });
}
