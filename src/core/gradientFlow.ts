/**
 * Why plain RNN gradients vanish or explode. A tanh RNN whose W_hh is ρ·Q (Q orthogonal, so every
 * eigenvalue of W_hh has modulus exactly ρ) runs over random inputs; the gradient ∂L/∂h_T = 1/√H·𝟙 then
 * travels back one step at a time through the cell's analytic backward. Its norm shrinks like ρᵏ (times
 * tanh′ ≤ 1) or grows like ρᵏ, and global-norm clipping caps the weight gradient it produces.
 */
import { getCell } from './cells';
import type { CellParams, CellState, StepCache } from './cells/types';
import { mulberry32, uniformValues } from './random';
import * as tf from './tf';

export interface GradientFlowOptions {
  /** Spectral radius ρ of W_hh. */
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
  /** ‖∂L/∂h_{T−k}‖ for k = 0 … T−1 (k steps back from the loss). */
  normsBack: number[];
  /** ρᵏ for the same k: what a linear RNN would give. */
  linearBound: number[];
  /** Global norm of the weight gradients before clipping. */
  weightGradientNorm: number;
  /** The same after clipping at θ (equal when it was below θ). */
  clippedNorm: number;
  /** Fraction of hidden units with |h| > 0.99 averaged over time: how saturated tanh is. */
  saturation: number;
}

/** Q from the QR decomposition of a seeded uniform matrix: [n, n], orthogonal. */
function orthogonal(n: number, seed: number): tf.Tensor2D {
  return tf.tidy(() => tf.linalg.qr(tf.tensor2d(uniformValues(mulberry32(seed), n * n, 1), [n, n]))[0] as tf.Tensor2D);
}

/** The forward pass and the step-by-step backward, as three small tensors: norms back, weight-gradient norm, saturation. */
function run({ radius, steps, hiddenSize = 32, inputSize = 8, seed = 0 }: GradientFlowOptions): tf.Tensor[] {
  return tf.tidy(() => {
    const cell = getCell('RNN', 'tanh');
    const rng = mulberry32(seed + 1);
    const params: CellParams = {
      weightIh: tf.tensor2d(uniformValues(rng, hiddenSize * inputSize, 1 / Math.sqrt(inputSize)), [hiddenSize, inputSize]),
      weightHh: tf.mul(orthogonal(hiddenSize, seed), radius),
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
    let dh: tf.Tensor2D = tf.fill([1, hiddenSize], 1 / Math.sqrt(hiddenSize));
    const norms: tf.Tensor[] = [];
    let dWih: tf.Tensor = tf.zerosLike(params.weightIh);
    let dWhh: tf.Tensor = tf.zerosLike(params.weightHh);
    for (let t = steps - 1; t >= 0; t--) {
      norms.push(tf.norm(dh));
      const back = cell.backwardStep(params, caches[t], { h: dh });
      dWih = tf.add(dWih, back.dParams.weightIh);
      dWhh = tf.add(dWhh, back.dParams.weightHh);
      dh = back.dStatePrev.h;
    }
    const weightNorm = tf.sqrt(tf.add(tf.sum(tf.square(dWih)), tf.sum(tf.square(dWhh))));
    return [tf.stack(norms), weightNorm, saturation];
  });
}

/** Runs the experiment; every tensor it makes is released before it returns. */
export async function gradientFlow(options: GradientFlowOptions): Promise<GradientFlowResult> {
  const tensors = run(options);
  try {
    const [normsBack, [weightGradientNorm], [saturation]] = await Promise.all(tensors.map(async (t) => Array.from(await t.data())));
    const { radius, clipNorm } = options;
    return {
      normsBack,
      linearBound: normsBack.map((_, k) => radius ** k),
      weightGradientNorm,
      clippedNorm: clipNorm && clipNorm > 0 ? Math.min(weightGradientNorm, clipNorm) : weightGradientNorm,
      saturation,
    };
  } finally {
    tf.dispose(tensors);
  }
}
