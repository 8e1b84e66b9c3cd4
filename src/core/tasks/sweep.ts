/**
 * The sweep: for every span (delay or length), seed and cell, train a fresh model for a fixed budget and
 * score it on the held-out batch; accuracy against span then shows how far back each cell can remember
 * within that budget. Runs one model at a time as an async generator, so a page, a worker or Node can
 * drive it, show progress, and abort it.
 */
import type { CellKind, Nonlinearity } from '../cells/types';
import type { ReaderMessage } from '../readerMessage';
import { TrainingControl, type StopReason } from '../train/trainer';
import { trainAndEvaluate, type SequenceTrainingOptions } from './training';
import type { SequenceTask, TaskSettings } from './types';

/** The cells a sweep compares: a tanh RNN, a ReLU RNN, an LSTM, a GRU. */
export type CellChoice = 'rnn' | 'relu' | 'lstm' | 'gru';

/** What each choice builds, and its name for readers. */
export const CELL_CHOICES: Readonly<Record<CellChoice, { kind: CellKind; nonlinearity: Nonlinearity; label: ReaderMessage }>> = {
  rnn: { kind: 'RNN', nonlinearity: 'tanh', label: { key: 'sequencePlayground:cellRnn' } },
  relu: { kind: 'RNN', nonlinearity: 'relu', label: { key: 'sequencePlayground:cellRelu' } },
  lstm: { kind: 'LSTM', nonlinearity: 'tanh', label: { key: 'sequencePlayground:cellLstm' } },
  gru: { kind: 'GRU', nonlinearity: 'tanh', label: { key: 'sequencePlayground:cellGru' } },
};

/** The choice called `name`; throws on a name that is not one. */
export function cellChoice(name: string): CellChoice {
  if (!Object.hasOwn(CELL_CHOICES, name)) throw new Error(`There is no cell called "${name}"; the cells are ${Object.keys(CELL_CHOICES).join(', ')}`);
  return name as CellChoice;
}

/** `settings` with the task's span setting (the delay for echo, the length otherwise) set to `span`. */
export function withSpan(task: SequenceTask, settings: TaskSettings, span: number): TaskSettings {
  return { ...settings, [task.span]: span };
}

export interface SweepOptions {
  task: SequenceTask;
  /** Every setting but the span, which each run replaces. */
  settings: TaskSettings;
  /** Values of the task's span setting, e.g. delays 1, 5, 10, 20, 40. */
  spans: readonly number[];
  cells: readonly CellChoice[];
  seeds: readonly number[];
  /** Hidden size, layers, optimiser, learning rate, clipping, batch and budget, the same for every run. */
  training: Omit<SequenceTrainingOptions, 'kind' | 'nonlinearity' | 'seed' | 'evaluateEvery'>;
}

/** One finished run of a sweep. */
export interface SweepRun {
  cell: CellChoice;
  span: number;
  seed: number;
  /** Held-out accuracy and loss after the budget. */
  accuracy: number;
  loss: number;
  /** 'finished', or 'diverged' (the score is then that of the last good weights) */
  reason: StopReason;
  elapsedMs: number;
}

/** A sweep's progress after each run. */
export interface SweepProgress {
  run: SweepRun;
  /** runs done so far, and in all */
  done: number;
  total: number;
}

/** Accuracy over seeds for one span and cell. */
export interface SweepCellSummary {
  mean: number;
  /** Sample standard deviation over seeds (0 for one seed). */
  sd: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * Trains every span × seed × cell in that order (each span finishes for every cell before the next
 * begins, so a plot fills in left to right). Yields after each run; returns every finished run, which
 * after an abort are those done so far.
 */
export async function* sweep(options: SweepOptions, control = new TrainingControl()): AsyncGenerator<SweepProgress, SweepRun[]> {
  const { task, settings, spans, cells, seeds, training } = options;
  // Check every span's settings before the first run, so a bad one fails at once rather than minutes in.
  for (const span of spans) task.validate(withSpan(task, settings, span));
  const total = spans.length * seeds.length * cells.length;
  const runs: SweepRun[] = [];
  for (const span of spans) {
    for (const seed of seeds) {
      for (const cell of cells) {
        await control.whileUnpaused();
        if (control.aborted) return runs;
        const { kind, nonlinearity } = CELL_CHOICES[cell];
        const result = await trainAndEvaluate(task, withSpan(task, settings, span), { ...training, kind, nonlinearity, seed, evaluateEvery: 0 }, control);
        // A run cut short by an abort is not a result at its budget.
        if (result.outcome.reason === 'aborted') return runs;
        const run: SweepRun = { cell, span, seed, accuracy: result.accuracy, loss: result.loss, reason: result.outcome.reason, elapsedMs: result.elapsedMs };
        runs.push(run);
        yield { run, done: runs.length, total };
      }
    }
  }
  return runs;
}

/** Mean, spread and range of accuracy over seeds for `span` and `cell`; null when no run matches. */
export function summarize(runs: readonly SweepRun[], span: number, cell: CellChoice): SweepCellSummary | null {
  const accuracies = runs.filter((r) => r.span === span && r.cell === cell).map((r) => r.accuracy);
  const n = accuracies.length;
  if (n === 0) return null;
  const mean = accuracies.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(accuracies.reduce((sum, a) => sum + (a - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...accuracies), max: Math.max(...accuracies), runs: n };
}
