/**
 * The element-wise math of one time step of RNN, LSTM and GRU on plain Float32Arrays, forward and back:
 * the cells' formulas (cells/*.ts) written out per element, for the fused JavaScript kernels. Each function
 * sees one step: every array is that step's [B, ·] block, and the matrix product with W_hh is done by the
 * caller (`a` = h_{t−1}·W_hhᵀ forward; ∂L/∂h_{t−1} = dGh·W_hh backward).
 */
import type { CellKind } from '../cells/types';

/** 2^k for k in −200…200: the exponent part of `fastExp`. */
const POWERS_OF_TWO = Float64Array.from({ length: 401 }, (_, k) => 2 ** (k - 200));
const LOG2E = Math.LOG2E;
// ln 2 in two parts, so that k·ln 2 is subtracted without rounding away r's low bits (Cody–Waite).
const LN2_HIGH = 0.6931471803691238;
const LN2_LOW = 1.9082149292705877e-10;

/**
 * e^x to within 1e-14 (relative) for the arguments float32 gates can meet, and faster than V8's
 * Math.exp, which is a call out of the compiled loop: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its
 * Taylor series to r¹¹, times 2^k from a table. The series is summed by Estrin's scheme (pairs of terms,
 * then pairs of pairs with r², r⁴, r⁸), a chain of 7 operations instead of Horner's 22, so that
 * consecutive elements overlap in the processor; runtime/simd/steps.c sums in exactly this order. x is
 * clamped to ±120, where every use here has saturated (σ and tanh are then 0, 1 or ±1 in float32).
 */
export function fastExp(x: number): number {
  const clamped = x > 120 ? 120 : x < -120 ? -120 : x;
  const k = Math.floor(clamped * LOG2E + 0.5);
  const r = clamped - k * LN2_HIGH - k * LN2_LOW;
  const r2 = r * r;
  const q0 = 1 + r;
  const q1 = 1 / 2 + r * (1 / 6);
  const q2 = 1 / 24 + r * (1 / 120);
  const q3 = 1 / 720 + r * (1 / 5040);
  const q4 = 1 / 40320 + r * (1 / 362880);
  const q5 = 1 / 3628800 + r * (1 / 39916800);
  const r4 = r2 * r2;
  const series = q0 + q1 * r2 + (q2 + q3 * r2) * r4 + (q4 + q5 * r2) * (r4 * r4);
  return series * POWERS_OF_TWO[k + 200];
}

export const sigmoid = (x: number): number => 1 / (1 + fastExp(-x));

/**
 * tanh through one exponential, about twice as fast as V8's Math.tanh: (1 − e^{−2|x|}) / (1 + e^{−2|x|})
 * with x's sign, which never overflows and is within 1e-14 of Math.tanh, far below float32's rounding.
 */
export function fastTanh(x: number): number {
  const t = fastExp(-2 * Math.abs(x));
  const y = (1 - t) / (1 + t);
  return x < 0 ? -y : y;
}

/** One forward step's arrays: inputs a, gx [B, G·H], hPrev, cPrev [B, H], biasHn [H]; outputs h, c, gates, hn. */
export interface ForwardStep {
  B: number;
  H: number;
  tanh: boolean;
  a: Float32Array;
  gx: Float32Array;
  hPrev: Float32Array;
  /** LSTM only */
  cPrev: Float32Array | null;
  /** GRU only, null without biases */
  biasHn: Float32Array | null;
  h: Float32Array;
  /** LSTM only */
  c: Float32Array | null;
  /** activated gates [B, G·H], or null when not kept */
  gates: Float32Array | null;
  /** GRU: W_hn·h_{t−1} + b_hn [B, H], or null when not kept */
  hn: Float32Array | null;
}

function rnnForward({ B, H, tanh, a, gx, h }: ForwardStep): void {
  for (let e = 0; e < B * H; e++) {
    const v = a[e] + gx[e];
    h[e] = tanh ? fastTanh(v) : v > 0 ? v : 0;
  }
}

function lstmForward({ B, H, a, gx, cPrev, h, c, gates }: ForwardStep): void {
  const [cIn, cOut] = [cPrev as Float32Array, c as Float32Array];
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < H; k++) {
      const at = b * 4 * H + k;
      const e = b * H + k;
      // The gates as stored, in float32, as PyTorch computes c and h from them.
      const i = Math.fround(sigmoid(a[at] + gx[at]));
      const f = Math.fround(sigmoid(a[at + H] + gx[at + H]));
      const g = Math.fround(fastTanh(a[at + 2 * H] + gx[at + 2 * H]));
      const o = Math.fround(sigmoid(a[at + 3 * H] + gx[at + 3 * H]));
      cOut[e] = f * cIn[e] + i * g;
      h[e] = o * fastTanh(cOut[e]);
      if (gates) {
        gates[at] = i;
        gates[at + H] = f;
        gates[at + 2 * H] = g;
        gates[at + 3 * H] = o;
      }
    }
  }
}

