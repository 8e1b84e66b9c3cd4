/**
 * Text generation from a character model: warm the state up on a prefix (its predictions are ignored,
 * only the state matters), then predict one character at a time, feeding each back in. The weights are
 * read once per call and every character runs in one fused step outside tfjs (fast/generationStep.ts), on
 * every backend: a GPU would otherwise pay a dispatch and a readback per character.
 */
import { decode, encode, type Vocabulary } from '../data/vocabulary';
import type { CharModel, ModelState } from './model';
import { GenerationStep, sampleToken, type GenerationWeights } from '../fast/generationStep';
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
  /** Run the model's tfjs forward pass for every character instead of the fused step (the reference, for tests). */
  opByOp?: boolean;
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

/** Index drawn from softmax(logits / temperature) with one draw of `rng`, or the argmax when temperature is 0. */
export function pickToken(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  return sampleToken(logits, temperature, rng, new Float64Array(logits.length));
}

/** The logits [V] of the last of `tokens`, fed after every token before them. */
type NextLogits = (tokens: Int32Array) => Promise<ArrayLike<number>> | ArrayLike<number>;

/** The model's weights as plain arrays, read once: what the fused step computes with. */
export async function generationWeights(model: CharModel): Promise<GenerationWeights> {
  const { config, layer } = model;
  const read = (t: tf.Tensor | null | undefined) => (t ? (t.data() as Promise<Float32Array>) : Promise.resolve(null));
  const variables = model.variables;
  const layers = Promise.all(
    Array.from({ length: config.numLayers }, async (_, l) => {
      const p = layer.cellParams(l, 0);
      const [weightIh, weightHh, biasIh, biasHh] = await Promise.all([read(p.weightIh), read(p.weightHh), read(p.biasIh), read(p.biasHh)]);
      return { weightIh: weightIh as Float32Array, weightHh: weightHh as Float32Array, biasIh, biasHh };
    }),
  );
  const [embedding, weight, bias] = await Promise.all([read(variables['embedding.weight']), read(variables['fc.weight']), read(variables['fc.bias'])]);
  return {
    kind: config.kind,
    nonlinearity: config.nonlinearity ?? 'tanh',
    vocabSize: config.vocabSize,
    hiddenSize: config.hiddenSize,
    embedding,
    layers: await layers,
    head: weight ? { weight, bias } : null,
  };
}

/** The fused path: every character in JavaScript on arrays read once (fast/generationStep.ts). */
async function fusedLogits(model: CharModel): Promise<{ next: NextLogits; release: () => void }> {
  const step = new GenerationStep(await generationWeights(model));
  const next = (tokens: Int32Array) => {
    for (let k = 0; k < tokens.length; k++) step.advance(tokens[k]);
    return step.logits();
  };
  return { next, release: () => undefined };
}

/** The op-by-op path: the model's own forward pass for each character and one readback of its logits. */
function opLogits(model: CharModel): { next: NextLogits; release: () => void } {
  let state: ModelState | undefined;
  const next = async (input: Int32Array) => {
    const { logits, state: after } = model.run(input, 1, input.length, state);
    tf.dispose([state?.h ?? [], state?.c ?? []]);
    state = after;
    const last = tf.tidy(() => tf.slice(logits, [input.length - 1, 0], [1, -1]));
    tf.dispose(logits);
    try {
      return await last.data();
    } finally {
      last.dispose();
    }
  };
  return { next, release: () => tf.dispose([state?.h ?? [], state?.c ?? []]) };
}

/**
 * Warm-up text and `length` generated characters after it. Tokens of the prefix not in the vocabulary
 * read as `<unk>`; an empty prefix starts from the most frequent character. Yields to the event loop
 * every few milliseconds, so that a long text can be cancelled through `signal`.
 *
 * The fused path (the default) reads the weights once and computes each character in JavaScript with no
 * tensor; `opByOp` runs the model's tfjs forward pass and reads its logits back for every character, the
 * reference the fused path is tested against (the same samples for the same seed).
 */
export async function generateText(model: CharModel, vocabulary: Vocabulary, prefix: string, options: GenerateOptions): Promise<GeneratedText> {
  const rng = mulberry32(options.seed ?? 0);
  const start = prefix.length > 0 ? encode(vocabulary, prefix) : Int32Array.of(1);
  const generated: number[] = [];
  const scratch = new Float64Array(model.config.vocabSize);
  const path = options.opByOp ? opLogits(model) : options.length > 0 ? await fusedLogits(model) : null;
  let input = start;
  let sliceStart = performance.now();
  try {
    for (let k = 0; k < options.length && path && !options.signal?.aborted; k++) {
      const token = sampleToken(await path.next(input), options.temperature, rng, scratch);
      generated.push(token);
      input = Int32Array.of(token);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  } finally {
    path?.release();
  }
  return { warmUp: prefix.length > 0 ? prefix : decode(vocabulary, start), continuation: decode(vocabulary, generated), complete: generated.length === options.length };
}

/** The prefix followed by `length` generated characters, as one string (see `generateText`). */
export async function generate(model: CharModel, vocabulary: Vocabulary, prefix: string, options: GenerateOptions): Promise<string> {
  const { warmUp, continuation } = await generateText(model, vocabulary, prefix, options);
  return warmUp + continuation;
}
