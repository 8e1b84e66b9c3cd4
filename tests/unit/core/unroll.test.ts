/**
 * The unroll recorder: its cursor, and that BPTT stepped from t = T−1 down to 0 accumulates exactly the
 * gradients of the whole sequence (against the layer's backward and against autodiff), with truncation and
 * clipping.
 */
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/core/cells';
import type { CellKind, CellParams, CellState } from '../../../src/core/cells/types';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import { mulberry32 } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';
import { OUTPUT_BIAS, OUTPUT_WEIGHT, UnrollRecorder, type ParamValues, type UnrollOptions } from '../../../src/core/unroll/unroll';
import { expectClose, flat, randomMatrix, read } from './helpers';

const T = 6;
const I = 3;
const H = 4;
const inputs = randomMatrix(mulberry32(1), T, I);
const upstream = randomMatrix(mulberry32(2), T, H);
const targets = [0, 2, 1, 1, 0, 2];

/** Creates a recorder and checks that it left no tensor behind. */
async function record(options: UnrollOptions) {
  const before = tf.memory().numTensors;
  const rec = await UnrollRecorder.create(options);
  expect(tf.memory().numTensors).toBe(before);
  return rec;
}

/**
 * Autodiff of the same loss, cutting the state's gradient every `truncation` steps, for the named
 * parameters of a recorder's snapshot (cell and output layer).
 */