function gruForward({ B, H, a, gx, hPrev, biasHn, h, gates, hn }: ForwardStep): void {
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < H; k++) {
      const at = b * 3 * H + k;
      const e = b * H + k;
      // r and z as stored, in float32.
      const r = Math.fround(sigmoid(a[at] + gx[at]));
      const z = Math.fround(sigmoid(a[at + H] + gx[at + H]));
      // The reset gate scales W_hn·h + b_hn after the product, as in PyTorch.
      const scaled = a[at + 2 * H] + (biasHn ? biasHn[k] : 0);
      const n = fastTanh(gx[at + 2 * H] + r * scaled);
      h[e] = n + z * (hPrev[e] - n);
      if (gates && hn) {
        gates[at] = r;
        gates[at + H] = z;
        gates[at + 2 * H] = n;
        hn[e] = scaled;
      }
    }
  }
}

/** The element-wise forward step of each kind. */
export const FORWARD_STEP: Record<CellKind, (s: ForwardStep) => void> = { RNN: rnnForward, LSTM: lstmForward, GRU: gruForward };

/**
 * One backward step's arrays: what the forward step kept (h, hPrev, gates, c, cPrev, hn), ∂L/∂h_t from
 * above (`dOut`) and from the future (`dh`), ∂L/∂c_t from the future (`dc`, updated in place to
 * ∂L/∂c_{t−1}); outputs the gate gradients dGx, dGh [B, G·H] and the GRU's direct path z ⊙ ∂L/∂h_t.
 */
export interface BackwardStep {
  B: number;
  H: number;
  tanh: boolean;
  h: Float32Array;
  hPrev: Float32Array;
  gates: Float32Array;
  c: Float32Array;
  cPrev: Float32Array;
  hn: Float32Array;
  dOut: Float32Array;
  dh: Float32Array;
  dc: Float32Array;
  dGx: Float32Array;
  /** the same array as dGx except for the GRU */
  dGh: Float32Array;
  direct: Float32Array;
}

function rnnBackward({ B, H, tanh, h, dOut, dh, dGx }: BackwardStep): void {
  for (let e = 0; e < B * H; e++) {
    // tanh′ is 1 − tanh², read off the output; relu′ is 1 where the output is positive.
    dGx[e] = (dOut[e] + dh[e]) * (tanh ? 1 - h[e] * h[e] : h[e] > 0 ? 1 : 0);
  }
}

function lstmBackward({ B, H, gates, c, cPrev, dOut, dh, dc, dGx }: BackwardStep): void {
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < H; k++) {
      const at = b * 4 * H + k;
      const e = b * H + k;
      const [i, f, g, o] = [gates[at], gates[at + H], gates[at + 2 * H], gates[at + 3 * H]];
      const tanhC = fastTanh(c[e]);
      const dht = dOut[e] + dh[e];
      // c_t reaches the loss from the future (dc) and through h_t = o ⊙ tanh(c_t).
      const dct = dc[e] + dht * o * (1 - tanhC * tanhC);
      dGx[at] = dct * g * i * (1 - i);
      dGx[at + H] = dct * cPrev[e] * f * (1 - f);
      dGx[at + 2 * H] = dct * i * (1 - g * g);
      dGx[at + 3 * H] = dht * tanhC * o * (1 - o);
      dc[e] = dct * f;
    }
  }
}

function gruBackward({ B, H, hPrev, gates, hn, dOut, dh, dGx, dGh, direct }: BackwardStep): void {
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < H; k++) {
      const at = b * 3 * H + k;
      const e = b * H + k;
      const [r, z, n] = [gates[at], gates[at + H], gates[at + 2 * H]];
      const dht = dOut[e] + dh[e];
      const dn = dht * (1 - z) * (1 - n * n);
      const dz = dht * (hPrev[e] - n) * z * (1 - z);
      const dr = dn * hn[e] * r * (1 - r);
      dGx[at] = dGh[at] = dr;
      dGx[at + H] = dGh[at + H] = dz;
      dGx[at + 2 * H] = dn;
      // The hidden side of n was scaled by r, so its gradient is too.
      dGh[at + 2 * H] = dn * r;
      direct[e] = dht * z;
    }
  }
}

/** The element-wise backward step of each kind. */
export const BACKWARD_STEP: Record<CellKind, (s: BackwardStep) => void> = { RNN: rnnBackward, LSTM: lstmBackward, GRU: gruBackward };
