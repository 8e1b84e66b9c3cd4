/**
 * The first training example: teach a recurrent net to turn "hello" into "ohlol", one character at a time.
 * Three variants, as a PyTorch reader would write them:
 * - `cell`: an RNNCell(4, H) loop adding each step's cross-entropy (the hidden state is the prediction);
 * - `rnn`: nn.RNN(4, H) over the whole sequence, outputs reshaped to (seq·batch, H), mean cross-entropy;
 * - `embedding`: Embedding(4, 10) → RNN(10, 8, 2 layers, batch_first) → Linear(8, 4).
 * With a hidden size other than 4, the cell and rnn variants add a Linear(H, 4) to reach the 4 classes.
 */
import { CharModel, type CharModelConfig, type TokenBatch } from '../model/model';
import { adam } from './adam';
import { stoppedOutcome, train, TrainingControl, type TrainOutcome } from './trainer';

export type HelloVariant = 'cell' | 'rnn' | 'embedding';

/** Characters by index, as in the classic example: e, h, l, o. */
export const HELLO_CHARS = ['e', 'h', 'l', 'o'] as const;
/** "hello" and "ohlol" as indices. */
export const HELLO_INPUT = [1, 0, 2, 2, 3];
export const HELLO_TARGET = [3, 1, 2, 3, 2];

export interface HelloOptions {
  variant: HelloVariant;
  learningRate: number;
  epochs: number;
  /** Hidden size of the recurrent layer (4 in the cell and rnn originals, 8 with embeddings). */
  hiddenSize: number;
  seed: number;
}

/** The defaults of each variant: Adam lr 0.1 (0.05 with embeddings), 15 epochs. */
export function helloDefaults(variant: HelloVariant): HelloOptions {
  return variant === 'embedding'
    ? { variant, learningRate: 0.05, epochs: 15, hiddenSize: 8, seed: 0 }
    : { variant, learningRate: 0.1, epochs: 15, hiddenSize: 4, seed: 0 };
}

function modelConfig({ variant, hiddenSize }: HelloOptions): CharModelConfig {
  const base = { vocabSize: 4, kind: 'RNN' as const, hiddenSize };
  return variant === 'embedding'
    ? { ...base, embeddingSize: 10, numLayers: 2, head: true, reduction: 'mean' }
    : { ...base, embeddingSize: 0, numLayers: 1, head: hiddenSize !== 4, reduction: variant === 'cell' ? 'sum' : 'mean' };
}

export const HELLO_BATCH: TokenBatch = { inputs: Int32Array.from(HELLO_INPUT), targets: Int32Array.from(HELLO_TARGET), batch: 1, steps: 5 };

/** One epoch's report. */
export interface HelloEpoch {
  /** 1-based. */
  epoch: number;
  loss: number;
  /** What the network predicted in this epoch's forward pass (before its update). */
  prediction: string;
  /** Hidden state per time step in that pass: [5, H]. */
  hidden: number[][];
  /** The embedding after this epoch's update, [4, 10]; null without one. */
  embedding: number[][] | null;
  /** Milliseconds spent training so far (reading results back included, pauses not). */
  elapsedMs: number;
}

/** Builds the model of a variant with PyTorch's default initialisation, seeded. */
export function createHelloModel(options: HelloOptions): CharModel {
  const model = CharModel.create(modelConfig(options), options.seed);
  model.inspectForward = true;
  return model;
}

/**
 * Trains one variant, yielding after every epoch (one Adam step on the one sequence). Returns why it
 * stopped. Without `model` it builds one from the options and disposes it when the run ends, however it
 * ends; a model the caller passes stays the caller's.
 */
export async function* trainHello(
  options: HelloOptions,
  control = new TrainingControl(),
  model?: CharModel,
): AsyncGenerator<HelloEpoch, TrainOutcome> {
  const ownsModel = !model;
  const trained = model ?? createHelloModel(options);
  const optimizer = adam(options.learningRate);
  const epochs = Array.from({ length: options.epochs }, (_, epoch) => ({ epoch, batch: HELLO_BATCH }));
  const steps = train(trained, epochs, { optimizer, control });
  // Time spent training, not time the reader spent between steps.
  let busyMs = 0;
  try {
    for (;;) {
      const started = performance.now();
      const next = await steps.next();
      if (next.done) return next.value;
      const forward = await trained.lastForward();
      yield {
        epoch: next.value.epoch + 1,
        loss: next.value.loss,
        prediction: forward ? forward.tokens.map((t) => HELLO_CHARS[t]).join('') : '',
        hidden: forward?.hidden ?? [],
        embedding: await trained.embedding(),
        elapsedMs: (busyMs += performance.now() - started),
      };
    }
  } finally {
    // Closing the inner loop releases the copy of the weights it keeps for a divergence.
    await steps.return(stoppedOutcome(0));
    optimizer.dispose();
    if (ownsModel) trained.dispose();
  }
}