async function autodiffGradients(kind: CellKind, params: Record<string, ParamValues>, truncation?: number) {
  const names = Object.keys(params);
  const values = names.map((n) => tf.tensor(params[n] as number[][]));
  const detach = tf.customGrad((...args) => ({
    value: tf.clone(args[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  }));
  const grads = tf.grads((...args: tf.Tensor[]) => {
    const p = Object.fromEntries(names.map((n, k) => [n, args[k]]));
    const cellParams: CellParams = {
      weightIh: p.weight_ih_l0 as tf.Tensor2D,
      weightHh: p.weight_hh_l0 as tf.Tensor2D,
      biasIh: p.bias_ih_l0 as tf.Tensor1D,
      biasHh: p.bias_hh_l0 as tf.Tensor1D,
    };
    const cell = getCell(kind);
    let state: CellState = kind === 'LSTM' ? { h: tf.zeros([1, H]), c: tf.zeros([1, H]) } : { h: tf.zeros([1, H]) };
    let loss: tf.Tensor = tf.scalar(0);
    inputs.forEach((x, t) => {
      if (truncation && t > 0 && t % truncation === 0) {
        state = { h: detach(state.h) as tf.Tensor2D, ...(state.c ? { c: detach(state.c) as tf.Tensor2D } : {}) };
      }
      state = cell.forwardStep(cellParams, tf.tensor2d([x]), state).state;
      const y = tf.add(tf.matMul(state.h, p[OUTPUT_WEIGHT], false, true), p[OUTPUT_BIAS]);
      loss = tf.sub(loss, tf.sum(tf.mul(tf.logSoftmax(y), tf.oneHot([targets[t]], 3).toFloat())));
    });
    return loss as tf.Scalar;
  })(values);
  const result = Object.fromEntries(await Promise.all(names.map(async (n, k) => [n, await read(grads[k])] as const)));
  tf.dispose([values, grads]);
  return result;
}

describe.each(['RNN', 'LSTM', 'GRU'] as const)('%s recorder', (kind) => {
  it('accumulates the layer backward of the whole sequence (given ∂L/∂h_t)', async () => {
    const rec = await record({ kind, inputSize: I, hiddenSize: H, inputs, seed: 4, loss: { kind: 'gradient', grads: upstream } });
    rec.seek(rec.maxPosition);
    const { gradients, params } = rec.snapshot();

    const layer = RecurrentLayer.create({ kind, inputSize: I, hiddenSize: H }, 4);
    const x = tf.tensor3d(inputs.map((r) => [r]));
    const dOutput = tf.tensor3d(upstream.map((r) => [r]));
    const run = layer.forwardWithCache(x);
    const g = layer.backward(run.cache, { dOutput });
    expect(Object.keys(gradients).sort()).toEqual(layer.parameterNames().sort());
    for (const name of layer.parameterNames()) {
      expectClose(gradients[name], await read(g.dParams[name]), name);
      expectClose(params[name], (await layer.toStateDict())[name].data, `param ${name}`);
    }
    run.cache.dispose();
    tf.dispose([x, dOutput, run.output, run.hN, run.cN ?? [], g.dInput, g.dH0, g.dC0 ?? [], Object.values(g.dParams)]);
    layer.dispose();
  });

  it.each([undefined, 2, 4])('with an output layer and cross-entropy equals autodiff (truncation %s)', async (truncation) => {
    const rec = await record({
      kind,
      inputSize: I,
      hiddenSize: H,
      inputs,
      seed: 5,
      output: { size: 3 },
      loss: { kind: 'crossEntropy', targets },
      truncation,
    });
    rec.seek(rec.maxPosition);
    const { gradients, params, backward } = rec.snapshot();
    const want = await autodiffGradients(kind, params, truncation);
    for (const name of Object.keys(params)) expectClose(gradients[name], want[name], name);
    expect(backward.map((b) => b?.cut)).toEqual(inputs.map((_, t) => !!truncation && t > 0 && t % truncation === 0));
  });
});

describe('cursor', () => {
  it('walks forward 0…T, then BPTT T−1…0, and back again', async () => {
    const rec = await record({ kind: 'GRU', inputSize: I, hiddenSize: H, inputs, output: { size: 3 }, loss: { kind: 'crossEntropy', targets } });
    expect([rec.position, rec.maxPosition, rec.length]).toEqual([0, 2 * T, T]);
    let s = rec.snapshot();
    expect([s.phase, s.activeStep, s.forward.length, s.loss]).toEqual(['forward', null, 0, 0]);
    expect(flat(Object.values(s.gradients) as number[][]).every((v) => v === 0)).toBe(true);

    const seen = [];
    while (rec.stepForward()) {
      s = rec.snapshot();
      seen.push([s.phase, s.activeStep, s.forwardCursor, s.backwardCursor]);
      // The running sum is the sum of the contributions of the steps processed so far.
      const processed = s.backward.filter((b) => b !== null);
      for (const name of Object.keys(s.gradients)) {
        const sum = processed.reduce((acc, b) => acc.map((v, k) => v + flat(b.contributions[name] as number[])[k]), flat(s.gradients[name] as number[]).map(() => 0));
        expectClose(s.gradients[name], sum, name);
      }
      for (const b of processed) {
        expectClose(b.dh, b.dhFromOutput.map((v, k) => v + b.dhFromFuture[k]), 'dh');
        expect(s.gradNorms[b.t]).toBeCloseTo(Math.hypot(...b.dh), 10);
      }
    }
    expect(seen.map(([phase, t]) => `${phase}${t}`)).toEqual([
      ...inputs.map((_, t) => `forward${t}`),
      ...inputs.map((_, t) => `backward${T - 1 - t}`),
    ]);
    expect(rec.stepForward()).toBe(false);

    const last = rec.snapshot();
    expect(last.loss).toBeCloseTo(last.forward.reduce((sum, f) => sum - Math.log(f.probs![targets[f.t]]), 0), 5);
    expect(last.backward[T - 1]?.dhFromFuture.every((v) => v === 0)).toBe(true);
    expect(last.backward[2]?.dhFromFuture).toEqual(last.backward[3]?.dhPrev);

    rec.stepBackward();
    expect(rec.snapshot().backward[0]).toBeNull();
    rec.reset();
    expect(rec.snapshot().forward).toEqual([]);
    expect(() => rec.seek(2 * T + 1)).toThrow(/position/);
    rec.dispose();
    expect(() => rec.snapshot()).toThrow(/disposed/);
  });

  it('stops at T without a loss', async () => {
    const rec = await record({ kind: 'LSTM', inputSize: I, hiddenSize: H, inputs });
    expect(rec.maxPosition).toBe(T);
    rec.seek(T);
    const s = rec.snapshot();
    expect(s.loss).toBeNull();
    expect(Object.keys(s.forward[T - 1].values).sort()).toEqual(['a', 'c', 'f', 'g', 'h', 'i', 'o', 'tanhC']);
    expect(s.forward[1].cPrev).toEqual(s.forward[0].values.c);
  });

  it('clips the final gradients by their global norm', async () => {
    const base = { kind: 'RNN', inputSize: I, hiddenSize: H, inputs, output: { size: 3 }, loss: { kind: 'crossEntropy', targets } } as const;
    const free = await record(base);
    free.seek(free.maxPosition);
    const norm = free.snapshot().globalGradNorm;
    const tight = await record({ ...base, clipNorm: norm / 4 });
    tight.seek(tight.maxPosition);
    const { clipping, gradients } = tight.snapshot();
    expect(clipping?.scale).toBeCloseTo(0.25, 10);
    const clippedNorm = Math.hypot(...Object.values(clipping!.gradients).flatMap((g) => flat(g as number[])));
    expect(clippedNorm).toBeCloseTo(norm / 4, 6);
    expectClose(flat(clipping!.gradients[OUTPUT_WEIGHT] as number[]), flat(gradients[OUTPUT_WEIGHT] as number[]).map((v) => v / 4), 'scaled');
    const loose = await record({ ...base, clipNorm: norm * 2 });
    loose.seek(loose.maxPosition);
    expect(loose.snapshot().clipping?.scale).toBe(1);
    tight.stepBackward();
    expect(tight.snapshot().clipping).toBeNull();
  });

  it('rejects inconsistent options', async () => {
    const base = { kind: 'RNN', inputSize: I, hiddenSize: H, inputs } as const;
    await expect(UnrollRecorder.create({ ...base, loss: { kind: 'crossEntropy', targets } })).rejects.toThrow(/output layer/);
    await expect(UnrollRecorder.create({ ...base, output: { size: 3 }, loss: { kind: 'crossEntropy', targets: [0, 1] } })).rejects.toThrow(/targets/);
    await expect(UnrollRecorder.create({ ...base, inputs: [[1, 2]] })).rejects.toThrow(/inputs must be 1 rows of 3/);
    await expect(UnrollRecorder.create({ ...base, params: { weight_ih_l0: [[1]] } })).rejects.toThrow(/shape/);
    await expect(UnrollRecorder.create({ ...base, truncation: 0 })).rejects.toThrow(/truncation/);
  });
});
