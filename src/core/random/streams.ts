/**
 * A small seeded generator for the streams that have no PyTorch counterpart in the book (the gradient-flow
 * figure's constructed run, minibatch order, text sampling, dropout masks), so that a seed still reproduces
 * a figure in every browser and in Node (`Math.random` cannot be seeded). PyTorch's own generator is
 * `mt19937.ts`.
 */

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/**
 * mulberry32: a 32-bit generator that is tiny, fast and passes the usual statistical batteries. The same
 * seed always gives the same stream.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** An integer in [0, bound) from one draw of `rng`. */
export function randomInt(rng: Rng, bound: number): number {
  return Math.floor(rng.next() * bound);
}

/**
 * A seed for an independent sub-stream (e.g. dropout masks next to weight initialisation), so that
 * drawing from one stream never shifts the numbers of the other.
 */
export function deriveSeed(seed: number, stream: number): number {
  return Math.floor(mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0).next() * 4294967296);
}

/** `count` draws from U(−bound, bound), in order. */
export function uniformValues(rng: Rng, count: number, bound: number): Float32Array {
  const values = new Float32Array(count);
  for (let k = 0; k < count; k++) values[k] = (2 * rng.next() - 1) * bound;
  return values;
}

/**
 * An inverted-dropout mask: each entry is 0 with probability `p`, else 1/(1 − p), so the expected value of
 * a masked activation is unchanged and inference needs no rescaling (PyTorch's convention).
 */
export function dropoutMaskValues(rng: Rng, count: number, p: number): Float32Array {
  const values = new Float32Array(count);
  const keep = 1 / (1 - p);
  for (let k = 0; k < count; k++) values[k] = rng.next() < p ? 0 : keep;
  return values;
}
