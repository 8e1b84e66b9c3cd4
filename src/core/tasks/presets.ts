/**
 * Settings for the sequence playground where each cell's limits show clearly, found by running the sweep
 * (`npm run memory -- --preset NAME`) and kept with what the numbers showed.
 */
import type { ReaderMessage } from '../readerMessage';
import type { CellChoice, SweepOptions } from './sweep';
import type { TaskId, TaskSettings } from './types';

export interface SequencePreset {
  /** Short name for the command line and stored settings. */
  name: string;
  /** Its name for readers, in the preset menu. */
  title: ReaderMessage;
  task: TaskId;
  /** The task's settings besides the span the sweep turns. */
  settings: TaskSettings;
  /** Values of the task's span (the delay for echo, the length otherwise). */
  spans: readonly number[];
  cells: readonly CellChoice[];
  training: SweepOptions['training'];
  /** What the sweep shows at these settings, from the measured numbers: a note for the book's authors, not shown. */
  shows: string;
}

/** The playground's defaults for every run of a preset: a small net, Adam, clipping at 1. */
const SMALL_NET = { hiddenSize: 16, numLayers: 1, optimizer: 'adam', learningRate: 0.01, clipNorm: 1, batch: 32 } as const;

export const SEQUENCE_PRESETS: readonly SequencePreset[] = [
  {
    name: 'echo-short-budget',
    title: { key: 'sequencePlayground:presetEchoShortBudget' },
    task: 'echo',
    settings: { length: 50, delay: 1, maxDepth: 4 },
    spans: [1, 5, 10, 20, 40],
    cells: ['rnn', 'lstm', 'gru'],
    training: { ...SMALL_NET, steps: 300 },
    shows:
      'With 300 steps every cell echoes perfectly up to a delay of 5; at a delay of 10 the tanh RNN is clearly ahead ' +
      '(about 0.85–0.9 against 0.6 for LSTM and GRU): at this budget more gates do not mean more memory; from a delay of 20 every cell is at chance (0.25): the budget, not the cell, is the limit here.',
  },
  {
    name: 'echo-longer-budget',
    title: { key: 'sequencePlayground:presetEchoLongerBudget' },
    task: 'echo',
    settings: { length: 25, delay: 1, maxDepth: 4 },
    spans: [10, 15],
    cells: ['rnn', 'lstm', 'gru'],
    training: { ...SMALL_NET, steps: 1000 },
    shows:
      'With 1000 steps the tanh RNN is almost perfect at a delay of 10 (0.98) while LSTM and GRU reach about 0.7; at a ' +
      'delay of 15 the RNN and the GRU get about half right and the LSTM is still at chance (0.25): at hidden size 16 ' +
      'and this budget the LSTM is the slowest to start, not the first to remember.',
  },
  {
    name: 'adding-gru-first',
    title: { key: 'sequencePlayground:presetAddingGruFirst' },
    task: 'adding',
    settings: { length: 10, delay: 1, maxDepth: 4 },
    spans: [10, 30, 60],
    cells: ['rnn', 'lstm', 'gru'],
    training: { ...SMALL_NET, steps: 300 },
    shows:
      'In 300 steps the tanh RNN never beats always answering 1 (about 0.08 of sums within 0.04) and the LSTM only ' +
      'starts at length 10 (about 0.25), while the GRU gets about 0.8 at length 10, 0.6 at 30 and still 0.35 at 60: its ' +
      'update gate keeps the first marked number with little training.',
  },
];

/** The preset called `name`; throws on a name that is not one. */
export function presetByName(name: string): SequencePreset {
  const preset = SEQUENCE_PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`There is no preset called "${name}"; the presets are ${SEQUENCE_PRESETS.map((p) => p.name).join(', ')}`);
  return preset;
}
