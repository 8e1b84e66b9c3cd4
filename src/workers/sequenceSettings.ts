/**
 * The sequence playground's settings: one schema for the figure's props, URL values, stored settings and
 * slider bounds, which the worker also checks every request against; and the plain functions that turn
 * them into what the engine takes (the task's settings, a training run, a sweep), so the figure and the
 * worker read them the same way.
 */
import { CELL_CHOICES, DEFAULT_TASK_SETTINGS, SEQUENCE_PRESETS, SEQUENCE_TRAINING_DEFAULTS, TASKS, type CellChoice, type SequencePreset, type TaskId, type TaskSettings } from '../core/tasks';
import type { SequenceTrainingOptions } from '../core/tasks/training';
import { choice, integer, number, type SettingsSchema } from '../hooks/settingsSchema';

/** What a reader sets in the playground. */
export interface PlaygroundSettings {
  /** the preset these settings came from, or 'custom' once the reader changed one */
  preset: string;
  task: TaskId;
  /** T */
  length: number;
  /** echo: d, kept below the length when used */
  delay: number;
  /** parentheses: the deepest nesting */
  maxDepth: number;
  cell: CellChoice;
  hiddenSize: number;
  numLayers: number;
  optimizer: 'adam' | 'sgd';
  learningRate: number;
  clipNorm: number;
  batch: number;
  /** the budget: optimiser steps per run */
  steps: number;
  seed: number;
  /** a custom sweep: how many spans from 1 to the chosen span */
  sweepPoints: number;
  /** seeds per cell and span in a sweep */
  sweepSeeds: number;
}

export const CUSTOM = 'custom';
const MAX_SEED = 2 ** 31 - 1;

export const PLAYGROUND_SCHEMA: SettingsSchema<PlaygroundSettings> = {
  preset: choice([CUSTOM, ...SEQUENCE_PRESETS.map((p) => p.name)]),
  task: choice(Object.keys(TASKS)),
  length: integer(2, 100),
  delay: integer(1, 99),
  maxDepth: integer(1, 8),
  cell: choice(Object.keys(CELL_CHOICES)),
  hiddenSize: integer(2, 128),
  numLayers: integer(1, 3),
  optimizer: choice(['adam', 'sgd']),
  learningRate: number(1e-4, 10),
  clipNorm: number(0, 10),
  batch: integer(4, 128),
  steps: integer(20, 3000),
  seed: integer(0, MAX_SEED),
  sweepPoints: integer(2, 8),
  sweepSeeds: integer(1, 3),
};

/** A short echo that a small tanh RNN, LSTM or GRU learns within the default budget. */
const { hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, seed } = SEQUENCE_TRAINING_DEFAULTS;
export const PLAYGROUND_DEFAULTS: PlaygroundSettings = {
  preset: CUSTOM,
  task: 'echo',
  ...DEFAULT_TASK_SETTINGS,
  cell: 'lstm',
  ...{ hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, seed },
  // A shorter budget than the engine's default: the figure's first run should finish in seconds.
  steps: 300,
  sweepPoints: 5,
  sweepSeeds: 1,
};

/** The task's settings, made consistent: the echo's delay stays shorter than the sequence. */
export function taskSettingsOf(s: PlaygroundSettings): TaskSettings {
  return { length: s.length, delay: Math.min(s.delay, s.length - 1), maxDepth: s.maxDepth };
}

/** The span a single run uses: the delay for echo, the length for the others. */
export function spanOf(s: PlaygroundSettings): number {
  const settings = taskSettingsOf(s);
  return settings[TASKS[s.task].span];
}

/** One training run of the chosen cell. */
export function trainingOf(s: PlaygroundSettings): SequenceTrainingOptions {
  const { kind, nonlinearity } = CELL_CHOICES[s.cell];
  return {
    kind,
    nonlinearity,
    hiddenSize: s.hiddenSize,
    numLayers: s.numLayers,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    clipNorm: s.clipNorm,
    batch: s.batch,
    steps: s.steps,
    seed: s.seed,
    // About 25 held-out scores a run: a smooth accuracy curve for little time.
    evaluateEvery: Math.max(5, Math.round(s.steps / 25)),
  };
}

export const presetNamed = (name: string): SequencePreset | undefined => SEQUENCE_PRESETS.find((p) => p.name === name);

/** `count` whole numbers from `from` to `to`, evenly spread, without repeats. */
function spread(from: number, to: number, count: number): number[] {
  if (to <= from) return [from];
  return [...new Set(Array.from({ length: count }, (_, k) => Math.round(from + ((to - from) * k) / (count - 1))))];
}

/** What a sweep trains: spans, cells and seeds, with everything else fixed. Plain values, no task object. */
export interface SweepPlan {
  task: TaskId;
  settings: TaskSettings;
  spans: number[];
  cells: CellChoice[];
  seeds: number[];
  training: Omit<SequenceTrainingOptions, 'kind' | 'nonlinearity' | 'seed' | 'evaluateEvery'>;
}

/** The sweep the settings ask for: a preset's spans and cells, or spans 1…(the chosen span) for RNN, LSTM and GRU. */
export function sweepPlanOf(s: PlaygroundSettings): SweepPlan {
  const preset = presetNamed(s.preset);
  const { hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, steps } = s;
  const seeds = Array.from({ length: s.sweepSeeds }, (_, k) => (s.seed + k) % MAX_SEED);
  const task = TASKS[s.task];
  // The adding problem needs two steps, one for each marked number.
  const shortest = s.task === 'adding' ? 2 : 1;
  const spans = preset ? [...preset.spans] : spread(shortest, spanOf(s), s.sweepPoints);
  // Every span's sequence is long enough for it: an echo's delay stays below the length.
  const settings = task.span === 'delay' ? { ...taskSettingsOf(s), length: Math.max(s.length, Math.max(...spans) + 1) } : taskSettingsOf(s);
  return { task: s.task, settings, spans, cells: preset ? [...preset.cells] : ['rnn', 'lstm', 'gru'], seeds, training: { hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, steps } };
}

/** The settings a preset sets: its task, budget and network, and a single run at one of its middle spans. */
export function applyPreset(s: PlaygroundSettings, name: string): PlaygroundSettings {
  const preset = presetNamed(name);
  if (!preset) return { ...s, preset: CUSTOM };
  const { hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, steps } = preset.training;
  const span = preset.spans[Math.floor(preset.spans.length / 2)];
  const task = TASKS[preset.task];
  const settings = { ...preset.settings, [task.span]: span };
  return { ...s, preset: name, task: preset.task, ...settings, hiddenSize, numLayers, optimizer, learningRate, clipNorm, batch, steps };
}
