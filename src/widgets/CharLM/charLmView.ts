/**
 * What the character-model figure shows, computed from what the worker reported: the perplexity chart's
 * series, the results line, the progress line's status and the hints, worded through the `t` of the page's
 * language. Pure functions, so that the figure only lays them out and each rule can be tested on its own.
 */
import type { TFunction } from 'i18next';
import { SERIES_COLORS, type Series } from '../../components/chartSeries';
import { CELL_KINDS, type CellKind } from '../../core/cells/types';
import { minibatchesPerEpoch } from '../../core/data/minibatches';
import { LARGE_VOCABULARY, LARGE_VOCABULARY_EMBEDDING } from '../../core/figures/charLmCost';
import { recentPerplexity, type CharLmOptions, type CharLmStep } from '../../core/train/charLm';
import type { BackendInfo } from '../../core/runtime/backend';
import { backendLabel } from '../../hooks/useEngine';
import type { ModelHeld, ModelSummary } from '../../workers/charLmProtocol';
import type { Rebuilt, RunOutcome, Said } from './charLmWorkerState';

type T = TFunction<'charLm'>;

/** Steps whose mean loss the results line compares runs by: one minibatch alone is too noisy. */
export const RESULT_WINDOW = 50;

/** Training runs by label ("LSTM", "GRU · random"), each with its steps so far, in the order they ran. */
export type Runs = Record<string, CharLmStep[]>;

/** Between the cell and the minibatch scheme in the label of a run that compares schemes. */
const LABEL_SEPARATOR = ' · ';

/** A run's label as the reader reads it: the cell, and the minibatch scheme in the page's language. */
export function runName(label: string, t: T): string {
  const [kind, sampling] = label.split(LABEL_SEPARATOR);
  return sampling === 'sequential' || sampling === 'random' ? `${kind}${LABEL_SEPARATOR}${t(`sampling_${sampling}`)}` : label;
}

/** A model as the reader reads it: "LSTM, hidden 64, 1 layer". */
export function modelSummaryText({ kind, hiddenSize, numLayers }: ModelSummary, t: T): string {
  return t('modelSummary', { kind, hiddenSize, count: numLayers });
}

/** What the figure says about a run or the worker, in the page's language (`say` words a worker's problem). */
export function saidText(said: Said, t: T, say: (problem: unknown) => string): string {
  return typeof said === 'object' && 'refused' in said ? t('trainingCouldNotRun', { reason: say(said.refused) }) : say(said);
}

/** A cell's curve keeps its cell's colour in every comparison; any other run takes the colour of its place. */
export function runColor(label: string, index: number): string {
  const cell = (CELL_KINDS as readonly string[]).indexOf(label);
  return SERIES_COLORS[cell >= 0 ? cell : index % SERIES_COLORS.length];
}

/** Minibatches the settings plan for a text of `characters` characters (0 while there is no text). */
export function plannedSteps(characters: number | null, options: Pick<CharLmOptions, 'epochs' | 'sampling' | 'batch' | 'steps'>): number {
  return characters ? options.epochs * minibatchesPerEpoch(characters, options.sampling, options.batch, options.steps) : 0;
}

/**
 * The perplexity chart: a curve per run (before any run, an empty one for the chosen cell, so that a run
 * changes the chart's data, not its shape), and the perplexity V of a uniform guess as a dashed
 * reference, over the planned run until a run starts, then over the steps so far.
 */
export function perplexitySeries({ runs, chosenKind, vocabularySize, planned }: { runs: Runs; chosenKind: CellKind; vocabularySize: number; planned: number }, t: T): Series[] {
  const labels = Object.keys(runs).length ? Object.keys(runs) : [chosenKind];
  const curves: Series[] = labels.map((label, k) => ({
    name: runName(label, t),
    color: runColor(label, k),
    // A log axis cannot place Infinity; the progress line says how big it got.
    points: (runs[label] ?? []).filter((s) => Number.isFinite(s.perplexity)).map((s) => ({ x: s.step, y: s.perplexity })),
  }));
  if (vocabularySize <= 1) return curves;
  const trained = Math.max(0, ...curves.map((c) => c.points.at(-1)?.x ?? 0));
  const end = trained > 0 ? trained : Math.max(1, planned);
  const uniform = { name: t('uniformGuess', { size: vocabularySize }), points: [{ x: 0, y: vocabularySize }, { x: end, y: vocabularySize }], reference: true };
  return [...curves, uniform];
}

