/**
 * Just enough float64 linear algebra on plain arrays for the reference cells. Matrices are row-major
 * `number[][]`; every function returns fresh arrays and never mutates its arguments.
 */

export type Matrix = number[][];
export type Vector = number[];

/** A·Bᵀ — A: [m, k], B: [n, k] → [m, n] (PyTorch's `x @ W.T` with W stored as [out, in]). */
export function matMulTransposed(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b.map((col) => row.reduce((sum, v, k) => sum + v * col[k], 0)));
}

/** A·B — A: [m, k], B: [k, n] → [m, n]. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(n).fill(0);
    row.forEach((v, k) => b[k].forEach((w, j) => (out[j] += v * w)));
    return out;
  });
}

/** Aᵀ·B — A: [m, k], B: [m, n] → [k, n]; the shape of every weight gradient (δᵀ·input). */
export function transposedMatMul(a: Matrix, b: Matrix): Matrix {
  const k = a[0]?.length ?? 0;
  const n = b[0]?.length ?? 0;
  const out = Array.from({ length: k }, () => new Array<number>(n).fill(0));
  a.forEach((row, m) => row.forEach((v, i) => b[m].forEach((w, j) => (out[i][j] += v * w))));
  return out;
}

/** Element-wise combination of same-shaped matrices. */
export function zipWith(f: (...values: number[]) => number, ...ms: Matrix[]): Matrix {
  return ms[0].map((row, i) => row.map((_, j) => f(...ms.map((m) => m[i][j]))));
}

/** Adds a row vector to every row. */
export function addRow(a: Matrix, v: Vector | null): Matrix {
  return v ? a.map((row) => row.map((x, j) => x + v[j])) : a;
}

/** Column sums — [m, n] → [n]; a bias gradient summed over the batch. */
export function sumRows(a: Matrix): Vector {
  return a[0].map((_, j) => a.reduce((sum, row) => sum + row[j], 0));
}

/** Columns [start, start + width) of every row. */
export function columns(a: Matrix, start: number, width: number): Matrix {
  return a.map((row) => row.slice(start, start + width));
}

/** Joins matrices side by side (along columns). */
export function concatColumns(...ms: Matrix[]): Matrix {
  return ms[0].map((_, i) => ms.flatMap((m) => m[i]));
}

/** A zero matrix of the given shape. */
export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** σ(x) = 1/(1 + e^−x). */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
