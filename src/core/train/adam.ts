/**
 * Adam as `torch.optim.Adam` computes it (default betas 0.9 and 0.999, ε = 1e-8, no weight decay):
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,
 *   θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
 * On the CPU and WASM backends each parameter's update is one fused JavaScript kernel (on WASM, the same
 * arithmetic in WebAssembly SIMD once its module is compiled); tfjs's own Adam launches about a dozen
 * kernels per parameter, which dominates small models such as "hello" → "ohlol". On WebGPU and WebGL it
 * is tfjs's `tf.train.adam`, the same formula.
 */
import { arrays, onArrayBackend, registerArrayKernel, type ArrayBackend, type KernelArgs } from '../runtime/kernelArrays';
import * as tf from '../runtime/tf';
import type { Optimizer } from './trainer';

const KERNEL = 'UnrolledAdamUpdate';

/** The step's scalars: lr / (1 − β1^t) and √(1 − β2^t). */
function corrections({ learningRate, beta1, beta2, step }: Record<string, number>) {
  return { stepSize: learningRate / (1 - beta1 ** step), correction2: Math.sqrt(1 - beta2 ** step) };
}

/** One Adam step on flat arrays; writes the new parameter and moments into the output arrays. */
function adamArrays([theta, m, v, g]: Float32Array[], [newTheta, newM, newV]: Float32Array[], attrs: Record<string, number>): void {
  const { beta1, beta2, epsilon } = attrs;
  const { stepSize, correction2 } = corrections(attrs);
  for (let k = 0; k < theta.length; k++) {
    // The moments are stored, and used, as float32, as PyTorch keeps them.
    newM[k] = beta1 * m[k] + (1 - beta1) * g[k];
    newV[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
    newTheta[k] = theta[k] - (stepSize * newM[k]) / (Math.sqrt(newV[k]) / correction2 + epsilon);
  }
}

function kernel(args: KernelArgs, backend: ArrayBackend): tf.TensorInfo[] {
  const { read, shape, allocate, view, simd, attrs } = arrays(args, backend);
  // Outputs first, then every view: an allocation may move the WASM heap.
  const outputs = [0, 1, 2].map(() => allocate(shape('theta')));
  const inputs = ['theta', 'm', 'v', 'gradient'].map((name) => read(name) as Float32Array);
  const hyper = attrs as Record<string, number>;
  const { stepSize, correction2 } = corrections(hyper);
  // On WASM the same arithmetic in WebAssembly SIMD (simdKernels.ts), once compiled.
  const scalars = [hyper.beta1, hyper.beta2, hyper.epsilon, stepSize, correction2];
  if (!simd?.call('adam_update', [inputs[0].length], [...inputs, ...outputs.map(view)], scalars)) adamArrays(inputs, outputs.map(view), hyper);
  return outputs;
}

registerArrayKernel(KERNEL, kernel);

/** Adam with a fused update per parameter; its moments start at zero on first use of each variable. */
class FusedAdam implements Optimizer {
  private readonly moments = new Map<string, { m: tf.Tensor; v: tf.Tensor }>();
  private step = 0;

  constructor(private readonly hyper: { learningRate: number; beta1: number; beta2: number; epsilon: number }) {}

  applyGradients(gradients: { name: string; tensor: tf.Tensor }[]): void {
    this.step++;
    const attrs = { ...this.hyper, step: this.step };
    for (const { name, tensor: gradient } of gradients) {
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new Error(`no variable named ${name}`);
      const moments = this.moments.get(name) ?? { m: tf.zerosLike(variable), v: tf.zerosLike(variable) };
      const [theta, m, v] = tf.engine().runKernel(KERNEL, { theta: variable, m: moments.m, v: moments.v, gradient }, attrs) as tf.Tensor[];
      variable.assign(theta);
      tf.dispose([theta, moments.m, moments.v]);
      this.moments.set(name, { m, v });
    }
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) tf.dispose([m, v]);
    this.moments.clear();
  }
}

/** Adam with PyTorch's defaults: fused on CPU and WASM, tfjs's own elsewhere. */
export function adam(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8): Optimizer {
  return onArrayBackend() ? new FusedAdam({ learningRate, beta1, beta2, epsilon }) : tf.train.adam(learningRate, beta1, beta2, epsilon);
}
