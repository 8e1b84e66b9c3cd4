/**
 * Text generation from a character model: warm the state up on a prefix (its predictions are ignored,
 * only the state matters), then predict one character at a time, feeding each back in.
 */
import { decode, encode, type Vocabulary } from '../data/vocabulary';
import type { CharModel, ModelState } from './model';
import { mulberry32, type Rng } from '../random';
import * as tf from '../runtime/tf';

export interface GenerateOptions {
  /** Characters to generate after the prefix. */
  length: number;
  /** 0 picks the most likely character (greedy); otherwise sample from softmax(logits / temperature). */
  temperature: number;
  /**
   * Seeds the sampling, so the same settings give the same text. The draws come from the book's own stream,
   * not `torch.multinomial`'s (whose sampling path the book does not reproduce), so the text matches the
   * engine's runs, not PyTorch's.
   */
  seed?: number;
  /** Checked before every character: once aborted, generation stops and returns what it has. */
  signal?: { readonly aborted: boolean };
}

/** A generated text in its two parts, so a caller never has to cut the string (which could split a character). */
export interface GeneratedText {
  /** The prefix the state was warmed up on (the most frequent character when the prefix was empty). */
  warmUp: string;
  continuation: string;
  /** False when `signal` stopped generation before `length` characters. */
  complete: boolean;
}

/** Milliseconds of work between yields: long texts must leave room for a cancel message, or the page. */
const SLICE_MS = 12;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
 * Warm-up text and `length` generated characters after it. Tokens of the prefix not in the vocabulary
 * read as `<unk>`; an empty prefix starts from the most frequent character. Yields to the event loop
 * every few milliseconds, so that a long text can be cancelled through `signal`.
 */
export async function generateText(model: CharModel, vocabulary: Vocabulary, prefix: string, options: GenerateOptions): Promise<GeneratedText> {
  const rng = mulberry32(options.seed ?? 0);
  const start = prefix.length > 0 ? encode(vocabulary, prefix) : Int32Array.of(1);
  let state: ModelState | undefined;
  let input = start;
  const generated: number[] = [];
  let sliceStart = performance.now();
  try {
    for (let k = 0; k < options.length && !options.signal?.aborted; k++) {
      const { logits, state: next } = model.run(input, 1, input.length, state);
      tf.dispose([state?.h ?? [], state?.c ?? []]);
      state = next;
      const last = tf.tidy(() => tf.slice(logits, [input.length - 1, 0], [1, -1]));
      const values = await last.data();
      tf.dispose([logits, last]);
      const token = pickToken(values, options.temperature, rng);
      generated.push(token);
      input = Int32Array.of(token);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  } finally {
    tf.dispose([state?.h ?? [], state?.c ?? []]);
  }
  return { warmUp: prefix.length > 0 ? prefix : decode(vocabulary, start), continuation: decode(vocabulary, generated), complete: generated.length === options.length };
}

/** The prefix followed by `length` generated characters, as one string (see `generateText`). */
export async function generate(model: CharModel, vocabulary: Vocabulary, prefix: string, options: GenerateOptions): Promise<string> {
  const { warmUp, continuation } = await generateText(model, vocabulary, prefix, options);
  return warmUp + continuation;
}
