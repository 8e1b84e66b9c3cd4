/**
 * The analytic backward of every cell equals autodiff (`tf.grads`) of the same forward, and the tfjs
 * cells agree with the float64 reference on every intermediate and gradient.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/core/cells';
import type { CellKind, CellParams, Nonlinearity } from '../../../src/core/cells/types';
import { mulberry32 } from '../../../src/core/random';
import { getReferenceCell } from '../../../src/core/reference';
import * as tf from '../../../src/core/runtime/tf';
import { expectClose, randomMatrix, randomParams, read } from './helpers';

const VARIANTS: [CellKind, Nonlinearity][] = [
  ['RNN', 'tanh'],
  ['RNN', 'relu'],
  ['LSTM', 'tanh'],
  ['GRU', 'tanh'],
];
const B = 3;
const I = 4;
const H = 5;

function inputs(kind: CellKind, seed: number) {
  const rng = mulberry32(seed);
  return {
    x: randomMatrix(rng, B, I),
    h: randomMatrix(rng, B, H, 0.8),
    c: kind === 'LSTM' ? randomMatrix(rng, B, H, 0.8) : undefined,
    dh: randomMatrix(rng, B, H),
    dc: kind === 'LSTM' ? randomMatrix(rng, B, H) : undefined,
  };
}

const before = tf.memory().numTensors;
afterAll(() => expect(tf.memory().numTensors).toBe(before));

describe.each(VARIANTS)('%s cell (%s)', (kind, nonlinearity) => {
  const cell = getCell(kind, nonlinearity);
  const refCell = getReferenceCell(kind, nonlinearity);

  it.each([true, false])('analytic backwardStep equals tf.grads of forwardStep (bias %s)', async (bias) => {
    const { tensors: p } = randomParams(kind, I, H, bias, 11);
    const data = inputs(kind, 12);
    const x = tf.tensor2d(data.x);
    const h = tf.tensor2d(data.h);
    const c = data.c ? tf.tensor2d(data.c) : undefined;
    const dh = tf.tensor2d(data.dh);
    const dc = data.dc ? tf.tensor2d(data.dc) : undefined;

    const { cache } = cell.forwardStep(p, x, c ? { h, c } : { h });
    const analytic = cell.backwardStep(p, cache, dc ? { h: dh, c: dc } : { h: dh });

    // Autodiff of L = Σ h_t ⊙ dh + Σ c_t ⊙ dc with respect to every input of the step.
    const wrt: tf.Tensor[] = [x, h, ...(c ? [c] : []), p.weightIh, p.weightHh, ...(bias ? [p.biasIh!, p.biasHh!] : [])];
    const autodiff = tf.grads((...args: tf.Tensor[]) => {
      let k = 0;
      const xa = args[k++] as tf.Tensor2D;
      const ha = args[k++] as tf.Tensor2D;
      const ca = c ? (args[k++] as tf.Tensor2D) : undefined;
      const pa: CellParams = {
        weightIh: args[k++] as tf.Tensor2D,
        weightHh: args[k++] as tf.Tensor2D,
        biasIh: bias ? (args[k++] as tf.Tensor1D) : null,
        biasHh: bias ? (args[k++] as tf.Tensor1D) : null,
      };
      const { state } = cell.forwardStep(pa, xa, ca ? { h: ha, c: ca } : { h: ha });
      const loss = tf.sum(tf.mul(state.h, dh));
      return state.c && dc ? tf.add(loss, tf.sum(tf.mul(state.c, dc))) : loss;
    })(wrt);

    const mine = [
      analytic.dx,
      analytic.dStatePrev.h,
      ...(c ? [analytic.dStatePrev.c!] : []),
      analytic.dParams.weightIh,
      analytic.dParams.weightHh,
      ...(bias ? [analytic.dParams.biasIh!, analytic.dParams.biasHh!] : []),
    ];
    expect(mine.length).toBe(autodiff.length);
    for (let k = 0; k < mine.length; k++) expectClose(await read(mine[k]), await read(autodiff[k]), `gradient ${k}`);
    if (!bias) expect(analytic.dParams.biasIh).toBeNull();

    tf.dispose([x, h, c ?? [], dh, dc ?? [], Object.values(p).filter(Boolean) as tf.Tensor[], autodiff, mine]);
    tf.dispose(Object.values(cache.values));
  });

  it('forward intermediates and backward match the float64 reference', async () => {
    const { ref, tensors: p } = randomParams(kind, I, H, true, 21);
    const data = inputs(kind, 22);
    const x = tf.tensor2d(data.x);
    const h = tf.tensor2d(data.h);
    const c = data.c ? tf.tensor2d(data.c) : undefined;
    const { state, cache } = cell.forwardStep(p, x, c ? { h, c } : { h });
    const refStep = refCell.forwardStep(ref, data.x, data.c ? { h: data.h, c: data.c } : { h: data.h });

    expect(Object.keys(cache.values).sort()).toEqual(Object.keys(refStep.cache.values).sort());
    for (const [key, value] of Object.entries(cache.values)) {
      expectClose(await read(value), refStep.cache.values[key], `value ${key}`);
    }
    expect(state.h).toBe(cache.values.h);

    const d = data.dc ? { h: data.dh, c: data.dc } : { h: data.dh };
    const dT = { h: tf.tensor2d(d.h), ...(d.c ? { c: tf.tensor2d(d.c) } : {}) };
    const grads = cell.backwardStep(p, cache, dT);
    const refGrads = refCell.backwardStep(ref, refStep.cache, d);
    expectClose(await read(grads.dx), refGrads.dx, 'dx');
    expectClose(await read(grads.dStatePrev.h), refGrads.dStatePrev.h, 'dhPrev');
    if (refGrads.dStatePrev.c) expectClose(await read(grads.dStatePrev.c), refGrads.dStatePrev.c, 'dcPrev');
    for (const key of ['weightIh', 'weightHh', 'biasIh', 'biasHh'] as const) {
      expectClose(await read(grads.dParams[key]), refGrads.dParams[key] ?? [], key);
    }
    tf.dispose([x, h, c ?? [], Object.values(p).filter(Boolean) as tf.Tensor[], Object.values(cache.values)]);
    tf.dispose([dT.h, dT.c ?? [], grads.dx, grads.dStatePrev.h, grads.dStatePrev.c ?? []]);
    tf.dispose(Object.values(grads.dParams).filter(Boolean) as tf.Tensor[]);
  });

  it('reports its gates in PyTorch order', () => {
    expect(cell.gateNames).toEqual({ RNN: ['h'], LSTM: ['i', 'f', 'g', 'o'], GRU: ['r', 'z', 'n'] }[kind]);
    expect(cell.gateCount).toBe(cell.gateNames.length);
  });
});
