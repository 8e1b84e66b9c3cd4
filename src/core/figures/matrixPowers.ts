/**
 * Norms of matrix powers in plain float64, for the gradient-flow figure. The figure's matrices are at most
 * 32 × 32, so exact-enough arithmetic on arrays is cheaper than a round trip through tensors, and it keeps
 * the numbers the chapter quotes (‖(D W_hhᵀ)³⁰‖ ≈ 1.2·10⁷) free of float32 rounding.
 */
import { matMul, transposedMatMul, type Matrix } from '../reference/linalg';

/** Mᵀ. */
export function transpose(m: Matrix): Matrix {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

/**
 * The largest singular value σ_max(M) = ‖M‖₂, by power iteration on MᵀM. The start vector has every
 * entry nonzero and unequal, so it is never orthogonal to the top singular vector of the figure's matrices.
 */
export function spectralNorm(m: Matrix, maxIterations = 500): number {
  return topSingular(m, undefined, maxIterations).norm;
}

/**
 * σ_max(M) and its right singular vector, by power iteration on MᵀM from `start` (a column). Successive
 * powers of one matrix have nearly the same top vector, so starting from the last one converges in a few
 * iterations instead of hundreds.
 */
function topSingular(m: Matrix, start?: Matrix, maxIterations = 500): { norm: number; vector: Matrix } {
  const gram = transposedMatMul(m, m);
  let v = start ?? gram.map((_, i) => [1 + i / gram.length]);
  let estimate = 0;
  for (let i = 0; i < maxIterations; i++) {
    const w = matMul(gram, v);
    const length = Math.hypot(...w.map((row) => row[0]));
    if (length === 0) return { norm: 0, vector: v };
    v = w.map((row) => [row[0] / length]);
    if (Math.abs(length - estimate) <= 1e-13 * length) return { norm: Math.sqrt(length), vector: v };
    estimate = length;
  }
  return { norm: Math.sqrt(estimate), vector: v };
}

/** The spectral radius ρ of a 2 × 2 matrix: the largest |λ| among the roots of λ² − tr·λ + det. */
export function spectralRadius2x2([[a, b], [c, d]]: Matrix): number {
  const trace = a + d;
  const det = a * d - b * c;
  const disc = trace * trace - 4 * det;
  if (disc < 0) return Math.sqrt(det);
  return Math.max(Math.abs((trace + Math.sqrt(disc)) / 2), Math.abs((trace - Math.sqrt(disc)) / 2));
}

/**
 * ‖Mᵏ‖₂ for k = 0 … count − 1, where M = diag(derivatives)·Wᵀ is one step of BPTT for row vectors
 * (∂L/∂h_{t−1} = ∂L/∂h_t · D·W_hhᵀ) with the tanh derivatives held fixed. `derivatives` omitted: D = I,
 * the linear RNN, and the powers are those of W_hhᵀ, whose norms equal those of W_hh.
 */
export function powerNorms(wHh: Matrix, count: number, derivatives?: number[]): number[] {
  const step = transpose(wHh).map((row, i) => row.map((v) => v * (derivatives ? derivatives[i] : 1)));
  const norms: number[] = [];
  let power: Matrix = step.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  let vector: Matrix | undefined;
  for (let k = 0; k < count; k++) {
    const top = topSingular(power, vector);
    norms.push(top.norm);
    vector = top.norm > 0 ? top.vector : undefined;
    power = matMul(power, step);
  }
  return norms;
}
