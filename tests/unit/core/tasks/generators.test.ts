/** The four task generators: hand-checked small cases, masks, validation, and determinism from a seed. */
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../../../src/core/random';
import { ReaderError } from '../../../../src/core/readerMessage';
import * as tf from '../../../../src/core/runtime/tf';
import {
  ADDING,
  batchTensors,
  DEFAULT_TASK_SETTINGS,
  ECHO,
  evaluationBatch,
  makeBatch,
  PARENTHESES,
  PARITY,
  taskById,
  TASKS,
  trainingBatches,
  type SequenceBatch,
} from '../../../../src/core/tasks';
import { readerText } from '../../../../src/i18n/readerText';

/** What `action` throws, as an English reader reads it. */
function problemOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return readerText(error, 'en');
  }
  throw new Error('nothing was thrown');
}

/** A stream that returns the given draws in order, so a sequence can be worked out by hand. */
function scripted(draws: number[]): Rng {
  let k = 0;
  return {
    next() {
      if (k >= draws.length) throw new Error('the script ran out of draws');
      return draws[k++];
    },
  };
}

/** Row 0's one-hot inputs as symbol indices, time step by time step. */
const symbolsOf = (batch: SequenceBatch) =>
  Array.from({ length: batch.steps }, (_, t) => {
    const row = Array.from(batch.inputs.subarray(t * batch.batch * batch.inputSize, (t * batch.batch + 1) * batch.inputSize));
    return row.indexOf(1);
  });

describe('the generators, by hand', () => {
  it('echo: the target at t is the symbol at t − d, scored from t = d', () => {
    const batch = makeBatch(ECHO, { ...DEFAULT_TASK_SETTINGS, length: 5, delay: 2 }, 1, scripted([0.1, 0.3, 0.6, 0.9, 0.5]));
    expect(symbolsOf(batch)).toEqual([0, 1, 2, 3, 2]);
    expect(Array.from(batch.targets)).toEqual([0, 0, 0, 1, 2]);
    expect(Array.from(batch.mask)).toEqual([0, 0, 1, 1, 1]);
    expect(batch.scoredFrom).toBe(2);
  });

  it('running parity: the parity of the 1s so far, every step scored', () => {
    const batch = makeBatch(PARITY, { ...DEFAULT_TASK_SETTINGS, length: 5 }, 1, scripted([0.7, 0.2, 0.9, 0.9, 0.4]));
    expect(symbolsOf(batch)).toEqual([1, 0, 1, 1, 0]);
    expect(Array.from(batch.targets)).toEqual([1, 1, 0, 1, 1]);
    expect(Array.from(batch.mask)).toEqual([1, 1, 1, 1, 1]);
  });

  it('adding: one mark in each half, the sum at the last step only', () => {
    // Draws: the first mark's step (of 0, 1), the second's (of 2, 3), then the four values.
    const batch = makeBatch(ADDING, { ...DEFAULT_TASK_SETTINGS, length: 4 }, 1, scripted([0.6, 0.2, 0.25, 0.5, 0.75, 0.125]));
    expect(Array.from(batch.inputs)).toEqual([0.25, 0, 0.5, 1, 0.75, 1, 0.125, 0]);
    expect(Array.from(batch.targets)).toEqual([0, 0, 0, 1.25]);
    expect(Array.from(batch.mask)).toEqual([0, 0, 0, 1]);
  });

  it('parentheses: forced to open at 0 and to close at the deepest, the depth as the class', () => {
    // Only steps with a choice draw: at depth 1 (0.2 → open) and at depth 1 again (0.7 → close).
    const batch = makeBatch(PARENTHESES, { ...DEFAULT_TASK_SETTINGS, length: 5, maxDepth: 2 }, 1, scripted([0.2, 0.7]));
    expect(symbolsOf(batch)).toEqual([0, 0, 1, 1, 0]);
    expect(Array.from(batch.targets)).toEqual([1, 2, 1, 0, 1]);
    expect(PARENTHESES.outputSize({ ...DEFAULT_TASK_SETTINGS, maxDepth: 2 })).toBe(3);
  });

  it('rows of a batch sit side by side in time-major order', () => {
    const batch = makeBatch(PARITY, { ...DEFAULT_TASK_SETTINGS, length: 2 }, 2, scripted([0.7, 0.7, 0.2, 0.2]));
    // Row 0 draws bits 1, 1; row 1 draws 0, 0: inputs [T=2, B=2, 2].
    expect(Array.from(batch.inputs)).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
    expect(Array.from(batch.targets)).toEqual([1, 0, 0, 0]);
  });
});

