/**
 * The default initialisation of each module the book builds, drawn as its PyTorch `reset_parameters()`
 * draws it. Called in the order a PyTorch `__init__` constructs the modules, on one generator, they give
 * the `state_dict` that `torch.manual_seed(seed)` followed by the same construction gives.
 */
import { normal_, uniform_ } from './distributions';
import type { TorchGenerator } from './mt19937';

/** PyTorch's bound for every recurrent parameter, 1/√hidden (computed in double, as Python does). */
export function recurrentInitBound(hiddenSize: number): number {
  return hiddenSize > 0 ? 1 / Math.sqrt(hiddenSize) : 0;
}

/**
 * `nn.RNN/LSTM/GRU` and `nn.RNNCell/LSTMCell/GRUCell`: U(−1/√H, 1/√H) for every parameter in
 * `named_parameters()` order. `counts` are the parameters' element counts in that order.
 */
export function recurrentParameters(generator: TorchGenerator, hiddenSize: number, counts: number[]): Float32Array[] {
  const bound = recurrentInitBound(hiddenSize);
  return counts.map((count) => uniform_(generator, count, -bound, bound));
}

/**
 * `nn.Linear(inFeatures, outFeatures)`: weight [out, in] by `kaiming_uniform_(a=√5)`, whose bound
 * √3·gain/√fan_in with gain √(2/(1 + a²)) is 1/√fan_in up to rounding (the rounding is PyTorch's, kept),
 * then bias [out] from U(±1/√fan_in).
 */
export function linearParameters(
  generator: TorchGenerator,
  inFeatures: number,
  outFeatures: number,
  bias = true,
): { weight: Float32Array; bias: Float32Array | null } {
  const a = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + a * a));
  const weightBound = Math.sqrt(3) * (gain / Math.sqrt(inFeatures));
  const weight = uniform_(generator, outFeatures * inFeatures, -weightBound, weightBound);
  if (!bias) return { weight, bias: null };
  const biasBound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
  return { weight, bias: uniform_(generator, outFeatures, -biasBound, biasBound) };
}

/** `nn.Embedding(count, dim)`: weight [count, dim] from N(0, 1). */
export function embeddingWeight(generator: TorchGenerator, count: number, dim: number): Float32Array {
  return normal_(generator, count * dim, 0, 1);
}
