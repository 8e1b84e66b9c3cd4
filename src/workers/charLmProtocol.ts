/**
 * Messages between the page and the character-model worker, which runs all the engine work. Every
 * message to the worker carries a request `id`, and every reply carries the `id` of the request it
 * answers (a training run's progress carries the id of its `train`), so that a reply or an error always
 * reaches the request that caused it, whatever else is waiting.
 */
import type { CharModelConfig } from '../core/model/model';
import type { ReaderMessage } from '../core/readerMessage';
import type { BackendInfo } from '../core/runtime/backend';
import type { Preprocessing } from '../core/data/vocabulary';
import type { CharLmOptions, CharLmStep } from '../core/train/charLm';
import type { TrainOutcome } from '../core/train/trainer';

type Request =
  /** Start the engine (once) on the backend the page's `?backend=` asks for, if any. */
  | { type: 'init'; backend: string | null }
  /** Train a fresh model on `text` (already preprocessed); `label` names the run on the page. */
  | { type: 'train'; label: string; text: string; preprocessing: Preprocessing; options: CharLmOptions; sampleEvery: number; maxSteps?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'abort' }
  /** Stop any run and drop the model: after this the worker holds no tensors. */
  | { type: 'reset' }
  /** During a run (paused or not) between two training steps, with the weights as they are then; else after the queue. */
  | { type: 'generate'; prefix: string; length: number; temperature: number; seed: number }
  /** Stop the generation requested as `target`; it answers with what it has written so far. */
  | { type: 'cancel'; target: number }
  | { type: 'export' }
  | { type: 'import'; file: string }
  | { type: 'memory' };

export type ToWorker = Request & { id: number };

/** What a model is, as the page names it ("LSTM, hidden 64, 1 layer"). */
export type ModelSummary = Pick<CharModelConfig, 'kind' | 'hiddenSize' | 'numLayers'>;

/** What the worker holds: the model's summary, or null for none. */
export type ModelHeld = ModelSummary | null;

/** What went wrong, as the worker reports it: a reader message, or an unexpected error's own text. */
export type WorkerProblem = ReaderMessage | string;

type Reply =
  | { type: 'ready'; backend: BackendInfo }
  /** The model the worker holds changed (a run started, a file was loaded, a reset, a rebuild). */
  | { type: 'model'; model: ModelHeld }
  /** Steps since the last report: at most one report per frame's worth of time, so the page stays light. */
  | { type: 'steps'; label: string; steps: CharLmStep[] }
  | { type: 'sample'; label: string; step: number; text: string }
  /** How the run ended: the trainer's outcome, or one the worker words itself (a lost GPU). */
  | { type: 'stopped'; label: string; outcome: TrainOutcome }
  /** `complete` is false when the generation was cancelled: `continuation` is what it wrote until then. */
  | { type: 'generated'; warmUp: string; continuation: string; complete: boolean }
  | { type: 'exported'; file: string }
  | { type: 'imported'; vocabulary: string[]; preprocessing: Preprocessing; model: ModelSummary }
  | { type: 'memory'; numTensors: number }
  /** The request `id` failed; nothing else answers it. */
  | { type: 'error'; problem: WorkerProblem };

export type FromWorker =
  | (Reply & { id: number })
  /**
   * Not a reply: the GPU device was lost and the engine moved to `backend`. `kept` says which weights
   * survived (rebuilt on the new backend from their last copy), or is null when there was no model.
   */
  | { type: 'backend-changed'; id: null; backend: BackendInfo; kept: { step: number | null; model: ModelSummary } | null };
