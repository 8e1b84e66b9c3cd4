/**
 * One sequence through one cell (batch 1), with every gate, the state and the gradient ∂L/∂h_t read back
 * as plain numbers, for figures that draw them as time × unit heatmaps. The loss is the simplest one that
 * reaches back through time: L = Σ_j h_{T−1, j}, the sum of the final hidden state, so ∂L/∂h_{T−1} = 𝟙 and
 * every earlier ∂L/∂h_t is what BPTT carries back from there: how much step t still matters at the end.
 *
 * Optionally the weights have the classic bug of one shared linear layer for all gates: every gate block of
 * W_ih, W_hh, b_ih and b_hh is a copy of the first, so every gate sees the same pre-activation.
 *
 * Sizes stay modest for hidden sizes up to 512: only [T, H] tensors are read back, in one read, and no
 * parameter gradients are formed.
 */
import { getCell } from '../cells';
import { gateCount, type CellKind, type CellParams, type CellState, type GateCache } from '../cells/types';
import { RecurrentLayer } from '../layer/layer';
import type { TorchGenerator } from '../random';
import type { ReaderMessage } from '../readerMessage';
import { readTree } from '../runtime/readback';
import { forwardDirection } from '../layer/sequence';
import * as tf from '../runtime/tf';
import { tidyResult } from '../runtime/tidy';

/** What to trace. */
export interface GateTraceOptions {
  kind: CellKind;
  hiddenSize: number;
  /** x_t for t = 0…T−1: [T][inputSize], e.g. from `makeInputs` */
  inputs: number[][];
  /**
   * seeds PyTorch's default initialisation of the cell, as `RecurrentLayer.create` does (default 0); a
   * generator continues a stream that built other modules first
   */
  seed?: number | TorchGenerator;
  /** the shared-linear-layer bug: every gate block of the weights equals the first (default false) */
  sharedGates?: boolean;
  /** also run BPTT for ∂L/∂h_t (default true) */
  gradients?: boolean;
}

/** The quantities traced for each kind, in the order figures list them: gates, then state. */
export const TRACED: Readonly<Record<CellKind, readonly string[]>> = {
  RNN: ['h'],
  LSTM: ['i', 'f', 'g', 'o', 'c', 'h'],
  GRU: ['r', 'z', 'n', 'h'],
};

/** How figures name each traced quantity (and `dh`, the gradient): catalogue keys, worded by the interface. */
export const QUANTITY_NAMES: Readonly<Record<string, ReaderMessage>> = {
  h: { key: 'hiddenStateHeatmap:quantityH' },
  c: { key: 'hiddenStateHeatmap:quantityC' },
  i: { key: 'hiddenStateHeatmap:quantityI' },
  f: { key: 'hiddenStateHeatmap:quantityF' },
  g: { key: 'hiddenStateHeatmap:quantityG' },
  o: { key: 'hiddenStateHeatmap:quantityO' },
  r: { key: 'hiddenStateHeatmap:quantityR' },
  z: { key: 'hiddenStateHeatmap:quantityZ' },
  n: { key: 'hiddenStateHeatmap:quantityN' },
  dh: { key: 'hiddenStateHeatmap:quantityDh' },
};

/**
 * The range each quantity lives in, which decides how figures colour it: sigmoid gates in (0, 1), tanh
 * outputs (and h, a gate times a tanh) in (−1, 1), the LSTM's cell state unbounded, the gradient signed.
 */
export const QUANTITY_RANGES: Readonly<Record<string, 'gate' | 'tanh' | 'unbounded' | 'gradient'>> = {
  i: 'gate',
  f: 'gate',
  o: 'gate',
  r: 'gate',
  z: 'gate',
  g: 'tanh',
  n: 'tanh',
  h: 'tanh',
  c: 'unbounded',
  dh: 'gradient',
};

/** The gate pairs whose largest difference shows the shared-layer bug (sigmoid gates of one kind). */
export const GATE_PAIRS: Readonly<Record<CellKind, readonly (readonly [string, string])[]>> = {
  RNN: [],
  LSTM: [
    ['i', 'f'],
    ['i', 'o'],
    ['f', 'o'],
  ],
  GRU: [['r', 'z']],
};

/** max over t and units of |a − b| for one pair of gates. */
export interface GateDifference {
  a: string;
  b: string;
  maxAbs: number;
}

/** A traced sequence as plain numbers. */
export interface GateTrace {
  kind: CellKind;
  hiddenSize: number;
  inputSize: number;
  /** T */
  length: number;
  sharedGates: boolean;
  /** the inputs as fed: [T][inputSize] */
  inputs: number[][];
  /** each name of `TRACED[kind]` → its value at every step: [T][hiddenSize] */
  values: Record<string, number[][]>;
  /** ∂L/∂h_t for L = Σ_j h_{T−1, j}: [T][hiddenSize], or null when not asked for */
  dh: number[][] | null;
  /** ‖∂L/∂h_t‖ for every t: [T], or null without gradients */
  dhNorms: number[] | null;
  /** L = Σ_j h_{T−1, j} */
  loss: number;
  /** ‖h_t‖ for every t: [T] */
  hNorms: number[];
  /** the layer's parameter count, as `sum(p.numel() for p in module.parameters())` */
  numParameters: number;
  /** how many of those parameters can take values of their own: all, or one gate block's share (1/G) when shared */
  freeParameters: number;
  /** one entry per pair of `GATE_PAIRS[kind]`; exactly 0 when the gates are shared */
  gateDifferences: GateDifference[];
}

