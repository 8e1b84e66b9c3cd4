/**
 * Settings for the sequence playground where each cell's limits show clearly, found by running the sweep
 * (`npm run memory -- --preset NAME`) and kept with what the numbers showed.
 */
import type { CellChoice, SweepOptions } from './sweep';
import type { TaskId, TaskSettings } from './types';

export interface SequencePreset {
  /** Short name for the command line and stored settings. */
  name: string;
  title: string;
  task: TaskId;
  /** The task's settings besides the span the sweep turns. */
  settings: TaskSettings;
  /** Values of the task's span (the delay for echo, the length otherwise). */
  spans: readonly number[];
  cells: readonly CellChoice[];
  training: SweepOptions['training'];
  /** What the sweep shows at these settings, from the measured numbers. */
  shows: string;
}

export const SEQUENCE_PRESETS: readonly SequencePreset[] = [];

/** The preset called `name`; throws on a name that is not one. */
export function presetByName(name: string): SequencePreset {
  const preset = SEQUENCE_PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`There is no preset called "${name}"; the presets are ${SEQUENCE_PRESETS.map((p) => p.name).join(', ')}`);
  return preset;
}
