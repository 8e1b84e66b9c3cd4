/**
 * Matrix products on plain Float32Arrays for the CPU backend, whose own matMul is a scalar triple loop.
 * The one kernel computes C = A·Bᵀ with both operands read along contiguous rows, in 4 × 4 register tiles
 * (about ten times tfjs-cpu's speed here); other layouts are transposed into it first.
 */

/**
 * C[M, N] = A[M, K] · B[N, K]ᵀ, or C += A·Bᵀ when `accumulate`. All row-major, no aliasing of C.
 */
export function gemmABt(a: Float32Array, b: Float32Array, c: Float32Array, M: number, N: number, K: number, accumulate = false): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let j = 0; j < N4; j += 4) {
    const b0 = j * K;
    const b1 = b0 + K;
    const b2 = b1 + K;
    const b3 = b2 + K;
    for (let i = 0; i < M4; i += 4) {
      const a0 = i * K;
      const a1 = a0 + K;
      const a2 = a1 + K;
      const a3 = a2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = b[b0 + k], y1 = b[b1 + k], y2 = b[b2 + k], y3 = b[b3 + k];
        let x = a[a0 + k];
        c00 += x * y0; c01 += x * y1; c02 += x * y2; c03 += x * y3;
        x = a[a1 + k];
        c10 += x * y0; c11 += x * y1; c12 += x * y2; c13 += x * y3;
        x = a[a2 + k];
        c20 += x * y0; c21 += x * y1; c22 += x * y2; c23 += x * y3;
        x = a[a3 + k];
        c30 += x * y0; c31 += x * y1; c32 += x * y2; c33 += x * y3;
      }
      store4(c, i * N + j, c00, c01, c02, c03, accumulate);
      store4(c, (i + 1) * N + j, c10, c11, c12, c13, accumulate);
      store4(c, (i + 2) * N + j, c20, c21, c22, c23, accumulate);
      store4(c, (i + 3) * N + j, c30, c31, c32, c33, accumulate);
    }
  }
  // The ragged edges: rows below M4 for every column, then columns right of N4 for the tiled rows.
  for (let i = M4; i < M; i++) for (let j = 0; j < N; j++) storeDot(a, b, c, i, j, N, K, accumulate);
  for (let i = 0; i < M4; i++) for (let j = N4; j < N; j++) storeDot(a, b, c, i, j, N, K, accumulate);
}

function store4(c: Float32Array, at: number, v0: number, v1: number, v2: number, v3: number, accumulate: boolean): void {
  if (accumulate) {
    c[at] += v0;
    c[at + 1] += v1;
    c[at + 2] += v2;
    c[at + 3] += v3;
  } else {
    c[at] = v0;
    c[at + 1] = v1;
    c[at + 2] = v2;
    c[at + 3] = v3;
  }
}

function storeDot(a: Float32Array, b: Float32Array, c: Float32Array, i: number, j: number, N: number, K: number, accumulate: boolean): void {
  let sum = 0;
  for (let k = 0; k < K; k++) sum += a[i * K + k] * b[j * K + k];
  c[i * N + j] = accumulate ? c[i * N + j] + sum : sum;
}

/** The transpose of a row-major [rows, cols] matrix, as a new [cols, rows] array; 32 × 32 tiles stay in cache. */
export function transposed(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r0 = 0; r0 < rows; r0 += 32) {
    const r1 = Math.min(r0 + 32, rows);
    for (let c0 = 0; c0 < cols; c0 += 32) {
      const c1 = Math.min(c0 + 32, cols);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * rows + r] = m[r * cols + c];
    }
  }
  return out;
}

/** The permutations `permuted` handles: a 2-D transpose, time-major ↔ batch-major, and batched transposes. */
export const FAST_PERMUTATIONS: readonly string[] = ['1,0', '1,0,2', '0,2,1'];

/** `x` [shape] with its axes permuted as tf.transpose(x, perm), for the `FAST_PERMUTATIONS`. */
export function permuted(x: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const key = perm.join();
  if (key === '1,0') return transposed(x, shape[0], shape[1]);
  const [a, b, c] = shape;
  const out = new Float32Array(x.length);
  if (key === '1,0,2') {
    for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) out.set(x.subarray((i * b + j) * c, (i * b + j + 1) * c), (j * a + i) * c);
  } else if (key === '0,2,1') {
    for (let i = 0; i < a; i++) out.set(transposed(x.subarray(i * b * c, (i + 1) * b * c), b, c), i * b * c);
  } else {
    throw new Error(`no fast path for the permutation [${key}]`);
  }
  return out;
}

/**
 * C = op(A)·op(B) + Σ biases for row-major A and B, op = transpose when asked, as tf.matMul. Shapes after
 * op: A [M, K], B [K, N], each bias [N]; returns C [M, N].
 */
export function matMulArrays(
  a: Float32Array,
  b: Float32Array,
  [aRows, aCols]: readonly number[],
  [bRows, bCols]: readonly number[],
  transposeA: boolean,
  transposeB: boolean,
  biases: readonly Float32Array[] = [],
): Float32Array {
  const [M, K] = transposeA ? [aCols, aRows] : [aRows, aCols];
  const N = transposeB ? bRows : bCols;
  const left = transposeA ? transposed(a, aRows, aCols) : a;
  // gemmABt wants B as [N, K]: that is B itself when transposed, else its transpose.
  const right = transposeB ? b : transposed(b, bRows, bCols);
  const c = new Float32Array(M * N);
  gemmABt(left, right, c, M, N, K, startFromBiases(c, M, N, biases));
  return c;
}

/**
 * Each row of c [M, N] set to the biases' sum (each bias [N], added in float32 in order), so that a product
 * accumulated onto c adds them to every row; false, and c untouched, without biases.
 */
export function startFromBiases(c: Float32Array, M: number, N: number, biases: readonly Float32Array[]): boolean {
  if (!biases.length || !M) return biases.length > 0;
  const row = c.subarray(0, N).fill(0);
  for (const bias of biases) for (let j = 0; j < N; j++) row[j] += bias[j];
  for (let i = 1; i < M; i++) c.copyWithin(i * N, 0, N);
  return true;
}