/** Every gate block of a stacked [G·H, ·] weight or [G·H] bias replaced by the first block. */
function shareFirstBlock<T extends tf.Tensor1D | tf.Tensor2D>(stacked: T, gates: number): T {
  const rows = stacked.shape[0] / gates;
  if (stacked.rank === 1) return tf.tile(tf.slice(stacked, [0], [rows]), [gates]) as T;
  return tf.tile(tf.slice(stacked, [0, 0], [rows, stacked.shape[1] as number]), [gates, 1]) as T;
}

/** The parameters to run: the layer's own, or copies with every gate block equal to the first. */
function paramsToRun(layer: RecurrentLayer, kind: CellKind, shared: boolean): CellParams {
  const p = layer.cellParams(0, 0);
  if (!shared) return p;
  const gates = gateCount(kind);
  return {
    weightIh: shareFirstBlock(p.weightIh, gates),
    weightHh: shareFirstBlock(p.weightHh, gates),
    biasIh: p.biasIh && shareFirstBlock(p.biasIh, gates),
    biasHh: p.biasHh && shareFirstBlock(p.biasHh, gates),
  };
}

/**
 * ∂L/∂h_t for t = T−1 … 0 from ∂L/∂h_{T−1} = 𝟙. Each step is the cell's own backward as far as the gates,
 * then back through W_hh as `backwardStep` does, without the parameter gradients nobody looks at here.
 * Returns [T, H].
 */
function backpropagateToStates(kind: CellKind, p: CellParams, steps: GateCache[], hiddenSize: number): tf.Tensor2D {
  const cell = getCell(kind);
  const T = steps.length;
  const dhs = new Array<tf.Tensor2D>(T);
  let dh: tf.Tensor2D = tf.ones([1, hiddenSize]);
  let dc: tf.Tensor2D | undefined = kind === 'LSTM' ? tf.zeros([1, hiddenSize]) : undefined;
  for (let t = T - 1; t >= 0; t--) {
    dhs[t] = dh;
    const g = cell.backwardToGates(p, steps[t], { h: dh, c: dc });
    const viaWeights: tf.Tensor2D = tf.matMul(g.dGh, p.weightHh);
    dh = g.dhDirect ? tf.add(g.dhDirect, viaWeights) : viaWeights;
    dc = g.dcPrev;
  }
  return tf.concat(dhs, 0);
}

/** Forward (and BPTT) on tensors: every traced quantity and ∂L/∂h_t as [T, H] tensors. */
function traceTensors(layer: RecurrentLayer, options: GateTraceOptions, inputSize: number) {
  const { kind, hiddenSize, inputs } = options;
  const T = inputs.length;
  const p = paramsToRun(layer, kind, options.sharedGates ?? false);
  const zeros = () => tf.zeros([1, hiddenSize]) as tf.Tensor2D;
  const initial: CellState = kind === 'LSTM' ? { h: zeros(), c: zeros() } : { h: zeros() };
  const input2d = tf.tensor2d(inputs, [T, inputSize]);
  const { cache } = forwardDirection(getCell(kind), p, input2d, T, initial, false);
  const values = Object.fromEntries(TRACED[kind].map((name) => [name, tf.concat(cache.steps.map((s) => s.values[name]), 0)]));
  const dh = options.gradients === false ? null : backpropagateToStates(kind, p, cache.steps, hiddenSize);
  return { values, dh };
}

/** Largest |a − b| over every step and unit of two [T][H] grids. */
function maxAbsDifference(a: number[][], b: number[][]): number {
  let max = 0;
  a.forEach((row, t) => row.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[t][j])))));
  return max;
}

/**
 * Runs `inputs` through a fresh one-layer `kind` cell initialised from `seed` and reads every gate, the
 * state and ∂L/∂h_t back in one read. Leaves no tensor behind.
 */
export async function traceGates(options: GateTraceOptions): Promise<GateTrace> {
  const { kind, hiddenSize, inputs, seed = 0 } = options;
  const T = inputs.length;
  if (T < 1) throw new Error('inputs must hold at least one time step');
  const inputSize = inputs[0].length;
  if (inputs.some((x) => x.length !== inputSize || x.some((v) => !Number.isFinite(v)))) {
    throw new Error(`every input must be ${inputSize} finite numbers`);
  }
  const layer = RecurrentLayer.create({ kind, inputSize, hiddenSize }, seed);
  try {
    const tensors = tidyResult(() => traceTensors(layer, options, inputSize));
    let numbers;
    try {
      numbers = await readTree(tensors);
    } finally {
      tf.dispose([...Object.values(tensors.values), tensors.dh ?? []]);
    }
    const values = numbers.values as Record<string, number[][]>;
    const dh = numbers.dh as number[][] | null;
    const h = values.h;
    return {
      kind,
      hiddenSize,
      inputSize,
      length: T,
      sharedGates: options.sharedGates ?? false,
      inputs,
      values,
      dh,
      dhNorms: dh && dh.map((row) => Math.hypot(...row)),
      loss: h[T - 1].reduce((sum, v) => sum + v, 0),
      hNorms: h.map((row) => Math.hypot(...row)),
      numParameters: layer.numParameters(),
      freeParameters: options.sharedGates ? layer.numParameters() / gateCount(kind) : layer.numParameters(),
      gateDifferences: GATE_PAIRS[kind].map(([a, b]) => ({ a, b, maxAbs: maxAbsDifference(values[a], values[b]) })),
    };
  } finally {
    layer.dispose();
  }
}
