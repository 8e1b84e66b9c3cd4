/**
 * The cell of `torch.nn.GRU`, gates in PyTorch's order r, z, n. Unlike Cho et al.'s form (and d2l's), the
 * reset gate scales W_hn·h + b_hn *after* the matrix product; z keeps the old state, as in both:
 *   r = σ(x·W_irᵀ + b_ir + h·W_hrᵀ + b_hr),  z = σ(x·W_izᵀ + b_iz + h·W_hzᵀ + b_hz),
 *   n = tanh(x·W_inᵀ + b_in + r ⊙ (h·W_hnᵀ + b_hn)),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
 */
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import { makeCell, projectHidden } from './base';
import type { Cell } from './types';

/** A GRU cell with PyTorch's formula and a hand-written backward. */
export function createGruCell(): Cell {
  return makeCell({
    kind: 'GRU',
    nonlinearity: 'tanh',
    gateNames: ['r', 'z', 'n'],
    forwardFromProjection: (p, gx, s) =>
      tidyResult(() => {
        const gh = projectHidden(p, s.h);
        const [xr, xz, xn] = tf.split<tf.Tensor2D>(gx, 3, 1);
        const [hr, hz, hn] = tf.split<tf.Tensor2D>(gh, 3, 1);
        const r = tf.sigmoid(tf.add<tf.Tensor2D>(xr, hr));
        const z = tf.sigmoid(tf.add<tf.Tensor2D>(xz, hz));
        const n = tf.tanh(tf.add<tf.Tensor2D>(xn, tf.mul(r, hn)));
        // (1 − z) ⊙ n + z ⊙ h, written with one product fewer.
        const h: tf.Tensor2D = tf.add(n, tf.mul(z, tf.sub(s.h, n)));
        return { state: { h }, cache: { hPrev: s.h, values: { gx, gh, r, z, hn, n, h } } };
      }),
    backwardToGates: (_p, cache, d) =>
      tidyResult(() => {
        const { r, z, hn, n } = cache.values;
        const dnPre: tf.Tensor2D = tf.mul(tf.mul(d.h, tf.sub(1, z)), tf.sub(1, tf.square(n)));
        const dzPre: tf.Tensor2D = tf.mul(tf.mul(d.h, tf.sub(cache.hPrev, n)), tf.mul(z, tf.sub(1, z)));
        const drPre: tf.Tensor2D = tf.mul(tf.mul(dnPre, hn), tf.mul(r, tf.sub(1, r)));
        return {
          dGx: tf.concat([drPre, dzPre, dnPre], 1),
          // The hidden side of n was scaled by r, so its gradient is too.
          dGh: tf.concat([drPre, dzPre, tf.mul<tf.Tensor2D>(dnPre, r)], 1),
          dhDirect: tf.mul<tf.Tensor2D>(d.h, z),
        };
      }),
  });
}
