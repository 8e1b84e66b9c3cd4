/**
 * The gate trace: its forward values and ∂L/∂h_t equal the unroll recorder's for the same seed, the
 * shared-linear-layer bug equals a float64 cell whose gate blocks were copied by hand and makes the gates
 * identical, it leaves no tensor behind, hidden size 512 works, and every traced quantity has a name in the catalogues.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../../src/core/cells/types';
import { GATE_PAIRS, QUANTITY_NAMES, TRACED, traceGates, type GateTraceOptions } from '../../../src/core/figures/gateTrace';
import { makeInputs } from '../../../src/core/figures/inputPatterns';
import { RecurrentLayer } from '../../../src/core/layer/layer';
import { gateCount } from '../../../src/core/cells/types';
import { getReferenceCell, type RefParams, type RefState } from '../../../src/core/reference';
import * as tf from '../../../src/core/runtime/tf';
import { UnrollRecorder } from '../../../src/core/unroll/unroll';
import { i18n } from '../../../src/i18n/i18n';
import { readerText } from '../../../src/i18n/readerText';
import { expectClose } from './helpers';

const T = 7;
const I = 3;
const H = 5;
const KINDS = ['RNN', 'LSTM', 'GRU'] as const;
const inputs = makeInputs('random', { steps: T, inputSize: I, seed: 4 });

/** Traces and checks that no tensor outlived the call. */
async function trace(options: GateTraceOptions) {
  const before = tf.memory().numTensors;
  const result = await traceGates(options);
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** The layer's parameters for `seed` as float64 arrays, with every gate block copied from the first. */
async function sharedReferenceParams(kind: CellKind, seed: number): Promise<RefParams> {
  const layer = RecurrentLayer.create({ kind, inputSize: I, hiddenSize: H }, seed);
  const dict = await layer.toStateDict();
  layer.dispose();
  const G = gateCount(kind);
  const rows = (name: string, cols: number) => Array.from({ length: G * H }, (_, r) => dict[name].data.slice((r % H) * cols, (r % H) * cols + cols));
  const vector = (name: string) => Array.from({ length: G * H }, (_, r) => dict[name].data[r % H]);
  return { weightIh: rows('weight_ih_l0', I), weightHh: rows('weight_hh_l0', H), biasIh: vector('bias_ih_l0'), biasHh: vector('bias_hh_l0') };
}

describe('traceGates', () => {
  it.each(KINDS)('%s: gates, state and ∂L/∂h_t equal the unroll recorder for L = Σ h_{T−1}', async (kind) => {
    const result = await trace({ kind, hiddenSize: H, inputs, seed: 3 });
    const lastStepOnes = Array.from({ length: T }, (_, t) => new Array<number>(H).fill(t === T - 1 ? 1 : 0));
    const recorder = await UnrollRecorder.create({ kind, inputSize: I, hiddenSize: H, inputs, seed: 3, loss: { kind: 'gradient', grads: lastStepOnes } });
    recorder.seek(recorder.maxPosition);
    const snap = recorder.snapshot();
    for (const name of TRACED[kind]) {
      expectClose(result.values[name], snap.forward.map((f) => f.values[name]), `${kind} ${name}`);
    }
    expectClose(result.dh ?? [], snap.backward.map((b) => b?.dh ?? []), `${kind} ∂L/∂h`);
    expect(result.loss).toBeCloseTo(snap.loss ?? NaN, 5);
    expect(result.hNorms[T - 1]).toBeCloseTo(Math.hypot(...result.values.h[T - 1]), 6);
    expect(result.dhNorms?.[T - 1]).toBeCloseTo(Math.sqrt(H), 6);
    expect(result.numParameters).toBe(gateCount(kind) * (H * I + H * H + 2 * H));
    expect([result.length, result.inputSize, result.hiddenSize]).toEqual([T, I, H]);
  });

  it.each(['LSTM', 'GRU'] as const)('%s with one shared linear layer equals a float64 cell with copied gate blocks', async (kind) => {
    const result = await trace({ kind, hiddenSize: H, inputs, seed: 5, sharedGates: true });
    const cell = getReferenceCell(kind);
    const p = await sharedReferenceParams(kind, 5);
    const zeros = [new Array<number>(H).fill(0)];
    let state: RefState = kind === 'LSTM' ? { h: zeros, c: zeros } : { h: zeros };
    const caches = inputs.map((x) => {
      const step = cell.forwardStep(p, [x], state);
      state = step.state;
      return step.cache;
    });
    for (const name of TRACED[kind]) expectClose(result.values[name], caches.map((c) => c.values[name][0]), `${kind} ${name}`);
    let d: RefState = kind === 'LSTM' ? { h: [new Array<number>(H).fill(1)], c: zeros } : { h: [new Array<number>(H).fill(1)] };
    const dh: number[][] = [];
    for (let t = T - 1; t >= 0; t--) {
      dh[t] = d.h[0];
      d = cell.backwardStep(p, caches[t], d).dStatePrev;
    }
    expectClose(result.dh ?? [], dh, `${kind} ∂L/∂h`);
  });

  it.each(['LSTM', 'GRU'] as const)('%s: the shared layer makes the sigmoid gates identical, the correct one does not', async (kind) => {
    const correct = await trace({ kind, hiddenSize: H, inputs, seed: 1 });
    const shared = await trace({ kind, hiddenSize: H, inputs, seed: 1, sharedGates: true });
    expect(shared.gateDifferences.map((d) => [d.a, d.b])).toEqual(GATE_PAIRS[kind]);
    for (const d of correct.gateDifferences) expect(d.maxAbs).toBeGreaterThan(0.01);
    for (const d of shared.gateDifferences) expect(d.maxAbs).toBe(0);
    const [a, b] = GATE_PAIRS[kind][0];
    expect(shared.values[a]).toEqual(shared.values[b]);
    expect(shared.sharedGates).toBe(true);
    expect(shared.numParameters).toBe(correct.numParameters);
    expect(correct.freeParameters).toBe(correct.numParameters);
    expect(shared.freeParameters * gateCount(kind)).toBe(correct.numParameters);
  });

  it('leaves no tensor behind, with or without gradients, and rejects bad inputs', async () => {
    const start = tf.memory().numTensors;
    for (const kind of KINDS) {
      for (const sharedGates of [false, true]) await traceGates({ kind, hiddenSize: 4, inputs, sharedGates, gradients: sharedGates });
    }
    const noGradients = await traceGates({ kind: 'GRU', hiddenSize: 4, inputs, gradients: false });
    expect(noGradients.dh).toBeNull();
    await expect(traceGates({ kind: 'RNN', hiddenSize: 4, inputs: [] })).rejects.toThrow(/at least one/);
    await expect(traceGates({ kind: 'RNN', hiddenSize: 4, inputs: [[1, 2], [1]] })).rejects.toThrow(/finite/);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('handles hidden size 512 over 24 steps', async () => {
    const result = await trace({ kind: 'LSTM', hiddenSize: 512, inputs: makeInputs('pulses', { steps: 24, inputSize: 4 }) });
    expect(result.values.c).toHaveLength(24);
    expect(result.values.c[23]).toHaveLength(512);
    expect(result.dh?.[0]).toHaveLength(512);
    expect(result.hNorms.every(Number.isFinite)).toBe(true);
  });
});

describe('QUANTITY_NAMES', () => {
  it('names every traced quantity and the gradient from the catalogue, in the glossary’s words', () => {
    for (const name of [...new Set([...KINDS.flatMap((kind) => TRACED[kind]), 'dh'])]) expect(i18n.exists(QUANTITY_NAMES[name].key), name).toBe(true);
    expect(readerText(QUANTITY_NAMES.f, 'en')).toBe('forget gate f');
    expect(readerText(QUANTITY_NAMES.c, 'zh')).toBe('记忆元 c');
  });
});
