/**
 * The training loop every in-page trainer shares, as an async generator of progress events. It works in
 * slices of about one frame and then yields to the event loop, so the page never freezes; it can be
 * paused, resumed and aborted; and it stops with a clear reason on a non-finite loss, gradient or weight,
 * putting back the last weights that were still good.
 */
import { globalNorm } from '../fast/globalNorm';
import type { TrainableModel } from '../model/trainable';
import type { ReaderMessage } from '../readerMessage';
import { readScalars } from '../runtime/readback';
import * as tf from '../runtime/tf';

/** One optimiser step's report. */
export interface TrainStep {
  /** 1-based count of steps taken. */
  step: number;
  /** 0-based epoch of the batch just used. */
  epoch: number;
  loss: number;
  /** Global L2 norm of the gradient before clipping. */
  gradientNorm: number;
  /** Whether clipping scaled this step's gradient down. */
  clipped: boolean;
}

export type StopReason = 'finished' | 'aborted' | 'diverged';

export interface TrainOutcome {
  reason: StopReason;
  /** What to tell the reader, as a catalogue key (`training:…`) and its values. */
  message: ReaderMessage;
  steps: number;
}

/** A run stopped from outside (a button, a page left) after `steps` steps. */
export const stoppedOutcome = (steps: number): TrainOutcome => ({ reason: 'aborted', message: { key: 'training:stopped' }, steps });

/** Pause, resume and abort, from outside the loop (a button). */
export class TrainingControl {
  paused = false;
  aborted = false;
  private wake: (() => void) | null = null;
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
    this.wake?.();
  }
  abort() {
    this.aborted = true;
    this.wake?.();
  }
  /** Resolves once the loop may go on (immediately unless paused). */
  async whileUnpaused(): Promise<void> {
    while (this.paused && !this.aborted) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }
}

/** What the loop needs of an optimiser: `tf.Optimizer` has it, and so does the fused Adam of adam.ts. */
export interface Optimizer {
  /** One update; each gradient named by its variable's engine-wide name, as `tf.Optimizer` takes them. */
  applyGradients(gradients: { name: string; tensor: tf.Tensor }[]): void;
  dispose(): void;
}

export interface TrainOptions {
  optimizer: Optimizer;
  /** Global-norm clipping threshold θ: g ← θ·g/‖g‖ when ‖g‖ > θ. Absent or ≤ 0: no clipping. */
  clipNorm?: number;
  control?: TrainingControl;
  /** Milliseconds of work before yielding to the page. */
  sliceMs?: number;
}

/** Lets the browser paint and handle input; a macrotask, so it also works in Node and workers. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Global-norm clipping of a gradient map, in place of the map's tensors.
 * @returns the norm before clipping, as a scalar tensor the caller disposes.
 */
function clipByGlobalNorm(gradients: Record<string, tf.Tensor>, clipNorm: number | undefined): tf.Scalar {
  const norm = globalNorm(Object.values(gradients));
  if (clipNorm && clipNorm > 0) {
    const scale = tf.tidy(() => tf.minimum(1, tf.div(clipNorm, tf.add(norm, 1e-6))));
    for (const name of Object.keys(gradients)) {
      const clipped = tf.mul(gradients[name], scale);
      gradients[name].dispose();
      gradients[name] = clipped;
    }
    scale.dispose();
  }
  return norm;
}

/** Puts back the weights that last gave a finite loss and gradient, when there are any. */
function restore(variables: Readonly<Record<string, tf.Variable>>, lastGood: Record<string, tf.Tensor> | null): void {
  if (lastGood) for (const [name, variable] of Object.entries(variables)) variable.assign(lastGood[name]);
}

/** A divergence: `why` it stopped, then that the last good weights are back. */
const diverged = (why: ReaderMessage, steps: number): TrainOutcome => ({ reason: 'diverged', message: { key: 'training:divergedRestored', values: { why } }, steps });

const brokenWeights = (steps: number): TrainOutcome =>
  steps === 0
    ? { reason: 'diverged', message: { key: 'training:weightsNotFinite' }, steps }
    : diverged({ key: 'training:weightsOverflowed', values: { step: steps } }, steps);

/**
 * Trains `model` on `batches` (each tagged with its epoch), yielding one event per step.
 * The generator's return value says why it stopped.
 */
export async function* train<Batch>(
  model: TrainableModel<Batch>,
  batches: Iterable<{ epoch: number; batch: Batch }>,
  { optimizer, clipNorm, control = new TrainingControl(), sliceMs = 12 }: TrainOptions,
): AsyncGenerator<TrainStep, TrainOutcome> {
  let steps = 0;
  let sliceStart = performance.now();
  // Copies of the weights that last gave a finite loss and gradient: what a divergence falls back to.
  let lastGood: Record<string, tf.Tensor> | null = null;
  // An update can overflow the weights even when its loss and gradient were finite, so each step also
  // checks the weights the previous update left, in the same readback as its loss; the last update is
  // checked here, once the loop ends.
  const unlessLastUpdateBroke = async (outcome: TrainOutcome): Promise<TrainOutcome> => {
    const norm = globalNorm(Object.values(model.variables));
    const [value] = await readScalars([norm]);
    norm.dispose();
    if (Number.isFinite(value)) return outcome;
    restore(model.variables, lastGood);
    return brokenWeights(steps);
  };
  try {
    for (const { epoch, batch } of batches) {
      await control.whileUnpaused();
      if (control.aborted) return await unlessLastUpdateBroke(stoppedOutcome(steps));

      const weightNorm = globalNorm(Object.values(model.variables));
      const { loss, gradients } = model.lossAndGradients(batch);
      const norm = clipByGlobalNorm(gradients, clipNorm);
      const [weightNormValue, lossValue, normValue] = await readScalars([weightNorm, loss, norm]);
      const finite = Number.isFinite(weightNormValue) && Number.isFinite(lossValue) && Number.isFinite(normValue);
      if (finite) {
        tf.dispose(Object.values(lastGood ?? {}));
        const variables = model.variables;
        lastGood = Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, tf.clone(v)]));
        // Optimisers find variables by their engine-wide names, not by PyTorch's.
        optimizer.applyGradients(Object.entries(gradients).map(([name, tensor]) => ({ name: variables[name].name, tensor })));
      }
      tf.dispose([weightNorm, loss, norm, ...Object.values(gradients)]);

      if (!finite) {
        restore(model.variables, lastGood);
        if (!Number.isFinite(weightNormValue)) return brokenWeights(steps);
        const why: ReaderMessage = Number.isFinite(lossValue)
          ? { key: 'training:gradientNotFinite', values: { step: steps + 1, value: String(normValue) } }
          : { key: 'training:lossNotFinite', values: { step: steps + 1, value: String(lossValue) } };
        return diverged(why, steps);
      }
      steps++;
      yield { step: steps, epoch, loss: lossValue, gradientNorm: normValue, clipped: !!clipNorm && clipNorm > 0 && normValue > clipNorm };

      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return await unlessLastUpdateBroke({ reason: 'finished', message: { key: 'training:finished', values: { count: steps } }, steps });
  } finally {
    tf.dispose(Object.values(lastGood ?? {}));
  }
}
