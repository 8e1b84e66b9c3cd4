/**
 * Why plain RNN gradients vanish or explode. A tanh RNN runs over random inputs; the gradient
 * ∂L/∂h_T = 1/√H·𝟙 then travels back one step at a time through the cell's analytic backward, and
 * global-norm clipping caps the weight gradient it produces. W_hh is either ρ·Q (Q orthogonal: a normal
 * matrix with σ_max = ρ, so tanh′ ≤ 1 can only shrink the gradient below ρᵏ) or a fixed non-normal 2 × 2
 * matrix with ρ < 1 < σ_max, where a product of Jacobians can grow even though the linear product decays.
 */
import { getCell } from '../cells';
import type { CellParams, CellState, StepCache } from '../cells/types';
import { powerNorms, spectralNorm, spectralRadius2x2, transpose } from './matrixPowers';
import { mulberry32, uniformValues } from '../random';
import type { Matrix } from '../reference/linalg';
import * as tf from '../runtime/tf';

/** Which W_hh the figure uses: ρ·Q with ρ chosen by the reader, or the non-normal preset. */
export type RecurrentMatrixKind = 'normal' | 'nonNormal';

/**
 * The non-normal preset, in the book's row-vector layout (h_t = tanh(x_t W_xh + h_{t−1} W_hh)):
 * ρ = √0.8 ≈ 0.894 but σ_max ≈ 4.87, and with D = diag(1, 0.1) the step D·W_hhᵀ has an eigenvalue ≈ 1.69.
 */
export const NON_NORMAL_W_HH: Matrix = [
  [2, 3],
  [-2, -2.6],
];

/** tanh′ held fixed for the third curve: 1 for a unit at zero, 0.1 for one saturated near ±0.95, alternating. */
export const HELD_DERIVATIVES = [1, 0.1] as const;

export interface GradientFlowOptions {
  /** Which W_hh (default ρ·Q). */
  matrix?: RecurrentMatrixKind;
  /** Spectral radius ρ of W_hh = ρ·Q; ignored for the non-normal preset. */
  radius: number;
  /** Sequence length T. */
  steps: number;
  hiddenSize?: number;
  inputSize?: number;
  seed?: number;
  /** Clipping threshold θ for the global norm of (∂L/∂W_ih, ∂L/∂W_hh, ∂L/∂b). */
  clipNorm?: number;
}

export interface GradientFlowResult {
  /** ‖∂L/∂h_{T−k}‖ for k = 0 … T−1 (k steps back from the loss); stays positive far below float32's range. */
  normsBack: number[];
  /** ‖W_hhᵏ‖₂ for the same k: the most a linear RNN's gradient can be multiplied by (ρᵏ for ρ·Q). */
  linearNorms: number[];
  /** ‖(D W_hhᵀ)ᵏ‖₂ with D = diag(1, 0.1, 1, 0.1, …): the product when tanh′ is held at those values. */
  heldNorms: number[];
  /** ρ(W_hh), the largest |eigenvalue|. */
  spectralRadius: number;
  /** σ_max(W_hh), the largest singular value: bounds every step's Jacobian, ‖D W_hhᵀ‖ ≤ σ_max. */
  spectralNorm: number;
  /** The hidden size the run used (2 for the preset). */
  hiddenSize: number;
  /** Global norm of the weight gradients before clipping. */
  weightGradientNorm: number;
  /** The same after clipping at θ (equal when it was below θ). */
  clippedNorm: number;
  /** Fraction of hidden units with |h| > 0.99 averaged over time: how saturated tanh is. */
  saturation: number;
}

/**
 * Q from the QR decomposition of a seeded uniform matrix: [n, n], orthogonal. W_hh = ρ·Q is built to have a
 * chosen spectral radius, not drawn as a module's initialisation, so no `torch.manual_seed` program gives
 * it; with W_hh off PyTorch's stream, the run's W_ih and inputs stay on the book's own stream too (the
 * figure has no seed control and claims no PyTorch counterpart).
 */
function orthogonal(n: number, seed: number): tf.Tensor2D {
  return tf.tidy(() => tf.linalg.qr(tf.tensor2d(uniformValues(mulberry32(seed), n * n, 1), [n, n]))[0] as tf.Tensor2D);
}

/** ‖v‖₂ without squaring tiny or huge entries out of float32: max|v| · ‖v / max|v|‖ (0 for v = 0). */
function scaleSafeNorm(v: tf.Tensor): tf.Tensor {
  const largest = tf.max(tf.abs(v));
  return tf.mul(largest, tf.norm(tf.divNoNan(v, largest)));
}

/**
 * The forward pass and the step-by-step backward, as four small tensors: the log of each norm back, weight-gradient norm,
 * saturation, and PyTorch's weight_hh = W_hhᵀ: [hidden, hidden].
 */
