/**
 * PyTorch 1.13's CPU sampling for float32 tensors, drawn from a `TorchGenerator`: `uniform_`, `normal_`
 * (`randn`) and `randint`, each in PyTorch's order and arithmetic, so that the same program after
 * `torch.manual_seed(seed)` and the same calls here give bit-identical tensors. The numbers are those of
 * PyTorch's x86-64 build with AVX2 (the usual one); a CPU without AVX2 and PyTorch's CUDA generator give
 * others.
 */
import { avxLog, avxSinCos, fmaf } from './float32';
import type { TorchGenerator } from './mt19937';

const fround = Math.fround;
const TWO_TO_MINUS_24 = 2 ** -24;
const TWO_PI_F32 = fround(2 * Math.PI);

/** A float32 in [0, 1) from the low 24 bits of one 32-bit draw (float32's 24-bit significand). */
function unitFloat(generator: TorchGenerator): number {
  return (generator.random() & 0xffffff) * TWO_TO_MINUS_24;
}

/**
 * `torch.empty(count).uniform_(from, to)`: `count` float32 values, one 32-bit draw each. The bounds are
 * rounded to float32 first, as PyTorch does, and the affine step is one fused multiply–add.
 */
export function uniform_(generator: TorchGenerator, count: number, from: number, to: number): Float32Array {
  const low = fround(from);
  const width = fround(fround(to) - low);
  const values = new Float32Array(count);
  for (let k = 0; k < count; k++) values[k] = fmaf(unitFloat(generator), width, low);
  return values;
}

/** Box–Muller on 16 uniforms in place: pairs (k, k + 8) become two normals (PyTorch's 16-wide kernel). */
function normalFill16(values: Float32Array, offset: number, mean: number, std: number): void {
  for (let k = 0; k < 8; k++) {
    const u1 = fround(1 - values[offset + k]); // (0, 1], so the logarithm is finite
    const u2 = values[offset + k + 8];
    const radius = fround(Math.sqrt(fround(-2 * avxLog(u1))));
    const [sin, cos] = avxSinCos(fround(TWO_PI_F32 * u2));
    values[offset + k] = fmaf(fround(radius * cos), std, mean);
    values[offset + k + 8] = fmaf(fround(radius * sin), std, mean);
  }
}

/**
 * One scalar normal as `at::normal_distribution<double>` draws it: Box–Muller in double precision from two
 * 53-bit uniforms, keeping the pair's second value in the generator for the next scalar draw.
 */
function scalarNormal(generator: TorchGenerator, mean: number, std: number): number {
  let value = generator.spareNormal;
  if (value === null) {
    const u1 = generator.uniformDouble();
    const u2 = generator.uniformDouble();
    const radius = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    generator.spareNormal = radius * Math.sin(theta);
    value = radius * Math.cos(theta);
  } else {
    generator.spareNormal = null;
  }
  return value * std + mean;
}

/**
 * `torch.empty(count).normal_(mean, std)` for a contiguous float32 tensor. PyTorch takes two paths:
 * - 16 or more elements: `count` uniforms first, Box–Muller on each block of 16, and when `count` is not a
 *   multiple of 16, 16 fresh uniforms over the last 16 places and Box–Muller again on them;
 * - fewer: one scalar double-precision draw per element (which uses and refills the generator's spare).
 */
export function normal_(generator: TorchGenerator, count: number, mean = 0, std = 1): Float32Array {
  const values = new Float32Array(count);
  if (count < 16) {
    for (let k = 0; k < count; k++) values[k] = scalarNormal(generator, mean, std);
    return values;
  }
  const m = fround(mean);
  const s = fround(std);
  for (let k = 0; k < count; k++) values[k] = unitFloat(generator);
  for (let k = 0; k + 16 <= count; k += 16) normalFill16(values, k, m, s);
  if (count % 16 !== 0) {
    for (let k = count - 16; k < count; k++) values[k] = unitFloat(generator);
    normalFill16(values, count - 16, m, s);
  }
  return values;
}

/** `torch.randn(...shape)`: `count` = the product of the shape. */
export function randn(generator: TorchGenerator, count: number): Float32Array {
  return normal_(generator, count, 0, 1);
}

/** `torch.randint(low, high, (count,))`: one 32-bit draw per value, reduced modulo the range (< 2³²). */
export function randint(generator: TorchGenerator, count: number, low: number, high: number): Int32Array {
  const range = high - low;
  if (!(range > 0 && range < 2 ** 32)) throw new Error(`randint needs low < high, less than 2^32 apart, not [${low}, ${high})`);
  const values = new Int32Array(count);
  for (let k = 0; k < count; k++) values[k] = (generator.random() % range) + low;
  return values;
}
