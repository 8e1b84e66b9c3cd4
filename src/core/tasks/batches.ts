/**
 * Batches of a sequence task, drawn from the book's seeded stream (`mulberry32`), so a seed gives the same
 * sequences in every browser and in Node; and the one conversion of a batch into tensors.
 */
import { deriveSeed, mulberry32, type Rng } from '../random';
import * as tf from '../runtime/tf';
import type { SequenceBatch, SequenceTask, TaskSettings } from './types';
import { positiveInteger } from '../layer/layerConfig';

/**
 * `batch` fresh sequences of `task`, drawn from `rng` one whole sequence after another (row 0 first).
 * Validates the settings first.
 * @returns inputs [T, B, I], targets [T, B], mask [T, B] (see `SequenceBatch`)
 */
export function makeBatch(task: SequenceTask, settings: TaskSettings, batch: number, rng: Rng): SequenceBatch {
  task.validate(settings);
  positiveInteger(batch, 'The batch size');
  const { length: T } = settings;
  const inputs = new Float32Array(T * batch * task.inputSize);
  const targets = task.objective === 'regression' ? new Float32Array(T * batch) : new Int32Array(T * batch);
  for (let row = 0; row < batch; row++) task.fillSequence(rng, settings, { inputs, targets, batch, row });
  const scoredFrom = task.scoredFrom(settings);
  const mask = new Float32Array(T * batch);
  mask.fill(1, scoredFrom * batch);
  return { steps: T, batch, inputSize: task.inputSize, inputs, targets, mask, scoredFrom };
}

/** Which seeded sub-streams the batches come from, apart from the weights' generator. */
const TRAINING_STREAM = 1;
const EVALUATION_STREAM = 2;
/** The held-out sequences are the same for every run, whatever its seed, so runs compare on equal terms. */
const EVALUATION_SEED = 20_240_601;

/**
 * An endless stream of training batches for `seed`: the same seed, the same sequences in the same order.
 * @yields batches of inputs [T, B, I] and targets [T, B]
 */
export function* trainingBatches(task: SequenceTask, settings: TaskSettings, batch: number, seed: number): Generator<SequenceBatch> {
  const rng = mulberry32(deriveSeed(seed, TRAINING_STREAM));
  for (;;) yield makeBatch(task, settings, batch, rng);
}

/**
 * The fixed held-out batch that `evaluate` scores: drawn from a stream no training run uses, and the
 * same for every seed.
 * @returns inputs [T, size, I], targets [T, size]
 */
export function evaluationBatch(task: SequenceTask, settings: TaskSettings, size = 256): SequenceBatch {
  return makeBatch(task, settings, size, mulberry32(deriveSeed(EVALUATION_SEED, EVALUATION_STREAM)));
}

/** A batch as tensors; the caller disposes them. */
export interface SequenceBatchTensors {
  /** inputs: [T, B, I] float32 */
  inputs: tf.Tensor3D;
  /** targets: [T, B], int32 class indices or float32 values */
  targets: tf.Tensor2D;
  /** mask: [T, B] float32, 1 where scored */
  mask: tf.Tensor2D;
}

/** The batch as tensors of shapes [T, B, I], [T, B] and [T, B]; the caller disposes them. */
export function batchTensors(batch: SequenceBatch): SequenceBatchTensors {
  const { steps: T, batch: B, inputSize: I } = batch;
  return {
    inputs: tf.tensor3d(batch.inputs, [T, B, I]),
    targets: tf.tensor2d(batch.targets, [T, B], batch.targets instanceof Int32Array ? 'int32' : 'float32'),
    mask: tf.tensor2d(batch.mask, [T, B]),
  };
}
