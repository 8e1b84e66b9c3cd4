/**
 * One fixed example sequence through a playground model, step by step, with everything a figure shows of
 * it: what went in, what should come out, what the model answered (and whether that was right), and the
 * top layer's hidden state, and for gated cells its gates and cell state, at every step. Plain numbers
 * and strings only, so it can cross a worker boundary.
 */
import { getCell } from '../cells';
import type { CellState } from '../cells/types';
import { TRACED } from '../figures/gateTrace';
import { matMul } from '../fast/linalg';
import { forwardDirection } from '../layer/sequence';
import { mulberry32 } from '../random';
import type { ReaderMessage } from '../readerMessage';
import { readTree } from '../runtime/readback';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';
import { makeBatch } from './batches';
import { ECHO_SYMBOLS } from './generators';
import type { SequenceModel } from './model';
import type { SequenceBatch, SequenceTask, TaskId, TaskSettings } from './types';

/** The example is the same sequence for every run and seed, so a reader can watch one model learn it. */
const EXAMPLE_SEED = 20_240_607;

/** What a figure prints for a symbol or value: the text itself, or a word the interface says in its language. */
export type ExampleSymbol = string | ReaderMessage;

/** One time step of the example, as a figure prints it. */
export interface ExampleStep {
  /** the input symbol or value, e.g. "C", "(", "0.37" */
  input: string;
  /** adding problem: this step's number is one of the two to add */
  marked: boolean;
  /** the answer due at this step, e.g. "C" or "odd", or null where nothing is scored */
  target: ExampleSymbol | null;
  /** the model's answer at a scored step, or null where nothing is scored */
  prediction: ExampleSymbol | null;
  /** whether the answer was right; null where nothing is scored */
  correct: boolean | null;
}

export interface ExampleTrace {
  /** T entries */
  steps: ExampleStep[];
  /**
   * The top layer's traced quantities at every step, each [T][H]: `h` always; for an LSTM also the gates
   * `i`, `f`, `o`, the candidate `g` and the cell state `c`; for a GRU the gates `r`, `z` and candidate `n`.
   */
  states: Record<string, number[][]>;
  /** fraction of the example's scored steps answered right */
  accuracy: number;
}

/** The fixed example sequence of `task` at these settings: inputs [T, 1, I], targets [T, 1]. */
export function exampleSequence(task: SequenceTask, settings: TaskSettings): SequenceBatch {
  return makeBatch(task, settings, 1, mulberry32(EXAMPLE_SEED));
}

const ECHO_NAMES = 'ABCDEFGHIJKLMNOP'.slice(0, ECHO_SYMBOLS);
const twoDecimals = (value: number) => value.toFixed(2);
/** Parity's answers are words; the same objects every time, so answers compare as the strings do. */
const ODD: ReaderMessage = { key: 'sequencePlayground:parityOdd' };
const EVEN: ReaderMessage = { key: 'sequencePlayground:parityEven' };

/** How each task writes its inputs and answers: a symbol or word for a class, two decimals for a value. */
const LABELS: Readonly<Record<TaskId, { input: (x: Float32Array) => string; answer: (value: number) => ExampleSymbol }>> = {
  echo: { input: (x) => ECHO_NAMES[x.indexOf(1)], answer: (k) => ECHO_NAMES[k] },
  parity: { input: (x) => (x[1] === 1 ? '1' : '0'), answer: (k) => (k === 1 ? ODD : EVEN) },
  parentheses: { input: (x) => (x[0] === 1 ? '(' : ')'), answer: String },
  adding: { input: (x) => twoDecimals(x[0]), answer: twoDecimals },
};

/**
 * Forward through every layer one cell step at a time, keeping the top layer's traced quantities, and the
 * head's answers at every step.
 * @returns each traced quantity [T, H] and the answers [T, outputSize]
 */
function traceTensors(model: SequenceModel, example: SequenceBatch) {
  const { kind, nonlinearity, hiddenSize, numLayers } = model.config;
  const cell = getCell(kind, nonlinearity);
  const T = example.steps;
  let input2d = tf.tensor2d(example.inputs, [T, example.inputSize]);
  let steps: ReturnType<typeof forwardDirection>['cache']['steps'] = [];
  for (let l = 0; l < numLayers; l++) {
    const zeros = () => tf.zeros([1, hiddenSize]) as tf.Tensor2D;
    const initial: CellState = kind === 'LSTM' ? { h: zeros(), c: zeros() } : { h: zeros() };
    const run = forwardDirection(cell, model.layer.cellParams(l, 0), input2d, T, initial, false);
    input2d = tf.concat(run.hs, 0);
    steps = run.cache.steps;
  }
  const states = Object.fromEntries(TRACED[kind].map((name) => [name, tf.concat(steps.map((s) => s.values[name]), 0)]));
  const head = model.variables;
  const answers = matMul(input2d, head['fc.weight'] as tf.Tensor2D, false, true, [head['fc.bias'] as tf.Tensor1D]);
  const chosen = model.config.objective === 'classification' ? tf.argMax(answers, 1) : tf.reshape(answers, [-1]);
  return { states, chosen };
}

/**
 * The example through `model` as it is now: inputs, targets, answers and states at every step. Leaves no
 * tensor behind.
 * @param example a batch of one sequence (inputs [T, 1, I]); by default `exampleSequence(task, settings)`
 */
export async function exampleTrace(model: SequenceModel, task: SequenceTask, settings: TaskSettings, example = exampleSequence(task, settings)): Promise<ExampleTrace> {
  if (example.batch !== 1) throw new Error(`an example is one sequence, got a batch of ${example.batch}`);
  const tensors = tidyResult(() => traceTensors(model, example));
  let numbers;
  try {
    numbers = await readTree(tensors);
  } finally {
    tf.dispose([...Object.values(tensors.states), tensors.chosen]);
  }
  const chosen = numbers.chosen as number[];
  const labels = LABELS[task.id];
  const I = example.inputSize;
  const steps: ExampleStep[] = chosen.map((answer, t) => {
    const x = example.inputs.subarray(t * I, (t + 1) * I);
    const scored = t >= example.scoredFrom;
    const target = example.targets[t];
    const correct = !scored ? null : task.objective === 'classification' ? answer === target : Math.abs(answer - target) < (task.tolerance ?? 0);
    return {
      input: labels.input(x),
      marked: task.id === 'adding' && x[1] === 1,
      target: scored ? labels.answer(target) : null,
      prediction: scored ? labels.answer(answer) : null,
      correct,
    };
  });
  const judged = steps.filter((s) => s.correct !== null);
  return {
    steps,
    states: numbers.states as Record<string, number[][]>,
    accuracy: judged.length ? judged.filter((s) => s.correct).length / judged.length : 0,
  };
}
