/**
 * Float32 arithmetic as PyTorch's x86-64 CPU kernels (built for AVX2) perform it: every operation rounded to
 * float32, and a product followed by a sum fused into one rounding where the compiler fuses it (FMA). The
 * logarithm and sine/cosine are the cephes-style polynomial approximations of PyTorch's AVX2 normal sampler,
 * step for step; the platform's `Math.log`/`Math.sin` would differ from them in the last bits.
 */

const fround = Math.fround;
const bits = new Float32Array(1);
const word = new Uint32Array(bits.buffer);
const wide = new Float64Array(1);
const wideWord = new BigInt64Array(wide.buffer);

/**
 * `fmaf(a, b, c)`: a·b + c with one rounding to float32, for float32 inputs. a·b is exact in a double, but the
 * sum may round there first; the error term of that sum tells which way a float32 tie must break.
 */
export function fmaf(a: number, b: number, c: number): number {
  const product = a * b;
  const sum = product + c;
  const back = sum - product;
  const error = product - (sum - back) + (c - back);
  if (error === 0) return fround(sum);
  // Move one double ulp toward the lost part, so that a sum on a float32 midpoint rounds as the exact one.
  wide[0] = sum;
  wideWord[0] += sum > 0 === error > 0 ? 1n : -1n;
  return fround(wide[0]);
}

const SQRT_HALF = fround(0.7071067811865476);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(fround);
const LOG_Q1 = fround(-2.1219444e-4);
const LOG_Q2 = fround(0.693359375);

/** ln(x) for a positive normal float32 x, as PyTorch's AVX2 `log256_ps` computes it. */
export function avxLog(x: number): number {
  bits[0] = x;
  let e = fround((word[0] >>> 23) - 127 + 1);
  // The mantissa scaled into [0.5, 1).
  word[0] = (word[0] & ~0x7f800000) | 0x3f000000;
  let m = bits[0];
  if (m < SQRT_HALF) {
    e = fround(e - 1);
    m = fround(fround(m - 1) + m);
  } else {
    m = fround(m - 1);
  }
  const z = fround(m * m);
  let y = LOG_P[0];
  for (let k = 1; k < LOG_P.length; k++) y = fmaf(y, m, LOG_P[k]);
  y = fround(y * m);
  y = fmaf(y, z, fround(e * LOG_Q1));
  y = fround(y - fround(z * 0.5));
  return fmaf(e, LOG_Q2, fround(m + y));
}

const FOUR_OVER_PI = fround(1.27323954473516);
const MINUS_DP = [-0.78515625, -2.4187564849853515625e-4, -3.774894977445941e-8].map(fround);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(fround);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(fround);

/** [sin x, cos x] for a float32 x ≥ 0 (below 8192), as PyTorch's AVX2 `sincos256_ps` computes them. */
export function avxSinCos(x: number): [number, number] {
  // Octant j (even), then x reduced to [−π/4, π/4] in three exact-ish steps (cephes' extended precision).
  const j = ((Math.trunc(fround(x * FOUR_OVER_PI)) + 1) & ~1) >>> 0;
  const y = fround(j);
  let r = x;
  for (const dp of MINUS_DP) r = fmaf(y, dp, r);
  const z = fround(r * r);
  let cosPoly = fmaf(fmaf(COS_P[0], z, COS_P[1]), z, COS_P[2]);
  cosPoly = fround(fmaf(fround(cosPoly * z), z, -fround(z * 0.5)) + 1);
  let sinPoly = fmaf(fmaf(SIN_P[0], z, SIN_P[1]), z, SIN_P[2]);
  sinPoly = fmaf(fround(sinPoly * z), r, r);
  const sinFirst = (j & 2) === 0;
  const sin = sinFirst ? sinPoly : cosPoly;
  const cos = sinFirst ? cosPoly : sinPoly;
  return [j & 4 ? -sin : sin, ~(j - 2) & 4 ? -cos : cos];
}
