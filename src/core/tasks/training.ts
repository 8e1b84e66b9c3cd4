/**
 * Training the playground's model on a sequence task with the book's one training loop (train/trainer.ts):
 * fresh random sequences every step, Adam or SGD, global-norm clipping, progress as events, and a score on
 * a fixed held-out batch.
 */
import { readScalars } from '../runtime/readback';
import * as tf from '../runtime/tf';
import { adam } from '../train/adam';
import { stoppedOutcome, train, TrainingControl, type Optimizer, type TrainOutcome } from '../train/trainer';
import { evaluationBatch, trainingBatches } from './batches';
import { SequenceModel, sequenceModelConfig, type NetworkOptions } from './model';
import type { SequenceBatch, SequenceTask, TaskSettings } from './types';

/** Everything one training run needs besides the task. */
export interface SequenceTrainingOptions extends NetworkOptions {
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  /** Global-norm clipping threshold θ; 0 turns clipping off. */
  clipNorm: number;
  /** Sequences per batch. */
  batch: number;
  /** Optimiser steps (one fresh batch each): the run's budget. */
  steps: number;
  /** Seeds the weights (as `torch.manual_seed`) and the training sequences. */
  seed: number;
  /** Score the held-out batch every this many steps (and after the last); 0: only after the last. */
  evaluateEvery: number;
}

/** What the playground starts from: a small LSTM that learns the default echo in a few seconds. */
export const SEQUENCE_TRAINING_DEFAULTS: SequenceTrainingOptions = {
  kind: 'LSTM',
  nonlinearity: 'tanh',
  hiddenSize: 16,
  numLayers: 1,
  optimizer: 'adam',
  learningRate: 0.01,
  clipNorm: 1,
  batch: 32,
  steps: 400,
  seed: 0,
  evaluateEvery: 50,
};

/** A held-out score. */
export interface Evaluation {
  /** Mean loss over the scored steps: cross-entropy (nats) or squared error. */
  loss: number;
  /** Fraction of scored steps answered right: argmax = target, or |error| < the task's tolerance. */
  accuracy: number;
}

/** One training step's report. */
export interface SequenceTrainingStep {
  /** 1-based */
  step: number;
  /** This batch's loss. */
  loss: number;
  gradientNorm: number;
  clipped: boolean;
  /** Fraction of the budget done, 0…1. */
  progress: number;
  /** The held-out score after this step, on the steps `evaluateEvery` asks for. */
  evaluation?: Evaluation;
}

/** A model for `task`, initialised from `seed` as PyTorch would. The caller disposes it. */
export function createSequenceModel(task: SequenceTask, settings: TaskSettings, network: NetworkOptions, seed: number): SequenceModel {
  task.validate(settings);
  return new SequenceModel(sequenceModelConfig(task, settings, network), seed);
}

/**
 * Loss and accuracy of `model` on `batch` (by default the task's fixed held-out batch of 256 sequences),
 * scored on the task's scored steps only.
 */
export async function evaluate(model: SequenceModel, task: SequenceTask, settings: TaskSettings, batch: SequenceBatch = evaluationBatch(task, settings)): Promise<Evaluation> {
  const { loss, correct, count } = model.score(batch);
  try {
    const [lossValue, correctValue] = await readScalars([loss, correct]);
    return { loss: lossValue, accuracy: correctValue / count };
  } finally {
    tf.dispose([loss, correct]);
  }
}

function makeOptimizer({ optimizer, learningRate }: SequenceTrainingOptions): Optimizer {
  return optimizer === 'adam' ? adam(learningRate) : tf.train.sgd(learningRate);
}

/** `steps` batches of the endless training stream, tagged for the loop. */
function* budget(task: SequenceTask, settings: TaskSettings, options: SequenceTrainingOptions): Generator<{ epoch: number; batch: SequenceBatch }> {
  let step = 0;
  for (const batch of trainingBatches(task, settings, options.batch, options.seed)) {
    if (step++ >= options.steps) return;
    yield { epoch: 0, batch };
  }
}

/**
 * Trains `model` on `task` for `options.steps` steps, yielding after every step; returns why it stopped.
 * The model stays the caller's.
 */
export async function* trainSequenceTask(
  model: SequenceModel,
  task: SequenceTask,
  settings: TaskSettings,
  options: SequenceTrainingOptions,
  control = new TrainingControl(),
): AsyncGenerator<SequenceTrainingStep, TrainOutcome> {
  task.validate(settings);
  const heldOut = evaluationBatch(task, settings);
  const optimizer = makeOptimizer(options);
  const steps = train(model, budget(task, settings, options), { optimizer, clipNorm: options.clipNorm, control });
  try {
    for (let next = await steps.next(); ; next = await steps.next()) {
      if (next.done) return next.value;
      const { step, loss, gradientNorm, clipped } = next.value;
      const due = step === options.steps || (options.evaluateEvery > 0 && step % options.evaluateEvery === 0);
      const evaluation = due ? await evaluate(model, task, settings, heldOut) : undefined;
      yield { step, loss, gradientNorm, clipped, progress: Math.min(1, step / options.steps), ...(evaluation ? { evaluation } : {}) };
    }
  } finally {
    // Closing the inner loop releases the copy of the weights it keeps for a divergence.
    await steps.return(stoppedOutcome(0));
    optimizer.dispose();
  }
}

/** A finished run's outcome and its held-out score. */
export interface SequenceRunResult extends Evaluation {
  outcome: TrainOutcome;
  /** Milliseconds the run took, scoring included. */
  elapsedMs: number;
}

/**
 * Builds a model, trains it for the whole budget and scores it on the held-out batch; disposes the model
 * however the run ends. What a sweep does for each cell, span and seed.
 */
export async function trainAndEvaluate(task: SequenceTask, settings: TaskSettings, options: SequenceTrainingOptions, control = new TrainingControl()): Promise<SequenceRunResult> {
  const started = performance.now();
  const model = createSequenceModel(task, settings, options, options.seed);
  try {
    const run = trainSequenceTask(model, task, settings, { ...options, evaluateEvery: 0 }, control);
    let last: Evaluation | undefined;
    let next = await run.next();
    for (; !next.done; next = await run.next()) last = next.value.evaluation ?? last;
    // A run that stopped early was not scored after its last step.
    const score = last ?? (await evaluate(model, task, settings));
    return { ...score, outcome: next.value, elapsedMs: performance.now() - started };
  } finally {
    model.dispose();
  }
}
