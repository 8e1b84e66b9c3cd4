/**
 * RecurrentLayer: PyTorch's names, shapes and defaults; forward/backward against autodiff (dropout
 * included); batch_first; argument checking.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RecurrentLayer, type LayerConfig } from '../../../src/core/layer/layer';
import { mulberry32, uniformValues } from '../../../src/core/random';
import * as tf from '../../../src/core/runtime/tf';
import { expectClose, read } from './helpers';

const before = tf.memory().numTensors;
afterAll(() => expect(tf.memory().numTensors).toBe(before));

const randomTensor = (shape: number[], seed: number) =>
  tf.tensor<tf.Rank>(uniformValues(mulberry32(seed), shape.reduce((a, b) => a * b, 1), 1), shape) as tf.Tensor3D;

describe('parameters', () => {
  it("has PyTorch's names and shapes (nn.RNN(20, 50, 2))", () => {
    const layer = RecurrentLayer.create({ kind: 'RNN', inputSize: 20, hiddenSize: 50, numLayers: 2 }, 0);
    expect(layer.parameterShapes()).toEqual({
      weight_ih_l0: [50, 20],
      weight_hh_l0: [50, 50],
      bias_ih_l0: [50],
      bias_hh_l0: [50],
      weight_ih_l1: [50, 50],
      weight_hh_l1: [50, 50],
      bias_ih_l1: [50],
      bias_hh_l1: [50],
    });
    layer.dispose();
  });

  it('orders bidirectional names as named_parameters() does and counts gates', () => {
    const sizes = { inputSize: 3, hiddenSize: 4, bidirectional: true, bias: false } as const;
    const counts = (['RNN', 'LSTM', 'GRU'] as const).map((kind) => {
      const layer = RecurrentLayer.create({ kind, ...sizes }, 0);
      if (kind === 'GRU') expect(layer.parameterNames()).toEqual(['weight_ih_l0', 'weight_hh_l0', 'weight_ih_l0_reverse', 'weight_hh_l0_reverse']);
      const n = layer.numParameters();
      layer.dispose();
      return n;
    });
    expect(counts).toEqual([2 * (4 * 3 + 4 * 4), 4 * 2 * (4 * 3 + 4 * 4), 3 * 2 * (4 * 3 + 4 * 4)]);
  });

  it('initialises U(−1/√H, 1/√H), reproducibly from the seed', async () => {
    const config: LayerConfig = { kind: 'LSTM', inputSize: 3, hiddenSize: 16 };
    const [a, b, c] = [1, 1, 2].map((seed) => RecurrentLayer.create(config, seed));
    const [da, db, dc] = await Promise.all([a, b, c].map((l) => l.toStateDict()));
    expect(da).toEqual(db);
    expect(da).not.toEqual(dc);
    const all = Object.values(da).flatMap((t) => t.data);
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.24);
    [a, b, c].forEach((l) => l.dispose());
  });
});

describe('forward', () => {
  it('gives the shapes of nn.RNN(10, 20, 2) on (100, 32, 10) with h0 (2, 32, 20)', () => {
    const layer = RecurrentLayer.create({ kind: 'RNN', inputSize: 10, hiddenSize: 20, numLayers: 2 }, 0);
    const x = randomTensor([100, 32, 10], 1);
    const h0 = randomTensor([2, 32, 20], 2);
    const { output, hN, cN } = layer.forward(x, { h0 });
    expect(output.shape).toEqual([100, 32, 20]);
    expect(hN.shape).toEqual([2, 32, 20]);
    expect(cN).toBeUndefined();
    tf.dispose([x, h0, output, hN]);
    layer.dispose();
  });

  it('batch_first only transposes input and output', async () => {
    const config: LayerConfig = { kind: 'GRU', inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true };
    const seqFirst = RecurrentLayer.create(config, 5);
    const batchFirst = RecurrentLayer.create({ ...config, batchFirst: true }, 5);
    const x = randomTensor([6, 2, 3], 3);
    const xt = tf.transpose(x, [1, 0, 2]);
    const a = seqFirst.forward(x);
    const b = batchFirst.forward(xt);
    const bt = tf.transpose(b.output, [1, 0, 2]);
    expectClose(await read(bt), await read(a.output), 'output');
    expectClose(await read(b.hN), await read(a.hN), 'h_n');
    tf.dispose([x, xt, a.output, a.hN, b.output, b.hN, bt]);
    seqFirst.dispose();
    batchFirst.dispose();
  });

  it('rejects inputs, h0 and configs PyTorch would reject', () => {
    const layer = RecurrentLayer.create({ kind: 'LSTM', inputSize: 3, hiddenSize: 4 }, 0);
    const x = randomTensor([5, 2, 3], 1);
    const wrong = randomTensor([5, 2, 2], 1);
    const h0 = randomTensor([2, 2, 4], 1);
    expect(() => layer.forward(wrong)).toThrow(/2 features, the layer expects 3/);
    expect(() => layer.forward(x, { h0 })).toThrow(/h0 has shape \[2, 2, 4\], expected \[1, 2, 4\]/);
    expect(() => RecurrentLayer.create({ kind: 'GRU', inputSize: 3, hiddenSize: 4, nonlinearity: 'relu' }, 0)).toThrow(/RNN only/);
    expect(() => RecurrentLayer.create({ kind: 'RNN', inputSize: 3, hiddenSize: 0 }, 0)).toThrow(/hiddenSize/);
    expect(() => RecurrentLayer.create({ kind: 'RNN', inputSize: 3, hiddenSize: 2, dropout: 1 }, 0)).toThrow(/dropout/);
    tf.dispose([x, wrong, h0]);
    layer.dispose();
  });
});

describe('backward', () => {
  const cases: [string, LayerConfig, boolean, boolean?][] = [
    ['LSTM, 2 layers, bidirectional, dropout in training', { kind: 'LSTM', inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, dropout: 0.4 }, true],
    ['GRU, 3 layers, batch_first, dropout in eval', { kind: 'GRU', inputSize: 2, hiddenSize: 3, numLayers: 3, batchFirst: true, dropout: 0.5 }, false],
    ['RNN relu, no bias, bidirectional', { kind: 'RNN', inputSize: 2, hiddenSize: 3, numLayers: 2, bias: false, bidirectional: true, nonlinearity: 'relu' }, true],
    // One-hot input takes the sparse products (sparseRows.ts) in the first layer.
    ['LSTM, 2 layers, bidirectional, one-hot input of 6', { kind: 'LSTM', inputSize: 6, hiddenSize: 4, numLayers: 2, bidirectional: true }, false, true],
  ];

  it.each(cases)('equals autodiff of forward: %s', async (_, config, training, oneHotInput = false) => {
    // Two layers with one seed draw the same weights and the same dropout masks.
    const analytic = RecurrentLayer.create(config, 9);
    const autodiff = RecurrentLayer.create(config, 9);
    const D = config.bidirectional ? 2 : 1;
    const L = config.numLayers ?? 1;
    const [T, B, H] = [5, 2, config.hiddenSize];
    const x = oneHotInput
      ? tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: T * B }, (_v, k) => (5 * k + 1) % config.inputSize), 'int32'), config.inputSize, 1, 0, 'float32').reshape([T, B, config.inputSize]) as tf.Tensor3D)
      : randomTensor(config.batchFirst ? [B, T, config.inputSize] : [T, B, config.inputSize], 1);
    const h0 = randomTensor([L * D, B, H], 2);
    const c0 = config.kind === 'LSTM' ? randomTensor([L * D, B, H], 3) : undefined;
    const dOutput = randomTensor(config.batchFirst ? [B, T, D * H] : [T, B, D * H], 4);
    const dHN = randomTensor([L * D, B, H], 5);
    const dCN = c0 ? randomTensor([L * D, B, H], 6) : undefined;

    const run = analytic.forwardWithCache(x, { h0, c0, training });
    const mine = analytic.backward(run.cache, { dOutput, dHN, dCN });
    // Without ∂L/∂input (one-hot data) every other gradient is the same, to the bit.
    const dataInput = analytic.backward(run.cache, { dOutput, dHN, dCN, inputGradient: false });
    run.cache.dispose();
    expect(dataInput.dInput).toBeNull();
    expect(await read(dataInput.dH0)).toEqual(await read(mine.dH0));
    for (const name of Object.keys(mine.dParams)) expect(await read(dataInput.dParams[name]), name).toEqual(await read(mine.dParams[name]));
    tf.dispose([dataInput.dH0, dataInput.dC0 ?? [], Object.values(dataInput.dParams)]);

    const lossOf = (out: { output: tf.Tensor; hN: tf.Tensor; cN?: tf.Tensor }) => {
      const loss = tf.add(tf.sum(tf.mul(out.output, dOutput)), tf.sum(tf.mul(out.hN, dHN)));
      return (out.cN && dCN ? tf.add(loss, tf.sum(tf.mul(out.cN, dCN))) : loss) as tf.Scalar;
    };
    const wrt = [x, h0, ...(c0 ? [c0] : [])];
    const [dx, dh0, dc0] = tf.grads((...args: tf.Tensor[]) =>
      lossOf(autodiff.forward(args[0] as tf.Tensor3D, { h0: args[1] as tf.Tensor3D, c0: args[2] as tf.Tensor3D | undefined, training })),
    )(wrt);
    // A fresh twin for the parameter gradients, so that its dropout stream is at the same point again.
    const twin = RecurrentLayer.create(config, 9);
    const { value, grads } = tf.variableGrads(() => lossOf(twin.forward(x, { h0, c0, training })), Object.values(twin.variables));

    expectClose(await read(mine.dInput), await read(dx), 'dInput');
    expectClose(await read(mine.dH0), await read(dh0), 'dH0');
    if (c0) expectClose(await read(mine.dC0), await read(dc0), 'dC0');
    for (const [name, variable] of Object.entries(twin.variables)) {
      expectClose(await read(mine.dParams[name]), await read(grads[variable.name]), name);
    }
    expect(Object.keys(mine.dParams).sort()).toEqual(analytic.parameterNames().sort());

    tf.dispose([x, h0, c0 ?? [], dOutput, dHN, dCN ?? [], run.output, run.hN, run.cN ?? [], dx, dh0, dc0 ?? [], value]);
    tf.dispose([mine.dInput, mine.dH0, mine.dC0 ?? [], Object.values(mine.dParams), Object.values(grads)]);
    [analytic, autodiff, twin].forEach((l) => l.dispose());
  });

  it.each(['RNN', 'LSTM', 'GRU'] as const)('predict (fused kernels, for generation) equals forward: %s, 2 layers, bidirectional, h0', async (kind) => {
    const layer = RecurrentLayer.create({ kind, inputSize: 3, hiddenSize: 5, numLayers: 2, bidirectional: true, batchFirst: true }, 4);
    const x = randomTensor([2, 6, 3], 5);
    const h0 = randomTensor([4, 2, 5], 6);
    const c0 = kind === 'LSTM' ? randomTensor([4, 2, 5], 7) : undefined;
    const [plain, fused] = [layer.forward(x, { h0, c0 }), layer.predict(x, { h0, c0 })];
    expectClose(await read(fused.output), await read(plain.output), 'output');
    expectClose(await read(fused.hN), await read(plain.hN), 'h_n');
    if (c0) expectClose(await read(fused.cN), await read(plain.cN), 'c_n');
    tf.dispose([x, h0, c0 ?? [], ...[plain, fused].flatMap((o) => [o.output, o.hN, o.cN ?? []])]);
    layer.dispose();
  });

  it('dropout draws a fresh seeded mask per training pass and none in eval', async () => {
    const config: LayerConfig = { kind: 'RNN', inputSize: 2, hiddenSize: 8, numLayers: 2, dropout: 0.5 };
    const [a, b] = [RecurrentLayer.create(config, 3), RecurrentLayer.create(config, 3)];
    const x = randomTensor([4, 1, 2], 1);
    const outs = [a.forward(x, { training: true }), b.forward(x, { training: true }), a.forward(x, { training: true })];
    const evals = [a.forward(x), a.forward(x)];
    const [first, same, next] = await Promise.all(outs.map((o) => read(o.output)));
    expect(same).toEqual(first);
    expect(next).not.toEqual(first);
    expect(await read(evals[0].output)).toEqual(await read(evals[1].output));
    tf.dispose([x, ...outs.flatMap((o) => [o.output, o.hN]), ...evals.flatMap((o) => [o.output, o.hN])]);
    a.dispose();
    b.dispose();
  });
});
