/**
 * The four sequence tasks of the playground, each a seeded generator of inputs and per-step targets.
 * Inputs are one-hot symbols (or, for the adding problem, a value and a marker); targets are what the
 * network must output at each scored step. Every sequence is independent of the others in its batch.
 */
import { randomInt } from '../random';
import { ReaderError } from '../readerMessage';
import type { SequenceTask, TaskId } from './types';
import { positiveInteger } from '../layer/layerConfig';

/** Symbols the echo task draws from: enough that guessing is clearly worse than remembering (chance 1/4). */
export const ECHO_SYMBOLS = 4;

/**
 * Delayed echo: a stream of random symbols; at step t the output is the symbol seen at t − delay.
 * Steps before t = delay have nothing to echo yet, so they are not scored.
 * Inputs one-hot [T, B, 4]; targets classes 0…3.
 */
export const ECHO: SequenceTask = {
  id: 'echo',
  title: { key: 'sequencePlayground:taskEcho' },
  statement: { key: 'sequencePlayground:taskEchoStatement' },
  objective: 'classification',
  chanceAccuracy: () => 1 / ECHO_SYMBOLS,
  inputSize: ECHO_SYMBOLS,
  outputSize: () => ECHO_SYMBOLS,
  span: 'delay',
  scoredFrom: (settings) => settings.delay,
  validate({ length, delay }) {
    positiveInteger(length, 'The sequence length');
    positiveInteger(delay, 'The delay d');
    if (delay >= length) throw new ReaderError({ key: 'sequencePlayground:echoDelayTooLong', values: { delay, length } });
  },
  fillSequence(rng, { length, delay }, { inputs, targets, batch, row }) {
    const symbols = new Int32Array(length);
    for (let t = 0; t < length; t++) {
      symbols[t] = randomInt(rng, ECHO_SYMBOLS);
      inputs[(t * batch + row) * ECHO_SYMBOLS + symbols[t]] = 1;
      if (t >= delay) targets[t * batch + row] = symbols[t - delay];
    }
  },
};

/**
 * Running parity: a stream of random bits; at every step the output is whether the number of 1s so far
 * is odd. Inputs one-hot [T, B, 2]; targets classes 0 (even) and 1 (odd); every step scored.
 */
export const PARITY: SequenceTask = {
  id: 'parity',
  title: { key: 'sequencePlayground:taskParity' },
  statement: { key: 'sequencePlayground:taskParityStatement' },
  objective: 'classification',
  chanceAccuracy: () => 0.5,
  inputSize: 2,
  outputSize: () => 2,
  span: 'length',
  scoredFrom: () => 0,
  validate({ length }) {
    positiveInteger(length, 'The sequence length');
  },
  fillSequence(rng, { length }, { inputs, targets, batch, row }) {
    let parity = 0;
    for (let t = 0; t < length; t++) {
      const bit = randomInt(rng, 2);
      parity ^= bit;
      inputs[(t * batch + row) * 2 + bit] = 1;
      targets[t * batch + row] = parity;
    }
  },
};

/** |prediction − target| below this counts as right, the criterion of Hochreiter & Schmidhuber (1997). */
export const ADDING_TOLERANCE = 0.04;

/**
 * The adding problem: each step brings a value from U(0, 1) and a marker bit; exactly two steps are
 * marked, one in each half of the sequence. At the last step the output is the sum of the two marked
 * values. Inputs [T, B, 2] (value, marker); target a value in [0, 2) at the last step only.
 */
export const ADDING: SequenceTask = {
  id: 'adding',
  title: { key: 'sequencePlayground:taskAdding' },
  statement: { key: 'sequencePlayground:taskAddingStatement' },
  objective: 'regression',
  tolerance: ADDING_TOLERANCE,
  // Always answering 1 (the mean sum) is right when the sum lies within the tolerance of 1.
  chanceAccuracy: () => 1 - (1 - ADDING_TOLERANCE) ** 2,
  inputSize: 2,
  outputSize: () => 1,
  span: 'length',
  scoredFrom: (settings) => settings.length - 1,
  validate({ length }) {
    positiveInteger(length, 'The sequence length');
    if (length < 2) throw new ReaderError({ key: 'sequencePlayground:addingTooShort' });
  },
  fillSequence(rng, { length }, { inputs, targets, batch, row }) {
    const half = Math.floor(length / 2);
    const first = randomInt(rng, half);
    const second = half + randomInt(rng, length - half);
    let sum = 0;
    for (let t = 0; t < length; t++) {
      const value = rng.next();
      const at = (t * batch + row) * 2;
      inputs[at] = value;
      if (t === first || t === second) {
        inputs[at + 1] = 1;
        sum += Math.fround(value);
      }
    }
    targets[(length - 1) * batch + row] = sum;
  },
};

/**
 * Balanced parentheses: a stream of '(' and ')' that never closes more than it opened and never nests
 * deeper than maxDepth (at depth 0 it must open, at maxDepth it must close, otherwise either, evenly).
 * At every step the output is the depth so far. Inputs one-hot [T, B, 2] ('(' then ')'); targets
 * classes 0…maxDepth; every step scored.
 */
export const PARENTHESES: SequenceTask = {
  id: 'parentheses',
  title: { key: 'sequencePlayground:taskParentheses' },
  statement: { key: 'sequencePlayground:taskParenthesesStatement' },
  objective: 'classification',
  // In the long run the walk spends 1/maxDepth of its steps at each inner depth and half that at the ends.
  chanceAccuracy: ({ maxDepth }) => (maxDepth <= 1 ? 0.5 : 1 / maxDepth),
  inputSize: 2,
  outputSize: (settings) => settings.maxDepth + 1,
  span: 'length',
  scoredFrom: () => 0,
  validate({ length, maxDepth }) {
    positiveInteger(length, 'The sequence length');
    positiveInteger(maxDepth, 'The deepest nesting');
  },
  fillSequence(rng, { length, maxDepth }, { inputs, targets, batch, row }) {
    let depth = 0;
    for (let t = 0; t < length; t++) {
      const open = depth === 0 || (depth < maxDepth && randomInt(rng, 2) === 0);
      depth += open ? 1 : -1;
      inputs[(t * batch + row) * 2 + (open ? 0 : 1)] = 1;
      targets[t * batch + row] = depth;
    }
  },
};

/** Every task, by id, in the order the playground lists them. */
export const TASKS: Readonly<Record<TaskId, SequenceTask>> = { echo: ECHO, parity: PARITY, adding: ADDING, parentheses: PARENTHESES };

/** The task called `id`; throws on a name that is not one. */
export function taskById(id: string): SequenceTask {
  if (!Object.hasOwn(TASKS, id)) throw new Error(`There is no task called "${id}"; the tasks are ${Object.keys(TASKS).join(', ')}`);
  return TASKS[id as TaskId];
}