function run({ matrix = 'normal', radius, steps, hiddenSize = 32, inputSize = 8, seed = 0 }: GradientFlowOptions): tf.Tensor[] {
  return tf.tidy(() => {
    const cell = getCell('RNN', 'tanh');
    const rng = mulberry32(seed + 1);
    const params: CellParams = {
      weightIh: tf.tensor2d(uniformValues(rng, hiddenSize * inputSize, 1 / Math.sqrt(inputSize)), [hiddenSize, inputSize]),
      // PyTorch's weight_hh_l0 is the transpose of the book's W_hh.
      weightHh: matrix === 'nonNormal' ? tf.tensor2d(transpose(NON_NORMAL_W_HH)) : tf.mul(orthogonal(hiddenSize, seed), radius),
      biasIh: null,
      biasHh: null,
    };
    const inputs = tf.unstack(tf.tensor3d(uniformValues(rng, steps * inputSize, 1), [steps, 1, inputSize])) as tf.Tensor2D[];
    const caches: StepCache[] = [];
    let state: CellState = { h: tf.zeros([1, hiddenSize]) };
    for (const x of inputs) {
      const step = cell.forwardStep(params, x, state);
      caches.push(step.cache);
      state = step.state;
    }
    const saturation = tf.mean(tf.stack(caches.map((c) => tf.cast(tf.greater(tf.abs(c.values.h), 0.99), 'float32'))));
    // The gradient is carried as a unit direction and the log of its norm: over a hundred steps its norm
    // leaves float32's range (1e-38 … 3e38) long before it stops mattering on a log axis. The cell's
    // backward is linear in ∂L/∂h, so scaling the direction back is exact.
    let direction: tf.Tensor2D = tf.fill([1, hiddenSize], 1 / Math.sqrt(hiddenSize));
    let logNorm: tf.Tensor = tf.scalar(0);
    const logNorms: tf.Tensor[] = [];
    let dWih: tf.Tensor = tf.zerosLike(params.weightIh);
    let dWhh: tf.Tensor = tf.zerosLike(params.weightHh);
    for (let t = steps - 1; t >= 0; t--) {
      logNorms.push(logNorm);
      const back = cell.backwardStep(params, caches[t], { h: direction });
      const scale = tf.exp(logNorm);
      dWih = tf.add(dWih, tf.mul(back.dParams.weightIh, scale));
      dWhh = tf.add(dWhh, tf.mul(back.dParams.weightHh, scale));
      const size = scaleSafeNorm(back.dStatePrev.h);
      logNorm = tf.add(logNorm, tf.log(size));
      direction = tf.divNoNan(back.dStatePrev.h, size);
    }
    const weightNorm = tf.sqrt(tf.add(tf.sum(tf.square(dWih)), tf.sum(tf.square(dWhh))));
    return [tf.stack(logNorms), weightNorm, saturation, params.weightHh];
  });
}

/** Runs the experiment; every tensor it makes is released before it returns. */
export async function gradientFlow(options: GradientFlowOptions): Promise<GradientFlowResult> {
  const nonNormal = options.matrix === 'nonNormal';
  const hiddenSize = nonNormal ? NON_NORMAL_W_HH.length : (options.hiddenSize ?? 32);
  const tensors = run({ ...options, hiddenSize });
  try {
    const [logNormsBack, [weightGradientNorm], [saturation], weightHh] = await Promise.all(tensors.map(async (t) => Array.from(await t.data())));
    const { radius, clipNorm, steps } = options;
    const wHh = transpose(Array.from({ length: hiddenSize }, (_, i) => weightHh.slice(i * hiddenSize, (i + 1) * hiddenSize)));
    const held = wHh.map((_, i) => HELD_DERIVATIVES[i % HELD_DERIVATIVES.length]);
    // Back in float64, where a norm of 1e-60 is still a number.
    const normsBack = logNormsBack.map(Math.exp);
    return {
      normsBack,
      // ρ·Q is normal, so ‖(ρQ)ᵏ‖ = ρᵏ exactly; computing it would only add rounding.
      linearNorms: nonNormal ? powerNorms(wHh, steps) : normsBack.map((_, k) => radius ** k),
      heldNorms: powerNorms(wHh, steps, held),
      spectralRadius: nonNormal ? spectralRadius2x2(NON_NORMAL_W_HH) : radius,
      spectralNorm: nonNormal ? spectralNorm(NON_NORMAL_W_HH) : radius,
      hiddenSize,
      weightGradientNorm,
      clippedNorm: clipNorm && clipNorm > 0 ? Math.min(weightGradientNorm, clipNorm) : weightGradientNorm,
      saturation,
    };
  } finally {
    tf.dispose(tensors);
  }
}
