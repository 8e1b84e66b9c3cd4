/**
 * Text generation from a character model: warm the state up on a prefix (its predictions are ignored,
 * only the state matters), then predict one character at a time, feeding each back in.
 */
import { decode, encode, type Vocabulary } from './data/vocabulary';
import type { CharModel, ModelState } from './model';
import { mulberry32, type Rng } from './random';
import * as tf from './tf';

export interface GenerateOptions {
  /** Characters to generate after the prefix. */
  length: number;
  /** 0 picks the most likely character (greedy); otherwise sample from softmax(logits / temperature). */
  temperature: number;
  /** Seeds the sampling, so the same settings give the same text. */
  seed?: number;
}

/** Index drawn from softmax(logits / temperature), or the argmax when temperature is 0. */
export function pickToken(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  let best = 0;
  for (let k = 1; k < logits.length; k++) if (logits[k] > logits[best]) best = k;
  if (temperature <= 0) return best;
  // Subtracting the maximum keeps exp() finite; it cancels in the normalisation.
  const weights = Array.from(logits, (l) => Math.exp((l - logits[best]) / temperature));
  let threshold = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < weights.length; k++) {
    threshold -= weights[k];
    if (threshold <= 0) return k;
  }
  return best;
}

/**
 * The prefix followed by `length` generated characters. Tokens of the prefix not in the vocabulary
 * read as `<unk>`; an empty prefix starts from the most frequent character.
 */
export async function generate(model: CharModel, vocabulary: Vocabulary, prefix: string, options: GenerateOptions): Promise<string> {
  const rng = mulberry32(options.seed ?? 0);
  const start = prefix.length > 0 ? encode(vocabulary, prefix) : Int32Array.of(1);
  let state: ModelState | undefined;
  let input = start;
  const generated: number[] = [];
  try {
    for (let k = 0; k < options.length; k++) {
      const { logits, state: next } = model.run(input, 1, input.length, state);
      tf.dispose([state?.h ?? [], state?.c ?? []]);
      state = next;
      const last = tf.tidy(() => tf.slice(logits, [input.length - 1, 0], [1, -1]));
      const values = await last.data();
      tf.dispose([logits, last]);
      const token = pickToken(values, options.temperature, rng);
      generated.push(token);
      input = Int32Array.of(token);
    }
  } finally {
    tf.dispose([state?.h ?? [], state?.c ?? []]);
  }
  return (prefix.length > 0 ? prefix : decode(vocabulary, start)) + decode(vocabulary, generated);
}
