/**
 * The Elman cell of `torch.nn.RNN`: h_t = φ(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh), φ = tanh or relu.
 */
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import { makeCell, projectHidden } from './base';
import type { Cell, Nonlinearity } from './types';

/** φ(a) for a: [B, H], the RNN's whole step after its projections; the cell and the ops recurrence share it. */
export function rnnActivation(a: tf.Tensor2D, nonlinearity: Nonlinearity): tf.Tensor2D {
  return nonlinearity === 'tanh' ? tf.tanh(a) : tf.relu(a);
}

/** A vanilla RNN cell with PyTorch's formula and a hand-written backward. */
export function createRnnCell(nonlinearity: Nonlinearity = 'tanh'): Cell {
  return makeCell({
    kind: 'RNN',
    nonlinearity,
    gateNames: ['h'],
    forwardFromProjection: (p, gx, s) =>
      tidyResult(() => {
        const a: tf.Tensor2D = tf.add(gx, projectHidden(p, s.h));
        const h = rnnActivation(a, nonlinearity);
        return { state: { h }, cache: { hPrev: s.h, values: { a, h } } };
      }),
    backwardToGates: (_p, cache, d) =>
      tidyResult(() => {
        const { a, h } = cache.values;
        // tanh′ is 1 − tanh², read off the output; relu′ is 1 where the pre-activation was positive.
        const slope: tf.Tensor2D = nonlinearity === 'tanh' ? tf.sub(1, tf.square(h)) : tf.step(a);
        const da: tf.Tensor2D = tf.mul(d.h, slope);
        return { dGx: da, dGh: da, dhDirect: null };
      }),
  });
}