describe('the generators, at scale', () => {
  const settings = { length: 40, delay: 7, maxDepth: 3 };

  it.each(Object.keys(TASKS))('%s: the same seed gives the same batches, another seed others', (id) => {
    const task = taskById(id);
    const [a, b, c] = [0, 0, 1].map((seed) => trainingBatches(task, settings, 8, seed));
    const [first, again, other] = [a.next().value, b.next().value, c.next().value];
    expect(again).toEqual(first);
    expect(other.inputs).not.toEqual(first.inputs);
    // The stream goes on to new sequences.
    expect(a.next().value.inputs).not.toEqual(first.inputs);
    expect(evaluationBatch(task, settings)).toEqual(evaluationBatch(task, settings));
  });

  it('echo targets are the inputs shifted by the delay; parity and depth follow the inputs', () => {
    const echo = trainingBatches(ECHO, settings, 16, 3).next().value as SequenceBatch;
    for (let row = 0; row < 16; row++) {
      for (let t = settings.delay; t < settings.length; t++) {
        const at = ((t - settings.delay) * 16 + row) * 4;
        expect(echo.inputs[at + echo.targets[t * 16 + row]]).toBe(1);
      }
    }
    const parentheses = evaluationBatch(PARENTHESES, settings, 32);
    for (let row = 0; row < 32; row++) {
      let depth = 0;
      for (let t = 0; t < settings.length; t++) {
        depth += parentheses.inputs[(t * 32 + row) * 2] === 1 ? 1 : -1;
        expect(depth).toBeGreaterThanOrEqual(0);
        expect(depth).toBeLessThanOrEqual(settings.maxDepth);
        expect(parentheses.targets[t * 32 + row]).toBe(depth);
      }
    }
    const adding = evaluationBatch(ADDING, settings, 32);
    for (let row = 0; row < 32; row++) {
      const marked = [];
      for (let t = 0; t < settings.length; t++) if (adding.inputs[(t * 32 + row) * 2 + 1] === 1) marked.push(t);
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(20);
      expect(marked[1]).toBeGreaterThanOrEqual(20);
      const sum = marked.reduce((s, t) => s + adding.inputs[(t * 32 + row) * 2], 0);
      expect(adding.targets[(settings.length - 1) * 32 + row]).toBeCloseTo(sum, 6);
    }
  });

  it('every task states what must be remembered, in every edition', () => {
    for (const task of Object.values(TASKS)) {
      expect(readerText(task.statement, 'en').length).toBeGreaterThan(20);
      expect(readerText(task.statement, 'zh')).not.toBe(readerText(task.statement, 'en'));
      expect(readerText(task.title, 'zh')).not.toBe(task.title.key);
    }
  });
});

describe('settings and tensors', () => {
  it('rejects settings that make no sense, in the reader\'s terms', () => {
    const echo = () => makeBatch(ECHO, { ...DEFAULT_TASK_SETTINGS, length: 5, delay: 5 }, 1, { next: Math.random });
    expect(echo).toThrow(ReaderError);
    expect(problemOf(echo)).toBe('The delay d (5) must be shorter than the sequence (5 steps), or nothing is scored');
    expect(problemOf(() => makeBatch(ADDING, { ...DEFAULT_TASK_SETTINGS, length: 1 }, 1, { next: Math.random }))).toMatch(/at least 2 steps/);
    expect(() => makeBatch(PARITY, { ...DEFAULT_TASK_SETTINGS, length: 2.5 }, 1, { next: Math.random })).toThrow(/whole number/);
    expect(() => taskById('copy')).toThrow(/no task called "copy"/);
  });

  it('batchTensors: [T, B, I] inputs, [T, B] targets (int32 classes, float32 values) and mask', () => {
    const start = tf.memory().numTensors;
    for (const task of [ECHO, ADDING]) {
      const batch = evaluationBatch(task, DEFAULT_TASK_SETTINGS, 3);
      const tensors = batchTensors(batch);
      expect(tensors.inputs.shape).toEqual([30, 3, task.inputSize]);
      expect(tensors.targets.shape).toEqual([30, 3]);
      expect(tensors.targets.dtype).toBe(task === ECHO ? 'int32' : 'float32');
      expect(tensors.mask.shape).toEqual([30, 3]);
      tf.dispose(Object.values(tensors));
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
