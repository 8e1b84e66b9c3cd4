/**
 * Checks the whole-sequence fast path (src/core/layer/direction.ts) against the cells' step-by-step path:
 * `forwardStep` over time, then `backwardStep` back through it, summing each step's parameter gradients.
 */
import { expect } from 'vitest';
import { getCell } from '../../../src/core/cells';
import type { CellKind, CellParams, CellState, Nonlinearity, StepCache } from '../../../src/core/cells/types';
import { backwardSequence, cacheTensors, forwardSequence } from '../../../src/core/layer/direction';
import type { Recurrence } from '../../../src/core/recurrence/recurrence';
import { CharModel, type TokenBatch } from '../../../src/core/model/model';
import * as tf from '../../../src/core/runtime/tf';
import { tidyResult } from '../../../src/core/runtime/tidy';
import { expectClose, randomParams, read, type Nested } from './helpers';

export interface FastCase {
  kind: CellKind;
  nonlinearity: Nonlinearity;
  bias: boolean;
  reverse: boolean;
  /** T steps, B batch, I input size, H hidden size */
  sizes: [number, number, number, number];
}

/** The step path: outputs [T, B, H] in time order, final state, and every gradient. */
function stepPath(c: FastCase, p: CellParams, x: tf.Tensor3D, initial: CellState, dOut: tf.Tensor3D, dFinal: CellState) {
  const cell = getCell(c.kind, c.nonlinearity);
  const xs = tf.unstack(x) as tf.Tensor2D[];
  const dOuts = tf.unstack(dOut) as tf.Tensor2D[];
  const order = xs.map((_, k) => (c.reverse ? xs.length - 1 - k : k));
  const caches: StepCache[] = [];
  const outputs: tf.Tensor2D[] = [];
  let state = initial;
  for (const t of order) {
    const step = cell.forwardStep(p, xs[t], state);
    [caches[t], outputs[t], state] = [step.cache, step.state.h, step.state];
  }
  const sums: Partial<Record<keyof CellParams, tf.Tensor>> = {};
  const dInput: tf.Tensor2D[] = [];
  let d: CellState = dFinal;
  for (const t of [...order].reverse()) {
    const g = cell.backwardStep(p, caches[t], d.c ? { h: tf.add(d.h, dOuts[t]), c: d.c } : { h: tf.add(d.h, dOuts[t]) });
    for (const name of Object.keys(g.dParams) as (keyof CellParams)[]) {
      const grad = g.dParams[name];
      const sum = sums[name];
      if (grad) sums[name] = sum ? tf.add(sum, grad) : grad;
    }
    [dInput[t], d] = [g.dx, g.dStatePrev];
  }
  return { output: tf.stack(outputs), final: state, dInput: tf.stack(dInput), dInitial: d, dParams: sums };
}

