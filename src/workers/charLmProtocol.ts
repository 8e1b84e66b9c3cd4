/** Messages between the page and the character-model worker, which runs all the engine work. */
import type { BackendInfo } from '../core/backend';
import type { Preprocessing } from '../core/data/vocabulary';
import type { CharLmOptions, CharLmStep } from '../core/train/charLm';
import type { TrainOutcome } from '../core/train/trainer';

export type ToWorker =
  /** Start the engine (once) on the backend the page's `?backend=` asks for, if any. */
  | { type: 'init'; backend: string | null }
  /** Train a fresh model on `text` (already preprocessed); `label` names the run in replies. */
  | { type: 'train'; label: string; text: string; preprocessing: Preprocessing; options: CharLmOptions; sampleEvery: number; maxSteps?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'abort' }
  /** Drop the model: after this the worker holds no tensors. */
  | { type: 'reset' }
  | { type: 'generate'; prefix: string; length: number; temperature: number; seed: number }
  | { type: 'export' }
  | { type: 'import'; file: string }
  | { type: 'memory' };

export type FromWorker =
  | { type: 'ready'; backend: BackendInfo }
  /** Steps since the last report: at most one report per frame's worth of time, so the page stays light. */
  | { type: 'steps'; label: string; steps: CharLmStep[] }
  | { type: 'sample'; label: string; step: number; text: string }
  | { type: 'stopped'; label: string; outcome: TrainOutcome }
  | { type: 'generated'; text: string }
  | { type: 'exported'; file: string }
  | { type: 'imported'; vocabulary: string[]; preprocessing: Preprocessing; description: string }
  | { type: 'memory'; numTensors: number }
  | { type: 'error'; message: string };
