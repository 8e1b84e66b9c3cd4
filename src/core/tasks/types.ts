/**
 * What a sequence task is to the playground: a seeded generator of input sequences and per-step targets,
 * a statement of what the network has to remember, and which time steps count. Shapes: T time steps,
 * B sequences in a batch, I input features; arrays are time-major and row-major, as `torch.nn.RNN` takes
 * them without batch_first.
 */
import type { Rng } from '../random';
import type { ReaderMessage } from '../readerMessage';

/** The knobs every task reads (each reads the ones it names in its JSDoc). */
export interface TaskSettings {
  /** T, time steps per sequence */
  length: number;
  /** echo: how many steps back the answer lies (1 ≤ delay < length) */
  delay: number;
  /** parentheses: the deepest nesting a sequence reaches, so the classes are depths 0…maxDepth */
  maxDepth: number;
}

/** A reasonable start for every task: long enough to need memory, short enough to train in seconds. */
export const DEFAULT_TASK_SETTINGS: TaskSettings = { length: 30, delay: 5, maxDepth: 4 };

/** A batch of sequences as plain arrays (no tensors: it may cross a worker boundary). */
export interface SequenceBatch {
  /** T */
  steps: number;
  /** B */
  batch: number;
  /** I */
  inputSize: number;
  /** inputs: [T, B, I] */
  inputs: Float32Array;
  /** targets: [T, B], class indices (classification) or values (regression); unscored steps hold 0 */
  targets: Int32Array | Float32Array;
  /** mask: [T, B], 1 where a step is scored, else 0 */
  mask: Float32Array;
  /**
   * The first scored step. Every task scores the steps from here to the end, for every row alike, so the
   * mask is this suffix; the model slices it rather than multiplying through the whole sequence.
   */
  scoredFrom: number;
}

/** Which setting the accuracy-versus-difficulty sweep turns for a task. */
export type SpanSetting = 'delay' | 'length';

/** One sequence task. */
export interface SequenceTask {
  /** Short name used on the command line and in stored settings: `echo`, `parity`, `adding`, `parentheses`. */
  readonly id: TaskId;
  /** Its name for readers. */
  readonly title: ReaderMessage;
  /** One line for readers: what the network must carry from step to step. */
  readonly statement: ReaderMessage;
  /** 'classification' scores cross-entropy and argmax accuracy; 'regression' squared error and a tolerance. */
  readonly objective: 'classification' | 'regression';
  /** How a regression output counts as right; absent for classification. */
  readonly tolerance?: number;
  /** What accuracy a network that learned nothing useful gets (the best constant answer, roughly). */
  chanceAccuracy(settings: TaskSettings): number;
  /** I, the width of one input vector. */
  readonly inputSize: number;
  /** Output width: the number of classes, or 1 for regression. */
  outputSize(settings: TaskSettings): number;
  /** The setting that sets how far back the network must remember, which a sweep turns. */
  readonly span: SpanSetting;
  /** The first step whose target is scored. */
  scoredFrom(settings: TaskSettings): number;
  /** Throws, in the reader's terms, when the settings make no sense for this task. */
  validate(settings: TaskSettings): void;
  /**
   * Writes one sequence into column `row` of a batch: inputs [T, B, I] and targets [T, B] (scored steps
   * only), drawing from `rng`.
   */
  fillSequence(rng: Rng, settings: TaskSettings, into: { inputs: Float32Array; targets: Int32Array | Float32Array; batch: number; row: number }): void;
}

export type TaskId = 'echo' | 'parity' | 'adding' | 'parentheses';
