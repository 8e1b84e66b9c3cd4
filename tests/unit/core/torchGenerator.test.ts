import { describe, expect, it } from 'vitest';
import { avxLog, avxSinCos, fmaf } from '../../../src/core/random/float32';
import { normal_, randint, TorchGenerator } from '../../../src/core/random';

describe('TorchGenerator (MT19937 as torch.manual_seed seeds it)', () => {
  it('gives the reference outputs of MT19937', () => {
    // C++'s std::mt19937 must give 4123659995 as the 10000th output for the default seed 5489.
    const generator = new TorchGenerator(5489);
    for (let k = 1; k < 10000; k++) generator.random();
    expect(generator.random()).toBe(4123659995);
    const zero = new TorchGenerator(0);
    expect([zero.random(), zero.random(), zero.random()]).toEqual([2357136044, 2546248239, 3071714933]);
  });

  it('keeps the spare of a scalar normal pair for the next scalar draw, as PyTorch does', () => {
    const pairs = new TorchGenerator(3);
    const [a, b] = normal_(pairs, 2);
    const split = new TorchGenerator(3);
    expect([normal_(split, 1)[0], normal_(split, 1)[0]]).toEqual([a, b]);
    expect(split.random()).toBe(pairs.random());
  });

  it('rejects a randint range PyTorch would draw with 64 bits', () => {
    expect(() => randint(new TorchGenerator(0), 1, 0, 2 ** 32)).toThrow(/less than 2\^32/);
    expect(Array.from(randint(new TorchGenerator(0), 3, 5, 6))).toEqual([5, 5, 5]);
  });
});

describe('float32 arithmetic of the AVX2 kernels', () => {
  it('rounds a fused multiply–add once, even when the double sum lands on a float32 midpoint', () => {
    const a = 1 + 2 ** -12; // a² = 1 + 2⁻¹¹ + 2⁻²⁴: halfway between two float32 values
    expect(fmaf(a, a, 2 ** -70)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(fmaf(a, a, -(2 ** -70))).toBe(1 + 2 ** -11);
    expect(fmaf(a, a, 0)).toBe(1 + 2 ** -11); // a true tie: to even
  });

  it('approximates ln, sin and cos to float32 accuracy', () => {
    for (const x of [2 ** -24, 0.1, 0.5, 0.7071, 0.99, 1].map(Math.fround)) {
      expect(Math.abs(avxLog(x) - Math.log(x))).toBeLessThanOrEqual(2e-7 * Math.max(1, Math.abs(Math.log(x))));
    }
    for (const x of [0, 0.3, 1, 2.5, 3.14159, 4, 5.5, 6.28].map(Math.fround)) {
      const [sin, cos] = avxSinCos(x);
      expect(Math.abs(sin - Math.sin(x))).toBeLessThan(3e-7);
      expect(Math.abs(cos - Math.cos(x))).toBeLessThan(3e-7);
    }
  });
});
