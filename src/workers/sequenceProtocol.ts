/**
 * Messages between the page and the sequence playground's worker, which runs every training run and
 * sweep. As for the character model's worker, every request carries an `id` and every reply the `id` of
 * the request it answers (a run's progress carries the id of its `train`, a sweep's that of its `sweep`),
 * so a reply or an error always reaches the request that caused it.
 */
import type { ReaderMessage } from '../core/readerMessage';
import type { BackendInfo } from '../core/runtime/backend';
import type { CellChoice, ExampleTrace, SweepRun } from '../core/tasks';
import type { TrainOutcome } from '../core/train/trainer';
import type { PlaygroundSettings } from './sequenceSettings';

/** One training step as the page draws it. */
export interface PlaygroundStep {
  /** 1-based */
  step: number;
  /** this batch's loss */
  loss: number;
  /** held-out accuracy, on the steps where the run scored it */
  accuracy?: number;
  /** fraction of the budget done, 0…1 */
  progress: number;
}

type Request =
  /** Start the engine (once) on the backend the page's `?backend=` asks for, if any. */
  | { type: 'init'; backend: string | null }
  /** Train a fresh model; `stepOnly` pauses it after its first step. */
  | { type: 'train'; settings: PlaygroundSettings; stepOnly: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  /** While paused: one more step, then paused again. */
  | { type: 'step' }
  /** Stop the run or the sweep under way; what was done stays reported. */
  | { type: 'abort' }
  /** Stop everything and drop the model: after this the worker holds no tensors. */
  | { type: 'reset' }
  /** Train every cell at every span and seed of the settings' sweep plan. */
  | { type: 'sweep'; settings: PlaygroundSettings }
  | { type: 'memory' };

export type ToWorker = Request & { id: number };

type Reply =
  | { type: 'ready'; backend: BackendInfo }
  /**
   * Steps since the last report (at most a few reports a second), the example as the model now answers
   * it (when it was traced since the last report), and whether the run is now paused.
   */
  | { type: 'steps'; steps: PlaygroundStep[]; example: ExampleTrace | null; paused: boolean }
  | { type: 'stopped'; outcome: TrainOutcome }
  | { type: 'sweep-started'; spans: number[]; cells: CellChoice[]; total: number }
  | { type: 'sweep-run'; run: SweepRun; done: number; total: number }
  /** `complete` is false when the sweep was stopped before its last run. */
  | { type: 'sweep-stopped'; complete: boolean }
  | { type: 'memory'; numTensors: number }
  /** The request `id` failed; nothing else answers it. A reader's problem comes as its message, anything else as text. */
  | { type: 'error'; message: string | ReaderMessage };

export type FromWorker = Reply & { id: number };