/** Runs both paths on seeded random inputs and expects every output and gradient to agree to 1e-5. */
export async function expectFastMatchesSteps(c: FastCase, recurrence?: Recurrence): Promise<void> {
  const [T, B, I, H] = c.sizes;
  const { tensors: p } = randomParams(c.kind, I, H, c.bias, 11);
  const random = (shape: number[], seed: number) => tf.tidy(() => tf.randomUniform(shape, -1, 1, 'float32', seed));
  const x = random([T, B, I], 1) as tf.Tensor3D;
  const h0 = random([B, H], 2) as tf.Tensor2D;
  const c0 = c.kind === 'LSTM' ? (random([B, H], 3) as tf.Tensor2D) : undefined;
  const dOut = random([T, B, H], 4) as tf.Tensor3D;
  const dhN = random([B, H], 5) as tf.Tensor2D;
  const dcN = c0 ? (random([B, H], 6) as tf.Tensor2D) : undefined;
  const initial: CellState = c0 ? { h: h0, c: c0 } : { h: h0 };
  const dFinal: CellState = dcN ? { h: dhN, c: dcN } : { h: dhN };
  const before = tf.memory().numTensors;
  const { fast, grads } = tidyResult(() => {
    // The cache owns its initial state, as the layer's own unstacked h0/c0.
    const owned: CellState = c0 ? { h: tf.clone(h0), c: tf.clone(c0) } : { h: tf.clone(h0) };
    const run = forwardSequence(c.kind, c.nonlinearity, p, x, owned, c.reverse, 'train', { recurrence });
    const cache = run.cache as NonNullable<typeof run.cache>;
    const g = backwardSequence(p, cache, dOut, dFinal);
    tf.dispose(cacheTensors(cache));
    return { fast: { output: run.output, final: run.final }, grads: g };
  });
  const want = tidyResult(() => stepPath(c, p, x, initial, dOut, dFinal));
  expectClose(await read(fast.output), await read(want.output), 'output');
  expectClose(await read(fast.final.h), await read(want.final.h), 'h_n');
  if (c0) expectClose(await read(fast.final.c), await read(want.final.c), 'c_n');
  expectClose(await read(grads.dInput), await read(want.dInput), 'dInput');
  expectClose(await read(grads.dInitial.h), await read(want.dInitial.h), 'dh0');
  if (c0) expectClose(await read(grads.dInitial.c), await read(want.dInitial.c), 'dc0');
  const names: (keyof CellParams)[] = ['weightIh', 'weightHh', ...(c.bias ? (['biasIh', 'biasHh'] as const) : [])];
  for (const name of names) {
    expectClose(await read(grads.dParams[name]), await read(want.dParams[name]), name);
  }
  if (!c.bias) expect([grads.dParams.biasIh, grads.dParams.biasHh]).toEqual([null, null]);
  tf.dispose([fast.output, fast.final.h, fast.final.c ?? [], grads.dInput ?? [], grads.dInitial.h, grads.dInitial.c ?? [], Object.values(grads.dParams).filter((t) => t !== null)]);
  tf.dispose([want.output, want.final.h, want.final.c ?? [], want.dInput, want.dInitial.h, want.dInitial.c ?? [], Object.values(want.dParams) as tf.Tensor[]]);
  expect(tf.memory().numTensors, 'nothing leaks').toBe(before);
  tf.dispose([x, h0, c0 ?? [], dOut, dhN, dcN ?? [], Object.values(p).filter((t) => t !== null)]);
}

/** Every kind and option the fast path has to get right, at small sizes. */
export const FAST_CASES: FastCase[] = [
  { kind: 'RNN', nonlinearity: 'tanh', bias: true, reverse: false, sizes: [5, 3, 4, 6] },
  { kind: 'RNN', nonlinearity: 'relu', bias: false, reverse: true, sizes: [4, 2, 3, 5] },
  { kind: 'LSTM', nonlinearity: 'tanh', bias: true, reverse: false, sizes: [6, 3, 4, 5] },
  { kind: 'LSTM', nonlinearity: 'tanh', bias: false, reverse: true, sizes: [1, 2, 3, 7] },
  { kind: 'GRU', nonlinearity: 'tanh', bias: true, reverse: true, sizes: [5, 2, 3, 6] },
  { kind: 'GRU', nonlinearity: 'tanh', bias: false, reverse: false, sizes: [3, 5, 2, 9] },
];

/** Character models that exercise one-hot and embedded inputs, batch-first layouts and both WASM paths. */
export const MODEL_CASES = [
  ['LSTM, one-hot input, hidden 40', { kind: 'LSTM', embeddingSize: 0, hiddenSize: 40 }],
  ['GRU, embedding, hidden 8', { kind: 'GRU', embeddingSize: 5, hiddenSize: 8 }],
] as const;

/** A character model's loss and every gradient on `backend` equal the CPU backend's (1e-5). */
export async function expectModelMatchesCpu(backend: string, config: (typeof MODEL_CASES)[number][1]): Promise<void> {
  const batch: TokenBatch = { inputs: Int32Array.from({ length: 12 }, (_v, k) => (k * 5) % 7), targets: Int32Array.from({ length: 12 }, (_v, k) => (k * 3) % 7), batch: 3, steps: 4 };
  const run = async (name: string): Promise<Record<string, Nested>> => {
    await tf.setBackend(name);
    const model = CharModel.create({ vocabSize: 7, numLayers: 1, head: true, reduction: 'mean', ...config }, 4);
    const { loss, gradients } = model.lossAndGradients(batch);
    const values = { loss: await read(loss), ...Object.fromEntries(await Promise.all(Object.entries(gradients).map(async ([name, g]) => [name, await read(g)]))) };
    tf.dispose([loss, ...Object.values(gradients)]);
    model.dispose();
    return values;
  };
  const want = await run('cpu');
  const got = await run(backend);
  for (const [name, value] of Object.entries(want)) expectClose(got[name], value, name);
}