/** The newest step of the newest run, with that run's label, or undefined before any step. */
export function latestStep(runs: Runs): { label: string; step: CharLmStep } | undefined {
  const entries = Object.entries(runs);
  const [label, steps] = entries.at(-1) ?? ['', []];
  const step = steps.at(-1);
  return step && { label, step };
}

export interface RunResult {
  label: string;
  /** Steps the run took. */
  steps: number;
  /** Perplexity over its last `RESULT_WINDOW` steps (see `recentPerplexity`). */
  perplexity: number;
  /** The steps that perplexity covers, 1-based: `first`…`steps`. */
  first: number;
}

/** One line per run that took a step, to compare runs by. */
export function runResults(runs: Runs, window = RESULT_WINDOW): RunResult[] {
  return Object.entries(runs)
    .filter(([, steps]) => steps.length > 0)
    .map(([label, steps]) => {
      const last = steps[steps.length - 1].step;
      return { label, steps: last, perplexity: recentPerplexity(steps, window), first: Math.max(1, last - window + 1) };
    });
}

/** One model of a comparison: the label its curve goes by, and the settings it trains with. */
export interface ComparedRun {
  label: string;
  options: CharLmOptions;
}

/**
 * The runs of a comparison, trained one after another for the comparison's step budget (enough epochs
 * never to end first): RNN, LSTM and GRU with the reader's settings, or the reader's cell once per
 * minibatch scheme, same settings and seed, so that the curves differ only by what is compared.
 */
export function comparedRuns(compared: 'cells' | 'sampling', options: CharLmOptions): ComparedRun[] {
  const long = { ...options, epochs: 50 };
  return compared === 'cells'
    ? CELL_KINDS.map((kind) => ({ label: kind, options: { ...long, kind } }))
    : (['sequential', 'random'] as const).map((sampling) => ({ label: `${options.kind}${LABEL_SEPARATOR}${sampling}`, options: { ...long, sampling } }));
}

/** A comparison trains its next model only when this one ran its planned steps: Stop, Reset or a failure ends it. */
export function comparisonGoesOn(outcome: RunOutcome, compareSteps: number): boolean {
  return outcome.reason === 'finished' || (outcome.reason === 'aborted' && outcome.steps >= compareSteps);
}

/** The progress line's state, as the tests and styles read it: running, idle, or how the last run ended. */
export function progressStatus(running: boolean, outcome: RunOutcome | null): string {
  return running ? 'running' : (outcome?.reason ?? 'idle');
}

/** Why Generate cannot run now, or null when it can: whenever the worker holds a model, training or not. */
export function generateUnavailable(model: ModelHeld, t: T): string | null {
  return model ? null : t('generateNeedsModel');
}

/**
 * Whether a vocabulary that just grew past `LARGE_VOCABULARY` should switch one-hot input to an embedding:
 * only on the way up (a reader who then sets 0 again keeps one-hot), and never mid-run.
 */
export function switchesToEmbedding({ vocabularySize, wasLarge, embeddingSize, running }: { vocabularySize: number; wasLarge: boolean; embeddingSize: number; running: boolean }): boolean {
  return vocabularySize > LARGE_VOCABULARY && !wasLarge && embeddingSize === 0 && !running;
}

/** What the figure says when it switched to an embedding, in the reader's terms. */
export function embeddingNote(vocabularySize: number, t: T): string {
  return t('embeddingNote', { tokens: vocabularySize, embedding: LARGE_VOCABULARY_EMBEDDING });
}

/** Where the worker trains, and why there when it fell back from a faster backend. */
export function workerBackendLine(backend: BackendInfo | null, t: T, say: (problem: unknown) => string): string {
  if (!backend) return t('backendStarting');
  const name = backendLabel(backend, say);
  return backend.fallbackReason ? t('backendLineFallback', { backend: name, reason: say(backend.fallbackReason) }) : t('backendLine', { backend: name });
}

/** What to tell the reader after a lost GPU: which weights the model was rebuilt from, or nothing without a model. */
export function rebuiltNotice(rebuilt: Rebuilt, t: T): string | null {
  if (!rebuilt) return null;
  const model = modelSummaryText(rebuilt.model, t);
  return rebuilt.step === null ? t('rebuiltFromImported', { model }) : t('rebuiltFromStep', { model, step: rebuilt.step });
}
