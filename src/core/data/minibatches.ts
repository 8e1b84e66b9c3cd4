/**
 * The two ways to cut a long token stream into minibatches of `steps` tokens for truncated BPTT.
 * - Sequential partitioning: row b of batch i continues row b of batch i − 1, so the hidden state can be
 *   carried (and detached) from one batch to the next.
 * - Random sampling: each row is an independent subsequence, so each batch starts from a fresh state.
 * Both start at a random offset in [0, steps) so every epoch sees different cuts.
 *
 * The offset and the order come from the book's own seeded stream, not PyTorch's generator: PyTorch code for
 * them draws from Python's `random` or a data loader's shuffling, whose streams the book does not claim to
 * reproduce, so a seed here fixes the cuts for the engine alone.
 */
import { mulberry32, randomInt, type Rng } from '../random';

export interface Minibatch {
  /** Inputs, row-major [batch, steps]. */
  inputs: Int32Array;
  /** Targets: the inputs shifted one token ahead, [batch, steps]. */
  targets: Int32Array;
  batch: number;
  steps: number;
}

export type Sampling = 'sequential' | 'random';

/** Fisher–Yates shuffle in place. */
function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const j = randomInt(rng, k + 1);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return items;
}

function gather(tokens: Int32Array, starts: number[], steps: number): Minibatch {
  const batch = starts.length;
  const inputs = new Int32Array(batch * steps);
  const targets = new Int32Array(batch * steps);
  starts.forEach((start, row) => {
    inputs.set(tokens.subarray(start, start + steps), row * steps);
    targets.set(tokens.subarray(start + 1, start + steps + 1), row * steps);
  });
  return { inputs, targets, batch, steps };
}

/** Random sampling: independent subsequences in a shuffled order; one epoch's worth of minibatches. */
export function* randomMinibatches(tokens: Int32Array, batch: number, steps: number, seed: number): Generator<Minibatch> {
  const rng = mulberry32(seed);
  const offset = randomInt(rng, steps);
  const count = Math.floor((tokens.length - offset - 1) / steps);
  const starts = shuffle(Array.from({ length: count }, (_, k) => offset + k * steps), rng);
  for (let first = 0; first + batch <= starts.length; first += batch) yield gather(tokens, starts.slice(first, first + batch), steps);
}

/** Sequential partitioning: `batch` parallel streams, each read `steps` tokens at a time. */
export function* sequentialMinibatches(tokens: Int32Array, batch: number, steps: number, seed: number): Generator<Minibatch> {
  const offset = randomInt(mulberry32(seed), steps);
  const streamLength = Math.floor((tokens.length - offset - 1) / batch);
  for (let position = 0; position + steps <= streamLength; position += steps) {
    yield gather(tokens, Array.from({ length: batch }, (_, row) => offset + row * streamLength + position), steps);
  }
}

/** One epoch of minibatches in the chosen sampling. */
export function minibatches(tokens: Int32Array, sampling: Sampling, batch: number, steps: number, seed: number): Generator<Minibatch> {
  return sampling === 'random' ? randomMinibatches(tokens, batch, steps, seed) : sequentialMinibatches(tokens, batch, steps, seed);
}

/** How many minibatches one epoch yields, to size progress bars. */
export function minibatchesPerEpoch(tokenCount: number, sampling: Sampling, batch: number, steps: number): number {
  // The random offset can only shorten the stream, so count with the largest one for a lower bound.
  const usable = tokenCount - steps;
  return sampling === 'random' ? Math.floor(Math.floor(usable / steps) / batch) : Math.floor(Math.floor(usable / batch) / steps);
}
