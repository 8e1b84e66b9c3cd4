/**
 * A whole sequence's recurrence on plain Float32Arrays, forward and back: per step one register-tiled
 * product with W_hh (gemm.ts) and the cells' element-wise math (stepMath.ts). This is what the fused
 * JavaScript kernels run (jsKernels.ts). Arrays are row-major with the shapes of `RecurrenceInputs`/`RecurrenceOutputs`.
 */
import { gateCount, type CellKind, type Nonlinearity } from '../cells/types';
import { columnSumsOfArray } from './columnSums';
import { gemmABt, matMulArrays, transposed } from './gemm';
import { BACKWARD_STEP, FORWARD_STEP } from './stepMath';

export interface Sizes {
  T: number;
  B: number;
  H: number;
}

/** hs, cs [T, B, H]; gates [T, B, G·H]; hn [T, B, H]: absent where the kind or `keep` has none. */
export interface ForwardArrays {
  hs: Float32Array;
  cs?: Float32Array;
  gates?: Float32Array;
  hn?: Float32Array;
}

/** dGx, dGh [T, B, G·H] (one array unless GRU); dh0, dc0 [B, H]; dWeightHh [G·H, H]; dBiasIh, dBiasHh [G·H]. */
export interface BackwardArrays {
  dGx: Float32Array;
  dGh: Float32Array;
  dh0: Float32Array;
  dc0?: Float32Array;
  dWeightHh: Float32Array;
  dBiasIh: Float32Array;
  dBiasHh: Float32Array;
}

/** Step t's block of a [T, B, width] array. */
const block = (a: Float32Array, t: number, width: number) => a.subarray(t * width, (t + 1) * width);

/** The forward recurrence. `gx` [T, B, G·H], `w` = W_hh [G·H, H], `h0`/`c0` [B, H], `biasHn` [H]. */
export function forwardArrays(
  kind: CellKind,
  nonlinearity: Nonlinearity,
  { T, B, H }: Sizes,
  gx: Float32Array,
  w: Float32Array,
  biasHn: Float32Array | null,
  h0: Float32Array,
  c0: Float32Array | null,
  keep: boolean,
): ForwardArrays {
  const [BH, BGH] = [B * H, B * gateCount(kind) * H];
  const hs = new Float32Array(T * BH);
  const cs = kind === 'LSTM' ? new Float32Array(T * BH) : null;
  const gates = keep && kind !== 'RNN' ? new Float32Array(T * BGH) : null;
  const hn = keep && kind === 'GRU' ? new Float32Array(T * BH) : null;
  const a = new Float32Array(BGH);
  for (let t = 0; t < T; t++) {
    const hPrev = t ? block(hs, t - 1, BH) : h0;
    gemmABt(hPrev, w, a, B, BGH / B, H);
    FORWARD_STEP[kind]({
      B,
      H,
      tanh: nonlinearity === 'tanh',
      a,
      gx: block(gx, t, BGH),
      hPrev,
      cPrev: cs && (t ? block(cs, t - 1, BH) : c0),
      biasHn,
      h: block(hs, t, BH),
      c: cs && block(cs, t, BH),
      gates: gates && block(gates, t, BGH),
      hn: hn && block(hn, t, BH),
    });
  }
  return { hs, ...(cs ? { cs } : {}), ...(gates ? { gates } : {}), ...(hn ? { hn } : {}) };
}

/**
 * BPTT of `forwardArrays(…, keep = true)`: from ∂L/∂h_t of every step (`dHs` [T, B, H]) and of the final
 * state (`dhN`, `dcN` [B, H]) to the gate pre-activations, the initial state, and the gradients of W_hh
 * and the biases.
 */
export function backwardArrays(
  kind: CellKind,
  nonlinearity: Nonlinearity,
  { T, B, H }: Sizes,
  w: Float32Array,
  h0: Float32Array,
  c0: Float32Array | null,
  fwd: ForwardArrays,
  dHs: Float32Array,
  dhN: Float32Array,
  dcN: Float32Array | null,
): BackwardArrays {
  const GH = gateCount(kind) * H;
  const [BH, BGH] = [B * H, B * GH];
  const none = new Float32Array(0);
  const [cs, gates, hn] = [fwd.cs ?? none, fwd.gates ?? none, fwd.hn ?? none];
  // ∂L/∂h_{t−1} = dGh·W_hh: with W_hhᵀ both operands are contiguous for gemmABt.
  const wT = transposed(w, GH, H);
  const dGx = new Float32Array(T * BGH);
  const dGh = kind === 'GRU' ? new Float32Array(T * BGH) : dGx;
  const dc = Float32Array.from(kind === 'LSTM' ? (dcN ?? new Float32Array(BH)) : none);
  let dh = Float32Array.from(dhN);
  let next = new Float32Array(BH);
  for (let t = T - 1; t >= 0; t--) {
    BACKWARD_STEP[kind]({
      B,
      H,
      tanh: nonlinearity === 'tanh',
      h: block(fwd.hs, t, BH),
      hPrev: t ? block(fwd.hs, t - 1, BH) : h0,
      gates: block(gates, t, BGH),
      c: block(cs, t, BH),
      cPrev: t ? block(cs, t - 1, BH) : (c0 ?? none),
      hn: block(hn, t, BH),
      dOut: block(dHs, t, BH),
      dh,
      dc,
      dGx: block(dGx, t, BGH),
      dGh: block(dGh, t, BGH),
      direct: next,
    });
    // next = the direct path (GRU) + dGh_t·W_hh; the RNN and LSTM reach h_{t−1} only through W_hh.
    gemmABt(block(dGh, t, BGH), wT, next, B, H, GH, kind === 'GRU');
    [dh, next] = [next, dh];
  }
  // The weight gradient of W_hh is one product over all steps: dGhᵀ·[h0, h_0, …, h_{T−2}].
  const hPrev = new Float32Array(T * BH);
  hPrev.set(h0);
  hPrev.set(fwd.hs.subarray(0, (T - 1) * BH), BH);
  const dWeightHh = matMulArrays(dGh, hPrev, [T * B, GH], [T * B, H], true, false);
  const dBiasIh = columnSumsOfArray(dGx, T * B, GH);
  const dBiasHh = dGh === dGx ? dBiasIh.slice() : columnSumsOfArray(dGh, T * B, GH);
  return { dGx, dGh, dh0: dh, ...(kind === 'LSTM' ? { dc0: dc } : {}), dWeightHh, dBiasIh, dBiasHh };
}
