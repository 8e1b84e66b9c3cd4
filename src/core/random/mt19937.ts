/**
 * PyTorch's CPU generator: the 32-bit Mersenne Twister (MT19937) that `torch.manual_seed(seed)` seeds, with
 * the one piece of state PyTorch keeps beside it (a spare normal sample). Drawing from one `TorchGenerator`
 * in the order a PyTorch program draws from its default generator gives the same numbers, bit for bit.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class TorchGenerator {
  private readonly state = new Uint32Array(N);
  private index = N;
  /**
   * The second value of the last scalar Box–Muller pair, which PyTorch keeps in the generator and returns by
   * the next scalar normal draw (tensors under 16 elements); `manual_seed` clears it.
   */
  spareNormal: number | null = null;

  constructor(readonly seed: number) {
    // PyTorch takes the seed modulo 2³² and runs the reference initialisation (Knuth's multiplier).
    this.state[0] = seed >>> 0;
    for (let j = 1; j < N; j++) {
      const previous = this.state[j - 1];
      this.state[j] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + j) >>> 0;
    }
  }

  /** One 32-bit draw, an integer in [0, 2³²): PyTorch's `generator->random()`. */
  random(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A double in [0, 1) from PyTorch's 64-bit draw (two 32-bit draws, the first as the high word), keeping
   * its low 53 bits: what `uniform_real_distribution<double>` does.
   */
  uniformDouble(): number {
    const high = this.random();
    const low = this.random();
    return ((high & 0x1fffff) * 4294967296 + low) / 9007199254740992;
  }

  private twist(): void {
    const s = this.state;
    for (let k = 0; k < N; k++) {
      const y = (s[k] & UPPER) | (s[(k + 1) % N] & LOWER);
      s[k] = s[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}
