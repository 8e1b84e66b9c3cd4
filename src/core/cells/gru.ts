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

/**
 * The GRU's step from its two projections, gx: [B, 3H] and gh: [B, 3H], and h_{t−1}: [B, H]. `biasHn`
 * ([H], or null when gh already holds it) is added to the hidden side of n before r scales it: the ops
 * recurrence folds b_hr and b_hz into gx but must keep b_hn apart. The cell and the ops recurrence both step
 * with it; r and z go through one sigmoid.
 */
export function gruGates(gx: tf.Tensor2D, gh: tf.Tensor2D, biasHn: tf.Tensor1D | null, hPrev: tf.Tensor2D) {
  const H = hPrev.shape[1];
  const [xRZ, xN] = tf.split<tf.Tensor2D>(gx, [2 * H, H], 1);
  const [hRZ, hNoBias] = tf.split<tf.Tensor2D>(gh, [2 * H, H], 1);
  const rz = tf.sigmoid<tf.Tensor2D>(tf.add(xRZ, hRZ));
  const [r, z] = tf.split<tf.Tensor2D>(rz, 2, 1);
  const hn = biasHn ? tf.add<tf.Tensor2D>(hNoBias, biasHn) : hNoBias;
  const n = tf.tanh<tf.Tensor2D>(tf.add(xN, tf.mul(r, hn)));
  // (1 − z) ⊙ n + z ⊙ h, written with one product fewer.
  const h = tf.add<tf.Tensor2D>(n, tf.mul(z, tf.sub(hPrev, n)));
  return { rz, r, z, hn, n, h };
}

/** A GRU cell with PyTorch's formula and a hand-written backward. */
export function createGruCell(): Cell {
  return makeCell({
    kind: 'GRU',
    nonlinearity: 'tanh',
    gateNames: ['r', 'z', 'n'],
    forwardFromProjection: (p, gx, s) =>
      tidyResult(() => {
        const gh = projectHidden(p, s.h);
        const { r, z, hn, n, h } = gruGates(gx, gh, null, s.h);
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
